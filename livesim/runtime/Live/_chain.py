"""Live.Chain: a rack chain (its devices and its mixer), a view on Live._chain_model."""
from Live import _lom
from Live._lom import method, prop, since
from Live._base import Vector
from Live._chain_model import ChainNode, set_chain_color, set_chain_color_index, set_chain_mute, set_chain_solo
from Live._device import DeviceContainer
from Live._device_model import delete_device, device_at
from Live._devices_model import duplicate_device, insert_device_by_name


class Chain(DeviceContainer):
    """A chain of a rack device."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    color = prop("int", set=True, observe=True, fset=set_chain_color)
    color_index = prop("int", set=True, observe=True, fset=set_chain_color_index)
    is_auto_colored = prop("bool", set=True, observe=True)
    mute = prop("bool", set=True, observe=True, fset=set_chain_mute)
    solo = prop("bool", set=True, observe=True, fset=set_chain_solo)
    muted_via_solo = prop("bool", observe=True)
    devices = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.devices))
    mixer_device = prop("ChainMixerDevice", get=lambda o: _lom.wrap(o.mixer))
    has_audio_input = prop("bool", get=lambda o: o.has_audio_input())
    has_audio_output = prop("bool", get=lambda o: o.has_audio_output())
    has_midi_input = prop("bool", get=lambda o: o.has_midi_input())
    has_midi_output = prop("bool", get=lambda o: o.has_midi_output())

    @method("int arg2", edits=True, label="Delete Device")
    def delete_device(o, index):
        """Delete the device at ``index`` (RuntimeError for a bad index)."""
        delete_device(o, index)

    @method("int arg2", edits=True, label="Duplicate Device", avail=since(12, 3))
    def duplicate_device(o, index):
        """Insert a copy of the device at ``index`` right after it."""
        duplicate_device(o, device_at(o, index))

    @method("str DeviceName, int DeviceIndex=-1", edits=True, label="Insert Device", avail=since(12, 3))
    def insert_device(o, device_name, device_index):
        """Insert a stock device by its browser name at ``device_index`` (-1: the end)."""
        return _lom.wrap(insert_device_by_name(o, device_name, device_index))


ChainNode.cls = Chain  # handles of chain nodes are Live.Chain.Chain
