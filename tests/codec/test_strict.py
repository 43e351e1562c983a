"""Strict decoding: every malformed case raises OSCDecodeError naming the byte offset."""
import struct

import pytest

from AbletonOSC.osc import (IMMEDIATELY, MAX_BUNDLE_DEPTH, Message, OSCDecodeError, Typed, decode_packet,
                            encode_bundle, encode_message)

I32 = struct.Struct(">i").pack


def bundle_of(*elements, raw=1):
    """Bundle bytes from already-encoded elements, each given its size prefix."""
    return b"#bundle\x00" + struct.pack(">Q", raw) + b"".join(I32(len(e)) + e for e in elements)


def raises_at(data, offset, words):
    with pytest.raises(OSCDecodeError) as info:
        decode_packet(data)
    error = info.value
    assert isinstance(error, ValueError)
    assert error.offset == offset, str(error)
    assert ("at byte offset %d" % offset) in str(error)
    assert words in str(error), str(error)
    return error


@pytest.mark.parametrize("data, offset, words", [
    (b"", 0, "empty message"),
    (b"live\x00\x00\x00\x00", 0, "must start with '/'"),
    (b"/abc", 0, "address is not NUL-terminated"),
    (b"/abc\x00", 4, "address padding runs past the end"),
    (b"/ab\x00\x00\x00", 4, "typetag string must start with ','"),
    (b"/a\x00X,\x00\x00\x00", 2, "address padding is not all zero"),
    (b"/\xff\xfe\x00,\x00\x00\x00", 1, "address is not valid UTF-8"),
    (b"/abc\x00\x00\x00\x00i\x00\x00\x00", 8, "typetag string must start with ','"),
    (b"/abc\x00\x00\x00\x00,iii", 8, "typetag string is not NUL-terminated"),
    (b"/abc\x00\x00\x00\x00,i\x00", 10, "typetag string padding runs past the end"),
    (b"/abc\x00\x00\x00\x00,i\x00\x01", 10, "typetag string padding is not all zero"),
    (b"/a\x00\x00,iq\x00\x00\x00\x00\x01", 6, "unknown type tag 'q'"),
    (b"/a\x00\x00,\xe9\x00\x00", 5, "typetag string is not ASCII"),
])
def test_malformed_heads(data, offset, words):
    raises_at(data, offset, words)


def test_truncated_arguments_at_every_length():
    data = encode_message("/live/clip/get/notes", [1, 2, 60, 0.5, 0.25, 100, True, "name", b"blob!"])
    head = len(encode_message("/live/clip/get/notes", [])) + 8  # typetags are longer than ','
    for cut in range(head, len(data)):
        with pytest.raises(OSCDecodeError) as info:
            decode_packet(data[:cut])
        assert 0 <= info.value.offset <= cut


def test_missing_int_bytes():
    raises_at(encode_message("/a", [1])[:-2], 8, "arguments need 4 bytes but only 2 remain")


def test_trailing_bytes_after_the_arguments():
    raises_at(encode_message("/a", [1]) + b"\x00\x00\x00\x00", 12, "4 unexpected bytes after the arguments")
    raises_at(encode_message("/a", ["x", "y"]) + b"zz", 16, "2 unexpected bytes after the arguments")


def test_string_argument_errors():
    base = b"/a\x00\x00,s\x00\x00"
    raises_at(base + b"abcd", 8, "string argument is not NUL-terminated")
    raises_at(base + b"abcd\x00", 12, "string argument padding runs past the end")
    raises_at(base + b"a\x00b\x00", 9, "string argument padding is not all zero")
    raises_at(base + b"a\xc3(\x00", 9, "string argument is not valid UTF-8")


def test_errors_inside_long_string_runs_are_precise():
    names = ["name %d" % i for i in range(12)]
    data = bytearray(encode_message("/n", names))
    start = data.index(b"name 5")
    data[start + 1] = 0xFF
    raises_at(bytes(data), start + 1, "string argument is not valid UTF-8")
    data = bytearray(encode_message("/n", names))
    data[start + 7] = ord("x")  # a padding byte of "name 5"
    raises_at(bytes(data), start + 6, "string argument padding is not all zero")


def test_a_long_string_run_with_too_few_strings():
    # Four strings announced, three present; a 0xFF inside one must not pass for a separator.
    head = b"/n\x00\x00,ssss\x00\x00\x00"
    raises_at(head + b"a\xffb\x00c\x00\x00\x00d\x00\x00\x00", 13, "string argument is not valid UTF-8")
    raises_at(head + b"ab\x00\x00c\x00\x00\x00d\x00\x00\x00", 24, "string argument is not NUL-terminated")
    raises_at(head + b"abc\x00" * 3 + b"\x00\x00\x00\x00" * 2, 28, "4 unexpected bytes after the arguments")


