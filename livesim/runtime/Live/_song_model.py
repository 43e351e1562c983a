"""The Live set's model behind Live.Song: song, view and cue point state, transport rules, the structural edits.

Live.Song sets the public classes of these nodes (``SongNode.cls = Song`` ...).
"""
from Live import _lom
from Live._lom import set_value
from Live._base import LimitationError
from Live._device_parameter_model import ParamNode, re_enable_automation as re_enable_parameter
from Live._clip_model import (  # noqa: F401  (a song's signature follows a clip's rules)
    ClipNode, copy_clip, set_signature_denominator, set_signature_numerator)
from Live._clip_slot_model import SlotNode
from Live._scene_model import SceneNode
from Live._track_model import TrackNode

Quantization = _lom.make_enum("Song", "Quantization", dict(
    q_no_q=0, q_8_bars=1, q_4_bars=2, q_2_bars=3, q_bar=4, q_half=5, q_half_triplet=6, q_quarter=7,
    q_quarter_triplet=8, q_eight=9, q_eight_triplet=10, q_sixtenth=11, q_sixtenth_triplet=12, q_thirtytwoth=13))
RecordingQuantization = _lom.make_enum("Song", "RecordingQuantization", dict(
    rec_q_no_q=0, rec_q_quarter=1, rec_q_eight=2, rec_q_eight_triplet=3, rec_q_eight_eight_triplet=4,
    rec_q_sixtenth=5, rec_q_sixtenth_triplet=6, rec_q_sixtenth_sixtenth_triplet=7, rec_q_thirtysecond=8))
SessionRecordStatus = _lom.make_enum("Song", "SessionRecordStatus", dict(off=0, on=1, transition=2))
CaptureMode = _lom.make_enum("Song", "CaptureMode", dict(all=0, all_except_selected=1))
CaptureDestination = _lom.make_enum("Song", "CaptureDestination", dict(auto=0, session=1, arrangement=2))
TimeFormat = _lom.make_enum("Song", "TimeFormat", dict(ms_time=0, smpte_24=1, smpte_25=2, smpte_30=3,
                                                       smpte_30_drop=4, smpte_29=5))


class CueNode(_lom.Node):
    def __init__(self, world, song, name, time):
        _lom.Node.__init__(self, world, song)
        self.name = name
        self.time = float(time)


class SongViewNode(_lom.Node):
    def __init__(self, world, song):
        _lom.Node.__init__(self, world, song)
        self.selected_track = None
        self.selected_scene = None
        self.detail_clip = None
        self.selected_chain = None
        self.selected_parameter = None
        self.draw_mode = False
        self.follow_song = False
        self.highlighted = None

    def select(self, name, node):
        """Change a selection (view state: not undoable, allowed inside listeners)."""
        set_value(self, name, node, undo=False)


