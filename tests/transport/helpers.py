"""Sockets, a server on ephemeral ports, and bounded waits for the transport tests."""
import select
import socket
import time

from AbletonOSC.osc import SlipDecoder, decode_packet, encode_message, slip_encode
from AbletonOSC.osc_server import Dispatcher, OSCServer

WAIT = 5.0  # upper bound for anything to arrive on 127.0.0.1; normally it takes microseconds


def udp_socket():
    """A UDP socket bound to an ephemeral port on 127.0.0.1."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    return sock


def echo_dispatcher():
    """/echo replies with its args; /fail raises; /big replies with n strings of 100 bytes."""
    dispatcher = Dispatcher()
    dispatcher.add("/echo", lambda args, client: args)
    dispatcher.add("/silent", lambda args, client: None)

    def fail(args, client):
        raise IndexError("Index out of range")

    def big(args, client):
        return ["x" * 100] * args[0]

    dispatcher.add("/fail", fail)
    dispatcher.add("/big", big)
    return dispatcher


def make_server(dispatcher=None, **options):
    """A started server on 127.0.0.1 with an ephemeral UDP port.

    Without a reply_port, replies go to a socket bound here for the server's life (``server.replies``).
    """
    replies = None
    if "reply_port" not in options:
        replies = udp_socket()
        options["reply_port"] = replies.getsockname()[1]
    server = OSCServer(dispatcher or echo_dispatcher(), host="127.0.0.1", port=0, **options)
    server.start()
    if replies is not None:
        close = server.close

        def close_both():
            close()
            replies.close()

        server.close = close_both
    return server


def serve(server, count, budget=None):
    """Poll until count packets were handled (waiting for them to arrive, bounded)."""
    handled = 0
    deadline = time.monotonic() + WAIT
    while handled < count:
        assert time.monotonic() < deadline, "only %d of %d packets arrived" % (handled, count)
        sockets = [server._udp] + ([server._listener] if server._listener else []) + \
            [c.sock for c in server._connections]
        if not any(c.pending for c in server._connections):
            select.select(sockets, [], [], 0.05)
        handled += server.poll(budget)
    return handled


def receive(sock, count=1):
    """The next count OSC messages on a UDP socket, as (address, args)."""
    out = []
    deadline = time.monotonic() + WAIT
    while len(out) < count:
        remaining = deadline - time.monotonic()
        assert remaining > 0, "received only %r" % (out,)
        if select.select([sock], [], [], remaining)[0]:
            message = decode_packet(sock.recv(65536))
            out.append((message.address, message.args))
    return out


def nothing_waiting(sock):
    """True when nothing is waiting on the socket right now."""
    return not select.select([sock], [], [], 0)[0]


def send(sock, server, address, args=()):
    """Send one OSC message from sock to the server's UDP port."""
    sock.sendto(encode_message(address, args), ("127.0.0.1", server.port))


class TcpPeer(object):
    """A TCP client speaking SLIP-framed OSC."""

    def __init__(self, server):
        """Connect to the server's TCP port."""
        self.sock = socket.create_connection(("127.0.0.1", server.tcp_port), timeout=WAIT)
        self.decoder = SlipDecoder()
        self.inbox = []

    def send(self, address, args=()):
        """Send one SLIP-framed OSC message."""
        self.sock.sendall(slip_encode(encode_message(address, args)))

    def receive(self, server, count=1):
        """Poll the server until count messages came back on this connection."""
        deadline = time.monotonic() + WAIT
        while len(self.inbox) < count:
            assert time.monotonic() < deadline, "received only %r" % (self.inbox,)
            server.poll()
            if select.select([self.sock], [], [], 0.02)[0]:
                data = self.sock.recv(1 << 20)
                assert data, "the server closed the connection"
                self.inbox += [decode_packet(p) for p in self.decoder.feed(data)]
        out, self.inbox = self.inbox[:count], self.inbox[count:]
        return [(m.address, m.args) for m in out]

    def close(self):
        """Close the connection."""
        self.sock.close()
