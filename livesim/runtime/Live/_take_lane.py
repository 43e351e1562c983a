"""Live.TakeLane (Live 12.2+): a take lane of a track in the arrangement, for comping recordings."""
import os

from Live import _lom
from Live._base import Vector
from Live._clip_model import ClipNode
from Live._lom import method, prop


class TakeLaneNode(_lom.Node):
    """A take lane's state: its name and its arrangement clips."""

    def __init__(self, world, track, name):
        _lom.Node.__init__(self, world, track, TakeLane)
        self.name = name
        self.arrangement_clips = []

    def children(self):
        return list(self.arrangement_clips)

    def add_clip(self, clip):
        put, take = _lom.membership(self, self.arrangement_clips, clip, "arrangement_clips")
        put()
        self.world.history.record(take, put, "Insert Clip")
        return _lom.wrap(clip)


def _check_position(start, length):
    if start < 0.0 or start > 1576800.0 or length <= 0.0:
        raise RuntimeError("Invalid clip position or length")


class TakeLane(_lom.LomObject):
    """A take lane of a track (``track.take_lanes``)."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    arrangement_clips = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.arrangement_clips))

    @method("float arg2, float arg3", edits=True, label="Insert Clip")
    def create_midi_clip(o, start, length):
        """Create an empty MIDI clip in the lane at ``start`` (beats)."""
        if o.parent.kind != "midi":
            raise RuntimeError("Can only create MIDI clips on MIDI tracks")
        _check_position(start, length)
        return o.add_clip(ClipNode(o.world, o, is_audio=False, length=length, arrangement=True, start_time=start))

    @method("str arg2, float arg3", edits=True, label="Insert Audio Clip")
    def create_audio_clip(o, path, start):
        """Create an audio clip of a sample file in the lane at ``start`` (beats)."""
        if o.parent.kind != "audio":
            raise RuntimeError("Can only create audio clips on audio tracks")
        _check_position(start, 4.0)
        clip = ClipNode(o.world, o, is_audio=True, length=4.0, arrangement=True, start_time=start)
        clip.file_path = path
        clip.name = os.path.splitext(os.path.basename(path))[0]
        return o.add_clip(clip)
