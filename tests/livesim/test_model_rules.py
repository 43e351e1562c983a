"""Live's cross-cutting rules in livesim: types, vectors, listeners, the notification lock, identity, deletion."""
import gc

import pytest

from livesim.world import World

import Live
from Live._lom import ArgumentError

LOCK_TEXT = "Changes cannot be triggered by notifications. You will need to defer your response."


# ---------------------------------------------------------------- argument types

def test_bool_property_rejects_float_but_takes_int_bool_none(song):
    track = song.tracks[0]
    with pytest.raises(ArgumentError) as err:
        track.mute = 1.0
    assert isinstance(err.value, TypeError)
    assert "did not match C++ signature" in str(err.value)
    assert str(err.value).startswith("Python argument types in")
    track.mute = 1
    assert track.mute is True
    track.mute = None
    assert track.mute is False


def test_int_property_rejects_float_and_float_property_takes_int(song):
    with pytest.raises(ArgumentError):
        song.signature_numerator = 3.0
    song.signature_numerator = 3
    assert song.signature_numerator == 3
    song.tempo = 100
    assert song.tempo == 100.0 and isinstance(song.tempo, float)
    with pytest.raises(ArgumentError):
        song.tracks[0].name = 5


def test_method_arguments_follow_boost_python(song):
    with pytest.raises(ArgumentError) as err:
        song.create_scene("x")
    assert str(err.value) == ("Python argument types in\n    Song.create_scene(Song, str)\n"
                              "did not match C++ signature:\n    create_scene(TPyHandle<ASong>, int)")
    with pytest.raises(ArgumentError):
        song.create_scene(1.0)
    with pytest.raises(ArgumentError):
        song.create_scene(arg2=1)          # positional-only
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    assert len(clip.get_notes_extended(from_pitch=0, pitch_span=128, from_time=0.0, time_span=4.0)) == 0


def test_classes_cannot_be_instantiated_but_specifications_can(song):
    with pytest.raises(RuntimeError):
        Live.Song.Song()
    spec = Live.Clip.MidiNoteSpecification(pitch=60, start_time=0.0, duration=1.0, velocity=90, mute=True)
    assert type(spec).__name__ == "MidiNoteSpecification"
    with pytest.raises(ArgumentError):
        Live.Clip.MidiNoteSpecification(60.5, 0.0, 1.0)


def test_enums_are_int_subclasses_with_live_values(song):
    q = song.clip_trigger_quantization
    assert q == 4 and isinstance(q, int) and type(q) is Live.Song.Quantization
    assert repr(q) == "Song.Quantization.q_bar"
    assert Live.Song.Quantization.names["q_bar"] == 4
    assert Live.Song.Quantization.values[11] is Live.Song.Quantization.q_sixtenth
    assert Live.Clip.ClipLaunchQuantization.q_bar == 5
    song.clip_trigger_quantization = 11
    assert song.clip_trigger_quantization is Live.Song.Quantization.q_sixtenth


# ---------------------------------------------------------------- vectors

def test_vectors_are_read_only_snapshots(song):
    tracks = song.tracks
    assert not isinstance(tracks, (list, tuple))
    assert type(tracks).__name__ == "Vector" and type(tracks).__module__ == "Base"
    assert len(tracks) == 4
    assert tracks[-1] == tracks[3]
    assert [t.name for t in tracks[1:3]] == ["2-MIDI", "3-Audio"]
    assert tracks[0] in tracks
    with pytest.raises(TypeError) as err:
        tracks[1.0]
    assert str(err.value) == "Invalid index type"
    with pytest.raises(IndexError) as err:
        tracks[4]
    assert str(err.value) == "Index out of range"
    with pytest.raises(TypeError):
        tracks[0] = tracks[1]
    song.create_midi_track(-1)
    assert len(tracks) == 4 and len(song.tracks) == 5
    tracks.append(song.tracks[4])                 # changes only the snapshot
    assert len(tracks) == 5 and tracks[4] == song.tracks[4] and len(song.tracks) == 5


# ---------------------------------------------------------------- access modes and listeners

def test_get_only_properties_refuse_writes(song):
    with pytest.raises(AttributeError):
        song.can_undo = True
    with pytest.raises(AttributeError):
        song.tracks[0].is_foldable = True


def test_listener_triples_exist_only_for_observable_properties(song):
    track = song.tracks[0]
    assert hasattr(track, "add_mute_listener")
    for missing in ("add_fold_state_listener", "add_can_be_armed_listener", "add_is_foldable_listener"):
        with pytest.raises(AttributeError):
            getattr(track, missing)
    assert hasattr(song.tracks[0].clip_slots[0].create_clip(1.0), "add_notes_listener")


def test_listener_registration_rules(song):
    track = song.tracks[0]
    calls = []

    def cb(*args):
        calls.append(args)
    track.add_mute_listener(cb)
    assert track.mute_has_listener(cb)
    with pytest.raises(RuntimeError) as err:
        track.add_mute_listener(cb)
    assert str(err.value) == "Observer already connected"
    track.mute = True
    track.mute = True                     # no change, no call
    assert calls == [()]
    track.remove_mute_listener(cb)
    assert not track.mute_has_listener(cb)
    with pytest.raises(RuntimeError) as err:
        track.remove_mute_listener(cb)
    assert str(err.value) == "Observer not connected"


