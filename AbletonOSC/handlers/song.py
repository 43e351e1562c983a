"""/live/song/*: transport, tempo, structure, cue points, bulk queries of the whole set."""

import json
import os
import tempfile

from .errors import HandlerError
from .sizes import MAX_BULK_PROPERTIES, check_values
from .listeners import live_id
from .objects import DEVICE, RETURN_LETTERS, TRACK, _device_paths as device_paths, find_index
from .registry import Prop
from .types import to_int, to_osc

PROPERTIES = [
    Prop("arrangement_overdub", "b"),
    Prop("back_to_arranger", "b"),
    Prop("can_redo", "b", "gl"),
    Prop("can_undo", "b", "gl"),
    Prop("clip_trigger_quantization", "i", values=range(14), doc="Global launch quantization (0 none, 4 one bar, ... 13 1/32)"),
    Prop("current_song_time", "f", doc="Playback position in beats"),
    Prop("groove_amount", "f"),
    Prop("is_ableton_link_enabled", "b", since=(11, 1)),
    Prop("is_playing", "b"),
    Prop("loop", "b"),
    Prop("loop_length", "f"),
    Prop("loop_start", "f"),
    Prop("metronome", "b"),
    Prop("midi_recording_quantization", "i", values=range(9)),
    Prop("nudge_down", "b"),
    Prop("nudge_up", "b"),
    Prop("punch_in", "b"),
    Prop("punch_out", "b"),
    Prop("record_mode", "b"),
    Prop("root_note", "i", values=range(12), doc="Root note of the song's scale, 0 (C) to 11 (B)"),
    Prop("scale_name", "s"),
    Prop("session_record", "b"),
    Prop("session_record_status", "i", "gl"),
    Prop("signature_denominator", "i"),
    Prop("signature_numerator", "i"),
    Prop("song_length", "f", "gl"),
    Prop("tempo", "f", doc="Tempo in BPM (20-999)", limits=(20.0, 999.0)),
]

METHODS = [
    ("capture_and_insert_scene", "", "Capture the playing clips into a new scene"),
    ("capture_midi", "destination:i?", "Capture recently played MIDI (0 auto, 1 session, 2 arrangement)"),
    ("continue_playing", "", "Resume playback from the current position"),
    ("create_audio_track", "index:i?", "Create an audio track at index (-1 = end)"),
    ("create_midi_track", "index:i?", "Create a MIDI track at index (-1 = end)"),
    ("create_return_track", "", "Create a return track"),
    ("create_scene", "index:i?", "Create a scene at index (-1 = end)"),
    ("delete_return_track", "return_index:i", "Delete a return track"),
    ("delete_scene", "scene_index:i", "Delete a scene"),
    ("delete_track", "track_index:i", "Delete a track"),
    ("duplicate_scene", "scene_index:i", "Duplicate a scene (the copy is inserted after it)"),
    ("duplicate_track", "track_index:i", "Duplicate a track (the copy is inserted after it)"),
    ("force_link_beat_time", "", "Force the Link timeline to Live's beat time"),
    ("jump_by", "beats:f", "Move the playback position by a number of beats"),
    ("jump_to_prev_cue", "", "Jump to the previous cue point"),
    ("jump_to_next_cue", "", "Jump to the next cue point"),
    ("redo", "", "Redo the last undone change"),
    ("re_enable_automation", "", "Re-enable automation that was overridden"),
    ("set_or_delete_cue", "", "Add a cue point at the playback position, or delete the one there"),
    ("start_playing", "", "Start playback from the start marker"),
    ("stop_all_clips", "quantized:b?", "Stop every clip (quantized unless 0)"),
    ("stop_playing", "", "Stop playback"),
    ("tap_tempo", "", "Tap the tempo"),
    ("trigger_session_record", "record_length:f?", "Start session recording"),
    ("undo", "", "Undo the last change"),
]


def _with_default(name, default):
    """Live methods whose index defaults to "end of list" when omitted (upstream passes it through)."""

    def call(ctx, song, *values):
        args = values if values else default
        ctx.manager.write(lambda: getattr(song, name)(*args))

    return call


def _method(name):
    def call(ctx, song, *values):
        ctx.manager.write(lambda: getattr(song, name)(*values))

    return call


def _range(items, values, what):
    if not values:
        return items
    start = values[0]
    end = values[1] if len(values) > 1 else len(items)
    if end == -1:
        end = len(items)
    return items[start:end]


