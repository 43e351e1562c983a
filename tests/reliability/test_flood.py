"""A flood of 100,000 queries from 4 clients: every one is answered, no poll overruns its budget."""
import json
import os
import subprocess
import sys
import time

from tests.e2e.harness import running_sim

HERE = os.path.dirname(os.path.abspath(__file__))
TOTAL = 100000


class _ServerClock(object):
    """The server module's ``time``, remembering the last reading the server took.

    A message counts as late only if the server had already read a time past its deadline when it
    started the message: being descheduled between that check and the message is not the server's
    doing, so the check is exact on a loaded machine too.
    """

    def __init__(self, real):
        self.real = real
        self.last = 0.0

    def perf_counter(self):
        self.last = self.real.perf_counter()
        return self.last

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_flood_is_answered_within_the_poll_budget():
    from AbletonOSC import osc_server

    with running_sim(reply_to_source=True) as (sim, client):
        server = sim.host.instance.server
        late = []  # messages the server started after reading a time past its poll's deadline
        polls = [0]
        poll, handle = server.poll, server.handle_datagram
        clock = _ServerClock(time)
        state = {"deadline": None, "first": True}

        def timed_poll(budget=None):
            state["deadline"] = clock.perf_counter() + server.poll_budget
            state["first"] = True
            polls[0] += 1
            try:
                return poll(budget)
            finally:
                state["deadline"] = None

        def timed_handle(data, source):
            deadline = state["deadline"]
            if deadline is not None and not state["first"] and clock.last > deadline:
                late.append(clock.last - deadline)
            state["first"] = False
            handle(data, source)

        def install():
            osc_server.time = clock
            server.poll = timed_poll
            server.handle_datagram = timed_handle

        sim.call(install)
        out = subprocess.run([sys.executable, os.path.join(HERE, "flood_client.py"), str(sim.port), str(TOTAL),
                              "4", "32"], stdout=subprocess.PIPE, universal_newlines=True, timeout=300)
        counts = json.loads(out.stdout)
        assert counts["sent"] == TOTAL
        # Windows keep the socket buffers from overflowing: nothing the sockets accepted is lost.
        assert counts["answered"] == counts["sent"], counts
        assert counts["errors"] == 0
        # Each poll checks its budget before each message; none starts a message after it.
        assert late == [], "%d messages started after their poll's budget (up to %.1f ms late)" % (
            len(late), max(late) * 1000)
        assert polls[0] > 0

        def restore():
            osc_server.time = time
            server.poll = poll
            server.handle_datagram = handle

        sim.call(restore)
        start = time.monotonic()
        assert client.query("/live/song/get/tempo", timeout=5.0) == (120.0,)
        assert time.monotonic() - start < 2.0  # normal latency again (a generous bound)
