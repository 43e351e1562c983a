"""The hosted script's network traffic, seen from the host: a tap on the sockets the script creates.

A ``SocketTap`` given to the host (``host.socket_tap``) before the script starts wraps the
script package's imports: in every module of the package, a global bound to the ``socket``
module (or to the ``socket.socket`` class) is replaced by a stand-in whose ``socket`` class
records what each socket sends and receives.  The script itself is unchanged and behaves the
same; recording costs one deque append per datagram on the host thread.  Decoding and
interpretation happen in whoever reads the tap (``TrafficLog``), on its own thread.

    tap = SocketTap()
    host.socket_tap = tap          # before host.start()
    log = TrafficLog(tap, codec)   # codec: AbletonOSC.osc (decode_packet, SlipDecoder, ...)
    entries = log.drain()          # [{"t", "dir", "kind", "peer", "transport", "addr", "args"}, ...]
"""
import collections
import importlib.machinery
import socket as _socket
import sys
import time
import types

#: Raw events kept until someone reads them; older ones are dropped (and counted).
MAX_EVENTS = 20000
#: Arguments shown per message, and characters per string argument.
MAX_ARGS = 16
MAX_TEXT = 200
#: Seconds a request waits for its reply before later messages count as listener updates.
REPLY_WINDOW = 2.0

IN, OUT = "in", "out"


class _TappedSocket(_socket.socket):
    """A socket that reports its traffic to the class's ``_tap``."""

    __slots__ = ("_tap_peer",)
    _tap = None

    def _peer(self):
        try:
            return self._tap_peer
        except AttributeError:
            try:
                self._tap_peer = self.getpeername()
            except OSError:
                return None
            return self._tap_peer

    def recvfrom(self, bufsize, *flags):
        data, peer = _socket.socket.recvfrom(self, bufsize, *flags)
        self._tap.record(IN, self, peer, data)
        return data, peer

    def recv(self, bufsize, *flags):
        data = _socket.socket.recv(self, bufsize, *flags)
        if data:
            self._tap.record(IN, self, self._peer(), data)
        return data

    def sendto(self, data, *rest):
        sent = _socket.socket.sendto(self, data, *rest)
        self._tap.record(OUT, self, rest[-1], data)
        return sent

    def send(self, data, *flags):
        sent = _socket.socket.send(self, data, *flags)
        if sent:
            self._tap.record(OUT, self, self._peer(), data[:sent])
        return sent

    def sendall(self, data, *flags):
        _socket.socket.sendall(self, data, *flags)
        self._tap.record(OUT, self, self._peer(), data)

    def accept(self):
        # socket.socket.accept makes a plain socket; connections the script accepts are tapped too.
        fd, peer = self._accept()
        conn = type(self)(self.family, self.type, self.proto, fileno=fd)
        if _socket.getdefaulttimeout() is None and self.gettimeout():
            conn.setblocking(True)
        conn._tap_peer = peer
        return conn, peer


class _Loader(object):
    """A module loader that taps the socket names of what it executed."""

    def __init__(self, loader, tap):
        self._loader = loader
        self._tap = tap

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._tap.patch(module)

    def __getattr__(self, name):  # get_source, get_resource_reader, is_package ...
        return getattr(self._loader, name)


class _Finder(object):
    """A meta path finder for one package's submodules: the normal spec, with a tapping loader."""

    def __init__(self, tap, package):
        self.tap = tap
        self.prefix = package + "."

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith(self.prefix):
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is not None and spec.loader is not None and not isinstance(spec.loader, _Loader):
            spec.loader = _Loader(spec.loader, self.tap)
        return spec

    def invalidate_caches(self):
        """Nothing cached here (PathFinder keeps its own)."""


class SocketTap(object):
    """Records the traffic of the sockets a hosted script package creates."""

    def __init__(self, max_events=MAX_EVENTS):
        #: (time, direction, transport, peer, data, stream id) tuples, oldest first.
        self.events = collections.deque(maxlen=max_events)
        #: Events recorded so far (readers compare it with what they read to count drops).
        self.recorded = 0
        self.socket_class = type("socket", (_TappedSocket,), {"__slots__": (), "_tap": self})
        module = types.ModuleType("socket", _socket.__doc__)
        module.__dict__.update((k, v) for k, v in vars(_socket).items() if not k.startswith("__"))
        module.socket = self.socket_class
        module.SocketType = self.socket_class
        self.module = module
        self._finder = None

    def record(self, direction, sock, peer, data):
        """Keep one send or receive (called on the thread that used the socket)."""
        transport = "tcp" if sock.type == _socket.SOCK_STREAM else "udp"
        self.events.append((time.time(), direction, transport, peer, bytes(data), id(sock)))
        self.recorded += 1

    def watch(self, package, loader):
        """Tap ``package``: its submodules as they are imported, and the top module ``loader`` executes."""
        self.close()
        self._finder = _Finder(self, package)
        sys.meta_path.insert(0, self._finder)
        return _Loader(loader, self)

    def patch(self, module):
        """Point a module's globals bound to ``socket`` (module or class) at the tapped ones."""
        names = module.__dict__
        for name, value in list(names.items()):
            if value is _socket:
                names[name] = self.module
            elif value is _socket.socket:
                names[name] = self.socket_class

    def close(self):
        """Stop tapping new imports (sockets already made keep reporting)."""
        if self._finder is not None:
            try:
                sys.meta_path.remove(self._finder)
            except ValueError:
                pass
            self._finder = None