def get_num_tracks(ctx, song):
    return (len(song.tracks),)


def get_num_scenes(ctx, song):
    return (len(song.scenes),)


def get_track_names(ctx, song, *bounds):
    return tuple(track.name for track in _range(song.tracks, bounds, "track"))


def get_scene_names(ctx, song, *bounds):
    return tuple(scene.name for scene in _range(song.scenes, bounds, "scene"))


def get_cue_points(ctx, song):
    values = []
    for cue in song.cue_points:
        values.extend((cue.name, float(cue.time)))
    return tuple(values)


def cue_jump(ctx, song, cue):
    if isinstance(cue, str):
        matched = [c for c in song.cue_points if c.name == cue]
        if not matched:
            raise HandlerError("No cue point named %r" % cue)
        for c in matched:
            c.jump()
        return
    song.cue_points[to_int(cue, "cue")].jump()


def cue_set_name(ctx, song, index, name):
    ctx.manager.write(setattr, song.cue_points[index], "name", name)


def cue_add_or_delete(ctx, song):
    ctx.manager.write(song.set_or_delete_cue)


# ---------------------------------------------------------------------- track_data

def _object_value(song, value, track_index=None):
    """Live objects in bulk replies become their index (tracks) or name.

    track_index: a dict {live_id: index} of the set's tracks, built once per request.
    """
    if value is None or isinstance(value, (bool, int, float, str)):
        return to_osc(value)
    if track_index is None:
        track_index = _track_index(song)
    index = track_index.get(live_id(value))
    if index is not None:
        return index
    name = getattr(value, "name", None)
    return name if isinstance(name, str) else str(value)


def _track_index(song):
    return dict((live_id(track), index) for index, track in enumerate(song.tracks))


def _read(song, obj, name, track_index):
    if obj is None:
        return None
    try:
        return _object_value(song, getattr(obj, name), track_index)
    except RuntimeError:
        return None
    except AttributeError:
        raise HandlerError("%s has no property %r" % (type(obj).__name__, name))


#: The objects track_data reads, and the Live class (module, name) whose properties each may name.
TRACK_DATA_OBJECTS = {"track": ("Track", "Track"), "clip": ("Clip", "Clip"), "clip_slot": ("ClipSlot", "ClipSlot"),
                      "device": ("Device", "Device")}
TRACK_DATA_EXTRAS = ("num_devices", "volume", "panning")  # track.X read through the mixer or counted


def check_track_data(props):
    """Refuse, before reading anything, a property no Live object of its kind has (whatever the set holds)."""
    import Live

    if len(props) > MAX_BULK_PROPERTIES:
        raise HandlerError("track_data names %d properties, at most %d are allowed per request; ask in several "
                           "requests" % (len(props), MAX_BULK_PROPERTIES))
    for prop in props:
        obj_name, dot, name = prop.partition(".")
        if not dot or not name:
            raise HandlerError("track_data properties look like track.name, clip.name, clip_slot.has_clip "
                               "or device.name, got %r" % prop[:80])
        if obj_name not in TRACK_DATA_OBJECTS:
            raise HandlerError("Unknown object identifier in get/track_data: %s (one of %s)"
                               % (obj_name[:80], ", ".join(sorted(TRACK_DATA_OBJECTS))))
        if obj_name == "track" and name in TRACK_DATA_EXTRAS:
            continue
        module, class_name = TRACK_DATA_OBJECTS[obj_name]
        if name.startswith("_") or not hasattr(getattr(getattr(Live, module), class_name), name):
            raise HandlerError("%s has no property %r" % (class_name, name[:80]))


def get_track_data(ctx, song, index_min, index_max, *props):
    """Flat values for tracks [index_min, index_max): per track, per property in the order given.

    Names and sizes are checked before anything is read; the reading itself is sliced over polls.
    """
    check_track_data(props)
    wanted = [tuple(prop.split(".", 1)) for prop in props]
    tracks = list(song.tracks)
    if index_max == -1:
        index_max = len(tracks)
    chosen = tracks[index_min:index_max]
    scenes = len(song.scenes)
    count = 0
    for track in chosen:
        for obj_name, _ in wanted:
            count += 1 if obj_name == "track" else scenes if obj_name != "device" else len(track.devices)
    per_track = count // len(chosen) if chosen else 0
    check_values(ctx, count, per_track, "ask for at most %d tracks at a time: track_data <first> <first + that many> "
                                        "with the same properties, then the next tracks")
    return _track_data_steps(song, chosen, wanted)


