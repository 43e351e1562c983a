"""Live.Chain: a rack chain (its devices and its mixer); the state behind it is in Live._chain_model."""
from Live import _lom, _palette
from Live._lom import method, prop, set_value, since
from Live._base import Vector
from Live._chain_model import AUDIO_EFFECT, INSTRUMENT, ChainNode, refresh_solo
from Live._device import DeviceContainer
from Live._device_model import delete_device, device_at

def _set_mute(o, v):
    o.mixer.chain_activator.set(0.0 if v else 1.0)


def _set_solo(o, v):
    if set_value(o, "solo", v):
        refresh_solo(o.siblings())


def _set_color(o, v):
    _palette.set_color(o, v)
    set_value(o, "is_auto_colored", False)


def _set_color_index(o, v):
    _palette.set_color_index(o, v)
    set_value(o, "is_auto_colored", False)


def _rack_type(o):
    return int(o.parent.type)


class Chain(DeviceContainer):
    """A chain of a rack device."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    color = prop("int", set=True, observe=True, fset=_set_color)
    color_index = prop("int", set=True, observe=True, fset=_set_color_index)
    is_auto_colored = prop("bool", set=True, observe=True)
    mute = prop("bool", set=True, observe=True, fset=_set_mute)
    solo = prop("bool", set=True, observe=True, fset=_set_solo)
    muted_via_solo = prop("bool", observe=True)
    devices = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.devices))
    mixer_device = prop("ChainMixerDevice", get=lambda o: _lom.wrap(o.mixer))
    has_audio_input = prop("bool", get=lambda o: _rack_type(o) == AUDIO_EFFECT)
    has_audio_output = prop("bool", get=lambda o: _rack_type(o) == AUDIO_EFFECT or
                            _rack_type(o) == INSTRUMENT and o.has_instrument())
    has_midi_input = prop("bool", get=lambda o: _rack_type(o) != AUDIO_EFFECT)
    has_midi_output = prop("bool", get=lambda o: _rack_type(o) != AUDIO_EFFECT and not o.has_instrument())

    @method("int arg2", edits=True, label="Delete Device")
    def delete_device(o, index):
        """Delete the device at ``index`` (RuntimeError for a bad index)."""
        delete_device(o, index)

    @method("int arg2", edits=True, label="Duplicate Device", avail=since(12, 3))
    def duplicate_device(o, index):
        """Insert a copy of the device at ``index`` right after it."""
        from Live._devices_model import duplicate_device
        duplicate_device(o, device_at(o, index))

    @method("str DeviceName, int DeviceIndex=-1", edits=True, label="Insert Device", avail=since(12, 3))
    def insert_device(o, device_name, device_index):
        """Insert a stock device by its browser name at ``device_index`` (-1: the end)."""
        from Live._devices_model import insert_device_by_name
        return _lom.wrap(insert_device_by_name(o, device_name, device_index))


ChainNode.cls = Chain  # handles of chain nodes are Live.Chain.Chain
