"""The host: lifecycle order, error scopes, MIDI map rebuilds, reload, timers, the log, call()."""
import os
import re
import textwrap
import threading
import time

import pytest

from livesim.host import Host, ensure_runtime_path

ensure_runtime_path()


def make_world(virtual_clock=True):
    from livesim.world import World

    return World(virtual_clock=virtual_clock)


RECORDER = '''
import os
CALLS = []
LOADS = [1]


class Recorder(object):
    def __init__(self, c_instance):
        self.c_instance = c_instance
        self.rebuilds_per_tick = 0
        self.fail_on_tick = False
        CALLS.append(("create_instance", os.environ.get("LIVESIM_TEST_VALUE")))

    def connect_script_instances(self, instances):
        CALLS.append(("connect_script_instances", len(instances)))

    def can_lock_to_devices(self):
        CALLS.append(("can_lock_to_devices",))
        return False

    def build_midi_map(self, handle):
        CALLS.append(("build_midi_map",))

    def refresh_state(self):
        CALLS.append(("refresh_state",))

    def update_display(self):
        CALLS.append(("update_display",))
        for _ in range(self.rebuilds_per_tick):
            self.c_instance.request_rebuild_midi_map()
        if self.fail_on_tick:
            raise ValueError("boom in update_display")

    def receive_midi(self, midi_bytes):
        pass

    def suggest_input_port(self):
        return ""

    def suggest_output_port(self):
        return ""

    def suggest_map_mode(self, cc_no, channel):
        return -1

    def disconnect(self):
        CALLS.append(("disconnect",))


def create_instance(c_instance):
    return Recorder(c_instance)


def get_capabilities():
    from _Framework import Capabilities as caps
    return {caps.PORTS_KEY: [caps.inport(props=[caps.SCRIPT])]}
'''


def make_script(tmp_path, name, source):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(source))
    return str(folder)


@pytest.fixture
def recorder(tmp_path):
    host = Host(make_world(), script_path=make_script(tmp_path, "RecorderScript", RECORDER),
                env={"LIVESIM_TEST_VALUE": "42"})
    host.start()
    yield host
    host.shutdown()


def names(calls):
    return [c[0] for c in calls]


def test_lifecycle_order(recorder):
    calls = recorder.module.CALLS
    assert names(calls) == ["create_instance", "connect_script_instances", "can_lock_to_devices",
                            "build_midi_map", "refresh_state"]
    assert calls[1] == ("connect_script_instances", 1)
    recorder.tick()
    recorder.tick()
    assert names(calls)[5:] == ["update_display", "update_display"]


def test_a_script_that_cannot_lock_is_not_locked_on_toggle(recorder):
    song = recorder.world.song
    song.appointed_device = song.tracks[0].insert_device("Reverb")
    recorder.c_instance.toggle_lock()
    recorder.tick()
    assert recorder.locked_device is None
    assert "lock_to_device" not in names(recorder.module.CALLS)
    assert "Error" not in recorder.log_text()


def test_capabilities_are_read_when_present(recorder):
    assert recorder.capabilities == {"ports": [{"direction": "in", "name": "", "mac_name": None,
                                                "props": ["script"]}]}


def test_env_is_set_only_around_create_instance(recorder):
    assert recorder.module.CALLS[0] == ("create_instance", "42")
    assert "LIVESIM_TEST_VALUE" not in os.environ


def test_rebuild_requests_are_coalesced_and_asynchronous(recorder):
    calls = recorder.module.CALLS
    recorder.instance.rebuilds_per_tick = 3
    recorder.tick()
    assert names(calls)[-2:] == ["update_display", "build_midi_map"]
    assert recorder.midi_map_builds == 2
    recorder.instance.rebuilds_per_tick = 0
    recorder.tick()
    assert names(calls)[-1] == "update_display"


def test_script_exception_is_logged_and_the_host_keeps_running(recorder):
    recorder.instance.fail_on_tick = True
    recorder.tick()
    recorder.tick()
    log = recorder.log_text()
    assert "error: Python: Traceback (most recent call last):" in log
    assert "error: Python: ValueError: boom in update_display" in log
    assert names(recorder.module.CALLS).count("update_display") == 2
    assert "host.py" not in log  # the traceback shows the script's frames, not the host's


def test_reload_disconnects_reimports_and_recreates(recorder):
    old_module, old_instance = recorder.module, recorder.instance
    recorder.reload_script()
    assert ("disconnect",) in old_module.CALLS
    assert recorder.module is not old_module
    assert recorder.instance is not old_instance
    assert names(recorder.module.CALLS) == ["create_instance", "connect_script_instances", "can_lock_to_devices",
                                            "build_midi_map", "refresh_state"]


def test_shutdown_disconnects_once(recorder):
    recorder.shutdown()
    recorder.shutdown()
    assert names(recorder.module.CALLS).count("disconnect") == 1
    recorder.tick()  # no instance: nothing is called
    assert names(recorder.module.CALLS)[-1] == "disconnect"


