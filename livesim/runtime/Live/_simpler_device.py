"""Live.SimplerDevice: Simpler's playback settings (the sample itself is not modelled)."""
from Live import _lom
from Live._lom import prop, set_value
from Live._base import IntVector
from Live._device import Device, DeviceNode

PlaybackMode = _lom.make_enum("SimplerDevice", "PlaybackMode", {"classic": 0, "one_shot": 1, "slicing": 2})
SlicingPlaybackMode = _lom.make_enum("SimplerDevice", "SlicingPlaybackMode", {"mono": 0, "poly": 1, "thru": 2})
VOICE_NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 32)


def get_available_voice_numbers():
    """The voice counts Simpler offers."""
    return _lom.vector(IntVector, VOICE_NUMBERS, None)


class SimplerNode(DeviceNode):
    """Simpler's state; ``sample_path`` is the loaded sample's file (or None)."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name, SimplerDevice)
        self.playback_mode = 0
        self.slicing_playback_mode = 0
        self.voices = 1
        self.retrigger = True
        self.multi_sample_mode = False
        self.pad_slicing = False
        self.sample_path = None


def _set_mode(attr, enum):
    def fset(o, v):
        if v not in enum.values:
            raise RuntimeError("Invalid %s" % attr.replace("_", " "))
        set_value(o, attr, v)
    return fset


def _set_voices(o, v):
    if v not in VOICE_NUMBERS:
        raise RuntimeError("Invalid number of voices")
    set_value(o, "voices", v)


class SimplerDevice(Device):
    """Simpler."""

    __slots__ = ()
    # Live reports these as plain ints (values of PlaybackMode / SlicingPlaybackMode).
    playback_mode = prop("int", set=True, observe=True, fset=_set_mode("playback_mode", PlaybackMode))
    slicing_playback_mode = prop("int", set=True, observe=True,
                                 fset=_set_mode("slicing_playback_mode", SlicingPlaybackMode))
    voices = prop("int", set=True, observe=True, fset=_set_voices)
    retrigger = prop("bool", set=True, observe=True)
    multi_sample_mode = prop("bool", observe=True)
    pad_slicing = prop("bool", set=True, observe=True)
