"""Live.Sample: the sample loaded in a Simpler, a view on Live._sample_model."""
from Live import _lom
from Live._clip_model import WarpMarker, WarpMarkerVector
from Live._device_class import enum_value, flag, ranged
from Live._lom import method, prop
from Live._base import IntVector
from Live._sample_model import (  # noqa: F401  (the enums are Live.Sample's)
    SampleNode, SlicingBeatDivision, SlicingStyle, TransientLoopMode, gain_text, insert_slice, marker_setter,
    move_slice, remove_slice, set_slices, set_warp_mode, warped)


def _marker(attr, lo_attr=None, hi_attr=None):
    return prop("int", set=True, observe=True, fset=marker_setter(attr, lo_attr, hi_attr))


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
    warp_mode = prop("int", set=True, observe=True, fset=set_warp_mode)
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
        warped(o)
        return o.to_frame(beat)

    @method("float sample_time")
    def sample_to_beat_time(o, frame):
        """The beat at a sample frame (warped samples only)."""
        warped(o)
        return o.to_beat(frame)

    @method("int slice_time", edits=True, label="Insert Slice")
    def insert_slice(o, time):
        """Add a slice at a frame, if there is none."""
        insert_slice(o, time)

    @method("int old_time, int new_time", edits=True, label="Move Slice")
    def move_slice(o, old, new):
        """Move the slice at ``old`` to ``new``; the frame it ends up at."""
        return move_slice(o, old, new)

    @method("int slice_time", edits=True, label="Remove Slice")
    def remove_slice(o, time):
        """Remove the slice at a frame, if there is one."""
        remove_slice(o, time)

    @method(edits=True, label="Clear Slices")
    def clear_slices(o):
        """Remove every slice."""
        set_slices(o, [], "Clear Slices")

    @method(edits=True, label="Reset Slices")
    def reset_slices(o):
        """Bring the slices back to where slicing put them."""
        set_slices(o, o.original_slices, "Reset Slices")


SampleNode.cls = Sample  # handles of sample nodes are Live.Sample.Sample
