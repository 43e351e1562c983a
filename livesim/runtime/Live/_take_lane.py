"""Live.TakeLane (Live 12.2+): a take lane of a track in the arrangement, for comping recordings.

The lanes' state and rules are in Live._take_lane_model.
"""
from Live import _lom
from Live._base import Vector
from Live._lom import method, prop
from Live._take_lane_model import TakeLaneNode, create_audio_clip, create_midi_clip


class TakeLane(_lom.LomObject):
    """A take lane of a track (``track.take_lanes``)."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    arrangement_clips = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.arrangement_clips))

    @method("float arg2, float arg3", edits=True, label="Insert Clip")
    def create_midi_clip(o, start, length):
        """Create an empty MIDI clip in the lane at ``start`` (beats)."""
        return _lom.wrap(create_midi_clip(o, start, length))

    @method("str arg2, float arg3", edits=True, label="Insert Audio Clip")
    def create_audio_clip(o, path, start):
        """Create an audio clip of a sample file in the lane at ``start`` (beats)."""
        return _lom.wrap(create_audio_clip(o, path, start))


TakeLaneNode.cls = TakeLane
