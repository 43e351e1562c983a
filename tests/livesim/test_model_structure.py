"""Set structure in livesim: default and scale sets, structural edits and their side effects, undo/redo, set data."""
import json

import pytest

from livesim import default_set, set_builder
from livesim.world import World

import Live


# ---------------------------------------------------------------- default and scale sets

def test_default_set_shape(song):
    assert [t.name for t in song.tracks] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
    assert [t.has_midi_input for t in song.tracks] == [True, True, False, False]
    assert [t.has_audio_input for t in song.tracks] == [False, False, True, True]
    assert len(song.scenes) == 8
    assert [r.name for r in song.return_tracks] == ["A-Reverb", "B-Delay"]
    assert song.master_track.name == "Main"
    assert song.tempo == 120.0 and song.signature_numerator == 4 and song.signature_denominator == 4
    assert song.clip_trigger_quantization == Live.Song.Quantization.q_bar
    assert all(not s.has_clip for t in song.tracks for s in t.clip_slots)
    assert len(song.tracks[0].devices) == 0 and len(song.tracks[1].devices) == 0
    assert len(song.master_track.clip_slots) == 0 and len(song.return_tracks[0].clip_slots) == 0
    assert song.view.selected_track == song.tracks[0] and song.view.selected_scene == song.scenes[0]
    assert World(live_version="11.0").song.master_track.name == "Master"


def test_default_set_returns_hold_reverb_and_delay_when_devices_build(world, song):
    if world.device_builder() is None:
        pytest.skip("the device family is not present")
    assert [d.class_name for d in song.return_tracks[0].devices] == ["Reverb"]
    assert [d.class_name for d in song.return_tracks[1].devices] == ["Delay"]


def test_scale_set_builds_every_slot():
    data = default_set.scale_set(tracks=16, scenes=4)
    w = World(set_data=data, virtual_clock=True)
    song = w.song
    assert len(song.tracks) == 16 and len(song.scenes) == 4
    assert all(s.has_clip for t in song.tracks for s in t.clip_slots)
    assert song.tracks[0].clip_slots[0].clip.name == "Clip 1.1"
    assert song.tracks[1].clip_slots[0].clip.is_audio_clip
    assert len(song.tracks[0].clip_slots[0].clip.get_notes_extended(0, 128, 0.0, 4.0)) == 4
    big = default_set.scale_set()
    assert len(big["tracks"]) == 128 and len(big["scenes"]) == 16


# ---------------------------------------------------------------- set data

SAMPLE = {
    "name": "Sample", "tempo": 98.5, "signature_numerator": 3, "signature_denominator": 4,
    "scenes": [{"name": "Intro", "tempo": 90.0, "time_signature": [6, 8]}, {"name": "Verse"}],
    "tracks": [
        {"type": "group", "name": "Drums", "fold_state": True},
        {"type": "midi", "name": "Kick", "group": 0, "volume": 0.7, "panning": -0.5, "sends": [0.25],
         "clips": [{"name": "Beat", "length": 8.0, "notes": [[36, 0.0, 0.5, 100, False],
                                                              {"pitch": 38, "start_time": 1.0, "duration": 0.25,
                                                               "velocity": 90, "mute": True,
                                                               "probability": 0.5}]}, None],
         "arrangement_clips": [{"name": "Arr", "start_time": 16.0, "length": 4.0}]},
        {"type": "audio", "name": "Vox", "arm": True, "mute": True,
         "clips": [None, {"name": "Take", "audio": True, "file_path": "vox.wav", "gain": 0.5, "warping": True,
                          "length": 4.0}]},
    ],
    "returns": [{"name": "A-Verb", "volume": 0.6}],
    "master": {"volume": 0.8},
    "cue_points": [{"name": "Verse", "time": 16.0}],
}


def test_set_data_builds_the_described_set():
    song = World(set_data=SAMPLE, virtual_clock=True).song
    assert song.tempo == 98.5 and song.signature_numerator == 3
    drums, kick, vox = song.tracks
    assert drums.is_foldable and drums.fold_state and kick.group_track == drums and kick.is_grouped
    assert len(song.visible_tracks) == 2 and not kick.is_visible
    assert kick.mixer_device.volume.value == 0.7 and kick.mixer_device.sends[0].value == 0.25
    assert vox.arm and vox.mute
    beat = kick.clip_slots[0].clip
    assert beat.name == "Beat" and beat.length == 8.0
    notes = beat.get_notes_extended(0, 128, 0.0, 8.0)
    assert [(n.pitch, n.mute, n.probability) for n in notes] == [(36, False, 1.0), (38, True, 0.5)]
    assert vox.clip_slots[1].clip.is_audio_clip and vox.clip_slots[1].clip.gain == 0.5
    assert kick.arrangement_clips[0].start_time == 16.0
    assert song.scenes[0].tempo == 90.0 and song.scenes[0].time_signature_numerator == 6
    assert song.scenes[1].tempo == -1.0
    assert song.cue_points[0].name == "Verse" and song.cue_points[0].time == 16.0
    assert song.return_tracks[0].name == "A-Verb"


