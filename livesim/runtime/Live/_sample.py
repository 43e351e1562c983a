"""Live.Sample: the sample loaded in a Simpler: markers, slices, warping and the warp modes' settings.

Positions (markers, slices) are in sample frames.  A loaded file is taken to be two seconds at
44.1 kHz recorded at 120 BPM (four beats); warping maps frames to beats through the warp markers,
(frame, beat) pairs.  Simpler's warp commands (``warp_as``, ``warp_double``, ``warp_half``) and
``crop``/``reverse`` act here.
"""
import os

from Live import _lom
from Live._clip import WarpMarker, WarpMarkerVector
from Live._device_class import enum_value, flag, ranged
from Live._lom import method, prop, set_value
from Live._base import IntVector

SlicingBeatDivision = _lom.make_enum("Sample", "SlicingBeatDivision", {
    "sixteenth": 0, "sixteenth_triplett": 1, "eighth": 2, "eighth_triplett": 3, "quarter": 4,
    "quarter_triplett": 5, "half": 6, "half_triplett": 7, "one_bar": 8, "two_bars": 9, "four_bars": 10})
SlicingStyle = _lom.make_enum("Sample", "SlicingStyle", {"transient": 0, "beat": 1, "region": 2, "manual": 3})
TransientLoopMode = _lom.make_enum("Sample", "TransientLoopMode", {"off": 0, "forward": 1, "alternate": 2})

RATE = 44100
FRAMES = 2 * RATE
NOT_WARPED_TEXT = "Sample is not warped"
SLICE_TEXT = "No slice at this time"


