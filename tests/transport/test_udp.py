"""The UDP transport over real sockets on 127.0.0.1."""
import errno
import logging
import socket

import pytest

from AbletonOSC.osc import encode_bundle, encode_message, IMMEDIATELY
from AbletonOSC.osc_server import Client, Dispatcher, OSCServer, ReplyTooLarge

from .helpers import (echo_dispatcher, make_server, nothing_waiting, receive, send,
                      serve, udp_socket)


@pytest.fixture
def replies():
    sock = udp_socket()
    yield sock
    sock.close()


@pytest.fixture
def sender():
    sock = udp_socket()
    yield sock
    sock.close()


@pytest.fixture
def server(replies):
    server = make_server(reply_port=replies.getsockname()[1])
    yield server
    server.close()


def test_replies_go_to_the_reply_port(server, sender, replies):
    send(sender, server, "/echo", [1, 2.5, "x", True, None])
    serve(server, 1)
    assert receive(replies) == [("/echo", (1, 2.5, "x", True, None))]
    assert nothing_waiting(sender)


def test_replies_go_to_the_source_port_when_asked(sender, replies):
    server = make_server(reply_port=replies.getsockname()[1], reply_to_source=True)
    try:
        other = udp_socket()
        send(sender, server, "/echo", ["a"])
        send(other, server, "/echo", ["b"])
        serve(server, 2)
        assert receive(sender) == [("/echo", ("a",))]
        assert receive(other) == [("/echo", ("b",))]
        assert nothing_waiting(replies)
        assert len(server.clients) == 2
        other.close()
    finally:
        server.close()


def test_the_same_sender_is_the_same_client_object(sender, replies):
    seen = []
    dispatcher = Dispatcher()
    dispatcher.add("/who", lambda args, client: seen.append(client))
    server = make_server(dispatcher, reply_port=replies.getsockname()[1], reply_to_source=True)
    try:
        for _ in range(3):
            send(sender, server, "/who")
        serve(server, 3)
        assert seen[0] is seen[1] is seen[2]
        assert {seen[0]: "subscribed"}[seen[2]] == "subscribed"
        assert server.clients[seen[0].key] is seen[0]
        assert (seen[0].host, seen[0].port) == sender.getsockname()
    finally:
        server.close()


def test_default_client_and_broadcast(server, sender, replies):
    assert server.default_client.key == ("udp", "127.0.0.1", server.reply_port)
    server.broadcast("/live/startup")
    assert receive(replies) == [("/live/startup", ())]
    send(sender, server, "/silent")
    serve(server, 1)
    # 127.0.0.1 with replies to reply_port is the default client itself.
    assert list(server.clients.values()) == [server.default_client]
    server.broadcast("/live/song/get/beat", [4])
    assert receive(replies) == [("/live/song/get/beat", (4,))]


def test_broadcast_reaches_every_known_client(replies):
    server = make_server(reply_port=replies.getsockname()[1], reply_to_source=True)
    try:
        a, b = udp_socket(), udp_socket()
        send(a, server, "/silent")
        send(b, server, "/silent")
        serve(server, 2)
        server.broadcast("/tick", [1])
        assert receive(a) == receive(b) == [("/tick", (1,))]
        assert nothing_waiting(replies)
        a.close()
        b.close()
    finally:
        server.close()


def test_unknown_address(server, sender, replies):
    send(sender, server, "/nope", [1])
    serve(server, 1)
    assert receive(replies) == [("/live/error", ("Unknown OSC address: /nope", "/nope"))]


def test_handler_exception_is_an_error_to_that_sender_only(sender, replies):
    server = make_server(reply_port=replies.getsockname()[1], reply_to_source=True)
    try:
        bystander = udp_socket()
        send(bystander, server, "/echo", [1])
        send(sender, server, "/fail")
        serve(server, 2)
        assert receive(bystander) == [("/echo", (1,))]
        assert receive(sender) == [("/live/error", ("Error handling OSC message: Index out of range", "/fail"))]
        assert nothing_waiting(bystander)
        bystander.close()
    finally:
        server.close()


def test_malformed_datagram_gets_an_error_and_the_next_is_answered(server, sender, replies):
    sender.sendto(b"/broken\x00,i\x00\x00\x00\x01", ("127.0.0.1", server.port))
    sender.sendto(b"garbage", ("127.0.0.1", server.port))
    send(sender, server, "/echo", ["after"])
    assert server.poll(budget=1.0) == 3
    (a1, (text1, address1)), (a2, (text2,)), after = receive(replies, 3)
    assert a1 == a2 == "/live/error"
    assert text1.startswith("Error parsing OSC message: ") and "byte offset" in text1
    assert address1 == "/broken"
    assert text2 == "Error parsing OSC message: address must start with '/' at byte offset 0"
    assert after == ("/echo", ("after",))


