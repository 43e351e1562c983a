"""Device routings through livesim: Compressor's sidechain, a Max for Live device's inputs."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim

pytestmark = pytest.mark.livesim_only

SET = {"tracks": [
    {"type": "audio", "name": "Bass", "devices": [{"class_name": "Compressor2"},
                                                  {"class_name": "MxDeviceAudioEffect", "name": "Ducker"},
                                                  {"class_name": "Reverb"}]},
    {"type": "audio", "name": "Kick"},
    {"type": "midi", "name": "Keys", "devices": [{"class_name": "MxDeviceMidiEffect", "name": "Follower",
                                                  "parameters": [{"name": "Mode", "value_items": ["A", "B"]}]}]}],
    "scenes": [{}]}


@pytest.fixture
def io():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(SET) as (sim, client):
        yield sim, client
        assert client.errors() == []


def test_compressor_sidechain(io):
    sim, client = io
    assert client.query("/live/device/get/available_input_routing_types", 0, 0) == (0, 0, "No Input", "Ext. In",
                                                                                     "Kick")
    assert client.query("/live/device/get/input_routing_type", 0, 0) == (0, 0, "No Input")
    client.send("/live/device/start_listen/input_routing_channel", 0, 0)
    client.wait_for("/live/device/get/input_routing_channel")
    client.send("/live/device/set/input_routing_type", 0, 0, "Kick")
    assert client.query("/live/device/get/input_routing_type", 0, 0) == (0, 0, "Kick")
    assert client.wait_for("/live/device/get/input_routing_channel") == (0, 0, "Pre FX")
    assert client.query("/live/device/get/available_input_routing_channels", 0, 0) == (
        0, 0, "Pre FX", "Post FX", "Post Mixer")
    client.send("/live/device/set/input_routing_channel", 0, 0, "Post Mixer")
    assert client.wait_for("/live/device/get/input_routing_channel") == (0, 0, "Post Mixer")
    client.send("/live/device/stop_listen/input_routing_channel", 0, 0)
    client.send("/live/device/set/input_routing_type", 0, 0, "Snare")
    client.expect_error("No input routing type named 'Snare'", address="/live/device/set/input_routing_type")
    client.send("/live/device/get/input_routing_type", 0, 2)
    client.expect_error("not CompressorDevice", address="/live/device/get/input_routing_type")


def test_max_device_inputs(io):
    sim, client = io
    assert client.query("/live/device/get/io_counts", 0, 1) == (0, 1, 1, 0, 0, 0)
    assert client.query("/live/device/get/io_counts", 2, 0) == (2, 0, 0, 0, 1, 0)
    assert client.query("/live/device/get/io/routing_type", 0, 1, "audio_in", 0) == (0, 1, "audio_in", 0, "No Input")
    client.send("/live/device/set/io/routing_type", 0, 1, "audio_in", 0, "Kick")
    assert client.query("/live/device/get/io/routing_type", 0, 1, "audio_in", 0) == (0, 1, "audio_in", 0, "Kick")
    assert client.query("/live/device/get/io/routing_channel", 0, 1, "audio_in", 0) == (
        0, 1, "audio_in", 0, "Pre FX")
    channels = client.query("/live/device/get/io/available_routing_channels", 2, 0, "midi_in", 0)
    assert channels[:4] == (2, 0, "midi_in", 0) and channels[4:] == ()   # No Input: no channels
    types = client.query("/live/device/get/io/available_routing_types", 2, 0, "midi_in", 0)[4:]
    assert types == ("No Input", "All Ins")
    client.send("/live/device/set/io/routing_type", 2, 0, "midi_in", 0, "All Ins")
    assert client.query("/live/device/get/io/routing_channel", 2, 0, "midi_in", 0)[4] == "All Channels"
    client.send("/live/device/set/io/default_external_routing_channel_is_none", 2, 0, "midi_in", 0, True)
    assert client.query("/live/device/get/io/default_external_routing_channel_is_none", 2, 0, "midi_in", 0) == (
        2, 0, "midi_in", 0, True)
    assert client.query("/live/device/get/parameter/value_item_icons", 2, 0, 1) == (2, 0, 1)
    client.send("/live/device/get/io/routing_type", 0, 1, "audio_out", 0)
    client.expect_error("has 0 audio outputs", address="/live/device/get/io/routing_type")
    client.send("/live/device/get/io/routing_type", 0, 1, "sidechain", 0)
    client.expect_error("io must be one of", address="/live/device/get/io/routing_type")
