"""Bytes from liblo (a C implementation): oscsend writes a packet, we decode and re-encode it exactly."""
import subprocess

import pytest

from AbletonOSC.osc import Typed, decode_packet, encode_message, encode_packet

from tests.tooling import require_tool


@pytest.mark.parametrize("types, values, expected", [
    ("ifsShdcm", ["1", "2.5", "hi", "sym", "123456789012", "0.25", "x", "00904064"],
     [Typed("i", 1), Typed("f", 2.5), Typed("s", "hi"), Typed("S", "sym"), Typed("h", 123456789012),
      Typed("d", 0.25), Typed("c", "x"), Typed("m", (0, 0x90, 0x40, 0x64))]),
    ("TFNI", [], [Typed("T"), Typed("F"), Typed("N"), Typed("I")]),
    ("s", ["Bass loop é"], [Typed("s", "Bass loop é")]),
    ("iiii", ["-1", "2147483647", "-2147483648", "0"], [-1, 2147483647, -2147483648, 0]),
])
def test_liblo_packets(types, values, expected):
    path = require_tool("oscsend")
    data = subprocess.check_output([path, "-", "/live/test", types] + values, timeout=10)
    message = decode_packet(data)
    assert message.typetags == types
    assert encode_message("/live/test", expected) == data
    assert encode_packet(message) == data