def _track_data_steps(song, tracks, wanted):
    values = []
    track_index = _track_index(song)
    for track in tracks:
        for obj_name, name in wanted:
            if obj_name == "track":
                if name == "num_devices":
                    values.append(len(track.devices))
                elif name in ("volume", "panning"):
                    values.append(float(getattr(track.mixer_device, name).value))
                else:
                    values.append(_read(song, track, name, track_index))
            elif obj_name == "clip":
                values.extend(_read(song, slot.clip, name, track_index) for slot in track.clip_slots)
            elif obj_name == "clip_slot":
                values.extend(_read(song, slot, name, track_index) for slot in track.clip_slots)
            else:
                values.extend(_read(song, device, name, track_index) for device in track.devices)
            yield
    return tuple(values)


# ---------------------------------------------------------------------- export

STRUCTURE_FILE = "abletonosc-song-structure.json"


def structure(song):
    """The set's structure as plain data (tracks, clips, devices and parameters)."""
    result = []
    for _ in _structure_steps(song, result):
        pass
    return {"tracks": result}


def _structure_steps(song, result):
    track_index = _track_index(song)
    for index, track in enumerate(list(song.tracks)):
        group = track.group_track if track.is_grouped else None
        result.append({
            "index": index,
            "name": track.name,
            "is_foldable": bool(track.is_foldable),
            "group_track": _object_value(song, group, track_index) if group is not None else None,
            "clips": [
                {"index": slot_index, "name": slot.clip.name, "length": float(slot.clip.length)}
                for slot_index, slot in enumerate(track.clip_slots) if slot.has_clip
            ],
            "devices": [
                {
                    "class_name": device.class_name,
                    "type": int(device.type),
                    "name": device.name,
                    "parameters": [
                        {"name": p.name, "value": p.value, "min": p.min, "max": p.max,
                         "is_quantized": bool(p.is_quantized)}
                        for p in device.parameters
                    ],
                }
                for device in track.devices
            ],
        })
        yield


def export_structure(ctx, song):
    """Write the structure to <temp>/abletonosc-song-structure.json, in slices over polls."""
    return _export_steps(song, tempfile.gettempdir())


def _export_steps(song, folder):
    tracks = []
    for _ in _structure_steps(song, tracks):
        yield
    # Never through a link someone planted: a new file only this user can read (created
    # exclusively, so not through a symlink), renamed over the old one atomically (a rename
    # replaces a symlink, it does not follow it).
    handle, temporary = tempfile.mkstemp(prefix=".abletonosc-structure-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w") as out:
            for index, chunk in enumerate(json.JSONEncoder(indent=2).iterencode({"tracks": tracks})):
                out.write(chunk)
                if index % 512 == 511:
                    yield
        os.replace(temporary, os.path.join(folder, STRUCTURE_FILE))
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return (1,)


# ---------------------------------------------------------------------- beat

class BeatListener(object):
    """Sends /live/song/get/beat to its clients when playback crosses a beat (or jumps back)."""

    def __init__(self, registry, song):
        self.registry = registry
        self.song = song
        self.clients = []
        self.last = -1.0
        song.add_current_song_time_listener(self.changed)

    def changed(self):
        time = self.song.current_song_time
        if time < self.last or int(time) > int(self.last):
            for client in list(self.clients):
                client.send("/live/song/get/beat", (int(time),))
        self.last = time

    def close(self):
        try:
            self.song.remove_current_song_time_listener(self.changed)
        except RuntimeError:
            pass


def start_listen_beat(ctx, song):
    beat = ctx.registry.state.get("beat")
    if beat is None:
        beat = BeatListener(ctx.registry, song)
        ctx.registry.state["beat"] = beat
    if ctx.client not in beat.clients:
        beat.clients.append(ctx.client)


def stop_listen_beat(ctx, song):
    beat = ctx.registry.state.get("beat")
    if beat is not None and ctx.client in beat.clients:
        beat.clients.remove(ctx.client)
        if not beat.clients:
            beat.close()
            del ctx.registry.state["beat"]


def _beat_listeners(registry):
    def listed(client):
        beat = registry.state.get("beat")
        return [("/live/song/start_listen/beat", ())] if beat is not None and client in beat.clients else []

    def end(client):
        beat = registry.state.get("beat")
        while beat is not None and client in beat.clients:
            beat.clients.remove(client)
        if beat is not None and not beat.clients:
            beat.close()
            del registry.state["beat"]

    return listed, end


