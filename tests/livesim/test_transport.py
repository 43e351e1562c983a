"""The transport engine on the virtual clock: song time, quantized launches and stops, playback, recording."""
import pytest

from livesim.world import World

import Live


def test_song_time_advances_in_beats_at_tempo(world, song):
    ticks = []
    song.add_current_song_time_listener(lambda: ticks.append(song.current_song_time))
    world.advance(1.0)
    assert song.current_song_time == 0.0 and ticks == []      # stopped: nothing moves
    song.start_playing()
    assert song.is_playing
    world.advance(1.0)
    assert song.current_song_time == 2.0                       # 120 BPM: 2 beats per second
    assert len(ticks) == 30                                     # one notification per display frame (30 Hz)
    song.tempo = 60.0
    world.advance(1.0)
    assert song.current_song_time == 3.0


def test_stop_keeps_the_position_and_continue_resumes(world, song):
    beats = []
    song.add_current_song_time_listener(lambda: beats.append(int(song.current_song_time)))
    song.start_playing()
    world.advance(1.0)
    song.stop_playing()
    assert not song.is_playing and song.current_song_time == 2.0
    world.advance(1.0)
    assert song.current_song_time == 2.0
    song.continue_playing()
    world.advance(0.5)
    assert song.current_song_time == 3.0
    song.start_time = 8.0 if hasattr(song, "start_time") else None
    song.stop_playing()
    song.start_playing()
    assert song.current_song_time == 8.0


def test_jumps_notify_and_song_loop_wraps(world, song):
    heard = []
    song.add_current_song_time_listener(lambda: heard.append(song.current_song_time))
    song.current_song_time = 4.0
    song.jump_by(2.0)
    assert heard == [4.0, 6.0]
    song.loop = True
    song.loop_start = 4.0
    song.loop_length = 4.0
    song.current_song_time = 7.0
    song.continue_playing()
    world.advance(1.0)                                          # 7 + 2 beats wraps at 8 back to 4
    assert song.current_song_time == pytest.approx(5.0)


def test_cue_points_and_beat_time(world, song):
    song.current_song_time = 16.0
    song.set_or_delete_cue()
    assert len(song.cue_points) == 1 and song.cue_points[0].time == 16.0
    song.current_song_time = 0.0
    assert song.can_jump_to_next_cue and not song.can_jump_to_prev_cue
    song.jump_to_next_cue()
    assert song.current_song_time == 16.0
    song.current_song_time = 5.5
    b = song.get_current_beats_song_time()
    assert (b.bars, b.beats, b.sub_division) == (2, 2, 3)


def test_launching_while_stopped_starts_the_transport_and_plays_at_once(world, song):
    track = song.tracks[0]
    clip = track.clip_slots[0].create_clip(4.0)
    fired = []
    track.add_playing_slot_index_listener(lambda: fired.append(track.playing_slot_index))
    track.clip_slots[0].fire()
    assert song.is_playing and clip.is_playing and not clip.is_triggered
    assert track.playing_slot_index == 0 and fired == [0]
    assert clip.playing_position == 0.0
    world.advance(0.25)
    assert clip.playing_position == pytest.approx(0.5)


def test_launch_quantization_song_and_clip(world, song):
    track = song.tracks[0]
    a = track.clip_slots[0].create_clip(4.0)
    b = track.clip_slots[1].create_clip(4.0)
    track.clip_slots[0].fire()
    world.advance(0.5)                                          # song time 1.0
    track.clip_slots[1].fire()                                  # next bar: beat 4
    assert b.is_triggered and track.fired_slot_index == 1 and track.clip_slots[1].is_triggered
    world.advance(1.0)                                          # song time 3.0
    assert a.is_playing and not b.is_playing
    world.advance(0.6)                                          # past beat 4
    assert b.is_playing and not a.is_playing                    # one playing clip per track
    assert track.fired_slot_index == -1 and track.playing_slot_index == 1
    assert a.playing_position == 0.0
    assert b.playing_position == pytest.approx(0.2)
    a.launch_quantization = Live.Clip.ClipLaunchQuantization.q_quarter
    a.fire()                                                     # song time 4.2 -> beat 5
    world.advance(0.35)
    assert a.is_triggered and not a.is_playing
    world.advance(0.1)
    assert a.is_playing and a.playing_position == pytest.approx(0.1)
    song.clip_trigger_quantization = Live.Song.Quantization.q_no_q
    b.fire()
    assert b.is_playing