def test_set_data_round_trips_through_json():
    w = World(set_data=SAMPLE, virtual_clock=True)
    data = json.loads(json.dumps(set_builder.export(w)))
    again = set_builder.export(World(set_data=data, virtual_clock=True))
    assert json.loads(json.dumps(again)) == data
    assert data["tracks"][1]["clips"][0]["notes"][1]["velocity"] == 90


@pytest.mark.parametrize("patch,path", [
    ({"tempo": "fast"}, "set.tempo"),
    ({"tracks": [{"type": "bus"}]}, "tracks[0].type"),
    ({"tracks": [{"type": "midi", "clips": [{"length": -1}]}]}, "tracks[0].clips[0].length"),
    ({"tracks": [{"type": "midi", "clips": [{"notes": [[200, 0, 1, 100, False]]}]}]}, "tracks[0].clips[0].notes[0]"),
    ({"tracks": [{"type": "midi", "group": 0}]}, "tracks[0].group"),
    ({"scenes": [{"time_signature": [4, 3]}]}, "scenes[0].time_signature"),
    ({"tracks": []}, "set.tracks"),
])
def test_bad_set_data_names_the_key(patch, path):
    data = dict(SAMPLE)
    data.update(patch)
    with pytest.raises(ValueError) as err:
        World(set_data=data)
    assert str(err.value).startswith(path)


# ---------------------------------------------------------------- structural edits

def test_create_midi_track_appends_and_returns_the_track(song):
    heard = []
    song.add_tracks_listener(lambda: heard.append(len(song.tracks)))
    t = song.create_midi_track(-1)
    assert isinstance(t, Live.Track.Track) and t == song.tracks[4] and t.name == "5-MIDI"
    assert len(t.clip_slots) == 8 and len(t.mixer_device.sends) == 2
    assert heard == [5]
    a = song.create_audio_track(0)
    assert song.tracks[0] == a and a.name == "1-Audio" and song.tracks[1].name == "2-MIDI"
    with pytest.raises(Live.Base.LimitationError):
        song.create_midi_track(99)


def test_new_scene_adds_a_slot_to_every_track(song):
    heard = []
    song.tracks[0].add_clip_slots_listener(lambda: heard.append(1))
    scene = song.create_scene(2)
    assert len(song.scenes) == 9 and song.scenes[2] == scene
    assert all(len(t.clip_slots) == 9 for t in song.tracks)
    assert heard == [1]
    assert len(scene.clip_slots) == 4


def test_new_return_adds_a_send_everywhere_up_to_twelve(song):
    r = song.create_return_track()
    assert r.name == "C-Return" and len(song.return_tracks) == 3
    assert all(len(t.mixer_device.sends) == 3 for t in song.tracks)
    for _ in range(9):
        song.create_return_track()
    with pytest.raises(RuntimeError):
        song.create_return_track()
    song.delete_return_track(0)
    assert all(len(t.mixer_device.sends) == 11 for t in song.tracks)
    assert song.tracks[0].mixer_device.sends[0].name == "A-Send"


def test_last_track_and_scene_cannot_be_deleted():
    song = World(set_data={"tracks": [{"type": "midi"}], "scenes": [{}]}).song
    with pytest.raises(RuntimeError):
        song.delete_track(0)
    with pytest.raises(RuntimeError):
        song.delete_scene(0)
    with pytest.raises(IndexError):
        song.delete_track(5)


def test_duplicates_insert_after_and_select_the_copy(song):
    slot = song.tracks[0].clip_slots[7]
    slot.create_clip(4.0).name = "Alpha"
    song.duplicate_scene(7)
    assert len(song.scenes) == 9
    assert song.tracks[0].clip_slots[8].clip.name == "Alpha"
    assert song.view.selected_scene == song.scenes[8]
    song.tracks[0].name = "Lead"
    song.duplicate_track(0)
    assert [t.name for t in song.tracks[:2]] == ["Lead", "Lead"]
    assert song.view.selected_track == song.tracks[1]
    assert song.tracks[1].clip_slots[7].clip.name == "Alpha"
    assert song.tracks[1].clip_slots[7].clip != song.tracks[0].clip_slots[7].clip


def test_duplicate_clip_slot_uses_the_next_free_slot(song):
    track = song.tracks[0]
    track.clip_slots[7].create_clip(2.0)
    assert track.duplicate_clip_slot(7) == 8
    assert len(song.scenes) == 9 and track.clip_slots[8].clip.length == 2.0
    track.clip_slots[0].create_clip(1.0)
    assert track.duplicate_clip_slot(0) == 1


def test_deleting_a_group_deletes_its_tracks():
    song = World(set_data=SAMPLE).song
    song.create_midi_track(-1)
    song.delete_track(0)
    assert [t.name for t in song.tracks] == ["Vox", "2-MIDI"]


# ---------------------------------------------------------------- undo / redo

