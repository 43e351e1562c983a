"""Encoding OSC messages and bundles (Python values -> bytes).

Type inference: bool -> T/F, int -> i (h outside 32 bits), float -> f, str -> s,
bytes/bytearray -> b, None -> N, list/tuple -> array; Typed(tag, value) forces
a tag. Arguments whose types are all plain (int, float, str, bool, None,
bytes) take a fast path: a plan compiled once per sequence of argument types
(cached, bounded) packs each run of fixed-size values with one precompiled
struct.Struct: a small generated function for short lists, a table of
operations for long ones.
"""
from __future__ import annotations

import struct
from functools import partial
from operator import itemgetter

from .errors import OSCEncodeError
from .timetag import IMMEDIATELY, seconds_to_raw
from .values import Bundle, Message, Typed

#: Cached encode plans (one per sequence of argument types) and padded addresses.
MAX_CACHED_PLANS = 512
MAX_CACHED_ADDRESSES = 2048

_PADS = (b"\x00\x00\x00\x00", b"\x00\x00\x00", b"\x00\x00", b"\x00")
_INT32 = struct.Struct(">i")
_INT64 = struct.Struct(">q")
_UINT32 = struct.Struct(">I")
_UINT64 = struct.Struct(">Q")
_FLOAT = struct.Struct(">f")
_DOUBLE = struct.Struct(">d")
_BLOB_PADS = (b"", b"\x00\x00\x00", b"\x00\x00", b"\x00")
_EMPTY_TAGS = b",\x00\x00\x00"
_TF = {True: "T", False: "F"}

_addresses = {}  # type: dict
_plans = {}  # type: dict


def _padded(raw):
    return raw + _PADS[len(raw) & 3]


def _address_bytes(address):
    try:
        if address[:1] != "/":
            raise OSCEncodeError("OSC address must start with '/': %r" % (address,))
        raw = _padded(address.encode("utf-8"))
    except (AttributeError, TypeError, UnicodeError):
        raise OSCEncodeError("OSC address must be a str, got %r" % (address,))
    if len(_addresses) >= MAX_CACHED_ADDRESSES:
        _addresses.clear()
    _addresses[address] = raw
    return raw


def encode_message(address: str, args=(), typetags=None) -> bytes:
    """Encode one OSC message; typetags (e.g. ',ids' or 'ids') forces one tag per argument."""
    head = _addresses.get(address)
    if head is None:
        head = _address_bytes(address)
    if typetags is not None:
        tags, parts = _explicit(typetags, args)
        return head + _padded(("," + tags).encode("ascii")) + b"".join(parts)
    if not args:
        return head + _EMPTY_TAGS
    if args.__class__ is not tuple and args.__class__ is not list:
        args = tuple(args)  # an iterator would be used up by the type scan
    key = tuple(map(type, args))
    plan = _plans.get(key)
    if plan is None:
        plan = _compile_plan(key)
    if plan is not False:
        try:
            return plan(head, args)
        except (struct.error, OverflowError, UnicodeError):
            pass  # e.g. an int beyond 32 bits: the general path decides (h) or explains
    tags = []
    parts = []
    _infer(args, tags, parts)
    return head + _padded(("," + "".join(tags)).encode("ascii")) + b"".join(parts)


def encode_bundle(timetag, elements) -> bytes:
    """Encode a bundle; elements are Message, Bundle or already-encoded packets (bytes)."""
    return _bundle(seconds_to_raw(IMMEDIATELY if timetag is None else timetag), elements)


def encode_packet(packet) -> bytes:
    """Encode a Message or Bundle exactly as decoded (tags and raw timetag kept)."""
    if packet.__class__ is Message:
        return encode_message(packet.address, packet.args, packet.typetags)
    if packet.__class__ is Bundle:
        return _bundle(packet.timetag_raw, packet.elements)
    raise OSCEncodeError("not a Message or Bundle: %r" % (packet,))


def typetags_for(args) -> str:
    """Return the typetags (without ',') that encode_message infers for args."""
    tags = []  # type: list
    _infer(args, tags, [])
    return "".join(tags)


_IMPLIED = {"T": True, "F": False, "N": None, "I": float("inf")}


def plain_args(args) -> tuple:
    """Replace each Typed(tag, value) in args (and in arrays) by the value decoding gives."""
    return tuple(_plain(value) for value in args)


def _plain(value):
    if value.__class__ is Typed:
        if value.tag in _IMPLIED:
            return _IMPLIED[value.tag]
        if value.tag == "m":
            return tuple(bytes(value.value))
        if value.tag == "c" and isinstance(value.value, int):
            return chr(value.value)
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _bundle(raw, elements):
    parts = [b"#bundle\x00", _UINT64.pack(raw)]
    for element in elements:
        if element.__class__ is bytes or isinstance(element, (bytes, bytearray)):
            data = bytes(element)
            if not data or len(data) & 3:
                raise OSCEncodeError("an encoded bundle element must be a non-empty multiple of 4 bytes")
        else:
            data = encode_packet(element)
        parts.append(_INT32.pack(len(data)))
        parts.append(data)
    return b"".join(parts)


