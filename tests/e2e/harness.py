"""A small synchronous OSC client for the end-to-end tests, and how to reach the script.

The suite talks to the remote script over real UDP, either inside livesim (the default: each
test module gets a fresh simulated Live) or inside a running Ableton Live named by the
environment variable ``ABLETONOSC_TARGET=host:port:reply_port`` (see README.md here).

    client.send(address, *args)
    client.query(address, *args, timeout=2.0) -> reply args (tuple)
    client.wait_for(address, predicate=None, timeout=2.0) -> args of the first matching message
    client.sync()        every request sent so far has been served (and its replies received)
    client.errors()      the /live/error messages received so far, as (text, address) tuples
"""
import contextlib
import itertools
import logging
import math
import os
import select
import socket
import time

# Imported once, at collection: livesim re-imports the script package (AbletonOSC.*) for each
# script it starts, and the codec checks classes by identity, so tests take Typed from here.
from AbletonOSC.osc import Bundle, Message, Typed, decode_packet, encode_bundle, encode_message  # noqa: F401

TARGET_ENV = "ABLETONOSC_TARGET"
SCRIPT_ENV = "ABLETONOSC_E2E_SCRIPT"  # another copy of the remote script package to run in livesim
# An upper bound, not an expectation: waits end when the message arrives (microseconds on
# 127.0.0.1). Generous, so that a machine running several suites at once does not fail them.
DEFAULT_TIMEOUT = 10.0
ERROR_ADDRESS = "/live/error"
SYNC_ADDRESS = "/live/song/get/midi_recording_quantization"

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse_target(text):
    """'host:port:reply_port' (each part optional) -> (host, port, reply_port)."""
    parts = (text or "").strip().split(":")
    host = parts[0] or "127.0.0.1"
    port = int(parts[1]) if len(parts) > 1 and parts[1] else 11000
    reply_port = int(parts[2]) if len(parts) > 2 and parts[2] else 11001
    return host, port, reply_port


def real_target():
    """The (host, port, reply_port) of a running Live to test, or None to use livesim."""
    text = os.environ.get(TARGET_ENV, "").strip()
    return parse_target(text) if text else None


REAL_TARGET = real_target()


def index_count(address):
    """How many leading arguments of an address select its object (echoed first in replies)."""
    parts = address.split("/")
    if len(parts) < 3 or parts[1] != "live":
        return 0
    obj = parts[2]
    if obj == "track":
        return 2 if address.endswith("/send") else 1
    if obj in ("clip", "clip_slot"):
        return 2
    if obj == "device":
        return 3 if "/parameter/" in address else 2
    if obj == "scene":
        return 1
    if obj in ("chain", "drum_pad"):
        return 4 if address.endswith("/send") else 3
    if obj == "groove":
        return 1
    return 0


def same_value(a, b):
    """Loose equality for echoed indices: 0 == 0.0, floats within float32 precision."""
    if isinstance(a, float) or isinstance(b, float):
        try:
            return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)
        except (TypeError, ValueError):
            return False
    return a == b


class NoReply(AssertionError):
    """The expected message did not arrive in time."""