def _close_beat(registry):
    def close():
        beat = registry.state.pop("beat", None)
        if beat is not None:
            beat.close()

    return close


# ---------------------------------------------------------------------- beyond upstream

def _same(value):
    return value


def track_ref(song, track):
    """A track's reference over OSC: its index, "master", or its return letter (None if not in the set)."""
    index = find_index(song.tracks, track)
    if index is not None:
        return index
    if track == song.master_track:
        return "master"
    index = find_index(song.return_tracks, track)
    return None if index is None else RETURN_LETTERS[index]


def _all_tracks(song):
    return list(song.tracks) + list(song.return_tracks) + [song.master_track]


def device_ref(song, device):
    """(track reference, device index or "D.C.D" path) of a device, or (None, None)."""
    if device is None:
        return (None, None)
    for track in _all_tracks(song):
        for path, item in device_paths(track.devices):
            if item == device:
                return (track_ref(song, track), path[0] if len(path) == 1 else ".".join(str(p) for p in path))
    return (None, None)


def _appointed(song):
    return device_ref(song, song.appointed_device)


def _tuning_name(system):
    return None if system is None else system.name


MODEL_PROPERTIES = [
    Prop("appointed_device", "x", "gl", getter=_appointed, out=_same, strict=True,
         doc="The device Live's controllers follow (the blue hand): track_id device_id, nil nil for none"),
    Prop("can_capture_midi", "b", "gl", strict=True),
    Prop("can_jump_to_next_cue", "b", "gl", strict=True),
    Prop("can_jump_to_prev_cue", "b", "gl", strict=True),
    Prop("count_in_duration", "i", "gl", strict=True, doc="Count-in length: 0 none, 1 one bar, 2 two, 3 four"),
    Prop("exclusive_arm", "b", "gl", strict=True),
    Prop("exclusive_solo", "b", "g", strict=True),
    Prop("file_path", "s", "g", since=(11, 3, 25), strict=True, doc="The set's file (empty if never saved)"),
    Prop("is_ableton_link_start_stop_sync_enabled", "b", since=(11, 1), strict=True),
    Prop("is_counting_in", "b", "gl", strict=True),
    Prop("last_event_time", "f", "g", strict=True, doc="The time of the last event in the arrangement, in beats"),
    Prop("name", "s", "g", since=(11, 3, 25), strict=True, doc="The set's name"),
    Prop("overdub", "b", strict=True, doc="MIDI arrangement overdub (session overdub in older Live)"),
    Prop("re_enable_automation_enabled", "b", "gl", strict=True),
    Prop("scale_intervals", "i", "gl", out=tuple, strict=True, doc="The scale's intervals in semitones"),
    Prop("scale_mode", "b", since=(12, 0, 5), strict=True, doc="Whether clips show the song's scale"),
    Prop("select_on_launch", "b", "g", strict=True),
    Prop("session_automation_record", "b", strict=True),
    Prop("start_time", "f", since=(11, 2), strict=True, doc="The arrangement's playback start, in beats"),
    Prop("swing_amount", "f", strict=True),
    Prop("tempo_follower_enabled", "b", strict=True),
    Prop("tuning_system", "s", "gl", out=_tuning_name, since=(12, 0), strict=True,
         member=("Song.tuning_system", "TuningSystem.name"), doc="The active tuning system's name (nil: none)"),
]


def _beat_time(value):
    return (int(value.bars), int(value.beats), int(value.sub_division), int(value.ticks))


def _beats(name):
    def get(ctx, song):
        return _beat_time(getattr(song, name)())

    return get


def get_all_scales(ctx, song):
    import Live

    values = []
    for name, intervals in Live.Song.get_all_scales_ordered():
        values.append(str(name))
        values.append(len(intervals))
        values.extend(int(step) for step in intervals)
    return tuple(values)


BEAT_TIME_PARTS = ("bars", "beats", "sub_division", "ticks")
SMPTE_PARTS = ("hours", "minutes", "seconds", "frames")


def get_smpte_song_time(ctx, song, smpte_format=0):
    value = song.get_current_smpte_song_time(smpte_format)
    return (smpte_format, int(value.hours), int(value.minutes), int(value.seconds), int(value.frames))


def get_song_data(ctx, song, key, *default):
    return (key, to_osc(song.get_data(key, default[0] if default else None)))


def set_song_data(ctx, song, key, value):
    ctx.manager.write(song.set_data, key, value)


