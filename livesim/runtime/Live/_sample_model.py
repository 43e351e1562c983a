"""The model of the sample loaded in a Simpler (Live.Sample shows it): markers, slices, warping, warp modes.

Positions (markers, slices) are in sample frames.  A loaded file is taken to be two seconds at
44.1 kHz recorded at 120 BPM (four beats); warping maps frames to beats through the warp markers,
(frame, beat) pairs.  Simpler's warp commands (``warp_region_as``), ``crop`` and ``reverse`` act
here.  Live._sample sets ``SampleNode.cls`` (the public class its handles have).
"""
import math
import os

from Live import _lom
from Live._lom import set_value

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
        _lom.Node.__init__(self, world, simpler)
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


def marker_setter(attr, lo_attr=None, hi_attr=None):
    """The setter of marker ``attr``, kept between markers ``lo_attr`` and ``hi_attr`` (or the sample's ends)."""
    def fset(o, v):
        lo = getattr(o, lo_attr) if lo_attr else 0
        hi = getattr(o, hi_attr) if hi_attr else o.length
        set_value(o, attr, _lom.in_range(o.world, v, lo, hi, "Marker position out of range"))
    return fset


def set_warp_mode(o, v):
    """Choose one of the seven warp modes."""
    set_value(o, "warp_mode", _lom.in_range(o.world, v, 0, 6, "Invalid warp mode"))


def warped(o):
    """Refuse a beat conversion of a sample that is not warped."""
    if not o.warping:
        raise RuntimeError(NOT_WARPED_TEXT)


def set_slices(o, slices, label):
    """Replace the slices (sorted, each once) as one undoable edit."""
    old = list(o.slices)
    new = sorted(set(slices))

    def apply(items):
        o.slices = list(items)
        _lom.notify(o, "slices")
    apply(new)
    o.world.history.record(lambda: apply(old), lambda: apply(new), label)


def insert_slice(o, time):
    """Add a slice at a frame, if there is none."""
    if not 0 <= time < o.length:
        raise RuntimeError("Slice time out of range")
    if time not in o.slices:
        set_slices(o, o.slices + [time], "Insert Slice")


def move_slice(o, old, new):
    """Move the slice at ``old`` to ``new``; the frame it ends up at."""
    if old not in o.slices:
        raise RuntimeError(SLICE_TEXT)
    new = min(max(new, 0), o.length - 1)
    set_slices(o, [t for t in o.slices if t != old] + [new], "Move Slice")
    return new


def remove_slice(o, time):
    """Remove the slice at a frame, if there is one."""
    if time in o.slices:
        set_slices(o, [t for t in o.slices if t != time], "Remove Slice")


def gain_text(gain):
    """Sample gain 0..1 as Live shows it (0.5 is 0 dB, the range is -inf to +24 dB)."""
    if gain <= 0.0:
        return "-inf dB"
    db = 20.0 * math.log10(gain / 0.5) if gain != 0.5 else 0.0
    return "%.1f dB" % min(db, 24.0)


def reversed_path(path):
    """The file Live renders a reversed sample to ("kick.wav" -> "kick R.wav")."""
    stem, ext = os.path.splitext(path)
    return "%s R%s" % (stem, ext or ".wav")


def crop(sample):
    """Keep only the part between the start and end markers."""
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


def reverse(sample):
    """Reverse the sample (Live renders it to a new file)."""
    sample.slices = sorted(sample.length - t for t in sample.slices if t > 0)
    start, end = sample.start_marker, sample.end_marker
    sample.start_marker, sample.end_marker = sample.length - end, sample.length - start
    set_value(sample, "file_path", reversed_path(sample.file_path))
    _lom.notify(sample, "slices")
