"""Conversions through livesim: audio to MIDI, samples to Simpler and Drum Racks, pads and devices to tracks."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim

pytestmark = pytest.mark.livesim_only

# Track 0: audio with a clip in slot 1; track 1: MIDI with a Drum Rack (pad 36 holds a Simpler and a
# Reverb) and a MIDI clip; track 2: MIDI with a slicing Simpler and an Operator.
SET = {"tracks": [
    {"type": "audio", "name": "Break", "clips": [None, {"name": "Amen", "audio": True, "file_path": "/s/amen.wav",
                                                      "length": 8.0}]},
    {"type": "midi", "name": "Kit", "devices": [{"class_name": "DrumGroupDevice", "drum_pads": [
        {"note": 36, "name": "Kick", "chains": [{"devices": [{"class_name": "OriginalSimpler", "sample": "/s/k.wav"},
                                                             {"class_name": "Reverb"}]}]}]}],
     "clips": [{"name": "Beat", "length": 4.0}]},
    {"type": "midi", "name": "Chops", "devices": [{"class_name": "OriginalSimpler", "sample": "/s/chop.wav"},
                                                  {"class_name": "Operator"}]}],
    "scenes": [{}, {}]}


@pytest.fixture
def conv():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET) as (sim, client):
        yield sim, client
        assert client.errors() == []


def test_audio_to_midi_creates_a_midi_clip_on_a_new_track(conv):
    sim, client = conv
    assert client.query("/live/clip/get/is_convertible_to_midi", 0, 1) == (0, 1, True)
    assert client.query("/live/clip/convert_to_midi", 0, 1, "drums") == (0, 1, 1)
    assert client.query("/live/track/get/has_midi_input", 1) == (1, True)
    assert client.query("/live/clip/get/name", 1, 1) == (1, 1, "Amen")
    assert client.query("/live/clip/get/length", 1, 1) == (1, 1, 8.0)
    notes = client.query("/live/clip/get/notes", 1, 1)[2:]
    assert notes[:5] == (36, 0.0, 0.25, 100.0, False) and len(notes) == 8 * 5
    assert client.query("/live/song/get/num_tracks") == (4,)
    client.send("/live/song/undo")
    assert client.query("/live/song/get/num_tracks") == (3,)
    assert client.query("/live/clip/convert_to_midi", 0, 1, 0) == (0, 1, 1)   # harmony by number
    client.send("/live/clip/convert_to_midi", 0, 1, "jazz")
    client.expect_error("harmony, melody or drums", address="/live/clip/convert_to_midi")


def test_a_midi_clip_is_refused(conv):
    sim, client = conv
    client.send("/live/clip/get/is_convertible_to_midi", 1, 0)
    client.expect_error("Cannot convert a MIDI clip", address="/live/clip/get/is_convertible_to_midi")
    client.send("/live/clip/convert_to_midi", 1, 0, "melody")
    client.expect_error("Cannot convert a MIDI clip", address="/live/clip/convert_to_midi")


def test_sample_to_simpler_and_to_drum_rack(conv):
    sim, client = conv
    assert client.query("/live/clip/create_midi_track_with_simpler", 0, 1) == (0, 1, 1)
    assert client.query("/live/track/get/devices/class_name", 1) == (1, "OriginalSimpler")
    assert client.query("/live/sample/get/file_path", 1, 0) == (1, 0, "/s/amen.wav")
    assert client.query("/live/clip/create_drum_rack", 0, 1) == (0, 1, 1)
    assert client.query("/live/track/get/devices/class_name", 1) == (1, "DrumGroupDevice")
    assert client.query("/live/sample/get/file_path", 1, "0.0.0") == (1, "0.0.0", "/s/amen.wav")


def test_a_drum_pad_and_a_tracks_devices_become_tracks(conv):
    sim, client = conv
    assert client.query("/live/drum_pad/create_midi_track", 1, 0, 36) == (1, 0, 36, 2)
    assert client.query("/live/track/get/devices/class_name", 2) == (2, "OriginalSimpler", "Reverb")
    assert client.query("/live/track/get/name", 2) == (2, "Kick")
    assert client.query("/live/track/move_devices_to_drum_rack_pad", 3) == (3, 4)
    assert client.query("/live/track/get/num_devices", 3) == (3, 0)
    assert client.query("/live/track/get/devices/class_name", 4) == (4, "DrumGroupDevice")
    assert client.query("/live/drum_pad/get/chains/name", 4, 0, 36)[3:] != ()
    client.send("/live/track/move_devices_to_drum_rack_pad", 3)
    client.expect_error("has no devices", address="/live/track/move_devices_to_drum_rack_pad")


def test_a_sliced_simpler_becomes_a_drum_rack(conv):
    sim, client = conv
    client.send("/live/device/slice_to_drum_rack", 2, 0)
    client.expect_error("not in slicing mode", address="/live/device/slice_to_drum_rack")
    client.send("/live/device/set/playback_mode", 2, 0, 2)
    client.send("/live/device/slice_to_drum_rack", 2, 0)
    assert client.query("/live/track/get/devices/class_name", 2) == (2, "DrumGroupDevice", "Operator")
    assert client.query("/live/device/get/drum_pads/note", 2, 0) == (2, 0, 36, 37, 38, 39)