class SongNode(_lom.Node):
    """The set: structure, transport state and the structural edits (each undoable)."""

    def __init__(self, world):
        _lom.Node.__init__(self, world, None)
        self.tracks = []
        self.returns = []
        self.master = None
        self.scenes = []
        self.cue_points = []
        self.view = SongViewNode(world, self)
        self.name = ""
        self.file_path = ""
        self.data = {}
        self.tempo = 120.0
        self.signature_numerator = 4
        self.signature_denominator = 4
        self.is_playing = False
        self.current_song_time = 0.0
        self.start_time = 0.0
        self.loop = False
        self.loop_start = 0.0
        self.loop_length = 16.0
        self.metronome = False
        self.record_mode = False
        self.overdub = False
        self.arrangement_overdub = False
        self.punch_in = False
        self.punch_out = False
        self.session_record = False
        self.session_automation_record = False
        self.session_record_status = SessionRecordStatus.off
        self.back_to_arranger = False
        self.nudge_up = False
        self.nudge_down = False
        self.clip_trigger_quantization = Quantization.q_bar
        self.midi_recording_quantization = RecordingQuantization.rec_q_no_q
        self.groove_amount = 1.0
        self.swing_amount = 0.0
        self.root_note = 0
        self.scale_name = "Major"
        self.scale_mode = False
        self.is_ableton_link_enabled = False
        self.is_ableton_link_start_stop_sync_enabled = False
        self.tempo_follower_enabled = False
        self.appointed_device = None
        self.re_enable_automation_enabled = False
        self.taps = []

    def children(self):
        return self.tracks + self.returns + [self.master, self.view] + self.scenes + self.cue_points

    # -- queries
    def all_tracks(self):
        return self.tracks + self.returns + [self.master]

    @staticmethod
    def is_inside(t, group):
        g = t.group
        while g is not None:
            if g is group:
                return True
            g = g.group
        return False

    @staticmethod
    def is_visible(t):
        g = t.group
        while g is not None:
            if g.fold_state:
                return False
            g = g.group
        return True

    def visible(self):
        return [t for t in self.tracks if self.is_visible(t)]

    def bar_beats(self):
        return 4.0 * self.signature_numerator / self.signature_denominator

    # -- structure primitives (no undo; the API methods record their inverses)
    def insert_track(self, t, index):
        t.parent = self
        if len(t.slots) != len(self.scenes):
            t.slots = [SlotNode(self.world, t) for _ in self.scenes]
        while len(t.mixer.sends) < len(self.returns):
            t.mixer.add_send(len(t.mixer.sends), 0.0)
        self.tracks.insert(index, t)
        _lom.revive(t)
        self._tracks_changed(index)
        return t

    def remove_track(self, t):
        index = self.tracks.index(t)
        self.world.engine.forget_track(t)
        self.tracks.remove(t)
        _lom.kill(t)
        if self.view.selected_track is t:
            pool = self.tracks or [self.master]
            self.view.select("selected_track", pool[min(index, len(pool) - 1)])
        self._tracks_changed(index)
        return index

    def _tracks_changed(self, index):
        for t in self.tracks[index:]:
            if t.auto_name:
                _lom.notify(t, "name")
        _lom.notify(self, "tracks")
        _lom.notify(self, "visible_tracks")
        for sc in self.scenes:
            _lom.notify(sc, "clip_slots")

    def insert_scene(self, scene, index, slots=None):
        scene.parent = self
        self.scenes.insert(index, scene)
        _lom.revive(scene)
        for j, t in enumerate(self.tracks):
            s = slots[j] if slots is not None else SlotNode(self.world, t)
            s.parent = t
            _lom.revive(s)
            t.slots.insert(index, s)
            self._shift_indices(t, index, +1)
            _lom.notify(t, "clip_slots")
        _lom.notify(self, "scenes")
        return scene

    def remove_scene(self, scene):
        index = self.scenes.index(scene)
        slots = []
        for t in self.tracks:
            s = t.slots[index]
            if s.clip is not None:
                self.world.engine.forget_clip(s.clip)
            if t.fired_slot_index == index or t.playing_slot_index == index:
                self.world.engine.forget_track(t)
            slots.append(s)
            del t.slots[index]
            _lom.kill(s)
            self._shift_indices(t, index, -1)
            _lom.notify(t, "clip_slots")
        self.scenes.remove(scene)
        _lom.kill(scene)
        if self.view.selected_scene is scene:
            self.view.select("selected_scene", self.scenes[min(index, len(self.scenes) - 1)])
        _lom.notify(self, "scenes")
        return index, slots

    @staticmethod
    def _shift_indices(t, index, delta):
        for attr in ("playing_slot_index", "fired_slot_index"):
            v = getattr(t, attr)
            if v >= index:
                set_value(t, attr, v + delta, undo=False)

    def insert_return(self, r, index, sends):
        r.parent = self
        self.returns.insert(index, r)
        _lom.revive(r)
        for t in self.tracks + self.returns:
            if t is r:
                continue
            v = sends.get(t, 0.0) if sends else 0.0
            if isinstance(v, _lom.Node):
                _put_send(t.mixer, index, v)
            else:
                t.mixer.add_send(index, v)
        _lom.notify(self, "return_tracks")
        return r

    def remove_return(self, r):
        index = self.returns.index(r)
        sends = {}
        for t in self.tracks + self.returns:
            if t is r:
                continue
            sends[t] = t.mixer.sends[index]
            t.mixer.sends.pop(index)
            _lom.kill(sends[t])
            t.mixer.rename_sends()
            _lom.notify(t.mixer, "sends")
        self.returns.remove(r)
        _lom.kill(r)
        if self.view.selected_track is r:
            self.view.select("selected_track", self.tracks[0])
        _lom.notify(self, "return_tracks")
        return index, sends

    def record(self, undo, redo, label):
        self.world.history.record(undo, redo, label)

    # -- structural edits used by Track/ClipSlot methods
    def duplicate_clip_slot(self, t, index):
        if t.kind not in ("midi", "audio") or not 0 <= index < len(t.slots):
            raise RuntimeError("Index out of range")
        src = t.slots[index]
        if src.clip is None:
            raise RuntimeError("No clip in slot")
        dest = None
        for j in range(index + 1, len(t.slots)):
            if t.slots[j].clip is None:
                dest = j
                break
        if dest is None:
            dest = index + 1
            scene = SceneNode(self.world, self)
            self.insert_scene(scene, dest)
            self.record(lambda: self.remove_scene(scene), lambda: self.insert_scene(scene, dest), "Insert Scene")
        t.slots[dest].put_clip(copy_clip(src.clip, t.slots[dest]), "Duplicate Clip")
        return dest

    def add_arrangement_clip(self, t, src, start, length, audio=False):
        if src is not None:
            c = copy_clip(src, t, arrangement=True, start_time=start)
        else:
            c = ClipNode(self.world, t, is_audio=audio, length=length, arrangement=True, start_time=start)
        put, take = _lom.membership(t, t.arrangement_clips, c, "arrangement_clips")
        put()
        self.record(take, put, "Insert Clip")
        return c

    def remove_arrangement_clip(self, t, c):
        put, take = _lom.membership(t, t.arrangement_clips, c, "arrangement_clips")
        take()
        self.record(put, take, "Delete Clip")

    # -- track duplication
    def copy_track(self, t, group=None):
        c = TrackNode(self.world, self, t.kind, None if t.auto_name else t.own_name, t.color_index)
        for a in ("mute", "solo", "arm", "fold_state", "current_monitoring_state"):
            setattr(c, a, getattr(t, a))
        c.group = group if group is not None else t.group
        c.mixer.volume.value = t.mixer.volume.value
        c.mixer.panning.value = t.mixer.panning.value
        c.slots = []
        for s in t.slots:
            n = SlotNode(self.world, c)
            n.has_stop_button = s.has_stop_button
            if s.clip is not None:
                n.clip = copy_clip(s.clip, n)
            c.slots.append(n)
        if t.devices:
            from Live._devices_model import clone_device
            c.devices = [clone_device(self.world, d, c) for d in t.devices]
        for i, p in enumerate(t.mixer.sends):
            c.mixer.add_send(i, p.value)
        return c


