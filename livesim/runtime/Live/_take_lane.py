"""Live.TakeLane (Live 12.2+): a take lane of a track in the arrangement, for comping recordings."""
from Live import _lom
from Live._lom import prop
from Live._base import Vector


class TakeLaneNode(_lom.Node):
    """A take lane's state; livesim keeps no clips in lanes."""

    def __init__(self, world, track, name):
        _lom.Node.__init__(self, world, track, TakeLane)
        self.name = name


class TakeLane(_lom.LomObject):
    """A take lane of a track (``track.take_lanes``)."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    arrangement_clips = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, []))
