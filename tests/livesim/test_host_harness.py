"""The LiveSim harness: a real World, a script on a background host thread, UDP in and out."""
import os
import socket
import threading

import pytest

from livesim.testing import LiveSim
from tests.tooling import udp_request

HERE = os.path.dirname(os.path.abspath(__file__))
ECHO_SCRIPT = os.path.join(HERE, "fixtures", "EchoScript")


def port_is_free(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        sock.close()


@pytest.fixture
def sim():
    with LiveSim(script_path=ECHO_SCRIPT) as sim:
        yield sim


def test_script_serves_udp_from_the_host_thread(sim):
    assert udp_request(sim.port, b"ping") == b"ping"
    assert udp_request(sim.port, b"tempo") == b"120.0"
    assert sim.status_message() == "EchoScript: listening on UDP port %d" % sim.port


def test_ports_reach_the_script_only_through_its_environment(sim):
    assert sim.port != sim.reply_port
    assert sim.call(lambda: sim.host.instance.port) == sim.port
    assert "ABLETONOSC_PORT" not in os.environ


def test_call_runs_on_the_host_thread_and_reraises(sim):
    name = sim.call(lambda: threading.current_thread().name)
    assert name == "livesim-main"
    assert sim.call(lambda: sim.world.song.tempo) == 120.0
    with pytest.raises(ZeroDivisionError):
        sim.call(lambda: 1 // 0)


def test_advance_moves_engine_time_only_when_asked(sim):
    def start():
        sim.world.song.start_playing()

    sim.call(start)
    before = sim.call(lambda: sim.world.song.current_song_time)
    sim.advance(1.0)
    after = sim.call(lambda: sim.world.song.current_song_time)
    assert after - before == pytest.approx(2.0, abs=0.05)  # 120 bpm: two beats a second


def test_reload_creates_a_new_instance_that_serves_again(sim):
    first = sim.call(lambda: sim.host.instance)
    sim.reload_script()
    assert sim.call(lambda: sim.host.instance) is not first
    assert udp_request(sim.port, b"again") == b"again"
    assert "Reloading MidiRemoteScript" in sim.log_text()


def test_exit_disconnects_the_script():
    with LiveSim(script_path=ECHO_SCRIPT) as sim:
        port = sim.port
        assert not port_is_free(port)
    assert port_is_free(port)
    assert sim.host.instance is None


def test_set_from_a_dict_and_the_port_the_script_bound():
    data = {"tempo": 97.0, "scenes": [{"name": "A"}], "tracks": [{"type": "audio", "name": "Loop"}]}
    with LiveSim(set_data=data, script_path=ECHO_SCRIPT, port=0, live_version="11.3.43") as sim:
        port = sim.port
        assert port > 0 and sim.call(sim.host.bound_port) == port
        assert udp_request(port, b"tempo") == b"97.0"
        sim.reload_script()  # a restart binds the same port again
        assert sim.call(sim.host.bound_port) == port
        assert udp_request(port, b"tempo") == b"97.0"
        assert sim.call(lambda: [t.name for t in sim.world.song.tracks]) == ["Loop"]
        assert sim.world.version == (11, 3, 43)


def test_v2_surface_appoints_the_selected_tracks_device():
    data = {"scenes": [{"name": "A"}],
            "tracks": [{"type": "audio", "name": "Fx", "devices": [{"class_name": "Reverb", "type": "audio_effect"}]},
                       {"type": "midi", "name": "Keys", "devices": [{"class_name": "Operator", "type": "instrument"}]}]}
    with LiveSim(set_data=data, script_path=ECHO_SCRIPT) as sim:
        song = sim.world.song
        provider = sim.call(lambda: sim.host.instance.device_provider)
        assert sim.call(lambda: (provider.device.name, song.appointed_device.name)) == ("Reverb", "Reverb")
        sim.call(lambda: setattr(song.view, "selected_track", song.tracks[1]))
        assert sim.call(lambda: (provider.device.name, song.appointed_device.name)) == ("Operator", "Operator")


def test_a_script_that_fails_to_start_raises_with_its_log(tmp_path):
    from livesim.testing import ScriptFailed

    folder = tmp_path / "Failing"
    folder.mkdir()
    (folder / "__init__.py").write_text("def create_instance(c_instance):\n    raise OSError('port taken')\n")
    with pytest.raises(ScriptFailed) as info:
        LiveSim(script_path=str(folder)).start()
    assert "OSError: port taken" in str(info.value)
    with LiveSim(script_path=str(folder), check_started=False) as sim:
        assert not sim.host.loaded
        assert "error: Python: OSError: port taken" in sim.log_text()


def test_opening_another_set_restarts_the_script_against_it(sim):
    first = sim.call(lambda: sim.host.instance)
    sim.open_set({"tempo": 133.0, "scenes": [{"name": "A"}], "tracks": [{"type": "midi", "name": "Only"}]})
    assert sim.call(lambda: sim.host.instance) is not first
    assert udp_request(sim.port, b"tempo") == b"133.0"
    assert sim.call(lambda: [t.name for t in sim.world.song.tracks]) == ["Only"]
    assert "Loading a new Live Set" in sim.log_text()


def test_device_provider_listens_to_the_selection_and_lets_go_on_disconnect(sim):
    def listening():
        provider = sim.host.instance.device_provider
        return [slot.is_connected() for slot in (provider._on_appointed_device_changed,
                                                 provider._on_selected_track_changed,
                                                 provider._on_selected_device_changed)]

    assert sim.call(listening) == [True, True, True]
    provider = sim.call(lambda: sim.host.instance.device_provider)
    sim.call(provider.disconnect)
    assert sim.call(lambda: [s.subject for s in (provider._on_appointed_device_changed,
                                                 provider._on_selected_track_changed)]) == [None, None]
