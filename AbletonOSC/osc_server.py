"""The OSC transport: non-blocking UDP (and optional TCP with SLIP framing), polled from Live's main thread.

No threads, no blocking calls: ``poll()`` reads what has arrived until the sockets are empty or
its time budget is spent; the rest stays in the socket buffers for the next poll. Every datagram
and every bundle element is handled in its own error scope, and errors are answered to the
client that caused them.

Dispatcher protocol: ``dispatcher.dispatch(message, client)``; the handler replies itself with
``client.send(address, args)``. An exception it raises becomes ``/live/error`` for that client.
"""
from __future__ import annotations

import errno
import functools
import logging
from collections import deque
import select
import socket
import time

from .osc import (Message, OSCDecodeError, SlipDecoder, decode_packet, encode_message, is_pattern,
                  pattern_matches, slip_encode)
from .osc.plain import plain_types
from .unreachable import REFUSED, Unreachable

ERROR_ADDRESS = "/live/error"
#: Longest error text sent to a client; the log keeps the whole story.
MAX_ERROR_TEXT = 2000
#: Largest UDP payload (IPv4: 65535 - 8 byte UDP header - 20 byte IP header).
MAX_UDP_PAYLOAD = 65507
#: Known UDP senders kept; beyond this the longest-known ones are forgotten.
MAX_CLIENTS = 4096
#: Bytes waiting to be written to one TCP client before it is dropped as too slow.
MAX_TCP_BACKLOG = 16 * 1024 * 1024
#: Decoded TCP packets waiting for a poll before reading from that client pauses.
MAX_TCP_PENDING = 1024
#: Largest packet accepted over TCP (a SLIP frame); requests are small, replies go the other way.
MAX_TCP_PACKET = 1024 * 1024
#: Bundle elements waiting for a poll, per client and in all; a bundle beyond either is refused whole.
MAX_QUEUED_PER_CLIENT = 8192
MAX_QUEUED = 32768
#: The longest turn of one sliced request (seconds) before the next sender's turn.
SLICE = 0.001
#: Datagrams one sender has handled in a poll before its next ones wait their turn behind other senders.
FAIR_SHARE = 16
#: Datagrams of senders past their share read (and set aside) in one turn, looking for other senders'.
READ_AHEAD = 256

# Errors that mean "nothing to read now" or "that peer is gone": never worth more than a debug line.
# 10035 WSAEWOULDBLOCK, 10054 WSAECONNRESET, 10061 WSAECONNREFUSED on Windows.
_QUIET_ERRNOS = frozenset(e for e in (
    errno.EAGAIN, errno.EWOULDBLOCK, errno.ECONNRESET, errno.ECONNREFUSED,
    getattr(errno, "WSAEWOULDBLOCK", 10035), getattr(errno, "WSAECONNRESET", 10054),
    getattr(errno, "WSAECONNREFUSED", 10061), 10035, 10054, 10061,
))
_WOULD_BLOCK = frozenset((errno.EAGAIN, errno.EWOULDBLOCK, 10035))
_TOO_BIG = frozenset((errno.EMSGSIZE, getattr(errno, "WSAEMSGSIZE", 10040), 10040))


def _errno(error):
    """The error number of a socket error (Windows reports WSA codes in winerror)."""
    return getattr(error, "winerror", None) or error.errno


RECEIVE_BUFFER = 4 * 1024 * 1024


class ReplyTooLarge(ValueError):
    """A reply that does not fit in one UDP datagram; it was not sent."""


class Client(object):
    """A reply destination: a UDP address, or a TCP connection. Usable as a dict key."""

    __slots__ = ("server", "key", "host", "port", "transport", "closed", "plain", "bundle", "rates", "_conn",
                 "_target", "__weakref__")

    def __init__(self, server, key, host, port, transport="udp", conn=None):
        self.server = server
        self.key = key
        self.host = host
        self.port = port
        self.transport = transport
        #: True once a TCP client has disconnected (its sends are then dropped).
        self.closed = False
        #: True: only the types i f s b reach this client (/live/api/set/plain_types, for Pd vanilla).
        self.plain = getattr(server, "plain_types", False)
        #: True: listener updates come as OSC bundles (/live/api/set/bundle); rates: its rate caps.
        self.bundle = False
        self.rates = None
        self._conn = conn
        self._target = (host, port)

    def send(self, address: str, args=()) -> None:
        """Encode and send one message to this client (ReplyTooLarge if UDP cannot carry it)."""
        if self.plain:
            args = plain_types(args)
        data = encode_message(address, args)
        if self._conn is not None:
            self._conn.write(data)
            return
        server = self.server  # inlined send_packet: this is the path of nearly every reply
        if server._reply_client is self:
            server._reply_left -= len(data)
            if server._reply_left < 0 and not server._over_reply_limit(len(data)):
                return
        server._send_udp(data, self._target)

    def send_packet(self, data: bytes) -> None:
        """Send an already-encoded OSC packet to this client (the path of every listener update)."""
        if self._conn is not None:
            self._conn.write(data)
            return
        server = self.server
        if server._reply_client is self:
            server._reply_left -= len(data)
            if server._reply_left < 0 and not server._over_reply_limit(len(data)):
                return
        server._send_udp(data, self._target)

    def send_error(self, text: str, address=None) -> None:
        """Send /live/error (text[, address]) to this client."""
        self.server.send_error(self, text, address)

    def __eq__(self, other):
        return isinstance(other, Client) and self.key == other.key

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self.key)

    def __repr__(self):
        return "Client(%s %s:%s)" % (self.transport, self.host, self.port)


