"""Live.Song: the Live set (Song, Song.View, CuePoint, BeatTime, SmptTime, enums)."""
from Live import _lom
from Live._lom import method, prop, set_value, since
from Live._base import IntVector, LimitationError, Vector
from Live._clip_model import copy_clip
from Live._clip_slot_model import SlotNode
from Live._scene_model import SceneNode
from Live._track_model import TrackNode
from Live._song_model import (  # noqa: F401  (the enums are Live.Song's)
    CaptureDestination, CaptureMode, CueNode, Quantization, RecordingQuantization, SessionRecordStatus, SongNode,
    SongViewNode, TimeFormat, _create_track, _delete_tracks, _device_slot, _device_target, _insert_tracks)

SCALES = (
    ("Major", (0, 2, 4, 5, 7, 9, 11)), ("Minor", (0, 2, 3, 5, 7, 8, 10)), ("Dorian", (0, 2, 3, 5, 7, 9, 10)),
    ("Mixolydian", (0, 2, 4, 5, 7, 9, 10)), ("Lydian", (0, 2, 4, 6, 7, 9, 11)),
    ("Phrygian", (0, 1, 3, 5, 7, 8, 10)), ("Locrian", (0, 1, 3, 5, 6, 8, 10)),
    ("Whole Tone", (0, 2, 4, 6, 8, 10)), ("Half-whole Dim.", (0, 1, 3, 4, 6, 7, 9, 10)),
    ("Whole-half Dim.", (0, 2, 3, 5, 6, 8, 9, 11)), ("Minor Blues", (0, 3, 5, 6, 7, 10)),
    ("Minor Pentatonic", (0, 3, 5, 7, 10)), ("Major Pentatonic", (0, 2, 4, 7, 9)),
    ("Harmonic Minor", (0, 2, 3, 5, 7, 8, 11)), ("Melodic Minor", (0, 2, 3, 5, 7, 9, 11)),
    ("Chromatic", tuple(range(12))),
)
_SCALES = dict(SCALES)
MAX_RETURNS = 12

# Song.name/file_path and create_audio_clip: added in 11.3.25, missing again in 12.0 before 12.0.5.
_NAMED = _lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5))


def get_all_scales_ordered():
    """All scale names with their intervals, in Live's order."""
    return tuple((n, iv) for n, iv in SCALES)


def _field(name):
    def get(self):
        return getattr(self, "_" + name)

    def set(self, v):
        if not isinstance(v, int):
            raise _lom.argument_error("None", "None", (v,), ["int"])
        setattr(self, "_" + name, int(v))
    return property(get, set)


class BeatTime(object):
    """A song position as bars, beats, sixteenths and ticks."""

    __slots__ = ("_bars", "_beats", "_sub_division", "_ticks")
    bars = _field("bars")
    beats = _field("beats")
    sub_division = _field("sub_division")
    ticks = _field("ticks")

    def __init__(self):
        self._bars = self._beats = self._sub_division = self._ticks = 0


class SmptTime(object):
    """A song position as hours, minutes, seconds and frames."""

    __slots__ = ("_hours", "_minutes", "_seconds", "_frames")
    hours = _field("hours")
    minutes = _field("minutes")
    seconds = _field("seconds")
    frames = _field("frames")

    def __init__(self):
        self._hours = self._minutes = self._seconds = self._frames = 0


BeatTime.__module__ = SmptTime.__module__ = "Song"


def _range(attr, lo, hi, what):
    def fset(o, v):
        set_value(o, attr, _lom.in_range(o.world, v, lo, hi, "%s out of range" % what))
    return fset


def _set_tempo(o, v):
    v = _lom.in_range(o.world, v, 20.0, 999.0, "Tempo out of range")
    if set_value(o, "tempo", v):
        p = o.master.mixer.song_tempo if o.master is not None else None
        if p is not None:
            p.set(v, undo=False)


def _set_num(o, v):
    if not 1 <= v <= 99:
        raise RuntimeError("Invalid signature numerator")
    set_value(o, "signature_numerator", v)


def _set_den(o, v):
    if v not in (1, 2, 4, 8, 16):
        raise RuntimeError("Invalid signature denominator")
    set_value(o, "signature_denominator", v)


def _set_song_time(o, v):
    o.world.engine.jump_to(max(0.0, v))


def _set_is_playing(o, v):
    if v:
        o.world.engine.start(from_start=False)
    else:
        o.world.engine.stop()


def _set_record_mode(o, v):
    set_value(o, "record_mode", v, undo=False)
    if v and not o.is_playing:
        o.world.engine.start(from_start=True)


