"""Live.WavetableDevice: Wavetable's oscillators, voicing and modulation matrix, a view on Live._wavetable_model."""
from Live import _lom
from Live._device_class import enum_value, ranged
from Live._lom import method, prop
from Live._base import StringVector
from Live._device import Device
from Live._wavetable_model import (  # noqa: F401  (the enums are Live.WavetableDevice's)
    WAVETABLES, EffectMode, FilterRouting, ModulationSource, UnisonMode, VoiceCount, Voicing, WavetableNode,
    add_modulation_target, category_setter, is_modulatable, modulation_value, set_modulation_value, wavetable_setter,
    wavetables)


def _category(oscillator):
    return prop("int", set=True, observe=True, fset=category_setter(oscillator))


def _wavetables(oscillator):
    return prop("StringVector", observe=True,
                get=lambda o: _lom.vector(StringVector, wavetables(o, oscillator), None))


def _wavetable_index(oscillator):
    return prop("int", set=True, observe=True, fset=wavetable_setter(oscillator))


class WavetableDevice(Device):
    """Wavetable."""

    __slots__ = ()
    oscillator_wavetable_categories = prop("StringVector", get=lambda o: _lom.vector(
        StringVector, [name for name, _ in WAVETABLES], None))
    oscillator_1_wavetable_category = _category(1)
    oscillator_2_wavetable_category = _category(2)
    oscillator_1_wavetables = _wavetables(1)
    oscillator_2_wavetables = _wavetables(2)
    oscillator_1_wavetable_index = _wavetable_index(1)
    oscillator_2_wavetable_index = _wavetable_index(2)
    oscillator_1_effect_mode = enum_value(EffectMode)
    oscillator_2_effect_mode = enum_value(EffectMode)
    filter_routing = enum_value(FilterRouting)
    mono_poly = enum_value(Voicing)
    poly_voices = enum_value(VoiceCount)
    unison_mode = enum_value(UnisonMode)
    unison_voice_count = ranged("int", 2, 8)
    visible_modulation_target_names = prop("StringVector", observe=True, get=lambda o: _lom.vector(
        StringVector, [p.name for p in o.mod_targets], None))

    @method("DeviceParameter parameter", edits=True, label="Add Modulation Target")
    def add_parameter_to_modulation_matrix(o, parameter):
        """Show a parameter of this Wavetable in the matrix; its target index."""
        return add_modulation_target(o, parameter)

    @method("int target_index")
    def get_modulation_target_parameter_name(o, index):
        """The name of the parameter at a target index of the matrix."""
        return o.target(index).name

    @method("int target_index, int source")
    def get_modulation_value(o, index, source):
        """A modulation amount (-1..1) of a target and a source."""
        return modulation_value(o, index, source)

    @method("int target_index, int source, float value", edits=True, label="Set Modulation Amount")
    def set_modulation_value(o, index, source, value):
        """Set a modulation amount (-1..1) of a target and a source."""
        set_modulation_value(o, index, source, value)

    @method("DeviceParameter parameter")
    def is_parameter_modulatable(o, parameter):
        """Whether a parameter of this Wavetable can be a modulation target."""
        return is_modulatable(o, parameter)


WavetableNode.cls = WavetableDevice  # handles of Wavetable nodes are Live.WavetableDevice.WavetableDevice
