"""_Framework's device component, mode selector, display, button slider and tasks as a keyboard
controller script uses them (tests/livesim/fixtures/KeyboardScript), driven through MIDI."""
import os

import pytest


SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "KeyboardScript")
HEADER = (0xF0, 0x00, 0x20, 0x29, 0x01)

SET = {
    "tracks": [
        {"name": "Keys", "devices": [{"class_name": "Operator", "type": "instrument"},
                                     {"class_name": "Reverb", "type": "audio_effect"}]},
        {"name": "Rack", "devices": [{"class_name": "InstrumentGroupDevice", "type": "instrument"}]},
        {"name": "Empty"},
    ],
}


@pytest.fixture
def host(hosted_script):
    return hosted_script(SCRIPT, SET)


def press_cc(host, cc):
    host.world.receive_midi(0xB0, cc, 127)
    host.world.receive_midi(0xB0, cc, 0)


def press(host, channel, note):
    host.world.receive_midi(0x90 | channel, note, 127)
    host.world.receive_midi(0x80 | channel, note, 0)


def last_text(host):
    """The characters of the last display message sent."""
    for message in reversed(host.c_instance._livesim_sent_midi):
        if message[:5] == HEADER:
            return "".join(chr(b) for b in message[5:-1])
    return None


def no_errors(host):
    assert "error" not in host.log_text(), host.log_text()


def test_encoders_control_the_selected_devices_banks(host):
    world, song = host.world, host.world.song
    operator = song.tracks[0].devices[0]
    assert host.instance.device.device() == operator
    world.receive_midi(0xB0, 21, 127)                  # encoder 1: the first parameter after Device On
    assert operator.parameters[1].value == operator.parameters[1].max
    press_cc(host, 103)                                # next bank
    host.tick()
    world.receive_midi(0xB0, 21, 0)
    assert operator.parameters[9].value == operator.parameters[9].min
    assert host.instance.device.number_of_parameter_banks() == 3   # 17 parameters after Device On
    press_cc(host, 103)
    assert host.c_instance._livesim_sent_midi[-1] == (0xB0, 103, 0)   # the last bank: "up" goes dark
    press_cc(host, 103)                                # no fourth bank: stays
    press_cc(host, 102)                                # back to the second
    assert host.instance.device.bank_index() == 1
    song.view.selected_track = song.tracks[1]          # the rack: its macros
    host.tick()
    rack = song.tracks[1].devices[0]
    assert host.instance.device.device() == rack and host.instance.device.bank_index() == 0
    world.receive_midi(0xB0, 28, 127)
    assert rack.parameters[8].name == "Macro 8" and rack.parameters[8].value == rack.parameters[8].max
    song.view.selected_track = song.tracks[0]          # back: the bank is remembered
    assert host.instance.device.bank_index() == 1
    no_errors(host)


def test_a_channel_translation_selector_moves_the_knob_to_other_channels(host):
    world = host.world
    surface = host.instance
    world.receive_midi(0xB0, 30, 10)
    press(host, 0, 44)                                 # mode 2: the knob moves to channel 2
    host.tick()
    assert surface.fx_knob.message_channel() == 2 and surface.fx_knob.original_channel() == 0
    assert host.world.midi_translations[host] == {(0xB0, 0, 30): (2, 30)}
    world.receive_midi(0xB0, 30, 20)                   # the hardware still sends on channel 0: Live
    assert surface.fx_values == [10, 20]               # translates it to channel 2, where the knob is
    from Live import _midi_map as MidiMap
    assert [(f.kind, f.channel, f.number) for f in world.midi_forwards if f.number == 30] == [(MidiMap.CC, 2, 30)]
    press(host, 0, 42)                                 # back to mode 0: no translation
    host.tick()
    assert host.world.midi_translations[host] == {}
    world.receive_midi(0xB0, 30, 40)
    assert surface.fx_values == [10, 20, 40]
    no_errors(host)


def test_view_control_buttons_move_the_selection(host):
    song = host.world.song
    press_cc(host, 107)
    assert song.view.selected_track == song.tracks[1]
    press_cc(host, 106)
    press_cc(host, 106)                                # the first track: stays
    assert song.view.selected_track == song.tracks[0]
    lights = dict(((m[0], m[1]), m[2]) for m in host.c_instance._livesim_sent_midi)
    assert lights[(0xB0, 106)] == 0 and lights[(0xB0, 107)] == 127
    press_cc(host, 109)                                # one scene only: nothing to move to
    assert song.view.selected_scene == song.scenes[0]
    no_errors(host)


