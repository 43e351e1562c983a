"""The client against the real script running in livesim."""
import asyncio
import threading

import pytest

from abletonosc_client import AbletonOSCClient, AsyncAbletonOSCClient, OSCError, OSCTimeout
from tests.tooling import silent_udp_port
from tests.tools.waiting import Recorder, wait_until

NAMES = ("1-MIDI", "2-MIDI", "3-Audio", "4-Audio")


def registry_gets(pattern):
    """The get addresses the registry declares under a pattern, in its order."""
    from AbletonOSC.handlers import build_registry

    return [d["address"] for d in build_registry().describe(pattern) if d["kind"] == "get"]


@pytest.fixture
def live_and_sim(livesim_factory):
    """A client that owns the reply port (bound to port 0 first) and the livesim replying there."""
    client = AbletonOSCClient("127.0.0.1", 0, reply_port=0)
    try:
        sim = livesim_factory(reply_port=client.reply_port)
        client.port = sim.port
        yield client, sim
    finally:
        client.close()


@pytest.fixture
def sim(live_and_sim):
    return live_and_sim[1]


@pytest.fixture
def live(live_and_sim):
    return live_and_sim[0]


def test_query_and_query_value(live):
    assert live.query("/live/test") == ("ok",)
    assert live.query("/live/song/get/tempo") == (120.0,)
    assert live.query("/live/track/get/name", 2) == (2, "3-Audio")
    assert live.query_value("/live/track/get/name", 2) == "3-Audio"
    assert live.query_value("/live/song/get/tempo") == 120.0


def test_query_all_gathers_every_reply(live):
    assert live.query_all("/live/track/get/name", "*") == [("/live/track/get/name", (i, NAMES[i])) for i in range(4)]
    assert live.query_all("/live/track/get/{mute,name}", 1) == [
        ("/live/track/get/mute", (1, False)), ("/live/track/get/name", (1, "2-MIDI"))]
    song = dict(live.query_all("/live/song/get/*"))
    assert song["/live/song/get/tempo"] == (120.0,) and len(song) > 20
    # The pattern also matches the barrier's address: its own reply is still collected.
    application = [a for a, _ in live.query_all("/live/application/get/*")]
    assert "/live/application/get/version" in application
    assert application == [a for a in registry_gets("/live/application/get/*") if a in application]
    assert len(application) == len(set(application)) > 2
    with pytest.raises(OSCError, match="Index out of range"):
        live.query_all("/live/track/get/name", 9)
    assert live.query("/live/test") == ("ok",)


def test_send_bundle(live):
    live.send_bundle([("/live/song/set/tempo", (101.0,)), ("/live/track/set/name", (0, "Drums"))])
    assert live.query("/live/song/get/tempo") == (101.0,)
    assert live.query("/live/track/get/name", 0) == (0, "Drums")


def test_concurrent_queries_from_threads(live):
    failures = []

    def worker(offset):
        try:
            for round_ in range(10):
                index = (offset + round_) % 4
                assert live.query("/live/track/get/name", index, timeout=5) == (index, NAMES[index])
                assert live.query("/live/track/get/mute", index, timeout=5) == (index, False)
        except Exception as error:  # collected: an assertion in a thread would be lost
            failures.append(error)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_error_raises_oscerror_with_the_servers_text(live):
    with pytest.raises(OSCError) as caught:
        live.query("/live/track/get/name", 99)
    assert "Index out of range" in caught.value.text
    assert caught.value.address == "/live/track/get/name"
    with pytest.raises(OSCError, match="Unknown OSC address: /live/no/such/thing"):
        live.query("/live/no/such/thing")


def test_timeout_when_the_server_is_reachable(live):
    # A set answers nothing: the script is there, the address just sends no reply.
    with pytest.raises(OSCTimeout) as caught:
        live.query("/live/song/set/tempo", 120.0, timeout=1.0)
    assert caught.value.reachable and "reachable" in str(caught.value)


def test_timeout_when_nothing_listens():
    with AbletonOSCClient("127.0.0.1", silent_udp_port(), reply_port=0) as client:
        with pytest.raises(OSCTimeout) as caught:
            client.query("/live/song/get/tempo", timeout=0.2)
    assert not caught.value.reachable and "not reachable" in str(caught.value)


def test_listen_and_unlisten(live):
    tempo, names = Recorder(), Recorder()
    assert live.listen("/live/song/start_listen/tempo", tempo) == (120.0,)
    assert live.listen("/live/track/get/name", names, 1) == (1, "2-MIDI")
    live.send("/live/song/set/tempo", 128.0)
    tempo.wait_for((128.0,))
    live.send("/live/track/set/name", 1, "Bass")
    names.wait_for((1, "Bass"))
    live.unlisten("/live/song/get/tempo")
    live.send("/live/song/set/tempo", 90.0)
    assert live.query("/live/song/get/tempo") == (90.0,)
    live.wait_callbacks()
    assert (90.0,) not in tempo.calls
    with pytest.raises(OSCError):
        live.listen("/live/track/get/name", names, 42)


