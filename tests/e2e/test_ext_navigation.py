"""What controllers follow: the last fired scene, stepping the selection, the highlighted slot, the scene's name."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim

pytestmark = pytest.mark.livesim_only

SET = {"tracks": [{"type": "midi", "name": "A", "clips": [{"length": 4.0}]}, {"type": "audio", "name": "B"},
                  {"type": "midi", "name": "C"}],
       "returns": [{"name": "Verb"}],
       "scenes": [{"name": "Intro"}, {"name": "Verse"}, {"name": "Chorus"}]}


@pytest.fixture
def nav():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET) as (sim, client):
        yield sim, client
        assert client.errors() == []


def test_last_fired_scene_from_osc_and_from_live(nav):
    sim, client = nav
    assert client.query("/live/song/get/last_fired_scene") == (None, None)
    client.send("/live/song/start_listen/last_fired_scene")
    assert client.wait_for("/live/song/get/last_fired_scene") == (None, None)
    client.send("/live/scene/fire", 1)
    assert client.wait_for("/live/song/get/last_fired_scene") == (1, "Verse")
    # Launched in Live (a controller, the mouse): heard all the same.
    sim.call(lambda: sim.world.song.scenes[2].fire())
    assert client.wait_for("/live/song/get/last_fired_scene") == (2, "Chorus")
    client.send("/live/song/stop_listen/last_fired_scene")
    client.send("/live/scene/fire", 0)
    client.sync()
    assert client.query("/live/song/get/last_fired_scene") == (0, "Intro")
    client.take_all("/live/song/get/last_fired_scene")
    # A scene added later is followed too.
    client.send("/live/song/create_scene", -1)
    client.send("/live/scene/fire", 3)
    client.sync()
    assert client.query("/live/song/get/last_fired_scene")[0] == 3


def test_step_the_selection_without_indices(nav):
    sim, client = nav
    client.send("/live/view/set/selected_scene", 0)
    assert client.query("/live/view/select_next_scene") == (1,)
    assert client.query("/live/view/select_next_scene") == (2,)
    assert client.query("/live/view/select_next_scene") == (2,)          # the last: stays
    assert client.query("/live/view/select_previous_scene") == (1,)
    client.send("/live/view/set/selected_track", 1)
    assert client.query("/live/view/select_next_track") == (2,)
    assert client.query("/live/view/select_next_track") == ("A",)        # then the returns
    assert client.query("/live/view/select_next_track") == ("master",)
    assert client.query("/live/view/select_next_track") == ("master",)
    assert client.query("/live/view/select_previous_track") == ("A",)
    assert client.query("/live/view/get/selected_track") == ("A",)


def test_highlighted_slot_and_scene_name_are_pushed(nav):
    sim, client = nav
    client.send("/live/view/set/selected_track", 0)
    client.send("/live/view/set/selected_scene", 0)
    client.send("/live/view/start_listen/highlighted_clip_slot")
    assert client.wait_for("/live/view/get/highlighted_clip_slot") == (0, 0)
    client.send("/live/view/start_listen/selected_scene_name")
    assert client.wait_for("/live/view/get/selected_scene_name") == (0, "Intro")
    client.send("/live/view/select_next_scene")
    assert client.wait_for("/live/view/get/highlighted_clip_slot") == (0, 1)
    assert client.wait_for("/live/view/get/selected_scene_name") == (1, "Verse")
    client.send("/live/view/select_next_track")
    assert client.wait_for("/live/view/get/highlighted_clip_slot") == (1, 1)
    client.send("/live/view/stop_listen/highlighted_clip_slot")
    client.send("/live/view/stop_listen/selected_scene_name")
    client.send("/live/view/select_next_scene")
    client.sync()
    client.assert_nothing("/live/view/get/highlighted_clip_slot")
    client.assert_nothing("/live/view/get/selected_scene_name")
