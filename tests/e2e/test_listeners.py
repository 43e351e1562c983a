"""Listeners across clients, set changes and reloads; several clients at once."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim

pytestmark = pytest.mark.livesim_only


@pytest.fixture
def two_clients():
    if REAL_TARGET is not None:
        pytest.skip("starts its own livesim")
    with running_sim(clients=2, reply_to_source=True) as (sim, clients):
        yield sim, clients[0], clients[1]


# ---------------------------------------------------------------------- several clients

def test_each_client_gets_its_own_replies(two_clients):
    sim, a, b = two_clients
    a.send("/live/song/get/tempo")
    b.send("/live/song/get/num_tracks")
    assert a.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    assert b.wait_for("/live/song/get/num_tracks") == (4,)
    a.sync()
    b.sync()
    assert a.pending("/live/song/get/num_tracks") == []
    assert b.pending("/live/song/get/tempo") == []


def test_errors_go_to_the_client_that_caused_them(two_clients):
    sim, a, b = two_clients
    b.send("/live/nope")
    assert b.expect_error("Unknown OSC address")[1] == "/live/nope"
    assert a.errors() == []


def test_updates_go_to_every_subscriber_not_to_the_last_sender(two_clients):
    sim, a, b = two_clients
    a.send("/live/song/start_listen/tempo")
    assert a.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    b.send("/live/song/set/tempo", 90)  # b is now the last sender, and not subscribed
    assert a.wait_for("/live/song/get/tempo") == (pytest.approx(90.0),)
    b.sync()
    assert b.pending("/live/song/get/tempo") == []
    b.send("/live/song/start_listen/tempo")
    assert b.wait_for("/live/song/get/tempo") == (pytest.approx(90.0),)
    a.send("/live/song/set/tempo", 100)
    assert a.wait_for("/live/song/get/tempo") == (pytest.approx(100.0),)
    assert b.wait_for("/live/song/get/tempo") == (pytest.approx(100.0),)


def test_one_clients_stop_listen_leaves_the_others(two_clients):
    sim, a, b = two_clients
    for client in (a, b):
        client.send("/live/track/start_listen/mute", 1)
        assert client.wait_for("/live/track/get/mute") == (1, False)
    a.send("/live/track/stop_listen/mute", 1)
    a.sync()
    b.send("/live/track/set/mute", 1, 1)
    assert b.wait_for("/live/track/get/mute") == (1, True)
    a.assert_nothing("/live/track/get/mute")


def test_beat_listener_per_client(two_clients):
    sim, a, b = two_clients
    a.send("/live/song/start_listen/beat")
    a.send("/live/song/start_playing")
    a.sync()
    sim.advance(0.6)
    assert [x for x in a.take_all("/live/song/get/beat") if x != (0,)] == [(1,)]
    assert b.take_all("/live/song/get/beat") == []


def test_startup_is_sent_to_known_clients_on_reload(two_clients):
    sim, a, b = two_clients
    a.sync()
    b.sync()
    a.send("/live/api/reload")
    a.wait_for("/live/startup")
    b.wait_for("/live/startup")
    assert a.query("/live/song/get/num_tracks") == (4,)
    assert b.query("/live/song/get/num_scenes") == (8,)


# ---------------------------------------------------------------------- listeners follow their objects

def test_track_listener_follows_its_track(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/mute", 1)
    assert client.wait_for("/live/track/get/mute") == (1, False)
    client.send("/live/song/create_midi_track", 0)  # track 1 is now track 2
    client.send("/live/track/set/mute", 2, 1)
    assert client.wait_for("/live/track/get/mute") == (2, True)
    client.send("/live/track/set/mute", 1, 1)  # the new track 1: not listened to
    client.sync()
    assert client.take_all("/live/track/get/mute") == []


def test_clip_listener_follows_its_clip(fresh_client):
    client = fresh_client
    client.send("/live/clip_slot/create_clip", 1, 0, 4)
    client.send("/live/clip/start_listen/name", 1, 0)
    assert client.wait_for("/live/clip/get/name") == (1, 0, "")
    client.send("/live/song/create_audio_track", 0)
    client.send("/live/song/create_scene", 0)
    client.send("/live/clip/set/name", 2, 1, "Moved")
    assert client.wait_for("/live/clip/get/name") == (2, 1, "Moved")


def test_clip_slot_listener_follows_its_slot(fresh_client):
    client = fresh_client
    client.send("/live/clip_slot/start_listen/has_clip", 0, 2)
    assert client.wait_for("/live/clip_slot/get/has_clip") == (0, 2, False)
    client.send("/live/song/create_scene", 0)
    client.send("/live/song/create_midi_track", 0)
    client.send("/live/clip_slot/create_clip", 1, 3, 4)
    assert client.wait_for("/live/clip_slot/get/has_clip") == (1, 3, True)


def test_scene_listener_follows_its_scene(fresh_client):
    client = fresh_client
    client.send("/live/scene/start_listen/name", 2)
    assert client.wait_for("/live/scene/get/name") == (2, "")
    client.send("/live/song/create_scene", 0)
    client.send("/live/scene/set/name", 3, "Chorus")
    assert client.wait_for("/live/scene/get/name") == (3, "Chorus")


def test_volume_listener_follows_its_track(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/volume", 3)
    assert client.wait_for("/live/track/get/volume") == (3, pytest.approx(0.85))
    client.send("/live/song/delete_track", 0)
    client.send("/live/track/set/volume", 2, 0.5)
    assert client.wait_for("/live/track/get/volume") == (2, pytest.approx(0.5))


def test_return_track_listener_follows_its_letter(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/volume", "B")
    assert client.wait_for("/live/track/get/volume") == ("B", pytest.approx(0.85))
    client.send("/live/track/start_listen/name", "A")
    assert client.wait_for("/live/track/get/name") == ("A", "A-Reverb")
    client.send("/live/song/delete_return_track", 0)  # B-Delay is now return A
    assert client.wait_for("/live/api/listener_dropped") == ("/live/track/start_listen/name", "A")
    client.send("/live/track/set/volume", "A", 0.5)
    assert client.wait_for("/live/track/get/volume") == ("A", pytest.approx(0.5))


def test_master_track_listener(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/volume", "master")
    assert client.wait_for("/live/track/get/volume") == ("master", pytest.approx(0.85))
    client.send("/live/track/set/volume", "master", 0.7)
    assert client.wait_for("/live/track/get/volume") == ("master", pytest.approx(0.7))


def test_deleting_the_track_drops_its_listener(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/name", 3)
    assert client.wait_for("/live/track/get/name") == (3, "4-Audio")
    client.send("/live/song/delete_track", 3)
    dropped = client.wait_for("/live/api/listener_dropped")
    assert dropped == ("/live/track/start_listen/name", 3)
    assert client.query("/live/song/get/num_tracks") == (3,)


def test_deleting_the_scene_drops_its_listener(fresh_client):
    client = fresh_client
    client.send("/live/scene/start_listen/name", 7)
    assert client.wait_for("/live/scene/get/name") == (7, "")
    client.send("/live/song/delete_scene", 7)
    assert client.wait_for("/live/api/listener_dropped") == ("/live/scene/start_listen/name", 7)


def test_deleting_the_device_drops_its_parameter_listener():
    from tests.e2e.sets import rich_set

    with running_sim(rich_set()) as (sim, client):
        client.send("/live/device/start_listen/parameter/value", 0, 1, 3)
        client.wait_for("/live/device/get/parameter/value")
        client.send("/live/track/delete_device", 0, 1)
        dropped = client.wait_for("/live/api/listener_dropped")
        assert dropped[0] == "/live/device/start_listen/parameter/value"
        assert client.query("/live/track/get/num_devices", 0) == (0, 2)


def test_parameter_listener_follows_its_device():
    from tests.e2e.sets import rich_set

    with running_sim(rich_set()) as (sim, client):
        client.send("/live/device/start_listen/parameter/value", 0, 2, 2)
        assert client.wait_for("/live/device/get/parameter/value")[:3] == (0, 2, 2)
        assert client.wait_for("/live/device/get/parameter/value_string")[:3] == (0, 2, 2)
        client.send("/live/track/delete_device", 0, 0)  # the Reverb is now device 1
        client.send("/live/device/set/parameter/value", 0, 1, 2, 0.125)
        assert client.wait_for("/live/device/get/parameter/value") == (0, 1, 2, pytest.approx(0.125))
        assert client.wait_for("/live/device/get/parameter/value_string")[:3] == (0, 1, 2)
        assert client.errors() == []


def test_undo_of_a_deletion_does_not_revive_a_dropped_listener(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/arm", 2)
    assert client.wait_for("/live/track/get/arm") == (2, False)
    client.send("/live/song/delete_track", 2)
    client.wait_for("/live/api/listener_dropped")
    client.send("/live/song/undo")
    assert client.query("/live/song/get/num_tracks") == (4,)
    client.send("/live/track/set/arm", 2, 1)
    client.sync()
    assert client.take_all("/live/track/get/arm") == []


# ---------------------------------------------------------------------- reload

def test_reload_keeps_every_handler_working_with_mixer_and_parameter_listeners(fresh_client):
    client = fresh_client
    client.send("/live/track/start_listen/volume", 0)
    client.send("/live/track/start_listen/panning", 1)
    client.send("/live/device/start_listen/parameter/value", "A", 0, 1)
    client.send("/live/clip_slot/start_listen/has_clip", 0, 0)
    client.send("/live/song/start_listen/beat")
    client.wait_for("/live/track/get/volume")
    client.wait_for("/live/device/get/parameter/value")
    client.sync()
    client.drain()
    client.send("/live/api/reload")
    client.wait_for("/live/startup")
    assert client.query("/live/song/get/tempo") == (pytest.approx(120.0),)
    assert client.query("/live/track/get/volume", 0) == (0, pytest.approx(0.85))
    assert client.query("/live/track/get/name", 2) == (2, "3-Audio")
    assert client.query("/live/clip_slot/get/has_clip", 0, 0) == (0, 0, False)
    assert client.query("/live/scene/get/name", 0) == (0, "")
    assert client.query("/live/device/get/name", "A", 0) == ("A", 0, "Reverb")
    assert client.query("/live/view/get/selected_scene") == (0,)
    assert client.query("/live/application/get/version")[0] in (11, 12)
    client.send("/live/track/start_listen/volume", 0)
    assert client.wait_for("/live/track/get/volume") == (0, pytest.approx(0.85))
    client.send("/live/track/set/volume", 0, 0.5)
    assert client.wait_for("/live/track/get/volume") == (0, pytest.approx(0.5))
    assert client.errors() == []


def test_reload_leaves_no_stale_listener_behind(fresh_client):
    client = fresh_client
    client.send("/live/song/start_listen/tempo")
    client.send("/live/track/start_listen/volume", 1)
    client.send("/live/device/start_listen/parameter/value", "A", 0, 2)
    client.sync()
    client.send("/live/api/reload")
    client.wait_for("/live/startup")
    client.drain()
    client.send("/live/song/start_listen/tempo")
    client.send("/live/track/start_listen/volume", 1)
    client.send("/live/device/start_listen/parameter/value", "A", 0, 2)
    client.sync()
    client.drain()
    client.send("/live/song/set/tempo", 101)
    client.send("/live/track/set/volume", 1, 0.3)
    client.send("/live/device/set/parameter/value", "A", 0, 2, 0.7)
    client.sync()
    assert client.take_all("/live/song/get/tempo") == [(pytest.approx(101.0),)]
    assert client.take_all("/live/track/get/volume") == [(1, pytest.approx(0.3))]
    assert client.take_all("/live/device/get/parameter/value") == [("A", 0, 2, pytest.approx(0.7))]


def test_live_reloading_the_script(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/track/start_listen/mute", 0)
    client.wait_for("/live/track/get/mute")
    sim.reload_script()
    assert client.query("/live/song/get/num_tracks", timeout=5.0) == (4,)
    client.send("/live/track/set/mute", 0, 1)
    assert client.query("/live/track/get/mute", 0) == (0, True)
    assert "Traceback" not in sim.log_text()


@pytest.fixture
def strict_deleted_objects():
    """Live's docs only promise == None for deleted objects: make _live_ptr raise on them too.

    livesim keeps _live_ptr readable after deletion; whether Live does is not verified
    (shared/reference/live-runtime.md: attribute access on a deleted object raises RuntimeError).
    """
    import Live

    lom_object = Live.LomObject.LomObject
    original = lom_object.__dict__["_live_ptr"]

    def strict(self):
        if self._o.dead:
            raise RuntimeError("Object has been deleted")
        return self._o.ptr

    lom_object._live_ptr = property(strict)
    try:
        yield
    finally:
        lom_object._live_ptr = original


def test_deleted_object_listener_dropped_even_if_live_ptr_raises(fresh_client, strict_deleted_objects):
    client = fresh_client
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip/start_listen/name", 0, 0)
    assert client.wait_for("/live/clip/get/name") == (0, 0, "")
    client.send("/live/track/start_listen/name", 3)
    assert client.wait_for("/live/track/get/name") == (3, "4-Audio")
    client.send("/live/clip_slot/delete_clip", 0, 0)
    client.send("/live/song/delete_track", 3)
    dropped = sorted(client.collect("/live/api/listener_dropped", 2))
    assert dropped == [("/live/clip/start_listen/name", 0, 0), ("/live/track/start_listen/name", 3)]
    client.send("/live/clip/stop_listen/name", 0, 0)
    assert client.query("/live/song/get/num_tracks") == (3,)


def test_tagged_song_listeners_of_two_clients_each_get_their_own_tags(two_clients):
    # Song listeners carry no indices: the tags are the payload's head, so each form is encoded apart.
    sim, a, b = two_clients
    a.send("/live/song/start_listen/tempo", "deck-a")
    b.send("/live/song/start_listen/tempo", "deck-b", 2)
    assert a.wait_for("/live/song/get/tempo") == ("deck-a", pytest.approx(120.0))
    assert b.wait_for("/live/song/get/tempo") == ("deck-b", 2, pytest.approx(120.0))
    a.send("/live/song/set/tempo", 96.0)
    assert a.wait_for("/live/song/get/tempo") == ("deck-a", pytest.approx(96.0))
    assert b.wait_for("/live/song/get/tempo") == ("deck-b", 2, pytest.approx(96.0))
