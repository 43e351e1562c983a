"""Decoding OSC packets (bytes -> Message | Bundle), strictly.

Every malformed input raises OSCDecodeError naming the problem and its byte
offset. Each typetag string is compiled once (cached, bounded) into a plan:
a list of operations for a precise interpreter (each run of fixed-size
values is one precompiled struct.Struct), and, for short array-free
typetags, a small generated function that decodes the arguments straight
through. When the generated function meets anything unexpected, the
interpreter decodes the same bytes again and reports exactly what is wrong
and where.
"""
from __future__ import annotations

import struct
from operator import itemgetter

from .errors import OSCDecodeError
from .timetag import raw_to_seconds
from .values import Bundle, Message

_new_message = tuple.__new__

#: Bundles nested deeper than this are rejected.
MAX_BUNDLE_DEPTH = 8
#: Cached plans (one per typetag string) and validated message heads; cleared when full.
MAX_CACHED_PLANS = 512
MAX_CACHED_HEADS = 1024
#: Longer typetag strings are interpreted: generating code for them would take
#: milliseconds on Live's main thread for each new shape.
MAX_GENERATED_TAGS = 32

_BUNDLE_HEAD = b"#bundle\x00"
_ZEROS = (b"", b"\x00", b"\x00\x00", b"\x00\x00\x00", b"\x00\x00\x00\x00")
_INT32 = struct.Struct(">i")
_UINT64 = struct.Struct(">Q")
_INF = float("inf")

# Plan operations.
_RUN, _STRS, _BLOB, _OPEN, _CLOSE = range(5)

# Fixed-size tags: struct code. T F N I carry no bytes.
_CODES = {"i": "i", "f": "f", "h": "q", "d": "d", "r": "I", "c": "i", "t": "Q", "m": "4s"}
_CONSTANTS = {"T": True, "F": False, "N": None, "I": _INF}
_CONSTANT_VALUES = (True, False, None, _INF)  # appended to a run's values, picked by index
_CONSTANT_SOURCE = {"T": "True", "F": "False", "N": "None", "I": "_INF"}


def _midi(four):
    """Decode an 'm' argument to a 4-tuple of ints (port, status, data1, data2)."""
    return tuple(four)


_CONVERSIONS = {"c": chr, "t": raw_to_seconds, "m": _midi}
_CONVERSION_SOURCE = {"c": "chr", "t": "_tt", "m": "tuple"}

_plans = {}  # type: dict
_heads = {}  # type: dict


def decode_packet(data) -> "Message | Bundle":
    """Decode one OSC packet (a message or a bundle); raise OSCDecodeError if malformed."""
    if data.__class__ is not bytes:
        data = bytes(data)
    # _decode_message for a whole packet, inlined: most packets are one message, and the
    # extra call would cost about a quarter of decoding a small one.
    try:
        o = (data.index(0) + 4) & -4
        head = _heads.get(data[:(data.index(0, o) + 4) & -4])
    except ValueError:
        head = None
    if head is None:
        if data[:8] == _BUNDLE_HEAD:
            return _decode_bundle(data, 0, len(data), 0)
        return _decode_message(data, 0, len(data))
    address, (typetags, fast, ops, whole), p = head
    end = len(data)
    if whole is not None and p + whole.size == end:
        return _new_message(Message, (address, whole.unpack_from(data, p), typetags))
    if fast is not None:
        try:
            return _new_message(Message, (address, fast(data, p, end), typetags))
        except Exception:
            pass  # malformed: the interpreter below says what and where
    return _new_message(Message, (address, _interpret(ops, data, p, end), typetags))


def _fail(reason, offset):
    raise OSCDecodeError(reason, offset)


def _decode_message(data, start, end):
    # A head (address and typetags, with padding) seen before is already valid.
    index = data.index
    try:
        o = (index(0, start, end) + 4) & -4
        p = (index(0, o, end) + 4) & -4
        head = _heads.get(data[start:p]) if p <= end else None
    except ValueError:
        head = None
    if head is None:
        head = _read_head(data, start, end)
    address, (typetags, fast, ops, whole), p = head
    p += start
    if whole is not None and p + whole.size == end:
        return _new_message(Message, (address, whole.unpack_from(data, p), typetags))
    if fast is not None:
        try:
            return _new_message(Message, (address, fast(data, p, end), typetags))
        except Exception:
            pass  # malformed: the interpreter below says what and where
    return _new_message(Message, (address, _interpret(ops, data, p, end), typetags))