class Dispatcher(object):
    """A minimal dispatcher: exact addresses first, then OSC patterns against every address.

    ``add(address, fn)`` registers ``fn(args, client) -> tuple | None``; a tuple is sent back
    on the handler's own (concrete) address.
    """

    def __init__(self):
        self._handlers = {}

    def add(self, address: str, fn) -> None:
        """Register fn for an exact address (later registrations replace earlier ones)."""
        self._handlers[address] = fn

    def dispatch(self, message, client) -> None:
        """Serve one message: exact match, else every pattern match, else an unknown-address error."""
        address = message.address
        fn = self._handlers.get(address)
        if fn is not None:
            self._call(address, fn, message.args, client)
            return
        if is_pattern(address):
            matches = [(a, f) for a, f in self._handlers.items() if pattern_matches(address, a)]
            if matches:
                for concrete, fn in matches:
                    try:  # each match in its own error scope
                        self._call(concrete, fn, message.args, client)
                    except Exception as error:
                        client.server.report(error, concrete, client)
                return
        client.send_error("Unknown OSC address: %s" % address, address)

    @staticmethod
    def _call(address, fn, args, client):
        result = fn(args, client)
        if result is not None:
            client.send(address, tuple(result))


class _Sliced(object):
    """A request worked off over several turns: a generator yielding between units of work."""

    __slots__ = ("steps", "done", "address")

    def __init__(self, steps, done, address):
        self.steps = steps
        self.done = done  # called with the generator's return value
        self.address = address

    def run(self, until):
        """Advance until the time `until` (at least one step); True once finished."""
        steps = self.steps
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                self.done(stop.value)
                return True
            if time.perf_counter() >= until:
                return False


class _Connection(object):
    """One TCP client: SLIP-framed packets in, buffered SLIP-framed writes out."""

    __slots__ = ("server", "sock", "client", "decoder", "pending", "backlog", "open", "active")

    def __init__(self, server, sock, peer):
        self.server = server
        self.sock = sock
        self.client = Client(server, ("tcp", peer[0], peer[1]), peer[0], peer[1], "tcp", self)
        self.decoder = SlipDecoder(MAX_TCP_PACKET)
        self.pending = deque()  # decoded packets waiting for the poll budget
        self.backlog = bytearray()  # framed bytes the socket did not take yet
        self.open = True
        self.active = time.monotonic()  # when it last sent something (idle connections go first)

    def write(self, packet):
        """Frame and send a packet; what the socket does not take now waits in the backlog."""
        if not self.open:
            return
        self.backlog += slip_encode(packet)
        self.flush()
        if len(self.backlog) > MAX_TCP_BACKLOG:
            self.server.logger.warning("AbletonOSC: TCP client %s:%s is not reading; dropping it",
                                       self.client.host, self.client.port)
            self.close()

    def flush(self):
        """Send as much of the backlog as the socket takes without blocking."""
        while self.backlog and self.open:
            try:
                sent = self.sock.send(self.backlog)
            except (OSError, IOError) as error:
                if _errno(error) not in _WOULD_BLOCK:
                    self.close()
                return
            del self.backlog[:sent]

    def read(self):
        """Read what the socket has (until it would block); decode complete packets."""
        while self.open and len(self.pending) < MAX_TCP_PENDING:
            try:
                data = self.sock.recv(65536)
            except (OSError, IOError) as error:
                if _errno(error) not in _WOULD_BLOCK:
                    self.close()
                return
            if not data:
                self.close()
                return
            self.active = time.monotonic()
            self.pending.extend(self.decoder.feed(data))

    def close(self):
        """Close the connection and forget its client (once)."""
        if not self.open:
            return
        self.open = False
        self.client.closed = True
        del self.backlog[:]
        try:
            self.sock.close()
        except (OSError, IOError):
            pass
        self.server._forget(self)


