"""/live/clip_slot/*: creating, deleting, duplicating, firing; slot properties and listeners."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import advance, rich_set


def test_clip_slot_has_clip(client):
    assert client.query("/live/clip_slot/get/has_clip", 0, 0) == (0, 0, False)
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    try:
        assert client.query("/live/clip_slot/get/has_clip", 0, 0) == (0, 0, True)
        assert client.query("/live/clip/get/length", 0, 0) == (0, 0, 4.0)
    finally:
        client.send("/live/clip_slot/delete_clip", 0, 0)
    assert client.query("/live/clip_slot/get/has_clip", 0, 0) == (0, 0, False)


def test_clip_slot_duplicate(client):
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    try:
        client.send("/live/clip/add/notes", 0, 0, 60, 0.0, 0.25, 64, False)
        client.send("/live/clip_slot/duplicate_clip_to", 0, 0, 0, 2)
        assert client.query("/live/clip/get/notes", 0, 2) == (0, 2, 60, 0.0, 0.25, 64, False)
        client.send("/live/clip_slot/duplicate_clip_to", 0, 0, 1, 3)
        assert client.query("/live/clip/get/notes", 1, 3) == (1, 3, 60, 0.0, 0.25, 64, False)
    finally:
        client.send("/live/clip_slot/delete_clip", 0, 0)
        client.send("/live/clip_slot/delete_clip", 0, 2)
        client.send("/live/clip_slot/delete_clip", 1, 3)
    client.sync()


def test_clip_slot_property_listen(client):
    try:
        client.send("/live/clip_slot/start_listen/has_clip", 0, 0)
        assert client.wait_for("/live/clip_slot/get/has_clip") == (0, 0, False)
        client.send("/live/clip_slot/create_clip", 0, 0, 4)
        assert client.wait_for("/live/clip_slot/get/has_clip") == (0, 0, True)
        client.send("/live/clip_slot/delete_clip", 0, 0)
        assert client.wait_for("/live/clip_slot/get/has_clip") == (0, 0, False)
        client.send("/live/clip_slot/stop_listen/has_clip", 0, 0)
        client.sync()
        client.send("/live/clip_slot/create_clip", 0, 0, 4)
        client.assert_nothing("/live/clip_slot/get/has_clip")
    finally:
        client.send("/live/clip_slot/stop_listen/has_clip", 0, 0)
        client.send("/live/clip_slot/delete_clip", 0, 0)
    client.sync()


def test_clip_slot_properties(client):
    assert client.query("/live/clip_slot/get/has_stop_button", 0, 0) == (0, 0, True)
    assert client.query("/live/clip_slot/get/is_playing", 0, 0) == (0, 0, False)
    assert client.query("/live/clip_slot/get/is_triggered", 0, 0) == (0, 0, False)
    assert client.query("/live/clip_slot/get/is_group_slot", 0, 0) == (0, 0, False)
    assert client.query("/live/clip_slot/get/controls_other_clips", 0, 0) == (0, 0, False)
    assert client.query("/live/clip_slot/get/will_record_on_start", 0, 0) == (0, 0, False)
    status = client.query("/live/clip_slot/get/playing_status", 0, 0)
    assert status == (0, 0, 0)


def test_clip_slot_has_stop_button_round_trip(client):
    try:
        client.send("/live/clip_slot/set/has_stop_button", 1, 4, 0)
        assert client.query("/live/clip_slot/get/has_stop_button", 1, 4) == (1, 4, False)
    finally:
        client.send("/live/clip_slot/set/has_stop_button", 1, 4, 1)
    assert client.query("/live/clip_slot/get/has_stop_button", 1, 4) == (1, 4, True)


def test_clip_slot_fire_and_stop(client, sim):
    client.send("/live/clip_slot/create_clip", 1, 0, 4)
    try:
        client.send("/live/clip_slot/fire", 1, 0)
        client.sync()
        advance(sim, 0.2)
        assert client.query("/live/clip_slot/get/is_playing", 1, 0) == (1, 0, True)
        assert client.query("/live/song/get/is_playing") == (True,)
        client.send("/live/clip_slot/stop", 1, 0)
        client.sync()
        advance(sim, 2.1)  # the stop waits for the next bar
        assert client.query("/live/clip_slot/get/is_playing", 1, 0) == (1, 0, False)
    finally:
        client.send("/live/song/stop_playing")
        client.send("/live/clip_slot/delete_clip", 1, 0)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()


def test_create_clip_where_there_is_one_is_an_error(client):
    client.send("/live/clip_slot/create_clip", 0, 6, 4)
    try:
        client.send("/live/clip_slot/create_clip", 0, 6, 4)
        client.expect_error(address="/live/clip_slot/create_clip")
    finally:
        client.send("/live/clip_slot/delete_clip", 0, 6)
    client.sync()


def test_create_clip_on_an_audio_track_is_an_error(client):
    client.send("/live/clip_slot/create_clip", 2, 6, 4)
    client.expect_error(address="/live/clip_slot/create_clip")
    assert client.query("/live/clip_slot/get/has_clip", 2, 6) == (2, 6, False)


def test_clip_slot_out_of_range(client):
    client.send("/live/clip_slot/get/has_clip", 0, 8)
    assert client.expect_error("Index out of range")[1] == "/live/clip_slot/get/has_clip"
    client.send("/live/clip_slot/get/has_clip", 4, 0)
    assert client.expect_error("Index out of range")[1] == "/live/clip_slot/get/has_clip"


@pytest.mark.livesim_only
def test_group_slot(fresh_rich):
    sim, client = fresh_rich
    assert client.query("/live/clip_slot/get/is_group_slot", 2, 0) == (2, 0, True)
    assert client.query("/live/clip_slot/get/controls_other_clips", 2, 0) == (2, 0, False)
    client.send("/live/clip_slot/duplicate_clip_to", 0, 0, 3, 0)
    assert client.query("/live/clip_slot/get/controls_other_clips", 2, 0) == (2, 0, True)
    client.send("/live/clip_slot/fire", 2, 0)
    client.sync()
    sim.advance(0.2)
    assert client.query("/live/clip/get/is_playing", 3, 0) == (3, 0, True)
    assert client.query("/live/clip_slot/get/playing_status", 2, 0) == (2, 0, 1)


@pytest.mark.livesim_only
def test_recording_into_an_empty_slot(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/track/set/arm", 2, 1)
    assert client.query("/live/clip_slot/get/will_record_on_start", 2, 0) == (2, 0, True)
    client.send("/live/clip_slot/fire", 2, 0)
    client.sync()
    sim.advance(1.0)
    assert client.query("/live/clip_slot/get/has_clip", 2, 0) == (2, 0, True)
    assert client.query("/live/clip/get/is_recording", 2, 0) == (2, 0, True)
    client.send("/live/song/stop_playing")
    client.sync()
    sim.advance(0.1)
    assert client.query("/live/clip/get/is_recording", 2, 0) == (2, 0, False)
    assert client.query("/live/clip/get/is_audio_clip", 2, 0) == (2, 0, True)


@pytest.fixture
def fresh_rich():
    with running_sim(rich_set()) as pair:
        yield pair
