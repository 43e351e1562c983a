"""_Framework components as a classic controller script uses them (tests/livesim/fixtures/ClassicScript):
the script runs in livesim's host, MIDI is played into Live, and the set and the MIDI sent back
are checked."""
import os

import pytest


SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "ClassicScript")

SET = {
    "tempo": 120.0,
    "scenes": [{"name": "A"}, {"name": "B"}, {"name": "C"}],
    "tracks": [
        {"clips": [{"name": "a1", "length": 4.0}, {"name": "a2", "length": 4.0}]},
        {"clips": [{"name": "b1", "length": 4.0}]},
        {"type": "audio", "clips": [None, {"name": "c2", "length": 4.0}]},
        {},
        {"name": "Fifth", "clips": [{"name": "e1", "length": 4.0}]},
    ],
    "returns": [{"name": "A-Reverb"}, {"name": "B-Delay"}],
}


@pytest.fixture
def host(hosted_script):
    return hosted_script(SCRIPT, SET)


def press(host, channel, note):
    """A momentary button: note on, then note off."""
    host.world.receive_midi(0x90 | channel, note, 127)
    host.world.receive_midi(0x80 | channel, note, 64)


def sent(host):
    """The MIDI the script sent since the last call, as {(status, data1): the last data2}."""
    messages = host.c_instance._livesim_sent_midi
    start = READ.get(id(host), 0)
    READ[id(host)] = len(messages)
    return dict(((status, data1), data2) for status, data1, data2 in messages[start:])


READ = {}


def lights_now(host):
    """What every light shows now: the last value sent for each (status, data1)."""
    return dict(((status, data1), data2) for status, data1, data2 in host.c_instance._livesim_sent_midi)


def no_errors(host):
    assert "error" not in host.log_text(), host.log_text()


# --- the mixer ---------------------------------------------------------------------------------
def test_faders_knobs_and_sends_are_mapped_to_the_rings_tracks(host):
    world, song = host.world, host.world.song
    world.receive_midi(0xB1, 7, 0)         # strip 1's fader
    world.receive_midi(0xB2, 10, 127)      # strip 2's pan knob
    world.receive_midi(0xB3, 16, 127)      # strip 3's send A
    world.receive_midi(0xB0, 14, 0)        # master fader
    assert [t.mixer_device.volume.value for t in song.tracks] == [0.85, 0.0, 0.85, 0.85, 0.85]
    assert song.tracks[2].mixer_device.panning.value == 1.0
    assert [s.value for s in song.tracks[3].mixer_device.sends] == [1.0, 0.0]
    assert song.master_track.mixer_device.volume.value == 0.0
    no_errors(host)


def test_moving_the_ring_moves_the_strips_and_their_mappings(host):
    world, song = host.world, host.world.song
    surface = host.instance
    press(host, 0, 97)                     # track bank right
    assert surface.session.track_offset() == 1 and surface.mixer.track_offset() == 1
    assert host.c_instance._livesim_session_highlight[:4] == (1, 0, 4, 2)
    host.tick()                            # Live rebuilds the MIDI map the strips asked for
    world.receive_midi(0xB3, 7, 0)         # strip 3 is now the fifth track
    assert [t.mixer_device.volume.value for t in song.tracks] == [0.85, 0.85, 0.85, 0.85, 0.0]
    assert surface.mixer.channel_strip(3).track() == song.tracks[4]
    press(host, 0, 97)                     # past the last full bank: the strips past the end are empty
    host.tick()
    assert surface.mixer.channel_strip(3).track() is None
    world.receive_midi(0xB3, 7, 127)       # released: moves nothing
    assert song.tracks[4].mixer_device.volume.value == 0.0
    press(host, 0, 96)
    press(host, 0, 96)
    assert surface.session.track_offset() == 0
    no_errors(host)


def test_page_buttons_move_the_ring_a_whole_box_and_light_while_they_can(host):
    session = host.instance.session
    lights = lights_now(host)
    assert lights[(0x91, 97)] == 127 and lights[(0x91, 96)] == 0 and lights[(0x91, 95)] == 127
    press(host, 1, 97)                                   # page right: tracks 4..7
    assert session.track_offset() == 4
    press(host, 1, 97)                                   # nothing past the fifth track
    assert session.track_offset() == 4
    press(host, 1, 95)                                   # page down: scene 2
    assert session.scene_offset() == 2
    lights = lights_now(host)
    assert lights[(0x91, 97)] == 0 and lights[(0x91, 96)] == 127 and lights[(0x91, 95)] == 0
    press(host, 1, 96)
    press(host, 1, 94)
    assert (session.track_offset(), session.scene_offset()) == (0, 0)
    no_errors(host)


def test_select_buttons_move_the_scene_selection(host):
    song = host.world.song
    surface = host.instance
    press(host, 1, 93)
    press(host, 1, 93)
    press(host, 1, 93)                                   # the last scene: stays
    assert song.view.selected_scene == song.scenes[2]
    assert surface.session.selected_scene().scene() == song.scenes[2]
    lights = lights_now(host)
    assert lights[(0x91, 93)] == 0 and lights[(0x91, 92)] == 127
    press(host, 1, 92)
    assert song.view.selected_scene == song.scenes[1] and surface.session.scene_offset() == 0
    no_errors(host)


