"""Hypothesis strategies for OSC values, shared by the codec tests."""
import struct

from hypothesis import strategies as st

from AbletonOSC.osc import IMMEDIATELY, Typed, raw_to_seconds

_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")

text = st.text(_CHARS, max_size=24)
addresses = st.lists(st.text(_CHARS.filter(lambda c: c != "/"), min_size=1, max_size=8),
                     min_size=1, max_size=4).map(lambda parts: "/" + "/".join(parts))
int32 = st.integers(-2 ** 31, 2 ** 31 - 1)
int64_wide = st.one_of(st.integers(-2 ** 63, -2 ** 31 - 1), st.integers(2 ** 31, 2 ** 63 - 1))
float32 = st.floats(width=32, allow_nan=False)
float64 = st.floats(allow_nan=False)
blobs = st.binary(max_size=40)
midi = st.tuples(*[st.integers(0, 255)] * 4)
exact_seconds = st.integers(1, 2 ** 53 - 1).map(raw_to_seconds)


def plain_values():
    """Values whose OSC type is inferred: bool, int, float32-exact float, str, bytes, None."""
    return st.one_of(st.booleans(), int32, int64_wide, float32, text, blobs, st.none())


def typed_values():
    """Typed(tag, value) for every tag, paired with the value decoding gives back."""
    return st.one_of(
        int32.map(lambda v: (Typed("i", v), v)),
        st.integers(-2 ** 63, 2 ** 63 - 1).map(lambda v: (Typed("h", v), v)),
        float32.map(lambda v: (Typed("f", v), v)),
        float64.map(lambda v: (Typed("d", v), v)),
        text.map(lambda v: (Typed("s", v), v)),
        text.map(lambda v: (Typed("S", v), v)),
        blobs.map(lambda v: (Typed("b", v), v)),
        st.integers(0, 0x10FFFF).map(lambda v: (Typed("c", chr(v)), chr(v))),
        st.integers(0, 2 ** 32 - 1).map(lambda v: (Typed("r", v), v)),
        midi.map(lambda v: (Typed("m", v), v)),
        exact_seconds.map(lambda v: (Typed("t", v), v)),
        st.just((Typed("t", IMMEDIATELY), IMMEDIATELY)),
        st.just((Typed("T"), True)),
        st.just((Typed("F"), False)),
        st.just((Typed("N"), None)),
        st.just((Typed("I"), float("inf"))),
    )


def expected(value):
    """What decoding gives back for an inferred value (tuples and lists become lists)."""
    if isinstance(value, (list, tuple)):
        return [expected(v) for v in value]
    return value


inferred_args = st.recursive(
    plain_values(), lambda children: st.lists(children, max_size=4), max_leaves=12
).flatmap(lambda first: st.lists(
    st.recursive(plain_values(), lambda c: st.lists(c, max_size=4), max_leaves=8), max_size=8))


def is_float32(value):
    """True when value survives a float32 round trip unchanged."""
    return struct.unpack(">f", struct.pack(">f", value))[0] == value
