"""Interop with an independent implementation (python-osc), in both directions."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from AbletonOSC.osc import (IMMEDIATELY, Bundle, Message, Typed, decode_packet, encode_bundle,
                            encode_message, raw_to_seconds)

from . import strategies as s

osc_message = pytest.importorskip("pythonosc.osc_message")
osc_message_builder = pytest.importorskip("pythonosc.osc_message_builder")
osc_bundle = pytest.importorskip("pythonosc.osc_bundle")
osc_bundle_builder = pytest.importorskip("pythonosc.osc_bundle_builder")

NTP_TO_UNIX = 2208988800  # seconds from 1900-01-01 to 1970-01-01

# Every type python-osc can write, as (python-osc tag, value strategy, our Typed tag).
PYTHONOSC_TYPES = st.one_of(
    s.int32.map(lambda v: ("i", v)),
    st.integers(-2 ** 63, 2 ** 63 - 1).map(lambda v: ("h", v)),
    s.float32.map(lambda v: ("f", v)),
    s.float64.map(lambda v: ("d", v)),
    s.text.map(lambda v: ("s", v)),
    st.binary(min_size=1, max_size=40).map(lambda v: ("b", v)),  # python-osc writes no empty blob
    st.integers(0, 2 ** 32 - 1).map(lambda v: ("r", v)),
    s.midi.map(lambda v: ("m", v)),
    st.just(("T", True)), st.just(("F", False)), st.just(("N", None)),
)


def build(address, tagged):
    """Encode with python-osc's builder, one explicitly typed argument at a time."""
    builder = osc_message_builder.OscMessageBuilder(address)
    for tag, value in tagged:
        if tag == "[":
            builder.add_arg([inner for _, inner in value], [inner_tag for inner_tag, _ in value])
        else:
            builder.add_arg(value, tag)
    return builder.build()


@settings(max_examples=300, deadline=None)
@given(s.addresses, st.lists(PYTHONOSC_TYPES, max_size=10))
def test_pythonosc_encodes_we_decode(address, tagged):
    message = decode_packet(build(address, tagged).dgram)
    assert message.address == address
    assert message.typetags == "".join(tag for tag, _ in tagged)
    assert message.args == tuple(value for _, value in tagged)


@settings(max_examples=300, deadline=None)
@given(s.addresses, st.lists(PYTHONOSC_TYPES, max_size=10))
def test_we_encode_pythonosc_decodes(address, tagged):
    data = encode_message(address, [Typed(tag, value) for tag, value in tagged])
    parsed = osc_message.OscMessage(data)
    assert parsed.address == address
    assert parsed.params == [value for _, value in tagged]


# Away from the 32-bit edges, where python-osc versions infer differently.
INFERABLE = st.one_of(st.booleans(), st.integers(-2 ** 30, 2 ** 30), st.integers(2 ** 33, 2 ** 62),
                      s.float32, s.text, st.binary(min_size=1, max_size=40), st.none())


@settings(max_examples=200, deadline=None)
@given(s.addresses, st.lists(INFERABLE, max_size=10))
def test_inferred_types_agree_with_pythonosc(address, args):
    builder = osc_message_builder.OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    theirs = builder.build().dgram
    assert encode_message(address, args) == theirs
    assert decode_packet(theirs).args == tuple(args)


@settings(max_examples=100, deadline=None)
@given(s.addresses, st.lists(st.lists(PYTHONOSC_TYPES.filter(lambda p: p[0] != "N"), max_size=4),
                             min_size=1, max_size=3))
def test_arrays_both_ways(address, groups):
    tagged = [("[", group) for group in groups]
    expected = tuple([value for _, value in group] for group in groups)
    assert decode_packet(build(address, tagged).dgram).args == expected
    ours = encode_message(address, [[Typed(t, v) for t, v in group] for group in groups])
    assert osc_message.OscMessage(ours).params == list(expected)


def their_bundle(timestamp, messages):
    builder = osc_bundle_builder.OscBundleBuilder(timestamp)
    for address, tagged in messages:
        builder.add_content(build(address, tagged))
    return builder.build().dgram


MESSAGES = st.lists(st.tuples(s.addresses, st.lists(PYTHONOSC_TYPES, max_size=4)), max_size=4)


@settings(max_examples=100, deadline=None)
@given(MESSAGES)
def test_pythonosc_bundles_we_decode(messages):
    bundle = decode_packet(their_bundle(osc_bundle_builder.IMMEDIATELY, messages))
    assert isinstance(bundle, Bundle)
    assert bundle.timetag == IMMEDIATELY
    assert [(m.address, m.args) for m in bundle.elements] == [
        (address, tuple(v for _, v in tagged)) for address, tagged in messages]


@settings(max_examples=100, deadline=None)
@given(MESSAGES, st.integers(0, 2 ** 32 - 1 - NTP_TO_UNIX).map(float))
def test_we_bundle_pythonosc_decodes(messages, unix_time):
    elements = [Message(a, [Typed(t, v) for t, v in tagged]) for a, tagged in messages]
    data = encode_bundle(unix_time + NTP_TO_UNIX, elements)
    parsed = osc_bundle.OscBundle(data)
    assert parsed.timestamp == pytest.approx(unix_time, abs=1e-3)
    contents = list(parsed)
    assert [(m.address, m.params) for m in contents] == [
        (a, [v for _, v in tagged]) for a, tagged in messages]


def test_pythonosc_timestamped_bundle():
    data = their_bundle(1700000000.25, [("/a", [("i", 1)])])
    bundle = decode_packet(data)
    assert bundle.timetag == pytest.approx(1700000000.25 + NTP_TO_UNIX, abs=1e-6)
    assert raw_to_seconds(bundle.timetag_raw) == bundle.timetag


def test_immediately_is_pythonosc_immediately():
    parsed = osc_bundle.OscBundle(encode_bundle(IMMEDIATELY, [Message("/a")]))
    assert parsed.timestamp == osc_bundle_builder.IMMEDIATELY


def test_nested_bundles_both_ways():
    inner = osc_bundle_builder.OscBundleBuilder(osc_bundle_builder.IMMEDIATELY)
    inner.add_content(build("/inner", [("i", 2)]))
    outer = osc_bundle_builder.OscBundleBuilder(osc_bundle_builder.IMMEDIATELY)
    outer.add_content(build("/outer", [("s", "x")]))
    outer.add_content(inner.build())
    ours = decode_packet(outer.build().dgram)
    assert ours.elements[0] == Message("/outer", ["x"])
    assert ours.elements[1].elements == (Message("/inner", [2]),)
    back = osc_bundle.OscBundle(encode_bundle(IMMEDIATELY, ours.elements))
    assert back.content(1).content(0).params == [2]