def test_bundle_elements_each_in_their_own_scope(server, sender, replies):
    inner = encode_bundle(IMMEDIATELY, [encode_message("/fail"), encode_message("/echo", [3])])
    bundle = encode_bundle(12345.0, [encode_message("/echo", [1]), encode_message("/fail"),
                                     encode_message("/nope"), inner, encode_message("/echo", [4])])
    sender.sendto(bundle, ("127.0.0.1", server.port))
    serve(server, 1 + 6)  # the datagram, then its elements (in turns, maybe over several polls)
    assert receive(replies, 6) == [
        ("/echo", (1,)),
        ("/live/error", ("Error handling OSC message: Index out of range", "/fail")),
        ("/live/error", ("Unknown OSC address: /nope", "/nope")),
        ("/live/error", ("Error handling OSC message: Index out of range", "/fail")),
        ("/echo", (3,)),
        ("/echo", (4,)),
    ]


def test_pattern_dispatch_replies_on_each_concrete_address(sender, replies):
    dispatcher = Dispatcher()
    dispatcher.add("/live/song/get/tempo", lambda args, client: (120.0,))
    dispatcher.add("/live/song/get/name", lambda args, client: ("Set",))
    dispatcher.add("/live/song/get/clips/name", lambda args, client: ("deep",))
    dispatcher.add("/live/track/get/name", lambda args, client: ("T",))

    def broken(args, client):
        raise RuntimeError("not now")

    dispatcher.add("/live/song/get/broken", broken)
    server = make_server(dispatcher, reply_port=replies.getsockname()[1])
    try:
        send(sender, server, "/live/song/get/*")
        send(sender, server, "/live/{song,track}/get/name")
        send(sender, server, "/live/*/get/x")
        serve(server, 3)
        assert receive(replies, 6) == [
            ("/live/song/get/tempo", (120.0,)),
            ("/live/song/get/name", ("Set",)),
            ("/live/error", ("Error handling OSC message: not now", "/live/song/get/broken")),
            ("/live/song/get/name", ("Set",)),
            ("/live/track/get/name", ("T",)),
            ("/live/error", ("Unknown OSC address: /live/*/get/x", "/live/*/get/x")),
        ]
    finally:
        server.close()


def test_poll_budget_leaves_the_rest_for_later_polls(server, sender, replies):
    total = 200
    for i in range(total):
        send(sender, server, "/echo", [i])
    assert server.poll(budget=0) == 1  # a spent budget still serves one datagram
    assert server.poll(budget=0) == 1
    handled = 2
    while handled < total:
        handled += serve(server, 1, budget=0)
    assert handled == total
    assert [args[0] for _, args in receive(replies, total)] == list(range(total))
    assert server.poll(budget=0) == 0


def test_reply_too_large_becomes_an_error(sender, replies):
    server = make_server(reply_port=replies.getsockname()[1], max_datagram=1000)
    try:
        send(sender, server, "/big", [5])
        send(sender, server, "/big", [50])
        serve(server, 2)
        (address, args), ((error_address, (text, where))) = receive(replies, 2)
        assert address == "/big" and len(args) == 5
        assert error_address == "/live/error" and where == "/big"
        assert text.startswith("Error handling OSC message: Reply to /big is ")
        assert "1000 bytes" in text and "smaller range" in text and "TCP" in text
    finally:
        server.close()


def test_client_send_raises_reply_too_large(server):
    client = server.default_client
    with pytest.raises(ReplyTooLarge) as info:
        client.send("/x", ["y" * 70000])
    assert isinstance(info.value, ValueError)
    assert "70" in str(info.value) and "65507" in str(info.value)


def test_a_vanished_client_costs_nothing(replies):
    server = make_server(reply_port=replies.getsockname()[1], reply_to_source=True)
    try:
        gone = udp_socket()
        send(gone, server, "/echo", [1])
        gone.close()  # its port answers ICMP "port unreachable" now
        serve(server, 1)
        for _ in range(3):  # more replies to the dead port, and a later poll, are harmless
            server.default_client.send_packet(encode_message("/x"))
        alive = udp_socket()
        send(alive, server, "/echo", [2])
        serve(server, 1)
        assert receive(alive) == [("/echo", (2,))]
        alive.close()
    finally:
        server.close()


