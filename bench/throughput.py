"""Requests answered per second: 1 and 4 clients pipelining /live/track/get/volume queries.

The script runs in a livesim subprocess (its own process and GIL) over UDP on loopback, answering
each client on its source port. Each client keeps a window of requests outstanding and sends a
new one for each reply. Every datagram the client's socket accepted is counted; after the run the
clients wait for the stragglers, and what never came back is reported as lost. The reference in
the same run is the script polling from the 100 ms tick only (upstream's design).
"""
import select
import time

from bench._live import Client, LiveProcess, encode_message

DURATION = 4.0
WINDOW = 64
TRACKS = 4  # the default set's tracks


def pipeline(process, clients, duration=DURATION, window=WINDOW):
    """(answered per second, sent, answered) with `clients` clients each keeping `window` outstanding."""
    socks = [Client(process.port) for _ in range(clients)]
    requests = [encode_message("/live/track/get/volume", (i % TRACKS,)) for i in range(TRACKS)]
    try:
        sent = [0] * clients
        got = [0] * clients
        by_fd = {c.sock.fileno(): n for n, c in enumerate(socks)}
        target = socks[0].target
        for n, client in enumerate(socks):
            client.sock.setblocking(False)
            for _ in range(window):
                client.sock.sendto(requests[sent[n] % TRACKS], target)
                sent[n] += 1
        start = time.perf_counter()
        end = start + duration
        poller = select.poll()
        for client in socks:
            poller.register(client.sock, select.POLLIN)
        while True:
            now = time.perf_counter()
            if now >= end:
                break
            for fd, _ in poller.poll(max(1, int((end - now) * 1000))):
                n = by_fd[fd]
                sock = socks[n].sock
                while True:
                    try:
                        sock.recv(65536)
                    except BlockingIOError:
                        break
                    got[n] += 1
                    sock.sendto(requests[sent[n] % TRACKS], target)
                    sent[n] += 1
        elapsed = time.perf_counter() - start
        answered = sum(got)
        for n, client in enumerate(socks):  # the stragglers of the last window
            client.sock.setblocking(True)
            got[n] += client.drain(0.5)
        return answered / elapsed, sum(sent), sum(got)
    finally:
        for client in socks:
            client.close()


def run():
    """Rows: answered/s, sent, answered and lost, for 1 and 4 clients, Timer and tick-only."""
    rows = []
    # The default budget (5 ms of every 10 ms) caps the share of Live's main thread the script
    # takes; the 8 ms row shows what the same code answers when it may take more.
    for mode, interval, budget in (("timer 10 ms", 10, 5), ("timer 10 ms, budget 8 ms", 10, 8),
                                   ("tick-only", 0, 5)):
        settings = {"poll_interval_ms": interval, "poll_budget_ms": budget, "reply_to_source": "true"}
        with LiveProcess(None, settings) as process:
            for clients in (1, 4):
                rate, sent, answered = pipeline(process, clients, DURATION if interval else 2.0)
                rows.append({"benchmark": "throughput", "case": "%d client(s), %s" % (clients, mode),
                             "answered/s": rate, "sent": sent, "answered": answered, "lost": sent - answered})
    return rows
