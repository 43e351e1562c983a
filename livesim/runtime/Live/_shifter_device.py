"""Live.ShifterDevice: Shifter's pitch mode and its MIDI pitch bend range."""
from Live._device_class import chooser, names, ranged
from Live._device import Device

PITCH_MODES = ("Internal", "MIDI")


class ShifterDevice(Device):
    """Shifter."""

    __slots__ = ()
    _since = (12, 0, 0)
    _defaults = {"pitch_mode_index": 0, "pitch_bend_range": 2}
    pitch_mode_list = names(PITCH_MODES)
    pitch_mode_index = chooser("pitch_mode_list")
    pitch_bend_range = ranged("int", 0, 24)