class OSCServer(object):
    """Serves OSC over non-blocking sockets; call poll() from Live's main thread."""

    def __init__(self, dispatcher, host="0.0.0.0", port=11000, reply_port=11001, reply_to_source=False,
                 tcp_port=None, poll_budget=0.005, max_datagram=MAX_UDP_PAYLOAD, logger=None, allow=(),
                 rate_limit=0, max_reply_bytes=0, reply_bytes_per_second=0, max_tcp_connections=64,
                 tcp_idle_timeout=600.0, plain_types=False):
        self.dispatcher = dispatcher
        #: Whether new clients get only the types i f s b (the plain_types setting).
        self.plain_types = plain_types
        self.host = host
        self.port = port
        self.reply_port = reply_port
        self.reply_to_source = reply_to_source
        self.tcp_port = tcp_port  # None: no TCP; 0: an ephemeral port (see tcp_port after start)
        self.poll_budget = poll_budget
        self.max_datagram = max_datagram
        self.logger = logger or logging.getLogger("abletonosc")
        self._family = socket.AF_INET6 if ":" in host else socket.AF_INET
        loopback = "::1" if self._family == socket.AF_INET6 else "127.0.0.1"
        #: Every client heard from, by key (UDP: ("udp", ip, reply port); TCP: ("tcp", ip, port)).
        self.clients = {}
        #: Where messages go before anyone has spoken (e.g. /live/startup).
        self.default_client = Client(self, ("udp", loopback, reply_port), loopback, reply_port)
        self._by_source = {}  # UDP source address -> Client
        self._udp = None
        self._listener = None
        self._connections = []
        self._tcp_first = False
        #: Networks whose senders are served, as settings.parse_allow returns them; empty: everyone.
        self.allow = tuple(allow or ())
        #: Messages per second each sending IP may send (token bucket); 0: no limit.
        self.rate_limit = rate_limit
        #: Bytes of UDP replies one request may cause (bounds amplification); 0: no limit.
        self.max_reply_bytes = max_reply_bytes
        self._allowed = {}  # sender IP -> allowed?, decided once per address
        self._buckets = {}  # sender IP -> _Bucket
        self._reply_client = None  # the UDP client whose request is being handled
        self._reply_left = 0
        self._gated = bool(self.allow) or rate_limit > 0
        #: Bytes per second of UDP replies one destination IP may receive; 0: no limit.
        self.reply_bytes_per_second = reply_bytes_per_second
        self._reply_buckets = {}  # destination IP -> _ByteBucket
        #: TCP connections kept at once (the longest idle goes when one more arrives), and how
        #: long (seconds) one may stay silent.
        self.max_tcp_connections = max_tcp_connections
        self.tcp_idle_timeout = tcp_idle_timeout
        # Bundle elements waiting their turn: client -> deque of (message, reply budget cell); the
        # clients with waiting work take turns, one element each, between new datagrams.
        self._queued = {}
        self._turns = deque()
        self._queued_count = 0
        self._served = {}  # client -> datagrams handled in this poll (see FAIR_SHARE)
        self._parking = False
        self._tcp_turn = 0
        self._deadline = 0.0
        self.unreachable = Unreachable(None, self._family)  # destinations that refused; set up by start()
        self._udp_ready = _never   # whether the UDP socket has something to read (set up by start())
        self._udp_idle = True      # this poll found nothing to read on it

    @classmethod
    def from_settings(cls, dispatcher, settings, logger=None):
        """Build a server from a settings object (host, port, reply_port, ..., poll_budget_ms)."""
        from .settings import parse_allow, tcp_port_of

        return cls(dispatcher, host=settings.host, port=settings.port, reply_port=settings.reply_port,
                   reply_to_source=settings.reply_to_source,
                   tcp_port=tcp_port_of(settings.tcp_port),
                   poll_budget=settings.poll_budget_ms / 1000.0, max_datagram=settings.max_datagram,
                   logger=logger, allow=parse_allow(getattr(settings, "allow", "")),
                   rate_limit=getattr(settings, "rate_limit", 0),
                   max_reply_bytes=getattr(settings, "max_reply_bytes", 0),
                   reply_bytes_per_second=getattr(settings, "reply_bytes_per_second", 0),
                   max_tcp_connections=getattr(settings, "max_tcp_connections", 64),
                   tcp_idle_timeout=getattr(settings, "tcp_idle_timeout_s", 600),
                   plain_types=getattr(settings, "plain_types", False))

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Bind the UDP socket (and the TCP listener); OSError names the port and the reason."""
        self._udp = self._bind(socket.SOCK_DGRAM, self.port, "UDP")
        # A controller refreshing at start-up sends hundreds of queries at once; they wait in the
        # socket's buffer until the next poll, so ask for a large one (the OS caps it).
        try:
            self._udp.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        except (OSError, IOError):
            pass
        # Windows reports an earlier send's ICMP "port unreachable" on the next recvfrom.
        if hasattr(socket, "SIO_UDP_CONNRESET"):
            try:
                self._udp.ioctl(socket.SIO_UDP_CONNRESET, False)
            except (OSError, ValueError, AttributeError):
                pass
        self.unreachable = Unreachable(self._udp, self._family)
        self._udp_ready = _readiness(self._udp)
        if self.port == 0:
            self.port = self._udp.getsockname()[1]
        if self.tcp_port is not None:
            try:
                self._listener = self._bind(socket.SOCK_STREAM, self.tcp_port, "TCP")
                self._listener.listen(16)
            except (OSError, IOError):
                self.close()
                raise
            if self.tcp_port == 0:
                self.tcp_port = self._listener.getsockname()[1]

    def _bind(self, kind, port, name):
        sock = socket.socket(self._family, kind)
        try:
            if kind == socket.SOCK_STREAM and not hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
                # Restarting must not wait for old connections' TIME_WAIT (not on Windows,
                # where SO_REUSEADDR would let another program take the port).
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setblocking(False)
            sock.bind((self.host, port))
        except (OSError, IOError) as error:
            sock.close()
            reason = getattr(error, "strerror", None) or str(error)
            raise OSError(error.errno, "Couldn't bind %s port %d on %s: %s" % (name, port, self.host, reason))
        return sock

    def close(self) -> None:
        """Close every socket; safe to call more than once."""
        for conn in list(self._connections):
            conn.close()
        for sock in (self._udp, self._listener):
            if sock is not None:
                try:
                    sock.close()
                except (OSError, IOError):
                    pass
        self._udp = self._listener = None

    # ------------------------------------------------------------------ polling
    def poll(self, budget=None) -> int:
        """Handle what has arrived until nothing is left or the budget (seconds) is spent.

        New UDP datagrams, TCP packets and waiting bundle elements take turns, one at a time, so
        no sender's bundle can hold the others up; the first item is handled whatever the budget.
        """
        if self._udp is None:
            return 0
        # Most polls find nothing: one readiness check answers that without an exception raised.
        self._udp_idle = idle = not self._udp_ready()
        if idle and self._listener is None and not self._turns:
            return 0
        deadline = time.perf_counter() + (self.poll_budget if budget is None else budget)
        self._deadline = deadline
        self._served = {}
        self._tcp_first = not self._tcp_first  # neither transport can starve the other
        if self._listener is not None:
            self._service_tcp()
            sources = [self._tcp_one, self._udp_one] if self._tcp_first else [self._udp_one, self._tcp_one]
            sources.append(self._queued_one)
        else:
            sources = [self._udp_one, self._queued_one]
        handled = 0
        started = False
        busy = True
        while busy:
            busy = False
            for source in sources:
                if started and time.perf_counter() >= deadline:
                    return handled  # the rest waits: socket buffers, conn.pending, the queue
                done = source()
                if done is not None:
                    busy = started = True
                    handled += done
        return handled

    def _udp_one(self):
        """Read and handle one datagram: 1 handled, 0 dropped or set aside, None nothing to read.

        A sender past its FAIR_SHARE in this poll has its datagrams read and set aside behind its
        other waiting work (cheap) until another sender's datagram turns up, so a flood of separate
        datagrams is served in turns with everyone else, as a bundle is.
        """
        if self._udp_idle:
            return None
        served = self._served
        for step in range(READ_AHEAD):
            if step & 63 == 63 and time.perf_counter() >= self._deadline:
                return 0  # setting aside is cheap, but not free: the budget still holds
            try:
                data, source = self._udp.recvfrom(65536)
            except (OSError, IOError) as error:
                code = _errno(error)
                if code in _WOULD_BLOCK:
                    return None
                if code in REFUSED and self.unreachable.drain(self._udp):
                    return 0  # an earlier reply's peer is gone (noted); keep reading
                if code in _QUIET_ERRNOS:
                    return 0  # an earlier reply's peer is gone; keep reading
                self.logger.warning("AbletonOSC: UDP receive failed: %s", error)
                return None
            if self._gated and not self._admit(source[0]):
                return 0  # before decoding: a flood costs one dict lookup per datagram
            client = self._by_source.get(source)
            if client is None:
                client = self._udp_client(source)
            if self.unreachable.since:
                self.unreachable.heard(client.host, client.port)
            count = served.get(client, 0)
            if count < FAIR_SHARE:
                served[client] = count + 1
                self._handle_udp(data, client)
                return 1
            self._parking = True
            try:
                self._handle_udp(data, client)
            finally:
                self._parking = False
        return 0

    def _handle_udp(self, data, client):
        if self.max_reply_bytes:
            self._reply_client = client
            self._reply_left = self.max_reply_bytes
            try:
                self.handle_datagram(data, client)
            finally:
                self._reply_client = None
        else:
            self.handle_datagram(data, client)

    def _service_tcp(self):
        """Accept, write what waits, read what arrived; close connections idle too long."""
        self._accept()
        now = time.monotonic()
        for conn in list(self._connections):
            if now - conn.active > self.tcp_idle_timeout:
                self.logger.info("AbletonOSC: TCP client %s:%s was silent for %d s (tcp_idle_timeout_s); closing it",
                                 conn.client.host, conn.client.port, self.tcp_idle_timeout)
                conn.close()
                continue
            conn.flush()
            conn.read()

    def _tcp_one(self):
        """Handle one waiting TCP packet, the connections taking turns; None when none can go."""
        conns = self._connections
        count = len(conns)
        for step in range(count):
            index = (self._tcp_turn + step) % count
            conn = conns[index]
            if not conn.pending or not conn.open:
                continue
            if self.rate_limit > 0 and not self._bucket(conn.client.host).take(self, conn.client.host):
                continue  # over TCP nothing is dropped: the rest waits, and the sender is slowed down
            self._tcp_turn = index + 1
            self.handle_datagram(conn.pending.popleft(), conn.client)
            return 1
        return None

    def _queued_one(self):
        """Handle one waiting bundle element of the next client in turn; None when none waits."""
        if not self._turns:
            return None
        client = self._turns.popleft()
        queue = self._queued.get(client)
        if not queue:
            self._queued.pop(client, None)
            return 0
        item = queue.popleft()
        self._queued_count -= 1
        message, budget = item
        if budget is not None and client.transport == "udp":
            self._reply_client = client
            self._reply_left = budget[0]
            try:
                finished = self._run_queued(message, client, queue, item)
            finally:
                budget[0] = self._reply_left
                self._reply_client = None
        else:
            finished = self._run_queued(message, client, queue, item)
        if queue:
            self._turns.append(client)
        else:
            self._queued.pop(client, None)
        return 1 if finished else 0

    def _run_queued(self, message, client, queue, item):
        if message.__class__ is not _Sliced:
            self._dispatch(message, client)
            return True
        try:
            finished = message.run(min(self._deadline, time.perf_counter() + SLICE))
        except Exception as error:
            self.report(error, message.address, client)
            return True
        if not finished:
            queue.appendleft(item)  # its next turn comes before the client's later messages
            self._queued_count += 1
        return finished

    def run_sliced(self, client, steps, done, address):
        """Work off a generator in turns (see poll); done(result) when it returns. Before the client's other waiting work."""
        queue = self._queued.get(client)
        if queue is None:
            queue = self._queued[client] = deque()
            self._turns.append(client)
        budget = [self._reply_left] if self._reply_client is client else None
        queue.appendleft((_Sliced(steps, done, address), budget))
        self._queued_count += 1

    def _queue(self, client, messages):
        """Put a packet's messages behind what the client already has waiting (all or none)."""
        queue = self._queued.get(client)
        waiting = len(queue) if queue else 0
        if waiting + len(messages) > MAX_QUEUED_PER_CLIENT or self._queued_count + len(messages) > MAX_QUEUED:
            raise ValueError("%d messages would wait for their turn, more than the %d allowed per client "
                             "(%d in all); send smaller bundles, or wait for the replies"
                             % (waiting + len(messages), MAX_QUEUED_PER_CLIENT, MAX_QUEUED))
        if queue is None:
            queue = self._queued[client] = deque()
            self._turns.append(client)
        budget = [self._reply_left] if self._reply_client is client else None
        queue.extend((message, budget) for message in messages)
        self._queued_count += len(messages)

    def _accept(self):
        for _ in range(16):
            try:
                sock, peer = self._listener.accept()
            except (OSError, IOError):
                return
            if len(self._connections) >= self.max_tcp_connections:
                oldest = min(self._connections, key=lambda conn: conn.active)
                self.logger.info("AbletonOSC: %d TCP connections (max_tcp_connections); closing the longest idle, "
                                 "%s:%s", len(self._connections), oldest.client.host, oldest.client.port)
                oldest.close()
            try:
                sock.setblocking(False)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except (OSError, IOError):
                pass
            if self.allow and not self._is_allowed(peer[0]):
                sock.close()
                continue
            conn = _Connection(self, sock, peer)
            self._connections.append(conn)
            self.clients[conn.client.key] = conn.client
            self.logger.info("AbletonOSC: TCP client %s:%s connected", peer[0], peer[1])

    def _forget(self, conn):
        if conn in self._connections:
            self._connections.remove(conn)
        self.clients.pop(conn.client.key, None)
        queue = self._queued.pop(conn.client, None)
        if queue:
            self._queued_count -= len(queue)
        self.logger.info("AbletonOSC: TCP client %s:%s disconnected", conn.client.host, conn.client.port)
        closed = getattr(self.dispatcher, "client_closed", None)
        if closed is not None:
            try:
                closed(conn.client)
            except Exception:
                self.logger.warning("AbletonOSC: error forgetting a client", exc_info=True)

    # ------------------------------------------------------------------ hostile senders
    def _admit(self, host):
        """Whether a datagram from host is served: allowed address, and within its rate limit."""
        if self.allow:
            allowed = self._allowed.get(host)
            if allowed is None:
                allowed = self._is_allowed(host)
            if not allowed:
                return False
        if self.rate_limit > 0:
            bucket = self._buckets.get(host)
            if bucket is None:
                bucket = self._bucket(host)
            return bucket.take(self, host)
        return True

    def _is_allowed(self, host):
        allowed = self._allowed.get(host)
        if allowed is None:
            allowed = address_allowed(host, self.allow)
            if len(self._allowed) >= MAX_CLIENTS:
                self._allowed.clear()
            self._allowed[host] = allowed
            if not allowed:
                self.logger.warning("AbletonOSC: ignoring %s, which is not in the allow setting", host)
        return allowed

    def _bucket(self, host):
        bucket = self._buckets.get(host)
        if bucket is None:
            if len(self._buckets) >= MAX_CLIENTS:
                self._buckets.clear()
            bucket = self._buckets[host] = _Bucket(self.rate_limit)
        return bucket

    def _over_reply_limit(self, size):
        """A reply took the request past max_reply_bytes: it is not sent (False); the first time, say so."""
        if self._reply_left + size >= 0:  # the first reply over the limit: say so, once per request
            client, self._reply_client = self._reply_client, None
            self.logger.info("AbletonOSC: replies to one request from %r exceed max_reply_bytes (%d)",
                             client, self.max_reply_bytes)
            self.send_error(client, "Replies to this request exceed %d bytes (max_reply_bytes); the rest "
                                    "were not sent. Ask for fewer items, or connect over TCP."
                            % self.max_reply_bytes)
            self._reply_client = client
        return False

    # ------------------------------------------------------------------ clients
    def _udp_client(self, source):
        host = source[0]
        port = source[1] if self.reply_to_source else self.reply_port
        key = ("udp", host, port)
        client = self.clients.get(key)
        if client is None:
            if key == self.default_client.key:
                client = self.default_client  # the same object /live/startup went to
            else:
                client = Client(self, key, host, port)
            if len(self.clients) >= MAX_CLIENTS:
                self._evict()
            self.clients[key] = client
        if len(self._by_source) >= MAX_CLIENTS:
            self._by_source.clear()
        self._by_source[source] = client
        return client

    def _evict(self):
        for key in list(self.clients):
            if key[0] == "udp":
                del self.clients[key]
                return

    def unreachable_clients(self, grace):
        """The UDP clients whose reply address has refused datagrams for ``grace`` seconds, sending nothing."""
        gone = []
        for host, port in self.unreachable.expired(grace):
            client = self.clients.get(("udp", host, port))
            if client is not None:
                gone.append(client)
        return gone

    def broadcast(self, address: str, args=()) -> None:
        """Send one message to every known client (the default client when none is known)."""
        data = encode_message(address, args)
        for client in list(self.clients.values()) or [self.default_client]:
            try:
                client.send_packet(data)
            except ReplyTooLarge as error:
                self.logger.warning("AbletonOSC: %s", error)

    # ------------------------------------------------------------------ handling
    def handle_datagram(self, data: bytes, client) -> None:
        """Decode one packet from client and dispatch it; errors go back to that client."""
        try:
            packet = decode_packet(data)
        except OSCDecodeError as error:
            self.logger.info("AbletonOSC: Error parsing OSC message from %r: %s", client, printable(error))
            self.send_error(client, "Error parsing OSC message: %s" % error, _peek_address(data))
            return
        if packet.__class__ is Message:
            if client in self._queued or self._parking:
                # Behind its waiting work: one client's messages stay in order.
                try:
                    self._queue(client, [packet])
                except ValueError as error:
                    self.send_error(client, "Error handling OSC message: %s" % error, packet.address)
            else:
                self._dispatch(packet, client)
            return
        # Timetags are not scheduled: elements run in order, each in its own scope, one per turn
        # (see poll), so a big bundle is spread over polls and other senders are served meanwhile.
        messages = []  # type: list
        _flatten(packet, messages)
        try:
            self._queue(client, messages)
        except ValueError as error:
            self.logger.info("AbletonOSC: bundle from %r refused: %s", client, error)
            self.send_error(client, "Error handling OSC bundle: %s" % error)

    def _dispatch(self, message, client):
        try:
            self.dispatcher.dispatch(message, client)
        except Exception as error:
            self.report(error, message.address, client)

    def report(self, error, address, client) -> None:
        """Answer a handler's exception with /live/error; a traceback is logged for the unexpected only."""
        expected = isinstance(error, (ValueError, TypeError, IndexError, KeyError, RuntimeError)) \
            or getattr(error, "expected", False)
        self.logger.warning("AbletonOSC: Error handling OSC message %s: %s", printable(address), printable(error),
                            exc_info=not expected)
        self.send_error(client, "Error handling OSC message: %s" % (error,), address)

    def send_error(self, client, text: str, address=None) -> None:
        """Send /live/error (text[, address]) to client: upstream's text, then the address."""
        if len(text) > MAX_ERROR_TEXT:
            text = text[:MAX_ERROR_TEXT - 3] + "..."
        args = (text,) if address is None else (text, address)
        try:
            client.send(ERROR_ADDRESS, args)
        except Exception as error:
            self.logger.warning("AbletonOSC: could not send an error to %r: %s", client, error)

    def route(self, clients):
        """What sending to ``clients`` needs to know once (a fan-out keeps it): (address, UDP targets) when
        they are all UDP clients at one address, else None (each is then sent on its own)."""
        if not clients:
            return None
        host = clients[0].host
        for client in clients:
            if client.host != host or client._conn is not None:
                return None
        return host, tuple(client._target for client in clients)

    def send_each(self, data, clients, route):
        """Send one encoded packet to each of ``clients`` (a listener update); ``route`` is ``route(clients)``,
        kept by the caller. UDP clients at one address are sent with the socket's sendto and nothing
        more, their bytes spent from that address's byte rate at once; otherwise (or when the reply budget,
        datagram size or byte rate say so) each send does its own checks. A client it cannot reach is
        logged, the others still get it."""
        sock = self._udp
        if route is not None and sock is not None and self._reply_client is None and len(data) <= self.max_datagram \
                and (not self.reply_bytes_per_second
                     or self._reply_bucket(route[0]).spend_all(len(data) * len(route[1]))):
            sendto = sock.sendto
            for target in route[1]:
                try:
                    sendto(data, target)
                except (OSError, IOError) as error:
                    self._send_failed(sock, data, target, error)
            return
        for client in clients:
            try:
                client.send_packet(data)
            except Exception as error:
                self.logger.warning("AbletonOSC: listener update to %r not sent: %s", client, error)

    def _send_udp(self, data, target):
        if len(data) > self.max_datagram:
            raise ReplyTooLarge(_too_large(data, self.max_datagram))
        sock = self._udp
        if sock is None:
            return
        if self.reply_bytes_per_second and not self._reply_bucket(target[0]).spend(len(data), self, target):
            return
        try:
            sock.sendto(data, target)
        except (OSError, IOError) as error:
            self._send_failed(sock, data, target, error)

    def _reply_bucket(self, host):
        bucket = self._reply_buckets.get(host)
        if bucket is None:
            if len(self._reply_buckets) >= MAX_CLIENTS:
                self._reply_buckets.clear()
            bucket = self._reply_buckets[host] = _ByteBucket(self.reply_bytes_per_second)
        return bucket

    def _send_failed(self, sock, data, target, error):
        code = _errno(error)
        if code in REFUSED and self.unreachable.drain(sock):
            # The refusal of an earlier datagram, to anyone: noted; this one still goes.
            try:
                sock.sendto(data, target)
                return
            except (OSError, IOError) as again:
                error, code = again, _errno(again)
        if code in _TOO_BIG:
            raise ReplyTooLarge(_too_large(data, None))
        if code in _QUIET_ERRNOS:
            self.logger.debug("AbletonOSC: reply to %s:%s dropped: %s", target[0], target[1], error)
        else:
            self.logger.warning("AbletonOSC: reply to %s:%s failed: %s", target[0], target[1], error)


