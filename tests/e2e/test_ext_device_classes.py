"""Device classes with members of their own (Drift, Wavetable, Looper, EQ Eight, CC Control ...) through livesim."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim
from tests.e2e.set_fixtures import checked, serving

pytestmark = pytest.mark.livesim_only

# Track 0 (MIDI): Drift, Wavetable, Meld, CC Control, an Instrument Rack holding a Drift;
# track 1 (audio): Looper, EQ Eight, Hybrid Reverb, Roar, Shifter, Spectral Resonator, Reverb;
# track 2 (audio, empty), track 3 (MIDI): Drum Sampler.
SET = {"tracks": [
    {"type": "midi", "name": "Synths", "devices": [
        {"class_name": "Drift"}, {"class_name": "InstrumentVector"}, {"class_name": "InstrumentMeld"},
        {"class_name": "CcControl"},
        {"class_name": "InstrumentGroupDevice", "chains": [{"name": "In", "devices": [{"class_name": "Drift"}]}]}]},
    {"type": "audio", "name": "Loops", "devices": [
        {"class_name": "Looper"}, {"class_name": "Eq8"}, {"class_name": "Hybrid"}, {"class_name": "Roar"},
        {"class_name": "Shifter"}, {"class_name": "SpectralResonator"}, {"class_name": "Reverb"}]},
    {"type": "audio", "name": "Takes"},
    {"type": "midi", "name": "Drums", "devices": [{"class_name": "DrumCell"}]}],
    "scenes": [{}, {}]}


@pytest.fixture(scope="module")
def classes():
    yield from serving(SET)


@pytest.fixture
def dc(classes):
    yield from checked(classes)


def test_a_chooser_answers_names_and_is_set_by_index_or_name(dc):
    sim, client = dc
    assert client.query("/live/device/get/voice_mode", 0, 0) == (0, 0, "Poly")
    assert client.query("/live/device/get/voice_mode_list", 0, 0) == (0, 0, "Poly", "Mono", "Stereo", "Unison")
    client.send("/live/device/set/voice_mode", 0, 0, 2)
    assert client.query("/live/device/get/voice_mode", 0, 0) == (0, 0, "Stereo")
    client.send("/live/device/set/voice_mode", 0, 0, "mono")
    assert client.query("/live/device/get/voice_mode", 0, 0) == (0, 0, "Mono")
    client.send("/live/device/set/voice_mode", 0, 0, "Chord")
    error = client.expect_error("'Chord' is not one of Poly, Mono", address="/live/device/set/voice_mode")
    assert error
    client.send("/live/device/set/voice_mode", 0, 0, 9)
    client.expect_error("Index out of range", address="/live/device/set/voice_mode")


def test_device_paths_reach_a_device_class_inside_a_rack(dc):
    sim, client = dc
    assert client.query("/live/device/get/pitch_bend_range", 0, "4.0.0") == (0, "4.0.0", 2)
    client.send("/live/device/set/pitch_bend_range", 0, "4.0.0", 12)
    assert client.query("/live/device/get/pitch_bend_range", 0, "4.0.0") == (0, "4.0.0", 12)
    client.send("/live/device/set/mod_matrix_target_1", 0, "4.0.0", "LP Freq")
    assert client.query("/live/device/get/mod_matrix_target_1", 0, "4.0.0") == (0, "4.0.0", "LP Freq")


def test_a_listener_hears_a_chooser_by_name(dc):
    sim, client = dc
    client.send("/live/device/start_listen/ir_category", 1, 2)
    assert client.wait_for("/live/device/get/ir_category") == (1, 2, "Early Reflections")
    client.send("/live/device/set/ir_category", 1, 2, "Real Places")
    assert client.wait_for("/live/device/get/ir_category") == (1, 2, "Real Places")
    # Choosing a category selects its first file.
    assert client.query("/live/device/get/ir_file", 1, 2) == (1, 2, "Cathedral")
    assert client.query("/live/device/get/ir_file_list", 1, 2)[2:4] == ("Cathedral", "Concert Hall")
    client.send("/live/device/stop_listen/ir_category", 1, 2)
    client.send("/live/device/set/ir_category", 1, 2, 0)
    client.assert_nothing("/live/device/get/ir_category")


def test_shared_names_serve_each_class_with_its_own_member(dc):
    sim, client = dc
    # Shifter's pitch_mode is pitch_mode_index; Spectral Resonator's is pitch_mode.
    assert client.query("/live/device/get/pitch_mode", 1, 4) == (1, 4, "Internal")
    client.send("/live/device/set/pitch_mode", 1, 5, "MIDI")
    assert client.query("/live/device/get/pitch_mode", 1, 5) == (1, 5, "MIDI")
    client.send("/live/device/start_listen/pitch_mode", 1, 5)
    assert client.wait_for("/live/device/get/pitch_mode") == (1, 5, "MIDI")
    client.send("/live/device/stop_listen/pitch_mode", 1, 5)
    assert client.query("/live/device/get/mono_poly", 0, 2) == (0, 2, 1)        # Meld: a number
    assert client.query("/live/device/get/mono_poly", 1, 5) == (1, 5, "Mono")   # Spectral Resonator: a name


def test_a_device_of_another_class_gets_lives_error(dc):
    sim, client = dc
    client.send("/live/device/get/voice_mode", 1, 6)
    error = client.expect_error("not DriftDevice", address="/live/device/get/voice_mode")
    assert "Reverb" in error[0] and "voice_mode_index" in error[0]
    client.send("/live/device/record", 0, 0)
    client.expect_error("not LooperDevice", address="/live/device/record")
    # An OSC pattern over the device's getters skips what its class lacks.
    client.send("/live/device/get/{voice_mode,name}", 1, 6)
    assert client.wait_for("/live/device/get/name") == (1, 6, "Reverb")


def test_looper_records_over_time_then_plays_and_exports(dc):
    sim, client = dc
    client.send("/live/device/set/record_length", 1, 0, "1 Bar")
    client.send("/live/device/set/overdub_after_record", 1, 0, False)
    client.send("/live/device/start_listen/loop_length", 1, 0)
    assert client.wait_for("/live/device/get/loop_length") == (1, 0, 0.0)
    client.send("/live/device/record", 1, 0)
    client.sync()
    for _ in range(10):   # 2 beats at 120 BPM; each sync lets the script send what changed meanwhile
        sim.advance(0.1)
        client.sync()
    heard = [args[2] for args in client.take_all("/live/device/get/loop_length")]
    assert heard == sorted(heard) and len(heard) >= 10 and 1.9 < heard[-1] < 2.1
    client.send("/live/device/stop_listen/loop_length", 1, 0)
    assert client.query("/live/device/get/parameter/value", 1, 0, 1) == (1, 0, 1, 1.0)   # State: record
    sim.advance(1.5)   # the bar is full: Looper switches to play
    assert client.query("/live/device/get/loop_length", 1, 0) == (1, 0, 4.0)
    assert client.query("/live/device/get/parameter/value", 1, 0, 1) == (1, 0, 1, 2.0)   # State: play
    assert client.query("/live/device/get/tempo", 1, 0) == (1, 0, 120.0)
    client.send("/live/device/double_length", 1, 0)
    assert client.query("/live/device/get/loop_length", 1, 0) == (1, 0, 8.0)
    client.send("/live/device/double_speed", 1, 0)
    assert client.query("/live/device/get/loop_length", 1, 0) == (1, 0, 4.0)
    assert client.query("/live/device/get/tempo", 1, 0) == (1, 0, 240.0)
    assert client.query("/live/device/export_to_clip_slot", 1, 0, 1, 2) == (1, 0, 2, 1)
    assert client.query("/live/clip/get/length", 2, 1) == (2, 1, 4.0)
    client.send("/live/device/stop", 1, 0)
    client.send("/live/device/clear", 1, 0)
    assert client.query("/live/device/get/loop_length", 1, 0) == (1, 0, 0.0)
    client.send("/live/device/play", 1, 0)
    client.expect_error("Looper is empty", address="/live/device/play")


def test_wavetable_modulation_matrix(dc):
    sim, client = dc
    names = client.query("/live/device/get/visible_modulation_target_names", 0, 1)[2:]
    assert names == ("Osc 1 Pos", "Osc 2 Pos", "Filter 1 Freq")
    params = client.query("/live/device/get/parameters/name", 0, 1)[2:]
    gain = params.index("Osc 1 Gain")
    assert client.query("/live/device/get/is_parameter_modulatable", 0, 1, gain) == (0, 1, gain, True)
    assert client.query("/live/device/add_parameter_to_modulation_matrix", 0, 1, gain) == (0, 1, gain, 3)
    assert client.query("/live/device/get/modulation_target_parameter_name", 0, 1, 3) == (0, 1, 3, "Osc 1 Gain")
    client.send("/live/device/set/modulation_value", 0, 1, 3, 3, 0.5)
    assert client.query("/live/device/get/modulation_value", 0, 1, 3, 3) == (0, 1, 3, 3, 0.5)
    client.send("/live/device/set/oscillator_1_wavetable_category", 0, 1, "Noise")
    assert client.query("/live/device/get/oscillator_1_wavetable", 0, 1) == (0, 1, "White Noise")
    client.send("/live/device/set/oscillator_1_wavetable", 0, 1, 1)
    assert client.query("/live/device/get/oscillator_1_wavetable", 0, 1) == (0, 1, "Pink Noise")
    client.send("/live/device/set/unison_mode", 0, 1, 2)
    assert client.query("/live/device/get/unison_mode", 0, 1) == (0, 1, 2)


def test_eq8_cc_control_meld_roar_drum_sampler(dc):
    sim, client = dc
    client.send("/live/device/set/selected_band", 1, 1, 4)
    assert client.query("/live/device/get/selected_band", 1, 1) == (1, 1, 4)
    client.send("/live/device/set/global_mode", 1, 1, 2)
    assert client.query("/live/device/get/global_mode", 1, 1) == (1, 1, 2)
    client.send("/live/device/set/custom_float_target_3", 0, 3, "CC 74")
    assert client.query("/live/device/get/custom_float_target_3", 0, 3) == (0, 3, "CC 74")
    client.send("/live/device/resend", 0, 3)
    client.sync()
    assert sim.call(lambda: sim.world.song_node.tracks[0].devices[3].resent) == 1
    client.send("/live/device/set/routing_mode", 1, 3, "Parallel")
    assert client.query("/live/device/get/routing_mode", 1, 3) == (1, 3, "Parallel")
    client.send("/live/device/set/gain", 3, 0, 0.75)
    assert client.query("/live/device/get/gain", 3, 0) == (3, 0, 0.75)
    client.send("/live/device/set/selected_engine", 0, 2, 1)
    assert client.query("/live/device/get/selected_engine", 0, 2) == (0, 2, 1)


def test_a_live_version_without_the_class_is_told_so():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET, live_version="11.0.0") as (sim, client):
        client.send("/live/device/get/voice_mode", 0, 0)
        error = client.expect_error("needs Live 12.0", address="/live/device/get/voice_mode")
        assert "11.0.0" in error[0]
        client.send("/live/device/record", 1, 0)
        client.expect_error("needs Live 12.0", address="/live/device/record")
        # Classes Live 11 has answer there.
        assert client.query("/live/device/get/selected_band", 1, 1) == (1, 1, 0)
        assert client.errors() == []