def test_undo_redo_structural_edits_and_property_writes(song):
    assert not song.can_undo
    song.create_scene(-1)
    song.tracks[0].name = "Bass"
    song.tempo = 140.0
    assert song.can_undo
    assert isinstance(song.undo(), str)
    assert song.tempo == 120.0
    song.undo()
    assert song.tracks[0].name == "1-MIDI"
    song.undo()
    assert len(song.scenes) == 8 and song.can_redo
    song.redo()
    assert len(song.scenes) == 9
    song.redo()
    assert song.tracks[0].name == "Bass"
    song.delete_track(0)
    song.undo()
    assert song.tracks[0].name == "Bass" and len(song.tracks) == 4


def test_undo_step_grouping(song):
    song.begin_undo_step()
    song.create_midi_track(-1)
    song.create_midi_track(-1)
    song.tempo = 133.0
    song.end_undo_step()
    song.undo()
    assert len(song.tracks) == 4 and song.tempo == 120.0
    song.redo()
    assert len(song.tracks) == 6 and song.tempo == 133.0


def test_undo_return_value_depends_on_the_version():
    old = World(live_version="11.0").song
    old.create_scene(-1)
    assert old.undo() is None and len(old.scenes) == 8


def test_clip_edits_undo(song):
    slot = song.tracks[0].clip_slots[0]
    clip = slot.create_clip(4.0)
    clip.add_new_notes([Live.Clip.MidiNoteSpecification(60, 0.0, 1.0)])
    song.undo()
    assert len(clip.get_all_notes_extended()) == 0
    song.undo()
    assert not slot.has_clip and clip == None      # noqa: E711
    song.redo()
    assert slot.has_clip


def test_scale_set_answers_twenty_thousand_reads_quickly():
    import time
    song = World(set_data=default_set.scale_set(), virtual_clock=True).song
    start = time.perf_counter()
    reads = 0
    while reads < 20000:
        for t in song.tracks:
            t.name
            t.mute
            t.clip_slots[reads % 16].has_clip
            t.mixer_device.volume.value
            reads += 4
    assert time.perf_counter() - start < 1.0


def test_capture_and_insert_scene_copies_playing_clips(world, song):
    song.tracks[0].clip_slots[0].create_clip(4.0).name = "Live"
    song.tracks[0].clip_slots[0].fire()
    song.capture_and_insert_scene()
    assert len(song.scenes) == 9 and song.view.selected_scene == song.scenes[1]
    assert song.tracks[0].clip_slots[1].clip.name == "Live" and not song.tracks[1].clip_slots[1].has_clip


def test_changes_inside_undo_are_refused(world, song):
    song.add_tempo_listener(lambda: song.tracks[0].__setattr__("mute", True))
    song.tempo = 130.0
    world.exceptions[:] = []
    song.undo()
    assert song.tempo == 120.0 and song.tracks[0].mute is False
    assert "Changes cannot be triggered during undo or redo." in world.exceptions[-1]


def test_default_track_names_renumber_and_given_names_stay():
    song = World(set_data={"tracks": [{"type": "midi", "name": "1-MIDI"}, {"type": "audio", "name": "7-Audio"}]}).song
    song.create_midi_track(0)
    assert [t.name for t in song.tracks] == ["1-MIDI", "2-MIDI", "7-Audio"]


def test_devices_follow_duplication_deletion_and_export():
    w = World(set_data={"tracks": [{"type": "audio", "devices": [{"name": "Reverb", "class_name": "Reverb",
                                                                  "type": "audio_effect"}]}]})
    if w.device_builder() is None:
        pytest.skip("the device family is not present")
    song = w.song
    song.duplicate_track(0)
    a, b = song.tracks[0].devices[0], song.tracks[1].devices[0]
    assert a.class_name == b.class_name == "Reverb" and a != b
    song.tracks[1].delete_device(0)
    assert len(song.tracks[1].devices) == 0 and b == None     # noqa: E711
    with pytest.raises(RuntimeError):
        song.tracks[1].delete_device(0)
    data = set_builder.export(w)
    assert [d["class_name"] for d in data["tracks"][0]["devices"]] == ["Reverb"]
    song.tracks[1].insert_device("Reverb")
    assert [d.class_name for d in song.tracks[1].devices] == ["Reverb"]


def test_undo_of_arrangement_clips_locators_and_take_lanes(song):
    track = song.tracks[0]
    clip = track.create_midi_clip(8.0, 4.0)
    track.delete_clip(clip)
    assert len(track.arrangement_clips) == 0 and clip == None  # noqa: E711
    song.undo()
    assert len(track.arrangement_clips) == 1 and track.arrangement_clips[0].start_time == 8.0
    song.undo()
    assert len(track.arrangement_clips) == 0
    song.redo()
    assert [c.start_time for c in track.arrangement_clips] == [8.0]

    song.current_song_time = 4.0
    song.set_or_delete_cue()
    assert [c.time for c in song.cue_points] == [4.0]
    song.set_or_delete_cue()
    assert len(song.cue_points) == 0
    song.undo()
    assert [c.time for c in song.cue_points] == [4.0]
    song.undo()
    assert len(song.cue_points) == 0

    lane = track.create_take_lane()
    assert [t.name for t in track.take_lanes] == ["Take 1"]
    song.undo()
    assert len(track.take_lanes) == 0 and lane == None  # noqa: E711
    song.redo()
    assert [t.name for t in track.take_lanes] == ["Take 1"]
