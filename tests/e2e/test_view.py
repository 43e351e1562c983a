"""/live/view/*: the selection in Live's window."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim
from tests.e2e.sets import rich_set


def test_selected_scene(client):
    try:
        client.send("/live/view/set/selected_scene", 1)
        assert client.query("/live/view/get/selected_scene") == (1,)
    finally:
        client.send("/live/view/set/selected_scene", 0)
    assert client.query("/live/view/get/selected_scene") == (0,)


def test_selected_track(client):
    try:
        client.send("/live/view/set/selected_track", 2)
        assert client.query("/live/view/get/selected_track") == (2,)
    finally:
        client.send("/live/view/set/selected_track", 0)
    assert client.query("/live/view/get/selected_track") == (0,)


def test_selected_clip(client):
    try:
        client.send("/live/view/set/selected_clip", 3, 4)
        assert client.query("/live/view/get/selected_clip") == (3, 4)
        assert client.query("/live/view/get/selected_track") == (3,)
        assert client.query("/live/view/get/selected_scene") == (4,)
    finally:
        client.send("/live/view/set/selected_clip", 0, 0)
    assert client.query("/live/view/get/selected_clip") == (0, 0)


def test_selected_track_touchosc_float(client):
    try:
        client.send("/live/view/set/selected_track", 1.0)
        assert client.query("/live/view/get/selected_track") == (1,)
        client.send("/live/view/set/selected_scene", 2.0)  # upstream refused floats here
        assert client.query("/live/view/get/selected_scene") == (2,)
        client.send("/live/view/set/selected_clip", 3.0, 1.0)
        assert client.query("/live/view/get/selected_clip") == (3, 1)
    finally:
        client.send("/live/view/set/selected_track", 0)
        client.send("/live/view/set/selected_scene", 0)
    client.sync()


def test_select_a_return_or_the_master_track(client):
    try:
        client.send("/live/view/set/selected_track", "A")
        assert client.query("/live/view/get/selected_track") == ("A",)
        client.send("/live/view/set/selected_track", "master")
        assert client.query("/live/view/get/selected_track") == ("master",)
    finally:
        client.send("/live/view/set/selected_track", 0)
    assert client.query("/live/view/get/selected_track") == (0,)


def test_view_listen_selected_scene_and_track(client):
    try:
        client.send("/live/view/start_listen/selected_scene")
        assert client.wait_for("/live/view/get/selected_scene") == (0,)
        client.send("/live/view/set/selected_scene", 3)
        assert client.wait_for("/live/view/get/selected_scene") == (3,)
        client.send("/live/view/start_listen/selected_track")
        assert client.wait_for("/live/view/get/selected_track") == (0,)
        client.send("/live/view/set/selected_track", 1)
        assert client.wait_for("/live/view/get/selected_track") == (1,)
        client.send("/live/view/stop_listen/selected_scene")
        client.send("/live/view/stop_listen/selected_track")
        client.sync()
        client.send("/live/view/set/selected_scene", 0)
        client.send("/live/view/set/selected_track", 0)
        client.assert_nothing("/live/view/get/selected_scene")
        client.assert_nothing("/live/view/get/selected_track")
    finally:
        client.send("/live/view/stop_listen/selected_scene")
        client.send("/live/view/stop_listen/selected_track")
        client.send("/live/view/set/selected_scene", 0)
        client.send("/live/view/set/selected_track", 0)
    client.sync()
    client.take_all("/live/view/get/selected_scene")
    client.take_all("/live/view/get/selected_track")


def test_selected_device_without_devices_is_an_error(client):
    client.send("/live/view/get/selected_device")
    client.expect_error(address="/live/view/get/selected_device")
    client.send("/live/view/set/selected_device", 0, 0)
    client.expect_error("Index out of range", address="/live/view/set/selected_device")


@pytest.mark.livesim_only
def test_selected_device():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(rich_set()) as (sim, client):
        # upstream quirk kept: the setter answers (track, device) on the set address
        assert client.query("/live/view/set/selected_device", 0, 2) == (0, 2)
        assert client.query("/live/view/get/selected_device") == (0, 2)
        assert client.query("/live/view/get/selected_track") == (0,)
        assert client.query("/live/view/set/selected_device", 1, 0) == (1, 0)
        assert client.query("/live/view/get/selected_device") == (1, 0)
        assert client.errors() == []
