"""Simpler's sample and warp commands through livesim: /live/sample/* and Simpler's /live/device addresses."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim
from tests.e2e.set_fixtures import checked, serving

pytestmark = pytest.mark.livesim_only

# Track 0: a Simpler with a sample, an empty Simpler, a Reverb; track 1: a Drum Rack whose pad 36
# holds a Simpler with a sample.
SET = {"tracks": [
    {"type": "midi", "name": "Keys", "devices": [
        {"class_name": "OriginalSimpler", "sample": "/samples/break.wav"}, {"class_name": "OriginalSimpler"},
        {"class_name": "Reverb"}]},
    {"type": "midi", "name": "Drums", "devices": [{"class_name": "DrumGroupDevice", "drum_pads": [
        {"note": 36, "chains": [{"devices": [{"class_name": "OriginalSimpler", "sample": "/samples/kick.wav"}]}]}]}]}],
    "scenes": [{}]}
FRAMES = 88200   # livesim's stand-in file: two seconds at 44.1 kHz, four beats


@pytest.fixture(scope="module")
def simpler():
    yield from serving(SET)


@pytest.fixture
def sp(simpler):
    yield from checked(simpler)


def test_sample_properties(sp):
    sim, client = sp
    assert client.query("/live/sample/get/file_path", 0, 0) == (0, 0, "/samples/break.wav")
    assert client.query("/live/sample/get/length", 0, 0) == (0, 0, FRAMES)
    assert client.query("/live/sample/get/sample_rate", 0, 0) == (0, 0, 44100.0)
    assert client.query("/live/sample/get/gain_display_string", 0, 0) == (0, 0, "0.0 dB")
    client.send("/live/sample/set/warp_mode", 0, 0, 4)
    assert client.query("/live/sample/get/warp_mode", 0, 0) == (0, 0, 4)
    client.send("/live/sample/set/texture_flux", 0, 0, 20.0)
    assert client.query("/live/sample/get/texture_flux", 0, 0) == (0, 0, 20.0)
    # A Simpler inside a Drum Rack, by device path.
    assert client.query("/live/sample/get/file_path", 1, "0.0.0") == (1, "0.0.0", "/samples/kick.wav")


def test_slices_insert_move_remove_clear_reset(sp):
    sim, client = sp
    assert client.query("/live/sample/get/slices", 0, 0) == (0, 0, 0, 22050, 44100, 66150)
    client.send("/live/sample/start_listen/slices", 0, 0)
    assert client.wait_for("/live/sample/get/slices") == (0, 0, 0, 22050, 44100, 66150)
    client.send("/live/sample/insert_slice", 0, 0, 11025)
    assert client.wait_for("/live/sample/get/slices") == (0, 0, 0, 11025, 22050, 44100, 66150)
    assert client.query("/live/sample/move_slice", 0, 0, 11025, 12000) == (0, 0, 11025, 12000)
    client.send("/live/sample/remove_slice", 0, 0, 12000)
    client.send("/live/sample/clear_slices", 0, 0)
    client.sync()
    assert client.take_all("/live/sample/get/slices")[-1] == (0, 0)
    client.send("/live/sample/reset_slices", 0, 0)
    assert client.wait_for("/live/sample/get/slices") == (0, 0, 0, 22050, 44100, 66150)
    client.send("/live/sample/stop_listen/slices", 0, 0)
    client.send("/live/device/set/selected_slice", 0, 0, 44100)
    assert client.query("/live/device/get/selected_slice", 0, 0) == (0, 0, 44100)
    client.send("/live/sample/move_slice", 0, 0, 5, 6)
    client.expect_error("No slice at this time", address="/live/sample/move_slice")


def test_warp_as_double_half_change_the_markers(sp):
    sim, client = sp
    assert client.query("/live/device/get/can_warp_as", 0, 0) == (0, 0, True)
    assert client.query("/live/device/get/guess_playback_length", 0, 0) == (0, 0, 4.0)
    client.send("/live/device/warp_as", 0, 0, 8.0)
    assert client.query("/live/sample/get/warp_markers", 0, 0) == (0, 0, 0.0, 0.0, 8.0, 2.0)
    assert client.query("/live/sample/get/sample_to_beat_time", 0, 0, 44100.0) == (0, 0, 44100.0, 4.0)
    client.send("/live/device/warp_half", 0, 0)
    assert client.query("/live/device/get/guess_playback_length", 0, 0) == (0, 0, 4.0)
    client.send("/live/device/warp_double", 0, 0)
    assert client.query("/live/device/get/guess_playback_length", 0, 0) == (0, 0, 8.0)
    client.send("/live/sample/set/warping", 0, 0, False)
    client.send("/live/sample/get/beat_to_sample_time", 0, 0, 1.0)
    client.expect_error("not warped", address="/live/sample/get/beat_to_sample_time")
    client.send("/live/sample/set/warping", 0, 0, True)


def test_crop_and_reverse(sp):
    sim, client = sp
    client.send("/live/sample/set/start_marker", 1, "0.0.0", 22050)
    assert client.query("/live/device/get/sample_start", 1, "0.0.0") == (1, "0.0.0", 22050)
    client.send("/live/device/crop", 1, "0.0.0")
    assert client.query("/live/sample/get/length", 1, "0.0.0") == (1, "0.0.0", 66150)
    assert client.query("/live/device/get/sample_end", 1, "0.0.0") == (1, "0.0.0", 66150)
    client.send("/live/device/reverse", 1, "0.0.0")
    assert client.query("/live/sample/get/file_path", 1, "0.0.0") == (1, "0.0.0", "/samples/kick R.wav")


def test_simpler_pitch_bend_ranges(sp):
    sim, client = sp
    client.send("/live/device/set/pitch_bend_range", 0, 0, 12)
    assert client.query("/live/device/get/pitch_bend_range", 0, 0) == (0, 0, 12)
    client.send("/live/device/set/note_pitch_bend_range", 0, 0, 24)
    assert client.query("/live/device/get/note_pitch_bend_range", 0, 0) == (0, 0, 24)
    assert client.query("/live/device/get/playing_position", 0, 0) == (0, 0, 0.0)


def test_empty_simpler_and_other_devices_are_refused(sp):
    sim, client = sp
    client.send("/live/sample/get/file_path", 0, 1)
    client.expect_error("has no sample", address="/live/sample/get/file_path")
    assert client.query("/live/device/get/sample_start", 0, 1) == (0, 1, -1)
    assert client.query("/live/device/get/can_warp_as", 0, 1) == (0, 1, False)
    client.send("/live/device/crop", 0, 1)
    client.expect_error("Simpler has no sample", address="/live/device/crop")
    client.send("/live/sample/get/file_path", 0, 2)
    error = client.expect_error("is not Simpler", address="/live/sample/get/file_path")
    assert "sample" in error[0]
    client.send("/live/device/warp_as", 0, 2, 4.0)
    client.expect_error("not SimplerDevice", address="/live/device/warp_as")


def test_live_11_lacks_simplers_pitch_bend_ranges():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET, live_version="11.0.0") as (sim, client):
        assert client.query("/live/sample/get/length", 0, 0) == (0, 0, FRAMES)
        client.send("/live/device/get/note_pitch_bend_range", 0, 0)
        client.expect_error("needs Live 12.0", address="/live/device/get/note_pitch_bend_range")
        client.send("/live/device/get/pitch_bend_range", 0, 0)
        error = client.expect_error("this Live version's SimplerDevice lacks it",
                                    address="/live/device/get/pitch_bend_range")
        assert "pitch_bend_range" in error[0]
