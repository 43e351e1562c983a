"""Live.MaxDevice: a Max for Live device, a view on Live._max_model."""
from Live import _lom
from Live._base import Vector
from Live._lom import method, prop
from Live._device import Device
from Live._max_model import MaxNode, bank_name, bank_parameters


class MaxDevice(Device):
    """A Max for Live device."""

    __slots__ = ()
    bank_parameters_changed = _lom.event()
    audio_inputs = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.audio_inputs))
    audio_outputs = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.audio_outputs))
    midi_inputs = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.midi_inputs))
    midi_outputs = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.midi_outputs))

    @method()
    def get_bank_count(o):
        """The number of parameter banks."""
        return o.bank_count()

    @method("int arg2")
    def get_bank_name(o, index):
        """The name of bank ``index``."""
        return bank_name(o, index)

    @method("int arg2")
    def get_bank_parameters(o, index):
        """Parameter indices of bank ``index`` (-1: the best-of bank); empty slots are -1."""
        return bank_parameters(o, index)

    @method("DeviceParameter arg2")
    def get_value_item_icons(o, parameter):
        """Icon names for a list parameter's values (none in livesim)."""
        return []


MaxNode.cls = MaxDevice  # handles of Max device nodes are Live.MaxDevice.MaxDevice
