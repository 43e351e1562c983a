"""The OSC codec: pure functions over bytes (no sockets, no Live).

Decoded values: i/h/r -> int, f/d -> float, s/S -> str, b -> bytes, T/F -> bool,
N -> None, I (infinitum) -> float('inf'), c -> one-character str,
m -> 4-tuple of ints (port, status, data1, data2), t -> float seconds since
1900 (IMMEDIATELY for "immediately"), arrays -> lists. A message without a
typetag string (pre-1.0 senders) decodes as a message without arguments.

Encoding infers types (see encode.py); Typed(tag, value) or
encode_message(address, args, typetags) sends any type explicitly.
"""
from .decode import MAX_BUNDLE_DEPTH, decode_packet
from .encode import encode_bundle, encode_message, encode_packet, typetags_for
from .errors import OSCDecodeError, OSCEncodeError, OSCPatternError
from .pattern import compile_pattern, is_pattern, pattern_matches
from .slip import SlipDecoder, slip_encode
from .timetag import IMMEDIATELY, IMMEDIATELY_RAW, raw_to_seconds, seconds_to_raw
from .values import Bundle, Message, Typed

__all__ = [
    "Bundle", "IMMEDIATELY", "IMMEDIATELY_RAW", "MAX_BUNDLE_DEPTH", "Message",
    "OSCDecodeError", "OSCEncodeError", "OSCPatternError", "SlipDecoder", "Typed",
    "compile_pattern", "decode_packet", "encode_bundle", "encode_message",
    "encode_packet", "is_pattern", "pattern_matches", "raw_to_seconds",
    "seconds_to_raw", "slip_encode", "typetags_for",
]
