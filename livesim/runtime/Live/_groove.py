"""Live.Groove: a groove of the set's groove pool."""
from Live import _lom
from Live._lom import prop, set_value, since

Base = _lom.make_enum("Groove", "Base", {"gb_four": 0, "gb_eight": 1, "gb_eight_triplet": 2, "gb_sixteen": 3,
                                         "gb_sixteen_triplet": 4, "gb_thirtytwo": 5, "count": 6})
AMOUNT_TEXT = "Amount out of range"


class GrooveNode(_lom.Node):
    """A groove's state; amounts are 0..1 (velocity -1..1)."""

    def __init__(self, world, pool, name, base=Base.gb_sixteen, quantization=0.0, timing=1.0, random=0.0,
                 velocity=0.0):
        _lom.Node.__init__(self, world, pool, Groove)
        self.name = name
        self.base = Base.values[int(base)]
        self.quantization_amount = float(quantization)
        self.timing_amount = float(timing)
        self.random_amount = float(random)
        self.velocity_amount = float(velocity)


def _amount(attr, lo=0.0):
    def fset(o, v):
        if not lo <= v <= 1.0:
            raise RuntimeError(AMOUNT_TEXT)
        set_value(o, attr, v)
    return fset


def _set_base(o, v):
    if not 0 <= int(v) < int(Base.count):
        raise RuntimeError("Invalid groove base")
    set_value(o, "base", v)


class Groove(_lom.LomObject):
    """A groove (timing, velocity and randomness applied to clips that use it)."""

    __slots__ = ()
    canonical_parent = prop("any", avail=since(12, 0), get=lambda o: _lom.wrap(o.parent))
    name = prop("str", set=True, observe=True)
    base = prop(Base, set=True, fset=_set_base)
    quantization_amount = prop("float", set=True, observe=True, fset=_amount("quantization_amount"))
    timing_amount = prop("float", set=True, observe=True, fset=_amount("timing_amount"))
    random_amount = prop("float", set=True, observe=True, fset=_amount("random_amount"))
    velocity_amount = prop("float", set=True, observe=True, fset=_amount("velocity_amount", -1.0))
