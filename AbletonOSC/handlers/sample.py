"""/live/sample/*: the sample loaded in a Simpler, reached with the Simpler's device reference.

Markers and slices are in sample frames. ``/live/sample/get/warp_markers`` answers (beat, sample
seconds) pairs; the beat/frame conversions need a warped sample, as in Live.
"""

from .errors import HandlerError, NotAvailable
from .objects import DEVICE, Kind
from .registry import KIND_GET, KIND_METHOD, Prop


class SampleKind(Kind):
    """The sample of a Simpler: another device, or an empty Simpler, is refused clearly."""

    name = "sample"
    live_class = "Sample"
    members = DEVICE.members + ("SimplerDevice.sample",)
    index_names = DEVICE.index_names
    index_types = DEVICE.index_types

    def resolve(self, song, values):
        result = []
        for echo, device in DEVICE.resolve(song, values):
            try:
                sample = device.sample
            except AttributeError as error:
                raise NotAvailable("Device %s of track %s (%s) is not Simpler: %s"
                                   % (echo[1], echo[0], device.class_display_name, error))
            if sample is None:
                raise HandlerError("Simpler %s of track %s has no sample" % (echo[1], echo[0]))
            result.append((echo, sample))
        return result

    def locate(self, song, obj, echo):
        if obj is None or obj == None:  # noqa: E711  (deleted: another sample was loaded)
            return None
        return DEVICE.locate(song, obj.canonical_parent, echo)


SAMPLE = SampleKind()

PROPERTIES = [
    Prop("file_path", "s", "gl", strict=True, doc="The sample's file"),
    Prop("length", "i", "g", strict=True, doc="The sample's length in frames"),
    Prop("sample_rate", "f", "g", strict=True, doc="The sample's rate in Hz"),
    Prop("gain", "f", strict=True, doc="The sample's gain (0..1; 0.5 is 0 dB)"),
    Prop("start_marker", "i", strict=True, doc="The start marker, in frames"),
    Prop("end_marker", "i", strict=True, doc="The end marker, in frames"),
    Prop("warping", "b", strict=True, doc="Whether the sample is warped"),
    Prop("warp_mode", "i", strict=True, doc="0 beats, 1 tones, 2 texture, 3 re-pitch, 4 complex, 6 complex pro"),
    Prop("slices", "i", "gl", strict=True, out=lambda slices: tuple(int(t) for t in slices),
         doc="The slice points, in frames"),
    Prop("slicing_style", "i", strict=True, doc="0 transient, 1 beat, 2 region, 3 manual"),
    Prop("slicing_beat_division", "i", strict=True, doc="Beat slicing's step: 0 1/16 ... 8 one bar, 9 two, 10 four"),
    Prop("slicing_region_count", "i", strict=True, doc="Region slicing's number of slices"),
    Prop("slicing_sensitivity", "f", strict=True, doc="Transient slicing's sensitivity (0..1)"),
    Prop("beats_granulation_resolution", "i", strict=True, doc="Beats mode: the granulation resolution"),
    Prop("beats_transient_envelope", "f", strict=True, doc="Beats mode: the transient envelope (0..100)"),
    Prop("beats_transient_loop_mode", "i", strict=True, doc="Beats mode: 0 off, 1 forward, 2 back and forth"),
    Prop("complex_pro_envelope", "f", strict=True, doc="Complex Pro mode: the envelope"),
    Prop("complex_pro_formants", "f", strict=True, doc="Complex Pro mode: the formants (0..100)"),
    Prop("texture_flux", "f", strict=True, doc="Texture mode: the flux"),
    Prop("texture_grain_size", "f", strict=True, doc="Texture mode: the grain size"),
    Prop("tones_grain_size", "f", strict=True, doc="Tones mode: the grain size"),
]


def get_warp_markers(ctx, sample):
    values = []
    for marker in sample.warp_markers:
        values.extend((float(marker.beat_time), float(marker.sample_time)))
    return tuple(values)


def get_gain_display(ctx, sample):
    return (sample.gain_display_string(),)


def beat_to_sample(ctx, sample, beat):
    return (beat, float(sample.beat_to_sample_time(beat)))


def sample_to_beat(ctx, sample, frame):
    return (frame, float(sample.sample_to_beat_time(frame)))


def _call(name):
    def call(ctx, sample, *args):
        ctx.manager.write(getattr(sample, name), *args)

    return call


def move_slice(ctx, sample, old, new):
    return (old, int(sample.move_slice(old, new)))


def register(reg):
    reg.properties(SAMPLE, PROPERTIES)
    reg.add("/live/sample/get/warp_markers", KIND_GET, SAMPLE, get_warp_markers, members="Sample.warp_markers",
            reply="track_id:i device_id:i (beat_time:f sample_time:f)*",
            doc="The sample's warp markers: beat and time in seconds, pairs in order")
    reg.add("/live/sample/get/gain_display_string", KIND_GET, SAMPLE, get_gain_display,
            members="Sample.gain_display_string", reply="track_id:i device_id:i text:s",
            doc="The sample's gain as Live shows it ('0.0 dB')")
    reg.add("/live/sample/get/beat_to_sample_time", KIND_GET, SAMPLE, beat_to_sample, args="beat_time:f",
            members="Sample.beat_to_sample_time", reply="track_id:i device_id:i beat_time:f sample_time:f",
            doc="The frame of the sample at a beat (a warped sample only)")
    reg.add("/live/sample/get/sample_to_beat_time", KIND_GET, SAMPLE, sample_to_beat, args="sample_time:f",
            members="Sample.sample_to_beat_time", reply="track_id:i device_id:i sample_time:f beat_time:f",
            doc="The beat at a frame of the sample (a warped sample only)")
    for name, args, doc in (("insert_slice", "slice_time:i", "Add a slice at a frame, if there is none"),
                            ("remove_slice", "slice_time:i", "Remove the slice at a frame, if there is one"),
                            ("clear_slices", "", "Remove every slice"),
                            ("reset_slices", "", "Bring the slices back to where slicing put them")):
        reg.add("/live/sample/%s" % name, KIND_METHOD, SAMPLE, _call(name), args=args, members="Sample.%s" % name,
                doc=doc)
    reg.add("/live/sample/move_slice", KIND_METHOD, SAMPLE, move_slice, args="old_time:i new_time:i",
            members="Sample.move_slice", reply="track_id:i device_id:i old_time:i new_time:i",
            doc="Move a slice; answers the frame it is at now")
