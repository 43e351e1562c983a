"""Racks, chains and drum pads (beyond upstream): device paths, /live/chain/*, /live/drum_pad/*, rack addresses."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.set_fixtures import checked, serving

pytestmark = pytest.mark.livesim_only

# Track 0: an Instrument Rack (three chains, the second holding two devices, and a return chain)
# followed by a Delay; track 1: a Drum Rack with pads 36, 38 and 42; track 2: an audio effect rack
# nesting another rack.
RACK = {"class_name": "InstrumentGroupDevice", "name": "Keys Rack",
        "chains": [
            {"name": "Piano", "volume": 0.5, "panning": -0.5, "devices": [{"class_name": "Operator"}]},
            {"name": "Strings", "color": 0xFF3636, "devices": [{"class_name": "InstrumentVector"},
                                                              {"class_name": "Reverb"}]},
            {"name": "Empty"},
        ],
        "return_chains": [{"name": "Verb", "devices": [{"class_name": "Reverb"}]}]}
DRUMS = {"class_name": "DrumGroupDevice", "drum_pads": [
    {"note": 36, "name": "Kick", "chains": [{"devices": [{"class_name": "OriginalSimpler", "name": "Kick 808"}]}]},
    {"note": 38, "chains": [{"name": "Snare", "choke_group": 1, "devices": [{"class_name": "OriginalSimpler"}]}]},
    {"note": 42, "name": "Hat"},
]}
FX = {"class_name": "AudioEffectGroupDevice", "name": "FX Rack", "chains": [
    {"name": "Dry"},
    {"name": "Wet", "devices": [{"class_name": "AudioEffectGroupDevice", "name": "Inner", "chains": [
        {"name": "Deep", "devices": [{"class_name": "Delay"}]}]}]},
]}


def rack_set():
    return {"tracks": [{"type": "midi", "name": "Keys", "devices": [RACK, {"class_name": "Delay"}]},
                       {"type": "midi", "name": "Drums", "devices": [DRUMS]},
                       {"type": "audio", "name": "Fx", "devices": [FX]},
                       {"type": "midi", "name": "Plug", "devices": [
                           {"class_name": "PluginDevice", "name": "Serum", "type": "instrument",
                            "presets": ["Init", "Bass", "Lead"]},
                           {"class_name": "MxDeviceAudioEffect", "name": "LFO", "parameters": [
                               {"name": "Rate"}, {"name": "Depth"}, {"name": "Shape", "value_items": ["Sine", "Saw"]},
                               {"name": "Phase"}, {"name": "Offset"}, {"name": "Jitter"}, {"name": "Smooth"},
                               {"name": "Hold"}, {"name": "Retrig"}]}]}],
            "scenes": [{}, {}]}


@pytest.fixture(scope="module")
def racks():
    yield from serving(rack_set())


@pytest.fixture
def rk(racks):
    yield from checked(racks)


def song(sim):
    return sim.world.song


# ---------------------------------------------------------------------- device paths

def test_device_paths_reach_devices_in_chains(rk):
    sim, client = rk
    assert client.query("/live/device/get/name", 0, "0.1.1") == (0, "0.1.1", "Reverb")
    assert client.query("/live/device/get/class_name", 0, "0.0.0") == (0, "0.0.0", "Operator")
    assert client.query("/live/device/get/type", 0, "0.1.0") == (0, "0.1.0", 1)
    assert client.query("/live/device/get/name", 2, "0.1.0.0.0") == (2, "0.1.0.0.0", "Delay")
    assert client.query("/live/device/get/name", 0, "1") == (0, "1", "Delay")
    # upstream's integer device_id is unchanged
    assert client.query("/live/device/get/name", 0, 1) == (0, 1, "Delay")


def test_device_path_parameters(rk):
    sim, client = rk
    n = client.query("/live/device/get/num_parameters", 0, "0.1.1")
    expected = sim.call(lambda: len(song(sim).tracks[0].devices[0].chains[1].devices[1].parameters))
    assert n == (0, "0.1.1", expected)
    names = client.query("/live/device/get/parameters/name", 0, "0.1.1")
    assert names[:2] == (0, "0.1.1") and names[2] == "Device On" and len(names) == 2 + expected
    for address in ("/live/device/get/parameters/value", "/live/device/get/parameters/min",
                    "/live/device/get/parameters/max", "/live/device/get/parameters/is_quantized"):
        reply = client.query(address, 0, "0.1.1")
        assert reply[:2] == (0, "0.1.1") and len(reply) == 2 + expected
    assert client.query("/live/device/get/parameter/name", 0, "0.1.1", 1)[:3] == (0, "0.1.1", 1)
    client.send("/live/device/set/parameter/value", 0, "0.1.1", 1, 0.25)
    assert client.query("/live/device/get/parameter/value", 0, "0.1.1", 1) == (0, "0.1.1", 1, pytest.approx(0.25))
    text = client.query("/live/device/get/parameter/value_string", 0, "0.1.1", 1)
    assert text[:3] == (0, "0.1.1", 1)
    assert text[3] == sim.call(lambda: str(song(sim).tracks[0].devices[0].chains[1].devices[1].parameters[1]))
    minimums = client.query("/live/device/get/parameters/min", 0, "0.1.1")[2:]
    original = client.query("/live/device/get/parameters/value", 0, "0.1.1")[2:]
    client.send("/live/device/set/parameters/value", 0, "0.1.1", *minimums[:3])
    assert client.query("/live/device/get/parameters/value", 0, "0.1.1")[2:5] == tuple(
        pytest.approx(v) for v in minimums[:3])
    client.send("/live/device/set/parameters/value", 0, "0.1.1", *original)
    assert client.query("/live/device/get/is_active", 0, "0.1.1") == (0, "0.1.1", True)


def test_device_path_listeners(rk):
    sim, client = rk
    param = lambda: song(sim).tracks[0].devices[0].chains[1].devices[1].parameters[2]  # noqa: E731
    try:
        client.send("/live/device/start_listen/parameter/value", 0, "0.1.1", 2)
        assert client.wait_for("/live/device/get/parameter/value")[:3] == (0, "0.1.1", 2)
        assert client.wait_for("/live/device/get/parameter/value_string")[:3] == (0, "0.1.1", 2)
        sim.call(lambda: setattr(param(), "value", 0.75))
        assert client.wait_for("/live/device/get/parameter/value") == (0, "0.1.1", 2, pytest.approx(0.75))
        client.send("/live/device/start_listen/name", 0, "0.1.1")
        assert client.wait_for("/live/device/get/name") == ("Reverb",)  # upstream's payload: the value only
        sim.call(lambda: setattr(song(sim).tracks[0].devices[0].chains[1].devices[1], "name", "Hall"))
        assert client.wait_for("/live/device/get/name") == ("Hall",)
    finally:
        client.send("/live/device/stop_listen/parameter/value", 0, "0.1.1", 2)
        client.send("/live/device/stop_listen/name", 0, "0.1.1")
        sim.call(lambda: setattr(song(sim).tracks[0].devices[0].chains[1].devices[1], "name", "Reverb"))
    client.sync()
    sim.call(lambda: setattr(param(), "value", 0.5))
    client.assert_nothing("/live/device/get/parameter/value")
    client.take_all("/live/device/get/parameter/value_string")
    client.take_all("/live/device/get/name")


def test_device_path_listener_follows_the_device_when_chains_move(rk):
    sim, client = rk
    client.send("/live/chain/start_listen/name", 0, 0, 2)
    assert client.wait_for("/live/chain/get/name") == (0, 0, 2, "Empty")
    client.send("/live/device/start_listen/is_active", 0, "0.1.1")
    assert client.wait_for("/live/device/get/is_active") == (0, "0.1.1", True)
    try:
        # muting the chain turns its devices off
        client.send("/live/chain/set/mute", 0, 0, 1, True)
        assert client.wait_for("/live/device/get/is_active") == (0, "0.1.1", False)
        client.send("/live/chain/set/mute", 0, 0, 1, False)
        assert client.wait_for("/live/device/get/is_active") == (0, "0.1.1", True)
        sim.call(lambda: setattr(song(sim).tracks[0].devices[0].chains[2], "name", "Spare"))
        assert client.wait_for("/live/chain/get/name") == (0, 0, 2, "Spare")
    finally:
        client.send("/live/chain/stop_listen/name", 0, 0, 2)
        client.send("/live/device/stop_listen/is_active", 0, "0.1.1")
        client.send("/live/chain/set/name", 0, 0, 2, "Empty")
    client.sync()
    client.take_all("/live/chain/get/name")
    client.take_all("/live/device/get/is_active")


def test_midimap_reaches_a_parameter_in_a_chain(rk):
    sim, client = rk
    client.send("/live/midimap/map_cc", 0, "0.1.1", 1, 2, 21)
    try:
        mappings = client.query("/live/midimap/get/mappings")
        assert (2, 21, 0, "0.1.1", 1) == tuple(mappings[:5])
        sim.tick()  # Live rebuilds the MIDI map after the script asks
        param = lambda: song(sim).tracks[0].devices[0].chains[1].devices[1].parameters[1]  # noqa: E731
        sim.call(sim.world.receive_midi, 0xB2, 21, 127)
        assert sim.call(lambda: param().value) == pytest.approx(sim.call(lambda: param().max))
    finally:
        client.send("/live/midimap/unmap_cc", 2, 21)
    assert client.query("/live/midimap/get/mappings") == ()


def test_bad_device_paths_are_clear_errors(rk):
    sim, client = rk
    client.send("/live/device/get/name", 0, "1.0.0")
    client.expect_error("has no chains", address="/live/device/get/name")
    client.send("/live/device/get/name", 0, "0.1")
    client.expect_error("path", address="/live/device/get/name")
    client.send("/live/device/get/name", 0, "0.9.0")
    client.expect_error("Index out of range", address="/live/device/get/name")


# ---------------------------------------------------------------------- rack addresses

def test_rack_chain_lists(rk):
    sim, client = rk
    assert client.query("/live/device/get/can_have_chains", 0, 0) == (0, 0, True)
    assert client.query("/live/device/get/can_have_chains", 0, 1) == (0, 1, False)
    assert client.query("/live/device/get/can_have_drum_pads", 1, 0) == (1, 0, True)
    assert client.query("/live/device/get/num_chains", 0, 0) == (0, 0, 3)
    assert client.query("/live/device/get/chains/name", 0, 0) == (0, 0, "Piano", "Strings", "Empty")
    assert client.query("/live/device/get/chains/num_devices", 0, 0) == (0, 0, 1, 2, 0)
    assert client.query("/live/device/get/chains/volume", 0, 0) == (0, 0, pytest.approx(0.5), pytest.approx(0.85),
                                                                     pytest.approx(0.85))
    assert client.query("/live/device/get/chains/panning", 0, 0)[2] == pytest.approx(-0.5)
    assert client.query("/live/device/get/chains/mute", 0, 0) == (0, 0, False, False, False)
    assert client.query("/live/device/get/chains/is_auto_colored", 0, 0) == (0, 0, True, False, True)
    assert client.query("/live/device/get/num_return_chains", 0, 0) == (0, 0, 1)
    assert client.query("/live/device/get/return_chains/name", 0, 0) == (0, 0, "Verb")
    assert client.query("/live/device/get/chains/name", 2, "0.1.0") == (2, "0.1.0", "Deep")


def test_rack_addresses_refuse_other_devices(rk):
    sim, client = rk
    client.send("/live/device/get/num_chains", 0, 1)
    client.expect_error("not a rack", address="/live/device/get/num_chains")
    client.send("/live/device/get/drum_pads/name", 0, 0)
    client.expect_error("not a Drum Rack", address="/live/device/get/drum_pads/name")
    # an OSC pattern skips what does not apply to the device
    client.send("/live/device/get/*", 0, 1)
    client.sync()
    assert client.errors() == []
    client.inbox = []


def test_rack_selected_chain(rk):
    sim, client = rk
    assert client.query("/live/device/get/selected_chain", 0, 0) == (0, 0, 0)
    client.send("/live/device/start_listen/selected_chain", 0, 0)
    assert client.wait_for("/live/device/get/selected_chain") == (0, 0, 0)
    try:
        client.send("/live/device/set/selected_chain", 0, 0, 2)
        assert client.wait_for("/live/device/get/selected_chain") == (0, 0, 2)
        assert sim.call(lambda: song(sim).tracks[0].devices[0].view.selected_chain.name) == "Empty"
        client.send("/live/device/set/selected_chain", 0, 0, -1)  # livesim lets it be cleared
        assert client.wait_for("/live/device/get/selected_chain") == (0, 0, -1)
    finally:
        client.send("/live/device/stop_listen/selected_chain", 0, 0)
        client.send("/live/device/set/selected_chain", 0, 0, 0)
    assert client.query("/live/device/get/selected_chain", 0, 0) == (0, 0, 0)
    client.take_all("/live/device/get/selected_chain")


def test_rack_showing_chains_and_view(rk):
    sim, client = rk
    for address in ("is_showing_chains", "is_showing_chain_devices"):
        assert client.query("/live/device/get/%s" % address, 0, 0) == (0, 0, False)
        client.send("/live/device/set/%s" % address, 0, 0, True)
        assert client.query("/live/device/get/%s" % address, 0, 0) == (0, 0, True)
        client.send("/live/device/set/%s" % address, 0, 0, False)
    assert client.query("/live/device/get/can_show_chains", 0, 0) == (0, 0, True)
    assert client.query("/live/device/get/is_collapsed", 0, 0) == (0, 0, False)
    client.send("/live/device/set/is_collapsed", 0, 0, True)
    assert client.query("/live/device/get/is_collapsed", 0, 0) == (0, 0, True)
    client.send("/live/device/set/is_collapsed", 0, 0, False)


def test_rack_macros_and_variations(rk):
    sim, client = rk
    assert client.query("/live/device/get/variation_count", 0, 0) == (0, 0, 0)
    assert client.query("/live/device/get/selected_variation_index", 0, 0) == (0, 0, -1)
    assert client.query("/live/device/get/visible_macro_count", 0, 0) == (0, 0, 8)
    assert client.query("/live/device/get/has_macro_mappings", 0, 0) == (0, 0, False)
    assert client.query("/live/device/get/macros_mapped", 0, 0) == (0, 0) + (False,) * 16
    client.send("/live/device/start_listen/variation_count", 0, 0)
    assert client.wait_for("/live/device/get/variation_count") == (0, 0, 0)
    try:
        client.send("/live/device/set/parameter/value", 0, 0, 1, 10.0)
        client.send("/live/device/store_variation", 0, 0)
        assert client.wait_for("/live/device/get/variation_count") == (0, 0, 1)
        client.send("/live/device/set/parameter/value", 0, 0, 1, 99.0)
        client.send("/live/device/store_variation", 0, 0)
        assert client.wait_for("/live/device/get/variation_count") == (0, 0, 2)
        client.send("/live/device/set/selected_variation_index", 0, 0, 0)
        client.send("/live/device/recall_selected_variation", 0, 0)
        assert client.query("/live/device/get/parameter/value", 0, 0, 1) == (0, 0, 1, pytest.approx(10.0))
        client.send("/live/device/set/selected_variation_index", 0, 0, 1)
        client.send("/live/device/recall_selected_variation", 0, 0)
        assert client.query("/live/device/get/parameter/value", 0, 0, 1) == (0, 0, 1, pytest.approx(99.0))
        client.send("/live/device/set/selected_variation_index", 0, 0, 0)
        client.send("/live/device/recall_last_used_variation", 0, 0)
        assert client.query("/live/device/get/parameter/value", 0, 0, 1) == (0, 0, 1, pytest.approx(99.0))
        client.send("/live/device/delete_selected_variation", 0, 0)
        assert client.wait_for("/live/device/get/variation_count") == (0, 0, 1)
        client.send("/live/device/set/selected_variation_index", 0, 0, 7)
        client.expect_error(address="/live/device/set/selected_variation_index")
        client.send("/live/device/add_macro", 0, 0)
        assert client.query("/live/device/get/visible_macro_count", 0, 0) == (0, 0, 9)
        client.send("/live/device/remove_macro", 0, 0)
        assert client.query("/live/device/get/visible_macro_count", 0, 0) == (0, 0, 8)
        client.send("/live/device/randomize_macros", 0, 0)
        client.sync()
    finally:
        client.send("/live/device/stop_listen/variation_count", 0, 0)
    client.take_all("/live/device/get/variation_count")


def test_rack_chain_selector(rk):
    sim, client = rk
    assert client.query("/live/device/get/chain_selector", 0, 0) == (0, 0, pytest.approx(0.0))
    client.send("/live/device/set/chain_selector", 0, 0, 5.0)
    assert client.query("/live/device/get/chain_selector", 0, 0) == (0, 0, pytest.approx(5.0))
    client.send("/live/device/set/chain_selector", 0, 0, 0.0)


def test_rack_insert_chain(fresh_client):
    client = fresh_client
    # the default set has no rack: load one
    reply = client.query("/live/browser/load", "instruments/Instrument Rack", 0)
    assert reply[0] == 0 and reply[1] == 0
    assert client.query("/live/device/get/num_chains", 0, 0) == (0, 0, 0)
    assert client.query("/live/device/insert_chain", 0, 0) == (0, 0, 1)
    assert client.query("/live/device/insert_chain", 0, 0, 0) == (0, 0, 2)
    assert client.query("/live/chain/insert_device", 0, 0, 1, "Operator") == (0, 0, 1, 0)
    assert client.query("/live/chain/get/devices/class_name", 0, 0, 1) == (0, 0, 1, "Operator")
    assert client.query("/live/chain/insert_device", 0, 0, 1, "Reverb", 0) == (0, 0, 1, 0)
    assert client.query("/live/chain/get/devices/class_name", 0, 0, 1) == (0, 0, 1, "Reverb", "Operator")
    client.send("/live/chain/delete_device", 0, 0, 1, 0)
    assert client.query("/live/device/get/name", 0, "0.1.0") == (0, "0.1.0", "Operator")


# ---------------------------------------------------------------------- chains

def test_chain_properties(rk):
    sim, client = rk
    assert client.query("/live/chain/get/name", 0, 0, 1) == (0, 0, 1, "Strings")
    assert client.query("/live/chain/get/color", 0, 0, 1)[3] == sim.call(
        lambda: song(sim).tracks[0].devices[0].chains[1].color)
    assert client.query("/live/chain/get/volume", 0, 0, 0) == (0, 0, 0, pytest.approx(0.5))
    assert client.query("/live/chain/get/panning", 0, 0, 0) == (0, 0, 0, pytest.approx(-0.5))
    assert client.query("/live/chain/get/chain_activator", 0, 0, 0) == (0, 0, 0, pytest.approx(1.0))
    assert client.query("/live/chain/get/has_audio_output", 0, 0, 0) == (0, 0, 0, True)
    assert client.query("/live/chain/get/has_midi_input", 0, 0, 0) == (0, 0, 0, True)
    assert client.query("/live/chain/get/has_audio_input", 2, 0, 0) == (2, 0, 0, True)
    assert client.query("/live/chain/get/has_midi_output", 2, 0, 0) == (2, 0, 0, False)
    assert client.query("/live/chain/get/num_devices", 0, 0, 1) == (0, 0, 1, 2)
    assert client.query("/live/chain/get/devices/name", 0, 0, 1) == (0, 0, 1, "Wavetable", "Reverb")
    assert client.query("/live/chain/get/devices/class_name", 0, 0, 1) == (0, 0, 1, "InstrumentVector", "Reverb")
    assert client.query("/live/chain/get/devices/type", 0, 0, 1) == (0, 0, 1, 1, 2)
    assert client.query("/live/chain/get/devices/can_have_chains", 2, 0, 1) == (2, 0, 1, True)
    # a chain of a nested rack
    assert client.query("/live/chain/get/name", 2, "0.1.0", 0) == (2, "0.1.0", 0, "Deep")


def test_chain_setters(rk):
    sim, client = rk
    try:
        client.send("/live/chain/set/name", 0, 0, 2, "Pad")
        assert client.query("/live/chain/get/name", 0, 0, 2) == (0, 0, 2, "Pad")
        client.send("/live/chain/set/volume", 0, 0, 2, 0.6)
        assert client.query("/live/chain/get/volume", 0, 0, 2) == (0, 0, 2, pytest.approx(0.6))
        client.send("/live/chain/set/panning", 0, 0, 2, 0.25)
        assert client.query("/live/chain/get/panning", 0, 0, 2) == (0, 0, 2, pytest.approx(0.25))
        client.send("/live/chain/set/color_index", 0, 0, 2, 5)
        assert client.query("/live/chain/get/color_index", 0, 0, 2) == (0, 0, 2, 5)
        assert client.query("/live/chain/get/is_auto_colored", 0, 0, 2) == (0, 0, 2, False)
        client.send("/live/chain/set/is_auto_colored", 0, 0, 2, True)
        assert client.query("/live/chain/get/is_auto_colored", 0, 0, 2) == (0, 0, 2, True)
        client.send("/live/chain/set/chain_activator", 0, 0, 2, 0.0)
        assert client.query("/live/chain/get/mute", 0, 0, 2) == (0, 0, 2, True)
        client.send("/live/chain/set/mute", 0, 0, 2, 0)
        assert client.query("/live/chain/get/chain_activator", 0, 0, 2) == (0, 0, 2, pytest.approx(1.0))
    finally:
        client.send("/live/chain/set/name", 0, 0, 2, "Empty")
        client.send("/live/chain/set/volume", 0, 0, 2, 0.85)
        client.send("/live/chain/set/panning", 0, 0, 2, 0.0)
    client.sync()


def test_chain_solo_and_listeners(rk):
    sim, client = rk
    client.send("/live/chain/start_listen/muted_via_solo", 0, 0, 0)
    assert client.wait_for("/live/chain/get/muted_via_solo") == (0, 0, 0, False)
    client.send("/live/chain/start_listen/solo", 0, 0, 1)
    assert client.wait_for("/live/chain/get/solo") == (0, 0, 1, False)
    try:
        client.send("/live/chain/set/solo", 0, 0, 1, True)
        assert client.wait_for("/live/chain/get/solo") == (0, 0, 1, True)
        assert client.wait_for("/live/chain/get/muted_via_solo") == (0, 0, 0, True)
        client.send("/live/chain/set/solo", 0, 0, 1, False)
        assert client.wait_for("/live/chain/get/muted_via_solo") == (0, 0, 0, False)
    finally:
        client.send("/live/chain/stop_listen/muted_via_solo", 0, 0, 0)
        client.send("/live/chain/stop_listen/solo", 0, 0, 1)
        client.send("/live/chain/set/solo", 0, 0, 1, False)
    client.sync()
    client.take_all("/live/chain/get/solo")
    client.take_all("/live/chain/get/muted_via_solo")


def test_chain_volume_listener(rk):
    sim, client = rk
    client.send("/live/chain/start_listen/volume", 0, 0, 1)
    assert client.wait_for("/live/chain/get/volume") == (0, 0, 1, pytest.approx(0.85))
    try:
        sim.call(lambda: setattr(song(sim).tracks[0].devices[0].chains[1].mixer_device.volume, "value", 0.3))
        assert client.wait_for("/live/chain/get/volume") == (0, 0, 1, pytest.approx(0.3))
    finally:
        client.send("/live/chain/stop_listen/volume", 0, 0, 1)
        client.send("/live/chain/set/volume", 0, 0, 1, 0.85)
    client.sync()
    client.take_all("/live/chain/get/volume")


def test_chain_sends(rk):
    sim, client = rk
    assert client.query("/live/chain/get/num_sends", 0, 0, 0) == (0, 0, 0, 1)
    assert client.query("/live/chain/get/send", 0, 0, 0, 0) == (0, 0, 0, 0, pytest.approx(0.0))
    client.send("/live/chain/start_listen/send", 0, 0, 0, 0)
    assert client.wait_for("/live/chain/get/send") == (0, 0, 0, 0, pytest.approx(0.0))
    try:
        client.send("/live/chain/set/send", 0, 0, 0, 0, 0.4)
        assert client.wait_for("/live/chain/get/send") == (0, 0, 0, 0, pytest.approx(0.4))
        assert client.query("/live/chain/get/send", 0, 0, 0, 0) == (0, 0, 0, 0, pytest.approx(0.4))
    finally:
        client.send("/live/chain/stop_listen/send", 0, 0, 0, 0)
        client.send("/live/chain/set/send", 0, 0, 0, 0, 0.0)
    client.sync()
    client.take_all("/live/chain/get/send")
    client.send("/live/chain/get/send", 0, 0, 0, 3)
    client.expect_error("Index out of range", address="/live/chain/get/send")


def test_chain_errors(rk):
    sim, client = rk
    client.send("/live/chain/get/name", 0, 1, 0)
    client.expect_error("has no chains", address="/live/chain/get/name")
    client.send("/live/chain/get/name", 0, 0, 9)
    client.expect_error("Index out of range", address="/live/chain/get/name")
    client.send("/live/chain/get/out_note", 0, 0, 0)
    client.expect_error("not a Drum Rack chain", address="/live/chain/get/out_note")
    client.send("/live/chain/delete_device", 0, 0, 2, 0)
    client.expect_error("Invalid device index", address="/live/chain/delete_device")


def test_chain_delete_and_duplicate_device():
    with running_sim(rack_set()) as (sim, client):
        client.send("/live/chain/duplicate_device", 0, 0, 0, 0)
        assert client.query("/live/chain/get/devices/class_name", 0, 0, 0) == (0, 0, 0, "Operator", "Operator")
        client.send("/live/chain/delete_device", 0, 0, 1, 0)
        assert client.query("/live/chain/get/devices/name", 0, 0, 1) == (0, 0, 1, "Reverb")
        client.send("/live/chain/start_listen/num_devices", 0, 0, 1)
        assert client.wait_for("/live/chain/get/num_devices") == (0, 0, 1, 1)
        client.send("/live/chain/delete_device", 0, 0, 1, 0)
        assert client.wait_for("/live/chain/get/num_devices") == (0, 0, 1, 0)
        assert client.query("/live/chain/insert_device", 0, 0, 1, "Reverb") == (0, 0, 1, 0)
        assert client.wait_for("/live/chain/get/num_devices") == (0, 0, 1, 1)
        client.send("/live/chain/insert_device", 0, 0, 1, "No Such Device")
        client.expect_error(address="/live/chain/insert_device")
        assert client.errors() == []


# ---------------------------------------------------------------------- drum racks

def test_drum_rack_pads(rk):
    sim, client = rk
    assert client.query("/live/device/get/has_drum_pads", 1, 0) == (1, 0, True)
    assert client.query("/live/device/get/drum_pads/note", 1, 0) == (1, 0, 36, 38, 42)
    assert client.query("/live/device/get/drum_pads/name", 1, 0) == (1, 0, "Kick", "Snare", "Hat")
    assert client.query("/live/device/get/drum_pads/num_chains", 1, 0) == (1, 0, 1, 1, 1)
    visible = client.query("/live/device/get/visible_drum_pads/note", 1, 0)
    assert visible == (1, 0) + tuple(range(36, 52))
    names = client.query("/live/device/get/visible_drum_pads/name", 1, 0)
    assert names[2] == "Kick" and names[3] == "C#1"
    assert client.query("/live/device/get/chains/name", 1, 0) == (1, 0, "Kick", "Snare", "Hat")
    assert client.query("/live/device/get/chains/in_note", 1, 0) == (1, 0, 36, 38, 42)
    assert client.query("/live/device/get/chains/out_note", 1, 0) == (1, 0, 60, 60, 60)
    assert client.query("/live/device/get/chains/choke_group", 1, 0) == (1, 0, 0, 1, 0)


def test_drum_pad_addresses(rk):
    sim, client = rk
    assert client.query("/live/drum_pad/get/note", 1, 0, 38) == (1, 0, 38, 38)
    assert client.query("/live/drum_pad/get/name", 1, 0, 38) == (1, 0, 38, "Snare")
    assert client.query("/live/drum_pad/get/name", 1, 0, 40) == (1, 0, 40, "E1")
    assert client.query("/live/drum_pad/get/num_chains", 1, 0, 36) == (1, 0, 36, 1)
    assert client.query("/live/drum_pad/get/chains/name", 1, 0, 36) == (1, 0, 36, "Kick")
    assert client.query("/live/drum_pad/get/chains/chain_id", 1, 0, 38) == (1, 0, 38, 1)
    assert client.query("/live/drum_pad/get/chains/chain_id", 1, 0, 40) == (1, 0, 40)
    # the chain index reaches the pad's devices by path
    assert client.query("/live/device/get/name", 1, "0.0.0") == (1, "0.0.0", "Kick 808")
    client.send("/live/drum_pad/start_listen/mute", 1, 0, 36)
    assert client.wait_for("/live/drum_pad/get/mute") == (1, 0, 36, False)
    try:
        client.send("/live/drum_pad/set/mute", 1, 0, 36, True)
        assert client.wait_for("/live/drum_pad/get/mute") == (1, 0, 36, True)
        assert client.query("/live/chain/get/mute", 1, 0, 0) == (1, 0, 0, True)
        client.send("/live/drum_pad/set/solo", 1, 0, 38, True)
        assert client.query("/live/drum_pad/get/solo", 1, 0, 38) == (1, 0, 38, True)
        assert client.query("/live/chain/get/muted_via_solo", 1, 0, 2) == (1, 0, 2, True)
    finally:
        client.send("/live/drum_pad/stop_listen/mute", 1, 0, 36)
        client.send("/live/drum_pad/set/mute", 1, 0, 36, False)
        client.send("/live/drum_pad/set/solo", 1, 0, 38, False)
    client.sync()
    client.take_all("/live/drum_pad/get/mute")


def test_drum_chain_notes(rk):
    sim, client = rk
    assert client.query("/live/chain/get/out_note", 1, 0, 1) == (1, 0, 1, 60)
    assert client.query("/live/chain/get/choke_group", 1, 0, 1) == (1, 0, 1, 1)
    assert client.query("/live/chain/get/in_note", 1, 0, 1) == (1, 0, 1, 38)
    try:
        client.send("/live/chain/set/out_note", 1, 0, 1, 62)
        assert client.query("/live/chain/get/out_note", 1, 0, 1) == (1, 0, 1, 62)
        client.send("/live/chain/set/choke_group", 1, 0, 1, 3)
        assert client.query("/live/chain/get/choke_group", 1, 0, 1) == (1, 0, 1, 3)
        client.send("/live/chain/set/in_note", 1, 0, 1, 40)
        assert client.query("/live/chain/get/in_note", 1, 0, 1) == (1, 0, 1, 40)
        assert client.query("/live/drum_pad/get/name", 1, 0, 40) == (1, 0, 40, "Snare")
        client.send("/live/chain/set/choke_group", 1, 0, 1, 99)
        client.expect_error("Choke group", address="/live/chain/set/choke_group")
    finally:
        client.send("/live/chain/set/in_note", 1, 0, 1, 38)
        client.send("/live/chain/set/out_note", 1, 0, 1, 60)
        client.send("/live/chain/set/choke_group", 1, 0, 1, 1)
    assert client.query("/live/drum_pad/get/name", 1, 0, 38) == (1, 0, 38, "Snare")


def test_drum_rack_selected_pad_and_scroll(rk):
    sim, client = rk
    assert client.query("/live/device/get/selected_drum_pad", 1, 0) == (1, 0, 36)
    client.send("/live/device/start_listen/selected_drum_pad", 1, 0)
    assert client.wait_for("/live/device/get/selected_drum_pad") == (1, 0, 36)
    try:
        client.send("/live/device/set/selected_drum_pad", 1, 0, 42)
        assert client.wait_for("/live/device/get/selected_drum_pad") == (1, 0, 42)
        client.send("/live/device/set/drum_pads_scroll_position", 1, 0, 10)
        assert client.query("/live/device/get/drum_pads_scroll_position", 1, 0) == (1, 0, 10)
        assert client.query("/live/device/get/visible_drum_pads/note", 1, 0)[2] == 40
        client.send("/live/device/set/selected_drum_pad", 1, 0, 128)
        client.expect_error("0-127", address="/live/device/set/selected_drum_pad")
    finally:
        client.send("/live/device/stop_listen/selected_drum_pad", 1, 0)
        client.send("/live/device/set/selected_drum_pad", 1, 0, 36)
        client.send("/live/device/set/drum_pads_scroll_position", 1, 0, 9)
    client.sync()
    client.take_all("/live/device/get/selected_drum_pad")


def test_drum_pad_copy_and_delete():
    data = rack_set()
    with running_sim(data) as (sim, client):
        client.send("/live/drum_pad/start_listen/num_chains", 1, 0, 48)
        assert client.wait_for("/live/drum_pad/get/num_chains") == (1, 0, 48, 0)
        client.send("/live/device/start_listen/drum_pads/note", 1, 0)
        assert client.wait_for("/live/device/get/drum_pads/note") == (1, 0, 36, 38, 42)
        client.send("/live/device/copy_pad", 1, 0, 36, 48)
        assert client.wait_for("/live/drum_pad/get/num_chains") == (1, 0, 48, 1)
        assert client.wait_for("/live/device/get/drum_pads/note") == (1, 0, 36, 38, 42, 48)
        client.send("/live/device/stop_listen/drum_pads/note", 1, 0)
        client.send("/live/device/start_listen/visible_drum_pads/note", 1, 0)
        assert client.wait_for("/live/device/get/visible_drum_pads/note") == (1, 0) + tuple(range(36, 52))
        client.send("/live/device/set/drum_pads_scroll_position", 1, 0, 10)
        assert client.wait_for("/live/device/get/visible_drum_pads/note") == (1, 0) + tuple(range(40, 56))
        client.send("/live/device/stop_listen/visible_drum_pads/note", 1, 0)
        assert client.query("/live/device/get/drum_pads/note", 1, 0) == (1, 0, 36, 38, 42, 48)
        client.send("/live/drum_pad/delete_all_chains", 1, 0, 48)
        assert client.wait_for("/live/drum_pad/get/num_chains") == (1, 0, 48, 0)
        client.send("/live/drum_pad/delete_all_chains", 1, 0, 36)
        assert client.query("/live/device/get/drum_pads/note", 1, 0) == (1, 0, 38, 42)
        client.send("/live/device/copy_pad", 1, 0, 36, 50)
        client.expect_error("empty", address="/live/device/copy_pad")
        client.send("/live/drum_pad/get/name", 1, 0, 128)
        client.expect_error("0-127", address="/live/drum_pad/get/name")
        assert client.errors() == []


# ---------------------------------------------------------------------- plug-ins

def test_plugin_presets(rk):
    sim, client = rk
    assert client.query("/live/device/get/presets", 3, 0) == (3, 0, "Init", "Bass", "Lead")
    assert client.query("/live/device/get/selected_preset_index", 3, 0) == (3, 0, 0)
    client.send("/live/device/start_listen/selected_preset_index", 3, 0)
    assert client.wait_for("/live/device/get/selected_preset_index") == (3, 0, 0)
    try:
        client.send("/live/device/set/selected_preset_index", 3, 0, 2)
        assert client.wait_for("/live/device/get/selected_preset_index") == (3, 0, 2)
        client.send("/live/device/set/selected_preset_index", 3, 0, 7)
        client.expect_error("out of range", address="/live/device/set/selected_preset_index")
    finally:
        client.send("/live/device/stop_listen/selected_preset_index", 3, 0)
        client.send("/live/device/set/selected_preset_index", 3, 0, 0)
    client.sync()
    client.take_all("/live/device/get/selected_preset_index")
    names = client.query("/live/device/get/plugin_parameter_names", 3, 0)
    assert names[:3] == (3, 0, "Device On")
    assert client.query("/live/device/get/plugin_parameter_names", 3, 0, 0, 1) == (3, 0, "Device On")
    client.send("/live/device/get/presets", 0, 1)
    client.expect_error("not a plug-in", address="/live/device/get/presets")


# ---------------------------------------------------------------------- Simpler

def test_simpler_playback_settings(rk):
    sim, client = rk
    # the Kick pad's Simpler, by path through the Drum Rack
    assert client.query("/live/device/get/playback_mode", 1, "0.0.0") == (1, "0.0.0", 0)
    assert client.query("/live/device/get/voices", 1, "0.0.0") == (1, "0.0.0", 1)
    assert client.query("/live/device/get/multi_sample_mode", 1, "0.0.0") == (1, "0.0.0", False)
    client.send("/live/device/start_listen/playback_mode", 1, "0.0.0")
    assert client.wait_for("/live/device/get/playback_mode") == (1, "0.0.0", 0)
    try:
        client.send("/live/device/set/playback_mode", 1, "0.0.0", 2)
        assert client.wait_for("/live/device/get/playback_mode") == (1, "0.0.0", 2)
        client.send("/live/device/set/slicing_playback_mode", 1, "0.0.0", 1)
        assert client.query("/live/device/get/slicing_playback_mode", 1, "0.0.0") == (1, "0.0.0", 1)
        client.send("/live/device/set/voices", 1, "0.0.0", 8)
        assert client.query("/live/device/get/voices", 1, "0.0.0") == (1, "0.0.0", 8)
        client.send("/live/device/set/retrigger", 1, "0.0.0", False)
        assert client.query("/live/device/get/retrigger", 1, "0.0.0") == (1, "0.0.0", False)
        client.send("/live/device/set/pad_slicing", 1, "0.0.0", True)
        assert client.query("/live/device/get/pad_slicing", 1, "0.0.0") == (1, "0.0.0", True)
        client.send("/live/device/set/voices", 1, "0.0.0", 9)
        client.expect_error("voices", address="/live/device/set/voices")
    finally:
        client.send("/live/device/stop_listen/playback_mode", 1, "0.0.0")
        for address, value in (("playback_mode", 0), ("slicing_playback_mode", 0), ("voices", 1),
                               ("retrigger", True), ("pad_slicing", False)):
            client.send("/live/device/set/%s" % address, 1, "0.0.0", value)
    client.sync()
    client.take_all("/live/device/get/playback_mode")
    client.send("/live/device/get/playback_mode", 0, 1)
    client.expect_error("not Simpler", address="/live/device/get/playback_mode")


# ---------------------------------------------------------------------- Max for Live

def test_max_device_banks(rk):
    sim, client = rk
    assert client.query("/live/device/get/bank_count", 3, 1) == (3, 1, 2)
    assert client.query("/live/device/get/bank_name", 3, 1, 0) == (3, 1, 0, "Bank 1")
    assert client.query("/live/device/get/bank_parameters", 3, 1, 0) == (3, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8)
    assert client.query("/live/device/get/bank_parameters", 3, 1, 1) == (3, 1, 1, 9, -1, -1, -1, -1, -1, -1, -1)
    assert client.query("/live/device/get/parameter/name", 3, 1, 9) == (3, 1, 9, "Retrig")
    client.send("/live/device/get/bank_name", 3, 1, 5)
    client.expect_error("Bank index out of range", address="/live/device/get/bank_name")
    client.send("/live/device/get/bank_count", 3, 0)
    client.expect_error("not a Max for Live device", address="/live/device/get/bank_count")


# ---------------------------------------------------------------------- versions

def test_live_11_lacks_chain_edits_and_in_note():
    with running_sim(rack_set(), live_version="11.0") as (sim, client):
        for address, args in (("/live/chain/duplicate_device", (0, 0, 0, 0)),
                              ("/live/chain/insert_device", (0, 0, 0, "Reverb")),
                              ("/live/device/insert_chain", (0, 0)),
                              ("/live/chain/get/in_note", (1, 0, 0)),
                              ("/live/device/get/visible_macro_count", (0, 0)),
                              ("/live/device/get/chain_selector", (0, 0))):
            client.send(address, *args)
            error = client.expect_error(address=address)
            assert "11.0" in error[0], error
        # what 11.0 has works
        assert client.query("/live/chain/get/out_note", 1, 0, 0) == (1, 0, 0, 60)
        assert client.query("/live/device/get/chains/name", 0, 0) == (0, 0, "Piano", "Strings", "Empty")
        assert client.query("/live/device/get/chains/in_note", 1, 0) == (1, 0, None, None, None)
        assert client.errors() == []


# ---------------------------------------------------------------------- every device address

def _device_getters():
    from AbletonOSC.handlers import build_registry

    entries = [entry for entry in build_registry().order
               if entry.obj.name == "device" and entry.kind == "get"]
    return [(entry.address, tuple(a.name for a in entry.args if not a.optional)) for entry in entries]


ARGUMENTS = {"param_id": 1, "value": 0.5}


@pytest.mark.parametrize("address,names", _device_getters(), ids=[a for a, _ in _device_getters()])
def test_every_device_getter_takes_a_device_path(rk, address, names):
    sim, client = rk
    args = tuple(ARGUMENTS[name] for name in names)
    if address.endswith("value_items"):
        args = (0,)  # Device On: only quantized parameters have value items
    reply = client.query(address, 0, "0.1.1", *args)
    assert reply[:2 + len(args[:1])] == (0, "0.1.1") + args[:1]
    assert len(reply) > 2


def test_a_device_path_listener_follows_its_device_when_the_chain_changes():
    with running_sim(rack_set()) as (sim, client):
        client.send("/live/device/start_listen/is_active", 0, "0.1.1")
        assert client.wait_for("/live/device/get/is_active") == (0, "0.1.1", True)
        client.send("/live/device/start_listen/parameter/value", 0, "0.1.1", 0)
        assert client.wait_for("/live/device/get/parameter/value") == (0, "0.1.1", 0, 1.0)
        client.send("/live/chain/delete_device", 0, 0, 1, 0)
        client.sync()
        client.send("/live/device/set/parameter/value", 0, "0.1.0", 0, 0.0)
        assert client.wait_for("/live/device/get/is_active") == (0, "0.1.0", False)
        assert client.wait_for("/live/device/get/parameter/value") == (0, "0.1.0", 0, 0.0)
        # deleting the device drops its listeners and says so
        client.send("/live/chain/delete_device", 0, 0, 1, 0)
        client.sync()
        sim.tick()
        dropped = client.take_all("/live/api/listener_dropped")
        assert ("/live/device/start_listen/is_active", 0, "0.1.0") in dropped
        client.take_all("/live/device/get/parameter/value_string")
        assert client.errors() == []


def test_return_chains_by_r_index(rk):
    sim, client = rk
    assert client.query("/live/chain/get/name", 0, 0, "R0") == (0, 0, "R0", "Verb")
    assert client.query("/live/chain/get/devices/class_name", 0, 0, "r0") == (0, 0, "r0", "Reverb")
    assert client.query("/live/chain/get/num_sends", 0, 0, "R0") == (0, 0, "R0", 0)
    client.send("/live/chain/start_listen/volume", 0, 0, "R0")
    assert client.wait_for("/live/chain/get/volume") == (0, 0, "R0", pytest.approx(0.85))
    try:
        client.send("/live/chain/set/volume", 0, 0, "R0", 0.5)
        assert client.wait_for("/live/chain/get/volume") == (0, 0, "R0", pytest.approx(0.5))
    finally:
        client.send("/live/chain/stop_listen/volume", 0, 0, "R0")
        client.send("/live/chain/set/volume", 0, 0, "R0", 0.85)
    client.sync()
    client.take_all("/live/chain/get/volume")
    client.send("/live/chain/get/name", 0, 0, "R3")
    client.expect_error("Index out of range", address="/live/chain/get/name")
    client.send("/live/chain/get/name", 0, 0, "Rx")
    client.expect_error("chain_id", address="/live/chain/get/name")


@pytest.mark.parametrize("address,args", [
    ("/live/device/get/*", (0, 0)), ("/live/device/get/*", (1, 0)), ("/live/device/get/*", (3, 0)),
    ("/live/chain/get/*", (0, 0, 1)), ("/live/chain/get/*", (1, 0, 1)), ("/live/chain/get/*", (0, 0, "R0")),
    ("/live/drum_pad/get/*", (1, 0, 36)),
])
def test_patterns_over_racks_answer_without_errors(rk, address, args):
    sim, client = rk
    client.send(address, *args)
    client.sync()
    assert client.errors() == []
    assert len(client.pending()) > 3
    client.inbox = []


def test_compare_ab_on_a_plugin_without_it_is_lives_error(rk):
    sim, client = rk
    assert client.query("/live/device/get/can_compare_ab", 3, 0) == (3, 0, False)
    client.send("/live/device/get/is_using_compare_preset_b", 3, 0)
    client.expect_error("Device does not support A/B compare", address="/live/device/get/is_using_compare_preset_b")
    client.send("/live/device/save_preset_to_compare_ab_slot", 3, 0)
    client.expect_error("Device does not support A/B compare", address="/live/device/save_preset_to_compare_ab_slot")


def test_random_arguments_to_the_addresses_beyond_upstream():
    import random

    from AbletonOSC.handlers import build_registry

    from tests.e2e.test_fuzz import VALUES

    prefixes = ("/live/chain/", "/live/drum_pad/", "/live/groove/", "/live/browser/", "/live/device/")
    addresses = [entry.address for entry in build_registry().order
                 if entry.address.startswith(prefixes) and entry.kind != "status"]
    rng = random.Random(169)
    with running_sim(rack_set()) as (sim, client):
        for round_ in range(2):
            rng.shuffle(addresses)
            for number, address in enumerate(addresses):
                args = [rng.choice((0, 1, 2, "0.1.1", "R0", 36)) for _ in range(rng.randint(0, 3))]
                args += [rng.choice(VALUES) for _ in range(rng.randint(0, 3))]
                client.send(address, *args)
                if number % 40 == 39:
                    client.sync(timeout=5.0)
                    client.inbox = []
                    client.error_log = []
            client.sync(timeout=5.0)
            sim.advance(0.5)
        client.drain()
        assert client.query("/live/test") == ("ok",)


def test_device_paths_through_return_chains(rk):
    sim, client = rk
    assert client.query("/live/device/get/class_name", 0, "0.R0.0") == (0, "0.R0.0", "Reverb")
    assert client.query("/live/device/get/class_name", 0, "0.r0.0") == (0, "0.r0.0", "Reverb")
    client.send("/live/device/start_listen/is_active", 0, "0.R0.0")
    assert client.wait_for("/live/device/get/is_active") == (0, "0.R0.0", True)
    try:
        client.send("/live/device/set/parameter/value", 0, "0.R0.0", 0, 0.0)
        assert client.wait_for("/live/device/get/is_active") == (0, "0.R0.0", False)
    finally:
        client.send("/live/device/stop_listen/is_active", 0, "0.R0.0")
        client.send("/live/device/set/parameter/value", 0, "0.R0.0", 0, 1.0)
    client.sync()
    client.take_all("/live/device/get/is_active")
    client.send("/live/device/get/name", 0, "0.R1.0")
    client.expect_error("Index out of range", address="/live/device/get/name")
    client.send("/live/device/get/name", 0, "0.Rx.0")
    client.expect_error("path like", address="/live/device/get/name")