# --- fast path -----------------------------------------------------------

_FAST_CODES = {int: "i", float: "f", bool: None, type(None): None, str: "s", bytes: "b"}
#: Longer argument lists get a table-driven plan: generating code for them would
#: take milliseconds on Live's main thread for each new shape.
MAX_GENERATED_ARGS = 32

_FIXED, _STRINGS, _BLOB = range(3)


def _blob(blob):
    return _INT32.pack(len(blob)) + blob + _BLOB_PADS[len(blob) & 3]


def _getter(positions):
    """A C-level function args -> tuple of args at positions."""
    if len(positions) == 1:
        return itemgetter(slice(positions[0], positions[0] + 1))
    return itemgetter(*positions)


def _compile_plan(key):
    """An encoder for a tuple of argument types: fn(head, args) -> bytes (False: general path)."""
    for t in key:
        if t not in _FAST_CODES:
            return False
    template = []
    bools = []
    segments = []  # (_FIXED, codes, positions) | (_STRINGS, positions) | (_BLOB, position)
    for i, t in enumerate(key):
        if t is bool:
            template.append("%s")
            bools.append(i)
        elif t is type(None):
            template.append("N")
        elif t is str:
            template.append("s")
            if segments and segments[-1][0] == _STRINGS:
                segments[-1][1].append(i)
            else:
                segments.append((_STRINGS, [i]))
        elif t is bytes:
            template.append("b")
            segments.append((_BLOB, i))
        else:
            code = _FAST_CODES[t]
            template.append(code)
            if segments and segments[-1][0] == _FIXED:
                segments[-1][1].append(code)
                segments[-1][2].append(i)
            else:
                segments.append((_FIXED, [code], [i]))
    tags = "," + "".join(template)
    pad = _PADS[(len(tags) - len(bools)) & 3]  # each "%s" stands for one tag
    if len(key) <= MAX_GENERATED_ARGS:
        plan = _generate(key, tags, bools, pad, segments)
    else:
        ops = []
        for segment in segments:
            if segment[0] == _FIXED:
                ops.append((_FIXED, struct.Struct(">" + "".join(segment[1])).pack, _getter(segment[2])))
            elif segment[0] == _STRINGS:
                ops.append((_STRINGS, _getter(segment[1])))
            else:
                ops.append(segment)
        tagbytes = None if bools else _padded(tags.encode("ascii"))
        plan = partial(_run_plan, (tagbytes, tags, bools and _getter(bools), pad, tuple(ops)))
    if len(_plans) >= MAX_CACHED_PLANS:
        _plans.clear()
    _plans[key] = plan
    return plan


def _generate(key, tags, bools, pad, segments):
    """Generate a straight-line encoder for a short argument list."""
    names = {"_P": _PADS, "_TF": _TF, "_blob": _blob, "_TMPL": tags}
    lines = ["def fast(head, args):", " %s, = args" % ", ".join("a%d" % i for i in range(len(key)))]
    if bools:
        lines.append(" tags = (_TMPL %% (%s,)).encode('ascii') + %r"
                     % (", ".join("_TF[a%d]" % i for i in bools), pad))
    else:
        names["tags"] = _padded(tags.encode("ascii"))
    parts = ["head", "tags"]
    for n, segment in enumerate(segments):
        if segment[0] == _FIXED:
            names["_pack%d" % n] = struct.Struct(">" + "".join(segment[1])).pack
            parts.append("_pack%d(%s)" % (n, ", ".join("a%d" % i for i in segment[2])))
        elif segment[0] == _STRINGS:
            for i in segment[1]:
                lines.append(" e%d = a%d.encode()" % (i, i))  # UTF-8, the default
                parts.append("e%d, _P[len(e%d) & 3]" % (i, i))
        else:
            parts.append("_blob(a%d)" % segment[1])
    lines.append(" return b''.join((%s,))" % ", ".join(parts))
    exec(compile("\n".join(lines), "<osc encode plan>", "exec"), names)
    return names["fast"]


def _run_plan(spec, head, args):
    """Encode args by a table-driven plan (long argument lists)."""
    tagbytes, template, bools, pad, ops = spec
    if tagbytes is None:
        tagbytes = (template % tuple(map(_TF.__getitem__, bools(args)))).encode("ascii") + pad
    parts = [head, tagbytes]
    for op in ops:
        kind = op[0]
        if kind == _FIXED:
            parts.append(op[1](*op[2](args)))
        elif kind == _STRINGS:
            parts += [raw + _PADS[len(raw) & 3] for raw in map(str.encode, op[1](args))]
        else:
            parts.append(_blob(args[op[1]]))
    return b"".join(parts)


