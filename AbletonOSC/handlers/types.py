"""Argument and reply types: coercing OSC values to what Live accepts, and Live values to OSC.

Live's Python types are strict (a bool property rejects 1.0, an index rejects a float) while
TouchOSC and Max send floats. Every argument is converted here, before Live is touched, and
anything that cannot be converted is refused with a message naming the argument.
"""

import math


class ArgumentError(ValueError):
    """An OSC argument that cannot be used: missing, extra, or of the wrong type."""


# Type letters used in signatures (also shown by introspection and docs/API.md):
#   i int, f float, b bool, s string, x any OSC value, T a track reference,
#   D a device reference. A trailing "?" marks an optional argument, "*" a variadic one.
TYPE_NAMES = {
    "i": "int",
    "f": "float",
    "b": "bool",
    "s": "string",
    "x": "any",
    "T": "track",
    "D": "device",
}

#: Live holds floats as 32-bit floats and ints as 32-bit ints: larger values are refused at the door.
FLOAT32_MAX = 3.4028234663852886e38
INT32_MIN, INT32_MAX = -2 ** 31, 2 ** 31 - 1

_TRUE_WORDS = ("true", "yes", "on", "1")
_FALSE_WORDS = ("false", "no", "off", "0")


def to_int(value, name="value"):
    """An OSC value as a 32-bit int; floats must be whole (TouchOSC sends 3.0)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return _int32(value, name)
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return _int32(int(value), name)
        raise ArgumentError("%s must be a whole number, got %r" % (name, value))
    if isinstance(value, str):
        try:
            number = int(value.strip()[:40])
        except ValueError:
            pass
        else:
            return _int32(number, name)
    raise ArgumentError("%s must be an int, got %s %r" % (name, _kind(value), _short(value)))


def _int32(value, name):
    if INT32_MIN <= value <= INT32_MAX:
        return int(value)
    raise ArgumentError("%s must fit in 32 bits (%d to %d), got %d" % (name, INT32_MIN, INT32_MAX, value))


def _short(value):
    """A value for an error text: long strings and blobs cut short."""
    if isinstance(value, (str, bytes, bytearray)) and len(value) > 60:
        return value[:57] + (b"..." if isinstance(value, (bytes, bytearray)) else "...")
    return value


def to_float(value, name="value"):
    """An OSC value as a finite float."""
    if isinstance(value, (bool, int, float)):
        try:
            result = float(value)
        except OverflowError:
            result = float("inf")
        if not math.isfinite(result):
            raise ArgumentError("%s must be a finite number, got %r" % (name, _short(value)))
        if abs(result) > FLOAT32_MAX:
            raise ArgumentError("%s must fit in a 32-bit float (at most %g in size), got %r" % (name, FLOAT32_MAX, result))
        return result
    if isinstance(value, str):
        try:
            result = float(value.strip()[:60])
        except ValueError:
            result = None
        if result is not None and math.isfinite(result) and abs(result) <= FLOAT32_MAX:
            return result
    raise ArgumentError("%s must be a number, got %s %r" % (name, _kind(value), _short(value)))


def to_bool(value, name="value"):
    """An OSC value as a bool: T/F, 0/1, 0.0/1.0 (any non-zero is true), or true/false words."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise ArgumentError("%s must be a bool, got %r" % (name, value))
        return value != 0
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    raise ArgumentError("%s must be a bool (T/F or 0/1), got %s %r" % (name, _kind(value), value))


def to_str(value, name="value"):
    """An OSC value as a string; blobs are decoded as UTF-8, numbers are refused."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            pass
    raise ArgumentError("%s must be a string, got %s %r" % (name, _kind(value), value))


def _identity(value, name="value"):
    return value


COERCE = {
    "i": to_int,
    "f": to_float,
    "b": to_bool,
    "s": to_str,
    "x": _identity,
}


def _kind(value):
    if value is None:
        return "nil"
    return {bool: "bool", int: "int", float: "float", str: "string"}.get(type(value), type(value).__name__)


def to_osc(value):
    """A Live value as something the OSC codec sends: enums to int, vectors to lists."""
    if value is None or isinstance(value, (bool, str, float)):
        return value
    if isinstance(value, int):
        # Live enums are int subclasses; the codec wants a plain int.
        return int(value)
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return str(value)