def test_playing_position_wraps_at_loop_end_and_unlooped_clips_stop(world, song):
    track = song.tracks[0]
    clip = track.clip_slots[0].create_clip(2.0)
    jumps = []
    clip.add_loop_jump_listener(lambda: jumps.append(clip.playing_position))
    track.clip_slots[0].fire()
    world.advance(1.25)                                         # 2.5 beats into a 2-beat loop
    assert clip.playing_position == pytest.approx(0.5) and len(jumps) == 1
    other = song.tracks[1].clip_slots[0].create_clip(1.0)
    other.looping = False
    other.launch_quantization = Live.Clip.ClipLaunchQuantization.q_none
    other.fire()
    world.advance(0.6)                                          # past its end marker
    assert not other.is_playing and song.tracks[1].playing_slot_index == -1
    assert other.playing_position == 0.0


def test_quantized_stop_shows_minus_two(world, song):
    track = song.tracks[0]
    clip = track.clip_slots[0].create_clip(4.0)
    track.clip_slots[0].fire()
    world.advance(0.5)
    track.stop_all_clips()
    assert track.fired_slot_index == -2 and clip.is_playing
    world.advance(1.6)
    assert not clip.is_playing and track.playing_slot_index == -1 and track.fired_slot_index == -1
    track.clip_slots[0].fire()
    world.advance(1.0)
    song.stop_all_clips(False)
    assert not clip.is_playing
    track.clip_slots[0].fire()
    world.advance(0.1)
    song.stop_playing()
    assert not song.is_playing and not clip.is_playing and clip.playing_position == 0.0


def test_empty_slot_with_stop_button_stops_the_track(world, song):
    track = song.tracks[0]
    clip = track.clip_slots[0].create_clip(4.0)
    track.clip_slots[0].fire()
    song.clip_trigger_quantization = 0
    track.clip_slots[3].fire()
    assert not clip.is_playing


def test_scene_fire_launches_the_row_applies_tempo_and_selects(world, song):
    for t in song.tracks[:2]:
        t.clip_slots[2].create_clip(4.0)
    scene = song.scenes[2]
    scene.tempo = 100.0
    scene.fire()
    assert song.tempo == 100.0 and song.view.selected_scene == scene
    assert song.tracks[0].playing_slot_index == 2 and song.tracks[1].playing_slot_index == 2
    song.scenes[3].fire()
    assert song.scenes[3].is_triggered
    world.advance(3.0)
    assert song.tracks[0].playing_slot_index == -1 and not song.scenes[3].is_triggered
    song.view.selected_scene = song.scenes[2]
    song.scenes[0].fire_as_selected()
    assert song.view.selected_scene == song.scenes[3]


def test_session_recording_on_armed_tracks(world, song):
    audio, midi = song.tracks[2], song.tracks[0]
    audio.arm = True
    midi.arm = True
    assert audio.clip_slots[0].will_record_on_start
    audio.clip_slots[0].fire()
    midi.clip_slots[1].fire()
    rec = audio.clip_slots[0].clip
    assert rec.is_audio_clip and rec.is_recording and audio.clip_slots[0].is_recording
    assert midi.clip_slots[1].clip.is_midi_clip
    world.advance(1.0)
    assert rec.end_marker == pytest.approx(2.0)                  # grows while playing
    assert song.session_record_status == Live.Song.SessionRecordStatus.on
    song.stop_playing()
    assert not rec.is_recording and rec.length == 2.0 and rec.looping
    assert rec.gain == 0.4 and rec.pitch_coarse == 0


