"""Live.WavetableDevice: Wavetable's oscillators, voicing and modulation matrix.

Each oscillator picks a category of ``oscillator_wavetable_categories`` and a wavetable of that
category (choosing a category selects its first wavetable).  The modulation matrix holds the
parameters shown in it (``visible_modulation_target_names``) and an amount per target and
``ModulationSource``.
"""
from Live import _lom
from Live._device_class import ClassNode, enum_value, ranged
from Live._lom import method, prop, set_value
from Live._base import StringVector
from Live._device import Device

EffectMode = _lom.make_enum("WavetableDevice", "EffectMode", {
    "none": 0, "frequency_modulation": 1, "sync_and_pulse_width": 2, "warp_and_fold": 3})
FilterRouting = _lom.make_enum("WavetableDevice", "FilterRouting", {"serial": 0, "parallel": 1, "split": 2})
ModulationSource = _lom.make_enum("WavetableDevice", "ModulationSource", {
    "amp_envelope": 0, "envelope_2": 1, "envelope_3": 2, "lfo_1": 3, "lfo_2": 4, "midi_velocity": 5,
    "midi_note": 6, "midi_pitch_bend": 7, "midi_channel_pressure": 8, "midi_mod_wheel": 9, "midi_random": 10})
UnisonMode = _lom.make_enum("WavetableDevice", "UnisonMode", {
    "none": 0, "classic": 1, "slow_shimmer": 2, "fast_shimmer": 3, "phase_sync": 4, "position_spread": 5,
    "random_note": 6})
VoiceCount = _lom.make_enum("WavetableDevice", "VoiceCount", {
    "two": 0, "three": 1, "four": 2, "five": 3, "six": 4, "seven": 5, "eight": 6})
Voicing = _lom.make_enum("WavetableDevice", "Voicing", {"mono": 0, "poly": 1})

WAVETABLES = (
    ("Basics", ("Basic Shapes", "Sine Saw", "Square Pulse")),
    ("Collection", ("Arrival", "Ascent", "Bamboo", "Crystal")),
    ("Complex", ("Alien", "Bubbles", "Metallic")),
    ("Distortion", ("Cold Fuzz", "Overdriven")),
    ("Formant", ("Vowels A-E", "Vowels I-U")),
    ("Noise", ("White Noise", "Pink Noise")),
)
# Parameters that cannot be modulated in the matrix (they have their own controls).
NOT_MODULATABLE = ("Device On", "Transpose")
# What the matrix shows in a new Wavetable.
FIRST_TARGETS = ("Osc 1 Pos", "Osc 2 Pos", "Filter 1 Freq")


class WavetableNode(ClassNode):
    """Wavetable's state: the matrix's targets (parameter nodes) and amounts {(target, source): amount}."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, cls=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name, cls)
        self.mod_targets = []
        self.mod_amounts = {}

    def add_parameter(self, name, *args, **kwargs):
        p = ClassNode.add_parameter(self, name, *args, **kwargs)
        if name in FIRST_TARGETS:
            self.mod_targets.append(p)
        return p

    def target(self, index):
        if not 0 <= index < len(self.mod_targets):
            raise RuntimeError("Invalid modulation target index")
        return self.mod_targets[index]


def _tables(oscillator):
    def get(o):
        return WAVETABLES[getattr(o, "oscillator_%d_wavetable_category" % oscillator)][1]
    return get


def _category(oscillator):
    attr = "oscillator_%d_wavetable_category" % oscillator

    def fset(o, v):
        if not 0 <= v < len(WAVETABLES):
            raise RuntimeError("Index out of range")
        if set_value(o, attr, v):
            set_value(o, "oscillator_%d_wavetable_index" % oscillator, 0)
    return prop("int", set=True, observe=True, fset=fset)


def _table_index(oscillator):
    attr = "oscillator_%d_wavetable_index" % oscillator

    def fset(o, v):
        if not 0 <= v < len(_tables(oscillator)(o)):
            raise RuntimeError("Index out of range")
        set_value(o, attr, v)
    return prop("int", set=True, observe=True, fset=fset)


def _modulatable(o, p):
    return p.parent is o and p.name not in NOT_MODULATABLE


def _source(source):
    if source not in ModulationSource.values:
        raise RuntimeError("Invalid modulation source")
    return int(source)


class WavetableDevice(Device):
    """Wavetable."""

    __slots__ = ()
    _node = WavetableNode
    _defaults = {"oscillator_1_effect_mode": EffectMode.none, "oscillator_2_effect_mode": EffectMode.none,
                 "oscillator_1_wavetable_category": 0, "oscillator_2_wavetable_category": 0,
                 "oscillator_1_wavetable_index": 0, "oscillator_2_wavetable_index": 1,
                 "filter_routing": FilterRouting.serial, "mono_poly": Voicing.poly, "poly_voices": VoiceCount.eight,
                 "unison_mode": UnisonMode.none, "unison_voice_count": 3}
    oscillator_wavetable_categories = prop("StringVector", get=lambda o: _lom.vector(
        StringVector, [name for name, _ in WAVETABLES], None))
    oscillator_1_wavetable_category = _category(1)
    oscillator_2_wavetable_category = _category(2)
    oscillator_1_wavetables = prop("StringVector", observe=True,
                                   get=lambda o: _lom.vector(StringVector, _tables(1)(o), None))
    oscillator_2_wavetables = prop("StringVector", observe=True,
                                   get=lambda o: _lom.vector(StringVector, _tables(2)(o), None))
    oscillator_1_wavetable_index = _table_index(1)
    oscillator_2_wavetable_index = _table_index(2)
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
        if not _modulatable(o, parameter):
            raise RuntimeError("Parameter cannot be modulated")
        if parameter not in o.mod_targets:
            targets = o.mod_targets

            def put():
                targets.append(parameter)
                _lom.notify(o, "visible_modulation_target_names")

            def take():
                targets.remove(parameter)
                _lom.notify(o, "visible_modulation_target_names")
            put()
            o.world.history.record(take, put, "Add Modulation Target")
        return o.mod_targets.index(parameter)

    @method("int target_index")
    def get_modulation_target_parameter_name(o, index):
        """The name of the parameter at a target index of the matrix."""
        return o.target(index).name

    @method("int target_index, int source")
    def get_modulation_value(o, index, source):
        """A modulation amount (-1..1) of a target and a source."""
        return o.mod_amounts.get((o.target(index), _source(source)), 0.0)

    @method("int target_index, int source, float value", edits=True, label="Set Modulation Amount")
    def set_modulation_value(o, index, source, value):
        """Set a modulation amount (-1..1) of a target and a source."""
        key = (o.target(index), _source(source))
        value = _lom.in_range(o.world, value, -1.0, 1.0, "Modulation amount out of range")
        amounts = o.mod_amounts
        old = amounts.get(key, 0.0)

        def apply(v):
            amounts[key] = v
        apply(value)
        o.world.history.record(lambda: apply(old), lambda: apply(value), "Set Modulation Amount")

    @method("DeviceParameter parameter")
    def is_parameter_modulatable(o, parameter):
        """Whether a parameter of this Wavetable can be a modulation target."""
        return _modulatable(o, parameter)