class SampleNode(_lom.Node):
    """A sample's state (owned by its Simpler node)."""

    def __init__(self, world, simpler, path):
        _lom.Node.__init__(self, world, simpler, Sample)
        self.file_path = path
        self.length = FRAMES
        self.sample_rate = float(RATE)
        self.gain = 0.5
        self.start_marker = 0
        self.end_marker = FRAMES
        self.warping = True
        self.warp_mode = 0
        self.markers = [(0, 0.0), (FRAMES, 4.0)]
        # Transient slicing finds one slice per beat in the stand-in file.
        self.original_slices = [beat * FRAMES // 4 for beat in range(4)]
        self.slices = list(self.original_slices)
        self.slicing_style = SlicingStyle.transient
        self.slicing_beat_division = SlicingBeatDivision.sixteenth
        self.slicing_region_count = 8
        self.slicing_sensitivity = 0.5
        self.beats_granulation_resolution = 2
        self.beats_transient_envelope = 100.0
        self.beats_transient_loop_mode = TransientLoopMode.forward
        self.complex_pro_envelope = 128.0
        self.complex_pro_formants = 100.0
        self.texture_flux = 0.0
        self.texture_grain_size = 65.0
        self.tones_grain_size = 31.0

    def to_beat(self, frame):
        return _interpolate(self.markers, frame, 0, 1)

    def to_frame(self, beat):
        return _interpolate(self.markers, beat, 1, 0)

    def region_beats(self):
        return self.to_beat(self.end_marker) - self.to_beat(self.start_marker)

    def warp_region_as(self, beats):
        """Pin the start marker to beat 0 and the end marker to ``beats`` (the tempo follows)."""
        set_value(self, "warping", True)
        start = self.start_marker
        self.markers = [(start, 0.0), (self.end_marker, float(beats))]
        _lom.notify(self, "warp_markers")


def _interpolate(points, x, xi, yi):
    a, b = points[0], points[-1]
    for left, right in zip(points, points[1:]):
        if x <= right[xi]:
            a, b = left, right
            break
    span = b[xi] - a[xi]
    if span == 0:
        return float(a[yi])
    return float(a[yi] + (x - a[xi]) * (b[yi] - a[yi]) / span)


def _marker(attr, lo_attr=None, hi_attr=None):
    def fset(o, v):
        lo = getattr(o, lo_attr) if lo_attr else 0
        hi = getattr(o, hi_attr) if hi_attr else o.length
        set_value(o, attr, _lom.in_range(o.world, v, lo, hi, "Marker position out of range"))
    return prop("int", set=True, observe=True, fset=fset)


def _warped(o):
    if not o.warping:
        raise RuntimeError(NOT_WARPED_TEXT)


def _set_slices(o, slices, label):
    old = list(o.slices)
    new = sorted(set(slices))

    def apply(items):
        o.slices = list(items)
        _lom.notify(o, "slices")
    apply(new)
    o.world.history.record(lambda: apply(old), lambda: apply(new), label)


def gain_text(gain):
    """Sample gain 0..1 as Live shows it (0.5 is 0 dB, the range is -inf to +24 dB)."""
    if gain <= 0.0:
        return "-inf dB"
    import math
    db = 20.0 * math.log10(gain / 0.5) if gain != 0.5 else 0.0
    return "%.1f dB" % min(db, 24.0)


class Sample(_lom.LomObject):
    """The sample loaded in a Simpler (``simpler.sample``)."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    file_path = prop("str", observe=True)
    length = prop("int")
    sample_rate = prop("float")
    gain = ranged("float", 0.0, 1.0)
    start_marker = _marker("start_marker", hi_attr="end_marker")
    end_marker = _marker("end_marker", lo_attr="start_marker")
    warping = flag()
    warp_mode = prop("int", set=True, observe=True,
                     fset=lambda o, v: set_value(o, "warp_mode", _lom.in_range(o.world, v, 0, 6, "Invalid warp mode")))
    warp_markers = prop("WarpMarkerVector", observe=True, get=lambda o: _lom.vector(
        WarpMarkerVector, [WarpMarker(float(frame) / o.sample_rate, beat) for frame, beat in o.markers], None))
    slices = prop("IntVector", observe=True, get=lambda o: _lom.vector(IntVector, o.slices, None))
    slicing_style = enum_value(SlicingStyle)
    slicing_beat_division = enum_value(SlicingBeatDivision)
    slicing_region_count = ranged("int", 2, 64)
    slicing_sensitivity = ranged("float", 0.0, 1.0)
    beats_granulation_resolution = ranged("int", 0, 6)
    beats_transient_envelope = ranged("float", 0.0, 100.0)
    beats_transient_loop_mode = enum_value(TransientLoopMode)
    complex_pro_envelope = ranged("float", 8.0, 256.0)
    complex_pro_formants = ranged("float", 0.0, 100.0)
    texture_flux = ranged("float", 0.0, 100.0)
    texture_grain_size = ranged("float", 2.0, 263.0)
    tones_grain_size = ranged("float", 12.0, 100.0)

    @method()
    def gain_display_string(o):
        """The gain as Live shows it ("0.0 dB")."""
        return gain_text(o.gain)

    @method("float beat_time")
    def beat_to_sample_time(o, beat):
        """The sample frame at a beat (warped samples only)."""
        _warped(o)
        return o.to_frame(beat)

    @method("float sample_time")
    def sample_to_beat_time(o, frame):
        """The beat at a sample frame (warped samples only)."""
        _warped(o)
        return o.to_beat(frame)

    @method("int slice_time", edits=True, label="Insert Slice")
    def insert_slice(o, time):
        """Add a slice at a frame, if there is none."""
        if not 0 <= time < o.length:
            raise RuntimeError("Slice time out of range")
        if time not in o.slices:
            _set_slices(o, o.slices + [time], "Insert Slice")

    @method("int old_time, int new_time", edits=True, label="Move Slice")
    def move_slice(o, old, new):
        """Move the slice at ``old`` to ``new``; the frame it ends up at."""
        if old not in o.slices:
            raise RuntimeError(SLICE_TEXT)
        new = min(max(new, 0), o.length - 1)
        _set_slices(o, [t for t in o.slices if t != old] + [new], "Move Slice")
        return new

    @method("int slice_time", edits=True, label="Remove Slice")
    def remove_slice(o, time):
        """Remove the slice at a frame, if there is one."""
        if time in o.slices:
            _set_slices(o, [t for t in o.slices if t != time], "Remove Slice")

    @method(edits=True, label="Clear Slices")
    def clear_slices(o):
        """Remove every slice."""
        _set_slices(o, [], "Clear Slices")

    @method(edits=True, label="Reset Slices")
    def reset_slices(o):
        """Bring the slices back to where slicing put them."""
        _set_slices(o, o.original_slices, "Reset Slices")


def reversed_path(path):
    """The file Live renders a reversed sample to ("kick.wav" -> "kick R.wav")."""
    stem, ext = os.path.splitext(path)
    return "%s R%s" % (stem, ext or ".wav")
