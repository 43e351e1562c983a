"""The web view's server: the page, a Server-Sent Events stream of the set, and the page's actions.

Threads: the HTTP server runs on its own thread (one more per connection), and a pump thread
moves state from the host to the pages.  Neither touches Live: every read and change of the
set is queued to the host thread with ``host.submit`` (``SetView.flush`` and ``SetView.act``),
which the host's loop runs between its ticks.

The pump asks the host for a flush only when the set changed (at most every ``FLUSH_INTERVAL``,
so bursts of listener traffic coalesce into one patch), reads the traffic log, applies the patch
to its own copy of the state, and hands the encoded message to every page's queue.  A page
whose queue grows past ``MAX_QUEUE_BYTES`` (a slow or stalled browser) has its queue emptied and
gets the whole state again when it reads next: the host's thread never waits for a browser.
"""
import collections
import http.server
import json
import os
import socket
import threading
import time

from livesim.control import _codec
from livesim.host import HostStopped
from livesim.traffic import SocketTap, TrafficLog
from livesim.web.model import ActionError, SetView

STATIC_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
PAGES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
    "/livesim.css": ("livesim.css", "text/css; charset=utf-8"),
    "/livesim.js": ("livesim.js", "text/javascript; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
DEFAULT_PORT = 8011
#: Seconds changes gather before a flush (coalescing); a change reaches the page well within 100 ms.
FLUSH_INTERVAL = 0.03
#: Seconds between readings of the traffic log while nothing else changes.
TRAFFIC_INTERVAL = 0.05
#: Open event streams at most, and connections at most (streams included).
MAX_STREAMS = 16
MAX_CONNECTIONS = 64
#: Bytes a page's queue may hold before it is emptied and the page resynchronised.
MAX_QUEUE_BYTES = 4 * 1024 * 1024
#: Largest request body (actions are small JSON objects).
MAX_BODY = 64 * 1024
#: Seconds a connection may stall (reading a request, or taking what is written to it).
SOCKET_TIMEOUT = 20
#: Seconds between keep-alive comments on an idle event stream.
KEEPALIVE = 15
#: Seconds the page's server waits for the host to apply an action.
ACTION_TIMEOUT = 5.0
#: Traffic entries a newly opened page gets, and the most sent in one message.
LOG_KEEP = 500
LOG_BATCH = 400


def apply_op(state, op):
    """Apply one patch operation (see livesim.web.model) to ``state``; returns the new state."""
    kind, path, value = op
    if not path:
        return value
    target = state
    for key in path[:-1]:
        target = target[key]
    if kind == "+":
        target[path[-1]].update(value)
    else:
        target[path[-1]] = value
    return state


def _path(target):
    """The path of a request target, without its query (a target is not parsed as a URL: '//x' is a path)."""
    return target.split("?", 1)[0].split("#", 1)[0]


class _Stream(object):
    """One open page: a bounded queue of encoded messages."""

    def __init__(self):
        self.cond = threading.Condition()
        self.items = collections.deque()
        self.size = 0
        self.resync = True     # the next message must be the whole state
        self.closed = False
        self.dropped = 0       # times the queue overflowed

    def put(self, text):
        """Queue a message; past the byte bound, drop the queue and ask for a resync instead."""
        with self.cond:
            if self.closed:
                return
            if self.size + len(text) > MAX_QUEUE_BYTES:
                self.items.clear()
                self.size = 0
                self.resync = True
                self.dropped += 1
            else:
                self.items.append(text)
                self.size += len(text)
            self.cond.notify()

    def put_full(self, text):
        """Replace whatever is queued with the whole state."""
        with self.cond:
            self.items.clear()
            self.items.append(text)
            self.size = len(text)
            self.resync = False
            self.cond.notify()

    def take(self, timeout):
        """The queued messages (waiting up to ``timeout``); None once closed."""
        with self.cond:
            if not self.items and not self.closed:
                self.cond.wait(timeout)
            if self.closed:
                return None
            items = list(self.items)
            self.items.clear()
            self.size = 0
            return items

    def close(self):
        with self.cond:
            self.closed = True
            self.cond.notify()


class WebView(object):
    """livesim's page in the browser: ``WebView(host, port).start()`` ... ``close()``.

    Create it before ``host.start()`` so the traffic log sees the script's sockets from the start.
    ``port`` 0 picks a free port (read ``.port``); the server binds ``address`` only (loopback).
    """

    def __init__(self, host, port=DEFAULT_PORT, address="127.0.0.1"):
        self.host = host
        self.httpd = _Server((address, port), _Handler, self)  # first: a taken port changes nothing
        self.view = SetView(host)
        self._wake = threading.Event()
        self.view.wake = self._wake
        if host.socket_tap is None:
            host.socket_tap = SocketTap()
        self.tap = host.socket_tap
        self.log = TrafficLog(self.tap, _codec())
        self.address = address
        self.port = self.httpd.server_address[1]
        self.url = "http://%s:%d/" % (address, self.port)
        self.stats = collections.Counter()   # flushes, messages, resyncs, errors (for tests and bench)
        self._lock = threading.Lock()
        self._streams = []
        self._state = None
        self._full_text = None
        self._traffic = collections.deque(maxlen=LOG_KEEP)
        self._closing = threading.Event()
        self._threads = []

    # ------------------------------------------------------------------ lifecycle
    def start(self):
        """Serve in the background; returns self."""
        for target, name in ((self._serve, "livesim-web"), (self._pump, "livesim-web-pump")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def close(self):
        """Stop serving, end the open streams, stop following the set (safe to call twice)."""
        if self._closing.is_set():
            return
        self._closing.set()
        self._wake.set()
        with self._lock:
            streams, self._streams = self._streams, []
        for stream in streams:
            stream.close()
        if self._threads:
            self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(5.0)
        self.tap.close()
        try:
            self.host.submit(self.view.detach)
        except HostStopped:
            self.view.detach()  # the host loop has ended: nothing else runs on the set

    def _serve(self):
        self.httpd.serve_forever(poll_interval=0.2)

    # ------------------------------------------------------------------ streams
    def add_stream(self):
        """A new page's queue (None when too many are open)."""
        with self._lock:
            if len(self._streams) >= MAX_STREAMS or self._closing.is_set():
                return None
            stream = _Stream()
            self._streams.append(stream)
        self._wake.set()
        return stream

    def remove_stream(self, stream):
        """Forget a page's queue."""
        stream.close()
        with self._lock:
            if stream in self._streams:
                self._streams.remove(stream)

    def act(self, action):
        """Apply a page's action on the host thread; returns (HTTP status, JSON-able reply)."""
        try:
            call = self.host.submit(self.view.act, action)
        except HostStopped:
            return 503, {"error": "livesim is not running"}
        if not call.done.wait(ACTION_TIMEOUT):
            return 504, {"error": "livesim did not apply the action within %.0f s" % ACTION_TIMEOUT}
        self._wake.set()
        if call.error is None:
            return 200, {"ok": True}
        if isinstance(call.error, (ActionError, KeyError)):
            return 400, {"error": str(call.error)}
        # Live refused (e.g. a value out of range, a track that cannot be armed).
        return 409, {"error": "%s: %s" % (type(call.error).__name__, call.error)}

    # ------------------------------------------------------------------ the pump
    def _pump(self):
        last = 0.0
        while not self._closing.is_set():
            with self._lock:
                watched = bool(self._streams)
            if not watched:
                self._idle()
                continue
            wait = FLUSH_INTERVAL - (time.monotonic() - last)
            if wait > 0:
                self._closing.wait(wait)
            self._wake.clear()
            ops = []
            # The host thread is asked only when something changed (or another set was opened).
            if self._state is None or self.view.changed or self.host.world is not self.view.world:
                last = time.monotonic()
                ops = self._flush()
            entries, skipped = self.log.drain()
            self._publish(ops, entries, skipped)
            self._wake.wait(TRAFFIC_INTERVAL)

    def _idle(self):
        """Nobody watches: stop following the set, keep only the latest traffic."""
        if self._state is not None:
            with self._lock:
                self._state = None
                self._full_text = None
            try:
                self.host.submit(self.view.detach)
            except HostStopped:
                pass
        entries, skipped = self.log.drain(limit=LOG_KEEP)
        if entries:
            with self._lock:
                self._traffic.extend(entries)
                self._full_text = None
        self._wake.wait(0.25)
        self._wake.clear()

    def _flush(self):
        """Ask the host thread for the changes (the whole state when there is no copy yet)."""
        ops = self._host_call(self.view.flush, self._state is None)
        # A snapshot leaves the slots to read in turns of their own: the host thread runs its loop
        # between them. The pages get the whole state once it is complete.
        while ops and self.view.reading:
            more = self._host_call(self.view.fill_slots)
            if more is None:
                return []
            ops.extend(more)
        return ops or []

    def _host_call(self, fn, *args):
        """``fn(*args)`` on the host thread: its result, or None if it failed or livesim stopped."""
        try:
            call = self.host.submit(fn, *args)
        except HostStopped:
            self._closing.wait(0.1)
            return None
        while not call.done.wait(0.5):
            if self._closing.is_set():
                return None
        if call.error is not None:
            self.stats["errors"] += 1
            self.host.log("error: livesim web view: %s: %s" % (type(call.error).__name__, call.error))
            self._state = None  # start again from a snapshot
            return None
        self.stats["flushes"] += 1
        return call.result or []

    def _publish(self, ops, entries, skipped):
        with self._lock:
            try:
                for op in ops:
                    self._state = apply_op(self._state, op)
            except (KeyError, IndexError, TypeError, AttributeError) as exc:
                # A patch that does not fit the copy: every page starts again from a snapshot.
                self.host.log("warning: livesim web view: resynchronising after %s: %s" % (type(exc).__name__, exc))
                self._state = None
                for stream in self._streams:
                    stream.resync = True
                ops = []
            if ops or entries:
                self._full_text = None
            self._traffic.extend(entries)
            if self._state is None:
                return
            message = {}
            if ops:
                message["ops"] = ops
            if entries:
                if len(entries) > LOG_BATCH:
                    skipped += len(entries) - LOG_BATCH
                    entries = entries[-LOG_BATCH:]
                message["log"] = entries
            if skipped:
                message["skipped"] = skipped
            text = json.dumps(message, separators=(",", ":")) if message else None
            for stream in self._streams:
                if stream.resync:
                    stream.put_full(self._whole())
                    self.stats["resyncs"] += 1
                elif text is not None:
                    stream.put(text)
                    self.stats["messages"] += 1

    def _whole(self):
        """The encoded whole state and recent traffic (cached until the next change)."""
        if self._full_text is None:
            self._full_text = json.dumps({"full": self._state, "log": list(self._traffic)}, separators=(",", ":"))
        return self._full_text

    def state(self, timeout=5.0):
        """The whole state as the pages have it (None if the host did not answer in time)."""
        stream = self.add_stream()
        if stream is None:
            return None
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                items = stream.take(deadline - time.monotonic())
                if items is None:
                    return None
                for text in items:
                    message = json.loads(text)
                    if "full" in message:
                        return message
            return None
        finally:
            self.remove_stream(stream)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # A restart right after a stop must not wait out TIME_WAIT; on Windows the same option would
    # let two servers share the port, so there it stays off.
    allow_reuse_address = os.name != "nt"

    def __init__(self, address, handler, web):
        self.web = web
        self.active = 0
        self._active_lock = threading.Lock()
        http.server.ThreadingHTTPServer.__init__(self, address, handler)

    def process_request(self, request, client_address):
        with self._active_lock:
            busy = self.active >= MAX_CONNECTIONS
            if not busy:
                self.active += 1
        if busy:
            try:
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        http.server.ThreadingHTTPServer.process_request(self, request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            http.server.ThreadingHTTPServer.process_request_thread(self, request, client_address)
        finally:
            with self._active_lock:
                self.active -= 1

    def handle_error(self, request, client_address):
        # A broken connection or a failing request is the browser's business: the log gets a line.
        import sys
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, socket.timeout)):
            self.web.host.log("warning: livesim web view: request from %s failed: %s: %s"
                              % (client_address[0], type(error).__name__, error))


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "livesim"
    protocol_version = "HTTP/1.0"
    timeout = SOCKET_TIMEOUT

    # Malformed requests are answered with a status line too (never as HTTP/0.9).
    default_request_version = "HTTP/1.0"

    def log_message(self, format, *args):  # noqa: A002  (the base class's name)
        """Requests are not logged (a page polls and streams all the time)."""

    def send_error(self, code, message=None, explain=None):
        """Protocol errors (bad request line, unknown method, oversized line) as JSON, then close."""
        self.close_connection = True
        text = message or self.responses.get(code, ("error",))[0]
        self._reply(code, {"error": text})

    # ------------------------------------------------------------------ helpers
    def _reply(self, status, body, content_type="application/json", extra=()):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode("utf-8")
        elif isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, status, text):
        self._reply(status, {"error": text})

    def _local_host(self):
        """Refuse requests naming another host (a web page elsewhere reaching in by DNS rebinding)."""
        port = self.server.web.port
        allowed = ("127.0.0.1", "localhost", "[::1]")
        host = self.headers.get("Host")
        if host is not None and host not in allowed and host not in ["%s:%d" % (a, port) for a in allowed]:
            self._fail(403, "this server answers requests for 127.0.0.1:%d only" % port)
            return False
        origin = self.headers.get("Origin")
        if origin is not None and origin not in ["http://%s:%d" % (a, port) for a in allowed]:
            self._fail(403, "requests from other sites are refused")
            return False
        return True

    # ------------------------------------------------------------------ methods
    def do_GET(self):
        """The page's files, the event stream, the whole state."""
        if not self._local_host():
            return
        path = _path(self.path)
        if path in PAGES:
            name, content_type = PAGES[path]
            try:
                with open(os.path.join(STATIC_DIR, name), "rb") as handle:
                    body = handle.read()
            except OSError:
                self._fail(404, "%s is missing from livesim's installation" % name)
                return
            self._reply(200, body, content_type)
        elif path == "/events":
            self._events()
        elif path == "/api/state":
            state = self.server.web.state()
            if state is None:
                self._fail(503, "livesim did not answer (is it running?)")
            else:
                self._reply(200, state)
        else:
            self._fail(404, "no such page: %s" % path[:200])

    def do_HEAD(self):
        """Only the page's files answer HEAD."""
        if not self._local_host():
            return
        if _path(self.path) in PAGES:
            self._reply(200, b"", PAGES[_path(self.path)][1])
        else:
            self._fail(404, "no such page")

    def do_POST(self):
        """``/api/action``: one JSON action (see SetView.act)."""
        if not self._local_host():
            return
        if _path(self.path) != "/api/action":
            self._fail(404, "no such endpoint: %s" % self.path[:200])
            return
        if self.headers.get_content_type() != "application/json":
            self._fail(415, "an action is sent as application/json")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._fail(411, "Content-Length is required")
            return
        if not 0 <= length <= MAX_BODY:
            self._fail(413, "an action is at most %d bytes" % MAX_BODY)
            return
        body = self.rfile.read(length)
        try:
            action = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            self._fail(400, "the body is not JSON: %s" % exc)
            return
        status, reply = self.server.web.act(action)
        self._reply(status, reply)

    def _events(self):
        web = self.server.web
        stream = web.add_stream()
        if stream is None:
            self._fail(503, "too many pages are open (at most %d)" % MAX_STREAMS)
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while True:
                items = stream.take(KEEPALIVE)
                if items is None:
                    return
                if not items:
                    self.wfile.write(b": keep-alive\n\n")
                for text in items:
                    self.wfile.write(b"data: " + text.encode("utf-8") + b"\n\n")
                self.wfile.flush()
        except (OSError, ValueError):
            return  # the page went away (or stalled past SOCKET_TIMEOUT)
        finally:
            web.remove_stream(stream)