# --- general path --------------------------------------------------------

def _infer(args, tags, parts):
    """Append the inferred tag and payload of each value in args."""
    for value in args:
        if value.__class__ is Typed:
            _typed(value.tag, value.value, tags, parts)
        elif value is True:
            tags.append("T")
        elif value is False:
            tags.append("F")
        elif value is None:
            tags.append("N")
        elif isinstance(value, int):
            if -0x80000000 <= value <= 0x7FFFFFFF:
                _typed("i", value, tags, parts)
            else:
                _typed("h", value, tags, parts)
        elif isinstance(value, float):
            _typed("f", value, tags, parts)
        elif isinstance(value, str):
            _typed("s", value, tags, parts)
        elif isinstance(value, (bytes, bytearray)):
            _typed("b", value, tags, parts)
        elif isinstance(value, (list, tuple)):
            tags.append("[")
            _infer(value, tags, parts)
            tags.append("]")
        else:
            raise OSCEncodeError("cannot encode a %s as an OSC argument: %r"
                                 % (type(value).__name__, value))


def _explicit(typetags, args):
    """Encode args against explicit typetags (one argument per tag, a list per '[...]')."""
    text = typetags[1:] if typetags[:1] == "," else typetags
    tags = []
    parts = []
    pos = _explicit_level(text, 0, list(args), tags, parts, False)
    if pos != len(text):
        raise OSCEncodeError("unbalanced ']' in typetags %r" % (typetags,))
    return "".join(tags), parts


def _explicit_level(text, pos, values, tags, parts, nested):
    index = 0
    while pos < len(text):
        tag = text[pos]
        if tag == "]":
            if not nested:
                return pos
            tags.append("]")
            if index != len(values):
                raise OSCEncodeError("array has %d values but its typetags describe %d"
                                     % (len(values), index))
            return pos + 1
        if index >= len(values):
            raise OSCEncodeError("typetags %r describe more arguments than the %d given"
                                 % (text, len(values)))
        value = values[index]
        index += 1
        if value.__class__ is Typed:
            value = value.value  # the typetags given win
        if tag == "[":
            if not isinstance(value, (list, tuple)):
                raise OSCEncodeError("typetag '[' needs a list or tuple, got %r" % (value,))
            tags.append("[")
            pos = _explicit_level(text, pos + 1, list(value), tags, parts, True)
            if tags[-1] != "]":
                raise OSCEncodeError("'[' without a matching ']' in typetags %r" % (text,))
            continue
        _typed(tag, value, tags, parts)
        pos += 1
    if nested:
        raise OSCEncodeError("'[' without a matching ']' in typetags %r" % (text,))
    if index != len(values):
        raise OSCEncodeError("%d arguments given but typetags %r describe %d"
                             % (len(values), text, index))
    return pos


def _typed(tag, value, tags, parts):
    """Append tag and the payload of value encoded as that OSC type."""
    try:
        if tag == "i":
            parts.append(_INT32.pack(_int(value)))
        elif tag == "f":
            parts.append(_FLOAT.pack(value))
        elif tag == "s" or tag == "S":
            if not isinstance(value, str):
                raise TypeError("needs a str")
            parts.append(_padded(value.encode("utf-8")))
        elif tag == "b":
            parts.append(_blob(_bytes(value)))
        elif tag == "h":
            parts.append(_INT64.pack(_int(value)))
        elif tag == "d":
            parts.append(_DOUBLE.pack(value))
        elif tag == "t":
            parts.append(_UINT64.pack(seconds_to_raw(value)))
        elif tag == "c":
            if isinstance(value, str):
                if len(value) != 1:
                    raise ValueError("needs exactly one character")
                value = ord(value)
            parts.append(_INT32.pack(_int(value)))
        elif tag == "r":
            parts.append(_UINT32.pack(_int(value)))
        elif tag == "m":
            midi = _bytes(value)
            if len(midi) != 4:
                raise ValueError("needs 4 bytes (port, status, data1, data2)")
            parts.append(midi)
        elif tag not in ("T", "F", "N", "I"):
            raise OSCEncodeError("unknown OSC type tag %r" % (tag,))
    except OSCEncodeError:
        raise
    except (TypeError, ValueError, OverflowError, struct.error, UnicodeError) as e:
        raise OSCEncodeError("cannot encode %r as OSC type '%s': %s" % (value, tag, e))
    tags.append(tag)


def _bytes(value):
    if isinstance(value, int):
        raise TypeError("needs bytes, not an int")  # bytes(3) would be three zero bytes
    return bytes(value)


def _int(value):
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise TypeError("needs an int")
    return value
