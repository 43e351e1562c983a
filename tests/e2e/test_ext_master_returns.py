"""The master and return tracks wherever a track index is taken, over UDP through livesim.

A track reference is an index, "master", or a return letter "A".."L"; replies echo it as given.
What Live refuses on the master or a return track is answered with Live's own error text.
"""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only


def master_set():
    data = rich_set()
    data["master"] = {"name": "Main", "volume": 0.85,
                      "devices": [{"class_name": "StereoGain", "type": "audio_effect"}]}
    return data


@pytest.fixture(scope="module")
def pair():
    with running_sim(set_data=master_set(), clients=2, reply_to_source=True) as (sim, clients):
        yield sim, clients


@pytest.fixture
def client(pair):
    sim, (first, second) = pair
    first.drain()
    second.drain()
    yield first
    assert first.errors() == []


@pytest.fixture
def other(pair):
    return pair[1][1]


def test_name_and_color_of_master_and_returns(client):
    assert client.query("/live/track/get/name", "master") == ("master", "Main")
    assert client.query("/live/track/get/name", "A") == ("A", "A-Reverb")
    assert client.query("/live/track/get/name", "b") == ("b", "B-Delay")
    client.send("/live/track/set/name", "A", "Hall")
    assert client.query("/live/track/get/name", "A") == ("A", "Hall")
    client.send("/live/track/set/name", "A", "A-Reverb")
    client.send("/live/track/set/color", "B", 0xFF0000)
    color = client.query("/live/track/get/color", "B")
    assert color[0] == "B" and isinstance(color[1], int)
    assert client.query("/live/track/get/color_index", "master")[0] == "master"


def test_song_lists_return_tracks_and_master_name(client):
    assert client.query("/live/song/get/num_return_tracks") == (2,)
    assert client.query("/live/song/get/return_track_names") == ("A-Reverb", "B-Delay")
    assert client.query("/live/track/get/name", "main") == ("main", "Main")
    # Upstream's track count and names leave returns and master out, as before.
    assert client.query("/live/song/get/num_tracks") == (5,)
    assert "A-Reverb" not in client.query("/live/song/get/track_names")


def test_volume_panning_and_sends(client):
    client.send("/live/track/set/volume", "master", 0.5)
    assert client.query("/live/track/get/volume", "master") == ("master", pytest.approx(0.5))
    client.send("/live/track/set/panning", "A", -0.25)
    assert client.query("/live/track/get/panning", "A") == ("A", pytest.approx(-0.25))
    client.send("/live/track/set/send", "A", 1, 0.3)
    assert client.query("/live/track/get/send", "A", 1) == ("A", 1, pytest.approx(0.3))
    client.send("/live/track/set/send", 0, 0, 0.7)
    assert client.query("/live/track/get/send", 0, 0) == (0, 0, pytest.approx(0.7))
    client.send("/live/track/set/volume", "master", 0.85)


def test_master_has_no_sends(client):
    client.send("/live/track/get/send", "master", 0)
    client.expect_error("out of range", address="/live/track/get/send")


def test_mute_and_solo_where_live_allows(client):
    client.send("/live/track/set/mute", "A", 1)
    assert client.query("/live/track/get/mute", "A") == ("A", True)
    client.send("/live/track/set/mute", "A", 0)
    client.send("/live/track/set/solo", "B", 1)
    assert client.query("/live/track/get/solo", "B") == ("B", True)
    assert client.query("/live/track/get/muted_via_solo", "A") == ("A", True)
    client.send("/live/track/set/solo", "B", 0)
    client.send("/live/track/get/mute", "master")
    client.expect_error("Main track has no 'mute' property!", address="/live/track/get/mute")
    client.send("/live/track/set/solo", "master", 1)
    client.expect_error("Main track has no 'solo' property!", address="/live/track/set/solo")


def test_arm_is_refused_with_lives_text(client):
    client.send("/live/track/get/arm", "master")
    client.expect_error("Main and Return Tracks have no 'Arm' state!", address="/live/track/get/arm")
    client.send("/live/track/set/arm", "A", 1)
    client.expect_error("Main and Return Tracks have no 'Arm' state!", address="/live/track/set/arm")
    # Upstream's answer for an index reference is nil, unchanged.
    assert client.query("/live/track/get/can_be_armed", "A") == ("A", False)


