"""Live.GroovePool: the set's grooves (``song.groove_pool``); the pool's model is in Live._groove_pool_model."""
from Live import _lom
from Live._lom import prop, since
from Live._base import Vector
from Live._groove_pool_model import GroovePoolNode


class GroovePool(_lom.LomObject):
    """The groove pool of a set."""

    __slots__ = ()
    canonical_parent = prop("any", avail=since(12, 0), get=lambda o: _lom.wrap(o.parent))
    grooves = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.grooves))


GroovePoolNode.cls = GroovePool
