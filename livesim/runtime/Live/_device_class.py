"""How the views of device classes with members of their own declare them (Drift, Looper, EQ Eight ...).

A class's model is a ``Live._device_class_model.ClassNode`` subclass listing the members' first
values in ``defaults`` (``ClassNode`` copies them onto each new device) and the first Live version
with the class in ``first_version`` (before it the device is built as a plain ``Device``).  Its
view declares the members with the helpers below and becomes the node class's ``cls``:

    class DriftNode(ClassNode):                            # in a model module
        first_version = (12, 0, 0)
        defaults = {"voice_mode_index": 0, "pitch_bend_range": 2}

    class DriftDevice(Device):                             # in Live._drift_device
        voice_mode_list = names(("Poly", "Mono"))
        voice_mode_index = chooser("voice_mode_list")     # settable, observable, range-checked
        pitch_bend_range = ranged("int", 0, 48)

    DriftNode.cls = DriftDevice
"""
from Live import _lom
from Live._lom import in_range, prop, set_value
from Live._base import StringVector

INDEX_TEXT = "Index out of range"


def names(items):
    """A read-only list of names: a tuple, or a function of the node giving one."""
    if callable(items):
        return prop("StringVector", get=lambda o: _lom.vector(StringVector, items(o), None))
    return prop("StringVector", get=lambda o: _lom.vector(StringVector, items, None))


def chooser(list_attr):
    """A settable, observable index into the names of property ``list_attr``."""
    p = prop("int", set=True, observe=True)

    def fset(o, v):
        if not 0 <= v < len(o.cls._props[list_attr].fget(o)):
            raise RuntimeError(INDEX_TEXT)
        set_value(o, p.attr, v)
    p.fset = fset
    return p


def ranged(t, lo, hi, text="Value out of range", doc=True):
    """A settable, observable number kept within [lo, hi] (``world.clamp_ranges`` clamps instead)."""
    p = prop(t, set=True, observe=True, doc=doc)

    def fset(o, v):
        set_value(o, p.attr, in_range(o.world, v, lo, hi, text))
    p.fset = fset
    return p


def enum_value(enum):
    """A settable, observable value of ``enum`` (values outside it are refused)."""
    p = prop(enum, set=True, observe=True)

    def fset(o, v):
        if int(v) not in enum.values:
            raise RuntimeError("Invalid value %d" % int(v))
        set_value(o, p.attr, enum.values[int(v)])
    p.fset = fset
    return p


def flag():
    """A settable, observable bool."""
    return prop("bool", set=True, observe=True)
