"""The model of Simpler (Live.SimplerDevice shows it): its playback settings, its sample and warp commands.

Live._simpler_device sets ``SimplerNode.cls`` and ``SimplerViewNode.cls`` (the public classes their
handles have).
"""
from Live import _lom
from Live._device_model import DeviceNode, ViewNode
from Live._lom import set_value
from Live._sample_model import SampleNode

PlaybackMode = _lom.make_enum("SimplerDevice", "PlaybackMode", {"classic": 0, "one_shot": 1, "slicing": 2})
SlicingPlaybackMode = _lom.make_enum("SimplerDevice", "SlicingPlaybackMode", {"mono": 0, "poly": 1, "thru": 2})
VOICE_NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 32)
EMPTY_TEXT = "Simpler has no sample"


class SimplerNode(DeviceNode):
    """Simpler's state; ``sample`` is the loaded Sample node (None when empty), ``sample_path`` its file."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        self.playback_mode = 0
        self.slicing_playback_mode = 0
        self.voices = 1
        self.retrigger = True
        self.multi_sample_mode = False
        self.pad_slicing = False
        self.pitch_bend_range = 5
        self.note_pitch_bend_range = 48
        self.sample = None
        self.view = SimplerViewNode(world, self)

    def children(self):
        return DeviceNode.children(self) + ([self.sample] if self.sample is not None else [])

    @property
    def sample_path(self):
        return self.sample.file_path if self.sample is not None else None

    @sample_path.setter
    def sample_path(self, path):
        """Load a sample file (None: empty Simpler); notifies ``sample``."""
        old = self.sample
        if old is not None:
            _lom.kill(old)
        self.sample = SampleNode(self.world, self, path) if path is not None else None
        self.view.selected_slice = 0
        if self.ls is not None:
            _lom.notify(self, "sample")


class SimplerViewNode(ViewNode):
    """Simpler's view: the selected slice (a frame of the sample's slices)."""

    def __init__(self, world, parent):
        ViewNode.__init__(self, world, parent)
        self.selected_slice = 0


def mode_setter(attr, enum):
    """The setter of a playback mode ``attr``, one of the values of ``enum``."""
    def fset(o, v):
        if v not in enum.values:
            raise RuntimeError("Invalid %s" % attr.replace("_", " "))
        set_value(o, attr, v)
    return fset


def set_voices(o, v):
    """Set the number of voices (one of ``VOICE_NUMBERS``)."""
    if v not in VOICE_NUMBERS:
        raise RuntimeError("Invalid number of voices")
    set_value(o, "voices", v)


def range_setter(attr, lo, hi):
    """The setter of a number ``attr`` kept within [lo, hi]."""
    def fset(o, v):
        set_value(o, attr, _lom.in_range(o.world, v, lo, hi, "Value out of range"))
    return fset


def set_selected_slice(view, v):
    """Select a slice of the sample (by its frame)."""
    sample = view.parent.sample
    if sample is None or v not in sample.slices:
        raise RuntimeError("No slice at this time")
    set_value(view, "selected_slice", v)


def loaded(o):
    """The sample node of Simpler ``o`` (RuntimeError if it has none)."""
    if o.sample is None:
        raise RuntimeError(EMPTY_TEXT)
    return o.sample


def warp_as(o, beats):
    """Warp the region between the markers to last ``beats`` beats."""
    sample = loaded(o)
    if beats <= 0.0:
        raise RuntimeError("Invalid length")
    sample.warp_region_as(beats)


def warp_by(o, factor):
    """Scale the beats the region between the markers lasts by ``factor``."""
    sample = loaded(o)
    sample.warp_region_as(sample.region_beats() * factor)


def sample_value(view, attr):
    """A marker of the sample a Simpler view shows (-1 when empty; 0 for what livesim does not model)."""
    sample = view.parent.sample
    if sample is None:
        return -1
    return getattr(sample, attr) if attr else 0
