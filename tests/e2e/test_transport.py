"""Transports: replies too large for UDP, and OSC over TCP with SLIP framing."""
import socket
import time

import pytest

from AbletonOSC.osc import Bundle, SlipDecoder, decode_packet, encode_message, slip_encode
from tests.e2e.harness import running_sim

pytestmark = pytest.mark.livesim_only


def _many_notes(client, count, per_message=400):
    notes = [(36 + i % 60, (i // 60) * 0.25, 0.25, 100, False) for i in range(count)]
    for offset in range(0, count, per_message):
        flat = [v for note in notes[offset:offset + per_message] for v in note]
        client.send("/live/clip/add/notes", 0, 0, *flat)
    client.sync()


def test_a_reply_too_large_for_udp_is_an_error_not_silence(fresh_client):
    client = fresh_client
    client.send("/live/clip_slot/create_clip", 0, 0, 64)
    _many_notes(client, 4000)  # about 140 KB of reply
    client.send("/live/clip/get/notes", 0, 0)
    error = client.expect_error(address="/live/clip/get/notes", timeout=5.0)
    assert "large" in error[0].lower() or "TCP" in error[0], error
    assert client.query("/live/song/get/num_tracks") == (4,)


class TcpClient(object):
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5.0)
        self.decoder = SlipDecoder(16 << 20)
        self.inbox = []

    def send(self, address, *args):
        self.sock.sendall(slip_encode(encode_message(address, args)))

    def wait_for(self, address, timeout=5.0):
        deadline = time.monotonic() + timeout
        while True:
            for position, message in enumerate(self.inbox):
                if message.address == address:
                    del self.inbox[position]
                    return message.args
            remaining = deadline - time.monotonic()
            assert remaining > 0, "no %s over TCP; got %r" % (address, [m.address for m in self.inbox])
            self.sock.settimeout(remaining)
            data = self.sock.recv(1 << 16)
            assert data, "the script closed the TCP connection"
            for packet in self.decoder.feed(data):
                decoded = decode_packet(packet)
                self.inbox.extend(decoded.elements if isinstance(decoded, Bundle) else [decoded])

    def close(self):
        self.sock.close()


@pytest.fixture
def tcp():
    with running_sim(env={"ABLETONOSC_TCP_PORT": "-1"}) as (sim, client):  # -1: any free port
        tcp_client = TcpClient(sim.call(lambda: sim.host.instance.server.tcp_port))
        try:
            yield sim, client, tcp_client
        finally:
            tcp_client.close()


def test_tcp_query_and_error(tcp):
    sim, udp, client = tcp
    client.send("/live/song/get/tempo")
    assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    client.send("/live/nope")
    assert client.wait_for("/live/error") == ("Unknown OSC address: /live/nope", "/live/nope")
    assert udp.errors() == []  # the error went to the TCP client only


def test_tcp_carries_large_replies(tcp):
    sim, udp, client = tcp
    udp.send("/live/clip_slot/create_clip", 0, 0, 64)
    _many_notes(udp, 4000)
    client.send("/live/clip/get/notes", 0, 0)
    reply = client.wait_for("/live/clip/get/notes", timeout=10.0)
    assert reply[:2] == (0, 0) and len(reply) == 2 + 4000 * 5


def test_tcp_listener_updates(tcp):
    sim, udp, client = tcp
    client.send("/live/song/start_listen/tempo")
    assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    udp.send("/live/song/set/tempo", 99)
    assert client.wait_for("/live/song/get/tempo") == (pytest.approx(99.0),)
    udp.assert_nothing("/live/song/get/tempo")


def test_round_trip_latency_is_well_under_a_tick(fresh_client):
    # the script polls its socket from Live's Timer (every few ms), not only every 100 ms tick
    client = fresh_client
    client.query("/live/song/get/tempo")
    start = time.monotonic()
    for _ in range(50):
        client.query("/live/song/get/tempo")
    average = (time.monotonic() - start) / 50
    assert average < 0.05, "average round trip %.1f ms" % (average * 1000)
