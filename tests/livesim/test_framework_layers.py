"""_Framework layers, resources and combo elements as a Live 9-style script uses them
(tests/livesim/fixtures/LayerScript), driven through MIDI."""
import os

import pytest

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "LayerScript")
SET = {"tracks": [{"clips": [{"length": 4.0}]}, {}, {}, {}], "returns": [{"name": "A"}]}


@pytest.fixture
def host(hosted_script):
    return hosted_script(SCRIPT, SET)


def press(host, note):
    host.world.receive_midi(0x90, note, 127)
    host.world.receive_midi(0x80, note, 0)


def no_errors(host):
    assert "error" not in host.log_text(), host.log_text()


def test_the_higher_priority_layer_owns_the_shared_buttons_while_enabled(host):
    world, song = host.world, host.world.song
    surface = host.instance
    song.start_playing()
    host.call(world.advance, 0.5)
    song.tracks[0].clip_slots[0].fire()
    host.call(world.advance, 2.0)
    assert song.tracks[0].playing_slot_index == 0
    press(host, 0)                                     # the session owns the row: stop track 1
    host.call(world.advance, 2.0)
    assert song.tracks[0].playing_slot_index == -1 and not song.tracks[0].mute
    assert (0x90, 8, 5) in host.c_instance._livesim_sent_midi    # the skin's 'Switch.On'
    press(host, 8)                                     # session off: the mixer gets the row back
    assert not surface.session.is_enabled()
    assert host.c_instance._livesim_sent_midi[-1] == (0x90, 8, 1)
    press(host, 1)
    assert song.tracks[1].mute
    assert host.c_instance._livesim_sent_midi[-1] == (0x90, 1, 127)
    press(host, 8)                                     # session on again: the row stops tracks
    press(host, 2)
    assert not song.tracks[2].mute
    no_errors(host)


def test_combo_elements_make_shift_layers(host):
    world, song = host.world, host.world.song
    press(host, 10)                                    # play
    assert song.is_playing and not song.metronome
    world.receive_midi(0x90, 9, 127)                   # hold shift: play is the metronome button
    press(host, 10)
    assert song.metronome
    host.tick()
    world.receive_midi(0xB0, 20, 127)                  # the knob is send A with shift
    assert song.tracks[0].mixer_device.sends[0].value == 1.0
    assert song.tracks[0].mixer_device.panning.value == 0.0
    world.receive_midi(0x80, 9, 0)
    host.tick()
    world.receive_midi(0xB0, 20, 0)                    # and pan without
    assert song.tracks[0].mixer_device.panning.value == -1.0
    assert song.tracks[0].mixer_device.sends[0].value == 1.0
    press(host, 10)                                    # play again: still playing, metronome stays
    assert song.is_playing and song.metronome
    no_errors(host)


def test_modes_hand_a_row_to_one_layer_at_a_time(host):
    world, song = host.world, host.world.song
    modes = host.instance.modes
    sent = host.c_instance._livesim_sent_midi
    assert modes.selected_mode == "solo"
    press(host, 5)                                     # solo mode: track 2
    assert song.tracks[1].solo and sent[-1] == (0x90, 5, 127)
    press(host, 12)                                    # a quick press: arm mode
    assert modes.selected_mode == "arm" and modes.active_modes == ["arm"]
    assert (0x90, 12, 127) in sent[-4:] and (0x90, 11, 0) in sent[-4:]
    press(host, 4)                                     # arm mode: track 1
    assert song.tracks[0].arm and not song.tracks[0].solo
    world.receive_midi(0x90, 11, 127)                  # hold solo past the momentary delay ...
    for _ in range(5):
        host.tick()
    assert modes.selected_mode == "solo"
    press(host, 6)                                     # Live's exclusive solo: track 3 alone
    assert [t.solo for t in song.tracks][:4] == [False, False, True, False]
    world.receive_midi(0x80, 11, 0)                    # ... and let go: back to arm
    assert modes.selected_mode == "arm"
    press(host, 7)
    assert song.tracks[3].arm and not song.tracks[3].solo
    host.call(setattr, modes, "selected_mode", None)   # no mode: the background owns the row
    assert [sent[i] for i in range(len(sent)) if sent[i][:2] == (0x90, 7)][-1] == (0x90, 7, 0)
    press(host, 5)
    assert [t.solo for t in song.tracks][:4] == [False, False, True, False]   # nothing happened
    no_errors(host)


def test_a_skin_names_colours_and_refuses_missing_ones(host):
    from _Framework.Skin import SkinColorMissingError

    surface = host.instance
    play = surface.transport._play_toggle._on_button_value.subject.wrapped_control
    with pytest.raises(SkinColorMissingError):
        play.set_light("Switch.Blinking")


def test_resources_hand_over_by_priority():
    from livesim.host import ensure_runtime_path

    ensure_runtime_path()
    from _Framework.Resource import ExclusiveResource, SharedResource, StackingResource

    events = []
    stack = StackingResource(lambda c: events.append(("got", c)), lambda c: events.append(("lost", c)))
    assert stack.grab("low", priority=0)
    assert stack.grab("high", priority=2)
    assert not stack.grab("mid", priority=1)
    stack.release("high")
    assert stack.owner == "mid" and stack.clients == ("low", "mid")
    assert events == [("got", "low"), ("lost", "low"), ("got", "high"), ("lost", "high"), ("got", "mid")]
    exclusive = ExclusiveResource()
    assert exclusive.grab("a") and not exclusive.grab("b")
    exclusive.release("a")
    assert exclusive.grab("b") and exclusive.owner == "b"
    shared = SharedResource()
    assert shared.grab("a") and shared.grab("b") and shared.owners == ("a", "b")
