"""Warp markers of audio clips, warp modes, beat / sample / seconds conversions; MIDI clips and Live 11.0."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only

AUDIO = (1, 0)  # "Beat": a 4-beat warped audio clip, recorded at 120 BPM
MIDI = (0, 0)


@pytest.fixture
def pair(rich_pair):
    return rich_pair


@pytest.fixture
def client(rich_pair):
    return rich_pair[1]


def markers(client, ref=AUDIO):
    values = client.query("/live/clip/get/warp_markers", *ref)[2:]
    return list(zip(values[::2], values[1::2]))


def test_get_add_move_remove(client):
    assert markers(client) == [(0.0, 0.0), (4.0, 2.0)]
    client.send("/live/clip/add/warp_marker", *(AUDIO + (2.0,)))
    assert markers(client) == [(0.0, 0.0), (2.0, 1.0), (4.0, 2.0)]
    client.send("/live/clip/add/warp_marker", *(AUDIO + (3.0, 1.25)))
    assert (3.0, 1.25) in markers(client)
    client.send("/live/clip/move/warp_marker", *(AUDIO + (2.0, 0.5)))
    assert (2.5, 1.0) in markers(client)
    client.send("/live/clip/remove/warp_marker", *(AUDIO + (2.5,)))
    client.send("/live/clip/remove/warp_marker", *(AUDIO + (3.0,)))
    assert markers(client) == [(0.0, 0.0), (4.0, 2.0)]


def test_warp_markers_listener(client):
    client.send("/live/clip/start_listen/warp_markers", *AUDIO)
    assert client.wait_for("/live/clip/get/warp_markers") == AUDIO + (0.0, 0.0, 4.0, 2.0)
    client.send("/live/clip/add/warp_marker", *(AUDIO + (1.0,)))
    assert client.wait_for("/live/clip/get/warp_markers") == AUDIO + (0.0, 0.0, 1.0, 0.5, 4.0, 2.0)
    client.send("/live/clip/stop_listen/warp_markers", *AUDIO)
    client.send("/live/clip/remove/warp_marker", *(AUDIO + (1.0,)))


def test_available_warp_modes_and_conversions(client):
    assert client.query("/live/clip/get/available_warp_modes", *AUDIO) == AUDIO + (0, 1, 2, 3, 4, 6)
    assert client.query("/live/clip/get/beat_to_sample_time", *(AUDIO + (2.0,))) == AUDIO + (2.0, 44100.0)
    assert client.query("/live/clip/get/sample_to_beat_time", *(AUDIO + (44100.0,))) == AUDIO + (44100.0, 2.0)
    assert client.query("/live/clip/get/sample_rate", *AUDIO) == AUDIO + (44100.0,)
    client.send("/live/clip/get/seconds_to_sample_time", *(AUDIO + (1.0,)))
    client.expect_error("warped", address="/live/clip/get/seconds_to_sample_time")
    client.send("/live/clip/set/warping", *(AUDIO + (False,)))
    assert client.query("/live/clip/get/seconds_to_sample_time", *(AUDIO + (0.5,))) == AUDIO + (0.5, 22050.0)
    client.send("/live/clip/get/beat_to_sample_time", *(AUDIO + (2.0,)))
    client.expect_error("not warped", address="/live/clip/get/beat_to_sample_time")
    client.send("/live/clip/set/warping", *(AUDIO + (True,)))


def test_midi_clips_answer_lives_error(client):
    for address, args in (("/live/clip/get/warp_markers", ()), ("/live/clip/get/available_warp_modes", ()),
                          ("/live/clip/add/warp_marker", (1.0,)), ("/live/clip/get/beat_to_sample_time", (1.0,))):
        client.send(address, *(MIDI + args))
        client.expect_error("only available for Audio Clips", address=address)


def test_live_11_0_reads_markers_but_cannot_edit_them():
    with running_sim(rich_set(), live_version="11.0") as (sim, client):
        assert client.query("/live/clip/get/warp_markers", *AUDIO) == AUDIO + (0.0, 0.0, 4.0, 2.0)
        client.send("/live/clip/add/warp_marker", *(AUDIO + (2.0, 1.0)))
        error = client.expect_error("11.1", address="/live/clip/add/warp_marker")
        assert "11.0" in error[0]
        assert client.errors() == []
