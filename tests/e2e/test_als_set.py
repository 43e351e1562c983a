"""A real Live Set file (saved by Live 10, from pylive's tests) served by livesim, read over OSC."""
import os

import pytest

from tests.e2e.harness import ROOT, running_sim

pytestmark = pytest.mark.livesim_only

ALS = os.path.join(ROOT, "..", "shared", "sets", "pylive-Tests.als")


@pytest.fixture(scope="module")
def als():
    if not os.path.exists(ALS):
        pytest.skip("shared/sets/pylive-Tests.als is not beside the project")
    with running_sim(ALS) as pair:
        yield pair


def test_structure(als):
    sim, client = als
    assert client.query("/live/song/get/track_names") == (
        "1. Group", "2-Operator", "3-Operator", "2. Group", "5-Conga", "6-Audio")
    assert client.query("/live/song/get/num_scenes") == (8,)
    reply = client.query("/live/song/get/track_data", 0, -1, "track.is_foldable", "track.group_track")
    assert reply == (True, None, False, 0, False, 0, True, None, False, 3, False, 3)
    assert client.query("/live/track/get/clips/name", 1)[1:5] == ("one", "two", "three", None)


def test_devices_and_clips(als):
    sim, client = als
    assert client.query("/live/track/get/devices/class_name", 1) == (1, "Operator")
    assert client.query("/live/device/get/num_parameters", 1, 0)[2] > 1
    assert client.query("/live/clip/get/is_audio_clip", 4, 0) == (4, 0, True)
    assert client.query("/live/clip/get/file_path", 4, 0)[2].endswith(".aif")
    assert client.query("/live/clip/get/length", 1, 0) == (1, 0, 4.0)


def test_group_folding(als):
    sim, client = als
    client.send("/live/track/set/fold_state", 0, 1)
    assert client.query("/live/track/get/is_visible", 1) == (1, False)
    client.send("/live/track/set/fold_state", 0, 0)
    assert client.query("/live/track/get/is_visible", 1) == (1, True)
    assert client.errors() == []
