"""Polling modes and the rate limit over TCP."""
import socket

from AbletonOSC.osc import SlipDecoder, decode_packet, encode_message, slip_encode
from tests.e2e.harness import running_sim


def test_poll_interval_zero_polls_from_the_tick_only():
    with running_sim(env={"ABLETONOSC_POLL_INTERVAL_MS": "0"}) as (sim, client):
        assert sim.call(lambda: sim.host.instance.timer) is None
        assert client.query("/live/song/get/tempo", timeout=5.0) == (120.0,)
    with running_sim() as (sim, client):
        assert sim.call(lambda: sim.host.instance.timer) is not None


def test_rate_limit_over_tcp_delays_and_drops_nothing():
    with running_sim(env={"ABLETONOSC_TCP_PORT": "-1", "ABLETONOSC_RATE_LIMIT": "100"}) as (sim, client):
        port = sim.call(lambda: sim.host.instance.server.tcp_port)  # -1 asked for any free port
        sock = socket.create_connection(("127.0.0.1", port), timeout=10.0)
        try:
            sock.sendall(b"".join(slip_encode(encode_message("/live/song/get/tempo", (n,))) for n in range(150)))
            decoder = SlipDecoder(1 << 20)
            replies = []
            while len(replies) < 150:
                data = sock.recv(1 << 16)
                assert data
                replies.extend(decode_packet(p).args for p in decoder.feed(data))
            assert sorted(r[1] for r in replies) == list(range(150))
        finally:
            sock.close()