class _Bucket(object):
    """A token bucket: ``rate`` tokens per second, bursts of up to one second's worth."""

    __slots__ = ("rate", "tokens", "stamp", "dropped")

    def __init__(self, rate):
        self.rate = float(rate)
        self.tokens = float(rate)
        self.stamp = time.perf_counter()
        self.dropped = 0

    def _spend(self, amount):
        """Spend amount tokens if there are that many; None if not, else whether the episode of drops ended.

        Only a sender that kept within the limit for a whole burst's worth ends an episode: a steady
        flood lets a token through now and then and must not log a pair each time.
        """
        tokens = self._refill()
        if self.tokens < amount:
            self.dropped += 1
            return None
        self.tokens -= amount
        return bool(self.dropped) and tokens >= self.rate

    def _refill(self):
        """Add the tokens earned since the last spend (up to a burst); the uncapped sum is returned."""
        now = time.perf_counter()
        tokens = self.tokens + (now - self.stamp) * self.rate
        self.tokens = tokens if tokens < self.rate else self.rate
        self.stamp = now
        return tokens

    def take(self, server, host):
        """Spend one message's token; False (and one log line per flood) when there is none."""
        ended = self._spend(1.0)
        if ended is None:
            if self.dropped == 1:
                server.logger.warning("AbletonOSC: %s sends more than rate_limit (%d messages/s); "
                                      "dropping the excess", host, self.rate)
            return False
        if ended:
            server.logger.info("AbletonOSC: %s is within rate_limit again; %d messages were dropped",
                               host, self.dropped)
            self.dropped = 0
        return True


