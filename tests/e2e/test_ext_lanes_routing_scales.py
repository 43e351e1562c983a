"""Take lanes' clips, routing details (category, attached track, channel layout) and Live's scales through livesim."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim
from tests.e2e.set_fixtures import checked, serving

pytestmark = pytest.mark.livesim_only

SET = {"tracks": [{"type": "midi", "name": "Keys"}, {"type": "audio", "name": "Vox"},
                  {"type": "audio", "name": "Resample"}],
       "scenes": [{}]}


@pytest.fixture(scope="module")
def lanes():
    yield from serving(SET)


@pytest.fixture
def ln(lanes):
    yield from checked(lanes)


def test_clips_in_take_lanes(ln):
    sim, client = ln
    assert client.query("/live/track/create_take_lane", 0) == (0, 0)
    assert client.query("/live/track/take_lane/create_midi_clip", 0, 0, 4.0, 8.0) == (0, 0, 0)
    assert client.query("/live/track/take_lane/create_midi_clip", 0, 0, 16.0, 4.0) == (0, 0, 1)
    assert client.query("/live/track/get/take_lane/clips/start_time", 0, 0) == (0, 0, 4.0, 16.0)
    assert client.query("/live/track/get/take_lane/clips/length", 0, 0) == (0, 0, 8.0, 4.0)
    assert client.query("/live/track/create_take_lane", 1) == (1, 0)
    assert client.query("/live/track/take_lane/create_audio_clip", 1, 0, "/takes/vox 1.wav", 2.0) == (1, 0, 0)
    assert client.query("/live/track/get/take_lane/clips/name", 1, 0) == (1, 0, "vox 1")
    assert client.query("/live/track/get/take_lane/clips/is_audio_clip", 1, 0) == (1, 0, True)
    client.send("/live/track/take_lane/create_audio_clip", 0, 0, "/takes/x.wav", 0.0)
    client.expect_error("audio tracks", address="/live/track/take_lane/create_audio_clip")
    client.send("/live/track/get/take_lane/clips/name", 0, 5)
    client.expect_error("take_lane_index 5 is out of range", address="/live/track/get/take_lane/clips/name")


def test_live_12_1_has_no_take_lanes():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET, live_version="12.1") as (sim, client):
        client.send("/live/track/take_lane/create_midi_clip", 0, 0, 0.0, 4.0)
        client.expect_error("needs Live 12.2", address="/live/track/take_lane/create_midi_clip")


def test_routing_details(ln):
    sim, client = ln
    client.send("/live/track/set/input_routing_type", 2, "Resampling")
    assert client.query("/live/track/get/input_routing_type/category", 2) == (2, 2)
    assert client.query("/live/track/get/input_routing_type/attached_track", 2) == (2, None)
    client.send("/live/track/set/input_routing_type", 2, "Ext. In")
    assert client.query("/live/track/get/input_routing_type/category", 2) == (2, 0)
    assert client.query("/live/track/get/output_routing_type/category", 2) == (2, 3)
    assert client.query("/live/track/get/output_routing_channel/layout", 1)[1] in (1, 2)
    assert client.query("/live/track/get/input_routing_channel/layout", 0) == (0, 0)   # MIDI


def test_all_scales(ln):
    sim, client = ln
    reply = client.query("/live/song/get/all_scales")
    assert reply[:9] == ("Major", 7, 0, 2, 4, 5, 7, 9, 11)
    names = []
    position = 0
    while position < len(reply):
        names.append(reply[position])
        position += 2 + reply[position + 1]
    assert position == len(reply) and "Minor" in names and len(names) > 10