def test_crossfader_and_cue_volume_of_the_master(client):
    client.send("/live/track/set/crossfader", "master", -0.5)
    assert client.query("/live/track/get/crossfader", "master") == ("master", pytest.approx(-0.5))
    client.send("/live/track/set/cue_volume", "master", 0.6)
    assert client.query("/live/track/get/cue_volume", "master") == ("master", pytest.approx(0.6))
    assert client.query("/live/track/get/song_tempo", "master") == ("master", pytest.approx(120.0))
    client.send("/live/track/get/crossfader", 0)
    client.expect_error("Only the main track has a crossfader!", address="/live/track/get/crossfader")
    client.send("/live/track/get/cue_volume", "A")
    client.expect_error("Only the main track has a cue volume!", address="/live/track/get/cue_volume")
    client.send("/live/track/set/crossfader", "master", 0.0)


def test_crossfade_assign_panning_mode_and_activator(client):
    client.send("/live/track/set/crossfade_assign", "A", 2)
    assert client.query("/live/track/get/crossfade_assign", "A") == ("A", 2)
    client.send("/live/track/set/crossfade_assign", 0, 0)
    assert client.query("/live/track/get/crossfade_assign", 0) == (0, 0)
    client.send("/live/track/set/crossfade_assign", 0, 1)
    client.send("/live/track/get/crossfade_assign", "master")
    client.expect_error("Main track has no 'crossfade_assign' property!",
                        address="/live/track/get/crossfade_assign")
    client.send("/live/track/set/panning_mode", "B", 1)
    assert client.query("/live/track/get/panning_mode", "B") == ("B", 1)
    client.send("/live/track/set/left_split_stereo", "B", -0.5)
    assert client.query("/live/track/get/left_split_stereo", "B") == ("B", pytest.approx(-0.5))
    assert client.query("/live/track/get/right_split_stereo", "B") == ("B", pytest.approx(1.0))
    client.send("/live/track/set/panning_mode", "B", 0)
    client.send("/live/track/set/track_activator", "A", 0.0)
    assert client.query("/live/track/get/track_activator", "A") == ("A", pytest.approx(0.0))
    client.send("/live/track/set/track_activator", "A", 1.0)


def test_devices_and_parameters_of_master_and_returns(client):
    assert client.query("/live/track/get/num_devices", "master") == ("master", 1)
    assert client.query("/live/track/get/devices/name", "A") == ("A", "Reverb")
    assert client.query("/live/device/get/name", "master", 0) == ("master", 0, "Utility")
    assert client.query("/live/device/get/class_name", "B", 0) == ("B", 0, "Delay")
    names = client.query("/live/device/get/parameters/name", "master", 0)
    assert names[:2] == ("master", 0) and "Device On" in names
    client.send("/live/device/set/parameter/value", "A", 0, 0, 0.0)
    assert client.query("/live/device/get/parameter/value", "A", 0, 0) == ("A", 0, 0, pytest.approx(0.0))
    client.send("/live/device/set/parameter/value", "A", 0, 0, 1.0)


def test_listeners_on_master_and_returns_echo_the_reference(client, pair):
    sim = pair[0]
    client.send("/live/track/start_listen/volume", "master")
    assert client.wait_for("/live/track/get/volume") == ("master", pytest.approx(0.85))
    client.send("/live/track/set/volume", "master", 0.5)
    assert client.wait_for("/live/track/get/volume", lambda a: a[1] < 0.8) == ("master", pytest.approx(0.5))
    client.send("/live/track/stop_listen/volume", "master")
    client.send("/live/track/set/volume", "master", 0.85)
    client.assert_nothing("/live/track/get/volume")

    client.send("/live/track/start_listen/name", "A")
    assert client.wait_for("/live/track/get/name") == ("A", "A-Reverb")
    client.send("/live/track/set/name", "A", "Plate")
    assert client.wait_for("/live/track/get/name") == ("A", "Plate")
    client.send("/live/track/set/name", "A", "A-Reverb")
    assert client.wait_for("/live/track/get/name") == ("A", "A-Reverb")
    client.send("/live/track/stop_listen/name", "A")

    client.send("/live/track/start_listen/crossfader", "master")
    assert client.wait_for("/live/track/get/crossfader") == ("master", pytest.approx(0.0))
    client.send("/live/track/set/crossfader", "master", 0.5)
    assert client.wait_for("/live/track/get/crossfader") == ("master", pytest.approx(0.5))
    client.send("/live/track/stop_listen/crossfader", "master")
    client.send("/live/track/set/crossfader", "master", 0.0)
    client.sync()