def test_strips_follow_the_track_list(host):
    song = host.world.song
    surface = host.instance
    host.call(song.delete_track, 0)
    host.tick()
    assert song.tracks[0].clip_slots[0].clip.name == "b1"
    assert surface.mixer.channel_strip(0).track() == song.tracks[0]
    assert surface.mixer.channel_strip(3).track() == song.tracks[3]
    host.world.receive_midi(0xB0, 7, 0)
    assert song.tracks[0].mixer_device.volume.value == 0.0
    no_errors(host)


def test_mute_solo_arm_and_select_buttons_change_the_track_and_light_up(host):
    song = host.world.song
    sent(host)
    press(host, 1, 48)                                   # mute track 2
    assert song.tracks[1].mute is True
    assert sent(host)[(0x91, 48)] == 127
    song.tracks[1].mute = False                          # changed in Live: the light follows
    assert sent(host)[(0x91, 48)] == 0
    press(host, 0, 49)                                   # solo track 1, then track 3 with shift held:
    host.world.receive_midi(0x90, 98, 127)               # Live's exclusive solo is on, shift adds to it
    press(host, 2, 49)
    host.world.receive_midi(0x80, 98, 0)
    assert [t.solo for t in song.tracks] == [True, False, True, False, False]
    press(host, 1, 49)                                   # without shift: solo is exclusive
    assert [t.solo for t in song.tracks] == [False, True, False, False, False]
    lights = sent(host)
    assert lights[(0x90, 49)] == 0 and lights[(0x92, 49)] == 0 and lights[(0x91, 49)] == 127
    host.world.set_preference("exclusive_arm", False)    # arm track 1, then track 2 with shift: exclusive
    press(host, 0, 50)                                   # once the preference is off
    host.world.receive_midi(0x90, 98, 127)
    press(host, 1, 50)
    host.world.receive_midi(0x80, 98, 0)
    assert [t.arm for t in song.tracks] == [False, True, False, False, False]
    lights = sent(host)
    assert lights[(0x90, 50)] == 0 and lights[(0x91, 50)] == 127
    press(host, 3, 51)                                   # select track 4
    assert song.view.selected_track == song.tracks[3]
    lights = sent(host)
    assert lights[(0x93, 51)] == 127
    assert host.instance.mixer.selected_strip().track() == song.tracks[3]
    no_errors(host)


# --- the session: clip slots, scenes, stop buttons -------------------------------------------------
def test_clip_pads_launch_clips_and_show_their_state(host):
    world, song = host.world, host.world.song
    lights = sent(host)
    assert lights[(0x91, 53)] == 5                       # a stopped clip
    assert lights[(0x93, 53)] == 0                       # an empty slot: off
    press(host, 0, 91)                                   # play; a launch now waits for the next bar
    host.call(world.advance, 0.5)
    press(host, 0, 53)                                   # pad (0, 0): clip a1
    clip = song.tracks[0].clip_slots[0].clip
    assert clip.is_triggered
    assert sent(host)[(0x90, 53)] == 2                   # triggered to play
    host.call(world.advance, 2.0)
    assert clip.is_playing
    lights = sent(host)
    assert lights[(0x90, 53)] == 1                       # playing
    assert lights[(0x90, 52)] == 127                     # its track's stop button lit
    press(host, 0, 52)                                   # stop track 1's clips
    host.call(world.advance, 2.5)
    assert not clip.is_playing
    lights = sent(host)
    assert lights[(0x90, 53)] == 5 and lights[(0x90, 52)] == 0
    no_errors(host)


def test_an_empty_slot_of_an_armed_track_shows_the_record_value(host):
    song = host.world.song
    sent(host)
    song.tracks[3].arm = True
    assert sent(host)[(0x93, 53)] == 3
    no_errors(host)


def test_scene_buttons_launch_scenes_and_the_pads_follow_the_scene_offset(host):
    world, song = host.world, host.world.song
    song.start_playing()
    host.call(world.advance, 0.5)
    sent(host)
    press(host, 0, 83)                                   # scene B, launched on the next bar
    assert song.scenes[1].is_triggered
    assert sent(host)[(0x90, 83)] == 2
    host.call(world.advance, 2.0)
    assert song.tracks[0].playing_slot_index == 1 and song.tracks[2].playing_slot_index == 1
    assert song.view.selected_scene == song.scenes[1]
    lights = sent(host)
    assert lights[(0x90, 83)] == 0 and lights[(0x90, 54)] == 1 and lights[(0x92, 54)] == 1
    press(host, 0, 95)                                   # scene bank down: row 0 is now scene B
    assert host.instance.session.scene_offset() == 1
    lights = sent(host)
    assert lights[(0x90, 53)] == 1 and lights[(0x92, 53)] == 1 and lights[(0x90, 54)] == 0
    press(host, 0, 81)                                   # stop all clips
    host.call(world.advance, 2.5)
    assert all(t.playing_slot_index == -1 for t in song.tracks)
    no_errors(host)


