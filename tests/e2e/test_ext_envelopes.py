"""Clip automation envelopes: device parameters and the mixer, steps, values, events, Live's rules, versions."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only

CLIP = (0, 0)  # the MIDI clip "Chords-C-E-G" of track 0; device 0 is an Operator


@pytest.fixture
def pair(rich_pair):
    return rich_pair


@pytest.fixture
def client(rich_pair):
    return rich_pair[1]


def test_create_step_and_value_at_time(client):
    assert client.query("/live/clip/get/has_envelopes", *CLIP) == CLIP + (False,)
    assert client.query("/live/clip/get/has_envelope", *(CLIP + (0, 1))) == CLIP + (0, 1, False)
    client.send("/live/clip/create_automation_envelope", *(CLIP + (0, 1)))
    assert client.query("/live/clip/get/has_envelope", *(CLIP + (0, 1))) == CLIP + (0, 1, True)
    assert client.query("/live/clip/get/has_envelopes", *CLIP) == CLIP + (True,)
    before = client.query("/live/clip/envelope/get/value_at_time", *(CLIP + (0, 1, 1.5)))[-1]
    client.send("/live/clip/envelope/insert_step", *(CLIP + (0, 1, 1.0, 1.0, 0.75)))
    assert client.query("/live/clip/envelope/get/value_at_time", *(CLIP + (0, 1, 1.5))) == CLIP + (0, 1, 1.5, 0.75)
    assert client.query("/live/clip/envelope/get/value_at_time", *(CLIP + (0, 1, 2.5)))[-1] == before
    events = client.query("/live/clip/envelope/get/events", *(CLIP + (0, 1, 0.0, 4.0)))[4:]
    assert (1.0, 0.75) in list(zip(events[::2], events[1::2]))
    curves = client.query("/live/clip/envelope/get/curves", *(CLIP + (0, 1, 0.0, 4.0)))[4:]
    assert len(curves) == len(events) * 3
    first = curves[:6]
    assert first[:2] == events[:2]
    assert first[2] == pytest.approx(first[3]) and first[4] == pytest.approx(first[5])   # linear: on the diagonal
    assert client.query("/live/clip/get/num_automation_envelopes", *CLIP) == CLIP + (1,)
    client.send("/live/clip/envelope/delete_events", *(CLIP + (0, 1, 0.5, 4.0)))
    assert client.query("/live/clip/envelope/get/value_at_time", *(CLIP + (0, 1, 1.5)))[-1] == before
    client.send("/live/clip/clear_envelope", *(CLIP + (0, 1)))
    assert client.query("/live/clip/get/has_envelopes", *CLIP) == CLIP + (False,)


def test_mixer_parameters_by_name(client):
    for parameter in ("volume", "panning", "send:1"):
        client.send("/live/clip/create_automation_envelope", *(CLIP + ("mixer", parameter)))
        client.send("/live/clip/envelope/insert_step", *(CLIP + ("mixer", parameter, 0.0, 2.0, 0.25)))
        reply = client.query("/live/clip/envelope/get/value_at_time", *(CLIP + ("mixer", parameter, 1.0)))
        assert reply == CLIP + ("mixer", parameter, 1.0, 0.25)
    assert client.query("/live/clip/get/num_automation_envelopes", *CLIP) == CLIP + (3,)
    client.send("/live/clip/clear_all_envelopes", *CLIP)
    assert client.query("/live/clip/get/num_automation_envelopes", *CLIP) == CLIP + (0,)
    client.send("/live/clip/create_automation_envelope", *(CLIP + ("mixer", "send:9")))
    client.expect_error("No send 9", address="/live/clip/create_automation_envelope")
    client.send("/live/clip/create_automation_envelope", *(CLIP + ("mixer", "loudness")))
    client.expect_error("volume, panning, send:N", address="/live/clip/create_automation_envelope")


def test_has_envelopes_listener(client):
    client.send("/live/clip/start_listen/has_envelopes", *CLIP)
    assert client.wait_for("/live/clip/get/has_envelopes") == CLIP + (False,)
    client.send("/live/clip/create_automation_envelope", *(CLIP + (1, 0)))
    assert client.wait_for("/live/clip/get/has_envelopes") == CLIP + (True,)
    client.send("/live/clip/stop_listen/has_envelopes", *CLIP)
    client.send("/live/clip/clear_all_envelopes", *CLIP)


def test_lives_rules(client):
    # Only once per parameter; only for the clip's own track; not for arrangement clips.
    client.send("/live/clip/create_automation_envelope", *(CLIP + (0, 2)))
    client.send("/live/clip/create_automation_envelope", *(CLIP + (0, 2)))
    client.expect_error("already exists", address="/live/clip/create_automation_envelope")
    client.send("/live/arrangement_clip/create_automation_envelope", 0, 0, 0, 2)
    client.expect_error("arrangement clip", address="/live/arrangement_clip/create_automation_envelope")
    client.send("/live/arrangement_clip/envelope/get/value_at_time", 0, 0, 0, 2, 1.0)
    client.expect_error("No automation envelope", address="/live/arrangement_clip/envelope/get/value_at_time")
    client.send("/live/clip/envelope/insert_step", *(CLIP + (0, 3, 0.0, 1.0, 0.5)))
    client.expect_error("create it first", address="/live/clip/envelope/insert_step")
    client.send("/live/clip/view/select_envelope_parameter", *(CLIP + (0, 2)))
    client.send("/live/clip/clear_all_envelopes", *CLIP)


def test_device_paths_and_bad_indices(client):
    client.send("/live/clip/create_automation_envelope", *(CLIP + (0, 999)))
    client.expect_error("No parameter 999", address="/live/clip/create_automation_envelope")
    client.send("/live/clip/create_automation_envelope", *(CLIP + ("2", 1)))
    assert client.query("/live/clip/get/has_envelope", *(CLIP + ("2", 1))) == CLIP + ("2", 1, True)
    client.send("/live/clip/clear_all_envelopes", *CLIP)


def test_live_11_envelopes_without_events():
    with running_sim(rich_set(), live_version="11.0") as (sim, client):
        client.send("/live/clip/create_automation_envelope", 0, 0, "mixer", "volume")
        client.send("/live/clip/envelope/insert_step", 0, 0, "mixer", "volume", 0.0, 1.0, 0.5)
        assert client.query("/live/clip/envelope/get/value_at_time", 0, 0, "mixer", "volume", 0.5)[-1] == 0.5
        assert client.query("/live/clip/get/has_envelopes", 0, 0) == (0, 0, True)
        client.send("/live/clip/envelope/get/events", 0, 0, "mixer", "volume", 0.0, 4.0)
        error = client.expect_error("12.2", address="/live/clip/envelope/get/events")
        assert "11.0" in error[0]
        assert client.errors() == []


def test_a_duplicated_clip_keeps_its_envelopes(client):
    client.send("/live/clip/create_automation_envelope", *(CLIP + ("mixer", "volume")))
    client.send("/live/clip/envelope/insert_step", *(CLIP + ("mixer", "volume", 0.0, 1.0, 0.5)))
    client.send("/live/clip_slot/duplicate_clip_to", 0, 0, 0, 3)
    assert client.query("/live/clip/envelope/get/value_at_time", 0, 3, "mixer", "volume", 0.5)[-1] == 0.5
    client.send("/live/clip/clear_all_envelopes", 0, 3)
    assert client.query("/live/clip/get/has_envelope", *(CLIP + ("mixer", "volume"))) == CLIP + ("mixer", "volume", True)
    client.send("/live/clip/clear_all_envelopes", *CLIP)