def _read_string(data, start, end, what):
    """Return (raw bytes, next offset) of the padded string at start."""
    try:
        zero = data.index(b"\x00", start, end)
    except ValueError:
        _fail("%s is not NUL-terminated" % what, start)
    nxt = (zero + 4) & -4
    if nxt > end:
        _fail("%s padding runs past the end of the packet" % what, zero)
    if data[zero:nxt] != _ZEROS[nxt - zero]:
        _fail("%s padding is not all zero bytes" % what, zero)
    return data[start:zero], nxt


def _read_head(data, start, end):
    """Validate address and typetags; return (address, plan, arguments' offset from start)."""
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
        return (address, _NO_ARGS, o - start)
    if data[o] != 0x2C:
        _fail("typetag string must start with ','", o)
    tags, p = _read_string(data, o, end, "typetag string")
    plan = _plans.get(tags)
    if plan is None:
        plan = _compile_plan(tags, o)
    # Cached with the arguments' offset relative to the message start.
    head = (address, plan, p - start)
    if len(_heads) >= MAX_CACHED_HEADS:
        _heads.clear()
    _heads[data[start:p]] = head
    return head


def _interpret(ops, data, o, end):
    """Decode arguments op by op, raising OSCDecodeError at the first problem."""
    out = []
    stack = []
    for op in ops:
        kind = op[0]
        if kind == _RUN:
            struct_, picker, conversions = op[1], op[3], op[4]
            if o + struct_.size > end:
                _fail("arguments need %d bytes but only %d remain" % (struct_.size, end - o), o)
            values = struct_.unpack_from(data, o)
            if picker is not None:
                values = picker(values + _CONSTANT_VALUES)  # constants in their places
            if conversions:
                values = list(values)
                for i, tag, at in conversions:
                    try:
                        values[i] = _CONVERSIONS[tag](values[i])
                    except (ValueError, OverflowError):
                        _fail("invalid value for type tag %r" % tag, o + at)
            out.extend(values)
            o += struct_.size
        elif kind == _STRS:
            if op is ops[-1] and not stack and op[1] >= 4:
                try:  # in bulk; on any problem the loop below finds it
                    out.extend(_strings_tail(data, o, end, op[1]))
                    o = end
                    continue
                except (_Invalid, UnicodeDecodeError):
                    pass
            for _ in range(op[1]):
                raw, nxt = _read_string(data, o, end, "string argument")
                try:
                    out.append(raw.decode("utf-8"))
                except UnicodeDecodeError as e:
                    _fail("string argument is not valid UTF-8", o + e.start)
                o = nxt
        elif kind == _BLOB:
            if o + 4 > end:
                _fail("blob size runs past the end of the packet", o)
            size = _INT32.unpack_from(data, o)[0]
            if size < 0:
                _fail("negative blob size %d" % size, o)
            stop = o + 4 + size
            nxt = (stop + 3) & -4
            if nxt > end:
                _fail("blob of %d bytes runs past the end of the packet" % size, o)
            if data[stop:nxt] != _ZEROS[nxt - stop]:
                _fail("blob padding is not all zero bytes", stop)
            out.append(data[o + 4:stop])
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
    """Compile a typetag string (with its ',') into a plan; cache it."""
    try:
        text = tags[1:].decode("ascii")
    except UnicodeDecodeError as e:
        _fail("typetag string is not ASCII", offset + 1 + e.start)
    ops = []
    depth = 0
    run = []
    for pos, tag in enumerate(text):
        if tag in _CODES or tag in _CONSTANTS:
            run.append(tag)
            continue
        if run:
            ops.append(_run_op(run))
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
        ops.append(_run_op(run))
    fast = whole = None
    if "[" not in text and len(text) <= MAX_GENERATED_TAGS:
        fast = _generate(ops)
    if len(ops) == 1 and ops[0][0] == _RUN and all(tag in "ifhdr" for tag in text):
        whole = ops[0][1]  # the arguments are exactly one struct's values
    plan = (text, fast, tuple(ops), whole)
    if len(_plans) >= MAX_CACHED_PLANS:
        _plans.clear()
    _plans[tags] = plan
    return plan


def _run_op(run):
    """A run of fixed-size tags: its struct, how to put constants in, which values to convert."""
    codes = [_CODES[tag] for tag in run if tag in _CODES]
    order = []  # for each tag: its index in (struct values + _CONSTANT_VALUES)
    conversions = []
    payload = at = 0
    for i, tag in enumerate(run):
        if tag in _CONSTANTS:
            order.append(len(codes) + "TFNI".index(tag))
            continue
        order.append(payload)
        payload += 1
        if tag in _CONVERSIONS:
            conversions.append((i, tag, at))
        at += 8 if tag in "hdt" else 4
    picker = None
    if len(order) != len(codes):
        picker = itemgetter(*order) if len(order) > 1 else (lambda values: (values[order[0]],))
    return (_RUN, struct.Struct(">" + "".join(codes)), tuple(run), picker, tuple(conversions))


