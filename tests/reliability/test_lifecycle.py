"""Listeners across object lifecycles, handler reloads and script restarts."""
from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set


def _subscriptions(sim):
    registry = sim.host.instance.registry
    return sim.call(lambda: (len(registry.subscriptions), len(registry.subscriptions.hubs)))


def test_listeners_follow_moves_and_go_with_deleted_objects():
    with running_sim(rich_set()) as (sim, client):
        client.send("/live/track/start_listen/name", 1)
        assert client.wait_for("/live/track/get/name") == (1, "Drums")
        client.send("/live/clip/start_listen/name", 0, 0)
        assert client.wait_for("/live/clip/get/name") == (0, 0, "Chords-C-E-G")
        client.send("/live/device/start_listen/parameter/value", 0, 1, 0)
        client.wait_for("/live/device/get/parameter/value")
        # A device deleted in front of the one listened to: updates carry its new index.
        client.send("/live/track/delete_device", 0, 0)
        client.sync()
        sim.tick()
        client.send("/live/device/set/parameter/value", 0, 0, 0, 0.0)
        client.send("/live/device/set/parameter/value", 0, 0, 0, 1.0)
        assert client.wait_for("/live/device/get/parameter/value")[:3] == (0, 0, 0)
        # A clip deleted: its listener is dropped (and said so); a new clip there is not watched.
        client.send("/live/clip_slot/delete_clip", 0, 0)
        client.sync()
        sim.tick()
        assert client.wait_for("/live/api/listener_dropped")[:3] == ("/live/clip/start_listen/name", 0, 0)
        client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
        client.send("/live/clip/set/name", 0, 0, "Replacement")
        client.assert_nothing("/live/clip/get/name")
        # A track deleted in front of the one listened to: updates carry its new index.
        client.send("/live/song/delete_track", 0)
        client.sync()
        sim.tick()
        client.send("/live/track/set/name", 0, "Drums 2")
        assert client.wait_for("/live/track/get/name", lambda a: a[-1] == "Drums 2") == (0, "Drums 2")
        # The deleted track's device listener went with it.
        assert client.wait_for("/live/api/listener_dropped")[0] == "/live/device/start_listen/parameter/value"
        assert _subscriptions(sim) == (1, 1)
        assert "Traceback" not in sim.log_text()


def test_reload_with_listeners_active():
    with running_sim() as (sim, client):
        client.send("/live/song/start_listen/tempo")
        client.wait_for("/live/song/get/tempo")
        client.send("/live/track/start_listen/volume", 0)
        client.wait_for("/live/track/get/volume")
        client.send("/live/api/reload")
        client.wait_for("/live/startup", timeout=10.0)
        assert _subscriptions(sim) == (0, 0)
        client.send("/live/song/set/tempo", 121.0)
        client.assert_nothing("/live/song/get/tempo")
        # Clients re-subscribe on /live/startup; each change then arrives once.
        client.send("/live/song/start_listen/tempo")
        client.wait_for("/live/song/get/tempo")
        client.send("/live/song/set/tempo", 122.0)
        assert client.wait_for("/live/song/get/tempo") == (122.0,)
        client.assert_nothing("/live/song/get/tempo")
        assert _subscriptions(sim) == (1, 1)


def test_script_restart_like_a_set_load():
    with running_sim() as (sim, client):
        client.send("/live/song/start_listen/tempo")
        client.wait_for("/live/song/get/tempo")
        for round_ in range(3):
            sim.reload_script()
            client.wait_for("/live/startup", timeout=10.0)
            client.send("/live/song/start_listen/tempo")
            client.wait_for("/live/song/get/tempo")
            client.send("/live/song/set/tempo", 100.0 + round_)
            assert client.wait_for("/live/song/get/tempo") == (100.0 + round_,)
            client.assert_nothing("/live/song/get/tempo")
            assert _subscriptions(sim) == (1, 1)
        assert "Traceback" not in sim.log_text()
