"""Each real Live Set, served by livesim, answers over OSC what its own XML says Live shows.

The expected values come from tests/e2e/als_truth.py, a reader of its own; the answers come from
the AbletonOSC script running in livesim, over UDP.  Values livesim adjusts (and logs) are left
out of the comparison; everything else must match.
"""
import glob
import os

import pytest

from tests.e2e.als_truth import Truth
from tests.e2e.harness import ROOT, running_sim

pytestmark = pytest.mark.livesim_only

SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "sets"))
SETS = sorted(glob.glob(os.path.join(SHARED, "real", "*.als"))) + [os.path.join(SHARED, "pylive-Tests.als")]
# The 68-track template is compared on its first tracks: the same code paths, a tenth of the queries.
MAX_TRACKS = 12


def approx(a, b):
    return abs(float(a) - float(b)) <= 1e-4 * max(1.0, abs(float(b)))


# Every set under Live 12.3; under Live 11.0 too, but for the largest (the same code paths again).
CASES = [(path, "12.3.6") for path in SETS] + [(path, "11.0") for path in SETS if "Menke" not in path]


@pytest.fixture(scope="module", params=CASES, ids=["%s-%s" % (os.path.basename(p), v) for p, v in CASES])
def served(request):
    path, version = request.param
    if not os.path.exists(path):
        if os.environ.get("CI"):
            pytest.fail("shared/sets is missing")
        pytest.skip("shared/sets is not beside the project")
    truth = Truth(path)
    with running_sim(path, live_version=version) as (sim, client):
        yield truth, sim, client


def test_song(served):
    truth, sim, client = served
    assert approx(client.query("/live/song/get/tempo")[0], truth.tempo())
    assert (client.query("/live/song/get/signature_numerator")[0],
            client.query("/live/song/get/signature_denominator")[0]) == truth.signature()
    loop, start, length = truth.loop()
    assert client.query("/live/song/get/loop")[0] == loop
    assert approx(client.query("/live/song/get/loop_start")[0], start)
    assert approx(client.query("/live/song/get/loop_length")[0], length)
    assert list(client.query("/live/song/get/groove_pool")) == truth.grooves()[0]
    assert approx(client.query("/live/song/get/groove_amount")[0], truth.groove_amount())
    cues = client.query("/live/song/get/cue_points")
    assert [(cues[i], round(cues[i + 1], 4)) for i in range(0, len(cues), 2)] == \
        [(name, round(time, 4)) for name, time in truth.cue_points()]


def test_scenes(served):
    truth, sim, client = served
    scenes = truth.scenes()
    assert client.query("/live/song/get/num_scenes")[0] == max(1, len(scenes))
    for i, (name, tempo) in enumerate(scenes[:16]):
        assert client.query("/live/scene/get/name", i)[1] == name
        assert approx(client.query("/live/scene/get/tempo", i)[1], tempo)


def test_tracks_and_mixers(served):
    truth, sim, client = served
    tracks = truth.tracks()
    assert client.query("/live/song/get/num_tracks")[0] == len(tracks)
    assert list(client.query("/live/song/get/track_names")) == [t["name"] for t in tracks]
    assert list(client.query("/live/song/get/return_track_names")) == truth.return_names()
    for i, t in enumerate(tracks[:MAX_TRACKS]):
        assert client.query("/live/track/get/is_foldable", i)[1] == t["is_foldable"]
        assert client.query("/live/track/get/group_track", i)[1] == t["group"], i
        assert client.query("/live/track/get/mute", i)[1] == t["mute"]
        assert client.query("/live/track/get/solo", i)[1] == t["solo"]
        assert approx(client.query("/live/track/get/panning", i)[1], t["panning"])
        assert client.query("/live/track/get/crossfade_assign", i)[1] == t["crossfade_assign"]
        if t["color_index"] is not None:
            assert client.query("/live/track/get/color_index", i)[1] == t["color_index"]
        if t["is_foldable"]:
            assert client.query("/live/track/get/fold_state", i)[1] == t["fold_state"]
        else:
            assert client.query("/live/track/get/arm", i)[1] == t["arm"]
            assert client.query("/live/track/get/current_monitoring_state", i)[1] == t["monitoring"]
    assert client.errors() == []