def test_pad_translations_are_installed(host):
    assert host.instance.supports_pad_translation()


def test_on_off_button_and_its_light(host):
    operator = host.world.song.tracks[0].devices[0]
    press_cc(host, 104)
    assert operator.parameters[0].value == 0.0
    assert host.c_instance._livesim_sent_midi[-1] == (0xB0, 104, 0)
    operator.parameters[0].value = 1.0                 # changed in Live: the light follows
    assert host.c_instance._livesim_sent_midi[-1] == (0xB0, 104, 127)
    no_errors(host)


def test_lock_button_asks_live_to_lock_and_the_lock_holds_the_device(host):
    song = host.world.song
    surface = host.instance
    assert surface.can_lock_to_devices()
    toggles = host.c_instance._livesim_lock_toggles
    press_cc(host, 105)
    assert host.c_instance._livesim_lock_toggles == toggles + 1
    host.tick()                                        # Live answers the toggle on its next cycle
    operator = song.tracks[0].devices[0]
    assert song.appointed_device == operator           # Live locks to the blue hand's device
    assert host.locked_device == operator and surface.device.is_locked()
    song.view.selected_track = song.tracks[1]
    assert surface.device.device() == operator         # locked: does not follow the selection
    sent = host.c_instance._livesim_sent_midi
    start = len(sent)
    for _ in range(8):
        host.tick()
    blinks = [m[2] for m in sent[start:] if m[:2] == (0x90, 70)]
    assert len(blinks) >= 3 and all(a != b for a, b in zip(blinks, blinks[1:]))   # a task blinking
    press_cc(host, 105)                                # toggled again: Live unlocks
    host.tick()
    assert host.c_instance._livesim_lock_toggles == toggles + 2
    assert host.locked_device is None and not surface.device.is_locked()
    start = len(sent)
    for _ in range(4):
        host.tick()
    assert [m for m in sent[start:] if m[:2] == (0x90, 70)] == []
    song.view.selected_track = song.tracks[2]
    assert surface.device.device() is None
    no_errors(host)


def test_mode_buttons_move_the_encoders_to_the_volumes(host):
    world, song = host.world, host.world.song
    operator = song.tracks[0].devices[0]
    press(host, 0, 41)
    assert host.instance.modes.mode_index() == 1
    assert host.c_instance._livesim_sent_midi[-2:] == [(0x90, 40, 0), (0x90, 41, 127)]
    host.tick()
    before = operator.parameters[2].value
    world.receive_midi(0xB0, 22, 0)                    # encoder 2: track 2's volume now
    assert song.tracks[1].mixer_device.volume.value == 0.0
    assert operator.parameters[2].value == before
    press(host, 0, 40)
    host.tick()
    world.receive_midi(0xB0, 22, 127)
    assert operator.parameters[2].value == operator.parameters[2].max
    assert song.tracks[1].mixer_device.volume.value == 0.0
    no_errors(host)


def test_the_display_shows_track_and_device_names(host):
    song = host.world.song
    assert last_text(host) == "Keys   |Operator"
    song.view.selected_track = song.tracks[1]
    assert last_text(host) == "Rack   |Instrmnt"       # fitted: spaces, then vowels dropped
    song.view.selected_track = song.tracks[2]
    assert last_text(host) == "Empty  |-       "
    no_errors(host)


def test_pads_as_a_slider_set_the_master_volume_and_light_up_to_it(host):
    master = host.world.song.master_track.mixer_device.volume
    press(host, 1, 63)
    assert master.value == master.max
    press(host, 1, 0 + 60)
    assert master.value == master.min
    master.value = master.max * 2 / 3.0                # changed in Live: the pads follow
    lights = dict(((m[0], m[1]), m[2]) for m in host.c_instance._livesim_sent_midi if m[0] == 0x91)
    assert [lights[(0x91, 60 + i)] for i in range(4)] == [127, 127, 127, 0]
    no_errors(host)