def test_create_instance_failure_is_logged(tmp_path):
    path = make_script(tmp_path, "Broken", "def create_instance(c_instance):\n    raise RuntimeError('no')\n")
    host = Host(make_world(), script_path=path)
    host.start()
    assert not host.loaded
    assert "error: Python: RuntimeError: no" in host.log_text()
    host.tick()


def test_import_failure_is_logged(tmp_path):
    path = make_script(tmp_path, "Syntax", "def create_instance(c_instance) return 1\n")
    host = Host(make_world(), script_path=path)
    host.start()
    assert not host.loaded
    assert "error: Python: SyntaxError" in host.log_text()


def test_missing_required_method_is_an_attribute_error_in_the_log(tmp_path):
    path = make_script(tmp_path, "Bare", """
        class Bare(object):
            pass

        def create_instance(c_instance):
            return Bare()
    """)
    host = Host(make_world(), script_path=path)
    host.start()
    log = host.log_text()
    assert "AttributeError: 'Bare' object has no attribute 'connect_script_instances'" in log
    assert "AttributeError: 'Bare' object has no attribute 'refresh_state'" in log


def test_log_lines_are_live_formatted(tmp_path):
    path = make_script(tmp_path, "Talker", """
        from ableton.v2.control_surface import ControlSurface

        class Talker(ControlSurface):
            def __init__(self, c_instance):
                super(Talker, self).__init__(c_instance)
                c_instance.log_message("hello log")
                self.show_message("hello status")
                self.schedule_message(1, self.fail)

            def fail(self):
                raise KeyError("task")

        def create_instance(c_instance):
            return Talker(c_instance)
    """)
    host = Host(make_world(), script_path=path)
    host.start()
    host.tick()
    lines = host.log_text().splitlines()
    iso = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?"
    assert any(re.match(iso + r": info: RemoteScriptMessage: hello log$", line) for line in lines)
    assert any(line.endswith("error: Python: Error when executing task") for line in lines)
    assert any(line.endswith("error: Python: KeyError: 'task'") for line in lines)
    assert host.status_message() == "hello status"
    host.shutdown()


TIMER_SCRIPT = '''
import Live

FIRED = []


class TimerScript(object):
    def __init__(self, c_instance):
        self.timer = Live.Base.Timer(callback=self.on_timer, interval=50, repeat=True, start=True)

    def on_timer(self):
        FIRED.append(1)

    def disconnect(self):
        self.timer.stop()

    def __getattr__(self, name):
        return lambda *a: None


def create_instance(c_instance):
    return TimerScript(c_instance)
'''


def test_timer_callbacks_run_at_their_interval_when_stepping(tmp_path):
    world = make_world()
    host = Host(world, script_path=make_script(tmp_path, "TimerScript", TIMER_SCRIPT))
    before = world.timer_clock()
    host.start()
    fired = host.module.FIRED
    due = world.next_timer_due()
    assert before + 0.05 <= due <= world.timer_clock() + 0.05
    host.run_due_timers(due - 0.001)
    assert fired == []
    host.run_due_timers(due)
    assert fired == [1]
    assert world.next_timer_due() == pytest.approx(due + 0.05)
    host.run_due_timers(due + 0.05)
    assert fired == [1, 1]
    host.shutdown()
    assert world.next_timer_due() is None


def test_real_time_loop_ticks_and_serves_calls_from_other_threads(recorder):
    thread = threading.Thread(target=recorder.run_forever)
    thread.start()
    try:
        assert recorder.call(lambda a, b: (a + b, threading.current_thread() is thread), 2, 3) == (5, True)
        with pytest.raises(ZeroDivisionError):
            recorder.call(lambda: 1 / 0)
        before = recorder.ticks
        recorder.call(recorder.tick)
        assert recorder.ticks >= before + 1
    finally:
        recorder.stop()
        thread.join(5)
    assert not thread.is_alive()


def test_real_time_mode_ticks_and_moves_the_engine_with_the_wall_clock(tmp_path):
    world = make_world(virtual_clock=False)
    host = Host(world, script_path=make_script(tmp_path, "Rec2", RECORDER), tick_interval=0.01,
                engine_interval=0.01)
    host.start()
    world.song.start_playing()
    deadline = time.monotonic() + 10  # generous for a loaded machine; normally done in ~0.1 s
    while time.monotonic() < deadline and not (host.ticks >= 2 and world.song.current_song_time > 0):
        host.run(0.05)
    assert host.ticks >= 2
    assert world.song.current_song_time > 0
    host.shutdown()


def test_virtual_clock_engine_moves_only_on_advance(tmp_path):
    world = make_world(virtual_clock=True)
    host = Host(world, script_path=make_script(tmp_path, "Rec3", RECORDER), tick_interval=0.01)
    host.start()
    world.song.start_playing()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and host.ticks < 3:
        host.run(0.05)
    assert host.ticks >= 3
    assert world.song.current_song_time == 0
    world.advance(0.5)
    assert world.song.current_song_time == pytest.approx(1.0)
    host.shutdown()


def test_world_exceptions_reach_the_log_as_python_errors(recorder):
    try:
        raise LookupError("in a listener")
    except LookupError:
        recorder.world.log_exception("a listener")
    assert "error: Python: LookupError: in a listener" in recorder.log_text()