def test_record_length_ends_recording_and_keeps_playing(world, song):
    track = song.tracks[0]
    track.arm = True
    track.clip_slots[0].fire(record_length=2.0)
    world.advance(1.5)
    clip = track.clip_slots[0].clip
    assert not clip.is_recording and clip.length == 2.0 and clip.is_playing
    assert clip.playing_position == pytest.approx(1.0)


def test_metronome_and_group_slot_status(world):
    w = World(set_data={"tracks": [{"type": "group"}, {"type": "midi", "group": 0, "clips": [{"length": 4.0}]}],
                        "scenes": [{}]}, virtual_clock=True)
    song = w.song
    song.metronome = True
    assert song.metronome
    group_slot = song.tracks[0].clip_slots[0]
    assert group_slot.is_group_slot and group_slot.controls_other_clips
    group_slot.fire()
    assert group_slot.playing_status == Live.ClipSlot.ClipSlotPlayingState.started
    assert song.tracks[1].playing_slot_index == 0


def test_realtime_sync_follows_the_wall_clock():
    w = World()
    w.song.start_playing()
    w.sync(10.0)
    w.sync(10.5)
    assert w.song.current_song_time == pytest.approx(1.0)
    v = World(virtual_clock=True)
    v.song.start_playing()
    v.sync(10.0)
    v.sync(11.0)
    assert v.song.current_song_time == 0.0


def test_upstream_beat_listener_sequence(world, song):
    beats = []

    def on_time():
        b = int(song.current_song_time)
        if not beats or beats[-1] != b:
            beats.append(b)
    song.add_current_song_time_listener(on_time)
    song.start_playing()
    world.advance(1.0)
    song.stop_playing()
    song.continue_playing()
    world.advance(0.6)
    assert beats == [0, 1, 2, 3]


def test_trigger_session_record_records_the_selected_scene(world, song):
    song.tracks[1].arm = True
    song.view.selected_scene = song.scenes[2]
    song.trigger_session_record()
    assert song.session_record and song.tracks[1].clip_slots[2].clip.is_recording
    assert song.tracks[1].playing_slot_index == 2


def test_relaunching_moves_fired_slot_index_directly(world, song):
    track = song.tracks[0]
    for i in range(3):
        track.clip_slots[i].create_clip(4.0)
    track.clip_slots[0].fire()
    world.advance(0.1)
    seen = []
    track.add_fired_slot_index_listener(lambda: seen.append(track.fired_slot_index))
    track.clip_slots[1].fire()
    track.clip_slots[2].fire()
    assert seen == [1, 2] and not track.clip_slots[1].is_triggered and track.clip_slots[2].is_triggered
    world.advance(2.0)
    assert seen == [1, 2, -1] and track.playing_slot_index == 2


def test_start_marker_is_separate_from_the_position_since_11_2():
    for version, expected in (("12.3.6", 0.0), ("11.0", 6.0)):
        song = World(live_version=version, virtual_clock=True).song
        song.current_song_time = 6.0
        song.start_playing()
        assert song.current_song_time == expected, version


def test_cue_flags_follow_the_play_position(world):
    w = World(set_data={"tracks": [{}], "cue_points": [{"name": "A", "time": 2.0}]}, virtual_clock=True)
    song = w.song
    heard = []
    song.add_can_jump_to_prev_cue_listener(lambda: heard.append(song.can_jump_to_prev_cue))
    song.current_song_time = 0.5
    song.start_playing()
    w.advance(1.25)
    assert heard == [True] and not song.can_jump_to_next_cue


def test_toggle_launch_mode_stops_on_a_second_press(world, song):
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    clip.launch_mode = Live.Clip.LaunchMode.toggle
    clip.fire()
    assert clip.is_playing
    song.clip_trigger_quantization = 0
    clip.fire()
    assert not clip.is_playing


def test_force_legato_keeps_the_position(world, song):
    track = song.tracks[0]
    a = track.clip_slots[0].create_clip(8.0)
    b = track.clip_slots[1].create_clip(8.0)
    track.clip_slots[0].fire()
    world.advance(1.0)
    track.clip_slots[1].fire(force_legato=True)
    assert b.is_playing and not a.is_playing
    assert b.playing_position == pytest.approx(2.0)
