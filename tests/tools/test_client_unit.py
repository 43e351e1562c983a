"""The client against a small stand-in script (no Live, no livesim)."""
import asyncio
import threading

import pytest

from abletonosc_client import AbletonOSCClient, AsyncAbletonOSCClient, OSCError, OSCTimeout
from abletonosc_client.addresses import listen_addresses
from abletonosc_client.routing import Collector, Pending, Router
from tests.tools.fake_server import FakeScript
from tests.tools.waiting import Recorder, wait_until


@pytest.fixture
def pair():
    client = AbletonOSCClient("127.0.0.1", 0, reply_port=0)
    server = FakeScript(reply_port=client.reply_port)
    client.port = server.port
    yield client, server
    client.close()
    server.close()


def test_listen_addresses_from_any_form():
    expected = ("/live/song/get/tempo", "/live/song/start_listen/tempo", "/live/song/stop_listen/tempo")
    assert listen_addresses("/live/song/get/tempo") == expected
    assert listen_addresses("/live/song/start_listen/tempo") == expected
    assert listen_addresses("/live/device/get/parameter/value")[1] == "/live/device/start_listen/parameter/value"
    with pytest.raises(ValueError):
        listen_addresses("/live/song/start_playing")


def test_router_matches_replies_by_echoed_arguments():
    router = Router()
    first, second = Pending("/live/track/get/name", (1,)), Pending("/live/track/get/name", (2,))
    router.add_pending(first)
    router.add_pending(second)
    router.route("/live/track/get/name", (2, "b"))
    router.route("/live/track/get/name", (1, "a"))
    assert first.values == (1, "a") and second.values == (2, "b")


def test_router_collector_takes_every_matching_reply_until_discarded():
    router = Router()
    collector, exact = Collector("/live/track/get/*", (1,)), Pending("/live/track/get/name", (1,))
    router.add_pending(collector)
    router.add_pending(exact)
    router.route("/live/track/get/mute", (1, False))
    router.route("/live/track/get/name", (1, "a"))  # the exact request first
    router.route("/live/track/get/name", (1, "a"))
    router.route("/live/error", ("bad", "/live/track/get/color"))
    router.discard_pending(collector)
    assert exact.values == (1, "a")
    assert collector.replies == [("/live/track/get/mute", (1, False)), ("/live/track/get/name", (1, "a"))]
    assert collector.errors == [("bad", "/live/track/get/color")]


def test_router_forgets_listeners_of_deleted_objects_but_keeps_wildcards():
    router = Router()
    for args in ((2,), (3,), ("*",)):
        router.add_listener("/live/track/get/name", "/live/track/start_listen/name",
                            "/live/track/stop_listen/name", args, print)
    router.route("/live/api/listener_dropped", ("/live/track/start_listen/name", 3.0))
    assert [args for _start, args in router.resubscriptions()] == [(2,), ("*",)]


def test_router_error_answers_the_oldest_request_on_its_address():
    router = Router()
    tempo, name = Pending("/live/song/get/tempo", ()), Pending("/live/track/get/name", (9,))
    router.add_pending(tempo)
    router.add_pending(name)
    router.route("/live/error", ("Index out of range", "/live/track/get/name"))
    assert name.error == ("Index out of range", "/live/track/get/name") and not tempo.done


def test_query_returns_the_full_reply(pair):
    client, _server = pair
    assert client.query("/live/song/get/tempo") == (120.0,)
    assert client.query("/live/track/get/name", 2) == (2, "3-Audio")
    assert client.query_value("/live/track/get/name", 2) == "3-Audio"
    assert client.query_value("/live/song/get/tempo") == 120.0


def test_concurrent_queries_from_threads_do_not_cross():
    client = AbletonOSCClient("127.0.0.1", 0, reply_port=0)
    # Replies come back in reverse order, four at a time.
    server = FakeScript(reply_port=client.reply_port, hold=4)
    client.port = server.port
    results = {}

    def ask(index):
        results[index] = client.query("/live/track/get/name", index, timeout=5)

    try:
        threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == {i: (i, server.names[i]) for i in range(4)}
    finally:
        client.close()
        server.close()


def test_error_answering_a_query_raises_oscerror(pair):
    client, _server = pair
    with pytest.raises(OSCError) as caught:
        client.query("/live/track/get/name", 99)
    assert caught.value.text == "Error handling OSC message: Index out of range"
    assert caught.value.address == "/live/track/get/name"
    with pytest.raises(OSCError, match="Unknown OSC address: /live/nope"):
        client.query("/live/nope")


def test_timeout_says_the_server_is_reachable(pair):
    client, _server = pair
    with pytest.raises(OSCTimeout) as caught:
        client.query("/live/song/set/silent_noop", timeout=0.2)
    assert caught.value.reachable
    assert "reachable (it answered /live/test)" in str(caught.value)


def test_timeout_says_the_server_is_not_reachable(pair):
    client, server = pair
    server.silent = True
    with pytest.raises(OSCTimeout) as caught:
        client.query("/live/song/get/tempo", timeout=0.2)
    assert not caught.value.reachable
    assert "not reachable" in str(caught.value)


