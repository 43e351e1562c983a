"""Live.Groove: a groove of the set's groove pool (its state and rules are in Live._groove_model)."""
from Live import _lom
from Live._lom import prop, since
from Live._groove_model import Base, GrooveNode, amount_setter, set_base


class Groove(_lom.LomObject):
    """A groove (timing, velocity and randomness applied to clips that use it)."""

    __slots__ = ()
    canonical_parent = prop("any", avail=since(12, 0), get=lambda o: _lom.wrap(o.parent))
    name = prop("str", set=True, observe=True)
    base = prop(Base, set=True, fset=set_base)
    quantization_amount = prop("float", set=True, observe=True, fset=amount_setter("quantization_amount"))
    timing_amount = prop("float", set=True, observe=True, fset=amount_setter("timing_amount"))
    random_amount = prop("float", set=True, observe=True, fset=amount_setter("random_amount"))
    velocity_amount = prop("float", set=True, observe=True, fset=amount_setter("velocity_amount", -1.0))


GrooveNode.cls = Groove
