"""Decoding OSC packets (bytes -> Message | Bundle), strictly.

Every malformed input raises OSCDecodeError naming the problem and its byte
offset. The work per message is driven by a plan compiled once per typetag
string (cached, bounded): runs of fixed-size arguments are unpacked with one
precompiled struct.Struct, strings are found with bytes.index.
"""
from __future__ import annotations

import struct

from .errors import OSCDecodeError
from .timetag import raw_to_seconds
from .values import Bundle, Message

#: Bundles nested deeper than this are rejected (each level costs a Python frame).
MAX_BUNDLE_DEPTH = 8
#: Cached decode plans (one per distinct typetag string); cleared when full.
MAX_CACHED_PLANS = 512
#: Cached validated heads (address and typetag string bytes); cleared when full.
MAX_CACHED_HEADS = 1024

_BUNDLE_HEAD = b"#bundle\x00"
_ZEROS = (b"", b"\x00", b"\x00\x00", b"\x00\x00\x00", b"\x00\x00\x00\x00")
_INT32 = struct.Struct(">i")
_UINT64 = struct.Struct(">Q")

# Plan operations.
_RUN, _STRS, _BLOB, _OPEN, _CLOSE = range(5)

# Fixed-size tags: struct code, size. Tags with no payload use a zero-size
# placeholder ("0s") so positions in the unpacked tuple match the tags.
_FIXED = {
    "i": ("i", 4), "f": ("f", 4), "h": ("q", 8), "d": ("d", 8), "r": ("I", 4),
    "c": ("i", 4), "t": ("Q", 8), "m": ("4s", 4),
    "T": ("0s", 0), "F": ("0s", 0), "N": ("0s", 0), "I": ("0s", 0),
}
_CONSTANTS = {"T": True, "F": False, "N": None, "I": float("inf")}


def _char(code):
    """Decode a 'c' argument (a 32-bit code point) to a one-character str."""
    return chr(code)


def _midi(four):
    """Decode an 'm' argument to a 4-tuple of ints (port, status, data1, data2)."""
    return tuple(four)


_CONVERSIONS = {"c": _char, "t": raw_to_seconds, "m": _midi}

_plans = {}
_heads = {}


def decode_packet(data) -> "Message | Bundle":
    """Decode one OSC packet (a message or a bundle); raise OSCDecodeError if malformed."""
    if data.__class__ is not bytes:
        data = bytes(data)
    if data[:1] == b"#" and data[:8] == _BUNDLE_HEAD:
        return _decode_bundle(data, 0, len(data), 0)
    return _decode_message(data, 0, len(data))


def _fail(reason, offset):
    raise OSCDecodeError(reason, offset)


def _read_string(data, start, end, what):
    """Return (raw bytes, next offset) of the padded string at start."""
    try:
        zero = data.index(b"\x00", start, end)
    except ValueError:
        _fail("%s is not NUL-terminated" % what, start)
    nxt = (zero + 4) & ~3
    if nxt > end:
        _fail("%s padding runs past the end of the packet" % what, zero)
    if data[zero:nxt] != _ZEROS[nxt - zero]:
        _fail("%s padding is not all zero bytes" % what, zero)
    return data[start:zero], nxt


def _decode_message(data, start, end):
    # Fast path: an address + typetags head seen before is already validated.
    index = data.index
    try:
        o = (index(b"\x00", start, end) + 4) & ~3
        p = (index(b"\x00", o, end) + 4) & ~3
    except ValueError:
        p = end + 1
    if p <= end:
        head = _heads.get(data[start:p])
        if head is not None:
            address, (typetags, single, ops) = head
            if single is not None:
                struct_, size, consts, convs = single
                if p + size != end:
                    _short_or_long(p + size, end, p)
                args = struct_.unpack_from(data, p)
                if consts or convs:
                    args = _fix(args, consts, convs, data, p)
                return Message(address, args, typetags)
            return Message(address, _run_plan(ops, data, p, end), typetags)
    return _decode_message_slow(data, start, end)


def _decode_message_slow(data, start, end):
    if start >= end:
        _fail("empty message", start)
    if data[start] != 0x2F:
        _fail("address must start with '/'", start)
    raw, o = _read_string(data, start, end, "address")
    try:
        address = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        _fail("address is not valid UTF-8", start + e.start)
    if o == end:
        # No typetag string at all (pre-1.0 senders): a message without arguments.
        return Message(address, (), "")
    if data[o] != 0x2C:
        _fail("typetag string must start with ','", o)
    tags, p = _read_string(data, o, end, "typetag string")
    plan = _plans.get(tags)
    if plan is None:
        plan = _compile_plan(tags, o)
    if len(_heads) >= MAX_CACHED_HEADS:
        _heads.clear()
    _heads[data[start:p]] = (address, plan)
    typetags, single, ops = plan
    if single is not None:
        struct_, size, consts, convs = single
        if p + size != end:
            _short_or_long(p + size, end, p)
        args = struct_.unpack_from(data, p)
        if consts or convs:
            args = _fix(args, consts, convs, data, p)
        return Message(address, args, typetags)
    return Message(address, _run_plan(ops, data, p, end), typetags)


def _short_or_long(need, end, at):
    if need > end:
        _fail("arguments need %d bytes but only %d remain" % (need - at, end - at), at)
    _fail("%d unexpected bytes after the arguments" % (end - need), need)


