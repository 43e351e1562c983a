"""SLIP stream framing (OSC 1.1, double-END)."""
import random

import pytest

from AbletonOSC.osc import SlipDecoder, decode_packet, encode_message, slip_encode

END, ESC, ESC_END, ESC_ESC = 0xC0, 0xDB, 0xDC, 0xDD


def test_encode_escapes_and_frames_with_double_end():
    assert slip_encode(b"ab") == b"\xc0ab\xc0"
    assert slip_encode(b"\xc0\xdb") == b"\xc0\xdb\xdc\xdb\xdd\xc0"
    assert slip_encode(b"\xdb\xdc") == b"\xc0\xdb\xdd\xdc\xc0"


@pytest.mark.parametrize("packet", [b"x", b"\xc0", b"\xdb", b"\xdb\xdc", b"\xdb\xdd", b"\xc0\xc0\xdb",
                                    bytes(range(256)), encode_message("/a", [b"\xc0\xdb\xdc\xdd"])])
def test_round_trip(packet):
    assert SlipDecoder().feed(slip_encode(packet)) == [packet]


def test_several_packets_in_one_feed_and_empty_frames_ignored():
    packets = [encode_message("/a", [i, "x" * i]) for i in range(5)]
    stream = b"\xc0\xc0" + b"".join(slip_encode(p) for p in packets) + b"\xc0"
    assert SlipDecoder().feed(stream) == packets


def test_single_end_framing_also_decodes():
    assert SlipDecoder().feed(b"one\xc0two\xc0") == [b"one", b"two"]


def test_split_at_every_position():
    packets = [encode_message("/x", [b"\xc0\xdb", "é", 3]), b"\xdb\xdc\xc0", b"tail"]
    stream = b"".join(slip_encode(p) for p in packets)
    for cut in range(len(stream) + 1):
        decoder = SlipDecoder()
        assert decoder.feed(stream[:cut]) + decoder.feed(stream[cut:]) == packets


def test_byte_by_byte_and_random_chunks():
    rng = random.Random(7)
    packets = [bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 64))) for _ in range(50)]
    stream = b"".join(slip_encode(p) for p in packets)
    decoder = SlipDecoder()
    out = []
    for byte in stream:
        out += decoder.feed(bytes([byte]))
    assert out == packets
    decoder, out, at = SlipDecoder(), [], 0
    while at < len(stream):
        step = rng.randrange(1, 40)
        out += decoder.feed(stream[at:at + step])
        at += step
    assert out == packets


def test_invalid_escape_drops_that_frame_only():
    decoder = SlipDecoder()
    assert decoder.feed(b"\xc0a\xdbz\xc0" + slip_encode(b"ok")) == [b"ok"]
    assert decoder.dropped == 1
    assert decoder.feed(b"\xc0b\xdb\xc0") == []  # an ESC right before END
    assert decoder.dropped == 2


def test_buffer_is_bounded_and_stream_recovers():
    decoder = SlipDecoder(max_packet=100)
    for _ in range(100):
        assert decoder.feed(b"x" * 64) == []  # an endless frame
        assert len(decoder._buffer) <= 2 * 100 + 64
    assert decoder.dropped == 1
    assert decoder.feed(b"yyy\xc0" + slip_encode(b"next")) == [b"next"]


def test_oversized_complete_frame_is_dropped():
    decoder = SlipDecoder(max_packet=8)
    assert decoder.feed(slip_encode(b"123456789") + slip_encode(b"12345678")) == [b"12345678"]
    assert decoder.dropped == 1


def test_decoded_packets_are_osc():
    message = encode_message("/live/song/get/tempo", [120.0])
    assert decode_packet(SlipDecoder().feed(slip_encode(message))[0]).args == (120.0,)
