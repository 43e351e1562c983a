"""Live.MaxDevice: a Max for Live device; its parameters are offered in banks of eight."""
from Live import _lom
from Live._base import Vector
from Live._lom import method
from Live._device import Device
from Live._device_model import DeviceNode
from Live._device_io import DeviceIONode
from Live._lom import prop

BANK_SIZE = 8
BANK_TEXT = "Bank index out of range"


class MaxNode(DeviceNode):
    """A Max for Live device's state (parameters after Device On form the banks).

    Its inputs and outputs: an audio effect has a sidechain audio input, an instrument or MIDI
    effect a MIDI input (from another track); none has extra outputs.
    """

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name, MaxDevice)
        audio = int(self.type) == 2
        self.audio_inputs = [DeviceIONode(world, self)] if audio else []
        self.midi_inputs = [] if audio else [DeviceIONode(world, self, midi=True)]
        self.audio_outputs = []
        self.midi_outputs = []

    def children(self):
        return DeviceNode.children(self) + self.audio_inputs + self.midi_inputs

    def bank_count(self):
        return max(1, (len(self.parameters) - 1 + BANK_SIZE - 1) // BANK_SIZE)


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
        if not 0 <= index < o.bank_count():
            raise RuntimeError(BANK_TEXT)
        return "Bank %d" % (index + 1)

    @method("int arg2")
    def get_bank_parameters(o, index):
        """Parameter indices of bank ``index`` (-1: the best-of bank); empty slots are -1."""
        if index == -1:
            index = 0
        if not 0 <= index < o.bank_count():
            raise RuntimeError(BANK_TEXT)
        first = 1 + index * BANK_SIZE
        return [i if i < len(o.parameters) else -1 for i in range(first, first + BANK_SIZE)]

    @method("DeviceParameter arg2")
    def get_value_item_icons(o, parameter):
        """Icon names for a list parameter's values (none in livesim)."""
        return []