def test_misaligned_strings_in_a_long_run():
    # Right total length, but the second string starts at an unaligned offset.
    head = b"/n\x00\x00,ssss\x00\x00\x00"
    raises_at(head + b"a\x00\x00b\x00\x00\x00\x00c\x00\x00\x00d\x00\x00\x00", 13,
              "string argument padding is not all zero")


def test_blob_errors():
    base = b"/a\x00\x00,b\x00\x00"
    raises_at(base + b"\x00\x00", 8, "blob size runs past the end")
    raises_at(base + I32(100) + b"abcd", 8, "blob of 100 bytes runs past the end")
    raises_at(base + I32(-4) + b"abcd", 8, "negative blob size -4")
    raises_at(base + I32(2) + b"ab\x00\x01", 14, "blob padding is not all zero")
    raises_at(base + I32(0x7FFFFFFF), 8, "blob of 2147483647 bytes runs past the end")


def test_unbalanced_arrays():
    raises_at(b"/a\x00\x00,[i\x00" + I32(1), 7, "'[' without a matching ']'")
    raises_at(b"/a\x00\x00,i]\x00" + I32(1), 6, "']' without a matching '['")
    raises_at(b"/a\x00\x00,]\x00\x00", 5, "']' without a matching '['")


def test_invalid_character_code():
    raises_at(b"/a\x00\x00,c\x00\x00" + I32(-1), 8, "invalid value for type tag 'c'")
    raises_at(b"/a\x00\x00,ic\x00" + I32(1) + I32(0x110000), 12, "invalid value for type tag 'c'")


def test_bundle_errors():
    good = encode_message("/a", [1])
    raises_at(b"#bundle\x00\x00\x00\x00", 0, "bundle header needs 16 bytes, got 11")
    raises_at(bundle_of(good)[:-4], 16, "bundle element of 12 bytes runs past the end")
    raises_at(bundle_of(good) + b"\x00\x00", 32, "bundle element size runs past the end")
    raises_at(b"#bundle\x00" + b"\x00" * 8 + I32(6) + good[:6], 16, "not a positive multiple of 4")
    raises_at(bundle_of(b""), 16, "bundle element size 0 is not a positive multiple of 4")
    raises_at(b"#bundle\x00" + b"\x00" * 8 + I32(-8) + good, 16, "bundle element size -8")
    raises_at(bundle_of(good, b"/b\x00\x00,i\x00\x00"), 44, "arguments need 4 bytes but only 0 remain")


def test_bundle_element_does_not_read_past_its_own_size():
    # The element claims 8 bytes: its int argument lies outside it, in the next element.
    data = bundle_of(b"/a\x00\x00,i\x00\x00") + I32(1)
    with pytest.raises(OSCDecodeError):
        decode_packet(data)
    decode_packet(encode_message("/a", [1]))  # same head now cached: still strict inside a bundle
    with pytest.raises(OSCDecodeError):
        decode_packet(data)


def test_bundle_nesting_limit():
    packet = encode_message("/deep", [1])
    for _ in range(MAX_BUNDLE_DEPTH):
        packet = encode_bundle(IMMEDIATELY, [packet])
    assert decode_packet(packet).elements  # exactly at the limit: fine
    too_deep = encode_bundle(IMMEDIATELY, [packet])
    error = raises_at(too_deep, MAX_BUNDLE_DEPTH * 20, "nested deeper than")
    assert error.reason.startswith("bundles nested")


def test_old_message_without_typetags_is_accepted():
    assert decode_packet(b"/a\x00\x00") == Message("/a", (), "")


def test_huge_declared_sizes_allocate_nothing():
    # A blob and a bundle element that claim ~2 GB are refused by arithmetic alone.
    raises_at(b"/a\x00\x00,b\x00\x00" + I32(0x7FFFFFF0), 8, "runs past the end")
    raises_at(b"#bundle\x00" + b"\x00" * 8 + I32(0x7FFFFFF0), 16, "runs past the end")


def test_long_messages_are_as_strict():
    args = [1, 2.5, True, "name", None] * 10 + ["tail %d" % i for i in range(8)]
    data = encode_message("/long", args)
    for cut in range(len(data) - 40, len(data)):
        with pytest.raises(OSCDecodeError):
            decode_packet(data[:cut])
    raises_at(encode_message("/long", [1] * 40 + [Typed("c", "x")])[:-4] + I32(-5), 8 + 44 + 160,
              "invalid value for type tag 'c'")
