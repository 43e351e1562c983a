"""The model of the set's groove pool (Live.GroovePool shows it).

A set dict may list grooves: ``"groove_pool": [{"name": "Swing 16ths", "base": 3,
"quantization_amount": 0.0, "timing_amount": 1.0, "random_amount": 0.0, "velocity_amount": 0.0}]``;
``build_groove_pool(world, specs)`` validates them (ValueError naming the key) and
``make_groove_pool(world)`` returns the pool's handle.
"""
from Live import _lom
from Live._groove_model import Base, GrooveNode

GROOVE_KEYS = {"name": (str,), "base": (int,), "quantization_amount": (int, float), "timing_amount": (int, float),
               "random_amount": (int, float), "velocity_amount": (int, float)}


class GroovePoolNode(_lom.Node):
    """The groove pool's state: its grooves in order."""

    def __init__(self, world):
        _lom.Node.__init__(self, world, getattr(world, "song_node", None))
        self.grooves = []

    def children(self):
        return list(self.grooves)


def _check(spec, path):
    if not isinstance(spec, dict):
        raise ValueError("%s: expected an object, got %s" % (path, type(spec).__name__))
    for k, v in spec.items():
        kinds = GROOVE_KEYS.get(k)
        if kinds is None:
            raise ValueError("%s.%s: unknown key (allowed: %s)" % (path, k, ", ".join(sorted(GROOVE_KEYS))))
        if isinstance(v, bool) or not isinstance(v, kinds):
            raise ValueError("%s.%s: expected %s, got %r" % (path, k, kinds[0].__name__, v))
    lows = {"velocity_amount": -1.0}
    for k in ("quantization_amount", "timing_amount", "random_amount", "velocity_amount"):
        if k in spec and not lows.get(k, 0.0) <= spec[k] <= 1.0:
            raise ValueError("%s.%s: %r is outside [%s, 1]" % (path, k, spec[k], lows.get(k, 0.0)))
    if "base" in spec and not 0 <= spec["base"] < int(Base.count):
        raise ValueError("%s.base: expected 0..5, got %r" % (path, spec["base"]))


def build_groove_pool(world, specs=None, path="groove_pool"):
    """The pool node for ``world`` from a list of groove specs (stored as ``world.groove_pool_node``)."""
    if specs is not None and not isinstance(specs, list):
        raise ValueError("%s: expected a list, got %s" % (path, type(specs).__name__))
    pool = GroovePoolNode(world)
    for i, spec in enumerate(specs or []):
        p = "%s[%d]" % (path, i)
        _check(spec, p)
        pool.grooves.append(GrooveNode(world, pool, spec.get("name", "Groove %d" % (i + 1)), spec.get("base", 3),
                                       spec.get("quantization_amount", 0.0), spec.get("timing_amount", 1.0),
                                       spec.get("random_amount", 0.0), spec.get("velocity_amount", 0.0)))
    world.groove_pool_node = pool
    return pool


def make_groove_pool(world):
    """The GroovePool handle of ``world`` (an empty pool unless the set gave grooves)."""
    pool = getattr(world, "groove_pool_node", None)
    if pool is None:
        pool = build_groove_pool(world)
    if pool.parent is None:
        pool.parent = getattr(world, "song_node", None)
    return _lom.wrap(pool)
