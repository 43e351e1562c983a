"""/live/track/*: mixer, properties, clip and device lists, routing, meters, slot listeners."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import advance, rich_set

TRACK_ROUND_TRIPS = [
    ("panning", [0.5, 0.0]),
    ("volume", [0.5, 1.0, 0.85]),
    ("color", [0x1AFF2F, 0x1A2F96]),
    ("mute", [1, 0]),
    ("solo", [1, 0]),
    ("name", ["Test", "Track", "3-Audio"]),
    ("arm", [1, 0]),
    ("current_monitoring_state", [0, 2, 1]),
]


@pytest.mark.parametrize("prop,values", TRACK_ROUND_TRIPS, ids=[p for p, _ in TRACK_ROUND_TRIPS])
def test_track_property_round_trip(client, prop, values):
    original = client.query("/live/track/get/%s" % prop, 2)
    try:
        for value in values:
            client.send("/live/track/set/%s" % prop, 2, value)
            reply = client.query("/live/track/get/%s" % prop, 2)
            expected = pytest.approx(value) if isinstance(value, float) else value
            assert reply == (2, expected), (prop, value)
    finally:
        client.send("/live/track/set/%s" % prop, 2, original[1])
    client.sync()


def test_track_color_index_round_trip(client):
    original = client.query("/live/track/get/color_index", 0)
    try:
        client.send("/live/track/set/color_index", 0, 12)
        assert client.query("/live/track/get/color_index", 0) == (0, 12)
        color = client.query("/live/track/get/color", 0)[1]
        assert isinstance(color, int) and 0 <= color <= 0xFFFFFF
    finally:
        client.send("/live/track/set/color_index", 0, original[1])
    client.sync()


def test_track_volume_is_float32(client):
    message = client.query_msg("/live/track/get/volume", 0)
    assert message.typetags == "if"
    assert message.args == (0, pytest.approx(0.85))


def test_track_get_send(client):
    try:
        client.send("/live/track/set/send", 2, 1, 0.5)
        assert client.query("/live/track/get/send", 2, 1) == (2, 1, pytest.approx(0.5))
        client.send("/live/track/set/send", 2, 1, 0.0)
        assert client.query("/live/track/get/send", 2, 1) == (2, 1, pytest.approx(0.0))
    finally:
        client.send("/live/track/set/send", 2, 1, 0.0)
    client.send("/live/track/get/send", 2, 5)
    client.expect_error("Index out of range", address="/live/track/get/send")


def test_track_read_only_properties(client):
    assert client.query("/live/track/get/can_be_armed", 2) == (2, True)
    assert client.query("/live/track/get/has_audio_input", 2) == (2, True)
    assert client.query("/live/track/get/has_midi_input", 0) == (0, True)
    assert client.query("/live/track/get/has_midi_input", 2) == (2, False)
    assert client.query("/live/track/get/has_audio_output", 2) == (2, True)
    assert client.query("/live/track/get/has_midi_output", 2) == (2, False)
    assert client.query("/live/track/get/is_foldable", 0) == (0, False)
    assert client.query("/live/track/get/is_grouped", 0) == (0, False)
    assert client.query("/live/track/get/is_visible", 0) == (0, True)
    assert client.query("/live/track/get/playing_slot_index", 0) == (0, -1)
    assert client.query("/live/track/get/fired_slot_index", 0) == (0, -1)


def test_fold_state_of_a_plain_track_is_nil(client):
    assert client.query("/live/track/get/fold_state", 0) == (0, None)


def test_track_meters(client):
    for prop in ("output_meter_level", "output_meter_left", "output_meter_right"):
        message = client.query_msg("/live/track/get/%s" % prop, 2)
        assert message.typetags == "if"
        assert 0.0 <= message.args[1] <= 1.0
    assert client.query_msg("/live/track/get/output_meter_level", 0).typetags == "if"


def test_audio_meter_of_a_midi_track_without_instrument_is_nil(client):
    # Live raises RuntimeError (no audio output); the getter answers nil, as upstream does
    assert client.query("/live/track/get/output_meter_left", 0) == (0, None)


def test_track_clips(client):
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip_slot/create_clip", 0, 1, 2)
    try:
        client.send("/live/clip/set/name", 0, 0, "Alpha")
        client.send("/live/clip/set/name", 0, 1, "Beta")
        assert client.query("/live/track/get/clips/name", 0) == (0, "Alpha", "Beta") + (None,) * 6
        assert client.query("/live/track/get/clips/length", 0) == (0, 4, 2) + (None,) * 6
        colors = client.query("/live/track/get/clips/color", 0)
        assert colors[0] == 0 and isinstance(colors[1], int) and isinstance(colors[2], int)
        assert colors[3:] == (None,) * 6
    finally:
        client.send("/live/track/delete_clip", 0, 0)
        client.send("/live/track/delete_clip", 0, 1)
    assert client.query("/live/track/get/clips/name", 0) == (0,) + (None,) * 8


def test_track_devices_of_default_set(client):
    assert client.query("/live/track/get/num_devices", 0) == (0, 0)
    assert client.query("/live/track/get/devices/name", 0) == (0,)


def test_track_listen_name(client):
    try:
        client.send("/live/track/start_listen/name", 1)
        assert client.wait_for("/live/track/get/name") == (1, "2-MIDI")
        client.send("/live/track/set/name", 1, "Keys")
        assert client.wait_for("/live/track/get/name") == (1, "Keys")
        client.send("/live/track/stop_listen/name", 1)
        client.sync()
        client.send("/live/track/set/name", 1, "Keys 2")
        client.assert_nothing("/live/track/get/name")
    finally:
        client.send("/live/track/stop_listen/name", 1)
        client.send("/live/track/set/name", 1, "2-MIDI")
    client.sync()


def test_track_listen_volume_and_panning(client):
    try:
        client.send("/live/track/start_listen/volume", 0)
        client.send("/live/track/start_listen/panning", 0)
        assert client.wait_for("/live/track/get/volume") == (0, pytest.approx(0.85))
        assert client.wait_for("/live/track/get/panning") == (0, pytest.approx(0.0))
        client.send("/live/track/set/volume", 0, 0.5)
        client.send("/live/track/set/panning", 0, -0.5)
        assert client.wait_for("/live/track/get/volume") == (0, pytest.approx(0.5))
        assert client.wait_for("/live/track/get/panning") == (0, pytest.approx(-0.5))
    finally:
        client.send("/live/track/stop_listen/volume", 0)
        client.send("/live/track/stop_listen/panning", 0)
        client.send("/live/track/set/volume", 0, 0.85)
        client.send("/live/track/set/panning", 0, 0.0)
    client.sync()
    client.take_all("/live/track/get/volume")
    client.take_all("/live/track/get/panning")


def test_track_listen_send(client):
    try:
        client.send("/live/track/start_listen/send", 3, 0)
        assert client.wait_for("/live/track/get/send") == (3, 0, pytest.approx(0.0))
        client.send("/live/track/set/send", 3, 0, 0.25)
        assert client.wait_for("/live/track/get/send") == (3, 0, pytest.approx(0.25))
    finally:
        client.send("/live/track/stop_listen/send", 3, 0)
        client.send("/live/track/set/send", 3, 0, 0.0)
    client.sync()
    client.take_all("/live/track/get/send")


def test_track_listen_mute_star(client):
    try:
        client.send("/live/track/start_listen/mute", "*")
        initial = sorted(client.collect("/live/track/get/mute", 4))
        assert initial == [(i, False) for i in range(4)]
        client.send("/live/track/set/mute", 2, 1)
        assert client.wait_for("/live/track/get/mute") == (2, True)
        client.send("/live/track/stop_listen/mute", "*")
        client.sync()
        client.send("/live/track/set/mute", 2, 0)
        client.send("/live/track/set/mute", 0, 1)
        client.assert_nothing("/live/track/get/mute")
    finally:
        client.send("/live/track/stop_listen/mute", "*")
        client.send("/live/track/set/mute", 0, 0)
        client.send("/live/track/set/mute", 2, 0)
    client.sync()
    client.take_all("/live/track/get/mute")


def test_track_listen_playing_slot_index(client, sim):
    client.send("/live/song/set/clip_trigger_quantization", 11)  # 1/16
    for track, slot in ((0, 0), (0, 1), (1, 0), (1, 1)):
        client.send("/live/clip_slot/create_clip", track, slot, 4)
    try:
        client.send("/live/track/start_listen/playing_slot_index", 0)
        client.send("/live/track/start_listen/playing_slot_index", 1)
        assert client.wait_for("/live/track/get/playing_slot_index", lambda a: a[0] == 0) == (0, -1)
        assert client.wait_for("/live/track/get/playing_slot_index", lambda a: a[0] == 1) == (1, -1)
        for track, slot in ((0, 0), (0, 1), (1, 1), (1, 0)):
            client.send("/live/clip_slot/fire", track, slot)
            client.sync()
            advance(sim, 0.25)
            assert client.wait_for("/live/track/get/playing_slot_index",
                                   lambda a, t=track: a[0] == t, timeout=1.0) == (track, slot)
    finally:
        client.send("/live/track/stop_listen/playing_slot_index", 0)
        client.send("/live/track/stop_listen/playing_slot_index", 1)
        client.send("/live/song/stop_playing")
        client.send("/live/song/stop_all_clips")
        client.sync()
        advance(sim, 0.25)
        for track, slot in ((0, 0), (0, 1), (1, 0), (1, 1)):
            client.send("/live/clip_slot/delete_clip", track, slot)
        client.send("/live/song/set/clip_trigger_quantization", 4)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()
    client.take_all("/live/track/get/playing_slot_index")


@pytest.mark.livesim_only
def test_track_fired_slot_index_and_stop_all_clips(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip_slot/create_clip", 0, 1, 4)
    client.send("/live/clip_slot/fire", 0, 0)
    client.sync()
    sim.advance(0.1)
    assert client.query("/live/track/get/playing_slot_index", 0) == (0, 0)
    sim.advance(0.6)  # into the first bar
    client.send("/live/track/start_listen/fired_slot_index", 0)
    assert client.wait_for("/live/track/get/fired_slot_index") == (0, -1)
    client.send("/live/clip_slot/fire", 0, 1)
    assert client.wait_for("/live/track/get/fired_slot_index") == (0, 1)
    assert client.query("/live/track/get/playing_slot_index", 0) == (0, 0)
    sim.advance(1.5)  # past the bar line (2 s at 120 BPM)
    assert client.wait_for("/live/track/get/fired_slot_index") == (0, -1)
    assert client.query("/live/track/get/playing_slot_index", 0) == (0, 1)
    client.send("/live/track/stop_all_clips", 0)
    client.sync()
    sim.advance(2.0)
    assert client.query("/live/track/get/playing_slot_index", 0) == (0, -1)
    assert client.query("/live/clip/get/is_playing", 0, 1) == (0, 1, False)
    client.send("/live/track/stop_listen/fired_slot_index", 0)
    client.sync()
    client.take_all("/live/track/get/fired_slot_index")


def test_track_delete_clip(client):
    client.send("/live/clip_slot/create_clip", 3 - 2, 5, 4)
    assert client.query("/live/clip_slot/get/has_clip", 1, 5) == (1, 5, True)
    client.send("/live/track/delete_clip", 1, 5)
    assert client.query("/live/clip_slot/get/has_clip", 1, 5) == (1, 5, False)


def test_track_routing_of_default_set(client):
    types = client.query("/live/track/get/available_output_routing_types", 0)
    assert types[0] == 0 and len(types) >= 2 and all(isinstance(t, str) for t in types[1:])
    current = client.query("/live/track/get/output_routing_type", 0)
    assert current[0] == 0 and current[1] in types[1:]
    channels = client.query("/live/track/get/available_output_routing_channels", 0)
    assert channels[0] == 0
    assert client.query("/live/track/get/output_routing_channel", 0)[0] == 0
    inputs = client.query("/live/track/get/available_input_routing_types", 2)
    assert inputs[0] == 2 and len(inputs) >= 2
    assert client.query("/live/track/get/input_routing_type", 2)[1] in inputs[1:]
    assert client.query("/live/track/get/available_input_routing_channels", 2)[0] == 2
    assert client.query("/live/track/get/input_routing_channel", 2)[0] == 2


def test_track_set_routing_by_display_name(client):
    types = client.query("/live/track/get/available_output_routing_types", 1)[1:]
    original = client.query("/live/track/get/output_routing_type", 1)[1]
    other = [t for t in types if t != original][0]
    try:
        client.send("/live/track/set/output_routing_type", 1, other)
        assert client.query("/live/track/get/output_routing_type", 1) == (1, other)
    finally:
        client.send("/live/track/set/output_routing_type", 1, original)
    assert client.query("/live/track/get/output_routing_type", 1) == (1, original)
    inputs = client.query("/live/track/get/available_input_routing_types", 3)[1:]
    original_in = client.query("/live/track/get/input_routing_type", 3)[1]
    other_in = [t for t in inputs if t != original_in][-1]
    try:
        client.send("/live/track/set/input_routing_type", 3, other_in)
        assert client.query("/live/track/get/input_routing_type", 3) == (3, other_in)
    finally:
        client.send("/live/track/set/input_routing_type", 3, original_in)
    channels = client.query("/live/track/get/available_input_routing_channels", 3)[1:]
    if len(channels) > 1:
        original_channel = client.query("/live/track/get/input_routing_channel", 3)[1]
        try:
            client.send("/live/track/set/input_routing_channel", 3, channels[-1])
            assert client.query("/live/track/get/input_routing_channel", 3) == (3, channels[-1])
        finally:
            client.send("/live/track/set/input_routing_channel", 3, original_channel)
    client.sync()


def test_track_set_routing_unknown_name_is_an_error(client):
    client.send("/live/track/set/output_routing_type", 0, "Nowhere At All")
    error = client.expect_error("Nowhere At All", address="/live/track/set/output_routing_type")
    assert error


def test_master_and_return_tracks_by_reference(client):
    assert client.query("/live/track/get/name", "A") == ("A", "A-Reverb")
    assert client.query("/live/track/get/name", "B") == ("B", "B-Delay")
    reply = client.query("/live/track/get/volume", "master")
    assert reply == ("master", pytest.approx(0.85))
    assert client.query("/live/track/get/num_devices", "A") == ("A", 1)
    assert client.query("/live/track/get/devices/name", "B") == ("B", "Delay")
    client.send("/live/track/get/name", "F")
    client.expect_error("return track", address="/live/track/get/name")


# ---------------------------------------------------------------------- with devices, groups, arrangement


@pytest.mark.livesim_only
def test_track_devices_lists(rich):
    sim, client = rich
    assert client.query("/live/track/get/num_devices", 0) == (0, 3)
    assert client.query("/live/track/get/devices/name", 0) == (0, "Lead", "Auto Filter", "Reverb")
    assert client.query("/live/track/get/devices/type", 0) == (0, 1, 2, 2)
    assert client.query("/live/track/get/devices/class_name", 0) == (0, "Operator", "AutoFilter", "Reverb")
    assert client.query("/live/track/get/devices/can_have_chains", 0) == (0, False, False, False)


@pytest.mark.livesim_only
def test_track_delete_device(fresh_client_rich):
    client = fresh_client_rich
    client.send("/live/track/delete_device", 0, 1)
    assert client.query("/live/track/get/devices/name", 0) == (0, "Lead", "Reverb")
    client.send("/live/track/delete_device", 0, 7)
    client.expect_error(address="/live/track/delete_device")  # Live's own text
    assert client.query("/live/track/get/num_devices", 0) == (0, 2)


@pytest.mark.livesim_only
def test_track_group_properties(rich):
    sim, client = rich
    assert client.query("/live/track/get/is_foldable", 2) == (2, True)
    assert client.query("/live/track/get/fold_state", 2) == (2, False)
    assert client.query("/live/track/get/is_grouped", 3) == (3, True)
    assert client.query("/live/track/get/can_be_armed", 2) == (2, False)
    client.send("/live/track/set/fold_state", 2, 1)
    try:
        assert client.query("/live/track/get/fold_state", 2) == (2, True)
        assert client.query("/live/track/get/is_visible", 3) == (3, False)
    finally:
        client.send("/live/track/set/fold_state", 2, 0)
    assert client.query("/live/track/get/is_visible", 3) == (3, True)
    assert client.query("/live/song/get/track_data", 0, -1, "track.group_track") == (None, None, None, 2, 2)


@pytest.mark.livesim_only
def test_track_arrangement_clips(rich):
    sim, client = rich
    assert client.query("/live/track/get/arrangement_clips/name", 0) == (0, "A1", "A2")
    assert client.query("/live/track/get/arrangement_clips/length", 0) == (0, 8.0, 4.0)
    assert client.query("/live/track/get/arrangement_clips/start_time", 0) == (0, 0.0, 16.0)
    assert client.query("/live/track/get/arrangement_clips/name", 1) == (1,)


@pytest.mark.livesim_only
def test_track_listener_of_unobservable_property_is_an_error(rich):
    sim, client = rich
    client.send("/live/track/start_listen/is_foldable", 2)
    client.expect_error(address="/live/track/start_listen/is_foldable")


@pytest.fixture
def fresh_client_rich():
    with running_sim(rich_set()) as (sim, client):
        yield client
