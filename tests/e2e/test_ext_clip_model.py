"""The rest of Clip and Clip.View: signature, clip kind, editing, playback control, events, the detail view."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import advance, rich_set

pytestmark = pytest.mark.livesim_only

CLIP = (0, 0)  # "Chords-C-E-G": 4 beats, notes 60 and 64 at 0, 67 at 1


@pytest.fixture
def pair(rich_pair):
    return rich_pair


@pytest.fixture
def client(rich_pair):
    return rich_pair[1]


def notes(client, ref=CLIP):
    values = client.query("/live/clip/get/notes", *ref)[2:]
    return [tuple(values[i:i + 5]) for i in range(0, len(values), 5)]


def test_signature_and_kind(client):
    assert client.query("/live/clip/get/signature_numerator", *CLIP) == CLIP + (4,)
    client.send("/live/clip/set/signature_numerator", *(CLIP + (7,)))
    client.send("/live/clip/set/signature_denominator", *(CLIP + (8,)))
    assert client.query("/live/clip/get/signature_numerator", *CLIP) == CLIP + (7,)
    assert client.query("/live/clip/get/signature_denominator", *CLIP) == CLIP + (8,)
    client.send("/live/clip/set/signature_denominator", *(CLIP + (3,)))
    client.expect_error("Invalid signature denominator", address="/live/clip/set/signature_denominator")
    assert client.query("/live/clip/get/is_session_clip", *CLIP) == CLIP + (True,)
    assert client.query("/live/clip/get/is_arrangement_clip", *CLIP) == CLIP + (False,)
    assert client.query("/live/clip/get/is_take_lane_clip", *CLIP) == CLIP + (False,)


def test_quantize_and_quantize_pitch(client):
    client.send("/live/clip/add/notes", *(CLIP + (70, 2.1, 0.5, 100, False, 72, 3.1, 0.5, 100, False)))
    client.send("/live/clip/quantize_pitch", *(CLIP + (70, 6, 1.0)))
    assert (70, 2.0, 0.5, 100.0, False) in notes(client)
    assert (72, 3.1, 0.5, 100.0, False) in [(n[0], round(n[1], 4)) + n[2:] for n in notes(client)]
    client.send("/live/clip/quantize", *(CLIP + (6, 1.0)))
    assert (72, 3.0, 0.5, 100.0, False) in notes(client)


def test_duplicate_region_and_crop(client):
    client.send("/live/clip/duplicate_region", *(CLIP + (0.0, 1.0, 2.0)))
    assert (60, 2.0, 1.0, 100.0, False) in notes(client) and (64, 2.0, 1.0, 90.0, False) in notes(client)
    client.send("/live/clip/duplicate_region", *(CLIP + (0.0, 1.0, 3.0, 60, 12)))
    assert (72, 3.0, 1.0, 100.0, False) in notes(client)
    client.send("/live/clip/set/loop_start", *(CLIP + (2.0,)))
    client.send("/live/clip/crop", *CLIP)
    assert client.query("/live/clip/get/length", *CLIP) == CLIP + (2.0,)
    assert sorted(n[:2] for n in notes(client)) == [(60, 0.0), (64, 0.0), (72, 1.0)]


def test_fire_button_scrub_and_playing_position(pair, client):
    sim = pair[0]
    client.send("/live/clip/start_listen/playing_status", *CLIP)
    assert client.wait_for("/live/clip/get/playing_status") == CLIP + (False, False)
    client.send("/live/song/start_playing")
    client.send("/live/clip/set_fire_button_state", *(CLIP + (True,)))
    client.sync()
    advance(sim, 1.0)
    assert client.query("/live/clip/get/is_playing", *CLIP) == CLIP + (True,)
    assert client.query("/live/clip/get/playing_status", *CLIP) == CLIP + (True, False)
    client.send("/live/clip/set_fire_button_state", *(CLIP + (False,)))
    client.send("/live/clip/scrub", *(CLIP + (1.0,)))
    client.send("/live/clip/stop_scrub", *CLIP)
    client.send("/live/clip/move_playing_pos", *(CLIP + (1.0,)))
    client.send("/live/clip/stop_listen/playing_status", *CLIP)
    client.send("/live/song/stop_playing")
    client.sync()
    client.take_all("/live/clip/get/playing_status")


def test_loop_jump_listener(pair, client):
    sim = pair[0]
    client.send("/live/clip/start_listen/loop_jump", *CLIP)
    client.take_all("/live/clip/get/loop_jump")
    client.send("/live/clip/fire", *CLIP)
    client.send("/live/song/start_playing")
    client.sync()
    advance(sim, 3.0)  # 6 beats at 120 BPM: the 4-beat loop jumps back once
    client.sync()
    assert client.take_all("/live/clip/get/loop_jump")
    client.send("/live/clip/stop_listen/loop_jump", *CLIP)
    client.send("/live/song/stop_playing")


def test_note_number_to_name(client):
    assert client.query("/live/clip/get/note_number_to_name", *(CLIP + (60,))) == CLIP + (60, "C3")


def test_view(client):
    client.send("/live/clip/set/grid_quantization", *(CLIP + (6,)))
    client.send("/live/clip/set/grid_is_triplet", *(CLIP + (True,)))
    assert client.query("/live/clip/get/grid_quantization", *CLIP) == CLIP + (6,)
    assert client.query("/live/clip/get/grid_is_triplet", *CLIP) == CLIP + (True,)
    for name in ("show_loop", "show_envelope", "hide_envelope"):
        client.send("/live/clip/view/%s" % name, *CLIP)


def test_arrangement_clips_have_the_model_too(client):
    assert client.query("/live/arrangement_clip/get/signature_numerator", 0, 0) == (0, 0, 4)
    client.send("/live/arrangement_clip/crop", 0, 0)
    client.send("/live/arrangement_clip/quantize", 1, 0, 6, 1.0)
    client.expect_error(address="/live/arrangement_clip/quantize")


def test_audio_clips_refuse_midi_edits(client):
    client.send("/live/clip/quantize", 1, 0, 6, 1.0)
    client.expect_error("only available for MIDI", address="/live/clip/quantize")


def test_upstream_clip_shapes_unchanged(client):
    assert client.query("/live/clip/get/name", *CLIP) == CLIP + ("Chords-C-E-G",)
    assert client.query("/live/clip/get/gain", *CLIP) == CLIP + (None,)
    assert client.query("/live/clip/get/notes", *CLIP) == CLIP + (60, 0.0, 1.0, 100.0, False, 64, 0.0, 1.0, 90.0, False,
                                                                    67, 1.0, 0.5, 80.0, True)


def test_every_clip_member_is_reached_or_listed_as_not_exposed():
    import json
    import os

    from AbletonOSC.handlers import build_registry
    from AbletonOSC.handlers.coverage import NOT_EXPOSED, counted

    path = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "live-api", "LiveTree-12.3.6.json")
    if not os.path.exists(path):
        pytest.skip("Live API capture missing")
    with open(path) as handle:
        tree = json.load(handle)["tree"]
    module = [m for m in tree["children"] if m["name"] == "Clip"][0]
    clip = [c for c in module["children"] if c["name"] == "Clip"][0]
    view = [c for c in clip["children"] if c["name"] == "View"][0]
    reached = build_registry().coverage()
    missing = []
    for cls, node in (("Clip", clip), ("Clip.View", view)):
        for child in node["children"]:
            name = child["name"]
            if child["type"] in ("property", "function") and counted(name) and name not in reached.get(cls, ()) \
                    and "%s.%s" % (cls, name) not in NOT_EXPOSED:
                missing.append("%s.%s" % (cls, name))
    assert missing == []


def test_live_12_1_lacks_session_clip_flag():
    with running_sim(rich_set(), live_version="12.1") as (sim, client):
        client.send("/live/clip/get/is_session_clip", *CLIP)
        error = client.expect_error("12.2", address="/live/clip/get/is_session_clip")
        assert "12.1" in error[0]
        assert client.query("/live/clip/get/signature_numerator", *CLIP) == CLIP + (4,)
        assert client.errors() == []


@pytest.mark.parametrize("pattern", ["/live/clip/get/*", "/live/arrangement_clip/get/*"])
@pytest.mark.parametrize("ref", [(0, 0), (1, 0)])
def test_patterns_over_clip_getters_answer_without_errors(client, pattern, ref):
    if pattern.startswith("/live/arrangement_clip") and ref == (1, 0):
        client.send("/live/clip/duplicate_to_arrangement", 1, 0, 0.0)
    client.send(pattern, *ref)
    client.sync()
    assert client.errors() == []
    addresses = [m.address for m in client.inbox]
    assert pattern.replace("*", "name") in addresses
    assert pattern.replace("*", "signature_numerator") in addresses