def test_bound_method_listeners_are_held_weakly(song):
    calls = []

    class Owner(object):
        def changed(self):
            calls.append(1)
    owner = Owner()
    song.add_tempo_listener(owner.changed)
    assert song.tempo_has_listener(owner.changed)
    song.tempo = 130.0
    del owner
    gc.collect()
    song.tempo = 131.0
    assert calls == [1]


def test_listeners_follow_objects_and_die_with_them(song):
    calls = []
    track = song.tracks[0]
    track.add_name_listener(lambda: calls.append(track.name))
    song.create_midi_track(0)            # the observed track is now at index 1 and renumbered
    assert calls == ["2-MIDI"]
    song.tracks[1].name = "Bass"
    assert calls[-1] == "Bass"
    ptr = track._live_ptr
    song.delete_track(1)
    assert track == None                 # noqa: E711 (Live's deleted objects compare equal to None)
    with pytest.raises(RuntimeError):
        track.name
    assert track._live_ptr == ptr
    with pytest.raises(RuntimeError) as err:
        track.remove_name_listener(lambda: None)
    assert str(err.value) == "Observer not connected"


def test_fresh_wrapper_per_access_with_stable_identity(song):
    a, b = song.tracks[0], song.tracks[0]
    assert a is not b and a == b and hash(a) == hash(b)
    assert a._live_ptr == b._live_ptr and isinstance(a._live_ptr, int)
    assert a != song.tracks[1]
    assert song.tracks[0].clip_slots[0].clip is None


# ---------------------------------------------------------------- notification lock

def test_document_writes_inside_a_listener_are_refused(world, song):
    seen = []

    def on_tempo():
        seen.append(song.tempo)                       # reads are fine
        song.view.selected_scene = song.scenes[1]     # view writes are exempt
        song.add_metronome_listener(lambda: None)     # (un)registering is fine
        song.tracks[0].mute = True                    # a document change is not
    song.add_tempo_listener(on_tempo)
    song.tempo = 99.0
    assert seen == [99.0]
    assert song.view.selected_scene == song.scenes[1]
    assert song.tracks[0].mute is False
    assert LOCK_TEXT in world.exceptions[-1]
    song.remove_tempo_listener(on_tempo)
    song.tracks[0].mute = True                        # outside notifications it works
    assert song.tracks[0].mute is True


def test_edit_methods_inside_a_listener_are_refused(world, song):
    song.add_tempo_listener(lambda: song.create_scene(-1))
    song.tempo = 98.0
    assert len(song.scenes) == 8
    assert LOCK_TEXT in world.exceptions[-1]


# ---------------------------------------------------------------- kind-specific errors

@pytest.mark.parametrize("version,word", [("12.3.6", "Main"), ("11.0", "Master")])
def test_kind_errors_use_lives_texts(version, word):
    w = World(live_version=version, virtual_clock=True)
    song = w.song
    main, ret, midi = song.master_track, song.return_tracks[0], song.tracks[0]
    assert main.name == word
    cases = [
        (lambda: main.arm, "%s and Return Tracks have no 'Arm' state!" % word),
        (lambda: ret.arm, "%s and Return Tracks have no 'Arm' state!" % word),
        (lambda: main.mute, "%s track has no 'mute' property!" % word),
        (lambda: main.solo, "%s track has no 'solo' property!" % word),
        (lambda: ret.arrangement_clips, "Master, Group and Return Tracks have no arrangement clips"),
        (lambda: midi.input_meter_left, "MIDI tracks have no 'input_meter_left' property!"),
        (lambda: midi.mixer_device.crossfader, "Only the %s track has a crossfader!" % word.lower()),
        (lambda: midi.mixer_device.volume.value_items, "Only quantized parameters have value items"),
    ]
    for get, text in cases:
        with pytest.raises(RuntimeError) as err:
            get()
        assert str(err.value) == text
    with pytest.raises(RuntimeError):
        midi.fold_state
    with pytest.raises(RuntimeError):
        main.add_mute_listener(lambda: None)
    assert "arm" in dir(main)            # the member exists; reading it raises
    main.mixer_device.crossfader.value = 0.5


def test_parameter_kind_errors_and_clip_kind_errors(song):
    on = song.return_tracks[0].devices[0].parameters[0] if len(song.return_tracks[0].devices) else None
    if on is not None and on.is_quantized:
        with pytest.raises(RuntimeError) as err:
            on.default_value
        assert str(err.value) == "There is no default value available for this type of parameter"
    clip = song.tracks[0].clip_slots[0].create_clip(4.0)
    with pytest.raises(RuntimeError) as err:
        clip.gain
    assert str(err.value) == "Gain is only available for Audio Clips"
    with pytest.raises(RuntimeError) as err:
        clip.warping = True
    assert str(err.value) == "Warping is only available for Audio Clips"