def test_listen_unlisten_and_status_handlers(pair):
    client, server = pair
    tempo, names, errors = Recorder(), Recorder(), Recorder()
    client.on("/live/error", errors)
    assert client.listen("/live/song/get/tempo", tempo) == (120.0,)
    assert client.listen("/live/track/start_listen/name", names, 1) == (1, "2-MIDI")
    tempo.wait_for((120.0,))
    client.send("/live/song/set/tempo", 130.0)
    tempo.wait_for((130.0,))
    client.unlisten("/live/song/get/tempo")
    client.send("/live/nope")  # an error nobody waits for goes to on() handlers
    errors.wait_for(("Unknown OSC address: /live/nope", "/live/nope"))
    assert client.query("/live/song/get/tempo") == (130.0,)
    server.set_tempo(140.0)
    assert client.query("/live/song/get/tempo") == (140.0,)
    assert (140.0,) not in tempo.calls
    with pytest.raises(OSCError):
        client.listen("/live/track/get/name", names, 42)
    assert ("/live/track/get/name", (42,)) not in client.router.listeners


def test_listeners_are_restored_after_startup(pair):
    client, server = pair
    tempo = Recorder()
    client.listen("/live/song/get/tempo", tempo)
    client.send("/live/api/reload")
    wait_until(lambda: server.received.count(("/live/song/start_listen/tempo", ())) == 2)
    server.set_tempo(99.0)
    tempo.wait_for((99.0,))


def test_wait_for_a_status_message(pair):
    client, server = pair
    assert client.wait_for("/live/startup", trigger=lambda: client.send("/live/api/reload")) == ()
    with pytest.raises(OSCTimeout, match="no /live/startup within"):
        client.wait_for("/live/startup", timeout=0.1)


def test_reply_to_source_mode_with_two_clients():
    server = FakeScript(reply_to_source=True)
    one = AbletonOSCClient("127.0.0.1", server.port, reply_port=0)
    two = AbletonOSCClient("127.0.0.1", server.port, reply_port=0)
    try:
        seen_one, seen_two = Recorder(), Recorder()
        one.listen("/live/song/get/tempo", seen_one)
        two.listen("/live/song/get/tempo", seen_two)
        assert one.query("/live/track/get/name", 0) == (0, "1-MIDI")
        assert two.query("/live/track/get/name", 3) == (3, "4-Audio")
        one.send("/live/song/set/tempo", 100.0)
        seen_one.wait_for((100.0,))
        seen_two.wait_for((100.0,))
    finally:
        one.close()
        two.close()
        server.close()


def test_callbacks_may_query():
    client = AbletonOSCClient("127.0.0.1", 0, reply_port=0)
    server = FakeScript(reply_port=client.reply_port)
    client.port = server.port
    answers = []
    try:
        client.listen("/live/song/get/tempo", lambda tempo: answers.append(client.query("/live/track/get/name", 0)))
        wait_until(lambda: answers == [(0, "1-MIDI")])
    finally:
        client.close()
        server.close()


def test_async_client():
    async def scenario(server):
        async with AsyncAbletonOSCClient("127.0.0.1", server.port, reply_port=0) as client:
            server.reply_port = client.reply_port
            seen, stray = [], []
            client.monitor(lambda address, values: seen.append(address))
            client.on_unhandled(lambda address, values: stray.append((address, values)))
            assert await client.query("/live/song/get/tempo") == (120.0,)
            assert seen == ["/live/song/get/tempo"]
            answers = await asyncio.gather(*[client.query("/live/track/get/name", i) for i in range(4)])
            assert answers == [(i, server.names[i]) for i in range(4)]
            assert await client.query_value("/live/track/get/name", 1) == "2-MIDI"
            with pytest.raises(OSCError, match="Index out of range"):
                await client.query("/live/track/get/name", 7)
            updates = asyncio.Queue()
            assert await client.listen("/live/song/get/tempo", updates.put_nowait) == (120.0,)
            assert await asyncio.wait_for(updates.get(), 5) == 120.0
            client.send("/live/song/set/tempo", 128.0)
            assert await asyncio.wait_for(updates.get(), 5) == 128.0
            await client.unlisten("/live/song/get/tempo")
            client.send("/live/nope")
            assert await client.query("/live/test") == ("ok",)
            assert stray == [("/live/error", ("Unknown OSC address: /live/nope", "/live/nope"))]
            assert await client.wait_for("/live/startup", trigger=lambda: client.send("/live/api/reload")) == ()
            server.silent = True
            with pytest.raises(OSCTimeout) as caught:
                await client.query("/live/song/get/tempo", timeout=0.2)
            assert not caught.value.reachable

    server = FakeScript(hold=0)
    try:
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(scenario(server))
        finally:
            loop.close()
    finally:
        server.close()


def test_a_reply_port_another_program_has_is_a_clear_error():
    import os
    import socket
    import sys

    from abletonosc_client import ReplyPortInUse

    holder = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    holder.bind(("0.0.0.0", 0))
    try:
        port = holder.getsockname()[1]
        with pytest.raises(ReplyPortInUse) as caught:
            AbletonOSCClient("127.0.0.1", 11000, reply_port=port)
        text = str(caught.value)
        assert "UDP port %d" % port in text and "reply_to_source" in text and "reply_port=0" in text
        assert isinstance(caught.value, OSError)
        if sys.platform.startswith("linux"):
            assert "pid %d" % os.getpid() in text
    finally:
        holder.close()


def test_close_ends_the_clients_listeners_in_the_script():
    with FakeScript(reply_to_source=True) as server:
        client = AbletonOSCClient("127.0.0.1", server.port, reply_port=0)
        client.close()
        wait_until(lambda: [m for m in server.received if m[0] == "/live/api/stop_listen_all"])
