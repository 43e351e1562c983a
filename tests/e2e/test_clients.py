"""What real clients meet: plain types for Pure Data, button presses, listeners that end with their
client, and error texts a musician can act on."""
import socket

import pytest

from tests.e2e.harness import OSCClient, running_sim


@pytest.fixture
def pair():
    """Two clients of one fresh livesim, each with its own reply port (reply_to_source)."""
    with running_sim(clients=2, reply_to_source=True) as (sim, clients):
        yield sim, clients


# ---------------------------------------------------------------------- plain types

def test_plain_types_use_only_i_f_s_b(client):
    client.send("/live/api/set/plain_types", 1)
    try:
        assert client.query("/live/api/get/plain_types") == (1,)
        client.send("/live/track/get/mute", 0)
        mute = client.wait_msg("/live/track/get/mute")
        assert (mute.typetags, mute.args) == ("ii", (0, 0))
        client.send("/live/track/get/clips/name", 2)
        names = client.wait_msg("/live/track/get/clips/name")
        assert names.typetags == "i" + "s" * 8 and names.args == (2,) + ("nil",) * 8
        client.send("/live/clip_slot/get/has_clip", 0, 0)
        assert client.wait_msg("/live/clip_slot/get/has_clip").typetags == "iii"
    finally:
        client.send("/live/api/set/plain_types", 0)
    assert client.query("/live/api/get/plain_types") == (False,)
    client.send("/live/track/get/mute", 0)
    assert client.wait_msg("/live/track/get/mute").typetags == "iF"


def test_listener_updates_follow_each_subscribers_choice(pair):
    sim, (pd, other) = pair
    pd.send("/live/api/set/plain_types", True)
    pd.sync()
    for client in (pd, other):
        client.send("/live/track/start_listen/mute", 1)
        assert client.wait_msg("/live/track/get/mute").args == (1, False)
    other.send("/live/track/set/mute", 1, True)
    update = pd.wait_msg("/live/track/get/mute")
    assert (update.typetags, update.args) == ("ii", (1, 1))
    update = other.wait_msg("/live/track/get/mute")
    assert (update.typetags, update.args) == ("iT", (1, True))


@pytest.mark.livesim_only
def test_the_plain_types_setting_applies_to_every_client():
    with running_sim(env={"ABLETONOSC_PLAIN_TYPES": "true"}) as (sim, client):
        client.send("/live/track/get/arm", 0)
        assert client.wait_msg("/live/track/get/arm").typetags == "ii"
        client.send("/live/api/set/plain_types", 0)
        client.send("/live/track/get/arm", 0)
        assert client.wait_msg("/live/track/get/arm").typetags == "iF"


# ---------------------------------------------------------------------- buttons

@pytest.mark.livesim_only
def test_a_button_press_acts_and_its_release_is_ignored(fresh_pair):
    sim, client = fresh_pair
    client.send("/live/song/start_playing", 1.0)
    assert client.query("/live/song/get/is_playing") == (True,)
    client.send("/live/song/stop_playing", 0.0)  # the release of some other button: nothing happens
    assert client.query("/live/song/get/is_playing") == (True,)
    client.send("/live/song/stop_playing", 1)
    assert client.query("/live/song/get/is_playing") == (False,)


@pytest.mark.livesim_only
def test_one_press_is_one_undo(fresh_pair):
    sim, client = fresh_pair
    client.send("/live/song/set/tempo", 130.0)
    client.send("/live/song/set/tempo", 140.0)
    client.sync()
    client.send("/live/song/undo", 1.0)
    client.send("/live/song/undo", 0.0)
    assert client.query("/live/song/get/tempo") == (130.0,)


def test_a_method_with_arguments_of_its_own_refuses_a_stray_value(client):
    client.send("/live/test", 1.0, 2.0)
    client.expect_error("takes 0 argument", address="/live/test")
    client.send("/live/song/start_playing", "go")
    client.expect_error("takes 0 argument", address="/live/song/start_playing")


def test_a_clip_slot_button(client):
    client.send("/live/clip_slot/fire", 0, 0, 1.0)  # an empty slot: firing it stops the track, no error
    client.send("/live/clip_slot/fire", 0, 0, 0.0)
    client.sync()


# ---------------------------------------------------------------------- listeners of a client

def test_get_listeners_and_stop_listen_all(pair):
    sim, (one, two) = pair
    one.send("/live/track/start_listen/mute", 0)
    one.send("/live/track/start_listen/name", "A")
    one.send("/live/song/start_listen/tempo")
    one.send("/live/song/start_listen/beat")
    two.send("/live/song/start_listen/tempo")
    one.sync()
    two.sync()
    one.drain()
    two.drain()
    assert one.query("/live/api/get/listeners") == (
        4, "/live/track/start_listen/mute", 0, "/live/track/start_listen/name", "A",
        "/live/song/start_listen/tempo", "/live/song/start_listen/beat")
    one.send("/live/api/stop_listen_all")
    assert one.query("/live/api/get/listeners") == (0,)
    assert two.query("/live/api/get/listeners") == (1, "/live/song/start_listen/tempo")
    two.send("/live/song/set/tempo", 133.0)
    assert two.wait_for("/live/song/get/tempo") == (133.0,)
    one.sync()
    assert one.pending("/live/song/get/tempo") == []


