"""The optional TCP transport: SLIP framing, several clients, buffering, disconnects."""
import select
import socket

import pytest

from AbletonOSC.osc import encode_bundle, encode_message, slip_encode, IMMEDIATELY
from AbletonOSC.osc_server import MAX_TCP_BACKLOG

from .helpers import TcpPeer, make_server, nothing_waiting, receive, send, serve, udp_socket, WAIT


@pytest.fixture
def replies():
    sock = udp_socket()
    yield sock
    sock.close()


@pytest.fixture
def server(replies):
    server = make_server(reply_port=replies.getsockname()[1], tcp_port=0, max_datagram=1000)
    yield server
    server.close()


def accept(server, count):
    for _ in range(200):
        server.poll()
        if len(server._connections) >= count:
            return
        select.select([server._listener], [], [], 0.02)
    raise AssertionError("the server accepted %d of %d connections" % (len(server._connections), count))


def test_several_clients_each_get_their_own_replies(server):
    peers = [TcpPeer(server) for _ in range(3)]
    accept(server, 3)
    for i, peer in enumerate(peers):
        peer.send("/echo", [i, "peer %d" % i])
    for i, peer in enumerate(peers):
        assert peer.receive(server) == [("/echo", (i, "peer %d" % i))]
    assert len([key for key in server.clients if key[0] == "tcp"]) == 3
    for peer in peers:
        peer.close()


def test_frames_split_across_reads_and_polls(server):
    peer = TcpPeer(server)
    accept(server, 1)
    stream = slip_encode(encode_message("/echo", ["split \xc0\xdb", b"\xc0\xdb\xdc"])) + \
        slip_encode(encode_message("/echo", [2]))
    for at in range(0, len(stream), 7):
        peer.sock.sendall(stream[at:at + 7])
        server.poll()
    assert peer.receive(server, 2) == [("/echo", ("split \xc0\xdb", b"\xc0\xdb\xdc")), ("/echo", (2,))]
    peer.close()


def test_tcp_has_no_datagram_limit(server, replies):
    peer = TcpPeer(server)
    accept(server, 1)
    peer.send("/big", [2000])  # 200 KB reply: fine over TCP, too large for this server's UDP
    ((address, args),) = peer.receive(server)
    assert address == "/big" and len(args) == 2000
    sender = udp_socket()
    send(sender, server, "/big", [2000])
    serve(server, 1)
    ((error, (text, _)),) = receive(replies)
    assert error == "/live/error" and "too large" in text
    sender.close()
    peer.close()


def test_errors_bundles_and_malformed_packets_over_tcp(server):
    peer = TcpPeer(server)
    accept(server, 1)
    peer.sock.sendall(slip_encode(b"not osc"))
    peer.sock.sendall(slip_encode(encode_bundle(IMMEDIATELY, [encode_message("/fail"),
                                                              encode_message("/echo", [1])])))
    peer.send("/nope")
    assert peer.receive(server, 4) == [
        ("/live/error", ("Error parsing OSC message: address must start with '/' at byte offset 0",)),
        ("/live/error", ("Error handling OSC message: Index out of range", "/fail")),
        ("/echo", (1,)),
        ("/live/error", ("Unknown OSC address: /nope", "/nope")),
    ]
    peer.close()


def test_disconnect_is_cleaned_up(server):
    closed = []
    server.dispatcher.client_closed = closed.append
    peer = TcpPeer(server)
    accept(server, 1)
    peer.send("/echo", [1])
    peer.receive(server)
    client = server._connections[0].client
    peer.close()
    for _ in range(200):
        server.poll()
        if not server._connections:
            break
        select.select([client._conn.sock], [], [], 0.02)
    assert not server._connections and client.key not in server.clients
    assert client.closed and closed == [client]
    client.send("/after", [1])  # sending to a gone client is a no-op


