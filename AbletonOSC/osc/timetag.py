"""OSC timetags: 64-bit NTP fixed point (seconds since 1900 in the high 32 bits)."""
from __future__ import annotations

from .errors import OSCEncodeError

#: Raw value of the special timetag "immediately".
IMMEDIATELY_RAW = 1
#: The decoded value of "immediately": the float equal to raw value 1, so it
#: round-trips exactly and compares equal to what decoding produces.
IMMEDIATELY = 1.0 / 4294967296.0

_FRACTION = 4294967296.0  # 2**32
_MAX_RAW = (1 << 64) - 1


def raw_to_seconds(raw: int) -> float:
    """Convert a raw 64-bit timetag to float seconds since 1900-01-01."""
    return (raw >> 32) + (raw & 0xFFFFFFFF) / _FRACTION


def seconds_to_raw(seconds) -> int:
    """Convert float seconds since 1900-01-01 to the raw 64-bit timetag."""
    try:
        whole = int(seconds)
        frac = int(round((seconds - whole) * _FRACTION))
    except (TypeError, ValueError, OverflowError):
        raise OSCEncodeError("timetag must be finite seconds since 1900, got %r" % (seconds,))
    raw = (whole << 32) + frac
    if raw < 0 or raw > _MAX_RAW:
        raise OSCEncodeError("timetag %r is outside the 64-bit NTP range" % (seconds,))
    return raw