class OSCClient(object):
    """A UDP OSC client: sends from, and receives on, one socket."""

    _tokens = itertools.count(1)

    def __init__(self, host, port, bind_port=0, bind_host="127.0.0.1"):
        self.target = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 21)
        self.sock.bind((bind_host, bind_port))
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]
        self.inbox = []       # Message objects received and not consumed yet
        self.error_log = []   # /live/error args not consumed yet
        self.received = 0

    def close(self):
        self.sock.close()

    def __repr__(self):
        return "OSCClient(%s:%d <- :%d)" % (self.target[0], self.target[1], self.port)

    # ------------------------------------------------------------------ sending
    def send(self, address, *args):
        self.sock.sendto(encode_message(address, args), self.target)

    def send_raw(self, data):
        self.sock.sendto(data, self.target)

    def send_bundle(self, elements, timetag=None):
        """elements: (address, args) pairs, Message objects or nested lists (nested bundles)."""
        self.sock.sendto(encode_bundle(timetag, self._bundle_elements(elements)), self.target)

    def _bundle_elements(self, elements):
        out = []
        for element in elements:
            if isinstance(element, Message):
                out.append(element)
            elif isinstance(element, list):
                out.append(Bundle(elements=self._bundle_elements(element)))
            else:
                address, args = element
                out.append(Message(address, tuple(args)))
        return out

    # ------------------------------------------------------------------ receiving
    def _pump(self, timeout):
        """Receive what arrives within timeout (at least one datagram if any); True if any came."""
        ready, _, _ = select.select([self.sock], [], [], max(0.0, timeout))
        if not ready:
            return False
        while True:
            try:
                data, _ = self.sock.recvfrom(1 << 17)
            except (BlockingIOError, InterruptedError):
                return True
            self._store(decode_packet(data))

    def _store(self, packet):
        if isinstance(packet, Bundle):
            for element in packet.elements:
                self._store(element)
            return
        self.received += 1
        self.inbox.append(packet)
        if packet.address == ERROR_ADDRESS:
            self.error_log.append(packet.args)

    def _take(self, match):
        for position, message in enumerate(self.inbox):
            if match(message):
                del self.inbox[position]
                if message.address == ERROR_ADDRESS and message.args in self.error_log:
                    self.error_log.remove(message.args)
                return message
        return None

    def wait_message(self, match, timeout=DEFAULT_TIMEOUT, what="a message"):
        """The first message (received or arriving within timeout) for which match(msg) is true."""
        deadline = time.monotonic() + timeout
        while True:
            message = self._take(match)
            if message is not None:
                return message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise NoReply("%s did not arrive within %.2f s; %s" % (what, timeout, self._context()))
            self._pump(remaining)

    def _context(self):
        errors = [m.args for m in self.inbox if m.address == ERROR_ADDRESS]
        others = [(m.address,) + tuple(m.args)[:8] for m in self.inbox if m.address != ERROR_ADDRESS]
        return "/live/error received: %r; other unconsumed messages: %r" % (errors[-5:], others[-8:])

    def wait_for(self, address, predicate=None, timeout=DEFAULT_TIMEOUT):
        """Args of the first message on address whose args satisfy predicate."""
        def match(message):
            return message.address == address and (predicate is None or predicate(message.args))

        return self.wait_message(match, timeout, "a message on %s" % address).args

    def wait_msg(self, address, predicate=None, timeout=DEFAULT_TIMEOUT):
        """Like wait_for, but the Message itself (with its typetags)."""
        def match(message):
            return message.address == address and (predicate is None or predicate(message.args))

        return self.wait_message(match, timeout, "a message on %s" % address)

    def reply_matcher(self, address, args):
        count = index_count(address)
        expected = tuple(a.value if isinstance(a, Typed) else a for a in args[:count])
        if expected and expected[0] == "*":
            expected = ()

        def match(message):
            if message.address != address:
                return False
            got = message.args
            if len(got) < len(expected):
                return False
            return all(same_value(a, b) for a, b in zip(got, expected))

        return match

    def query_msg(self, address, *args, **kw):
        """Send and wait for the reply on the same address (matching the echoed indices)."""
        timeout = kw.pop("timeout", DEFAULT_TIMEOUT)
        assert not kw, kw
        self.send(address, *args)
        return self.wait_message(self.reply_matcher(address, args), timeout,
                                 "a reply to %s %r" % (address, args))

    def query(self, address, *args, **kw):
        """Send and return the reply's args (on the same address, with matching echoed indices)."""
        return self.query_msg(address, *args, **kw).args

    def collect(self, address, count, timeout=DEFAULT_TIMEOUT, predicate=None):
        """Args of `count` messages on address (in arrival order)."""
        return [self.wait_for(address, predicate, timeout) for _ in range(count)]

    def sync(self, timeout=DEFAULT_TIMEOUT):
        """Return once every request sent before has been served (replies received)."""
        token = "sync-%d" % next(self._tokens)
        self.send(SYNC_ADDRESS, token)
        self.wait_message(lambda m: m.address == SYNC_ADDRESS and m.args[-1:] == (token,), timeout,
                          "the sync reply")

    def pending(self, address=None, sync=True):
        """Messages received and not consumed (on address, if given), after a sync."""
        if sync:
            self.sync()
        self._pump(0)
        return [m.args for m in self.inbox if address is None or m.address == address]

    def take_all(self, address, sync=True):
        """Consume and return the args of every received message on address (after a sync)."""
        if sync:
            self.sync()
        self._pump(0)
        found = []
        while True:
            message = self._take(lambda m: m.address == address)
            if message is None:
                return found
            found.append(message.args)

    def assert_nothing(self, address):
        """Nothing (more) was sent on address in answer to what was sent before."""
        leftover = self.take_all(address)
        assert leftover == [], "unexpected %s: %r" % (address, leftover)

    def errors(self, sync=True):
        """Consume and return the /live/error messages received so far (text, address)."""
        return self.take_all(ERROR_ADDRESS, sync=sync)

    def expect_error(self, contains=None, address=None, timeout=DEFAULT_TIMEOUT):
        """Wait for a /live/error whose text contains `contains` (and names `address`)."""
        def match(message):
            if message.address != ERROR_ADDRESS:
                return False
            text = message.args[0] if message.args else ""
            if contains is not None and contains.lower() not in str(text).lower():
                return False
            if address is not None and address not in message.args[1:]:
                return False
            return True

        return self.wait_message(match, timeout, "/live/error (%r, %r)" % (contains, address)).args

    def drain(self):
        """Forget everything received so far (after a sync)."""
        try:
            self.sync()
        except NoReply:
            pass
        self._pump(0)
        self.inbox = []
        self.error_log = []