def _put_send(mixer, index, p):
    """Re-insert a send parameter node (undo of a return deletion)."""
    _lom.revive(p)
    mixer.sends.insert(index, p)
    mixer.rename_sends()
    _lom.notify(mixer, "sends")


# -------------------------------------------------------------------- setters


def _device_target(target):
    node = getattr(target, "_o", None)
    if node is None or not isinstance(getattr(node, "devices", None), list):
        raise _lom.argument_error("Song", "move_device", (target,), ["LomObject"])
    if node.dead:
        raise RuntimeError(_lom.DELETED_TEXT)
    return node


def _device_slot(t, device, position):
    if getattr(t, "kind", None) == "main" and int(getattr(device, "type", 0)) != 2:
        return -1
    n = len([d for d in t.devices if d is not device])
    return max(0, min(position, n))


def _create_track(o, kind, index):
    if index is None:
        sel = o.view.selected_track
        index = o.tracks.index(sel) + 1 if sel in o.tracks else len(o.tracks)
    elif not isinstance(index, int):
        raise _lom.argument_error("Song", "create_%s_track" % kind, (index,), ["any"])
    elif index == -1:
        index = len(o.tracks)
    if not 0 <= index <= len(o.tracks):
        raise LimitationError("Index out of range")
    t = TrackNode(o.world, o, kind)
    if index > 0 and index < len(o.tracks) and o.tracks[index].group is not None:
        t.group = o.tracks[index].group
    _insert_tracks(o, [t], index)
    return t


def _insert_tracks(o, items, at):
    def put():
        for k, t in enumerate(items):
            o.insert_track(t, at + k)

    def take():
        for t in items:
            o.remove_track(t)
    put()
    o.record(take, put, "Insert Track")


def _delete_tracks(o, doomed):
    positions = [(o.tracks.index(t), t) for t in doomed]

    def take():
        for _, t in positions:
            o.remove_track(t)

    def put():
        for i, t in positions:
            o.tracks.insert(i, t)
            _lom.revive(t)
            o._tracks_changed(i)
    take()
    o.record(put, take, "Delete Track")


# -- values Live.Song hands out

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
SCALE_INTERVALS = dict(SCALES)
MAX_RETURNS = 12


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


# -- setters (Live's ranges and what follows a change)

