"""Interop with liblo, a C implementation: oscsend talks to our server, oscdump hears our replies."""
import os
import select
import subprocess
import time

import pytest

from AbletonOSC.osc import Typed
from AbletonOSC.osc_server import Dispatcher

from tests.tooling import require_tool

from .helpers import WAIT, make_server, serve


def bound_udp_port(pid):
    """The UDP port a process bound (asked for port 0), read from /proc once it has one."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            inodes = set(os.readlink("/proc/%d/fd/%s" % (pid, fd))[8:-1]
                         for fd in os.listdir("/proc/%d/fd" % pid)
                         if os.readlink("/proc/%d/fd/%s" % (pid, fd)).startswith("socket:["))
        except OSError:
            inodes = set()
        for table in ("/proc/net/udp", "/proc/net/udp6"):
            with open(table) as handle:
                for line in handle.read().splitlines()[1:]:
                    fields = line.split()
                    if fields[9] in inodes:
                        return int(fields[1].rsplit(":", 1)[1], 16)
        time.sleep(0.02)
    raise AssertionError("oscdump bound no UDP port")


@pytest.fixture
def oscdump():
    """An oscdump process on a UDP port of the system's choosing: (port, function returning its next line)."""
    path = require_tool("oscdump")
    proc = subprocess.Popen([path, "-L", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    port = bound_udp_port(proc.pid)
    buffered = [b""]

    def next_line(timeout):
        deadline = time.monotonic() + timeout
        while b"\n" not in buffered[0]:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([proc.stdout], [], [], remaining)[0]:
                return None
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                return None
            buffered[0] += chunk
        line, buffered[0] = buffered[0].split(b"\n", 1)
        return line.decode("utf-8", "replace")

    yield port, next_line
    proc.kill()
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()


def test_oscsend_to_our_server():
    path = require_tool("oscsend")
    received = []
    dispatcher = Dispatcher()
    dispatcher.add("/live/test", lambda args, client: received.append(args))
    server = make_server(dispatcher)
    try:
        subprocess.check_call([path, "127.0.0.1", str(server.port), "/live/test", "ifsShdcTFNIm",
                               "1", "2.5", "hi", "sym", "123456789012", "0.25", "x", "00904064"],
                              timeout=WAIT)
        serve(server, 1)
        assert received == [(1, 2.5, "hi", "sym", 123456789012, 0.25, "x", True, False, None,
                             float("inf"), (0, 0x90, 0x40, 0x64))]
    finally:
        server.close()


def test_oscdump_hears_our_replies(oscdump):
    port, next_line = oscdump
    server = make_server(reply_port=port)
    try:
        line = None
        deadline = time.monotonic() + WAIT
        while line is None and time.monotonic() < deadline:
            # Repeated until oscdump, which starts asynchronously, is listening.
            server.default_client.send("/live/reply", [1, 2.5, "hi", True, False, None, 2 ** 40,
                                                       Typed("d", 0.125), Typed("c", "x"),
                                                       Typed("S", "sym"), Typed("I")])
            line = next_line(0.2)
        assert line is not None, "oscdump printed nothing"
        fields = line.split(" ", 1)[1]  # after oscdump's timestamp
        assert fields == ("/live/reply ifsTFNhdcSI 1 2.500000 \"hi\" #T #F Nil 1099511627776 "
                          "0.125000 'x' 'sym Infinitum")
    finally:
        server.close()


def test_oscsend_request_oscdump_reply(oscdump):
    port, next_line = oscdump
    server = make_server(reply_port=port)
    path = require_tool("oscsend")
    try:
        deadline = time.monotonic() + WAIT
        line = None
        while line is None and time.monotonic() < deadline:
            subprocess.check_call([path, "127.0.0.1", str(server.port), "/echo", "is", "7", "seven"],
                                  timeout=WAIT)
            serve(server, 1)
            line = next_line(0.2)
        assert line is not None, "oscdump printed nothing"
        assert line.split(" ", 1)[1] == '/echo is 7 "seven"'
    finally:
        server.close()
