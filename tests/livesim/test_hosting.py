"""Other people's remote scripts in livesim: a session ring, a Timer poller with chunked multi-MB
data (shaped like ableton-js), and a threaded TCP server handing work to the main thread (shaped
like ableton-mcp).  Each runs as a real script package, driven over its own socket."""
import binascii
import json
import os
import random
import re
import socket
import threading

import pytest

from livesim.host import Host
from livesim.testing import LiveSim, make_world

HERE = os.path.dirname(os.path.abspath(__file__))
CHUNK_SCRIPT = os.path.join(HERE, "fixtures", "ChunkScript")
THREADED_SCRIPT = os.path.join(HERE, "fixtures", "ThreadedScript")
TIMEOUT = 30.0


def script_port(sim):
    """The port a fixture script bound (port 0) and showed in the status bar."""
    return int(re.search(r"port (\d+)", sim.status_message()).group(1))


def big_text(size, seed=12):
    """``size`` characters that do not compress, so every byte travels."""
    raw = random.Random(seed).getrandbits(4 * size).to_bytes((size + 1) // 2, "little")
    return binascii.hexlify(raw).decode("ascii")[:size]


# --- the chunked UDP client (the ChunkScript protocol) ---------------------------------------
def chunk_request(port, cmd, *args):
    """Send one request in windowed chunks; return the decoded reply."""
    from tests.livesim.fixtures.ChunkScript import ACK, HEADER, WINDOW, chunks_of

    message_id = random.randrange(1, 60000)
    address = ("127.0.0.1", port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(TIMEOUT)
    try:
        datagrams = chunks_of(message_id, json.dumps({"cmd": cmd, "args": list(args)}).encode("utf-8"))
        sent = acked = 0
        parts = {}
        while True:
            while sent < len(datagrams) and sent < acked + WINDOW:
                sock.sendto(datagrams[sent], address)
                sent += 1
            data, _ = sock.recvfrom(65536)
            kind, mid, index, count = HEADER.unpack_from(data)
            assert mid == message_id
            if kind == ACK:
                acked = max(acked, index)
                continue
            parts[index] = data[HEADER.size:]
            sock.sendto(HEADER.pack(ACK, message_id, len(parts), count), address)
            if len(parts) == count:
                return json.loads(b"".join(parts[i] for i in range(count)).decode("utf-8"))
    finally:
        sock.close()


@pytest.fixture
def chunk_sim():
    with LiveSim(script_path=CHUNK_SCRIPT, virtual_clock=True) as sim:
        yield sim


def highlight(sim):
    return sim.call(lambda: sim.host.c_instance._livesim_session_highlight)


def test_ableton_js_shaped_script_starts_and_shows_its_session_ring(chunk_sim):
    port = script_port(chunk_sim)
    assert highlight(chunk_sim) is None
    assert chunk_request(port, "setup_session_box", 2, 3) == {"result": True}
    assert highlight(chunk_sim) == (0, 0, 2, 3, False, False)
    assert chunk_request(port, "set_session_offset", 3, 5) == {"result": [3, 5]}
    assert highlight(chunk_sim) == (3, 5, 2, 3, False, False)
    assert chunk_request(port, "ring") == {"result": [3, 5, 2, 3]}


def test_an_offset_past_the_end_leaves_that_axis_and_a_negative_one_is_refused(chunk_sim):
    port = script_port(chunk_sim)
    chunk_request(port, "setup_session_box", 2, 2)
    # The default set has 4 tracks and 8 scenes: track 4 does not exist, scene 7 does.
    assert chunk_request(port, "set_session_offset", 4, 7) == {"result": [0, 7]}
    assert chunk_request(port, "set_session_offset", 1, 8) == {"result": [1, 7]}
    assert chunk_request(port, "set_session_offset", -1, 0)["error"].startswith("AssertionError")
    assert highlight(chunk_sim) == (1, 7, 2, 2, False, False)


def test_the_ring_follows_the_track_list_and_goes_away_with_the_script():
    sim = LiveSim(script_path=CHUNK_SCRIPT, virtual_clock=True)
    with sim:
        port = script_port(sim)
        chunk_request(port, "setup_session_box", 4, 2)
        calls = []
        sim.call(lambda: sim.host.instance.session.add_offset_listener(lambda: calls.append("moved")))
        chunk_request(port, "set_session_offset", 2, 1)
        assert calls == ["moved"]
        sim.call(lambda: sim.world.song.create_midi_track(-1))
        assert highlight(sim) == (2, 1, 4, 2, False, False)
        assert chunk_request(port, "set_session_offset", 4, 1) == {"result": [4, 1]}  # the new fifth track
    assert sim.host.c_instance._livesim_session_highlight == (-1, -1, -1, -1, False, False)


def test_session_ring_must_be_built_inside_the_component_guard():
    host = Host(make_world(), script_path=CHUNK_SCRIPT)
    host.start()
    try:
        from _Framework.Dependency import DependencyError
        from _Framework.SessionComponent import SessionComponent

        with pytest.raises(DependencyError):
            SessionComponent(2, 2)
        with host.instance.component_guard():
            ring = SessionComponent(8, 4)
        assert (ring.width(), ring.height(), ring.track_offset(), ring.scene_offset()) == (8, 4, 0, 0)
        ring.set_show_highlight(False)
        host.instance.set_highlighting_session_component(ring)
        assert host.c_instance._livesim_session_highlight == (-1, -1, -1, -1, False, False)
        ring.set_show_highlight(True)
        assert host.c_instance._livesim_session_highlight == (0, 0, 8, 4, False, False)
    finally:
        host.shutdown()


def test_multi_megabyte_data_in_many_chunks_round_trips_through_song_data(chunk_sim):
    port = script_port(chunk_sim)
    value = big_text(3 * 1024 * 1024)  # about 390 chunks each way
    assert chunk_request(port, "set_data", "layout", value) == {"result": len(value)}
    assert chunk_sim.call(lambda: chunk_sim.world.song.get_data("layout", None)) == value
    assert chunk_request(port, "get_data", "layout") == {"result": value}
    assert chunk_request(port, "get_data", "missing") == {"result": None}


def test_a_timer_poller_runs_at_its_interval_not_at_the_tick_rate():
    now = [1000.0]
    host = Host(make_world(), script_path=CHUNK_SCRIPT, clock=lambda: now[0])
    host.start()
    try:
        for _ in range(1000):  # one second in 1 ms steps
            now[0] += 0.001
            host.step(now[0])
        assert 99 <= host.instance.polls <= 101   # the 10 ms Timer
        assert 9 <= host.ticks <= 11               # update_display every 100 ms
    finally:
        host.shutdown()


def test_a_slow_tick_does_not_starve_the_timer_poller():
    now = [1000.0]
    host = Host(make_world(), script_path=CHUNK_SCRIPT, clock=lambda: now[0])
    host.start()
    try:
        for _ in range(20):   # a 1 ms host step is due 10 times per Timer interval
            now[0] += 0.001
            host.step(now[0])
        polls = host.instance.polls
        now[0] += 0.25        # a quarter second lost in one slow call
        host.step(now[0])
        assert host.instance.polls == polls + 1   # no burst to catch up, as in Live
        now[0] += 0.011
        host.step(now[0])
        assert host.instance.polls == polls + 2   # and the next poll comes one interval later
    finally:
        host.shutdown()


# --- the threaded TCP server ---------------------------------------------------------------
class LineClient(object):
    """One TCP connection speaking ThreadedScript's JSON lines."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.reader = self.sock.makefile("rb")

    def request(self, cmd, *args):
        self.sock.sendall(json.dumps({"cmd": cmd, "args": list(args)}).encode("utf-8") + b"\n")
        return json.loads(self.reader.readline().decode("utf-8"))

    def close(self):
        self.reader.close()
        self.sock.close()


@pytest.fixture
def threaded_sim():
    with LiveSim(script_path=THREADED_SCRIPT, virtual_clock=True) as sim:
        yield sim


def test_a_threaded_server_hands_every_request_to_the_main_thread(threaded_sim):
    port = script_port(threaded_sim)
    results = {}
    errors = []

    def worker(n):
        client = LineClient(port)
        try:
            for i in range(10):
                tempo = 60.0 + n * 10 + i
                results[(n, i)] = (tempo, client.request("set_tempo", tempo), client.request("get_tempo"))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT * 4)
    assert not errors
    assert len(results) == 40
    for tempo, set_reply, get_reply in results.values():
        assert set_reply == {"result": tempo, "main_thread": True}
        assert get_reply["main_thread"] is True


def test_a_threaded_server_changes_the_set_and_moves_megabytes(threaded_sim):
    client = LineClient(script_port(threaded_sim))
    try:
        assert client.request("create_midi_track", -1) == {"result": 5, "main_thread": True}
        assert threaded_sim.call(lambda: len(threaded_sim.world.song.tracks)) == 5
        value = big_text(2 * 1024 * 1024)
        assert client.request("set_data", "notes", value)["result"] == len(value)
        assert client.request("get_data", "notes")["result"] == value
        assert client.request("no_such_command")["error"].startswith("AttributeError")
    finally:
        client.close()


def test_schedule_message_from_another_thread_is_never_dropped():
    host = Host(make_world(), script_path=THREADED_SCRIPT)
    host.start()
    try:
        ran = []
        done = threading.Event()

        def flood():
            for i in range(3000):
                host.instance.schedule_message(0, ran.append, i + 1)
            done.set()

        thread = threading.Thread(target=flood)
        thread.start()
        while not done.is_set():
            host.tick()
        thread.join()
        host.tick()
        host.tick()
        assert sorted(ran) == list(range(1, 3001))
    finally:
        host.shutdown()


# --- scripts that fail ------------------------------------------------------------------------
def make_script(tmp_path, name, source):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text(source)
    return str(folder)


@pytest.mark.parametrize("source, expected", [
    ("import _Framework.NoSuchModule\n", "ModuleNotFoundError: No module named '_Framework.NoSuchModule'"),
    ("from _Framework.ControlSurface import ControlSurface\n\n"
     "class Broken(ControlSurface):\n"
     "    def __init__(self, c_instance):\n"
     "        super(Broken, self).__init__(c_instance)\n"
     "        raise ValueError('no controller found')\n\n"
     "def create_instance(c_instance):\n    return Broken(c_instance)\n",
     "ValueError: no controller found"),
])
def test_a_failing_script_is_logged_as_live_does_and_livesim_keeps_running(tmp_path, source, expected):
    path = make_script(tmp_path, "Failing", source)
    with LiveSim(script_path=path, check_started=False) as sim:
        log = sim.log_text()
        assert 'MidiRemoteScript 0 [Control Surface="Failing"]' in log
        assert "error: Python: Traceback (most recent call last):" in log
        assert "error: Python: " + expected in log
        assert not sim.host.loaded
        ticks = sim.call(lambda: sim.host.ticks)
        sim.tick()
        assert sim.call(lambda: sim.host.ticks) == ticks + 1     # the host goes on
        # Fixed on disk, the script starts on the next reload (Live's slot toggle).
        (tmp_path / "Failing" / "__init__.py").write_text(
            "from _Framework.ControlSurface import ControlSurface\n\n"
            "def create_instance(c_instance):\n    return ControlSurface(c_instance)\n")
        sim.reload_script()
        assert sim.host.loaded


def test_live_base_log_writes_to_the_log():
    import Live
    from Live import _lom

    host = Host(make_world(), script_path=CHUNK_SCRIPT)
    host.start()
    try:
        Live.Base.log("hello from a script")
        assert "info: hello from a script" in host.log_text()
        with pytest.raises(_lom.ArgumentError):
            Live.Base.log(42)
    finally:
        host.shutdown()