def _set_start_time(o, v):
    set_value(o, "start_time", max(0.0, v), undo=False)


def _set_scale_name(o, v):
    if v not in _SCALES:
        raise RuntimeError("Unknown scale '%s'" % v)
    if set_value(o, "scale_name", v):
        _lom.notify(o, "scale_intervals")
        _lom.notify(o, "scale_information")


def _set_root(o, v):
    if not 0 <= v <= 11:
        raise RuntimeError("Root note out of range")
    if set_value(o, "root_note", v):
        _lom.notify(o, "scale_information")


def _set_loop_start(o, v):
    if v < 0.0:
        raise RuntimeError("Loop start out of range")
    set_value(o, "loop_start", v)


def _set_loop_length(o, v):
    if v <= 0.0:
        raise RuntimeError("Loop length out of range")
    set_value(o, "loop_length", v)


def _cue_times(o):
    return sorted(c.time for c in o.cue_points)


def _beat_time(o, t):
    bar = o.bar_beats()
    den = o.signature_denominator
    b = BeatTime()
    b.bars = 1 + int(t // bar)
    within = t - (b.bars - 1) * bar
    b.beats = 1 + int(within * den / 4.0)
    beat_len = 4.0 / den
    b.sub_division = 1 + int((within % beat_len) * 4.0 / beat_len) if beat_len else 1
    b.ticks = int(((t * 4.0) % 1.0) * 60)
    return b


def _last_event_time(o):
    end = 0.0
    for t in o.tracks:
        for c in t.arrangement_clips:
            end = max(end, c.end_time())
    return end


def _highlighted(o):
    t, s = o.selected_track, o.selected_scene
    if t is None or s is None or t.kind not in ("midi", "audio", "group"):
        return None
    return _lom.wrap(t.slots[o.parent.scenes.index(s)])


def _set_highlighted(o, slot):
    if slot is None:
        return
    o.select("selected_track", slot.parent)
    o.select("selected_scene", o.parent.scenes[slot.index()])


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
    tempo = prop("float", set=True, observe=True, fset=_set_tempo)
    signature_numerator = prop("int", set=True, observe=True, fset=_set_num)
    signature_denominator = prop("int", set=True, observe=True, fset=_set_den)
    is_playing = prop("bool", set=True, observe=True, fset=_set_is_playing, undo=False)
    current_song_time = prop("float", set=True, observe=True, fset=_set_song_time, undo=False)
    start_time = prop("float", set=True, observe=True, fset=_set_start_time, avail=since(11, 2), undo=False)
    loop = prop("bool", set=True, observe=True)
    loop_start = prop("float", set=True, observe=True, fset=_set_loop_start)
    loop_length = prop("float", set=True, observe=True, fset=_set_loop_length)
    metronome = prop("bool", set=True, observe=True, undo=False)
    record_mode = prop("bool", set=True, observe=True, fset=_set_record_mode, undo=False)
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
    groove_amount = prop("float", set=True, observe=True, fset=_range("groove_amount", 0.0, 1.3125, "Groove amount"))
    swing_amount = prop("float", set=True, observe=True, fset=_range("swing_amount", 0.0, 1.0, "Swing amount"))
    root_note = prop("int", set=True, observe=True, fset=_set_root)
    scale_name = prop("str", set=True, observe=True, fset=_set_scale_name)
    scale_mode = prop("bool", set=True, observe=True, avail=since(12, 0, 5))
    scale_intervals = prop("IntVector", observe=True,
                           get=lambda o: _lom.vector(IntVector, _SCALES[o.scale_name], None))
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
                                get=lambda o: any(t > o.current_song_time + 1e-9 for t in _cue_times(o)))
    can_jump_to_prev_cue = prop("bool", observe=True,
                                get=lambda o: any(t < o.current_song_time - 1e-9 for t in _cue_times(o)))
    count_in_duration = prop("int", observe=True, get=lambda o: 0)
    is_counting_in = prop("bool", observe=True, get=lambda o: False)
    exclusive_arm = prop("bool", observe=True, get=lambda o: False)
    exclusive_solo = prop("bool", get=lambda o: False)
    select_on_launch = prop("bool", get=lambda o: True)
    re_enable_automation_enabled = prop("bool", observe=True)
    last_event_time = prop("float", get=_last_event_time)
    song_length = prop("float", observe=True,
                       get=lambda o: max(_last_event_time(o), o.loop_start + o.loop_length) + o.bar_beats() * 16)
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
        for t in o.tracks:
            o.world.engine.stop_track(t, quantized=quantized)

    @method("float arg2")
    def jump_by(o, beats):
        """Move the play position by ``beats``."""
        o.world.engine.jump_to(max(0.0, o.current_song_time + beats))

    @method("float arg2")
    def scrub_by(o, beats):
        """Scrub the play position by ``beats``."""
        o.world.engine.jump_to(max(0.0, o.current_song_time + beats))

    @method()
    def jump_to_next_cue(o):
        """Jump to the next cue point after the play position."""
        later = [t for t in _cue_times(o) if t > o.current_song_time + 1e-9]
        if later:
            o.world.engine.jump_to(later[0])

    @method()
    def jump_to_prev_cue(o):
        """Jump to the previous cue point before the play position."""
        earlier = [t for t in _cue_times(o) if t < o.current_song_time - 1e-9]
        if earlier:
            o.world.engine.jump_to(earlier[-1])

    @method(edits=True, label="Set Locator")
    def set_or_delete_cue(o):
        """Add a cue point at the play position, or delete the one there."""
        here = [c for c in o.cue_points if abs(c.time - o.current_song_time) < 1e-6]
        if here:
            put, take = _lom.membership(o, o.cue_points, here[0], "cue_points")
            take()
            o.world.history.record(put, take, "Delete Locator")
        else:
            cue = CueNode(o.world, o, "", o.current_song_time)
            put, take = _lom.membership(o, o.cue_points, cue, "cue_points")
            put()
            o.world.history.record(take, put, "Set Locator")
        _lom.notify(o, "can_jump_to_next_cue")
        _lom.notify(o, "can_jump_to_prev_cue")

    @method()
    def is_cue_point_selected(o):
        """True when the play position is on a cue point."""
        return any(abs(c.time - o.current_song_time) < 1e-6 for c in o.cue_points)

    @method(edits=True, label="Tap Tempo")
    def tap_tempo(o):
        """Tap the tempo: two or more taps set it from their spacing."""
        now = o.world.engine.seconds
        o.taps = [t for t in o.taps if now - t < 2.0][-3:] + [now]
        if len(o.taps) >= 2:
            span = (o.taps[-1] - o.taps[0]) / (len(o.taps) - 1)
            if span > 0:
                _set_tempo(o, max(20.0, min(999.0, 60.0 / span)))

    @method()
    def force_link_beat_time(o):
        """Align Link's beat time with the song (no peers here)."""

    @method()
    def re_enable_automation(o):
        """Return all overridden parameters to their automation."""
        set_value(o, "re_enable_automation_enabled", False, undo=False)

    @method("int Destination=0")
    def capture_midi(o, destination):
        """Capture recently played MIDI (nothing to capture here)."""
        raise RuntimeError("No MIDI to capture")

    @method("float record_length=1.7976931348623157e+308")
    def trigger_session_record(o, record_length):
        """Start session recording into the selected scene on armed tracks."""
        set_value(o, "session_record", True, undo=False)
        o.world.engine.session_record(None if record_length >= 1e300 else record_length)

    @method()
    def get_current_beats_song_time(o):
        """The play position as BeatTime (1-based bars and beats)."""
        return _beat_time(o, o.current_song_time)

    @method("int arg2")
    def get_current_smpte_song_time(o, fmt):
        """The play position as SmptTime for a TimeFormat."""
        fps = {0: 1000, 1: 24, 2: 25, 3: 30, 4: 30, 5: 29.97}.get(fmt, 25)
        secs = o.world.engine.song_seconds()
        s = SmptTime()
        s.hours = int(secs // 3600)
        s.minutes = int(secs % 3600 // 60)
        s.seconds = int(secs % 60)
        s.frames = int((secs % 1.0) * fps)
        return s

    @method()
    def get_beats_loop_start(o):
        """The loop start as BeatTime."""
        return _beat_time(o, o.loop_start)

    @method()
    def get_beats_loop_length(o):
        """The loop length as BeatTime (bars and beats counted from 0)."""
        b = _beat_time(o, o.loop_length)
        b.bars -= 1
        b.beats -= 1
        b.sub_division -= 1
        return b

    @method("any key, any default_value")
    def get_data(o, key, default):
        """A value stored in the set with set_data (or ``default``)."""
        return o.data.get(key, default)

    @method("any key, any value", edits=True, label="Set Data")
    def set_data(o, key, value):
        """Store a value in the set."""
        o.data[key] = value
        _lom.notify(o, "data")

    # -- devices
    @method("Device device, any target, int target_position")
    def find_device_position(o, device, target, position):
        """The index the device would get when moved into ``target`` at ``position`` (-1: impossible)."""
        t = _device_target(target)
        return _device_slot(t, device, position)

    @method("Device device, any target, int target_position", edits=True, label="Move Device")
    def move_device(o, device, target, position):
        """Move a device into a track or chain; returns its new index."""
        t = _device_target(target)
        i = _device_slot(t, device, position)
        if i < 0:
            raise RuntimeError("The device cannot be moved there")
        src = device.parent
        before = (list(src.devices), list(t.devices))

        def apply(src_list, dst_list, parent):
            src.devices[:] = src_list
            t.devices[:] = dst_list
            device.parent = parent
            _lom.notify(src, "devices")
            if t is not src:
                _lom.notify(t, "devices")
        src_list = [d for d in src.devices if d is not device]
        dst_list = src_list if t is src else list(t.devices)
        dst_list.insert(i, device)
        after = (list(src_list), list(dst_list))
        apply(after[0], after[1], t)
        o.world.history.record(lambda: apply(before[0], before[1], src), lambda: apply(after[0], after[1], t),
                               "Move Device")
        return i

    # -- undo
    @method()
    def undo(o):
        """Undo the last step (returns its description on 11.3.10+)."""
        label = o.world.history.undo()
        return label if o.world.version >= (11, 3, 10) else None

    @method()
    def redo(o):
        """Redo the last undone step (returns its description on 11.3.10+)."""
        label = o.world.history.redo()
        return label if o.world.version >= (11, 3, 10) else None

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
        if len(o.returns) >= MAX_RETURNS:
            raise RuntimeError("Maximum number of return tracks reached")
        r = TrackNode(o.world, o, "return", "%s-Return" % chr(ord("A") + len(o.returns)))
        index = len(o.returns)
        for i in range(len(o.returns)):
            r.mixer.add_send(i, 0.0)
        r.mixer.add_send(index, 0.0)
        o.insert_return(r, index, None)
        o.record(lambda: o.remove_return(r), lambda: o.insert_return(r, index, None), "Insert Return Track")
        return _lom.wrap(r)

    @method("int arg2", edits=True, label="Insert Scene")
    def create_scene(o, index):
        """Create a scene at ``index`` (-1: at the end); every track gets a slot."""
        if index == -1:
            index = len(o.scenes)
        if not 0 <= index <= len(o.scenes):
            raise LimitationError("Index out of range")
        scene = SceneNode(o.world, o)
        o.insert_scene(scene, index)
        saved = []

        def undo():
            saved[:] = [o.remove_scene(scene)[1]]

        def redo():
            o.insert_scene(scene, index, saved[0] if saved else None)
        o.record(undo, redo, "Insert Scene")
        return _lom.wrap(scene)

    @method("int arg2", edits=True, label="Delete Track")
    def delete_track(o, index):
        """Delete the track at ``index`` (a group with its tracks); the last track stays."""
        if not 0 <= index < len(o.tracks):
            raise IndexError("Index out of range")
        t = o.tracks[index]
        doomed = [t] + [c for c in o.tracks if o.is_inside(c, t)]
        if len(doomed) >= len(o.tracks):
            raise RuntimeError("Cannot delete the last track")
        _delete_tracks(o, doomed)

    @method("int arg2", edits=True, label="Delete Return Track")
    def delete_return_track(o, index):
        """Delete the return track at ``index`` and its sends."""
        if not 0 <= index < len(o.returns):
            raise IndexError("Index out of range")
        r = o.returns[index]
        state = o.remove_return(r)

        def undo():
            o.insert_return(r, state[0], state[1])

        def redo():
            state2 = o.remove_return(r)
            state[1].update(state2[1])
        o.record(undo, redo, "Delete Return Track")

    @method("int arg2", edits=True, label="Delete Scene")
    def delete_scene(o, index):
        """Delete the scene at ``index``; the last scene stays."""
        if not 0 <= index < len(o.scenes):
            raise IndexError("Index out of range")
        if len(o.scenes) == 1:
            raise RuntimeError("Cannot delete the last scene")
        scene = o.scenes[index]
        saved = [o.remove_scene(scene)[1]]

        def undo():
            o.insert_scene(scene, index, saved[0])

        def redo():
            saved[0] = o.remove_scene(scene)[1]
        o.record(undo, redo, "Delete Scene")

    @method("int arg2", edits=True, label="Duplicate Track")
    def duplicate_track(o, index):
        """Copy the track (a group with its tracks) right after it and select the copy."""
        if not 0 <= index < len(o.tracks):
            raise LimitationError("Index out of range")
        t = o.tracks[index]
        members = [c for c in o.tracks if o.is_inside(c, t)]
        copy = o.copy_track(t)
        copies = [copy]
        mapping = {t: copy}
        for m in members:
            c = o.copy_track(m)
            c.group = mapping.get(m.group, m.group)
            mapping[m] = c
            copies.append(c)
        at = index + 1 + len(members)
        g = t.group
        while g is not None:
            g.fold_state = False
            g = g.group
        _insert_tracks(o, copies, at)
        o.view.select("selected_track", copy)

    @method("int arg2", edits=True, label="Duplicate Scene")
    def duplicate_scene(o, index):
        """Copy the scene and its clips right after it and select the copy."""
        if not 0 <= index < len(o.scenes):
            raise LimitationError("Index out of range")
        src = o.scenes[index]
        scene = SceneNode(o.world, o, src.name)
        for a in ("color", "color_index", "tempo_value", "tempo_enabled", "sig_num", "sig_den",
                  "time_signature_enabled"):
            setattr(scene, a, getattr(src, a))
        slots = []
        for t in o.tracks:
            s = SlotNode(o.world, t)
            s.has_stop_button = t.slots[index].has_stop_button
            if t.slots[index].clip is not None:
                s.clip = copy_clip(t.slots[index].clip, s)
            slots.append(s)
        o.insert_scene(scene, index + 1, slots)
        saved = [slots]

        def undo():
            saved[0] = o.remove_scene(scene)[1]

        def redo():
            o.insert_scene(scene, index + 1, saved[0])
        o.record(undo, redo, "Duplicate Scene")
        o.view.select("selected_scene", scene)

    @method("int CaptureMode=0", edits=True, label="Capture and Insert Scene")
    def capture_and_insert_scene(o, mode):
        """Insert a scene after the selected one holding copies of the playing clips, and select it."""
        sel = o.view.selected_scene
        index = o.scenes.index(sel) + 1
        scene = SceneNode(o.world, o)
        slots = []
        for t in o.tracks:
            s = SlotNode(o.world, t)
            skip = mode == 1 and t is o.view.selected_track
            if t.playing_slot_index >= 0 and not skip:
                c = t.slots[t.playing_slot_index].clip
                if c is not None:
                    s.clip = copy_clip(c, s)
            slots.append(s)
        o.insert_scene(scene, index, slots)
        saved = [slots]

        def undo():
            saved[0] = o.remove_scene(scene)[1]

        def redo():
            o.insert_scene(scene, index, saved[0])
        o.record(undo, redo, "Capture and Insert Scene")
        o.view.select("selected_scene", scene)

    class View(_lom.LomObject):
        """Song.View: selection and view state of the set."""

        __slots__ = ()
        canonical_parent = _lom.parent_prop()
        selected_track = prop("Track", set=True, observe=True, doc=False,
                              get=lambda o: _lom.wrap(o.selected_track), fset=lambda o, v: o.select("selected_track", v))
        selected_scene = prop("Scene", set=True, observe=True, doc=False,
                              get=lambda o: _lom.wrap(o.selected_scene), fset=lambda o, v: o.select("selected_scene", v))
        detail_clip = prop("Clip?", set=True, observe=True, doc=False,
                           get=lambda o: _lom.wrap(o.detail_clip) if o.detail_clip is not None
                           and not o.detail_clip.dead else None, fset=lambda o, v: o.select("detail_clip", v))
        highlighted_clip_slot = prop("ClipSlot?", set=True, doc=False, get=_highlighted, fset=_set_highlighted)
        selected_chain = prop("Chain?", set=True, observe=True, doc=False,
                              get=lambda o: _lom.wrap(o.selected_chain), fset=lambda o, v: o.select("selected_chain", v))
        selected_parameter = prop("DeviceParameter?", observe=True, doc=False,
                                  get=lambda o: _lom.wrap(o.selected_parameter))
        draw_mode = prop("bool", set=True, observe=True, doc=False)
        follow_song = prop("bool", set=True, observe=True, doc=False)

        @method("Device arg2, bool ShouldAppointDevice=True")
        def select_device(o, device, appoint):
            """Select a device in its track's chain (and appoint it)."""
            t = device.parent
            while t is not None and not isinstance(t, TrackNode):
                t = t.parent
            if t is not None:
                set_value(t.view, "selected_device", device, undo=False)
            if appoint:
                set_value(o.parent, "appointed_device", device, undo=False)


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
