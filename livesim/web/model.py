"""What the page shows of the set, read and changed through the ``Live`` API on the host thread.

Every method of ``SetView`` runs on the host thread (Live's main thread).  It follows the set
through the world's ``observer`` hook (every notification, listened to or not), remembers
which objects changed, and ``flush()`` turns that into patch operations for the page:

    ["=", path, value]    replace the value at path   (path []: the whole state)
    ["+", path, fields]   merge fields into the object at path

The state (``snapshot()``) is plain JSON-able data:

    {"live": "12.3.6", "script": "AbletonOSC",
     "song": {tempo, playing, time, num, den, loop, loop_start, loop_length, metronome, record,
              session_record, overdub, quant, selected_track, selected_scene},
     "tracks": [track], "returns": [track], "master": track, "scenes": [{id, n, c, t}],
     "devices": {track, n, c, items: [device]} | None, "meters": {tracks, returns, master}}
    track  = {id, name, color, kind, group, fold, mute, solo, arm, playing, fired,
              mixer: {volume: param, pan: param, sends: [param]}, slots: [slot]}
    slot   = {id, s: "empty"|"stopped"|"playing"|"triggered"|"recording", n, c, b (stop button)}
    param  = {id, n, v, min, max, s (display text), q (quantized), items}
    device = {id, n, cls, params: [param], chains: [{id, n, c, mute, solo, devices: [device]}]}

A changed object sends its section again: the song, one track's header and mixer, one slot, one
scene, one device parameter (at its path in "devices"), or the devices of the selected track when
their shape changed.  Ids are the objects' ``_live_ptr``; ``act()`` finds objects by them to apply
the page's actions.
"""
import time

#: Notifications that change the shape of the state (tracks, scenes, slots, sends): a new snapshot.
_STRUCTURE = {
    "song": ("tracks", "return_tracks", "scenes", "visible_tracks"),
    "track": ("clip_slots",),
    "mixer": ("sends",),
    "scene": ("clip_slots",),
}
#: Notifications the page does not show (they change many times a second).
_IGNORED = frozenset(("playing_position", "input_meter_left", "input_meter_right", "input_meter_level",
                      "performance_impact"))
#: Meter notifications: the meters are read again (at most every METER_INTERVAL).
_METERS = frozenset(("output_meter_left", "output_meter_right", "output_meter_level"))
#: Bounds on the devices section (a big Drum Rack must not make a flush slow).
MAX_DEVICES = 96
MAX_PARAMETERS = 1500
MAX_RACK_DEPTH = 4
#: Seconds between meter readings while meters move.
METER_INTERVAL = 0.05
SONG_PROPS = (("tempo", "tempo"), ("playing", "is_playing"), ("num", "signature_numerator"),
              ("den", "signature_denominator"), ("loop", "loop"), ("loop_start", "loop_start"),
              ("loop_length", "loop_length"), ("metronome", "metronome"), ("record", "record_mode"),
              ("session_record", "session_record"), ("overdub", "arrangement_overdub"))
SONG_SETTABLE = ("tempo", "metronome", "loop", "record_mode", "session_record", "arrangement_overdub",
                 "loop_start", "loop_length")
TRACK_SETTABLE = ("mute", "solo", "arm", "fold_state")


def _get(obj, name, default=None):
    """``obj.name``, or ``default`` where Live refuses it for this kind of object."""
    try:
        return getattr(obj, name)
    except (RuntimeError, AttributeError):
        return default


def _ptr(obj):
    return None if obj is None else obj._live_ptr


class ActionError(ValueError):
    """An action the page asked for cannot be applied (the text says why)."""


