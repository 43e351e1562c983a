"""Tracks and mixers in livesim: kinds, routings, arm and monitoring, meters, mixer parameters."""
import pytest

from livesim.world import World

import Live
from Live._lom import ArgumentError


def test_track_kinds(song):
    midi, audio = song.tracks[0], song.tracks[2]
    ret, main = song.return_tracks[0], song.master_track
    assert midi.has_midi_input and not midi.has_audio_input and midi.can_be_armed
    assert audio.has_audio_input and audio.has_audio_output and audio.can_be_armed
    assert not ret.can_be_armed and not main.can_be_armed
    assert not midi.is_foldable and midi.group_track is None and not midi.is_grouped
    assert main.canonical_parent == song and midi.mixer_device.canonical_parent == midi


def test_routings_accept_only_their_available_elements(song):
    midi, audio = song.tracks[0], song.tracks[2]
    types = audio.available_input_routing_types
    assert type(types).__name__ == "RoutingTypeVector"
    assert [t.display_name for t in types] == ["Ext. In", "Resampling", "No Input"]
    assert audio.input_routing_type == types[0]
    heard = []
    audio.add_input_routing_type_listener(lambda: heard.append(audio.input_routing_type.display_name))
    audio.input_routing_type = types[1]
    assert heard == ["Resampling"] and audio.current_input_routing == "Resampling"
    assert audio.input_routing_type.category == Live.Track.RoutingTypeCategory.resampling
    with pytest.raises(ValueError):
        midi.input_routing_type = types[0]
    with pytest.raises(ArgumentError):
        midi.input_routing_type = "Ext. In"
    chans = midi.available_input_routing_channels
    assert chans[0].display_name == "All Channels" and len(chans) == 17
    midi.input_routing_channel = chans[1]
    assert midi.current_input_sub_routing == "Ch. 1"
    assert midi.output_routing_type.display_name == "Main"
    assert World(live_version="11.0").song.tracks[0].output_routing_type.display_name == "Master"
    midi.current_output_routing = "Sends Only"
    assert midi.output_routing_type.display_name == "Sends Only"


def test_arm_monitoring_and_implicit_arm(song):
    audio = song.tracks[2]
    audio.arm = True
    assert audio.arm and audio.clip_slots[0].will_record_on_start
    assert audio.current_monitoring_state == Live.Track.Track.monitoring_states.AUTO
    audio.current_monitoring_state = 0
    assert audio.current_monitoring_state == Live.Track.Track.monitoring_states.IN
    with pytest.raises(RuntimeError):
        song.return_tracks[0].current_monitoring_state = 1
    heard = []
    audio.add_implicit_arm_listener(lambda: heard.append(audio.implicit_arm))
    audio.implicit_arm = True
    assert heard == [True]


def test_solo_and_muted_via_solo(song):
    a, b = song.tracks[0], song.tracks[1]
    heard = []
    b.add_muted_via_solo_listener(lambda: heard.append(b.muted_via_solo))
    a.solo = True
    assert not a.muted_via_solo and b.muted_via_solo and heard == [True]
    b.solo = True
    assert a.solo and b.solo                       # soloing one track never unsolos another


def test_meters_follow_playback(world, song):
    track = song.tracks[2]
    track.arm = False
    assert track.output_meter_level == 0.0
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    song.tracks[0].clip_slots[0].fire()
    world.advance(0.1)
    assert song.tracks[0].output_meter_level == 0.0            # a clip without notes is silent
    clip = song.tracks[0].clip_slots[0].clip
    clip.set_notes(((60, 0.0, 4.0, 100, False),))
    world.advance(0.1)
    assert song.tracks[0].output_meter_level > 0.0
    with pytest.raises(RuntimeError):
        song.tracks[0].output_meter_left      # a MIDI track without instrument has no audio output


def test_mixer_parameters(song):
    mixer = song.tracks[0].mixer_device
    act = mixer.track_activator
    assert act.is_quantized and list(act.value_items) == ["Off", "On"] and act.value == 1.0
    assert mixer.panning_mode == Live.MixerDevice.MixerDevice.panning_modes.stereo
    mixer.panning_mode = 1
    assert mixer.panning_mode == 1
    assert mixer.crossfade_assign == Live.MixerDevice.MixerDevice.crossfade_assignments.NONE
    mixer.crossfade_assign = 0
    assert mixer.crossfade_assign.name == "A"
    with pytest.raises(RuntimeError):
        song.master_track.mixer_device.crossfade_assign
    volume = mixer.volume
    assert volume.default_value == 0.85 and volume.original_name == "Track Volume"
    assert volume.automation_state == Live.DeviceParameter.AutomationState.none
    assert volume.state == Live.DeviceParameter.ParameterState.enabled
    volume.begin_gesture()
    volume.value = 0.5
    volume.end_gesture()
    assert str(volume) == "-14.0 dB"
    heard = []
    mixer.add_sends_listener(lambda: heard.append(len(mixer.sends)))
    song.create_return_track()
    assert heard == [3]


def test_clip_is_playing_setter_and_move_playing_pos(world, song):
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    clip.is_playing = True
    assert clip.is_playing and song.is_playing
    world.advance(0.5)
    clip.move_playing_pos(1.0)
    assert clip.playing_position == pytest.approx(2.0)
    song.tracks[0].jump_in_running_session_clip(2.5)
    assert clip.playing_position == pytest.approx(0.5)        # wrapped inside the 4-beat loop
    song.clip_trigger_quantization = 0
    clip.is_playing = False
    assert not clip.is_playing and song.tracks[0].playing_slot_index == -1