def _fix(values, consts, convs, data, offset):
    """Put no-payload constants and converted values into an unpacked run."""
    values = list(values)
    for i, value in consts:
        values[i] = value
    for i, conv, rel in convs:
        try:
            values[i] = conv(values[i])
        except (ValueError, OverflowError):
            _fail("invalid value for its type tag", offset + rel)
    return values


def _run_plan(ops, data, o, end):
    out = []
    stack = []
    for op in ops:
        kind = op[0]
        if kind == _RUN:
            struct_, size, consts, convs = op[1]
            if o + size > end:
                _short_or_long(o + size, end, o)
            values = struct_.unpack_from(data, o)
            if consts or convs:
                values = _fix(values, consts, convs, data, o)
            out.extend(values)
            o += size
        elif kind == _STRS:
            index = data.index
            for _ in range(op[1]):
                try:
                    zero = index(b"\x00", o, end)
                except ValueError:
                    _fail("string argument is not NUL-terminated", o)
                nxt = (zero + 4) & ~3
                if nxt > end:
                    _fail("string padding runs past the end of the packet", zero)
                if data[zero:nxt] != _ZEROS[nxt - zero]:
                    _fail("string padding is not all zero bytes", zero)
                try:
                    out.append(data[o:zero].decode("utf-8"))
                except UnicodeDecodeError as e:
                    _fail("string argument is not valid UTF-8", o + e.start)
                o = nxt
        elif kind == _BLOB:
            if o + 4 > end:
                _fail("blob size runs past the end of the packet", o)
            size = _INT32.unpack_from(data, o)[0]
            if size < 0:
                _fail("negative blob size %d" % size, o)
            o += 4
            nxt = (o + size + 3) & ~3
            if nxt > end:
                _fail("blob of %d bytes runs past the end of the packet" % size, o - 4)
            if data[o + size:nxt] != _ZEROS[nxt - o - size]:
                _fail("blob padding is not all zero bytes", o + size)
            out.append(data[o:o + size])
            o = nxt
        elif kind == _OPEN:
            inner = []
            out.append(inner)
            stack.append(out)
            out = inner
        else:
            out = stack.pop()
    if o != end:
        _fail("%d unexpected bytes after the arguments" % (end - o), o)
    return tuple(out)


def _compile_plan(tags, offset):
    """Compile a typetag string (without ',') into a decode plan; cache it."""
    try:
        text = tags[1:].decode("ascii")
    except UnicodeDecodeError as e:
        _fail("typetag string is not ASCII", offset + 1 + e.start)
    ops = []
    depth = 0
    run = []
    for pos, tag in enumerate(text):
        if tag in _FIXED:
            run.append(tag)
            continue
        if run:
            ops.append((_RUN, _compile_run(run)))
            run = []
        if tag == "s" or tag == "S":
            if ops and ops[-1][0] == _STRS:
                ops[-1] = (_STRS, ops[-1][1] + 1)
            else:
                ops.append((_STRS, 1))
        elif tag == "b":
            ops.append((_BLOB,))
        elif tag == "[":
            depth += 1
            ops.append((_OPEN,))
        elif tag == "]":
            if depth == 0:
                _fail("']' without a matching '[' in typetags", offset + 1 + pos)
            depth -= 1
            ops.append((_CLOSE,))
        else:
            _fail("unknown type tag %r" % tag, offset + 1 + pos)
    if depth:
        _fail("'[' without a matching ']' in typetags", offset + 1 + len(text))
    if run:
        ops.append((_RUN, _compile_run(run)))
    single = ops[0][1] if len(ops) == 1 and ops[0][0] == _RUN else None
    if not ops:
        single = (_EMPTY, 0, (), ())
    plan = (text, single, tuple(ops))
    if len(_plans) >= MAX_CACHED_PLANS:
        _plans.clear()
    _plans[tags] = plan
    return plan


_EMPTY = struct.Struct(">")


def _compile_run(run):
    codes = []
    consts = []
    convs = []
    rel = 0
    for i, tag in enumerate(run):
        code, size = _FIXED[tag]
        codes.append(code)
        if tag in _CONSTANTS:
            consts.append((i, _CONSTANTS[tag]))
        elif tag in _CONVERSIONS:
            convs.append((i, _CONVERSIONS[tag], rel))
        rel += size
    struct_ = struct.Struct(">" + "".join(codes))
    return (struct_, struct_.size, tuple(consts), tuple(convs))


def _decode_bundle(data, start, end, depth):
    if depth >= MAX_BUNDLE_DEPTH:
        _fail("bundles nested deeper than %d levels" % MAX_BUNDLE_DEPTH, start)
    if end - start < 16:
        _fail("bundle header needs 16 bytes, got %d" % (end - start), start)
    raw = _UINT64.unpack_from(data, start + 8)[0]
    o = start + 16
    elements = []
    while o < end:
        if o + 4 > end:
            _fail("bundle element size runs past the end of the bundle", o)
        size = _INT32.unpack_from(data, o)[0]
        if size <= 0 or size & 3:
            _fail("bundle element size %d is not a positive multiple of 4" % size, o)
        o += 4
        if o + size > end:
            _fail("bundle element of %d bytes runs past the end of the bundle" % size, o - 4)
        if data.startswith(_BUNDLE_HEAD, o, o + size):
            elements.append(_decode_bundle(data, o, o + size, depth + 1))
        else:
            elements.append(_decode_message(data, o, o + size))
        o += size
    return Bundle(None, elements, raw)
