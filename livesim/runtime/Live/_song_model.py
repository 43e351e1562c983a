"""The Live set's model behind Live.Song: song, view and cue point state, and the structural edits.

Live.Song sets the public classes of these nodes (``SongNode.cls = Song`` ...).
"""
from Live import _lom
from Live._lom import set_value
from Live._base import LimitationError
from Live._clip_model import ClipNode, copy_clip
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