# ---------------------------------------------------------------- ranges and display texts

def test_value_ranges(song):
    for bad in (19.9, 999.5):
        with pytest.raises(RuntimeError):
            song.tempo = bad
    assert song.tempo == 120.0
    volume = song.tracks[0].mixer_device.volume
    with pytest.raises(RuntimeError):
        volume.value = 1.5
    with pytest.raises(RuntimeError):
        song.signature_denominator = 3


def test_mixer_display_texts(song):
    mixer = song.tracks[0].mixer_device
    volume, pan = mixer.volume, mixer.panning
    assert [volume.str_for_value(v) for v in (0.0, 0.5, 0.85, 1.0)] == ["-inf dB", "-14.0 dB", "0.0 dB", "6.0 dB"]
    assert [pan.str_for_value(v) for v in (-1.0, 0.0, 1.0)] == ["50L", "C", "50R"]
    assert str(volume) == "0.0 dB"
    assert (volume.min, volume.max, pan.min, pan.max) == (0.0, 1.0, -1.0, 1.0)
    assert volume.name == "Track Volume" and pan.name == "Track Panning"
    assert len(mixer.sends) == 2 and mixer.sends[0].name == "A-Send"
    tempo = song.master_track.mixer_device.song_tempo
    assert tempo.value == 120.0
    song.tempo = 90.0
    assert tempo.value == 90.0
    tempo.value = 100.0
    assert song.tempo == 100.0
    assert song.master_track.mixer_device.cue_volume.str_for_value(0.85) == "0.0 dB"


def test_colors_snap_to_the_palette(song):
    track = song.tracks[0]
    track.color = 0x1AFF2F
    assert track.color == 0x1AFF2F
    track.color = 0x1A2F96
    assert track.color == 0x1A2F96
    track.color = 0x1A2F95
    assert track.color == 0x1A2F96
    assert track.color_index == Live._palette.PALETTE.index(0x1A2F96)


# ---------------------------------------------------------------- timers

def test_timers_run_on_the_wall_clock_and_stop_on_errors(world):
    now = [100.0]
    world.timer_clock = lambda: now[0]
    ticks = []
    timer = Live.Base.Timer(lambda: ticks.append(now[0]), 100, repeat=True, start=True)
    assert timer.running and world.next_timer_due() == pytest.approx(100.1)
    for t in (100.05, 100.1, 100.2, 100.3):
        now[0] = t
        world.run_timers(t)
    assert ticks == [100.1, 100.2, 100.3]
    timer.stop()
    assert world.next_timer_due() is None

    def boom():
        raise ValueError("boom")
    bad = Live.Base.Timer(boom, 10, repeat=True, start=True)
    world.run_timers(101.0)
    assert not bad.running and "boom" in world.exceptions[-1]
    once = Live.Base.Timer(lambda: ticks.append("once"), 0)
    once.start()
    world.run_timers(101.0)
    world.run_timers(102.0)
    assert ticks.count("once") == 1 and not once.running


def test_listener_errors_go_to_the_log(world, song):
    lines = []
    world.log = lines.append

    def broken():
        raise KeyError("oops")
    song.add_tempo_listener(broken)
    song.tempo = 121.0
    assert song.tempo == 121.0
    assert len(lines) == 1 and "KeyError" in lines[0] and "Traceback" in lines[0]
    with pytest.raises(ValueError):
        world.advance(-1.0)


def test_view_notifications_do_not_take_the_lock(world, song):
    def on_selection():
        song.tracks[0].mute = True          # allowed: selection notifications hold no lock
    song.view.add_selected_track_listener(on_selection)
    song.view.selected_track = song.tracks[1]
    assert song.tracks[0].mute is True and not world.exceptions


def test_unmeasured_behaviours_are_switchable(world, song):
    world.clamp_ranges = True
    song.tempo = 5000.0
    assert song.tempo == 999.0
    song.tracks[0].mixer_device.volume.value = -1.0
    assert song.tracks[0].mixer_device.volume.value == 0.0
    heard = []
    song.add_metronome_listener(lambda: heard.append(1))
    song.metronome = False
    assert heard == []
    world.notify_unchanged = True
    song.metronome = False
    assert heard == [1]


# ---------------------------------------------------------------- preferences

def test_exclusive_arm_and_solo_follow_lives_preferences_on_by_default(world, song):
    assert song.exclusive_arm is True and song.exclusive_solo is True
    song.tracks[0].arm = True
    song.tracks[1].arm = True          # the preference is for the user's clicks: the API arms both
    assert song.tracks[0].arm and song.tracks[1].arm
    heard = []
    song.add_exclusive_arm_listener(lambda: heard.append(song.exclusive_arm))
    world.set_preference("exclusive_arm", False)
    world.set_preference("exclusive_arm", False)
    world.set_preference("exclusive_solo", False)
    assert heard == [False] and song.exclusive_solo is False
    with pytest.raises(ValueError):
        world.set_preference("exclusive_mute", True)