@pytest.mark.livesim_only
def test_a_tcp_client_that_disconnects_loses_its_listeners():
    from tests.e2e.harness import encode_message, decode_packet
    from AbletonOSC.osc import SlipDecoder, slip_encode

    with running_sim(env={"ABLETONOSC_TCP_PORT": "-1"}) as (sim, client):
        tcp_port = sim.call(lambda: sim.host.instance.server.tcp_port)
        conn = socket.create_connection(("127.0.0.1", tcp_port), timeout=5)
        decoder = SlipDecoder(1 << 20)

        def request(address, *args):
            conn.sendall(slip_encode(encode_message(address, args)))
            while True:
                for packet in decoder.feed(conn.recv(65536)):
                    message = decode_packet(packet)
                    if message.address == address.replace("start_listen", "get"):
                        return message.args

        assert request("/live/song/start_listen/tempo") == (120.0,)
        assert request("/live/api/get/listeners") == (1, "/live/song/start_listen/tempo")
        conn.close()
        for _ in range(50):  # each UDP request is a poll, and a poll reads the TCP connections too
            if sim.call(lambda: len(sim.host.instance.registry.subscriptions)) == 0:
                break
            client.query("/live/song/get/tempo")
        assert sim.call(lambda: len(sim.host.instance.registry.subscriptions)) == 0


# ---------------------------------------------------------------------- error texts

@pytest.mark.parametrize("message, text", [
    (("/live/track/get/name", 99), "No track 99: the set has tracks 0-3 and returns A-B"),
    (("/live/track/get/name", "E"), "No return track E: the set has tracks 0-3 and returns A-B"),
    (("/live/clip_slot/get/has_clip", 1, 12), "No clip slot 12: track 1 has clip slots 0-7"),
    (("/live/scene/get/name", 8), "No scene 8: the set has scenes 0-7"),
    (("/live/device/get/name", 0, 3), "No device 3: track 0 has no devices"),
    (("/live/track/get/send", 0, 2), "No send 2"),
    (("/live/track/set/volume", 0, 1.5), "volume must be between 0.0 and 1.0, got 1.5"),
    (("/live/track/set/panning", 1, -2.0), "panning must be between -1.0 and 1.0, got -2.0"),
    (("/live/song/set/tempo", 5000.0), "tempo must be between 20.0 and 999.0, got 5000.0"),
    (("/live/track/set/send", 0, 0, 1.2), "send must be between 0.0 and 1.0, got 1.2"),
])
def test_errors_name_what_the_set_has_and_the_valid_range(client, message, text):
    client.send(*message)
    assert client.expect_error(text)[1] == message[0]


@pytest.mark.parametrize("typo, suggestion", [
    ("/live/song/get/tmpo", "/live/song/get/tempo"),
    ("/live/trak/get/volume", "/live/track/get/volume"),
    ("/live/song/strat_playing", "/live/song/start_playing"),
    ("/live/clip/get/nmae", "/live/clip/get/name"),
])
def test_an_unknown_address_suggests_the_nearest(client, typo, suggestion):
    client.send(typo, 0)
    error = client.expect_error("Unknown OSC address: %s" % typo)
    assert "did you mean %s" % suggestion in error[0]
    assert error[1] == typo


def test_nothing_near_suggests_nothing(client):
    client.send("/live/qqqq/zzzzzz")
    error = client.expect_error()
    assert error == ("Unknown OSC address: /live/qqqq/zzzzzz", "/live/qqqq/zzzzzz")


@pytest.mark.livesim_only
@pytest.mark.parametrize("leave", ["close", "with"])
def test_a_raw_socket_sees_no_updates_after_the_library_closes(leave):
    """The client library's listeners are gone after close(), as a raw socket on its port sees."""
    from abletonosc_client import AbletonOSCClient

    with running_sim(reply_to_source=True) as (sim, _client):
        live = AbletonOSCClient("127.0.0.1", sim.port, reply_port=0)
        with live:
            assert live.listen("/live/song/get/tempo", lambda *v: None) == (120.0,)
            live.listen("/live/track/get/mute", lambda *v: None, 0)
            assert live.query("/live/api/get/listeners")[0] == 2
            if leave == "close":
                live.close()
        # The port the library had (the script replied there), now a raw socket's.
        watcher = OSCClient("127.0.0.1", sim.port, bind_port=live.reply_port)
        try:
            assert watcher.query("/live/api/get/listeners") == (0,)
            sim.call(lambda: setattr(sim.world.song, "tempo", 125.0))
            sim.tick()
            watcher.sync()
            assert watcher.pending("/live/song/get/tempo") == []
        finally:
            watcher.close()


@pytest.mark.livesim_only
def test_a_client_whose_port_refuses_loses_its_listeners_after_the_grace_period():
    import sys

    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux tells which destination refused a datagram")
    env = {"ABLETONOSC_UNREACHABLE_GRACE": "0"}
    with running_sim(clients=2, reply_to_source=True, env=env) as (sim, (gone, stays)):
        for client in (gone, stays):
            client.send("/live/song/start_listen/tempo")
            assert client.wait_for("/live/song/get/tempo") == (120.0,)
        gone.close()  # quits without a word: its port answers ICMP "port unreachable"

        def subscriptions():
            return sim.call(lambda: len(sim.host.instance.registry.subscriptions))

        tempo = 121.0
        while subscriptions() == 2 and tempo < 200.0:  # each update to the closed port is refused
            stays.send("/live/song/set/tempo", tempo)
            assert stays.wait_for("/live/song/get/tempo") == (tempo,)
            sim.tick()
            tempo += 1.0
        assert subscriptions() == 1
        assert stays.query("/live/api/get/listeners") == (1, "/live/song/start_listen/tempo")