def range_setter(attr, lo, hi, what):
    """The setter of a value Live keeps in [lo, hi]."""
    def fset(o, v):
        set_value(o, attr, _lom.in_range(o.world, v, lo, hi, "%s out of range" % what))
    return fset


def re_enable_automation(song):
    """Return every overridden parameter of the set to its automation (Live's "Re-Enable Automation")."""
    stack = [song]
    while stack:
        node = stack.pop()
        if isinstance(node, ParamNode):
            re_enable_parameter(node)
        stack.extend(node.children())
    set_value(song, "re_enable_automation_enabled", False, undo=False)


def set_tempo(o, v):
    """Set the tempo (20..999 BPM); the main track's Song Tempo parameter follows."""
    v = _lom.in_range(o.world, v, 20.0, 999.0, "Tempo out of range")
    if set_value(o, "tempo", v):
        p = o.master.mixer.song_tempo if o.master is not None else None
        if p is not None:
            p.set(v, undo=False)


def set_song_time(o, v):
    """Move the play position (never before 0)."""
    o.world.engine.jump_to(max(0.0, v))


def set_is_playing(o, v):
    """Continue or stop playback."""
    if v:
        o.world.engine.start(from_start=False)
    else:
        o.world.engine.stop()


def set_record_mode(o, v):
    """Arrangement record on or off; turning it on starts playback."""
    set_value(o, "record_mode", v, undo=False)
    if v and not o.is_playing:
        o.world.engine.start(from_start=True)


def set_start_time(o, v):
    """Set the start marker (never before 0)."""
    set_value(o, "start_time", max(0.0, v), undo=False)


def set_scale_name(o, v):
    """Set the scale by its name (one of SCALES)."""
    if v not in SCALE_INTERVALS:
        raise RuntimeError("Unknown scale '%s'" % v)
    if set_value(o, "scale_name", v):
        _lom.notify(o, "scale_intervals")
        _lom.notify(o, "scale_information")


def set_root_note(o, v):
    """Set the scale's root note (0..11)."""
    if not 0 <= v <= 11:
        raise RuntimeError("Root note out of range")
    if set_value(o, "root_note", v):
        _lom.notify(o, "scale_information")


def set_loop_start(o, v):
    """Set the arrangement loop's start (never before 0)."""
    if v < 0.0:
        raise RuntimeError("Loop start out of range")
    set_value(o, "loop_start", v)


def set_loop_length(o, v):
    """Set the arrangement loop's length (more than 0)."""
    if v <= 0.0:
        raise RuntimeError("Loop length out of range")
    set_value(o, "loop_length", v)


# -- readings

def cue_times(o):
    """The cue points' times, in order."""
    return sorted(c.time for c in o.cue_points)


def beat_time(o, t):
    """Song time ``t`` (beats) as BeatTime (1-based bars and beats)."""
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


def beats_loop_length(o):
    """The loop length as BeatTime (bars and beats counted from 0)."""
    b = beat_time(o, o.loop_length)
    b.bars -= 1
    b.beats -= 1
    b.sub_division -= 1
    return b


