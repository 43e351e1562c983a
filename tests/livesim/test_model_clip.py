"""Clips and clip slots in livesim: creation, the notes API, loop and markers, audio-only properties."""
import pytest

from livesim.world import World

import Live
from Live.Clip import MidiNoteSpecification as Spec


@pytest.fixture
def song():
    w = World(virtual_clock=True)
    w.activate()
    return w.song


@pytest.fixture
def clip(song):
    return song.tracks[0].clip_slots[0].create_clip(8.0)


def test_create_clip_return_value_depends_on_the_version():
    for version, returns_clip in (("11.0", False), ("11.3.25", True), ("12.0", False), ("12.0.5", True),
                                  ("12.3.6", True)):
        slot = World(live_version=version).song.tracks[0].clip_slots[0]
        result = slot.create_clip(4.0)
        assert (result is not None) is returns_clip, version
        assert slot.has_clip


def test_new_clip_defaults_and_errors(song, clip):
    assert clip.looping and clip.loop_start == 0.0 and clip.loop_end == 8.0 and clip.length == 8.0
    assert clip.start_marker == 0.0 and clip.end_marker == 8.0 and clip.name == ""
    assert clip.is_midi_clip and not clip.is_audio_clip and clip.canonical_parent == song.tracks[0].clip_slots[0]
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[0].create_clip(4.0)      # not empty
    with pytest.raises(RuntimeError):
        song.tracks[2].clip_slots[0].create_clip(4.0)      # audio track
    with pytest.raises(RuntimeError):
        song.tracks[1].clip_slots[0].create_clip(0.0)
    with pytest.raises(RuntimeError):
        song.tracks[1].clip_slots[0].delete_clip()


def test_notes_api(clip):
    heard = []
    clip.add_notes_listener(lambda: heard.append(1))
    ids = clip.add_new_notes((Spec(64, 1.0, 0.5), Spec(60, 0.0, 1.0, velocity=90.0), Spec(60, -0.25, 0.25)))
    assert type(ids).__name__ == "IntU64Vector" and len(set(ids)) == 3
    assert heard == [1]
    notes = clip.get_notes_extended(0, 128, -8192.0, 16384.0)
    assert [(n.pitch, n.start_time) for n in notes] == [(60, -0.25), (60, 0.0), (64, 1.0)]
    assert [(n.pitch, n.start_time) for n in clip.get_notes_extended(60, 1, 0.0, 2.0)] == [(60, 0.0)]
    n = notes[1]
    assert n.velocity == 90.0 and n.probability == 1.0 and n.release_velocity == 64.0
    with pytest.raises(AttributeError):
        n.note_id = 5
    n.velocity = 20.0
    clip.apply_note_modifications(notes)
    assert clip.get_notes_by_id([n.note_id])[0].velocity == 20.0
    clip.remove_notes_by_id([ids[0]])
    assert [x.pitch for x in clip.get_all_notes_extended()] == [60, 60]
    copies = clip.duplicate_notes_by_id([n.note_id], 4.0, 12)
    assert clip.get_notes_by_id(copies)[0].pitch == 72 and clip.get_notes_by_id(copies)[0].start_time == 4.0
    clip.remove_notes_extended(0, 128, -10.0, 13.0)
    assert [x.pitch for x in clip.get_all_notes_extended()] == [72]
    assert len(heard) == 5


def test_legacy_notes_api_is_time_first(clip):
    clip.set_notes(((60, 0.0, 1.0, 100, False), (62, 2.0, 0.5, 80, True)))
    assert clip.get_notes(0.0, 0, 8.0, 128) == ((60, 0.0, 1.0, 100.0, False), (62, 2.0, 0.5, 80.0, True))
    clip.remove_notes(1.0, 0, 4.0, 128)
    assert len(clip.get_notes(0.0, 0, 8.0, 128)) == 1
    clip.select_all_notes()
    assert len(clip.get_selected_notes()) == 1
    clip.deselect_all_notes()
    assert clip.get_selected_notes_extended().__len__() == 0


def test_notes_api_versions():
    old = World(live_version="11.0").song.tracks[0].clip_slots[0]
    old.create_clip(4.0)
    c = old.clip
    assert c.add_new_notes([Spec(60, 0.0, 1.0)]) is None
    assert not hasattr(c, "get_all_notes_extended") and not hasattr(c, "duplicate_notes_by_id")
    assert len(c.get_notes_extended(0, 128, 0.0, 4.0)) == 1


def test_loop_and_marker_ordering(clip):
    with pytest.raises(RuntimeError):
        clip.loop_start = 8.0
    clip.loop_end = 16.0
    clip.loop_start = 8.0
    assert clip.length == 8.0 and clip.position == 8.0
    clip.position = 4.0
    assert (clip.loop_start, clip.loop_end) == (4.0, 12.0)
    with pytest.raises(RuntimeError):
        clip.end_marker = 0.0
    clip.looping = False
    assert clip.length == clip.end_marker - clip.start_marker
    clip.loop_end = 6.0                 # unlooped: the clip end
    assert clip.end_marker == 6.0


