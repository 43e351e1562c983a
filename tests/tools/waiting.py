"""Waiting for something to happen in another thread, with a generous bound."""
import threading
import time


def wait_until(predicate, timeout=5.0):
    """Poll ``predicate`` until it is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.005)
    raise AssertionError("condition not met within %.1f s" % timeout)


class Recorder(object):
    """A callback that records the values it is called with."""

    def __init__(self):
        self.calls = []
        self.event = threading.Event()

    def __call__(self, *values):
        self.calls.append(values)
        self.event.set()

    def wait_for(self, values, timeout=5.0):
        wait_until(lambda: tuple(values) in self.calls, timeout)