def smpte_song_time(o, fmt):
    """The play position as SmptTime for a TimeFormat."""
    fps = {0: 1000, 1: 24, 2: 25, 3: 30, 4: 30, 5: 29.97}.get(fmt, 25)
    secs = o.world.engine.song_seconds()
    s = SmptTime()
    s.hours = int(secs // 3600)
    s.minutes = int(secs % 3600 // 60)
    s.seconds = int(secs % 60)
    s.frames = int((secs % 1.0) * fps)
    return s


def last_event_time(o):
    """Where the last arrangement clip ends."""
    end = 0.0
    for t in o.tracks:
        for c in t.arrangement_clips:
            end = max(end, c.end_time())
    return end


def song_length(o):
    """The arrangement's length: its last event or loop end, plus 16 bars."""
    return max(last_event_time(o), o.loop_start + o.loop_length) + o.bar_beats() * 16


def highlighted_slot(o):
    """The slot node of the selected track and scene (``o`` is the song's view; None off the grid)."""
    t, s = o.selected_track, o.selected_scene
    if t is None or s is None or t.kind not in ("midi", "audio", "group"):
        return None
    return t.slots[o.parent.scenes.index(s)]


def set_highlighted_slot(o, slot):
    """Select the track and scene of a slot node (``o`` is the song's view)."""
    if slot is None:
        return
    o.select("selected_track", slot.parent)
    o.select("selected_scene", o.parent.scenes[slot.index()])


# -- transport

def stop_all_clips(o, quantized):
    """Stop every session clip (quantized when the transport runs)."""
    for t in o.tracks:
        o.world.engine.stop_track(t, quantized=quantized)


def jump_by(o, beats):
    """Move the play position by ``beats`` (never before 0)."""
    o.world.engine.jump_to(max(0.0, o.current_song_time + beats))


def jump_to_next_cue(o):
    """Jump to the next cue point after the play position."""
    later = [t for t in cue_times(o) if t > o.current_song_time + 1e-9]
    if later:
        o.world.engine.jump_to(later[0])


def jump_to_prev_cue(o):
    """Jump to the previous cue point before the play position."""
    earlier = [t for t in cue_times(o) if t < o.current_song_time - 1e-9]
    if earlier:
        o.world.engine.jump_to(earlier[-1])


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


def is_cue_point_selected(o):
    """True when the play position is on a cue point."""
    return any(abs(c.time - o.current_song_time) < 1e-6 for c in o.cue_points)


def tap_tempo(o):
    """Tap the tempo: two or more taps set it from their spacing."""
    now = o.world.engine.seconds
    o.taps = [t for t in o.taps if now - t < 2.0][-3:] + [now]
    if len(o.taps) >= 2:
        span = (o.taps[-1] - o.taps[0]) / (len(o.taps) - 1)
        if span > 0:
            set_tempo(o, max(20.0, min(999.0, 60.0 / span)))


def trigger_session_record(o, record_length):
    """Start session recording into the selected scene on armed tracks."""
    set_value(o, "session_record", True, undo=False)
    o.world.engine.session_record(None if record_length >= 1e300 else record_length)


# -- devices

def find_device_position(device, target, position):
    """The index ``device`` would get when moved into ``target`` at ``position`` (-1: impossible)."""
    return _device_slot(_device_target(target), device, position)


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


def select_device(o, device, appoint):
    """Select a device in its track's chain (and appoint it); ``o`` is the song's view."""
    t = device.parent
    while t is not None and not isinstance(t, TrackNode):
        t = t.parent
    if t is not None:
        set_value(t.view, "selected_device", device, undo=False)
    if appoint:
        set_value(o.parent, "appointed_device", device, undo=False)


# -- undo

def undo(o):
    """Undo the last step; its description on 11.3.10+."""
    label = o.world.history.undo()
    return label if o.world.version >= (11, 3, 10) else None


def redo(o):
    """Redo the last undone step; its description on 11.3.10+."""
    label = o.world.history.redo()
    return label if o.world.version >= (11, 3, 10) else None


# -- structure

def create_return_track(o):
    """Append a return track (at most 12); every track gets a send to it.  Returns its node."""
    if len(o.returns) >= MAX_RETURNS:
        raise RuntimeError("Maximum number of return tracks reached")
    r = TrackNode(o.world, o, "return", "%s-Return" % chr(ord("A") + len(o.returns)))
    index = len(o.returns)
    for i in range(len(o.returns)):
        r.mixer.add_send(i, 0.0)
    r.mixer.add_send(index, 0.0)
    o.insert_return(r, index, None)
    o.record(lambda: o.remove_return(r), lambda: o.insert_return(r, index, None), "Insert Return Track")
    return r


def create_scene(o, index):
    """Create a scene at ``index`` (-1: at the end); every track gets a slot.  Returns its node."""
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
    return scene


def delete_track(o, index):
    """Delete the track at ``index`` (a group with its tracks); the last track stays."""
    if not 0 <= index < len(o.tracks):
        raise IndexError("Index out of range")
    t = o.tracks[index]
    doomed = [t] + [c for c in o.tracks if o.is_inside(c, t)]
    if len(doomed) >= len(o.tracks):
        raise RuntimeError("Cannot delete the last track")
    _delete_tracks(o, doomed)


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


def _insert_scene_with(o, scene, index, slots, label):
    """Insert ``scene`` holding ``slots`` at ``index`` as one undoable edit and select it."""
    o.insert_scene(scene, index, slots)
    saved = [slots]

    def undo():
        saved[0] = o.remove_scene(scene)[1]

    def redo():
        o.insert_scene(scene, index, saved[0])
    o.record(undo, redo, label)
    o.view.select("selected_scene", scene)


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
    _insert_scene_with(o, scene, index + 1, slots, "Duplicate Scene")


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
    _insert_scene_with(o, scene, index, slots, "Capture and Insert Scene")
