"""The web view (livesim --web) with a 128-track, 16-scene set, every clip playing.

livesim and the web view run in this process (so the host thread's share can be timed from
inside: ``SetView.snapshot`` and ``SetView.flush`` are wrapped); pages are event-stream readers
in this process and, when Chromium is installed, a headless Chromium. Measured: the whole-state
snapshot on the host thread; the flushes while everything plays (their cost and rate, the bytes a
page receives); the time from an OSC change to the page's stream; the host thread's
responsiveness (a call's round trip) with no page, with pages reading, and with stalled pages that
never read; the page's first render in Chromium.
"""
import socket
import threading
import time

from bench._live import encode_message, percentile

TRACKS, SCENES = 128, 16
SECONDS = 4.0


class _Reader(object):
    """An event-stream page that reads (and counts) everything, or a stalled one that never reads."""

    def __init__(self, web, read=True):
        self.sock = socket.create_connection(("127.0.0.1", web.port))
        self.sock.sendall(("GET /events HTTP/1.0\r\nHost: 127.0.0.1:%d\r\n\r\n" % web.port).encode())
        self.bytes = 0
        self.messages = []
        self._buffer = b""
        self._stop = False
        if read:
            self.sock.settimeout(0.2)
            self.thread = threading.Thread(target=self._read, daemon=True)
            self.thread.start()
        else:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            self.thread = None

    def _read(self):
        while not self._stop:
            try:
                chunk = self.sock.recv(1 << 16)
            except socket.timeout:
                continue
            except OSError:
                return
            if not chunk:
                return
            self.bytes += len(chunk)
            self._buffer += chunk
            while b"\n\n" in self._buffer:
                block, self._buffer = self._buffer.split(b"\n\n", 1)
                if block.startswith(b"data: "):
                    self.messages.append((time.perf_counter(), block[6:]))

    def close(self):
        self._stop = True
        if self.thread is not None:
            self.thread.join(2.0)
        self.sock.close()


def _timed(records, fn):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            records.append(time.perf_counter() - start)
    return timed


def _call_latency(sim, seconds):
    """Round trips of an empty call to the host thread, sampled every 10 ms (ms)."""
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        sim.call(lambda: None)
        samples.append((time.perf_counter() - start) * 1000.0)
        time.sleep(0.01)
    return samples


def _change_latency(sim, web, reader, count=40):
    """ms from sending /live/track/set/volume to the page's stream carrying the new value."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    latencies = []
    try:
        for i in range(count):
            value = 0.25 + (i % 32) / 64.0  # exact in OSC's float32
            needle = ('"v":%r' % value).encode()
            seen = len(reader.messages)
            start = time.perf_counter()
            sock.sendto(encode_message("/live/track/set/volume", (i % TRACKS, value)), ("127.0.0.1", sim.port))
            deadline = start + 2.0
            arrived = None
            while arrived is None and time.perf_counter() < deadline:
                for stamp, data in reader.messages[seen:]:
                    if needle in data:
                        arrived = stamp
                        break
                seen = len(reader.messages)
                time.sleep(0.001)
            latencies.append(((arrived or deadline) - start) * 1000.0)
            time.sleep(0.02)
    finally:
        sock.close()
    return latencies


def _chromium_render(web):
    """(ms from navigation to the first whole render, ms of that render) in headless Chromium, or None."""
    try:
        from tests.web.browser import CHROMIUM_FLAGS
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        return None
    import shutil
    import tempfile

    binary, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver_path:
        return None
    profile = tempfile.mkdtemp(prefix="livesim-bench-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS + ("--user-data-dir=" + profile, "--window-size=1440,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.get(web.url)
        deadline = time.monotonic() + 20
        stats = None
        while time.monotonic() < deadline:
            stats = driver.execute_script("return window.livesimStats")
            if stats and stats["firstRenderAt"] is not None:
                break
            time.sleep(0.05)
        time.sleep(1.0)  # then a second of updates, every clip playing
        late = driver.execute_script("return window.livesimStats")
        return stats["firstRenderAt"], stats["lastRenderMs"], late["renders"]
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def run():
    """Rows: snapshot, flushes, change-to-page latency, host responsiveness, Chromium render."""
    from livesim.default_set import scale_set
    from livesim.testing import LiveSim
    from livesim.web import WebView

    rows = []
    sim = LiveSim(set_data=scale_set(TRACKS, SCENES), virtual_clock=False)
    web = WebView(sim.host, port=0)
    snapshots, fills, flushes = [], [], []
    web.view.snapshot = _timed(snapshots, web.view.snapshot)
    web.view.fill_slots = _timed(fills, web.view.fill_slots)
    web.view.flush = _timed(flushes, web.view.flush)
    readers = []
    try:
        sim.start()
        web.start()
        baseline = _call_latency(sim, 1.0)
        sim.call(lambda: sim.world.song.scenes[0].fire())
        time.sleep(0.5)
        playing = _call_latency(sim, 1.0)
        readers.append(_Reader(web))
        time.sleep(1.0)
        del flushes[:]
        start_bytes, start = readers[0].bytes, time.perf_counter()
        with_pages = _call_latency(sim, SECONDS)
        elapsed = time.perf_counter() - start
        rate = len(flushes) / elapsed
        received = (readers[0].bytes - start_bytes) / elapsed
        flush_ms = [f * 1000.0 for f in flushes]
        latency = _change_latency(sim, web, readers[0])
        readers.extend(_Reader(web, read=False) for _ in range(3))
        stalled = _call_latency(sim, SECONDS)
        render = _chromium_render(web)

        def row(case, value, unit, target=""):
            rows.append({"benchmark": "web", "case": case, "value": value, "unit": unit, "target": target})
        row("whole state read for a new page, %dx%d, in %d turns of the host thread"
            % (TRACKS, SCENES, 1 + len(fills)), (snapshots[0] + sum(fills)) * 1000.0, "ms")
        row("longest of those turns", max([snapshots[0]] + fills) * 1000.0, "ms")
        row("flushes while %d clips play" % TRACKS, rate, "per s", "<= 33")
        row("flush on the host thread, median", percentile(flush_ms, 0.5), "ms")
        row("flush on the host thread, p99", percentile(flush_ms, 0.99), "ms")
        row("host thread busy with flushes", sum(flushes) / elapsed * 100.0, "%")
        row("stream to one page while everything plays", received / 1024.0, "KiB/s")
        row("OSC change -> page's stream, median", percentile(latency, 0.5), "ms", "< 100")
        row("OSC change -> page's stream, max", max(latency), "ms", "< 100")
        for case, samples in (("no page, stopped", baseline), ("no page, %d clips playing" % TRACKS, playing),
                              ("one page reading", with_pages), ("+ 3 stalled pages", stalled)):
            row("host call round trip, %s, median / max" % case,
                "%.2f / %.1f" % (percentile(samples, 0.5), max(samples)), "ms")
        queued = max(s.size for s in web._streams)
        row("most queued for a stalled page (then dropped, resync)", queued / 1024.0, "KiB", "<= 4096")
        if render is None:
            row("page's first render in Chromium", "skipped (no chromium/selenium)", "")
        else:
            row("page's first render in Chromium (navigation -> drawn)", render[0], "ms", "< 1000")
            row("whole render of the page (JavaScript)", render[1], "ms")
    finally:
        for reader in readers:
            reader.close()
        web.close()
        sim.stop()
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
