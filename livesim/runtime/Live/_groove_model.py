"""The model of a groove (Live.Groove shows it): its amounts and base, checked on every write."""
from Live import _lom
from Live._lom import set_value

Base = _lom.make_enum("Groove", "Base", {"gb_four": 0, "gb_eight": 1, "gb_eight_triplet": 2, "gb_sixteen": 3,
                                         "gb_sixteen_triplet": 4, "gb_thirtytwo": 5, "count": 6})
AMOUNT_TEXT = "Amount out of range"


class GrooveNode(_lom.Node):
    """A groove's state; amounts are 0..1 (velocity -1..1)."""

    def __init__(self, world, pool, name, base=Base.gb_sixteen, quantization=0.0, timing=1.0, random=0.0,
                 velocity=0.0):
        _lom.Node.__init__(self, world, pool)
        self.name = name
        self.base = Base.values[int(base)]
        self.quantization_amount = float(quantization)
        self.timing_amount = float(timing)
        self.random_amount = float(random)
        self.velocity_amount = float(velocity)


def amount_setter(attr, lo=0.0):
    """The setter of an amount in [lo, 1]."""
    def fset(o, v):
        if not lo <= v <= 1.0:
            raise RuntimeError(AMOUNT_TEXT)
        set_value(o, attr, v)
    return fset


def set_base(o, v):
    """Set a groove's base (a Base value)."""
    if not 0 <= int(v) < int(Base.count):
        raise RuntimeError("Invalid groove base")
    set_value(o, "base", v)
