"""Main-thread cost under a flood: the longest single poll while 100,000 datagrams arrive.

The script runs in the livesim harness in this process (so its polls can be timed from inside:
``server.poll`` and ``server.handle_datagram`` are wrapped to record their durations); the
flood comes from a separate process sending as fast as it can. The target: no poll takes longer
than the poll budget plus the handling of one message.
"""
import os
import subprocess
import sys
import time

from bench._live import ROOT, percentile

DATAGRAMS = 100000
SENDER = r"""
import socket, sys
sys.path.insert(0, %(root)r)
from AbletonOSC.osc import encode_message
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", 0))
port = %(port)d
requests = [encode_message(a, args) for a, args in (
    ("/live/song/get/tempo", ()), ("/live/track/get/volume", (1,)), ("/live/clip_slot/get/has_clip", (0, 0)),
    ("/live/track/get/name", (2,)), ("/live/nope", ()), ("/live/device/get/name", (4, 0)))]
sent = 0
for i in range(%(count)d):
    try:
        sock.sendto(requests[i %% len(requests)], ("127.0.0.1", port))
        sent += 1
    except OSError:
        pass
print(sent)
"""


def run():
    """One row: polls, the longest poll and the longest message against the budget."""
    from livesim.testing import LiveSim

    with LiveSim(virtual_clock=True, env={"ABLETONOSC_REPLY_TO_SOURCE": "true"}) as sim:
        server = sim.host.instance.server
        polls, messages = [], []
        poll, handle = server.poll, server.handle_datagram

        def timed_poll(budget=None):
            start = time.perf_counter()
            count = poll(budget)
            polls.append((time.perf_counter() - start, count))
            return count

        def timed_handle(data, client):
            start = time.perf_counter()
            handle(data, client)
            messages.append(time.perf_counter() - start)

        def install():
            server.poll = timed_poll
            server.handle_datagram = timed_handle

        sim.call(install)
        code = SENDER % {"root": ROOT, "port": sim.port, "count": DATAGRAMS}
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                             env=dict(os.environ, PYTHONPATH=ROOT))
        send_time = time.perf_counter() - start
        time.sleep(0.5)  # let the last polls drain the socket
        sim.call(lambda: None)
        budget_ms = server.poll_budget * 1000.0
        durations = [d * 1000.0 for d, n in polls if n]
        handled = sum(n for _, n in polls)
        longest_message = max(messages) * 1000.0 if messages else 0.0
        longest = max(durations) if durations else 0.0
        return [{
            "benchmark": "main thread",
            "case": "%d datagrams in %.1f s" % (int(out.stdout.strip() or 0), send_time),
            "handled": handled,
            "busy polls": len(durations),
            "poll p50 ms": percentile(durations, 0.5),
            "poll p99 ms": percentile(durations, 0.99),
            "longest poll ms": longest,
            "budget ms": budget_ms,
            "longest msg ms": longest_message,
            "within target": "yes" if longest <= budget_ms + longest_message else "no",
        }]