class _FlakySocket(object):
    """A stand-in UDP socket whose calls fail with a given errno first."""

    def __init__(self, real, code, fail_sends=1, fail_receives=1):
        self.real = real
        self.code = code
        self.fail_sends = fail_sends
        self.fail_receives = fail_receives

    def recvfrom(self, size):
        if self.fail_receives:
            self.fail_receives -= 1
            raise OSError(self.code, "simulated")
        return self.real.recvfrom(size)

    def sendto(self, data, target):
        if self.fail_sends:
            self.fail_sends -= 1
            raise OSError(self.code, "simulated")
        return self.real.sendto(data, target)

    def close(self):
        self.real.close()


@pytest.mark.parametrize("code", [errno.ECONNRESET, errno.ECONNREFUSED, errno.EAGAIN, 10054])
def test_reset_and_refused_are_swallowed(server, sender, replies, code):
    server._udp = _FlakySocket(server._udp, code)
    send(sender, server, "/echo", [1])
    send(sender, server, "/echo", [2])
    handled = 0
    for _ in range(50):
        handled += server.poll(budget=0.5)
        if handled == 2:
            break
    assert handled == 2
    # the first reply met the simulated error and was dropped; the second arrived
    assert receive(replies) == [("/echo", (2,))]


def test_other_send_errors_are_logged_not_raised(server, caplog):
    server._udp = _FlakySocket(server._udp, errno.EHOSTUNREACH, fail_receives=0)
    with caplog.at_level(logging.WARNING, logger="abletonosc"):
        server.default_client.send("/x")
    assert "failed" in caplog.text


def test_message_size_refused_by_the_system_is_reply_too_large(server):
    server._udp = _FlakySocket(server._udp, errno.EMSGSIZE, fail_receives=0)
    with pytest.raises(ReplyTooLarge) as info:
        server.default_client.send("/x", [1])
    assert "the system refused" in str(info.value)


def test_tracebacks_go_to_the_log_not_the_client(server, sender, replies, caplog):
    def crash(args, client):
        raise ZeroDivisionError("division by zero")

    server.dispatcher.add("/crash", crash)
    with caplog.at_level(logging.DEBUG, logger="abletonosc"):
        send(sender, server, "/crash")
        serve(server, 1)
    assert receive(replies) == [("/live/error", ("Error handling OSC message: division by zero", "/crash"))]
    assert "Traceback" in caplog.text and "ZeroDivisionError" in caplog.text


def test_send_error_without_address(server, replies):
    server.send_error(server.default_client, "plain")
    assert receive(replies) == [("/live/error", ("plain",))]


def test_bind_failure_names_the_port_and_reason(server):
    other = OSCServer(echo_dispatcher(), host="127.0.0.1", port=server.port)
    with pytest.raises(OSError) as info:
        other.start()
    assert str(server.port) in str(info.value) and "UDP" in str(info.value)
    assert info.value.errno == errno.EADDRINUSE
    other.close()


def test_close_twice_and_poll_after_close(server):
    server.close()
    server.close()
    assert server.poll() == 0


def test_from_settings():
    class Settings(object):
        host, port, reply_port, reply_to_source = "127.0.0.1", 0, 9, True
        tcp_port, poll_budget_ms, max_datagram = 0, 2, 1200

    server = OSCServer.from_settings(Dispatcher(), Settings())
    assert (server.poll_budget, server.max_datagram, server.tcp_port, server.reply_to_source) == \
        (0.002, 1200, None, True)


def test_client_equality_and_repr(server):
    a = Client(server, ("udp", "10.0.0.1", 9), "10.0.0.1", 9)
    b = Client(server, ("udp", "10.0.0.1", 9), "10.0.0.1", 9)
    assert a == b and hash(a) == hash(b) and a != server.default_client
    assert repr(a) == "Client(udp 10.0.0.1:9)"


def test_ipv6_loopback():
    if not socket.has_ipv6:
        pytest.skip("no IPv6 support")
    replies6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    try:
        replies6.bind(("::1", 0))
    except OSError:
        replies6.close()
        pytest.skip("no IPv6 loopback")
    server = OSCServer(echo_dispatcher(), host="::1", port=0, reply_port=replies6.getsockname()[1])
    server.start()
    sender6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    try:
        assert server.default_client.host == "::1"
        sender6.sendto(encode_message("/echo", [6]), ("::1", server.port))
        serve(server, 1)
        assert receive(replies6) == [("/echo", (6,))]
    finally:
        sender6.close()
        replies6.close()
        server.close()