class _ByteBucket(_Bucket):
    """Reply bytes one destination IP may receive: ``rate`` per second, bursts of one second's worth."""

    __slots__ = ()

    def spend_all(self, size):
        """Spend size bytes if there are that many and nothing is being dropped; else spend nothing (False)."""
        if self.dropped:
            return False
        self._refill()
        if self.tokens < size:
            return False
        self.tokens -= size
        return True

    def spend(self, size, server, target):
        """Whether a reply of size bytes may go; the first one that may not sends one notice."""
        ended = self._spend(size)
        if ended is None:
            if self.dropped == 1:
                server.logger.warning("AbletonOSC: replies to %s exceed reply_bytes_per_second (%d); dropping the "
                                      "excess", target[0], self.rate)
                notice = encode_message(ERROR_ADDRESS, (
                    "Replies to this computer exceed %d bytes per second (reply_bytes_per_second); some were "
                    "dropped. Ask for fewer items at a time, or connect over TCP." % self.rate,))
                try:
                    server._udp.sendto(notice, target)
                except (OSError, IOError):
                    pass
            return False
        if ended:
            server.logger.info("AbletonOSC: replies to %s are within reply_bytes_per_second again; %d were dropped",
                               target[0], self.dropped)
            self.dropped = 0
        return True


def _never():
    return False


