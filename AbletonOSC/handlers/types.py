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

_TRUE_WORDS = ("true", "yes", "on", "1")
_FALSE_WORDS = ("false", "no", "off", "0")


def to_int(value, name="value"):
    """An OSC value as a Python int; floats must be whole (TouchOSC sends 3.0)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return int(value)
        raise ArgumentError("%s must be a whole number, got %r" % (name, value))
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ArgumentError("%s must be an int, got %s %r" % (name, _kind(value), value))


def to_float(value, name="value"):
    """An OSC value as a finite float."""
    if isinstance(value, (bool, int, float)):
        result = float(value)
        if not math.isfinite(result):
            raise ArgumentError("%s must be a finite number, got %r" % (name, value))
        return result
    if isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            result = None
        if result is not None and math.isfinite(result):
            return result
    raise ArgumentError("%s must be a number, got %s %r" % (name, _kind(value), value))


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
