"""Ours -> ours: every type, arrays, nesting, explicit typing, bundles, timetags."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from AbletonOSC.osc import (IMMEDIATELY, Bundle, Message, OSCEncodeError, Typed, decode_packet,
                            encode_bundle, encode_message, encode_packet, raw_to_seconds,
                            seconds_to_raw, typetags_for)

from . import strategies as s


@settings(max_examples=300, deadline=None)
@given(s.addresses, st.lists(s.plain_values(), max_size=12))
def test_inferred_flat_args_round_trip(address, args):
    message = decode_packet(encode_message(address, args))
    assert message.address == address
    assert message.args == tuple(args)
    assert message.typetags == typetags_for(args)


@settings(max_examples=200, deadline=None)
@given(s.addresses, st.lists(st.recursive(s.plain_values(), lambda c: st.lists(c, max_size=4),
                                          max_leaves=10), max_size=6))
def test_nested_arrays_round_trip(address, args):
    message = decode_packet(encode_message(address, args))
    assert list(message.args) == s.expected(args)


@settings(max_examples=300, deadline=None)
@given(s.addresses, st.lists(s.typed_values(), max_size=10))
def test_every_typed_value_round_trips(address, pairs):
    args = [typed for typed, _ in pairs]
    message = decode_packet(encode_message(address, args))
    assert message.typetags == "".join(typed.tag for typed in args)
    assert message.args == tuple(value for _, value in pairs)


@settings(max_examples=200, deadline=None)
@given(s.addresses, st.lists(s.typed_values(), max_size=10))
def test_reencoding_a_decoded_message_is_byte_exact(address, pairs):
    data = encode_message(address, [typed for typed, _ in pairs])
    assert encode_packet(decode_packet(data)) == data


def test_explicit_typetags_one_argument_per_tag():
    data = encode_message("/x", [1, 2, "sym", None, None, [3, 4.0]], typetags=",dhSIN[if]")
    message = decode_packet(data)
    assert message.typetags == "dhSIN[if]"
    assert message.args == (1.0, 2, "sym", float("inf"), None, [3, 4.0])
    assert encode_message("/x", message.args, message.typetags) == data


@pytest.mark.parametrize("value, tags", [
    (True, "T"), (False, "F"), (None, "N"), (0, "i"), (-2 ** 31, "i"), (2 ** 31 - 1, "i"),
    (2 ** 31, "h"), (-2 ** 31 - 1, "h"), (2 ** 63 - 1, "h"), (1.5, "f"), ("x", "s"),
    (b"\x00\x01", "b"), (bytearray(b"ab"), "b"), ([1, "a"], "[is]"), ((1, [True]), "[i[T]]"),
])
def test_type_inference(value, tags):
    assert typetags_for([value]) == tags
    decoded = decode_packet(encode_message("/x", [value])).args[0]
    assert decoded == s.expected(value) or decoded == bytes(value)


def test_int_subclasses_and_float_subclasses_encode_like_their_base():
    class Enum(int):
        pass

    class Real(float):
        pass

    assert decode_packet(encode_message("/x", [Enum(3), Real(0.5)])).args == (3, 0.5)


@pytest.mark.parametrize("args, typetags", [
    ([object()], None), ([2 ** 64], None), ([1e300], None), (["\ud800"], None),
    ([1], "is"), ([1, 2], "i"), (["x"], "i"), ([1.5], "i"), ([True], "i"), ([1], "q"),
    ([[1]], "[i"), ([[1]], "i]"), ([1], "["), (["ab"], "c"), ([(1, 2, 3)], "m"), ([-1], "r"),
    ([float("nan")], "t"), ([3], "b"), ([4], "m"), (["x"], "b"),
])
def test_unencodable_values_raise_oscencodeerror(args, typetags):
    with pytest.raises(OSCEncodeError):
        encode_message("/x", args, typetags)


@pytest.mark.parametrize("address", ["x", "", None, 3])
def test_address_must_be_a_str_starting_with_slash(address):
    with pytest.raises(OSCEncodeError):
        encode_message(address, [])


def test_large_doubles_and_float32_overflow():
    assert decode_packet(encode_message("/x", [Typed("d", 1e300)])).args == (1e300,)
    with pytest.raises(OSCEncodeError) as info:
        encode_message("/x", [1e300])
    assert "'f'" in str(info.value)


def test_special_floats():
    args = decode_packet(encode_message("/x", [float("inf"), float("-inf"), float("nan")])).args
    assert args[0] == float("inf") and args[1] == float("-inf") and math.isnan(args[2])


def test_message_value_semantics():
    a = Message("/a", [1, "x"])
    assert a == Message("/a", (1, "x"), "is")
    assert a != Message("/a", (1, "x"), "hs")
    assert a != ("/a", (1, "x"), "is")
    assert Message("/a", [True]) != Message("/a", [1])
    assert repr(a) == "Message('/a', (1, 'x'), 'is')"
    assert (a.address, a.args, a.typetags) == ("/a", (1, "x"), "is")


def test_bundle_round_trip_and_nesting():
    inner = Bundle(1000.5, [Message("/c", [3])])
    data = encode_bundle(IMMEDIATELY, [Message("/a", [1]), encode_message("/b", ["x"]), inner])
    bundle = decode_packet(data)
    assert bundle.timetag == IMMEDIATELY and bundle.timetag_raw == 1
    assert bundle.elements == (Message("/a", [1]), Message("/b", ["x"]), inner)
    assert encode_packet(bundle) == data
    assert repr(bundle).startswith("Bundle(")


def test_empty_bundle():
    bundle = decode_packet(encode_bundle(IMMEDIATELY, []))
    assert bundle == Bundle(IMMEDIATELY, [])


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2 ** 64 - 1))
def test_bundle_timetag_raw_is_kept_bit_exactly(raw):
    data = b"#bundle\x00" + raw.to_bytes(8, "big") + encode_bundle(IMMEDIATELY, [Message("/a")])[16:]
    bundle = decode_packet(data)
    assert bundle.timetag_raw == raw
    assert bundle.timetag == raw_to_seconds(raw)
    assert encode_packet(bundle) == data


def test_timetag_conversions():
    assert seconds_to_raw(IMMEDIATELY) == 1
    assert raw_to_seconds(1) == IMMEDIATELY
    assert seconds_to_raw(1.5) == (1 << 32) + (1 << 31)
    assert raw_to_seconds((5 << 32) + (1 << 30)) == 5.25
    for bad in (-1.0, float("inf"), 2.0 ** 33):
        with pytest.raises(OSCEncodeError):
            seconds_to_raw(bad)


def test_encode_bundle_rejects_misaligned_raw_elements():
    with pytest.raises(OSCEncodeError):
        encode_bundle(IMMEDIATELY, [b"/ab"])


def test_decode_accepts_bytearray_and_memoryview():
    data = encode_message("/a", [1, "x"])
    assert decode_packet(bytearray(data)) == decode_packet(memoryview(data)) == Message("/a", [1, "x"])


def test_message_without_typetag_string_has_no_arguments():
    assert decode_packet(b"/old\x00\x00\x00\x00") == Message("/old", (), "")


def test_many_strings_including_empty_ones():
    names = ["", "a", "", "", "bcd", "efgh", "", "é" * 5, "ijklm", ""] * 3
    assert decode_packet(encode_message("/n", names)).args == tuple(names)
    assert decode_packet(encode_message("/n", [1] + names + [2])).args == tuple([1] + names + [2])


@settings(max_examples=60, deadline=None)
@given(s.addresses, st.lists(s.plain_values(), min_size=33, max_size=120))
def test_long_argument_lists_round_trip(address, args):
    # Past the generated-code limit: table-driven plans in both directions.
    data = encode_message(address, args)
    message = decode_packet(data)
    assert message.args == tuple(args)
    assert encode_packet(message) == data


@settings(max_examples=60, deadline=None)
@given(s.addresses, st.lists(s.typed_values(), min_size=33, max_size=80))
def test_long_typed_lists_round_trip(address, pairs):
    data = encode_message(address, [typed for typed, _ in pairs])
    assert decode_packet(data).args == tuple(value for _, value in pairs)