def is_cue_point_selected(ctx, song):
    return (bool(song.is_cue_point_selected()),)


def get_num_return_tracks(ctx, song):
    return (len(song.return_tracks),)


def get_return_track_names(ctx, song):
    return tuple(track.name for track in song.return_tracks)


def get_visible_tracks(ctx, song):
    return tuple(track_ref(song, track) for track in song.visible_tracks)


def get_cue_point(ctx, song, index):
    cue = song.cue_points[index]
    return (index, cue.name, float(cue.time))


def _device_at(song, track_value, device_value):
    (echo, device), = DEVICE.resolve(song, (track_value, device_value))
    return device


def _device_target(song, target_value):
    (echo, target), = TRACK.resolve(song, (target_value,))
    return target


def set_appointed_device(ctx, song, track_value, device_value):
    song.appointed_device = _device_at(song, track_value, device_value)


def move_device(ctx, song, track_value, device_value, target_value, position):
    device = _device_at(song, track_value, device_value)
    index = song.move_device(device, _device_target(song, target_value), position)
    return (int(index),)


def find_device_position(ctx, song, track_value, device_value, target_value, position):
    device = _device_at(song, track_value, device_value)
    return (int(song.find_device_position(device, _device_target(song, target_value), position)),)


MODEL_METHODS = [
    ("begin_undo_step", "", "Start grouping the following changes into one undo step", None),
    ("end_undo_step", "", "End the undo step begun with begin_undo_step", None),
    ("play_selection", "", "Play the arrangement's selection", None),
    ("scrub_by", "beats:f", "Scrub the playback position by a number of beats", None),
]


def register_model(reg):
    """Addresses beyond upstream: the rest of Song and CuePoint, master and return tracks."""
    reg.properties("song", MODEL_PROPERTIES)
    reg.add("/live/song/set/appointed_device", "set", "song", set_appointed_device,
            args="track_id:T device_id:D", members="Song.appointed_device",
            doc="Appoint a device (the one Live's controllers follow)")
    for name, args, doc, since in MODEL_METHODS:
        reg.add("/live/song/%s" % name, "method", "song", _method(name), args=args, doc=doc, since=since,
                members="Song.%s" % name)
    for name in ("beats_loop_length", "beats_loop_start", "current_beats_song_time"):
        reg.add("/live/song/get/%s" % name, "get", "song", _beats("get_" + name), echo=False,
                reply="bars:i beats:i sub_division:i ticks:i",
                members=("Song.get_" + name,) + tuple("BeatTime.%s" % part for part in BEAT_TIME_PARTS),
                doc="%s as bars, beats, sixteenths and ticks" % name.replace("_", " ").capitalize())
    reg.add("/live/song/get/current_smpte_song_time", "get", "song", get_smpte_song_time, args="format:i?",
            echo=False, reply="format:i hours:i minutes:i seconds:i frames:i",
            members=("Song.get_current_smpte_song_time",) + tuple("SmptTime.%s" % part for part in SMPTE_PARTS),
            doc="The playback position as SMPTE time (format 0 ms, 1 24 fps, 2 25, 3 29.97 drop, 4 30 drop, 5 30)")
    reg.add("/live/song/get/all_scales", "get", "song", get_all_scales, echo=False,
            reply="(name:s num_intervals:i interval:i*)*", members="Song.get_all_scales_ordered",
            doc="Every scale Live offers, in its order: the name, then its intervals in semitones from the root")
    reg.add("/live/song/get/data", "get", "song", get_song_data, args="key:s default:x?", echo=False,
            reply="key:s value:x", members="Song.get_data",
            doc="A value stored with the set (set/data), or the default (nil)")
    reg.add("/live/song/set/data", "set", "song", set_song_data, args="key:s value:x", members="Song.set_data",
            doc="Store a value (int, float or string) with the set")
    reg.add("/live/song/get/is_cue_point_selected", "get", "song", is_cue_point_selected, echo=False,
            reply="selected:b", members="Song.is_cue_point_selected",
            doc="Whether the playback position is at a cue point")
    reg.add("/live/song/get/cue_point", "get", "song", get_cue_point, args="cue_index:i", echo=False,
            reply="cue_index:i name:s time:f", members=("Song.cue_points", "CuePoint.name", "CuePoint.time"),
            doc="One cue point's name and time")
    reg.add("/live/song/get/num_return_tracks", "get", "song", get_num_return_tracks, echo=False,
            reply="num_return_tracks:i", members="Song.return_tracks", doc="Number of return tracks")
    reg.add("/live/song/get/return_track_names", "get", "song", get_return_track_names, echo=False,
            reply="name:s*", members=("Song.return_tracks", "Track.name"),
            doc="Return track names, in order (A, B, ...)")
    reg.add("/live/song/get/visible_tracks", "get", "song", get_visible_tracks, echo=False,
            reply="track_id:T*", members="Song.visible_tracks",
            doc="The tracks not hidden in folded groups, as references (index, return letter)")
    reg.add("/live/song/move_device", "method", "song", move_device,
            args="track_id:T device_id:D target_track_id:T target_position:i", reply="position:i", echo=False,
            members="Song.move_device",
            doc="Move a device to a position on a track (Live may adjust it: the answer is where it went)")
    reg.add("/live/song/get/device_position", "get", "song", find_device_position,
            args="track_id:T device_id:D target_track_id:T target_position:i", reply="position:i", echo=False,
            members="Song.find_device_position",
            doc="Where a device would go if moved to a position on a track")


