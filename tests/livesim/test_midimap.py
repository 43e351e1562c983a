"""Live.MidiMap: handles valid only inside build_midi_map, mappings recorded on the world, CCs applied."""
import textwrap

import pytest

from livesim.host import Host
from livesim.world import World

import Live
from Live._lom import ArgumentError
from Live._midi_map import HANDLE_TEXT, MapMode, _close_handle, _new_handle, receive_midi

SET = {"tracks": [{"type": "midi", "devices": [{"class_name": "Reverb"}, {"class_name": "StereoGain"}]}]}

MAPPER = '''
import Live

STATE = {}


class Mapper(object):
    def __init__(self, c_instance):
        self.c_instance = c_instance
        self.received = []

    def connect_script_instances(self, instances):
        pass

    def can_lock_to_devices(self):
        return False

    def build_midi_map(self, handle):
        STATE["handle"] = handle
        song = self.c_instance.song()
        wet = [p for p in song.tracks[0].devices[0].parameters if p.name == "Dry/Wet"][0]
        STATE["mapped"] = Live.MidiMap.map_midi_cc(handle, wet, 0, 20, Live.MidiMap.MapMode.absolute, True)
        STATE["again"] = Live.MidiMap.map_midi_cc(handle, wet, 0, 20, Live.MidiMap.MapMode.absolute, True)
        Live.MidiMap.send_feedback_for_parameter(handle, wet)
        Live.MidiMap.forward_midi_cc(self.c_instance.handle(), handle, 1, 7)
        Live.MidiMap.forward_midi_note(self.c_instance.handle(), handle, 0, 60, False)

    def refresh_state(self):
        pass

    def update_display(self):
        pass

    def receive_midi(self, midi_bytes):
        self.received.append(midi_bytes)

    def disconnect(self):
        pass


def create_instance(c_instance):
    return Mapper(c_instance)
'''


def make_world(version="12.3.6"):
    w = World(set_data=SET, live_version=version, virtual_clock=True)
    w.activate()
    return w


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def host(tmp_path):
    folder = tmp_path / "Mapper"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(MAPPER))
    h = Host(make_world(), script_path=str(folder))
    h.start()
    yield h
    h.shutdown()


def param(world, device, name):
    return [p for p in world.song.tracks[0].devices[device].parameters if p.name == name][0]


def test_a_script_maps_a_cc_in_build_midi_map_and_the_cc_moves_the_parameter(host):
    world = host.world
    state = host.module.STATE
    assert state["mapped"] is True and state["again"] is False
    assert [(m.kind, m.channel, m.number, m.map_mode) for m in world.midi_mappings] == [
        ("cc", 0, 20, MapMode.absolute)]
    wet = param(world, 0, "Dry/Wet")
    assert world.receive_midi(0xB0, 20, 127) == 1
    assert wet.value == 1.0
    receive_midi(world, 0xB0, 20, 0)
    assert wet.value == 0.0
    receive_midi(world, 0xB1, 20, 127)    # other channel: not mapped
    assert wet.value == 0.0


def test_a_mapped_control_overrides_the_parameters_automation(host):
    world = host.world
    wet = param(world, 0, "Dry/Wet")
    wet._o.automation_state = Live.DeviceParameter.AutomationState.playing   # as read from a set's envelope
    receive_midi(world, 0xB0, 20, 64)
    assert wet.automation_state == Live.DeviceParameter.AutomationState.overridden
    assert world.song.re_enable_automation_enabled
    world.song.re_enable_automation()
    assert wet.automation_state == Live.DeviceParameter.AutomationState.playing
    assert not world.song.re_enable_automation_enabled


def test_feedback_goes_to_the_scripts_midi_output(host):
    wet = param(host.world, 0, "Dry/Wet")
    assert host.c_instance._livesim_sent_midi[-1] == (0xB0, 20, int(round(wet.value * 127)))


def test_the_handle_is_dead_after_build_midi_map(host):
    wet = param(host.world, 0, "Dry/Wet")
    with pytest.raises(RuntimeError, match="build_midi_map"):
        Live.MidiMap.map_midi_cc(host.module.STATE["handle"], wet, 0, 21, MapMode.absolute, True)
    assert HANDLE_TEXT.startswith("Invalid MIDI map handle")


