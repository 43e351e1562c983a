"""Live.ShifterDevice: Shifter's pitch mode and its MIDI pitch bend range."""
from Live._device_class import chooser, names, ranged
from Live._device import Device
from Live._device_classes_model import ShifterNode

PITCH_MODES = ("Internal", "MIDI")


class ShifterDevice(Device):
    """Shifter."""

    __slots__ = ()
    pitch_mode_list = names(PITCH_MODES)
    pitch_mode_index = chooser("pitch_mode_list")
    pitch_bend_range = ranged("int", 0, 24)


ShifterNode.cls = ShifterDevice  # the class of its nodes' handles