def _plain(value):
    """An OSC argument as a JSON value."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[:MAX_TEXT] + "\u2026"
    if isinstance(value, (bytes, bytearray)):
        return "<blob %d bytes>" % len(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value[:MAX_ARGS]]
    return repr(value)[:MAX_TEXT]


def _address_text(peer):
    if isinstance(peer, tuple) and len(peer) >= 2:
        host = peer[0]
        return ("[%s]:%s" if ":" in str(host) else "%s:%s") % (host, peer[1])
    return str(peer)


class TrafficLog(object):
    """Turns a tap's raw events into log entries: requests, replies, listener updates and errors.

    An incoming message is a request.  An outgoing ``/live/error`` is an error; an outgoing
    message answering a recent request of the same client (same address, or matched by the
    request's pattern) is a reply; anything else is an update.  UDP replies go to the sender's
    host (on the reply port), so UDP requests and replies are paired by host; TCP ones by
    connection.
    """

    def __init__(self, tap, codec):
        self.tap = tap
        self.codec = codec
        self.read = 0
        self._pending = {}     # client key -> deque of [address, time, is_pattern]
        self._streams = {}     # (stream id, direction) -> SlipDecoder

    def drain(self, limit=2000):
        """Entries for the events recorded since the last drain; beyond ``limit`` the oldest are skipped.

        Returns (entries, skipped).
        """
        events = self.tap.events
        available = len(events)
        skipped = max(0, self.tap.recorded - self.read - available)
        while available > limit:
            event = events.popleft()
            available -= 1
            skipped += 1
            if event[2] == "tcp":
                self._streams.pop((event[5], event[1]), None)  # the stream resynchronises at the next frame
        self.read = self.tap.recorded - available
        entries = []
        for _ in range(available):
            try:
                event = events.popleft()
            except IndexError:
                break
            self.read += 1
            entries.extend(self._entries(event))
        return entries, skipped

    def _packets(self, event):
        stamp, direction, transport, peer, data, stream = event
        if transport == "udp":
            return [data]
        key = (stream, direction)
        decoder = self._streams.get(key)
        if decoder is None:
            if len(self._streams) > 256:
                self._streams.clear()
            decoder = self._streams[key] = self.codec.SlipDecoder(1024 * 1024)
        try:
            return list(decoder.feed(data))
        except Exception:
            self._streams.pop(key, None)
            return []

    def _entries(self, event):
        stamp, direction, transport, peer, data, stream = event
        key = (transport, peer[0] if transport == "udp" and isinstance(peer, tuple) else stream)
        entries = []
        for packet in self._packets(event):
            try:
                messages = self._messages(self.codec.decode_packet(packet))
            except Exception as exc:
                entries.append(self._entry(stamp, direction, transport, peer, "error", "(malformed)",
                                           [str(exc)[:MAX_TEXT]]))
                continue
            for message in messages:
                kind = self._classify(key, direction, message.address, stamp)
                entries.append(self._entry(stamp, direction, transport, peer, kind, message.address,
                                           [_plain(a) for a in list(message.args)[:MAX_ARGS]],
                                           len(message.args)))
        return entries

    def _messages(self, packet):
        if isinstance(packet, self.codec.Bundle):
            out = []
            for element in packet.elements:
                out.extend(self._messages(element))
            return out
        return [packet]

    @staticmethod
    def _entry(stamp, direction, transport, peer, kind, address, args, count=None):
        entry = {"t": stamp, "dir": direction, "kind": kind, "peer": _address_text(peer),
                 "transport": transport, "addr": address, "args": args}
        if count is not None and count > len(args):
            entry["more"] = count - len(args)
        return entry

    def _classify(self, key, direction, address, stamp):
        pending = self._pending.get(key)
        if direction == IN:
            if pending is None:
                if len(self._pending) > 1024:
                    self._pending.clear()
                pending = self._pending[key] = collections.deque(maxlen=256)
            pending.append([address, stamp, self.codec.is_pattern(address)])
            return "request"
        if address == "/live/error":
            return "error"
        if not pending:
            return "update"
        while pending and stamp - pending[0][1] > REPLY_WINDOW:
            pending.popleft()
        for request in pending:
            if request[0] == address:
                pending.remove(request)
                return "reply"
            if request[2] and self.codec.pattern_matches(request[0], address):
                return "reply"
        return "update"
