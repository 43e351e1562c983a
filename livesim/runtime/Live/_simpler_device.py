"""Live.SimplerDevice: Simpler's playback settings, its sample (``Live._sample``) and warp commands."""
from Live import _lom
from Live._base import IntVector
from Live._device import Device
from Live._device_model import DeviceNode, ViewNode
from Live._lom import method, prop, set_value, since
from Live._sample import SampleNode, reversed_path

PlaybackMode = _lom.make_enum("SimplerDevice", "PlaybackMode", {"classic": 0, "one_shot": 1, "slicing": 2})
SlicingPlaybackMode = _lom.make_enum("SimplerDevice", "SlicingPlaybackMode", {"mono": 0, "poly": 1, "thru": 2})
VOICE_NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 32)


def get_available_voice_numbers():
    """The voice counts Simpler offers."""
    return _lom.vector(IntVector, VOICE_NUMBERS, None)


class SimplerNode(DeviceNode):
    """Simpler's state; ``sample`` is the loaded Sample node (None when empty), ``sample_path`` its file."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name, SimplerDevice)
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
        ViewNode.__init__(self, world, parent, SimplerDevice.View)
        self.selected_slice = 0


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


def _set_selected_slice(view, v):
    sample = view.parent.sample
    if sample is None or v not in sample.slices:
        raise RuntimeError("No slice at this time")
    set_value(view, "selected_slice", v)


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
    pitch_bend_range = prop("int", set=True, observe=True, avail=since(12, 0),
                            fset=lambda o, v: set_value(o, "pitch_bend_range", _range(o, v, 0, 48)))
    note_pitch_bend_range = prop("int", set=True, observe=True, avail=since(12, 0),
                                 fset=lambda o, v: set_value(o, "note_pitch_bend_range", _range(o, v, 0, 96)))
    sample = prop("Sample?", observe=True, get=lambda o: _lom.wrap(o.sample))
    can_warp_as = prop("bool", observe=True, get=lambda o: o.sample is not None)
    can_warp_double = prop("bool", observe=True, get=lambda o: o.sample is not None and o.sample.warping)
    can_warp_half = prop("bool", observe=True, get=lambda o: o.sample is not None and o.sample.warping)
    # livesim plays no audio through instruments: Simpler shows no playing position.
    playing_position = prop("float", observe=True, get=lambda o: 0.0)
    playing_position_enabled = prop("bool", observe=True, get=lambda o: False)
    view = prop("View", get=lambda o: _lom.wrap(o.view))

    @method(edits=True, label="Crop Sample")
    def crop(o):
        """Keep only the part between the start and end markers."""
        sample = _loaded(o)
        start, end = sample.start_marker, sample.end_marker
        beats = sample.region_beats()
        sample.length = end - start
        sample.slices = [t - start for t in sample.slices if start <= t < end]
        sample.start_marker, sample.end_marker = 0, sample.length
        sample.markers = [(0, 0.0), (sample.length, beats)]
        _lom.notify(sample, "start_marker")
        _lom.notify(sample, "end_marker")
        _lom.notify(sample, "slices")
        _lom.notify(sample, "warp_markers")

    @method(edits=True, label="Reverse Sample")
    def reverse(o):
        """Reverse the sample (Live renders it to a new file)."""
        sample = _loaded(o)
        sample.slices = sorted(sample.length - t for t in sample.slices if t > 0)
        start, end = sample.start_marker, sample.end_marker
        sample.start_marker, sample.end_marker = sample.length - end, sample.length - start
        set_value(sample, "file_path", reversed_path(sample.file_path))
        _lom.notify(sample, "slices")

    @method("float beat_time", edits=True, label="Warp As")
    def warp_as(o, beats):
        """Warp the region between the markers to last ``beats`` beats."""
        sample = _loaded(o)
        if beats <= 0.0:
            raise RuntimeError("Invalid length")
        sample.warp_region_as(beats)

    @method(edits=True, label="Warp Double")
    def warp_double(o):
        """Double the region's tempo (it lasts twice as many beats)."""
        sample = _loaded(o)
        sample.warp_region_as(sample.region_beats() * 2.0)

    @method(edits=True, label="Warp Half")
    def warp_half(o):
        """Halve the region's tempo (it lasts half as many beats)."""
        sample = _loaded(o)
        sample.warp_region_as(sample.region_beats() / 2.0)

    @method()
    def guess_playback_length(o):
        """The beats the region between the markers lasts."""
        return _loaded(o).region_beats()

    class View(Device.View):
        """Simpler's view: the sample's playback region in frames (-1 when empty)."""

        __slots__ = ()
        sample_start = prop("int", get=lambda o: _sample_value(o, "start_marker"))
        sample_end = prop("int", get=lambda o: _sample_value(o, "end_marker"))
        sample_loop_start = prop("int", get=lambda o: _sample_value(o, "start_marker"))
        sample_loop_end = prop("int", get=lambda o: _sample_value(o, "end_marker"))
        sample_loop_fade = prop("int", get=lambda o: _sample_value(o, None))
        sample_env_fade_in = prop("int", get=lambda o: _sample_value(o, None))
        sample_env_fade_out = prop("int", get=lambda o: _sample_value(o, None))
        selected_slice = prop("int", set=True, observe=True, doc=False, fset=_set_selected_slice)


EMPTY_TEXT = "Simpler has no sample"


def _loaded(o):
    if o.sample is None:
        raise RuntimeError(EMPTY_TEXT)
    return o.sample


def _range(o, v, lo, hi):
    return _lom.in_range(o.world, v, lo, hi, "Value out of range")


def _sample_value(view, attr):
    sample = view.parent.sample
    if sample is None:
        return -1
    return getattr(sample, attr) if attr else 0