class SetView(object):
    """The page's view of the set: snapshots, patches and actions, all on the host thread."""

    def __init__(self, host):
        self.host = host
        self.world = None
        #: Set (from the host thread) when something changed since the last flush; the server polls it.
        self.changed = False
        #: A threading.Event the server waits on; set on the first change after a flush.
        self.wake = None
        self._dirty = set()
        self._full = True
        self._index = {}      # ptr -> section key
        self._objects = {}    # ptr -> handle the page may act on
        self._tracks = {}     # ("tracks"|"returns", i) or ("master",) -> track handle
        self._slots = {}      # (i, j) -> clip slot handle
        self._scenes = []
        self._device_params = {}  # ptr -> path of a device parameter in the state
        self._meter_reads = []
        self._meters = None
        self._meters_dirty = False
        self._unread = []
        self._meter_due = 0.0
        self._index_limit = 0

    # ------------------------------------------------------------------ following the set
    def _observe(self, node, name):
        if name in _METERS:
            self._meters_dirty = True
        else:
            self._dirty.add((node.ptr, name))
        if not self.changed:
            self.changed = True
            if self.wake is not None:
                self.wake.set()

    def attach(self):
        """Follow the host's current world (again after it opened another set)."""
        world = self.host.world
        if world is not self.world:
            self.detach()
            self.world = world
            self._full = True
        world.observer = self._observe

    def detach(self):
        """Stop following the set (nobody is watching)."""
        if self.world is not None and self.world.observer == self._observe:
            self.world.observer = None
        self.world = None
        self._dirty = set()
        self.changed = False

    @property
    def song(self):
        """The song of the host's world."""
        return self.host.world.song

    # ------------------------------------------------------------------ snapshot and patches
    def flush(self, full=False, now=None):
        """Patch operations for what changed since the last flush (a whole snapshot when needed)."""
        now = time.monotonic() if now is None else now
        if self.host.world is not self.world:
            self.attach()
        self.changed = False
        if full or self._full or len(self._index) > self._index_limit:
            self._dirty = set()
            return [["=", [], self.snapshot(now, slots=False)]]
        dirty, self._dirty = self._dirty, set()
        sections = set()
        for ptr, name in dirty:
            key = self._index.get(ptr)
            if key is None or name in _IGNORED:
                continue
            if name in _STRUCTURE.get(key[0], ()):
                self._dirty = set()
                return [["=", [], self.snapshot(now, slots=False)]]
            sections.update(self._sections(key, name))
        if ("devices",) in sections:  # the section is read again as a whole
            sections = set(s for s in sections if s[0] != "dparam")
        ops = []
        for section in sorted(sections, key=repr):
            op = self._section_op(section)
            if op is not None:
                ops.append(op)
        if self._meters_dirty:
            meters = self._read_meters(now)
            if meters is not None:
                ops.append(["=", ["meters"], meters])
            if self._meters_dirty:
                self.changed = True  # not due yet: the next flush reads them
        return ops

    def _sections(self, key, name):
        kind = key[0]
        if kind == "song":
            return [("song",)]
        if kind == "view":
            return [("song",), ("devices",)] if name == "selected_track" else [("song",)]
        if kind in ("track", "mixer"):
            track = ("track",) + key[1:]
            if name == "devices" and self._is_selected(track):
                return [track, ("devices",)]
            return [track]
        if kind in ("slot", "scene", "devices", "dparam"):
            return [key]
        return []

    def _is_selected(self, key):
        track = self._tracks.get(key[1:])
        return track is not None and track == _get(self.song.view, "selected_track")

    def _section_op(self, key):
        kind = key[0]
        if kind == "song":
            return ["+", ["song"], self._song()]
        if kind == "track":
            where = key[1:]
            fields = self._track(self._tracks[where], where)
            return ["+", list(where) if where[0] != "master" else ["master"], fields]
        if kind == "slot":
            i, j = key[1], key[2]
            return ["=", ["tracks", i, "slots", j], self._slot(self._slots[(i, j)], key)]
        if kind == "scene":
            return ["=", ["scenes", key[1]], self._scene(self._scenes[key[1]], key[1])]
        if kind == "dparam":
            path = self._device_params.get(key[1])
            return None if path is None else ["=", path, self._param(self._objects[key[1]], key)]
        return ["=", ["devices"], self._devices()]

    def snapshot(self, now=None, slots=True):
        """The whole state (and a fresh index of the objects in it).

        With ``slots=False`` the tracks' slots are left for ``fill_slots()``: a big set is read in
        several short turns of the host thread rather than one long one.
        """
        self._index = {}
        self._objects = {}
        self._tracks = {}
        self._slots = {}
        self._device_params = {}
        self._meter_reads = []
        song = self.song
        self._register(song, ("song",))
        self._register(song.view, ("view",))
        app = _get(self.host.world, "version")
        state = {"live": ".".join(str(v) for v in app) if app else "", "script": self.host.package_name,
                 "song": self._song(), "tracks": [], "returns": [], "scenes": []}
        self._scenes = list(song.scenes)
        for j, scene in enumerate(self._scenes):
            state["scenes"].append(self._scene(scene, j))
        for i, track in enumerate(song.tracks):
            where = ("tracks", i)
            self._tracks[where] = track
            entry = self._track(track, where)
            entry["slots"] = self._track_slots(i) if slots else []
            state["tracks"].append(entry)
        for i, track in enumerate(song.return_tracks):
            where = ("returns", i)
            self._tracks[where] = track
            state["returns"].append(self._track(track, where))
        self._tracks[("master",)] = song.master_track
        state["master"] = self._track(song.master_track, ("master",))
        state["devices"] = self._devices()
        self._meters = None
        state["meters"] = self._read_meters(time.monotonic() if now is None else now, force=True)
        self._full = False
        self._unread = [] if slots else list(range(len(state["tracks"])))
        self._index_limit = 4 * (len(self._index) + 2 * len(self._unread) * len(self._scenes)) + 1000
        return state

    def _track_slots(self, i):
        out = []
        for j, slot in enumerate(self._tracks[("tracks", i)].clip_slots):
            self._slots[(i, j)] = slot
            out.append(self._slot(slot, ("slot", i, j)))
        return out

    @property
    def reading(self):
        """Whether tracks' slots are still to be read after ``snapshot(slots=False)``."""
        return bool(self._unread)

    def fill_slots(self, tracks=16):
        """Patch operations reading the slots of the next ``tracks`` tracks a snapshot left unread.

        A change meanwhile reaches the slots read later anyway, and the next flush for those
        read earlier; a change of shape makes the next flush a snapshot again.
        """
        ops = []
        while self._unread and len(ops) < tracks:
            i = self._unread.pop(0)
            if self._tracks[("tracks", i)] == None:  # noqa: E711  (deleted meanwhile; a snapshot follows)
                self._unread = []
                self._full = True
                break
            ops.append(["=", ["tracks", i, "slots"], self._track_slots(i)])
        return ops

    def _register(self, obj, key):
        ptr = obj._live_ptr
        self._index[ptr] = key
        self._objects[ptr] = obj
        return ptr

    # ------------------------------------------------------------------ sections
    def _song(self):
        song = self.song
        out = dict((key, _get(song, name)) for key, name in SONG_PROPS)
        out["time"] = round(song.current_song_time, 4)
        out["quant"] = int(_get(song, "clip_trigger_quantization", 0))
        view = song.view
        out["selected_track"] = _ptr(_get(view, "selected_track"))
        scene = _get(view, "selected_scene")
        out["selected_scene"] = _ptr(scene)
        return out

    def _param(self, param, key):
        ptr = self._register(param, key)
        quantized = bool(param.is_quantized)
        out = {"id": ptr, "n": param.name, "v": param.value, "min": param.min, "max": param.max,
               "s": str(param), "q": quantized}
        if quantized:
            out["items"] = list(_get(param, "value_items", ()) or ())
        return out

    def _track(self, track, where):
        key = ("track",) + tuple(where)
        ptr = self._register(track, key)
        mixer = track.mixer_device
        mixer_key = ("mixer",) + tuple(where)
        self._register(mixer, mixer_key)
        if where[0] == "master":
            kind = "master"
        elif where[0] == "returns":
            kind = "return"
        elif track.is_foldable:
            kind = "group"
        else:
            kind = "midi" if track.has_midi_input else "audio"
        group = _get(track, "group_track")
        out = {"id": ptr, "name": track.name, "color": track.color, "kind": kind,
               "group": _ptr(group), "fold": _get(track, "fold_state") if kind == "group" else None,
               "mute": _get(track, "mute"), "solo": _get(track, "solo"),
               "arm": _get(track, "arm") if _get(track, "can_be_armed") else None,
               "playing": _get(track, "playing_slot_index", -1), "fired": _get(track, "fired_slot_index", -1),
               "mixer": {"volume": self._param(mixer.volume, mixer_key), "pan": self._param(mixer.panning, mixer_key),
                         "sends": [self._param(p, mixer_key) for p in mixer.sends]}}
        return out

    def _slot(self, slot, key):
        ptr = self._register(slot, key)
        clip = slot.clip
        out = {"id": ptr, "b": bool(slot.has_stop_button)}
        if clip is not None:
            self._register(clip, key)
            if clip.is_recording:
                state = "recording"
            elif clip.is_triggered:
                state = "triggered"
            elif clip.is_playing:
                state = "playing"
            else:
                state = "stopped"
            out.update(s=state, n=clip.name, c=clip.color)
        elif slot.is_triggered:
            out["s"] = "triggered"
        elif slot.is_group_slot and slot.controls_other_clips:
            out["s"] = "playing" if int(slot.playing_status) else "stopped"
            out["g"] = True
        else:
            out["s"] = "empty"
        return out

    def _scene(self, scene, j):
        ptr = self._register(scene, ("scene", j))
        return {"id": ptr, "n": scene.name, "c": scene.color, "t": bool(scene.is_triggered)}

    def _devices(self):
        track = _get(self.song.view, "selected_track")
        if track is None:
            return None
        for ptr in self._device_params:  # this section's parameters are registered again below
            self._index.pop(ptr, None)
        self._device_params = {}
        budget = {"devices": MAX_DEVICES, "parameters": MAX_PARAMETERS, "cut": False}
        items = self._device_list(track.devices, 0, budget, ["devices", "items"])
        out = {"track": track._live_ptr, "n": track.name, "c": track.color, "items": items}
        if budget["cut"]:
            out["cut"] = True
        return out

    def _device_list(self, devices, depth, budget, path):
        items = []
        for device in devices:
            if budget["devices"] <= 0:
                budget["cut"] = True
                break
            budget["devices"] -= 1
            items.append(self._device(device, depth, budget, path + [len(items)]))
        return items

    def _device(self, device, depth, budget, path):
        key = ("devices",)
        ptr = self._register(device, key)
        params = []
        for param in device.parameters:
            if budget["parameters"] <= 0:
                budget["cut"] = True
                break
            budget["parameters"] -= 1
            # A parameter moving is sent alone, not as its whole device section.
            self._device_params[param._live_ptr] = path + ["params", len(params)]
            params.append(self._param(param, ("dparam", param._live_ptr)))
        out = {"id": ptr, "n": device.name, "cls": _get(device, "class_display_name", ""), "params": params}
        if _get(device, "can_have_chains") and depth < MAX_RACK_DEPTH:
            chains = []
            for chain in device.chains:
                self._register(chain, key)
                chains.append({"id": chain._live_ptr, "n": chain.name, "c": chain.color,
                               "mute": _get(chain, "mute"), "solo": _get(chain, "solo"),
                               "devices": self._device_list(chain.devices, depth + 1, budget,
                                                            path + ["chains", len(chains), "devices"])})
            out["chains"] = chains
        return out

    # ------------------------------------------------------------------ meters
    def _meter_reader(self, track):
        try:
            track.output_meter_left
            return lambda: (track.output_meter_left, track.output_meter_right)
        except RuntimeError:  # a track without audio output has only the level
            return lambda: (track.output_meter_level, track.output_meter_level)

    def _read_meters(self, now, force=False):
        """{tracks, returns, master} of [left, right] pairs when due and changed, else None."""
        if not force and now < self._meter_due:
            return None
        self._meter_due = now + METER_INTERVAL
        self._meters_dirty = False
        if not self._meter_reads:
            for group in ("tracks", "returns"):
                i = 0
                while (group, i) in self._tracks:
                    self._meter_reads.append((group, self._meter_reader(self._tracks[(group, i)])))
                    i += 1
            self._meter_reads.append(("master", self._meter_reader(self._tracks[("master",)])))
        meters = {"tracks": [], "returns": [], "master": None}
        for group, read in self._meter_reads:
            try:
                left, right = read()
                pair = [round(left, 3), round(right, 3)]
            except RuntimeError:  # the track was deleted; the next snapshot follows
                pair = [0.0, 0.0]
            if group == "master":
                meters["master"] = pair
            else:
                meters[group].append(pair)
        if meters == self._meters and not force:
            return None
        self._meters = meters
        return meters

    # ------------------------------------------------------------------ actions
    def _object(self, action, kind=None):
        try:
            ptr = int(action["id"])
        except (KeyError, TypeError, ValueError):
            raise ActionError("the action needs the id of an object") from None
        obj = self._objects.get(ptr)
        if obj is None or obj == None:  # noqa: E711  (a deleted Live object compares equal to None)
            raise ActionError("no such object (it may have been deleted)")
        if kind is not None and type(obj).__name__ != kind:
            raise ActionError("object %d is a %s, not a %s" % (ptr, type(obj).__name__, kind))
        return obj

    @staticmethod
    def _number(action):
        value = action.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise ActionError("the action needs a numeric value")
        return float(value)

    @staticmethod
    def _flag(action):
        value = action.get("value")
        if not isinstance(value, (bool, int)):
            raise ActionError("the action needs a true/false value")
        return bool(value)

    def act(self, action):
        """Apply one action of the page through the Live API; ActionError (or Live's own error) if it cannot."""
        if not isinstance(action, dict):
            raise ActionError("an action is a JSON object")
        op = action.get("op")
        song = self.song
        if op == "fire_slot":
            self._object(action, "ClipSlot").fire()
        elif op == "stop_slot":
            self._object(action, "ClipSlot").stop()
        elif op == "stop_track":
            self._object(action, "Track").stop_all_clips()
        elif op == "fire_scene":
            self._object(action, "Scene").fire()
        elif op == "stop_all":
            song.stop_all_clips()
        elif op == "play":
            song.start_playing()
        elif op == "continue":
            song.continue_playing()
        elif op == "stop":
            song.stop_playing()
        elif op == "param":
            param = self._object(action, "DeviceParameter")
            param.value = min(param.max, max(param.min, self._number(action)))
        elif op == "track":
            name = action.get("prop")
            if name not in TRACK_SETTABLE:
                raise ActionError("a track's %r cannot be set here (one of %s)" % (name, ", ".join(TRACK_SETTABLE)))
            setattr(self._object(action, "Track"), name, self._flag(action))
        elif op == "select_track":
            song.view.selected_track = self._object(action, "Track")
        elif op == "select_scene":
            song.view.selected_scene = self._object(action, "Scene")
        elif op == "song":
            name = action.get("prop")
            if name not in SONG_SETTABLE:
                raise ActionError("the song's %r cannot be set here (one of %s)" % (name, ", ".join(SONG_SETTABLE)))
            value = self._number(action) if name in ("tempo", "loop_start", "loop_length") else self._flag(action)
            setattr(song, name, value)
        else:
            raise ActionError("unknown action %r" % (op,))
        return True
