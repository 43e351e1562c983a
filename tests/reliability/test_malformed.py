"""Malformed packets over UDP and TCP: answered with /live/error (or dropped), and the next query works."""
import random
import socket
import struct

import pytest

from AbletonOSC.osc import SlipDecoder, decode_packet, encode_message, slip_encode
from tests.e2e.harness import running_sim

HEAD = b"/live/song/get/tempo\x00\x00\x00\x00"


def _bundle(*elements):
    out = b"#bundle\x00" + struct.pack(">Q", 1)
    for element in elements:
        out += struct.pack(">i", len(element)) + element
    return out


def _nested(depth):
    inner = b"/live/test\x00\x00,\x00\x00\x00"
    for _ in range(depth):
        inner = _bundle(inner)
    return inner


CORPUS = {
    "empty": b"",
    "one byte": b"/",
    "no address": b"\x00\x00\x00\x00,\x00\x00\x00",
    "address only, unpadded": b"/live/song/get/tempo",
    "truncated typetags": HEAD + b",ii",
    "truncated int": HEAD + b",i\x00\x00\x00\x01",
    "truncated float": HEAD + b",f\x00\x00\x3f\x80",
    "misaligned address": b"/live/test\x00,\x00\x00\x00",
    "misaligned string": HEAD + b",s\x00\x00abc\x00\x00",
    "unterminated string": HEAD + b",s\x00\x00abcd",
    "blob size too large": HEAD + b",b\x00\x00\x7f\xff\xff\xff\x00\x00\x00\x00",
    "negative blob size": HEAD + b",b\x00\x00\xff\xff\xff\xff",
    "unknown typetag": HEAD + b",Q\x00\x00\x00\x00\x00\x01",
    "no comma": HEAD + b"ii\x00\x00\x00\x00\x00\x01\x00\x00\x00\x02",
    "invalid utf-8 address": b"/live/\xff\xfe\x00\x00,\x00\x00\x00",
    "invalid utf-8 string": b"/live/song/set/name\x00,s\x00\x00\xff\xfe\xfd\x00",
    "unbalanced array": HEAD + b",[ii\x00\x00\x00\x00" + b"\x00" * 8,
    "wrongly typed (tempo as string)": b"/live/song/set/tempo\x00\x00\x00\x00,s\x00\x00fast\x00\x00\x00\x00",
    "oversized string argument": encode_message("/live/song/set/name", ("x" * 60000,))[:-8],
    "bundle with lying size": b"#bundle\x00" + struct.pack(">Q", 1) + struct.pack(">i", 4096) + b"/x\x00\x00",
    "bundle with negative size": b"#bundle\x00" + struct.pack(">Q", 1) + struct.pack(">i", -4) + b"/x\x00\x00",
    "bundle truncated timetag": b"#bundle\x00\x00\x00",
    "deeply nested bundles": _nested(200),
    "bundle with a broken element": _bundle(b"/live/test\x00\x00,\x00\x00\x00", HEAD + b",i\x00\x00\x00"),
    "garbage": bytes(range(256)),
}


# Packets with nothing to answer: an empty datagram.
SILENT = {"empty"}


def _fuzzed(count, seed):
    rng = random.Random(seed)
    valid = [encode_message("/live/track/get/name", (1,)), encode_message("/live/song/set/tempo", (120.0,)),
             encode_message("/live/clip/get/notes", (0, 0, 60, 12, 0.0, 4.0)), _bundle(HEAD + b",\x00\x00\x00")]
    out = []
    for _ in range(count):
        data = bytearray(rng.choice(valid))
        for _ in range(rng.randint(1, 4)):
            action = rng.randrange(3)
            if action == 0 and data:
                data[rng.randrange(len(data))] = rng.getrandbits(8)
            elif action == 1 and data:
                del data[rng.randrange(len(data)):]
            else:
                data[rng.randrange(len(data) + 1):0] = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 9)))
        out.append(bytes(data))
    return out


def test_malformed_udp_packets():
    with running_sim() as (sim, client):
        for name, data in sorted(CORPUS.items()):
            client.send_raw(data)
            errors = client.errors()
            if name not in SILENT:
                assert errors, "no /live/error for %s" % name
            assert client.query("/live/song/get/tempo") == (120.0,), name
        for data in _fuzzed(400, 7):
            client.send_raw(data)
        client.drain()
        assert client.query("/live/song/get/tempo", timeout=5.0) == (120.0,)
        assert client.query("/live/test") == ("ok",)
        assert "Traceback" not in sim.log_text()


def test_malformed_packets_get_an_error_naming_their_address():
    with running_sim() as (sim, client):
        client.send_raw(HEAD + b",i\x00\x00\x00")
        text, address = client.expect_error(address="/live/song/get/tempo")
        assert "parsing" in text.lower()
        client.send_raw(b"\x00\x00\x00\x00,\x00\x00\x00")  # nothing to attribute: text only
        args = client.expect_error()
        assert len(args) == 1


class _TcpClient(object):
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5.0)
        self.decoder = SlipDecoder(1 << 24)
        self.inbox = []

    def send_raw(self, packet):
        self.sock.sendall(slip_encode(packet))

    def wait_for(self, address):
        while True:
            for n, message in enumerate(self.inbox):
                if message.address == address:
                    del self.inbox[n]
                    return message.args
            data = self.sock.recv(1 << 20)
            assert data, "the script closed the connection"
            self.inbox.extend(decode_packet(p) for p in self.decoder.feed(data))

    def close(self):
        self.sock.close()


@pytest.mark.parametrize("seed", [11])
def test_malformed_tcp_packets(seed):
    with running_sim(env={"ABLETONOSC_TCP_PORT": "-1"}) as (sim, client):  # -1: any free port
        tcp = _TcpClient(sim.call(lambda: sim.host.instance.server.tcp_port))
        try:
            attributable = 0
            for name, data in sorted(CORPUS.items()):
                if not data:
                    continue  # an empty SLIP frame is no packet at all
                tcp.send_raw(data)
                tcp.send_raw(encode_message("/live/song/get/tempo", ()))
                assert tcp.wait_for("/live/song/get/tempo") == (120.0,), name
                attributable += 1
            for data in _fuzzed(200, seed):
                tcp.send_raw(data)
            tcp.send_raw(encode_message("/live/test", ()))
            assert tcp.wait_for("/live/test") == ("ok",)
            errors = [m for m in tcp.inbox if m.address == "/live/error"]
            assert len(errors) >= attributable - 2  # the two bundles of valid parts have no errors
            # Raw bytes that are not SLIP frames (a frame over the size limit) do not stop the script.
            tcp.sock.sendall(b"\xc0" + b"x" * (2 * 1024 * 1024) + b"\xc0")
        finally:
            tcp.close()
        assert client.query("/live/test", timeout=5.0) == ("ok",)
        assert "Traceback" not in sim.log_text()