def test_devices(served):
    truth, sim, client = served
    for i, t in enumerate(truth.tracks()[:MAX_TRACKS]):
        devices = t["devices"]
        assert client.query("/live/track/get/num_devices", i)[1] == len(devices)
        if not devices:
            continue
        assert list(client.query("/live/track/get/devices/class_name", i)[1:]) == [d["class_name"] for d in devices]
        names = client.query("/live/track/get/devices/name", i)[1:]
        for j, d in enumerate(devices):
            if d["user_name"]:
                assert names[j] == d["user_name"]
            assert client.query("/live/device/get/parameters/value", i, j)[2] == (1.0 if d["on"] else 0.0)
            if "chains" in d:
                assert client.query("/live/device/get/num_chains", i, j)[2] == d["chains"], (i, j)
    assert client.errors() == []


def test_return_tracks_and_main_track(served):
    truth, sim, client = served
    for ref, mute, panning, devices in truth.returns_and_main():
        if mute is not None:
            assert client.query("/live/track/get/mute", ref)[1] == mute
        assert approx(client.query("/live/track/get/panning", ref)[1], panning)
        assert client.query("/live/track/get/num_devices", ref)[1] == len(devices)
        if devices:
            assert list(client.query("/live/track/get/devices/class_name", ref)[1:]) == [d["class_name"] for d in devices]
            for j, d in enumerate(devices):
                assert client.query("/live/device/get/parameters/value", ref, j)[2] == (1.0 if d["on"] else 0.0)
    assert client.errors() == []


def test_session_clips(served):
    truth, sim, client = served
    for i, t in enumerate(truth.tracks()[:MAX_TRACKS]):
        if t["is_foldable"]:
            continue
        clips = t["clips"]
        names = client.query("/live/track/get/clips/name", i)[1:]
        assert list(names[:len(clips)]) == [c and c["name"] for c in clips]
        for j, c in enumerate(clips):
            if c is None:
                continue
            assert client.query("/live/clip/get/looping", i, j)[2] == c["looping"]
            assert client.query("/live/clip/get/muted", i, j)[2] == c["muted"]
            assert client.query("/live/clip/get/legato", i, j)[2] == c["legato"]
            assert client.query("/live/clip/get/launch_mode", i, j)[2] == c["launch_mode"]
            assert client.query("/live/clip/get/is_audio_clip", i, j)[2] == c["audio"]
            assert client.query("/live/clip/get/groove", i, j)[2] == c["groove"]
            if not c["odd_loop"]:
                for key in ("length", "loop_start", "loop_end", "start_marker", "end_marker"):
                    assert approx(client.query("/live/clip/get/" + key, i, j)[2], c[key]), (i, j, key)
            if c.get("notes") is not None:
                flat = client.query("/live/clip/get/notes", i, j)[2:]
                got = sorted(tuple(flat[k:k + 5]) for k in range(0, len(flat), 5))
                assert len(got) == len(c["notes"])
                for g, want in zip(got, c["notes"]):
                    assert g[0] == want[0] and g[4] == want[4]
                    assert all(approx(a, b) for a, b in zip(g[1:4], want[1:4])), (i, j, g, want)
    assert client.errors() == []


def test_arrangement_clips(served):
    truth, sim, client = served
    for i, t in enumerate(truth.tracks()[:MAX_TRACKS]):
        if t["is_foldable"]:
            continue
        arrangement = sorted(t["arrangement"], key=lambda c: c["start_time"])
        assert client.query("/live/track/get/num_arrangement_clips", i)[1] == len(arrangement)
        if not arrangement:
            continue
        assert list(client.query("/live/track/get/arrangement_clips/name", i)[1:]) == [c["name"] for c in arrangement]
        starts = client.query("/live/track/get/arrangement_clips/start_time", i)[1:]
        assert all(approx(a, c["start_time"]) for a, c in zip(starts, arrangement))
        for k, c in enumerate(arrangement):
            assert approx(client.query("/live/arrangement_clip/get/end_time", i, k)[2], c["end_time"]), (i, k)
            if not c["odd_loop"]:
                assert approx(client.query("/live/arrangement_clip/get/length", i, k)[2], c["length"]), (i, k)
    assert client.errors() == []