def _readiness(sock):
    """A function whose result is true when ``sock`` has a datagram (or an error) to read, without blocking or
    raising (a C-level call: most polls make only this one)."""
    if hasattr(select, "poll"):            # macOS, Linux
        poller = select.poll()
        poller.register(sock, select.POLLIN)
        return functools.partial(poller.poll, 0)
    ready = (sock,)                        # Windows
    return lambda: select.select(ready, (), (), 0)[0]


def address_allowed(host, networks):
    """Whether an IP address (text) is in one of networks (settings.parse_allow's tuples)."""
    candidates = []
    for family in (socket.AF_INET, getattr(socket, "AF_INET6", None)):
        if family is None:
            continue
        try:
            value = int.from_bytes(socket.inet_pton(family, host.split("%")[0]), "big")
        except (OSError, ValueError):
            continue
        candidates.append((family, value))
        if family != socket.AF_INET and value >> 32 == 0xFFFF:
            candidates.append((socket.AF_INET, value & 0xFFFFFFFF))  # ::ffff:a.b.c.d is IPv4
    return any(family == net_family and value & mask == network
               for family, value in candidates for net_family, network, mask in networks)


def _flatten(bundle, out):
    for element in bundle.elements:
        if element.__class__ is Message:
            out.append(element)
        else:
            _flatten(element, out)


_CONTROL = dict((code, "\\x%02x" % code) for code in list(range(32)) + list(range(127, 160)))
_CONTROL.update({0x2028: "\\u2028", 0x2029: "\\u2029"})


def printable(value):
    """Text for the log with control characters escaped, so a sender cannot forge log lines."""
    return str(value).translate(_CONTROL)


def _too_large(data, limit):
    """The text of a ReplyTooLarge: what was too big, the limit, and what to do instead."""
    address = _peek_address(data) or "the reply"
    where = ("the limit is %d bytes (max_datagram)" % limit) if limit is not None \
        else "the system refused a datagram that large"
    return ("Reply to %s is %d bytes, too large for one UDP datagram (%s). Ask for a smaller range "
            "of items, or connect over TCP (set tcp_port) where replies have no size limit."
            % (address, len(data), where))


def _peek_address(data):
    """The address at the start of a packet, if it can be read; else None."""
    if not data.startswith(b"/"):
        return None
    end = data.find(b"\x00")
    try:
        return data[:end if end >= 0 else 256].decode("utf-8")[:256]
    except UnicodeDecodeError:
        return None
