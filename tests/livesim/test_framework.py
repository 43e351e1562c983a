"""The control-surface framework: schedule_message ticks, component_guard, dependencies, MIDI."""
import builtins

import pytest

from livesim.host import ensure_runtime_path

ensure_runtime_path()

from ableton.v2.base.dependency import DependencyError  # noqa: E402
from ableton.v2.control_surface import Component, ControlSurface  # noqa: E402
from MidiRemoteScript import MidiRemoteScript  # noqa: E402


class StandInSong(object):
    """The smallest song the framework needs (no view: the device provider stays idle)."""

    tempo = 120.0


SONG = StandInSong()


def make_surface(cls=ControlSurface, errors=None):
    log = []
    c_instance = MidiRemoteScript(lambda: SONG, log.append)
    c_instance._livesim_errors = (errors.append if errors is not None else log.append)
    surface = cls(c_instance)
    surface.test_log = log
    return surface


def run_ticks(surface, n):
    for _ in range(n):
        surface.update_display()


def tick_of_each(surface, schedule, ticks=5):
    """Call ``schedule(record)``; return {label: tick number it ran on}."""
    ran = {}
    current = [0]

    def record(label):
        ran[label] = current[0]

    schedule(record)
    for i in range(1, ticks + 1):
        current[0] = i
        surface.update_display()
    return ran


def test_schedule_outside_a_tick_delays_0_1_2_3_run_on_ticks_2_1_2_3():
    surface = make_surface()

    def schedule(record):
        for delay in (0, 1, 2, 3):
            surface.schedule_message(delay, record, "d%d" % delay)

    assert tick_of_each(surface, schedule) == {"d0": 2, "d1": 1, "d2": 2, "d3": 3}


def test_schedule_inside_a_tick_delays_0_1_2_run_on_ticks_1_2_3():
    surface = make_surface()

    def schedule(record):
        def inside():
            for delay in (0, 1, 2):
                surface.schedule_message(delay, record, "d%d" % delay)

        surface.schedule_message(1, inside)  # runs on tick 1

    assert tick_of_each(surface, schedule) == {"d0": 1, "d1": 2, "d2": 3}


def test_self_rescheduling_tick_runs_once_per_update_display():
    surface = make_surface()
    calls = []

    def tick():
        calls.append(len(calls))
        surface.schedule_message(1, tick)

    surface.schedule_message(1, tick)
    run_ticks(surface, 5)
    assert len(calls) == 5


def test_falsy_parameter_calls_the_callback_without_arguments():
    surface = make_surface()
    seen = []

    def callback(*args):
        seen.append(args)

    for parameter in (None, 0, "", 7):
        surface.schedule_message(1, callback, parameter)
    surface.update_display()
    assert seen == [(), (), (), (7,)]


def test_tasks_advance_only_inside_update_display():
    surface = make_surface()
    seen = []
    surface.schedule_message(1, seen.append, "x")
    surface.refresh_state()
    surface.receive_midi((0x90, 60, 100))
    assert seen == []
    surface.update_display()
    assert seen == ["x"]


def test_an_exception_kills_only_that_task_and_is_logged():
    errors = []
    surface = make_surface(errors=errors)
    survivor, dying = [], []

    def bad_tick():
        dying.append(1)
        raise ValueError("boom")
        surface.schedule_message(1, bad_tick)  # never reached: the tick dies

    def good_tick():
        survivor.append(1)
        surface.schedule_message(1, good_tick)

    surface.schedule_message(1, bad_tick)
    surface.schedule_message(1, good_tick)
    run_ticks(surface, 4)
    assert dying == [1]
    assert survivor == [1, 1, 1, 1]
    assert len(errors) == 1
    assert errors[0].startswith("Error when executing task")
    assert "ValueError: boom" in errors[0]


def test_disconnect_drops_pending_messages():
    surface = make_surface()
    seen = []
    surface.schedule_message(2, seen.append, "late")
    surface.disconnect()
    run_ticks(surface, 3)
    assert seen == []


def test_component_outside_the_guard_raises_dependency_error():
    make_surface()
    with pytest.raises(DependencyError) as info:
        Component()
    assert str(info.value) == "Required dependency register_component not provided"


