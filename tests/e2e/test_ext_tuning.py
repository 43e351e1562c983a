"""The set's tuning system through livesim: /live/tuning_system/*."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim

pytestmark = pytest.mark.livesim_only

PELOG = [0.0, 120.0, 270.0, 540.0, 670.0, 785.0, 950.0]
SET = {"tracks": [{"type": "midi"}], "scenes": [{}],
       "tuning_system": {"name": "Pelog", "note_tunings": PELOG, "reference_pitch": [0, 4, 440.0],
                         "lowest_note": [0, 0], "highest_note": [6, 9]}}


@pytest.fixture
def tuned():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET) as (sim, client):
        yield sim, client
        assert client.errors() == []


def test_tuning_system_get_set_listen(tuned):
    sim, client = tuned
    assert client.query("/live/song/get/tuning_system") == ("Pelog",)
    assert client.query("/live/tuning_system/get/number_of_notes_in_pseudo_octave") == (7,)
    assert client.query("/live/tuning_system/get/pseudo_octave_in_cents") == (1200.0,)
    assert client.query("/live/tuning_system/get/note_tunings") == tuple(PELOG)
    assert client.query("/live/tuning_system/get/reference_pitch") == (0, 4, 440.0)
    assert client.query("/live/tuning_system/get/highest_note") == (6, 9)
    client.send("/live/tuning_system/start_listen/note_tunings")
    assert client.wait_for("/live/tuning_system/get/note_tunings") == tuple(PELOG)
    changed = [0.0, 110.0, 270.0, 540.0, 680.0, 785.0, 950.0]
    client.send("/live/tuning_system/set/note_tunings", *changed)
    assert client.wait_for("/live/tuning_system/get/note_tunings") == tuple(changed)
    client.send("/live/tuning_system/stop_listen/note_tunings")
    client.send("/live/tuning_system/set/reference_pitch", 2, 4, 432.0)
    assert client.query("/live/tuning_system/get/reference_pitch") == (2, 4, 432.0)
    client.send("/live/tuning_system/set/lowest_note", 3, 1)
    assert client.query("/live/tuning_system/get/lowest_note") == (3, 1)
    client.send("/live/tuning_system/set/name", "Pelog 2")
    assert client.query("/live/tuning_system/get/name") == ("Pelog 2",)


def test_bad_tuning_values_are_refused(tuned):
    sim, client = tuned
    client.send("/live/tuning_system/set/note_tunings", 0.0, 100.0)
    client.expect_error("takes 7 values", address="/live/tuning_system/set/note_tunings")
    client.send("/live/tuning_system/set/lowest_note", 9, 0)
    client.expect_error("Note index out of range", address="/live/tuning_system/set/lowest_note")


def test_equal_temperament_and_older_lives():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim({"tracks": [{"type": "midi"}], "scenes": [{}]}) as (sim, client):
        assert client.query("/live/song/get/tuning_system") == (None,)
        client.send("/live/tuning_system/get/note_tunings")
        client.expect_error("no tuning system", address="/live/tuning_system/get/note_tunings")
    with running_sim(SET, live_version="12.0") as (sim, client):
        client.send("/live/tuning_system/get/note_tunings")
        client.expect_error("needs Live 12.1", address="/live/tuning_system/get/note_tunings")