def test_return_listener_follows_the_track_when_a_return_before_it_goes(fresh_client):
    client = fresh_client
    client.send("/live/song/create_return_track")
    assert client.query("/live/song/get/num_return_tracks") == (3,)
    client.send("/live/track/set/name", "C", "Third")
    client.send("/live/track/start_listen/name", "C")
    assert client.wait_for("/live/track/get/name") == ("C", "Third")
    client.send("/live/song/delete_return_track", 0)
    client.send("/live/track/set/name", "B", "Still third")
    # It is now return B, and the update says so.
    assert client.wait_for("/live/track/get/name") == ("B", "Still third")
    client.send("/live/track/stop_listen/name", "B")


def test_device_listener_on_a_return_track(client):
    client.send("/live/device/start_listen/parameter/value", "B", 0, 0)
    first = client.wait_for("/live/device/get/parameter/value")
    assert first[:3] == ("B", 0, 0)
    client.send("/live/device/set/parameter/value", "B", 0, 0, 0.0)
    assert client.wait_for("/live/device/get/parameter/value", lambda a: a[3] == 0.0)[:3] == ("B", 0, 0)
    client.send("/live/device/stop_listen/parameter/value", "B", 0, 0)
    client.send("/live/device/set/parameter/value", "B", 0, 0, 1.0)
    client.sync()


def test_send_listener_on_tracks_and_returns_with_two_clients(client, other):
    client.send("/live/track/set/send", 1, 0, 0.0)
    client.send("/live/track/set/send", "A", 1, 0.0)
    client.send("/live/track/start_listen/send", 1, 0)
    other.send("/live/track/start_listen/send", "A", 1)
    assert client.wait_for("/live/track/get/send") == (1, 0, pytest.approx(0.0))
    assert other.wait_for("/live/track/get/send") == ("A", 1, pytest.approx(0.0))
    client.send("/live/track/set/send", 1, 0, 0.4)
    assert client.wait_for("/live/track/get/send") == (1, 0, pytest.approx(0.4))
    other.send("/live/track/set/send", "A", 1, 0.6)
    assert other.wait_for("/live/track/get/send") == ("A", 1, pytest.approx(0.6))
    # Each client hears only what it listens to.
    client.assert_nothing("/live/track/get/send")
    other.assert_nothing("/live/track/get/send")
    # One client stopping leaves the other's listener alone.
    other.send("/live/track/start_listen/send", 1, 0)
    assert other.wait_for("/live/track/get/send") == (1, 0, pytest.approx(0.4))
    client.send("/live/track/stop_listen/send", 1, 0)
    other.send("/live/track/set/send", 1, 0, 0.1)
    assert other.wait_for("/live/track/get/send") == (1, 0, pytest.approx(0.1))
    client.assert_nothing("/live/track/get/send")
    other.send("/live/track/stop_listen/send", 1, 0)
    other.send("/live/track/stop_listen/send", "A", 1)
    other.sync()
    assert other.errors() == []


def test_send_listener_refuses_a_missing_send(client):
    client.send("/live/track/start_listen/send", 0, 5)
    client.expect_error("out of range", address="/live/track/start_listen/send")


def test_selection_of_master_and_returns(client):
    client.send("/live/view/set/selected_track", "master")
    assert client.query("/live/view/get/selected_track") == ("master",)
    client.send("/live/view/set/selected_track", "B")
    assert client.query("/live/view/get/selected_track") == ("B",)
    client.send("/live/view/set/selected_track", 0)


def test_routing_of_a_return_track(client):
    types = client.query("/live/track/get/available_output_routing_types", "A")
    assert types[0] == "A" and "Main" in types
    assert client.query("/live/track/get/output_routing_type", "A") == ("A", "Main")
    assert client.query("/live/track/get/output_routing_type", "master") == ("master", "Ext. Out")


def test_live_11_says_master(tmp_path):
    with running_sim(set_data=master_set(), live_version="11.0") as (sim, client):
        client.send("/live/track/get/arm", "master")
        client.expect_error("Master and Return Tracks have no 'Arm' state!", address="/live/track/get/arm")
        client.send("/live/track/get/crossfader", 0)
        client.expect_error("Only the master track has a crossfader!", address="/live/track/get/crossfader")
        assert client.query("/live/track/get/crossfader", "master") == ("master", pytest.approx(0.0))
        assert client.errors() == []
