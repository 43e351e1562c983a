"""A soak run: steady traffic and set edits for minutes; memory and listener counts must not grow.

    python -m bench soak --minutes 10

Not part of the default table (nor of CI). The script runs in the livesim harness in this
process, so its subscriptions can be counted from inside; the traffic is real UDP on loopback:
queries, listeners started and stopped, tracks and scenes created and deleted (with listeners
on them), names and volumes changed, and a handler reload every minute. Every 30 s it prints
the resident memory of the process and the script's subscription and Live-listener counts.
"""
import argparse
import gc
import os
import sys
import time

from bench._live import rss_kib

DEFAULT = False  # python -m bench without names leaves it out


def _counts(sim):
    registry = sim.host.instance.registry
    return sim.call(lambda: (len(registry.subscriptions), len(registry.subscriptions.hubs)))


def soak(minutes, report_every=30.0, out=sys.stdout):
    """Run the soak; returns the (elapsed s, RSS KiB, subscriptions, hubs) samples."""
    from livesim.testing import LiveSim
    from tests.e2e.harness import OSCClient

    samples = []
    with LiveSim(virtual_clock=True, env={"ABLETONOSC_REPLY_TO_SOURCE": "true"}) as sim:
        client = OSCClient("127.0.0.1", sim.port)
        watcher = OSCClient("127.0.0.1", sim.port)
        try:
            for track in range(4):
                watcher.send("/live/track/start_listen/volume", track)
                watcher.send("/live/track/start_listen/name", track)
            watcher.drain()
            start = last = time.monotonic()
            last_reload = start
            end = start + minutes * 60.0
            round_ = 0
            out.write("elapsed s  RSS KiB  subscriptions  Live listeners (hubs)\n")
            while True:
                now = time.monotonic()
                if now - last >= report_every or round_ == 0 or now >= end:
                    gc.collect()
                    subs, hubs = _counts(sim)
                    sample = (now - start, rss_kib(os.getpid()), subs, hubs)
                    samples.append(sample)
                    out.write("%9.0f  %7d  %13d  %21d\n" % sample)
                    out.flush()
                    last = now
                    if now >= end:
                        break
                round_ += 1
                for n in range(50):
                    client.send("/live/track/get/volume", n % 4)
                    client.send("/live/song/get/tempo")
                client.send("/live/track/set/volume", round_ % 4, (round_ % 100) / 100.0)
                client.send("/live/track/set/name", round_ % 4, "Track %d" % (round_ % 7))
                # A track with listeners, then deleted: its subscriptions must go with it.
                client.send("/live/song/create_midi_track", -1)
                client.sync()
                client.send("/live/track/start_listen/name", 4)
                client.send("/live/clip_slot/start_listen/has_clip", 4, 0)
                client.send("/live/song/create_scene", -1)
                client.send("/live/song/delete_scene", 8)
                client.send("/live/song/delete_track", 4)
                client.sync()
                sim.tick()  # the tick sweeps listeners of deleted objects
                if now - last_reload >= 60.0:
                    client.send("/live/api/reload")
                    watcher.wait_for("/live/startup", timeout=10.0)  # as clients do: re-subscribe
                    for track in range(4):
                        watcher.send("/live/track/start_listen/volume", track)
                        watcher.send("/live/track/start_listen/name", track)
                    last_reload = now
                client.drain()
                watcher.drain()
        finally:
            client.close()
            watcher.close()
    return samples


def main(argv=None):
    """Command line: --minutes N (default 10)."""
    parser = argparse.ArgumentParser(prog="python -m bench soak")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--every", type=float, default=30.0, help="seconds between reports")
    options = parser.parse_args(argv)
    samples = soak(options.minutes, options.every)
    first, last = samples[1] if len(samples) > 2 else samples[0], samples[-1]
    print("RSS %+d KiB after warm-up; subscriptions %d -> %d; Live listeners %d -> %d"
          % (last[1] - first[1], first[2], last[2], first[3], last[3]))