def test_audio_clip_properties_and_midi_only_notes(song):
    track = song.tracks[2]
    track.arm = True
    track.clip_slots[0].fire(record_length=4.0)
    world_clip = track.clip_slots[0].clip
    assert world_clip.is_audio_clip and world_clip.is_recording
    world_clip.gain = 0.5
    world_clip.pitch_coarse = 4
    world_clip.pitch_fine = 0.5
    assert (world_clip.gain, world_clip.pitch_coarse, world_clip.pitch_fine) == (0.5, 4, 0.5)
    assert world_clip.warping and world_clip.warp_mode == Live.Clip.WarpMode.beats
    with pytest.raises(RuntimeError):
        world_clip.pitch_coarse = 49
    with pytest.raises(RuntimeError):
        world_clip.get_notes_extended(0, 128, 0.0, 4.0)


def test_duplicate_clip_to_and_delete(song, clip):
    clip.add_new_notes([Spec(61, 0.0, 1.0)])
    clip.name = "Src"
    target = song.tracks[0].clip_slots[2]
    song.tracks[0].clip_slots[0].duplicate_clip_to(target)
    assert target.clip.name == "Src" and len(target.clip.get_all_notes_extended()) == 1
    with pytest.raises(RuntimeError):
        song.tracks[0].clip_slots[0].duplicate_clip_to(song.tracks[2].clip_slots[0])
    song.tracks[0].delete_clip(target.clip)
    assert not target.has_clip
    with pytest.raises(RuntimeError):
        song.tracks[1].delete_clip(clip)


def test_arrangement_clips(song):
    track = song.tracks[0]
    c = track.create_midi_clip(8.0, 4.0)
    assert c.is_arrangement_clip and c.start_time == 8.0 and c.end_time == 12.0
    session = track.clip_slots[0].create_clip(2.0)
    copy = track.duplicate_clip_to_arrangement(session, 0.0)
    assert [x.start_time for x in track.arrangement_clips] == [0.0, 8.0]
    assert copy.length == 2.0
    with pytest.raises(RuntimeError):
        track.create_midi_clip(-1.0, 4.0)


def test_scene_tempo_and_signature_read_minus_one_when_disabled(song):
    scene = song.scenes[0]
    assert scene.tempo == -1.0 and not scene.tempo_enabled
    scene.tempo = 140.0
    assert scene.tempo_enabled and scene.tempo == 140.0
    scene.tempo_enabled = False
    assert scene.tempo == -1.0
    assert scene.time_signature_numerator == -1
    scene.time_signature_numerator = 7
    assert scene.time_signature_enabled and scene.time_signature_denominator == 4
    assert scene.is_empty
    song.tracks[0].clip_slots[0].create_clip(1.0)
    assert not scene.is_empty


def test_clip_editing_methods(song, clip):
    clip.loop_end = 4.0
    clip.add_new_notes([Spec(60, 0.1, 0.5), Spec(62, 5.0, 0.5)])
    clip.duplicate_loop()
    assert clip.loop_end == 8.0
    assert [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()] == [(60, 0.1), (60, 4.1), (62, 5.0)]
    clip.quantize(Live.Clip.GridQuantization.g_quarter, 1.0)
    assert [n.start_time for n in clip.get_all_notes_extended()] == [0.0, 4.0, 5.0]
    clip.loop_start = 4.0
    clip.crop()
    assert (clip.loop_start, clip.loop_end) == (0.0, 4.0)
    assert [(n.pitch, n.start_time) for n in clip.get_all_notes_extended()] == [(60, 0.0), (62, 1.0)]
    assert clip.note_number_to_name(60) == "C3"


def test_warp_markers_map_beats_to_samples():
    song = World(set_data={"tracks": [{"type": "audio", "clips": [{"length": 4.0, "file_path": "a.wav"}]}]}).song
    clip = song.tracks[0].clip_slots[0].clip
    assert [(m.sample_time, m.beat_time) for m in clip.warp_markers] == [(0.0, 0.0), (2.0, 4.0)]
    assert clip.beat_to_sample_time(2.0) == 44100.0
    assert clip.sample_to_beat_time(44100.0) == 2.0
    clip.add_warp_marker(Live.Clip.WarpMarker(0.5, 2.0))
    clip.move_warp_marker(2.0, 1.0)
    assert clip.beat_to_sample_time(3.0) == 22050.0
    clip.remove_warp_marker(3.0)
    assert len(clip.warp_markers) == 2
    with pytest.raises(RuntimeError):
        clip.seconds_to_sample_time(1.0)
    clip.warping = False
    assert clip.seconds_to_sample_time(1.0) == 44100.0 and not clip.looping


def test_move_device_between_tracks(song):
    if not len(song.return_tracks[0].devices):
        pytest.skip("the device family is not present")
    reverb = song.return_tracks[0].devices[0]
    target = song.tracks[2]
    assert song.find_device_position(reverb, target, 5) == 0
    assert song.move_device(reverb, target, 0) == 0
    assert len(song.return_tracks[0].devices) == 0 and target.devices[0] == reverb
    assert reverb.canonical_parent == target
    song.undo()
    assert song.return_tracks[0].devices[0] == reverb
