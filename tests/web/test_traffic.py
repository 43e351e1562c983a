"""The traffic tap: the hosted script's sockets are watched from the host, over UDP and TCP, script unchanged."""
import socket
import sys
import time

from AbletonOSC import osc
from livesim.testing import LiveSim
from livesim.traffic import SocketTap, TrafficLog


def _drain(log, want, timeout=5.0):
    entries = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        entries.extend(log.drain()[0])
        if want(entries):
            break
        time.sleep(0.02)
    return entries


def _tapped_sim(env=None):
    sim = LiveSim(virtual_clock=True, env=env)
    tap = SocketTap()
    sim.host.socket_tap = tap
    return sim, tap


def test_tcp_traffic_is_framed_into_messages():
    sim, tap = _tapped_sim({"ABLETONOSC_TCP_PORT": "-1"})  # -1: a TCP port the system picks
    with sim:
        tcp_port = sim.host.instance.server.tcp_port
        log = TrafficLog(tap, osc)
        conn = socket.create_connection(("127.0.0.1", tcp_port), timeout=5)
        try:
            conn.sendall(osc.slip_encode(osc.encode_message("/live/song/get/tempo", [])) +
                         osc.slip_encode(osc.encode_message("/live/track/get/name", [1])))
            decoder = osc.SlipDecoder()
            replies = []
            while len(replies) < 2:
                replies.extend(decoder.feed(conn.recv(65536)))
            entries = _drain(log, lambda e: len([x for x in e if x["transport"] == "tcp"]) >= 4)
        finally:
            conn.close()
        tcp = [(e["kind"], e["addr"], e["args"]) for e in entries if e["transport"] == "tcp"]
        assert sorted(tcp) == sorted([("request", "/live/song/get/tempo", []), ("request", "/live/track/get/name", [1]),
                                      ("reply", "/live/song/get/tempo", [120.0]),
                                      ("reply", "/live/track/get/name", [1, "2-MIDI"])])
        assert all(e["peer"].startswith("127.0.0.1:") for e in entries if e["transport"] == "tcp")


def test_pattern_requests_pair_with_their_replies_and_malformed_input_is_shown():
    sim, tap = _tapped_sim()
    with sim:
        log = TrafficLog(tap, osc)
        sock = sim.replies  # the harness's socket on the reply port
        sock.sendto(osc.encode_message("/live/song/get/t*mpo", []), ("127.0.0.1", sim.port))
        sock.sendto(b"\x00garbage", ("127.0.0.1", sim.port))
        wanted = {("request", "/live/song/get/t*mpo"), ("reply", "/live/song/get/tempo"),
                  ("error", "(malformed)"), ("error", "/live/error")}
        entries = _drain(log, lambda e: wanted <= set((x["kind"], x["addr"]) for x in e))
    assert wanted <= set((e["kind"], e["addr"]) for e in entries), entries


def test_the_tap_is_removed_and_the_script_modules_are_the_projects():
    sim, tap = _tapped_sim()
    with sim:
        server_module = sys.modules["AbletonOSC.osc_server"]
        assert server_module.socket is tap.module and server_module.socket.socket is tap.socket_class
        assert isinstance(sim.host.instance.server._udp, socket.socket)  # still a real socket
    tap.close()
    assert not any(type(f).__name__ == "_Finder" for f in sys.meta_path)


def test_a_full_tap_drops_the_oldest_and_counts_them():
    tap = SocketTap(max_events=10)
    sock = tap.socket_class(socket.AF_INET, socket.SOCK_DGRAM)
    other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind(("127.0.0.1", 0))
        for i in range(25):
            other.sendto(osc.encode_message("/n", [i]), sock.getsockname())
            sock.recvfrom(100)
    finally:
        sock.close()
        other.close()
    entries, skipped = TrafficLog(tap, osc).drain()
    assert skipped == 15 and [e["args"] for e in entries] == [[i] for i in range(15, 25)]
