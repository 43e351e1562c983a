"""The model of take lanes (Live.TakeLane shows it): a lane's name and its arrangement clips."""
import os

from Live import _lom
from Live._clip_model import ClipNode


class TakeLaneNode(_lom.Node):
    """A take lane's state: its name and its arrangement clips."""

    def __init__(self, world, track, name):
        _lom.Node.__init__(self, world, track)
        self.name = name
        self.arrangement_clips = []

    def children(self):
        return list(self.arrangement_clips)

    def add_clip(self, clip):
        put, take = _lom.membership(self, self.arrangement_clips, clip, "arrangement_clips")
        put()
        self.world.history.record(take, put, "Insert Clip")
        return clip


def _check_position(start, length):
    if start < 0.0 or start > 1576800.0 or length <= 0.0:
        raise RuntimeError("Invalid clip position or length")


def create_midi_clip(o, start, length):
    """Create an empty MIDI clip in the lane at ``start`` (beats) and return its node."""
    if o.parent.kind != "midi":
        raise RuntimeError("Can only create MIDI clips on MIDI tracks")
    _check_position(start, length)
    return o.add_clip(ClipNode(o.world, o, is_audio=False, length=length, arrangement=True, start_time=start))


def create_audio_clip(o, path, start):
    """Create an audio clip of a sample file in the lane at ``start`` (beats) and return its node."""
    if o.parent.kind != "audio":
        raise RuntimeError("Can only create audio clips on audio tracks")
    _check_position(start, 4.0)
    clip = ClipNode(o.world, o, is_audio=True, length=4.0, arrangement=True, start_time=start)
    clip.file_path = path
    clip.name = os.path.splitext(os.path.basename(path))[0]
    return o.add_clip(clip)
