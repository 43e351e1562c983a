"""Fixtures of the web view's tests: a LiveSim with its WebView, and an OSC client of the script."""
import contextlib
import json
import time
import urllib.error
import urllib.request

import pytest

from livesim.testing import LiveSim
from livesim.web import WebView
from tests.e2e.harness import OSCClient


@contextlib.contextmanager
def web_sim(set_data=None, virtual_clock=True):
    """A running LiveSim with a WebView on a free port (created first, so its traffic log sees the script)."""
    # The client binds port 0 first; its port is where the script replies (no port is guessed free).
    client = OSCClient("127.0.0.1", 0, bind_port=0)
    sim = web = None
    try:
        sim = LiveSim(set_data=set_data, virtual_clock=virtual_clock, reply_port=client.port)
        web = WebView(sim.host, port=0)
        sim.start()
        client.target = ("127.0.0.1", sim.port)
        web.start()
        yield sim, web, client
    finally:
        if web is not None:
            web.close()
        if sim is not None:
            sim.stop()
        client.close()


@pytest.fixture
def webpair():
    """(sim, web, client) for one test."""
    with web_sim() as triple:
        yield triple


def http(web, method, path, body=None, headers=None, timeout=10.0):
    """(status, decoded JSON body or text) of one request to the web view."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode("utf-8"))
    request = urllib.request.Request(web.url.rstrip("/") + path, data=data, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw, kind = response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        status, raw, kind = error.code, error.read(), error.headers.get_content_type()
    return status, (json.loads(raw.decode("utf-8")) if kind == "application/json" else raw.decode("utf-8", "replace"))


def action(web, **fields):
    """POST one action; (status, reply)."""
    return http(web, "POST", "/api/action", fields, {"Content-Type": "application/json"})


def state(web):
    """The whole state the pages see."""
    status, body = http(web, "GET", "/api/state")
    assert status == 200, body
    return body["full"]


def eventually(read, check, timeout=5.0):
    """Poll ``read()`` until ``check(value)`` holds; returns the last value (the caller asserts)."""
    deadline = time.monotonic() + timeout
    value = read()
    while not check(value) and time.monotonic() < deadline:
        time.sleep(0.02)
        value = read()
    return value
