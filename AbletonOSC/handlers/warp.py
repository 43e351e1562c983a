"""Warp markers of audio clips, their warp modes, and beat / sample / seconds conversions.

Times: beat_time in beats; a warp marker's sample_time in seconds of the sample (as Live's
WarpMarker); the conversions' sample times in samples. On a MIDI clip every address answers
Live's own error text. Adding, moving and removing markers need Live 11.1.
"""

from .notes import CLIP_KINDS
from .registry import Prop


def _markers(markers):
    values = []
    for marker in markers:
        values.extend((marker.beat_time, marker.sample_time))
    return tuple(values)


PROPERTIES = [
    Prop("warp_markers", "f", "gl", out=_markers, strict=True,
         member=("Clip.warp_markers", "WarpMarker.beat_time", "WarpMarker.sample_time"),
         doc="Warp markers as (beat_time sample_time) pairs, sample_time in seconds"),
    Prop("available_warp_modes", "i", "g", out=lambda modes: tuple(int(m) for m in modes), strict=True,
         doc="The warp modes this audio clip can use"),
]


def add_marker(ctx, clip, beat_time, *sample_time):
    """Pin a beat time to a sample time (seconds; default: where the beat is now)."""
    import Live

    if sample_time:
        seconds = sample_time[0]
    else:
        seconds = clip.beat_to_sample_time(beat_time) / clip.sample_rate
    ctx.manager.write(clip.add_warp_marker, Live.Clip.WarpMarker(sample_time=seconds, beat_time=beat_time))


def move_marker(ctx, clip, beat_time, distance):
    """Move the marker at a beat time by a distance in beats."""
    ctx.manager.write(clip.move_warp_marker, beat_time, distance)


def remove_marker(ctx, clip, beat_time):
    """Remove the marker at a beat time."""
    ctx.manager.write(clip.remove_warp_marker, beat_time)


def _conversion(name, arg):
    def get(ctx, clip, value):
        return (value, getattr(clip, name)(value))

    get.__doc__ = "Convert %s with Clip.%s." % (arg, name)
    return get


CONVERSIONS = (
    ("beat_to_sample_time", "beat_time", "sample_time", "The sample position (samples) of a beat time; warped clips"),
    ("sample_to_beat_time", "sample_time", "beat_time", "The beat time of a sample position (samples); warped clips"),
    ("seconds_to_sample_time", "seconds", "sample_time",
     "The sample position (samples) of a time in seconds; unwarped clips"),
)


def register(reg):
    for kind, base in CLIP_KINDS:
        _register(reg, kind, base)


def _register(reg, kind, base):
    index = "track_id:i clip_id:i " if kind == "clip" else "track_id:i clip_index:i "
    reg.properties(kind, PROPERTIES, prefix=base)
    reg.add(base + "/add/warp_marker", "method", kind, add_marker, args="beat_time:f sample_time:f?", since=(11, 1),
            doc="Add a warp marker at a beat time, pinned to sample_time (seconds; default: where it plays now)",
            example="%s/add/warp_marker 2 0 2.0" % base,
            members="Clip.add_warp_marker")
    reg.add(base + "/move/warp_marker", "method", kind, move_marker, args="beat_time:f distance:f", since=(11, 1),
            doc="Move the warp marker at beat_time by distance beats (where it stays between its neighbours)",
            members="Clip.move_warp_marker")
    reg.add(base + "/remove/warp_marker", "method", kind, remove_marker, args="beat_time:f", since=(11, 1),
            doc="Remove the warp marker at beat_time", members="Clip.remove_warp_marker")
    for name, arg, result, doc in CONVERSIONS:
        reg.add("%s/get/%s" % (base, name), "get", kind, _conversion(name, arg), args="%s:f" % arg,
                reply="%s%s:f %s:f" % (index, arg, result), doc=doc, members="Clip.%s" % name)
