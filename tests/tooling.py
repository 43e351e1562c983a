"""Helpers shared by test modules."""
import os
import shutil
import socket

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_tool(name):
    """Return the path of a system tool; skip without it on a laptop, fail under CI."""
    path = shutil.which(name)
    if path:
        return path
    message = "%s is not installed (Debian: see .ci/run)" % name
    if IN_CI:
        pytest.fail(message + "; CI must have it", pytrace=False)
    pytest.skip(message)


def silent_udp_port():
    """A UDP port nothing listens on: one the system hands out and this takes back, never bound again here.

    For tests of what a client says when nobody answers; a test that binds a port binds port 0.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
    finally:
        sock.close()


def udp_request(port, payload, timeout=5.0):
    """Send one datagram from a fresh local socket to 127.0.0.1:port; return the reply datagram."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.settimeout(timeout)
        sock.bind(("127.0.0.1", 0))
        sock.sendto(payload, ("127.0.0.1", port))
        return sock.recvfrom(65536)[0]
    finally:
        sock.close()
