"""Arrangement clips by track and index: properties, listeners, creation, copying from the session, deletion."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only


@pytest.fixture
def pair(rich_pair):
    return rich_pair


@pytest.fixture
def client(rich_pair):
    return rich_pair[1]


def test_num_arrangement_clips_and_properties(client):
    assert client.query("/live/track/get/num_arrangement_clips", 0) == (0, 2)
    assert client.query("/live/arrangement_clip/get/name", 0, 1) == (0, 1, "A2")
    assert client.query("/live/arrangement_clip/get/start_time", 0, 1) == (0, 1, 16.0)
    assert client.query("/live/arrangement_clip/get/is_arrangement_clip", 0, 1) == (0, 1, True)
    assert client.query("/live/arrangement_clip/get/is_session_clip", 0, 1) == (0, 1, False)
    client.send("/live/arrangement_clip/set/name", 0, 0, "Renamed")
    assert client.query("/live/arrangement_clip/get/name", 0, 0) == (0, 0, "Renamed")
    assert client.query("/live/track/get/arrangement_clips/name", 0) == (0, "Renamed", "A2")


def test_every_clip_property_has_arrangement_addresses(pair):
    from AbletonOSC.handlers import build_registry
    from AbletonOSC.handlers.clip import PROPERTIES

    entries = build_registry().entries
    for prop in PROPERTIES:
        assert "/live/arrangement_clip/get/%s" % prop.name in entries
        if "s" in prop.access:
            assert "/live/arrangement_clip/set/%s" % prop.name in entries


def test_arrangement_clip_listener(client):
    client.send("/live/arrangement_clip/start_listen/name", 0, 1)
    assert client.wait_for("/live/arrangement_clip/get/name") == (0, 1, "A2")
    client.send("/live/arrangement_clip/set/name", 0, 1, "Chorus")
    assert client.wait_for("/live/arrangement_clip/get/name") == (0, 1, "Chorus")
    client.send("/live/arrangement_clip/stop_listen/name", 0, 1)


def test_live_refusals_are_answered_with_lives_text(client):
    client.send("/live/arrangement_clip/get/gain", 0, 0)
    client.expect_error("only available for Audio Clips", address="/live/arrangement_clip/get/gain")


def test_create_midi_clip_replies_the_new_index(client):
    assert client.query("/live/track/create_midi_clip", 0, 8.0, 4.0) == (0, 1)
    assert client.query("/live/track/get/arrangement_clips/start_time", 0) == (0, 0.0, 8.0, 16.0)
    assert client.query("/live/arrangement_clip/get/length", 0, 1) == (0, 1, 4.0)
    ids = client.query("/live/arrangement_clip/add/notes_extended", 0, 1, 60, 0.0, 1.0, 100, 0, 1.0, 0.0, 64.0)
    assert len(ids) == 3
    assert client.query("/live/arrangement_clip/get/notes", 0, 1) == (0, 1, 60, 0.0, 1.0, 100.0, False)


def test_duplicate_to_arrangement_and_delete(client):
    assert client.query("/live/clip/duplicate_to_arrangement", 0, 1, 32.0) == (0, 1, 2)
    assert client.query("/live/arrangement_clip/get/name", 0, 2) == (0, 2, "Bass-D-F-A")
    assert client.query("/live/arrangement_clip/get/notes", 0, 2) == (0, 2, 50, 0.0, 2.0, 100.0, False)
    client.send("/live/arrangement_clip/delete", 0, 0)
    assert client.query("/live/track/get/arrangement_clips/name", 0) == (0, "A2", "Bass-D-F-A")
    client.send("/live/arrangement_clip/get/name", 0, 5)
    client.expect_error(address="/live/arrangement_clip/get/name")


def test_arrangement_clip_methods(client):
    client.send("/live/arrangement_clip/duplicate_loop", 0, 1)
    assert client.query("/live/arrangement_clip/get/length", 0, 1) == (0, 1, 8.0)


def test_create_midi_clip_needs_live_12_2():
    with running_sim(rich_set(), live_version="12.1") as (sim, client):
        client.send("/live/track/create_midi_clip", 0, 8.0, 4.0)
        error = client.expect_error("12.2", address="/live/track/create_midi_clip")
        assert "12.1" in error[0]
        assert client.query("/live/track/get/num_arrangement_clips", 0) == (0, 2)
        assert client.query("/live/clip/duplicate_to_arrangement", 0, 0, 32.0) == (0, 0, 2)
        assert client.errors() == []


def test_arrangement_notes_listener_follows_its_clip(client):
    client.send("/live/arrangement_clip/start_listen/notes", 0, 1)
    assert client.wait_for("/live/arrangement_clip/get/notes_changed") == (0, 1, 0)
    client.send("/live/arrangement_clip/delete", 0, 0)
    client.send("/live/arrangement_clip/add/notes", 0, 0, 60, 0.0, 1.0, 100, False)
    assert client.wait_for("/live/arrangement_clip/get/notes_changed") == (0, 0, 1)
    client.send("/live/arrangement_clip/stop_listen/notes", 0, 0)
