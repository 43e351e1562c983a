"""/live/arrangement_clip/*: arrangement clips by track and index, and moving clips into the arrangement.

An arrangement clip is addressed as (track_id, clip_index), its index in Track.arrangement_clips
(ordered by start time). Every clip property of ``/live/clip`` exists here; Live's refusals
(a MIDI-only property of an audio clip ...) are answered with Live's text rather than nil. The
notes, envelope, warp marker and clip model addresses come from those modules.
"""

from .clip import PROPERTIES as CLIP_PROPERTIES
from .envelope import clip_track
from .errors import HandlerError
from .objects import find_index
from .registry import Prop


def strict(prop):
    """A copy of a clip Prop that answers Live's error text where the property does not apply."""
    return Prop(prop.name, prop.type, prop.access, attr=prop.attr, target=prop.target, out=prop.out,
                since=prop.since, doc=prop.doc, getter=prop.getter, member=prop.member, strict=True)


PROPERTIES = [strict(prop) for prop in CLIP_PROPERTIES]


def arrangement_index(track, clip, time=None):
    """The index of a (new) arrangement clip; by start time where Live returned no clip."""
    clips = track.arrangement_clips
    if clip is not None:
        index = find_index(clips, clip)
        if index is not None:
            return index
    for index, item in enumerate(clips):
        if time is not None and abs(item.start_time - time) < 1e-9:
            return index
    raise HandlerError("The new arrangement clip was not found")


def get_num_arrangement_clips(ctx, track):
    """The number of clips in the track's arrangement."""
    return (len(track.arrangement_clips),)


def duplicate_to_arrangement(ctx, clip, destination_time):
    """Copy a session clip to its track's arrangement; reply the new clip's index."""
    track = clip_track(clip)
    new = track.duplicate_clip_to_arrangement(clip, destination_time)
    return (arrangement_index(track, new, destination_time),)


def delete(ctx, clip):
    """Delete an arrangement clip."""
    ctx.manager.write(clip_track(clip).delete_clip, clip)


def _method(name):
    def call(ctx, clip):
        ctx.manager.write(getattr(clip, name))

    return call


def register(reg):
    reg.properties("arrangement_clip", PROPERTIES)
    for name, doc in (("fire", "Launch the clip (from its position in the arrangement)"), ("stop", "Stop the clip"),
                      ("duplicate_loop", "Double the loop, duplicating its notes")):
        reg.add("/live/arrangement_clip/%s" % name, "method", "arrangement_clip", _method(name), doc=doc,
                members="Clip.%s" % name)
    reg.add("/live/arrangement_clip/delete", "method", "arrangement_clip", delete,
            doc="Delete the arrangement clip (later clips move down one index)",
            members=("Track.delete_clip", "Track.arrangement_clips"))
    reg.add("/live/clip/duplicate_to_arrangement", "method", "clip", duplicate_to_arrangement,
            args="destination_time:f", reply="track_id:i clip_id:i arrangement_clip_index:i",
            doc="Copy the clip into its track's arrangement at a time in beats; replies the new clip's index",
            example="/live/clip/duplicate_to_arrangement 0 0 16.0",
            members=("Track.duplicate_clip_to_arrangement", "Track.arrangement_clips"))
    if "/live/track/get/num_arrangement_clips" not in reg.entries:
        reg.add("/live/track/get/num_arrangement_clips", "get", "track", get_num_arrangement_clips,
                reply="track_id:i num_arrangement_clips:i", doc="Number of clips in the track's arrangement",
                members="Track.arrangement_clips")