def hold(host, note, pad):
    """Press ``pad`` (channel, note) while the modifier ``note`` is held."""
    host.world.receive_midi(0x90, note, 127)
    press(host, *pad)
    host.world.receive_midi(0x80, note, 0)


def test_delete_select_and_duplicate_buttons_change_what_the_pads_do(host):
    song = host.world.song
    hold(host, 100, (0, 54))                             # delete + pad (0, 1): clip a2 goes
    assert not song.tracks[0].clip_slots[1].has_clip
    hold(host, 102, (1, 53))                             # duplicate + pad (1, 0): b1 into the next slot
    assert song.tracks[1].clip_slots[1].clip.name == "b1"
    hold(host, 101, (2, 54))                             # select + pad (2, 1): shown in Live, not launched
    assert song.view.highlighted_clip_slot == song.tracks[2].clip_slots[1]
    assert song.tracks[2].fired_slot_index == -1 and not song.is_playing
    hold(host, 100, (0, 83))                             # delete + scene B's button
    assert [scene.name for scene in song.scenes] == ["A", "C"]
    assert lights_now(host)[(0x91, 54)] == 0             # row 1 is scene C now: no clip there
    no_errors(host)


def test_the_button_matrix_holds_its_buttons_by_column_and_row(host):
    surface = host.instance
    matrix = surface.matrix
    assert (matrix.width(), matrix.height()) == (4, 2)
    button = matrix.get_button(2, 1)
    assert (button.message_channel(), button.message_identifier()) == (2, 54)
    assert [xy for _, xy in matrix.iterbuttons()][:5] == [(0, 0), (1, 0), (2, 0), (3, 0), (0, 1)]
    heard = []
    host.call(matrix.add_value_listener, lambda *args: heard.append(args))
    host.tick()
    press(host, 3, 53)
    assert heard == [(127, 3, 0, True), (0, 3, 0, True)]
    with surface.component_guard():
        matrix.send_value(1, 1, 7)
    assert host.c_instance._livesim_sent_midi[-1] == (0x91, 54, 7)
    no_errors(host)


def test_holding_zoom_shows_the_session_overview_and_a_pad_moves_the_ring(host):
    world = host.world
    surface = host.instance
    world.receive_midi(0x90, 99, 127)                    # hold zoom
    assert surface.zooming.is_zoomed_out() and not surface.session.is_enabled()
    lights = lights_now(host)
    # Blocks of 4 tracks x 2 scenes: (0, 0) is the ring, (1, 0) holds the fifth track's clip,
    # (0, 1) and (1, 1) hold scene C without clips, (2, *) and (3, *) are outside the set.
    assert [lights[(0x90 | x, 53)] for x in range(4)] == [3, 5, 0, 0]
    assert [lights[(0x90 | x, 54)] for x in range(4)] == [4, 4, 0, 0]
    press(host, 1, 53)                                   # jump to block (1, 0)
    assert surface.session.track_offset() == 4
    assert song_clip_unplayed(world)
    world.receive_midi(0x80, 99, 0)                      # let go: the session is back, at the new place
    assert not surface.zooming.is_zoomed_out() and surface.session.is_enabled()
    lights = lights_now(host)
    assert lights[(0x90, 53)] == 5 and lights[(0x91, 53)] == 0   # e1 stopped; no track beside it
    no_errors(host)


def song_clip_unplayed(world):
    """Pressing pads while zoomed out launches nothing."""
    return all(t.playing_slot_index == -1 and t.fired_slot_index == -1 for t in world.song.tracks)


# --- the transport ---------------------------------------------------------------------------
def test_transport_buttons_drive_the_song_and_show_it(host):
    song = host.world.song
    sent(host)
    press(host, 0, 91)                                   # play
    assert song.is_playing
    assert sent(host)[(0x90, 91)] == 127
    press(host, 0, 91)                                   # play again: keeps playing
    assert song.is_playing
    press(host, 0, 92)                                   # stop
    assert not song.is_playing
    assert sent(host)[(0x90, 91)] == 0
    press(host, 0, 93)                                   # record
    assert song.record_mode
    assert sent(host)[(0x90, 93)] == 127
    press(host, 0, 93)
    assert not song.record_mode
    song.metronome = True                                # changed in Live: the light follows
    assert sent(host)[(0x90, 90)] == 127
    press(host, 0, 90)
    assert not song.metronome
    no_errors(host)


# --- a subject slot of the script's own ----------------------------------------------------------
def test_a_subject_slot_follows_the_song_and_ends_with_the_script(host):
    song = host.world.song
    assert host.c_instance._livesim_sent_midi.count((0xB0, 20, 60)) == 1
    song.tempo = 135.0
    assert host.c_instance._livesim_sent_midi[-1] == (0xB0, 20, 75)
    slot = host.instance.tempo_light._on_tempo_changed
    assert slot.is_connected and slot.subject == song
    host.shutdown()
    assert not slot.is_connected and slot.subject is None
    count = len(host.c_instance._livesim_sent_midi)
    song.tempo = 140.0
    assert len(host.c_instance._livesim_sent_midi) == count
    no_errors(host)