def test_tcp_and_udp_share_the_budget_without_losing_packets(server, replies):
    peer = TcpPeer(server)
    accept(server, 1)
    sender = udp_socket()
    for i in range(20):
        peer.send("/echo", [i])
        send(sender, server, "/echo", [100 + i])
    handled = 0
    while handled < 40:
        handled += serve(server, 1, budget=0)
    assert [a[0] for _, a in peer.receive(server, 20)] == list(range(20))
    assert [a[0] for _, a in receive(replies, 20)] == list(range(100, 120))
    sender.close()
    peer.close()


class _SlowSocket(object):
    """A stand-in connected socket that takes at most a few bytes per send."""

    def __init__(self, per_send):
        self.per_send = per_send
        self.sent = bytearray()
        self.blocked = False

    def send(self, data):
        if self.blocked:
            raise BlockingIOError(11, "would block")
        chunk = bytes(data[:self.per_send])
        self.sent += chunk
        return len(chunk)

    def close(self):
        pass


def test_partial_writes_are_buffered_then_flushed(server):
    from AbletonOSC.osc import SlipDecoder, decode_packet
    from AbletonOSC.osc_server import _Connection

    sock = _SlowSocket(per_send=5)
    sock.blocked = True
    conn = _Connection(server, sock, ("127.0.0.1", 1))
    conn.client.send("/a", ["x" * 50])
    assert len(conn.backlog) > 50 and not sock.sent
    sock.blocked = False
    conn.flush()
    assert not conn.backlog
    assert [decode_packet(p).args for p in SlipDecoder().feed(bytes(sock.sent))] == [("x" * 50,)]


def test_a_client_that_never_reads_is_dropped(server):
    from AbletonOSC.osc_server import _Connection

    sock = _SlowSocket(per_send=0)
    sock.blocked = True
    conn = _Connection(server, sock, ("127.0.0.1", 2))
    server._connections.append(conn)
    server.clients[conn.client.key] = conn.client
    chunk = ["y" * 60000] * 20
    while conn.open:
        conn.client.send("/flood", chunk)
        assert len(conn.backlog) <= MAX_TCP_BACKLOG + 2 * 1300000
    assert conn.client.key not in server.clients and conn not in server._connections


def test_tcp_bind_failure_names_the_port(replies):
    taken = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    with pytest.raises(OSError) as info:
        make_server(reply_port=replies.getsockname()[1], tcp_port=port)
    assert "TCP port %d" % port in str(info.value)
    taken.close()


def test_wait_bound_is_generous():
    assert WAIT >= 1


def test_one_listener_update_reaches_udp_and_tcp_clients_alike():
    # UDP clients at one address are sent an update with one byte-rate spend and a sendto each; with a
    # TCP client among them each send goes its own way. Every client gets the same bytes either way.
    from AbletonOSC.osc_server import Dispatcher

    seen = []
    dispatcher = Dispatcher()
    dispatcher.add("/hello", lambda args, client: seen.append(client))
    server = make_server(dispatcher, reply_to_source=True, tcp_port=0, reply_bytes_per_second=1 << 20)
    udp = [udp_socket() for _ in range(2)]
    peer = TcpPeer(server)
    try:
        for sock in udp:
            send(sock, server, "/hello")
        peer.send("/hello")
        serve(server, 3)
        by_port = dict((client.port, client) for client in seen)
        udp_clients = [by_port[sock.getsockname()[1]] for sock in udp]
        tcp_client = next(client for client in seen if client not in udp_clients)
        update = encode_message("/live/track/get/output_meter_level", (0, 0.5))

        route = server.route(udp_clients)
        assert route == ("127.0.0.1", tuple(("127.0.0.1", sock.getsockname()[1]) for sock in udp))
        server.send_each(update, udp_clients, route)
        assert [receive(sock) for sock in udp] == [[("/live/track/get/output_meter_level", (0, 0.5))]] * 2

        mixed = udp_clients + [tcp_client]
        assert server.route(mixed) is None
        server.send_each(update, mixed, server.route(mixed))
        assert [receive(sock) for sock in udp] == [[("/live/track/get/output_meter_level", (0, 0.5))]] * 2
        assert peer.receive(server) == [("/live/track/get/output_meter_level", (0, 0.5))]
    finally:
        peer.close()
        for sock in udp:
            sock.close()
        server.close()