def test_beat_listener_has_no_first_value(sim, live):
    beats = Recorder()
    assert live.listen("/live/song/start_listen/beat", beats) is None
    live.send("/live/song/start_playing")
    assert live.query("/live/song/get/is_playing") == (True,)
    sim.advance(2.2)
    wait_until(lambda: len(beats.calls) >= 2)
    assert all(len(call) == 1 and isinstance(call[0], int) for call in beats.calls)


def test_a_dropped_listener_is_forgotten(live):
    names, dropped = Recorder(), Recorder()
    live.on("/live/api/listener_dropped", dropped)
    live.listen("/live/track/get/name", names, 3)
    live.send("/live/song/delete_track", 3)
    wait_until(lambda: dropped.calls)
    assert dropped.calls[0] == ("/live/track/start_listen/name", 3)
    assert live.router.resubscriptions() == []


def test_status_handlers(live):
    errors = Recorder()
    live.on("/live/error", errors)
    live.send("/live/track/get/name", 99)
    wait_until(lambda: errors.calls)
    assert errors.calls[0][1] == "/live/track/get/name"


def test_listeners_restored_after_api_reload(live):
    tempo, startups = Recorder(), Recorder()
    live.on("/live/startup", startups)
    live.listen("/live/song/get/tempo", tempo)
    live.send("/live/api/reload")
    wait_until(lambda: startups.calls)
    wait_until(lambda: tempo.calls.count((120.0,)) >= 2)  # the re-subscription sends the value again
    live.send("/live/song/set/tempo", 111.0)
    tempo.wait_for((111.0,))


def test_listeners_restored_after_the_script_reloads(sim, live):
    tempo, startups = Recorder(), Recorder()
    live.on("/live/startup", startups)
    live.listen("/live/song/get/tempo", tempo)
    assert live.wait_for("/live/startup", timeout=5, trigger=sim.reload_script) == ()
    wait_until(lambda: startups.calls)
    wait_until(lambda: tempo.calls.count((120.0,)) >= 2)
    live.send("/live/song/set/tempo", 112.0)
    tempo.wait_for((112.0,))


def test_reply_to_source_port_with_two_clients(livesim_factory):
    sim = livesim_factory(env={"ABLETONOSC_REPLY_TO_SOURCE": "true"})
    with AbletonOSCClient("127.0.0.1", sim.port, reply_port=0) as one, \
            AbletonOSCClient("127.0.0.1", sim.port, reply_port=0) as two:
        assert one.reply_port != two.reply_port
        seen_one, seen_two = Recorder(), Recorder()
        one.listen("/live/song/get/tempo", seen_one)
        two.listen("/live/song/get/tempo", seen_two)
        assert one.query("/live/track/get/name", 0) == (0, "1-MIDI")
        assert two.query("/live/track/get/name", 3) == (3, "4-Audio")
        two.send("/live/song/set/tempo", 100.0)
        seen_one.wait_for((100.0,))
        seen_two.wait_for((100.0,))
        one.unlisten("/live/song/get/tempo")
        two.send("/live/song/set/tempo", 101.0)
        seen_two.wait_for((101.0,))
        assert one.query("/live/song/get/tempo") == (101.0,)
        one.wait_callbacks()
        assert (101.0,) not in seen_one.calls


def test_async_client(livesim_factory):
    sim = livesim_factory(env={"ABLETONOSC_REPLY_TO_SOURCE": "true"})

    async def scenario():
        async with AsyncAbletonOSCClient("127.0.0.1", sim.port, 0) as client:
            assert await client.query("/live/song/get/tempo") == (120.0,)
            client.send_bundle([("/live/track/set/name", (1, "Keys"))])
            assert await client.query_value("/live/track/get/name", 1) == "Keys"
            answers = await asyncio.gather(*[client.query("/live/track/get/name", i) for i in range(4)])
            names = ("1-MIDI", "Keys") + NAMES[2:]
            assert answers == [(i, names[i]) for i in range(4)]
            with pytest.raises(OSCError, match="Index out of range"):
                await client.query("/live/track/get/name", 9)
            replies = await client.query_all("/live/track/get/name", "*")
            assert [values for _address, values in replies] == [(i, names[i]) for i in range(4)]
            updates = asyncio.Queue()
            assert await client.listen("/live/song/get/tempo", updates.put_nowait) == (120.0,)
            assert await asyncio.wait_for(updates.get(), 5) == 120.0
            client.send("/live/song/set/tempo", 125.0)
            assert await asyncio.wait_for(updates.get(), 5) == 125.0
            await client.unlisten("/live/song/get/tempo")
            with pytest.raises(OSCTimeout) as caught:
                await client.query("/live/song/set/tempo", 125.0, timeout=1.0)
            assert caught.value.reachable

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(scenario())
    finally:
        loop.close()