def register(reg):
    for name, args, doc in METHODS:
        if name in ("create_audio_track", "create_midi_track", "create_scene"):
            fn = _with_default(name, (-1,))
        else:
            fn = _method(name)
        reg.add("/live/song/%s" % name, "method", "song", fn, args=args, doc=doc, members="Song.%s" % name)
    reg.properties("song", PROPERTIES)
    reg.add("/live/song/get/num_tracks", "get", "song", get_num_tracks, reply="num_tracks:i",
            doc="Number of tracks (not counting returns and master)", members="Song.tracks")
    reg.add("/live/song/get/track_names", "get", "song", get_track_names, args="index_min:i? index_max:i?",
            reply="name:s*", doc="Track names, optionally of tracks [index_min, index_max)",
            members=("Song.tracks", "Track.name"),
            example="/live/song/get/track_names 0 4")
    reg.add("/live/song/get/track_data", "get", "song", get_track_data,
            args="index_min:i index_max:i property:s*", reply="value:x*",
            doc="Properties of tracks [index_min, index_max) (-1 = all), flat: per track, per property given "
                "(track.X: one value; clip.X and clip_slot.X: one per scene; device.X: one per device)",
            example="/live/song/get/track_data 0 -1 track.name clip.name", members="Song.tracks")
    reg.add("/live/song/export/structure", "method", "song", export_structure, reply="1:i",
            doc="Write the set's structure as JSON to <temp>/abletonosc-song-structure.json and answer 1",
            members="Song.tracks")
    reg.add("/live/song/get/num_scenes", "get", "song", get_num_scenes, reply="num_scenes:i",
            doc="Number of scenes", members="Song.scenes")
    reg.add("/live/song/get/scenes/name", "get", "song", get_scene_names, args="index_min:i? index_max:i?",
            reply="name:s*", doc="Scene names, optionally of scenes [index_min, index_max)",
            members=("Song.scenes", "Scene.name"))
    reg.add("/live/song/get/cue_points", "get", "song", get_cue_points, reply="(name:s time:f)*",
            doc="Cue points as name, time pairs", members=("Song.cue_points", "CuePoint.name", "CuePoint.time"))
    reg.add("/live/song/cue_point/jump", "method", "song", cue_jump, args="cue:x",
            doc="Jump to a cue point by index, or to every cue point with that name", members="CuePoint.jump")
    reg.add("/live/song/cue_point/add_or_delete", "method", "song", cue_add_or_delete,
            doc="Add a cue point at the playback position, or delete the one there", members="Song.set_or_delete_cue")
    reg.add("/live/song/cue_point/set/name", "set", "song", cue_set_name, args="cue_index:i name:s",
            doc="Rename a cue point", members="CuePoint.name")
    reg.add("/live/song/start_listen/beat", "start_listen", "song", start_listen_beat,
            reply="-> /live/song/get/beat beat:i", doc="Send /live/song/get/beat on every beat while playing",
            members="Song.current_song_time")
    reg.add("/live/song/stop_listen/beat", "stop_listen", "song", stop_listen_beat, doc="Stop the beat messages",
            members="Song.current_song_time")
    reg.status("/live/song/get/beat", "beat:i", "The song position in whole beats, sent on each beat")
    reg.on_unbind(_close_beat(reg))
    reg.client_listeners(*_beat_listeners(reg))
    register_model(reg)
