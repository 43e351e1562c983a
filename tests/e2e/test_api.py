"""/live/test and /live/api/*: the script itself (log level, messages, reload)."""
import pytest


def test_log_level_get_set(client):
    assert client.query("/live/api/get/log_level") == ("info",)
    try:
        client.send("/live/api/set/log_level", "debug")
        assert client.query("/live/api/get/log_level") == ("debug",)
        client.send("/live/api/set/log_level", "warning")
        assert client.query("/live/api/get/log_level") == ("warning",)
    finally:
        client.send("/live/api/set/log_level", "info")
    assert client.query("/live/api/get/log_level") == ("info",)


def test_log_level_bogus_is_a_clear_error(client):
    client.send("/live/api/set/log_level", "bogus")
    error = client.expect_error(address="/live/api/set/log_level")
    assert "bogus" in error[0] and "debug" in error[0]  # upstream sent an empty text
    assert client.query("/live/api/get/log_level") == ("info",)


@pytest.mark.livesim_only
def test_show_message(client, sim):
    client.send("/live/api/show_message", "Hello from OSC")
    client.sync()
    assert sim.status_message() == "Hello from OSC"


def test_script_version(client):
    reply = client.query("/live/api/get/version")
    assert len(reply) == 1 and isinstance(reply[0], str) and reply[0]


def test_reload_answers_startup_and_keeps_serving(client):
    client.send("/live/api/reload")
    assert client.wait_for("/live/startup") == ()
    assert client.query("/live/song/get/num_tracks") == (4,)
    assert client.query("/live/test") == ("ok",)


@pytest.mark.livesim_only
def test_errors_are_logged(client, sim):
    client.send("/live/scene/get/name", 99, "logged-marker")
    client.expect_error("No scene 99: the set has scenes 0-")
    import os

    import AbletonOSC

    path = os.path.join(os.path.dirname(AbletonOSC.__file__), "logs", "abletonosc.log")
    if not os.path.exists(path):
        pytest.skip("the script's log folder is not writable here")
    with open(path) as handle:
        text = handle.read()
    assert "/live/scene/get/name" in text and "No scene 99" in text


@pytest.mark.livesim_only
def test_startup_is_sent_to_the_reply_port_when_the_script_starts():
    # upstream: at start-up /live/startup goes to 127.0.0.1:11001 before any client spoke
    from livesim.testing import LiveSim

    from tests.e2e.harness import OSCClient, REAL_TARGET

    if REAL_TARGET is not None:
        pytest.skip("starts its own livesim")
    listener = OSCClient("127.0.0.1", 9, bind_port=0)
    try:
        with LiveSim(reply_port=listener.port, virtual_clock=True) as sim:
            assert listener.wait_for("/live/startup", timeout=3.0) == ()
    finally:
        listener.close()
