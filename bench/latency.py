"""Round-trip latency of a query, the script polling from a 10 ms Timer versus once per 100 ms tick.

The script runs in a livesim subprocess over UDP on loopback. The reference, measured in the same
run, is poll_interval_ms = 0: polling from Live's 100 ms display tick only, as upstream does.
Queries are sent one at a time at random moments, so they fall anywhere in the poll cycle.
"""
import random
import time

from bench._live import Client, LiveProcess, notes_set, percentile

QUERIES = (
    ("tempo", "/live/song/get/tempo", ()),
    ("64-note clip", "/live/clip/get/notes", (0, 0)),
)
SAMPLES = {"timer": 300, "tick": 60}


def measure(process, address, args, samples, period):
    """Round-trip times (ms) of `samples` queries, one at a time, at random phases of the poll period."""
    client = Client(process.port)
    try:
        client.query(address, *args)  # warm the code paths and the codec caches
        times = []
        for _ in range(samples):
            time.sleep(random.uniform(0.0, period))
            start = time.perf_counter()
            reply = client.query(address, *args, timeout=2.0)
            if reply is None:
                raise RuntimeError("no reply to %s" % address)
            times.append((time.perf_counter() - start) * 1000.0)
        return times
    finally:
        client.close()


def run():
    """Rows: p50/p99 for each query with the Timer and tick-only, and the ratio of the p50s."""
    results = {}
    for mode, interval in (("timer", 10), ("tick", 0)):
        settings = {"poll_interval_ms": interval, "reply_to_source": "true"}
        with LiveProcess(notes_set(), settings) as process:
            for name, address, args in QUERIES:
                results[(mode, name)] = measure(process, address, args, SAMPLES[mode], (interval or 100) / 1000.0)
    rows = []
    for name, address, _ in QUERIES:
        timer, tick = results[("timer", name)], results[("tick", name)]
        rows.append({
            "benchmark": "latency",
            "case": name,
            "timer p50 ms": percentile(timer, 0.5),
            "timer p99 ms": percentile(timer, 0.99),
            "tick-only p50 ms": percentile(tick, 0.5),
            "tick-only p99 ms": percentile(tick, 0.99),
            "p50 ratio": percentile(tick, 0.5) / percentile(timer, 0.5),
        })
    return rows