# ---------------------------------------------------------------------- livesim

class ScriptProblems(logging.Handler):
    """Collects what the script logs about its own failures (not about bad requests).

    ERROR records (an exception in a tick, a poll or the MIDI map) and writes that failed
    after being deferred are bugs even when every reply looks right.
    """

    def __init__(self):
        logging.Handler.__init__(self, logging.WARNING)
        self.found = []

    def emit(self, record):
        text = record.getMessage()
        if record.levelno >= logging.ERROR or text.startswith("Deferred change failed"):
            if record.exc_info:
                text += "\n" + logging.Formatter().formatException(record.exc_info)
            self.found.append(text)


class SimWatch(object):
    """What went wrong inside the script of a LiveSim: its logger and Live's Log.txt."""

    def __init__(self, sim):
        self.sim = sim
        self.handler = ScriptProblems()
        self.log_seen = 0
        self.attach()

    def attach(self):
        logger = logging.getLogger("abletonosc")
        if self.handler not in logger.handlers:
            logger.addHandler(self.handler)

    def take(self):
        """Problems since the last call (and re-attach: a script restart drops handlers)."""
        found, self.handler.found = self.handler.found, []
        text = self.sim.log_text()
        new, self.log_seen = text[self.log_seen:], len(text)
        found.extend(line for line in new.splitlines() if "error: Python" in line or "Traceback" in line)
        self.attach()
        return found

    def close(self):
        logging.getLogger("abletonosc").removeHandler(self.handler)


@contextlib.contextmanager
def running_sim(set_data=None, live_version="12.3.6", env=None, clients=1, reply_to_source=False, **kwargs):
    """A fresh LiveSim and its client(s): yields (sim, client) or (sim, [clients])."""
    from livesim.testing import LiveSim

    env = dict(env or {})
    if os.environ.get(SCRIPT_ENV) and "script_path" not in kwargs:
        kwargs["script_path"] = os.environ[SCRIPT_ENV]
    if reply_to_source:
        env["ABLETONOSC_REPLY_TO_SOURCE"] = "true"
    # The clients bind port 0 first; the first one's port is where the script replies.
    made = [OSCClient("127.0.0.1", 0, bind_port=0) for _ in range(clients)]
    if made and not reply_to_source:
        kwargs.setdefault("reply_port", made[0].port)
    try:
        with LiveSim(set_data=set_data, live_version=live_version, virtual_clock=True, env=env, **kwargs) as sim:
            for client in made:
                client.target = ("127.0.0.1", sim.port)
            if made and not reply_to_source:
                # The /live/startup of the start (sent before start() returned, so it has arrived):
                # tests wait for the ones that follow. Nothing is sent: the script sees no request.
                made[0]._pump(0)
                made[0].inbox = []
            sim.e2e_watch = SimWatch(sim)
            failed = True
            try:
                yield sim, (made[0] if clients == 1 else made)
                failed = False
            finally:
                problems = sim.e2e_watch.take()
                sim.e2e_watch.close()
    finally:
        for client in made:
            client.close()
    if problems and not failed:
        raise AssertionError("the script reported failures of its own:\n" + "\n".join(problems))
