"""Every real Live Set in shared/sets (saved by Live 9.0 to 12.2) opens under both Live profiles."""
import glob
import os

import pytest

from livesim.sets import SetError, load_set, validate_set
from livesim.world import World

SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "sets"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/sets"
REAL_SETS = sorted(glob.glob(os.path.join(SHARED, "real", "*.als"))) + [os.path.join(SHARED, "pylive-Tests.als")]
PROFILES = [(11, 0, 0), (12, 3, 6)]


def _need_sets():
    if not os.path.isdir(os.path.join(SHARED, "real")):
        pytest.fail("shared/sets/real is missing") if os.environ.get("CI") else pytest.skip("no shared/sets/real")


@pytest.mark.parametrize("version", PROFILES, ids=["11.0", "12.3"])
@pytest.mark.parametrize("path", REAL_SETS, ids=[os.path.basename(p) for p in REAL_SETS])
def test_real_set_opens(path, version):
    _need_sets()
    report = []
    data = load_set(path, version=version, report=report)
    assert validate_set(data) is data
    world = World(data, live_version=version, set_report=report)
    song = world.song
    assert len(song.tracks) == len(data["tracks"]) > 0
    assert len(song.scenes) == max(1, len(data["scenes"]))
    assert len(song.return_tracks) == len(data["returns"])
    assert world.set_report == report
    for line in report:
        assert line.startswith(os.path.basename(path) + ": ")


def test_the_three_sets_refused_before_now_hold_drum_racks_and_reversed_loops():
    _need_sets()
    report = []
    gitlive = load_set(os.path.join(SHARED, "real", "SonicZentropy__GitLive__test.als"), report=report)
    racks = [d for t in gitlive["tracks"] for d in t["devices"] if d["class_name"] == "DrumGroupDevice"]
    assert racks and racks[0]["drum_pads"] and "chains" not in racks[0]
    world = World(gitlive)
    rack = next(d for t in world.song.tracks for d in t.devices if d.class_name == "DrumGroupDevice")
    # A Drum Rack's chains are its pads' chains, in pad order.
    pad_chains = [c for p in rack.drum_pads for c in p.chains]
    assert len(rack.chains) == len(pad_chains) == sum(len(p["chains"]) for p in racks[0]["drum_pads"])

    report = []
    skeleton = load_set(os.path.join(SHARED, "real", "elixirbeats__abletoolz__10.1.3.als"), report=report)
    clip = skeleton["tracks"][3]["arrangement_clips"][0]
    assert clip["loop_end"] > clip["loop_start"]
    assert any("loop end is not after its loop start" in line for line in report)


@pytest.mark.parametrize("name", ["elixirbeats__abletoolz__10.1.3.als", "SonicZentropy__GitLive__test.als"])
def test_strict_refuses_what_would_be_adjusted(name):
    _need_sets()
    path = os.path.join(SHARED, "real", name)
    report = []
    load_set(path, report=report)
    if not report:
        assert load_set(path, strict=True)
        return
    with pytest.raises(SetError) as info:
        load_set(path, strict=True)
    assert "strict" in str(info.value) and name in str(info.value)