def test_component_inside_the_guard_is_registered_and_gets_the_song():
    surface = make_surface()
    with surface.component_guard():
        component = Component()
    assert component in surface.components
    assert component.song is SONG
    assert component.is_enabled()


def test_component_guard_is_reentrant():
    surface = make_surface()
    with surface.component_guard():
        with surface.component_guard():
            inner = Component()
        outer = Component()  # the outer guard still provides the dependencies
    assert surface.components == (inner, outer)


def test_guard_coalesces_rebuild_requests_and_dedupes_midi():
    surface = make_surface()
    c_instance = surface._c_instance
    with surface.component_guard():
        surface.request_rebuild_midi_map()
        surface.request_rebuild_midi_map()
        assert not c_instance._livesim_rebuild_requested
        surface._send_midi((0xB0, 7, 1))
        surface._send_midi((0xB0, 7, 2))
        surface._send_midi((0xF0, 1, 0xF7))
        assert c_instance._livesim_sent_midi == []
    assert c_instance._livesim_rebuild_requested
    assert c_instance._livesim_sent_midi == [(0xB0, 7, 2), (0xF0, 1, 0xF7)]


def test_surface_registers_in_builtins_control_surfaces():
    surface = make_surface()
    assert surface in builtins.control_surfaces
    surface.disconnect()
    assert surface not in builtins.control_surfaces


def test_song_is_a_property_in_v2_and_a_method_in_framework():
    from _Framework.ControlSurface import ControlSurface as LegacySurface
    from _Framework.ControlSurfaceComponent import ControlSurfaceComponent

    v2 = make_surface()
    assert v2.song is SONG
    legacy = make_surface(LegacySurface)
    assert legacy.song() is SONG
    assert "info: RemoteScriptMessage: (ControlSurface) Initializing..." in legacy.test_log
    with legacy.component_guard():
        component = ControlSurfaceComponent()
    assert component.song() is SONG
    legacy.disconnect()


def test_legacy_log_message_formats_class_name():
    from _Framework.ControlSurface import ControlSurface as LegacySurface

    class MyScript(LegacySurface):
        pass

    surface = make_surface(MyScript)
    surface.log_message("hello", 3)
    assert surface.test_log[-1] == "info: RemoteScriptMessage: (MyScript) hello 3"


def test_surface_defaults_live_calls():
    surface = make_surface()
    assert surface.can_lock_to_devices() is False
    assert surface.suggest_input_port() == ""
    assert surface.suggest_output_port() == ""
    assert surface.suggest_map_mode(7, 0) == -1
    assert surface.supports_pad_translation() is False
    surface.connect_script_instances([surface])
    surface.port_settings_changed()


def test_c_instance_has_no_application_and_records_status():
    c_instance = MidiRemoteScript(lambda: SONG, [].append)
    assert not hasattr(c_instance, "application")
    c_instance.show_message("hi")
    assert c_instance._livesim_status == "hi"
    prefs = c_instance.preferences("x")
    prefs.set_serializer(lambda: {})
    assert c_instance.preferences("x") is prefs


def test_capabilities_helpers():
    from _Framework import Capabilities as caps

    capabilities = {caps.CONTROLLER_ID_KEY: caps.controller_id(vendor_id=2536, product_ids=[1], model_name="X"),
                    caps.PORTS_KEY: [caps.inport(props=[caps.NOTES_CC, caps.SCRIPT]), caps.outport(props=[])]}
    assert capabilities["controller_id"]["model_names"] == ["X"]
    assert capabilities["ports"][0]["props"] == ["notes_cc", "script"]


def test_component_tasks_run_in_the_surfaces_ticks():
    from ableton.v2.base import task

    surface = make_surface()
    with surface.component_guard():
        component = Component()
    seen = []
    component._tasks.add(task.sequence(task.wait(0.25), task.run(seen.append, "waited")))
    component._tasks.add(task.sequence(task.delay(1), task.run(seen.append, "delayed")))
    run_ticks(surface, 2)
    assert seen == ["delayed"]
    run_ticks(surface, 2)
    assert seen == ["delayed", "waited"]
    component.disconnect()
