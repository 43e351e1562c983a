"""Live.Song: the Live set (Song, Song.View, CuePoint, BeatTime, SmptTime, enums).

The set's state and rules are in Live._song_model; the enums and time values Live's module
holds are defined there and shown here.
"""
from Live import _lom
from Live._lom import method, prop, since
from Live._base import IntVector, Vector
from Live import _song_model as model
from Live._song_model import (  # noqa: F401  (the enums and time values are Live.Song's)
    SCALES, BeatTime, CaptureDestination, CaptureMode, CueNode, Quantization, RecordingQuantization,
    SessionRecordStatus, SmptTime, SongNode, SongViewNode, TimeFormat, _create_track, beat_time, cue_times,
    range_setter)
from Live._track_model import set_data

# Song.name/file_path and create_audio_clip: added in 11.3.25, missing again in 12.0 before 12.0.5.
_NAMED = _lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5))


def get_all_scales_ordered():
    """All scale names with their intervals, in Live's order."""
    return tuple((n, iv) for n, iv in SCALES)


class Song(_lom.LomObject):
    """The Live set a control surface works with (c_instance.song())."""

    __slots__ = ()
    canonical_parent = prop("any", get=lambda o: None)
    view = prop("View", get=lambda o: _lom.wrap(o.view))
    tracks = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.tracks))
    visible_tracks = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.visible()))
    return_tracks = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.returns))
    master_track = prop("Track", get=lambda o: _lom.wrap(o.master))
    scenes = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.scenes))
    cue_points = prop("Vector", observe=True,
                      get=lambda o: _lom.vector(Vector, sorted(o.cue_points, key=lambda c: c.time)))
    name = prop("str", avail=_NAMED)
    file_path = prop("str", avail=_NAMED)
    tempo = prop("float", set=True, observe=True, fset=model.set_tempo)
    signature_numerator = prop("int", set=True, observe=True, fset=model.set_signature_numerator)
    signature_denominator = prop("int", set=True, observe=True, fset=model.set_signature_denominator)
    is_playing = prop("bool", set=True, observe=True, fset=model.set_is_playing, undo=False)
    current_song_time = prop("float", set=True, observe=True, fset=model.set_song_time, undo=False)
    start_time = prop("float", set=True, observe=True, fset=model.set_start_time, avail=since(11, 2), undo=False)
    loop = prop("bool", set=True, observe=True)
    loop_start = prop("float", set=True, observe=True, fset=model.set_loop_start)
    loop_length = prop("float", set=True, observe=True, fset=model.set_loop_length)
    metronome = prop("bool", set=True, observe=True, undo=False)
    record_mode = prop("bool", set=True, observe=True, fset=model.set_record_mode, undo=False)
    overdub = prop("bool", set=True, observe=True, undo=False)
    arrangement_overdub = prop("bool", set=True, observe=True, undo=False)
    punch_in = prop("bool", set=True, observe=True)
    punch_out = prop("bool", set=True, observe=True)
    session_record = prop("bool", set=True, observe=True, undo=False)
    session_automation_record = prop("bool", set=True, observe=True, undo=False)
    session_record_status = prop(SessionRecordStatus, observe=True)
    back_to_arranger = prop("bool", set=True, observe=True, undo=False)
    nudge_up = prop("bool", set=True, observe=True, undo=False)
    nudge_down = prop("bool", set=True, observe=True, undo=False)
    clip_trigger_quantization = prop(Quantization, set=True, observe=True)
    midi_recording_quantization = prop(RecordingQuantization, set=True, observe=True)
    groove_amount = prop("float", set=True, observe=True,
                         fset=range_setter("groove_amount", 0.0, 1.3125, "Groove amount"))
    swing_amount = prop("float", set=True, observe=True, fset=range_setter("swing_amount", 0.0, 1.0, "Swing amount"))
    root_note = prop("int", set=True, observe=True, fset=model.set_root_note)
    scale_name = prop("str", set=True, observe=True, fset=model.set_scale_name)
    scale_mode = prop("bool", set=True, observe=True, avail=since(12, 0, 5))
    scale_intervals = prop("IntVector", observe=True,
                           get=lambda o: _lom.vector(IntVector, model.SCALE_INTERVALS[o.scale_name], None))
    is_ableton_link_enabled = prop("bool", set=True, observe=True, avail=since(11, 1), undo=False)
    is_ableton_link_start_stop_sync_enabled = prop("bool", set=True, observe=True, avail=since(11, 1), undo=False)
    tempo_follower_enabled = prop("bool", set=True, observe=True, undo=False)
    appointed_device = prop("Device?", set=True, observe=True, doc=False,
                            get=lambda o: _lom.wrap(o.appointed_device) if o.appointed_device is not None
                            and not o.appointed_device.dead else None)
    can_undo = prop("bool", get=lambda o: o.world.history.can_undo())
    can_redo = prop("bool", get=lambda o: o.world.history.can_redo())
    can_capture_midi = prop("bool", observe=True, get=lambda o: False)
    can_jump_to_next_cue = prop("bool", observe=True,
                                get=lambda o: any(t > o.current_song_time + 1e-9 for t in cue_times(o)))
    can_jump_to_prev_cue = prop("bool", observe=True,
                                get=lambda o: any(t < o.current_song_time - 1e-9 for t in cue_times(o)))
    count_in_duration = prop("int", observe=True, get=lambda o: 0)
    is_counting_in = prop("bool", observe=True, get=lambda o: False)
    exclusive_arm = prop("bool", observe=True, get=lambda o: o.world.exclusive_arm)
    exclusive_solo = prop("bool", get=lambda o: o.world.exclusive_solo)
    select_on_launch = prop("bool", get=lambda o: True)
    re_enable_automation_enabled = prop("bool", observe=True)
    last_event_time = prop("float", get=model.last_event_time)
    song_length = prop("float", observe=True, get=model.song_length)
    groove_pool = prop("any", get=lambda o: o.world.groove_pool())
    tuning_system = prop("TuningSystem?", observe=True, get=lambda o: _lom.wrap(getattr(o, "tuning", None)),
                         avail=since(12, 0))
    data = _lom.event()
    scale_information = _lom.event(avail=since(12, 0))

    # -- transport
    @method()
    def start_playing(o):
        """Start playback from the start marker."""
        o.world.engine.start(from_start=True)

    @method()
    def continue_playing(o):
        """Resume playback from the current position."""
        o.world.engine.start(from_start=False)

    @method()
    def stop_playing(o):
        """Stop playback; the position stays where it stopped."""
        o.world.engine.stop()

    @method()
    def play_selection(o):
        """Play the arrangement selection (from the start marker here)."""
        o.world.engine.start(from_start=True)

    @method("bool Quantized=True")
    def stop_all_clips(o, quantized):
        """Stop every session clip (quantized when the transport runs)."""
        model.stop_all_clips(o, quantized)

    @method("float arg2")
    def jump_by(o, beats):
        """Move the play position by ``beats``."""
        model.jump_by(o, beats)

    @method("float arg2")
    def scrub_by(o, beats):
        """Scrub the play position by ``beats``."""
        model.jump_by(o, beats)

    @method()
    def jump_to_next_cue(o):
        """Jump to the next cue point after the play position."""
        model.jump_to_next_cue(o)

    @method()
    def jump_to_prev_cue(o):
        """Jump to the previous cue point before the play position."""
        model.jump_to_prev_cue(o)

    @method(edits=True, label="Set Locator")
    def set_or_delete_cue(o):
        """Add a cue point at the play position, or delete the one there."""
        model.set_or_delete_cue(o)

    @method()
    def is_cue_point_selected(o):
        """True when the play position is on a cue point."""
        return model.is_cue_point_selected(o)

    @method(edits=True, label="Tap Tempo")
    def tap_tempo(o):
        """Tap the tempo: two or more taps set it from their spacing."""
        model.tap_tempo(o)

    @method()
    def force_link_beat_time(o):
        """Align Link's beat time with the song (no peers here)."""

    @method()
    def re_enable_automation(o):
        """Return all overridden parameters to their automation."""
        model.re_enable_automation(o)

    @method("int Destination=0")
    def capture_midi(o, destination):
        """Capture recently played MIDI (nothing to capture here)."""
        raise RuntimeError("No MIDI to capture")

    @method("float record_length=1.7976931348623157e+308")
    def trigger_session_record(o, record_length):
        """Start session recording into the selected scene on armed tracks."""
        model.trigger_session_record(o, record_length)

    @method()
    def get_current_beats_song_time(o):
        """The play position as BeatTime (1-based bars and beats)."""
        return beat_time(o, o.current_song_time)

    @method("int arg2")
    def get_current_smpte_song_time(o, fmt):
        """The play position as SmptTime for a TimeFormat."""
        return model.smpte_song_time(o, fmt)

    @method()
    def get_beats_loop_start(o):
        """The loop start as BeatTime."""
        return beat_time(o, o.loop_start)

    @method()
    def get_beats_loop_length(o):
        """The loop length as BeatTime (bars and beats counted from 0)."""
        return model.beats_loop_length(o)

    @method("any key, any default_value")
    def get_data(o, key, default):
        """A value stored in the set with set_data (or ``default``)."""
        return o.data.get(key, default)

    @method("any key, any value", edits=True, label="Set Data")
    def set_data(o, key, value):
        """Store a value in the set."""
        set_data(o, key, value)

    # -- devices
    @method("Device device, any target, int target_position")
    def find_device_position(o, device, target, position):
        """The index the device would get when moved into ``target`` at ``position`` (-1: impossible)."""
        return model.find_device_position(device, target, position)

    @method("Device device, any target, int target_position", edits=True, label="Move Device")
    def move_device(o, device, target, position):
        """Move a device into a track or chain; returns its new index."""
        return model.move_device(o, device, target, position)

    # -- undo
    @method()
    def undo(o):
        """Undo the last step (returns its description on 11.3.10+)."""
        return model.undo(o)

    @method()
    def redo(o):
        """Redo the last undone step (returns its description on 11.3.10+)."""
        return model.redo(o)

    @method()
    def begin_undo_step(o):
        """Group the following changes into one undo step."""
        o.world.history.begin_user()

    @method()
    def end_undo_step(o):
        """Close the step opened by begin_undo_step."""
        o.world.history.end_user()

    # -- structure
    @method("any Index=None", edits=True, label="Insert MIDI Track")
    def create_midi_track(o, index):
        """Create a MIDI track at ``index`` (-1: at the end; None: after the selection) and return it."""
        return _lom.wrap(_create_track(o, "midi", index))

    @method("any Index=None", edits=True, label="Insert Audio Track")
    def create_audio_track(o, index):
        """Create an audio track at ``index`` (-1: at the end; None: after the selection) and return it."""
        return _lom.wrap(_create_track(o, "audio", index))

    @method(edits=True, label="Insert Return Track")
    def create_return_track(o):
        """Append a return track (at most 12); every track gets a send to it."""
        return _lom.wrap(model.create_return_track(o))

    @method("int arg2", edits=True, label="Insert Scene")
    def create_scene(o, index):
        """Create a scene at ``index`` (-1: at the end); every track gets a slot."""
        return _lom.wrap(model.create_scene(o, index))

    @method("int arg2", edits=True, label="Delete Track")
    def delete_track(o, index):
        """Delete the track at ``index`` (a group with its tracks); the last track stays."""
        model.delete_track(o, index)

    @method("int arg2", edits=True, label="Delete Return Track")
    def delete_return_track(o, index):
        """Delete the return track at ``index`` and its sends."""
        model.delete_return_track(o, index)

    @method("int arg2", edits=True, label="Delete Scene")
    def delete_scene(o, index):
        """Delete the scene at ``index``; the last scene stays."""
        model.delete_scene(o, index)

    @method("int arg2", edits=True, label="Duplicate Track")
    def duplicate_track(o, index):
        """Copy the track (a group with its tracks) right after it and select the copy."""
        model.duplicate_track(o, index)

    @method("int arg2", edits=True, label="Duplicate Scene")
    def duplicate_scene(o, index):
        """Copy the scene and its clips right after it and select the copy."""
        model.duplicate_scene(o, index)

    @method("int CaptureMode=0", edits=True, label="Capture and Insert Scene")
    def capture_and_insert_scene(o, mode):
        """Insert a scene after the selected one holding copies of the playing clips, and select it."""
        model.capture_and_insert_scene(o, mode)

    class View(_lom.LomObject):
        """Song.View: selection and view state of the set."""

        __slots__ = ()
        canonical_parent = _lom.parent_prop()
        selected_track = prop("Track", set=True, observe=True, doc=False, get=lambda o: _lom.wrap(o.selected_track),
                              fset=lambda o, v: o.select("selected_track", v))
        selected_scene = prop("Scene", set=True, observe=True, doc=False, get=lambda o: _lom.wrap(o.selected_scene),
                              fset=lambda o, v: o.select("selected_scene", v))
        detail_clip = prop("Clip?", set=True, observe=True, doc=False,
                           get=lambda o: _lom.wrap(o.detail_clip) if o.detail_clip is not None
                           and not o.detail_clip.dead else None, fset=lambda o, v: o.select("detail_clip", v))
        highlighted_clip_slot = prop("ClipSlot?", set=True, doc=False,
                                     get=lambda o: _lom.wrap(model.highlighted_slot(o)),
                                     fset=model.set_highlighted_slot)
        selected_chain = prop("Chain?", set=True, observe=True, doc=False, get=lambda o: _lom.wrap(o.selected_chain),
                              fset=lambda o, v: o.select("selected_chain", v))
        selected_parameter = prop("DeviceParameter?", observe=True, doc=False,
                                  get=lambda o: _lom.wrap(o.selected_parameter))
        draw_mode = prop("bool", set=True, observe=True, doc=False)
        follow_song = prop("bool", set=True, observe=True, doc=False)

        @method("Device arg2, bool ShouldAppointDevice=True")
        def select_device(o, device, appoint):
            """Select a device in its track's chain (and appoint it)."""
            model.select_device(o, device, appoint)


class CuePoint(_lom.LomObject):
    """A locator in the arrangement."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True, set_avail=since(12, 0))
    time = prop("float", observe=True)

    @method()
    def jump(o):
        """Move the play position to the cue point."""
        o.world.engine.jump_to(o.time)


SongNode.cls = Song
SongViewNode.cls = Song.View
CueNode.cls = CuePoint
