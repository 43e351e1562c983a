"""Shared pieces of the end-to-end benchmarks: a livesim subprocess, sets, a raw UDP client.

The script runs in its own process (``python -m livesim``), so it has a GIL of its own and the
benchmark client's work does not slow it down except through the machine's two cores.
"""
import json
import re
import os
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from AbletonOSC.osc import decode_packet, encode_message  # noqa: E402

NOTES_64 = [[36 + (i % 24), i * 0.25, 0.25, 100, False] for i in range(64)]


def notes_set():
    """Live's default set with a 64-note MIDI clip in track 0, slot 0."""
    from livesim.default_set import default_set

    data = default_set()
    data["tracks"][0]["clips"] = [{"name": "64 notes", "length": 16.0, "notes": NOTES_64}]
    return data


def percentile(values, fraction):
    """The value below which `fraction` of the sorted values lie (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def rss_kib(pid):
    """Resident memory of a process in KiB (VmRSS from /proc)."""
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class LiveProcess(object):
    """``python -m livesim`` in a subprocess with the given set and AbletonOSC settings."""

    def __init__(self, set_data=None, settings=None, python=None, control=False):
        # Ports 0: livesim binds ports the system picks and prints them (read in __enter__).
        self.port = 0
        self.tcp_port = None
        self.control = control
        self.control_port = None
        self.settings = dict(settings or {})
        self.python = python or sys.executable
        self.set_data = set_data
        self.proc = None
        self._set_file = None

    def __enter__(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
        for key, value in self.settings.items():
            env["ABLETONOSC_" + key.upper()] = str(value)
        # Clients get replies on their own ports (reply_to_source); port 9 (discard) takes the rest.
        cmd = [self.python, "-m", "livesim", "--port", "0", "--reply-port", "9"]
        if self.set_data is not None:
            handle, self._set_file = tempfile.mkstemp(suffix=".json", prefix="bench-set-")
            with os.fdopen(handle, "w") as out:
                json.dump(self.set_data, out)
            cmd += ["--set", self._set_file]
        if self.control:
            cmd += ["--control-port", "0", "--virtual-clock"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.read_ports()
        self.wait_ready()
        return self

    def read_ports(self):
        """The ports livesim printed: the script's UDP (and TCP) port, the control port."""
        for raw in self.proc.stdout:
            line = raw.decode("utf-8", "replace")
            found = re.search(r"listening on UDP port (\d+)", line)
            if found:
                self.port = int(found.group(1))
            found = re.search(r"\(TCP (\d+)\)", line)
            if found:
                self.tcp_port = int(found.group(1))
            found = re.search(r"control port: UDP 127\.0\.0\.1:(\d+)", line)
            if found:
                self.control_port = int(found.group(1))
            if "running;" in line:
                break
        if not self.port:
            raise RuntimeError("livesim did not start: %s" % self.proc.stderr.read().decode("utf-8", "replace"))
        # Nothing reads stdout from here on: send it nowhere rather than fill the pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def wait_ready(self, timeout=60.0):
        """Block until the script answers a query."""
        client = Client(self.port)
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise RuntimeError("livesim exited: %s" % self.proc.stderr.read().decode("utf-8", "replace"))
                if client.query("/live/song/get/tempo", timeout=0.5) is not None:
                    return
            raise RuntimeError("livesim did not answer within %.0f s" % timeout)
        finally:
            client.close()

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self._set_file:
            os.unlink(self._set_file)
        return False

    def rss_kib(self):
        """The livesim process's resident memory (KiB)."""
        return rss_kib(self.proc.pid)

    def control(self, address, *args, timeout=10.0):
        """Send a livesim control request and return its reply's arguments."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            sock.bind(("127.0.0.1", 0))
            sock.sendto(encode_message(address, args), ("127.0.0.1", self.control_port))
            sock.settimeout(timeout)
            data = sock.recv(1 << 17)
            return decode_packet(data).args
        finally:
            sock.close()


class Client(object):
    """A UDP client on its own port; the script must answer to the source port (reply_to_source)."""

    def __init__(self, port, bind_port=0):
        self.target = ("127.0.0.1", port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.sock.bind(("127.0.0.1", bind_port))
        self.port = self.sock.getsockname()[1]

    def close(self):
        self.sock.close()

    def send(self, address, *args):
        self.sock.sendto(encode_message(address, args), self.target)

    def query(self, address, *args, timeout=2.0):
        """Send and return the first reply on the same address (args), or None on timeout."""
        self.send(address, *args)
        return self.wait(address, timeout)

    def wait(self, address, timeout=2.0):
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.sock], [], [], remaining)
            if not ready:
                return None
            message = decode_packet(self.sock.recv(1 << 17))
            if getattr(message, "address", None) == address:
                return message.args

    def drain(self, quiet=0.2):
        """Read and count what arrives until nothing has come for `quiet` seconds."""
        count = 0
        while select.select([self.sock], [], [], quiet)[0]:
            self.sock.recv(1 << 17)
            count += 1
        return count
