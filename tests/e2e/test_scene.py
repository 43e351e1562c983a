"""/live/scene/*: properties, listeners, firing."""
import pytest

from tests.e2e.sets import advance

SCENE_ROUND_TRIPS = [
    ("name", ["Intro", "Verse", ""]),
    ("color", [0x1AFF2F, 0x1A2F96]),
    ("color_index", [3, 10]),
    ("tempo_enabled", [1, 0]),
    ("time_signature_numerator", [3, 4]),
    ("time_signature_denominator", [8, 4]),
    ("time_signature_enabled", [1, 0]),
]


@pytest.mark.parametrize("prop,values", SCENE_ROUND_TRIPS, ids=[p for p, _ in SCENE_ROUND_TRIPS])
def test_scene_property_round_trip(client, prop, values):
    for value in values:
        client.send("/live/scene/set/%s" % prop, 2, value)
        assert client.query("/live/scene/get/%s" % prop, 2) == (2, value), (prop, value)


def test_scene_tempo(client):
    try:
        client.send("/live/scene/set/tempo", 3, 100.0)
        assert client.query("/live/scene/get/tempo", 3) == (3, pytest.approx(100.0))
        assert client.query("/live/scene/get/tempo_enabled", 3) == (3, True)
    finally:
        client.send("/live/scene/set/tempo_enabled", 3, 0)
    client.sync()


def test_scene_is_empty_and_is_triggered(client):
    assert client.query("/live/scene/get/is_empty", 4) == (4, True)
    assert client.query("/live/scene/get/is_triggered", 4) == (4, False)
    client.send("/live/clip_slot/create_clip", 1, 4, 4)
    try:
        assert client.query("/live/scene/get/is_empty", 4) == (4, False)
    finally:
        client.send("/live/clip_slot/delete_clip", 1, 4)
    assert client.query("/live/scene/get/is_empty", 4) == (4, True)


def test_scene_listen_name(client):
    try:
        client.send("/live/scene/start_listen/name", 5)
        assert client.wait_for("/live/scene/get/name") == (5, "")
        client.send("/live/scene/set/name", 5, "Bridge")
        assert client.wait_for("/live/scene/get/name") == (5, "Bridge")
        client.send("/live/scene/stop_listen/name", 5)
        client.sync()
        client.send("/live/scene/set/name", 5, "Outro")
        client.assert_nothing("/live/scene/get/name")
    finally:
        client.send("/live/scene/stop_listen/name", 5)
        client.send("/live/scene/set/name", 5, "")
    client.sync()


def test_scene_listen_color(client):
    try:
        client.send("/live/scene/start_listen/color", 6)
        initial = client.wait_for("/live/scene/get/color")
        assert initial[0] == 6
        client.send("/live/scene/set/color", 6, 0x1AFF2F)
        assert client.wait_for("/live/scene/get/color") == (6, 0x1AFF2F)
    finally:
        client.send("/live/scene/stop_listen/color", 6)
    client.sync()
    client.take_all("/live/scene/get/color")


def test_scene_fire(client, sim):
    client.send("/live/clip_slot/create_clip", 0, 2, 4)
    client.send("/live/clip_slot/create_clip", 1, 2, 4)
    try:
        client.send("/live/scene/fire", 2)
        client.sync()
        advance(sim, 0.2)
        assert client.query("/live/clip/get/is_playing", 0, 2) == (0, 2, True)
        assert client.query("/live/clip/get/is_playing", 1, 2) == (1, 2, True)
    finally:
        client.send("/live/song/stop_playing")
        client.send("/live/song/stop_all_clips")
        client.sync()
        advance(sim, 0.1)
        client.send("/live/clip_slot/delete_clip", 0, 2)
        client.send("/live/clip_slot/delete_clip", 1, 2)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()


def test_scene_fire_as_selected_and_fire_selected(client, sim):
    client.send("/live/clip_slot/create_clip", 0, 3, 4)
    client.send("/live/clip_slot/create_clip", 0, 5, 4)
    try:
        # Live fires the *selected* scene whichever scene fire_as_selected is called on
        client.send("/live/view/set/selected_scene", 3)
        client.send("/live/scene/fire_as_selected", 0)
        client.sync()
        advance(sim, 0.2)
        assert client.query("/live/clip/get/is_playing", 0, 3) == (0, 3, True)
        assert client.query("/live/view/get/selected_scene") == (4,)
        client.send("/live/view/set/selected_scene", 5)
        client.send("/live/scene/fire_selected")
        client.sync()
        advance(sim, 2.1)  # the launch waits for the next bar
        assert client.query("/live/clip/get/is_playing", 0, 5) == (0, 5, True)
        assert client.query("/live/view/get/selected_scene") == (6,)
    finally:
        client.send("/live/song/stop_playing")
        client.send("/live/song/stop_all_clips")
        client.sync()
        advance(sim, 0.1)
        client.send("/live/clip_slot/delete_clip", 0, 3)
        client.send("/live/clip_slot/delete_clip", 0, 5)
        client.send("/live/view/set/selected_scene", 0)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()


@pytest.mark.livesim_only
def test_scene_fire_with_tempo_sets_the_song_tempo(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/clip_slot/create_clip", 0, 1, 4)
    client.send("/live/scene/set/tempo", 1, 90.0)
    client.send("/live/scene/fire", 1)
    client.sync()
    sim.advance(0.2)
    assert client.query("/live/song/get/tempo") == (pytest.approx(90.0),)


@pytest.mark.livesim_only
def test_scene_is_triggered_listener(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip_slot/create_clip", 0, 1, 4)
    client.send("/live/scene/fire", 0)
    client.sync()
    sim.advance(0.5)
    client.send("/live/scene/start_listen/is_triggered", 1)
    assert client.wait_for("/live/scene/get/is_triggered") == (1, False)
    client.send("/live/scene/fire", 1)
    assert client.wait_for("/live/scene/get/is_triggered") == (1, True)
    sim.advance(2.0)
    assert client.wait_for("/live/scene/get/is_triggered") == (1, False)


def test_scene_out_of_range(client):
    client.send("/live/scene/get/name", 8)
    assert client.expect_error("Index out of range")[1] == "/live/scene/get/name"