def test_forwarded_midi_reaches_the_scripts_receive_midi(host):
    world = host.world
    receive_midi(world, 0xB1, 7, 99)
    receive_midi(world, 0x90, 60, 100)
    assert host.instance.received == [(0xB1, 7, 99), (0x90, 60, 100)]
    assert [(f.kind, f.channel, f.number, f.consume) for f in world.midi_forwards] == [
        ("cc", 1, 7, True), ("note", 0, 60, False)]


def test_a_rebuild_replaces_the_scripts_map(host):
    host.c_instance.request_rebuild_midi_map()
    host.tick()
    assert len(host.world.midi_mappings) == 1 and len(host.world.midi_forwards) == 2


def test_absolute_mapping_scales_onto_min_max_and_rounds_quantized(world):
    gain = param(world, 1, "Gain")
    mode = param(world, 1, "Channel Mode")
    h = _new_handle(world)
    assert Live.MidiMap.map_midi_cc(h, gain, 0, 1, MapMode.absolute, False)
    assert Live.MidiMap.map_midi_cc(h, mode, 0, 2, 0, False)
    _close_handle(h)
    receive_midi(world, 0xB0, 1, 127)
    assert gain.value == 35.0
    receive_midi(world, 0xB0, 1, 0)
    assert gain.value == -35.0
    receive_midi(world, 0xB0, 2, 64)
    assert mode.value == 2.0 and str(mode) == "Right"


def test_relative_note_and_pitchbend_mappings(world):
    wet = param(world, 0, "Dry/Wet")
    on = param(world, 0, "Device On")
    room = param(world, 0, "Room Size")
    h = _new_handle(world)
    Live.MidiMap.map_midi_cc(h, wet, 0, 3, MapMode.relative_two_compliment, False)
    Live.MidiMap.map_midi_note(h, on, 0, 36)
    Live.MidiMap.map_midi_pitchbend(h, room, 0, False)
    _close_handle(h)
    before = wet.value
    receive_midi(world, 0xB0, 3, 1)
    assert wet.value == pytest.approx(before + 1.0 / 127)
    receive_midi(world, 0xB0, 3, 127)
    assert wet.value == pytest.approx(before)
    receive_midi(world, 0x90, 36, 100)
    assert on.value == 0.0 and world.song.tracks[0].devices[0].is_active is False
    receive_midi(world, 0x90, 36, 100)
    assert on.value == 1.0
    receive_midi(world, 0xE0, 0x7F, 0x7F)
    assert room.value == room.max


def test_argument_types_and_ranges(world):
    wet = param(world, 0, "Dry/Wet")
    h = _new_handle(world)
    with pytest.raises(ArgumentError):
        Live.MidiMap.map_midi_cc(h, "wet", 0, 1, MapMode.absolute, False)
    with pytest.raises(ArgumentError):
        Live.MidiMap.map_midi_cc(h, wet, 0.0, 1, MapMode.absolute, False)
    assert Live.MidiMap.map_midi_cc(h, wet, 16, 1, MapMode.absolute, False) is False
    assert Live.MidiMap.map_midi_cc(h, wet, 0, 128, MapMode.absolute, False) is False
    Live.MidiMap.send_feedback_for_parameter(h, wet)
    _close_handle(h)
    assert world.midi_feedback[-1] is world.song_node.tracks[0].devices[0].parameters[-1]


def test_feedback_rules_and_map_mode_enum(world):
    rule = Live.MidiMap.CCFeedbackRule()
    rule.channel = 2
    rule.cc_no = 10
    rule.cc_value_map = (0, 127)
    rule.delay_in_ms = 5
    assert (rule.channel, rule.cc_no, rule.cc_value_map, rule.delay_in_ms, rule.enabled) == (2, 10, (0, 127), 5.0,
                                                                                             True)
    h = _new_handle(world)
    assert Live.MidiMap.map_midi_cc_with_feedback_map(h, param(world, 0, "Dry/Wet"), 0, 5, MapMode.absolute,
                                                      rule, False)
    _close_handle(h)
    assert world.midi_mappings[-1].feedback is rule
    assert MapMode.relative_smooth_signed_bit2 == 9 and repr(MapMode.absolute) == "MidiMap.MapMode.absolute"
    make_world("11.0.0")
    with pytest.raises(AttributeError):
        Live.MidiMap.NoteFeedbackRule().enabled
