"""Hostile requests against the 128-track x 16-scene set, each beside the poll budget.

The script runs in the livesim harness in this process at default settings (replies to the
source port), so its polls can be timed from inside (``server.poll`` is wrapped). For each
attack: its request size, the longest poll while it was worked off, the round trip of another
client's /live/test sent right after it, the growth of resident memory, and the reply bytes the
attacker received per request byte (the amplification a forged source address would get).
"""
import select
import socket
import time

from bench._live import rss_kib
from AbletonOSC.osc import IMMEDIATELY, Typed, encode_bundle, encode_message

TRACKS, SCENES = 128, 16


def attacks():
    """(name, [datagrams]) in the order they run (the ones that change the set last)."""
    msg = encode_message
    return [
        ("pattern /live/*/get/*********!", [msg("/live/*/get/*********!", [])]),
        ("addresses PATTERN argument", [msg("/live/api/get/addresses", ["/live/*/get/*********!"])]),
        ("track_data + clip.name x1000", [msg("/live/song/get/track_data", [0, -1] + ["clip.name"] * 1000)]),
        ("track_data + clip_slot.clip x50", [msg("/live/song/get/track_data", [0, -1] + ["clip_slot.clip"] * 50)]),
        ("track_data 0 -1 clip.name (sync)", [msg("/live/song/get/track_data", [0, -1, "clip.name"])]),
        ("/live/clip/get/name * 0", [msg("/live/clip/get/name", ["*", 0])]),
        ("/live/track/set/* * 1", [msg("/live/track/set/*", ["*", "1"])]),
        ("set/loop_length double 1e39", [msg("/live/song/set/loop_length", [Typed("d", 1e39)])]),
        ("5,000 x start_listen/tempo <n>", [msg("/live/song/start_listen/tempo", [n]) for n in range(5000)]),
        ("/live/clip/start_listen/* * 0", [msg("/live/clip/start_listen/*", ["*", 0])]),
        ("20 wildcard start_listen", [msg("/live/clip/start_listen/*", ["*", n % SCENES]) for n in range(20)]),
        ("bundle of 500 create_scene", [encode_bundle(IMMEDIATELY, [msg("/live/song/create_scene", [-1])] * 500)]),
    ]


def _socket():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind(("127.0.0.1", 0))
    return sock


def _receive_until_quiet(sock, quiet=0.5):
    total = 0
    while select.select([sock], [], [], quiet)[0]:
        total += len(sock.recv(1 << 17))
    return total


def run():
    """One row per attack."""
    from livesim.default_set import scale_set
    from livesim.testing import LiveSim

    rows = []
    with LiveSim(scale_set(TRACKS, SCENES), virtual_clock=True, env={"ABLETONOSC_REPLY_TO_SOURCE": "true"}) as sim:
        server = sim.host.instance.server
        polls = []
        poll = server.poll

        def timed_poll(budget=None):
            start = time.perf_counter()
            count = poll(budget)
            polls.append(time.perf_counter() - start)
            return count

        sim.call(setattr, server, "poll", timed_poll)
        budget_ms = server.poll_budget * 1000.0
        attacker, bystander = _socket(), _socket()
        target = ("127.0.0.1", sim.port)
        test = encode_message("/live/test", [])
        try:
            for name, datagrams in attacks():
                _receive_until_quiet(attacker, 0.1)
                sim.call(lambda: None)
                del polls[:]
                memory = rss_kib_self()
                for data in datagrams:
                    attacker.sendto(data, target)
                start = time.perf_counter()
                bystander.sendto(test, target)
                answered = select.select([bystander], [], [], 30.0)[0]
                round_trip = (time.perf_counter() - start) * 1000.0 if answered else float("inf")
                if answered:
                    bystander.recv(1 << 16)
                received = _receive_until_quiet(attacker)
                sim.call(lambda: None)
                sent = sum(len(d) for d in datagrams)
                rows.append({
                    "benchmark": "attacks",
                    "case": name,
                    "request bytes": sent,
                    "longest poll ms": max(polls) * 1000.0 if polls else 0.0,
                    "budget ms": budget_ms,
                    "other client's round trip ms": round_trip,
                    "memory growth KiB": max(0, rss_kib_self() - memory),
                    "reply bytes per request byte": received / float(sent),
                })
        finally:
            attacker.close()
            bystander.close()
    return rows


def rss_kib_self():
    """This process's resident memory (the script runs in it)."""
    import os

    return rss_kib(os.getpid())


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