def _generate(ops):
    """Generate the straight-through decode function for an array-free plan."""
    names = {"_INF": _INF, "_tt": raw_to_seconds, "_Z": _ZEROS, "_i32": _INT32.unpack_from,
             "_tail": _strings_tail, "_Invalid": _Invalid}
    body = ["def fast(data, o, end):"]
    items = []
    # Nothing but strings: the bulk decoder checks the whole run and returns the tuple.
    only_strings = len(ops) == 1 and ops[0][0] == _STRS and ops[0][1] >= 4
    for n, op in enumerate(() if only_strings else ops):
        kind = op[0]
        if kind == _RUN:
            struct_, tags = op[1], op[2]
            values = []
            for tag in tags:
                if tag in _CONSTANT_SOURCE:
                    items.append(_CONSTANT_SOURCE[tag])
                    continue
                var = "v%d_%d" % (n, len(values))
                values.append(var)
                items.append("%s(%s)" % (_CONVERSION_SOURCE[tag], var)
                             if tag in _CONVERSION_SOURCE else var)
            if values:
                names["_u%d" % n] = struct_.unpack_from
                body.append(" if o + %d > end: raise _Invalid" % struct_.size)
                body.append(" %s, = _u%d(data, o)" % (", ".join(values), n))
                body.append(" o += %d" % struct_.size)
        elif kind == _STRS and n == len(ops) - 1 and op[1] >= 4:
            body.append(" s%d = _tail(data, o, end, %d)" % (n, op[1]))
            body.append(" o = end")
            items.append("*s%d" % n)
        elif kind == _STRS:
            for k in range(op[1]):
                var = "s%d_%d" % (n, k)
                body.append(" z = data.index(b'\\x00', o, end)")
                body.append(" p = (z + 4) & -4")
                body.append(" if p > end or data[z:p] != _Z[p - z]: raise _Invalid")
                body.append(" %s = data[o:z].decode('utf-8')" % var)
                body.append(" o = p")
                items.append(var)
        else:  # _BLOB
            var = "b%d" % n
            body.append(" if o + 4 > end: raise _Invalid")
            body.append(" size, = _i32(data, o)")
            body.append(" z = o + 4 + size")
            body.append(" p = (z + 3) & -4")
            body.append(" if size < 0 or p > end or data[z:p] != _Z[p - z]: raise _Invalid")
            body.append(" %s = data[o + 4:z]" % var)
            body.append(" o = p")
            items.append(var)
    if only_strings:
        body.append(" return _tail(data, o, end, %d)" % ops[0][1])
    else:
        body.append(" if o != end: raise _Invalid")
        body.append(" return (%s)" % "".join(item + ", " for item in items))
    exec(compile("\n".join(body), "<osc decode plan>", "exec"), names)
    return names["fast"]


class _Invalid(Exception):
    """Raised by generated decoders: the interpreter will find the precise error."""


# Word-final NULs become 0xFF (never in valid UTF-8): each ends a string.
_LAST_NUL_TO_FF = b"\xff" + bytes(range(1, 256))
# Byte classes: NUL 0, content 1, marked word-final NUL 2.
_CLASSES = b"\x00" + b"\x01" * 254 + b"\x02"
_FF_TO_NUL = bytes(range(255)) + b"\x00"


def _strings_tail(data, o, end, count):
    """Decode the count padded strings filling data[o:end] in a few bulk operations."""
    if (end - o) & 3 or end - o < 4 * count or data[end - 1]:
        raise _Invalid
    marked = bytearray(data)
    del marked[:o]
    del marked[end - o:]
    if 255 in marked:
        raise _Invalid  # never in valid UTF-8, and the marker below
    # Canonical words are content then NULs, so a string ends exactly at each
    # word whose last byte is NUL; mark those bytes.
    marked[3::4] = data[o + 3:end:4].translate(_LAST_NUL_TO_FF)
    # Not canonical: a NUL followed by content inside its word (word-final
    # NULs are marked, so no such pair crosses words).
    # (rfind, scanning backwards, tests for the rarer NUL class first.)
    if marked.translate(_CLASSES).rfind(b"\x00\x01") >= 0:
        raise _Invalid
    # Padding NULs are deleted; the marks become separators, the last one dropped.
    marked[-1] = 0
    strings = marked.translate(_FF_TO_NUL, b"\x00").decode("utf-8").split("\x00")
    if len(strings) != count:
        raise _Invalid  # not exactly count strings
    return tuple(strings)


_NO_ARGS = ("", None, (), struct.Struct(">"))


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
