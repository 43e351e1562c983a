"""The groove pool (/live/groove/*, /live/song/get/groove_pool) and a clip's groove, as indices and names.

A groove is addressed by its index in the set's groove pool. A clip's groove is sent as that
index, -1 when the clip has none.
"""

from .errors import HandlerError
from .objects import ARRANGEMENT_CLIP, CLIP, Kind, find_index
from .registry import Prop
from .types import to_int

NO_GROOVE = -1


class GrooveKind(Kind):
    """A groove of the set's groove pool, by index."""

    name = "groove"
    live_class = "Groove"
    members = ("Song.groove_pool", "GroovePool.grooves")
    index_names = ("groove_id",)
    index_types = ("i",)

    def resolve(self, song, values):
        index = to_int(values[0], "groove_id")
        grooves = song.groove_pool.grooves
        if not 0 <= index < len(grooves):
            raise HandlerError("No groove %d (the groove pool has %d)" % (index, len(grooves)))
        return [((index,), grooves[index])]

    def locate(self, song, obj, echo):
        if obj is None or obj == None:  # noqa: E711  (a deleted groove equals None)
            return None
        index = find_index(song.groove_pool.grooves, obj, echo[0])
        return None if index is None else (index,) + tuple(echo[1:])


GROOVE = GrooveKind()

PROPERTIES = [
    Prop("name", "s", strict=True),
    Prop("base", "i", "gs", values=range(6), strict=True, doc="Grid: 0 1/4, 1 1/8, 2 1/8T, 3 1/16, 4 1/16T, 5 1/32"),
    Prop("quantization_amount", "f", strict=True, doc="Quantization amount (0.0-1.0)"),
    Prop("timing_amount", "f", strict=True, doc="Timing amount (0.0-1.0)"),
    Prop("random_amount", "f", strict=True, doc="Random amount (0.0-1.0)"),
    Prop("velocity_amount", "f", strict=True, doc="Velocity amount (-1.0-1.0)"),
]


def _groove_names(grooves):
    return tuple(groove.name for groove in grooves)


def clip_groove_index(song, clip):
    """The index of the clip's groove in the pool, -1 for none."""
    groove = clip.groove
    if groove is None:
        return NO_GROOVE
    index = find_index(song.groove_pool.grooves, groove)
    return NO_GROOVE if index is None else index


def set_clip_groove(ctx, clip, groove_id):
    if groove_id < -1:
        raise HandlerError("groove_id must be -1 (none) or an index into the groove pool, got %d" % groove_id)
    if groove_id < 0:
        if clip.groove is None:
            return
        try:
            ctx.manager.write(setattr, clip, "groove", None)
        except TypeError:
            # Live's API refuses clip.groove = None (Boost.Python ArgumentError) and has no other way.
            raise HandlerError("Live cannot remove a clip's groove through its API; "
                               "remove it in Live (Clip view > Groove > None)")
        return
    (echo, groove), = GROOVE.resolve(ctx.song, (groove_id,))
    ctx.manager.write(setattr, clip, "groove", groove)


def register(reg):
    pool_prop = Prop("groove_pool", "s*", "gl", attr="grooves", target=lambda song: song.groove_pool,
                     out=_groove_names, member="GroovePool.grooves", strict=True,
                     doc="The names of the grooves in the groove pool (a groove_id is an index into it)")
    reg.properties("song", [pool_prop])
    for kind in ("get", "start_listen", "stop_listen"):
        reg.entries["/live/song/%s/groove_pool" % kind].members = ("Song.groove_pool", "GroovePool.grooves")
    reg.properties(GROOVE, PROPERTIES)
    ctx = reg.ctx  # the getter needs the song's pool; the context holds the running set
    clip_prop = Prop("groove", "i", "gl", member="Clip.groove", strict=True,
                     getter=lambda clip: clip_groove_index(ctx.song, clip),
                     doc="The index of the clip's groove in the groove pool (-1: none)")
    for kind in (CLIP, ARRANGEMENT_CLIP):
        reg.properties(kind, [clip_prop])
        reg.add("/live/%s/set/groove" % kind.name, "set", kind, set_clip_groove, args="groove_id:i",
                members="Clip.groove",
                doc="Give the clip a groove of the groove pool; -1 is accepted on a clip without one (Live's API "
                    "cannot remove a groove: it refuses clip.groove = None)")
