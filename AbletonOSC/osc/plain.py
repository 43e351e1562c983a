"""Arguments in the four types every OSC implementation reads: int32, float32, string and blob.

Pure Data vanilla's ``[oscparse]`` knows only ``i f s b``: a True (``T``), a nil (``N``) or a
64-bit int (``h``) arrives there as "unknown tag" and the value is lost. ``plain_types``
rewrites a message's arguments into those four, for clients that ask for it.
"""
from .encode import plain_args
from .values import Typed

#: What nil becomes: Live's "nothing here" (an empty slot's clip name, a property that does not apply).
NIL = "nil"
_INT32_MIN = -(1 << 31)
_INT32_MAX = (1 << 31) - 1


def plain_types(args):
    """args using only i f s b: booleans as 1/0, nil as NIL, ints beyond 32 bits as floats, arrays flattened."""
    for value in args:
        kind = value.__class__
        if kind is float or kind is str or kind is bytes or (kind is int and _INT32_MIN <= value <= _INT32_MAX):
            continue
        break
    else:
        return args  # the common case: nothing to rewrite
    result = []
    _append(args, result)
    return tuple(result)


def _append(values, result):
    for value in values:
        if value.__class__ is Typed:
            value = plain_args((value,))[0]
        if value is None:
            result.append(NIL)
        elif value is True or value is False:
            result.append(1 if value else 0)
        elif isinstance(value, int):
            result.append(int(value) if _INT32_MIN <= value <= _INT32_MAX else float(value))
        elif isinstance(value, float):
            result.append(float(value))
        elif isinstance(value, (list, tuple)):
            _append(value, result)
        elif isinstance(value, (bytes, bytearray)):
            result.append(bytes(value))
        else:
            result.append(str(value))
