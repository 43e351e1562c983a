"""Fuzz: random and mutated packets raise nothing but OSCDecodeError."""
import random
import struct

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from AbletonOSC.osc import (IMMEDIATELY, Bundle, Message, OSCDecodeError, Typed, decode_packet,
                            encode_bundle, encode_message)

MUTATED_PACKETS = 120000


def corpus():
    """Valid packets covering every type, arrays, long string runs and nested bundles."""
    notes = [1, 2] + [v for n in range(8) for v in (60 + n, n * 0.5, 0.25, 100, n % 2 == 0)]
    messages = [
        encode_message("/live/song/set/tempo", [120.0]),
        encode_message("/live/clip/get/name", [3, 2, "Bass loop"]),
        encode_message("/live/clip/get/notes", notes),
        encode_message("/live/song/get/track_names", ["Track %d" % i for i in range(12)]),
        encode_message("/n", ["", "a", "é" * 3, "", "abcd"] * 2),
        encode_message("/all", [Typed("i", 1), Typed("h", -5), Typed("f", 0.5), Typed("d", 2.5),
                                Typed("s", "x"), Typed("S", "sym"), Typed("b", b"\x00\xff\x01"),
                                Typed("c", "z"), Typed("r", 0xFF00FF00), Typed("m", (0, 144, 60, 100)),
                                Typed("t", 3.5), Typed("T"), Typed("F"), Typed("N"), Typed("I")]),
        encode_message("/arr", [[1, [2.5, "x"], []], None, True]),
        encode_message("/live/{song,track}/get/*", []),
        b"/old\x00\x00\x00\x00",
    ]
    bundles = [
        encode_bundle(IMMEDIATELY, [messages[0], messages[1]]),
        encode_bundle(1234.5, [encode_bundle(IMMEDIATELY, [messages[2]]), messages[6]]),
    ]
    return messages + bundles


INTERESTING = [0, 1, 0x2C, 0x2F, 0x5B, 0x5D, 0x7F, 0x80, 0xC0, 0xFF] + [ord(c) for c in "ifsbhdtScrmTFNI#"]


def mutate(rng, packet, corpus):
    """One random mutation of a packet: flips, overwrites, cuts, inserts, splices, size lies."""
    data = bytearray(packet)
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(8)
        if kind == 0 and data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 1 and data:
            data[rng.randrange(len(data))] = rng.choice(INTERESTING)
        elif kind == 2:
            del data[rng.randrange(len(data) + 1):]
        elif kind == 3:
            at = rng.randrange(len(data) + 1)
            data[at:at] = bytes(rng.choice(INTERESTING) for _ in range(rng.randint(1, 5)))
        elif kind == 4 and data:
            at = rng.randrange(len(data))
            del data[at:at + rng.randint(1, 8)]
        elif kind == 5:
            other = rng.choice(corpus)
            cut = rng.randrange(len(other) + 1)
            data = data[:rng.randrange(len(data) + 1)] + other[cut:]
        elif kind == 6 and len(data) >= 4:
            at = rng.randrange(0, len(data) - 3) & ~3
            data[at:at + 4] = struct.pack(">i", rng.choice([-1, 0, 3, 4, 0x7FFFFFFF, -0x80000000,
                                                               len(data), rng.randrange(64)]))
        elif kind == 7:
            data = bytearray(rng.getrandbits(8) for _ in range(rng.randrange(48)))
    return bytes(data)


def test_mutated_packets_raise_only_oscdecodeerror():
    rng = random.Random(20240521)
    packets = corpus()
    decoded = 0
    for _ in range(MUTATED_PACKETS):
        data = mutate(rng, rng.choice(packets), packets)
        try:
            result = decode_packet(data)
        except OSCDecodeError as error:
            assert 0 <= error.offset <= len(data)
        else:
            assert isinstance(result, (Message, Bundle))
            decoded += 1
    assert 0 < decoded < MUTATED_PACKETS  # the mutator produces both kinds


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=96))
def test_random_bytes_raise_only_oscdecodeerror(data):
    for packet in (data, b"/a\x00\x00" + data, b"#bundle\x00" + data):
        try:
            decode_packet(packet)
        except OSCDecodeError:
            pass


def _same(a, b):
    """Equality that counts NaN equal to NaN, through lists and tuples."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return type(a) is type(b) and a == b


def _interpreted(data):
    """The arguments as the plain interpreter decodes them (no generated fast paths)."""
    from AbletonOSC.osc import decode

    address, plan, offset = decode._read_head(data, 0, len(data))
    return decode._interpret(plan[2], data, offset, len(data))


def test_generated_decoders_agree_with_the_interpreter():
    rng = random.Random(99)
    packets = [p for p in corpus() if p[:1] == b"/"]
    for _ in range(30000):
        data = mutate(rng, rng.choice(packets), packets)
        try:
            fast = decode_packet(data)
        except OSCDecodeError as error:
            fast = error
        try:
            slow = _interpreted(data)
        except OSCDecodeError as error:
            slow = error
        if isinstance(fast, OSCDecodeError) or isinstance(slow, OSCDecodeError):
            assert str(fast) == str(slow), data
        else:
            assert _same(fast.args, slow), data


def _strings_one_by_one(data, count):
    """The count strings of data as the careful per-string reader takes them, or None."""
    from AbletonOSC.osc import decode

    out = []
    o = 0
    try:
        for _ in range(count):
            raw, o = decode._read_string(data, o, len(data), "string argument")
            out.append(raw.decode("utf-8"))
    except (OSCDecodeError, UnicodeDecodeError):
        return None
    return tuple(out) if o == len(data) else None


def test_bulk_string_runs_agree_with_the_per_string_reader():
    from AbletonOSC.osc import decode

    rng = random.Random(7)
    pieces = [b"\x00", b"\x00\x00", b"a", b"bc", b"\xc3\xa9", b"\xe2\x82\xac", b"\xff", b"\xc3"]
    accepted = 0
    for _ in range(20000):
        count = rng.randrange(4, 9)
        if rng.random() < 0.5:  # canonical, then perhaps one byte changed
            strings = ["".join(rng.choice("ab\u00e9\u20ac") for _ in range(rng.randrange(6)))
                       for _ in range(count)]
            data = bytearray(encode_message("/a", strings)[4 + ((count + 5) & -4):])
            if rng.random() < 0.5:
                data[rng.randrange(len(data))] = rng.choice([0, 0x41, 0xFF, 0xC3, 0x80])
        else:
            data = bytearray(b"".join(rng.choice(pieces) for _ in range(rng.randrange(40))))
        data = bytes(data)
        try:
            bulk = decode._strings_tail(data, 0, len(data), count)
        except (decode._Invalid, UnicodeDecodeError):
            bulk = None
        assert bulk == _strings_one_by_one(data, count), data
        accepted += bulk is not None
    assert accepted > 1000
