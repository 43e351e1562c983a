"""The model of Max for Live devices (Live.MaxDevice shows them): parameter banks of eight, inputs and outputs.

Live._max_device sets ``MaxNode.cls`` (the public class its handles have).
"""
from Live._device_model import DeviceNode
from Live._device_io_model import DeviceIONode

BANK_SIZE = 8
BANK_TEXT = "Bank index out of range"


class MaxNode(DeviceNode):
    """A Max for Live device's state (parameters after Device On form the banks).

    Its inputs and outputs: an audio effect has a sidechain audio input, an instrument or MIDI
    effect a MIDI input (from another track); none has extra outputs.
    """

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        audio = int(self.type) == 2
        self.audio_inputs = [DeviceIONode(world, self)] if audio else []
        self.midi_inputs = [] if audio else [DeviceIONode(world, self, midi=True)]
        self.audio_outputs = []
        self.midi_outputs = []

    def children(self):
        return DeviceNode.children(self) + self.audio_inputs + self.midi_inputs

    def bank_count(self):
        return max(1, (len(self.parameters) - 1 + BANK_SIZE - 1) // BANK_SIZE)


def bank_name(o, index):
    """The name of bank ``index``."""
    if not 0 <= index < o.bank_count():
        raise RuntimeError(BANK_TEXT)
    return "Bank %d" % (index + 1)


def bank_parameters(o, index):
    """Parameter indices of bank ``index`` (-1: the best-of bank); empty slots are -1."""
    if index == -1:
        index = 0
    if not 0 <= index < o.bank_count():
        raise RuntimeError(BANK_TEXT)
    first = 1 + index * BANK_SIZE
    return [i if i < len(o.parameters) else -1 for i in range(first, first + BANK_SIZE)]
