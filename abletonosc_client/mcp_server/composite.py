"""The composite tools: what assistants do most, each in as few rounds of OSC traffic as the
script allows, and each write one Live undo step (the messages go in bundles between
/live/song/begin_undo_step and end_undo_step)."""
from __future__ import annotations

import asyncio
import difflib
import math
import re
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .connection import BEGIN_UNDO, END_UNDO, Connection, LiveError
from .signatures import plain

RETURN_LETTERS = "ABCDEFGHIJKL"
NOTES_PER_MESSAGE = 200
MAX_PAGE = 64
MAX_LISTED = 40  # tracks named in an error message
TRACK_PROPS = ("track.name", "track.mute", "track.solo", "track.arm", "track.volume", "track.panning",
               "track.has_midi_input", "track.is_foldable", "track.group_track", "track.num_devices")
CLIP_PROPS = ("clip.name", "clip.length", "clip.is_playing")
DEVICE_PROPS = ("device.name", "device.class_name")
BROWSER_ROOTS = {
    "any": ("",), "instrument": ("instruments",), "audio_effect": ("audio_effects",),
    "midi_effect": ("midi_effects",), "effect": ("audio_effects", "midi_effects"), "sample": ("samples",),
    "drum_kit": ("drums",), "sound": ("sounds",), "plugin": ("plugins",), "max_for_live": ("max_for_live",),
}


def _value(result: Any, default: Any = None, position: Any = -1) -> Any:
    """One value of a gathered result (its last by default); ``default`` when it failed or is empty."""
    if isinstance(result, Exception) or not result:
        return default
    if isinstance(position, slice):
        return tuple(plain(v) for v in result[position])
    return plain(result[position])


def _locators(result: Any) -> List[Dict[str, Any]]:
    """The locators of a /live/song/get/cue_points reply: (name time)* pairs, in the set's order."""
    flat = _value(result, (), slice(0, None))
    return [{"index": i // 2, "name": flat[i], "time": flat[i + 1]} for i in range(0, len(flat) - 1, 2)]


# ---------------------------------------------------------------------- tracks by name

class TrackNames(object):
    """The set's track and return track names, to name tracks as people do."""

    def __init__(self, tracks: Sequence[str], returns: Sequence[str]) -> None:
        self.tracks = list(tracks)
        self.returns = list(returns)

    @classmethod
    async def read(cls, conn: Connection) -> "TrackNames":
        """The names as the set has them now (two rounds: counts, then return names)."""
        names, count = await conn.gather([("/live/song/get/track_names", ()),
                                          ("/live/song/get/num_return_tracks", ())])
        if isinstance(names, Exception):
            raise names
        letters = RETURN_LETTERS[:int(_value(count, 0))]
        returns = await conn.gather([("/live/track/get/name", (letter,)) for letter in letters])
        return cls([str(n) for n in names], [str(_value(r, "")) for r in returns])

    def resolve(self, ref: Any) -> Any:
        """The OSC track reference for an index, a name, 'master', a return's name or letter."""
        if isinstance(ref, bool):
            raise LiveError("A track is named by its index or its name, not %r." % ref)
        if isinstance(ref, (int, float)) and float(ref).is_integer():
            index = int(ref)
            if 0 <= index < len(self.tracks):
                return index
            raise LiveError("There is no track %d: the set has %d tracks (%s)." % (index, len(self.tracks),
                                                                                  self.listing()))
        word = str(ref).strip()
        if word.isdigit():
            return self.resolve(int(word))
        if word.lower() in ("master", "main"):
            return "master"
        for names, refs in ((self.tracks, list(range(len(self.tracks)))), (self.returns, list(RETURN_LETTERS))):
            for compare in (lambda a: a, lambda a: a.lower()):
                for position, name in enumerate(names):
                    if compare(name) == compare(word):
                        return refs[position]
        if len(word) == 1 and word.upper() in RETURN_LETTERS[:len(self.returns)]:
            return word.upper()
        close = difflib.get_close_matches(word, self.tracks + self.returns, 3, 0.5)
        hint = (" Did you mean %s?" % " or ".join(repr(c) for c in close)) if close else ""
        raise LiveError("No track is named %r.%s The set has: %s." % (word, hint, self.listing()))

    def send_index(self, ref: Any) -> int:
        """The send index of a return track, given its letter, name or index."""
        resolved = self.resolve(ref) if not (isinstance(ref, int) and not isinstance(ref, bool)) else ref
        if isinstance(resolved, str) and resolved in RETURN_LETTERS:
            return RETURN_LETTERS.index(resolved)
        if isinstance(ref, int) and 0 <= ref < len(self.returns):
            return ref
        raise LiveError("%r is not a return track; sends go to %s." % (ref, ", ".join(
            "%s %r" % (RETURN_LETTERS[i], n) for i, n in enumerate(self.returns)) or "no return tracks"))

    def label(self, ref: Any) -> str:
        """A track reference as people read it."""
        if isinstance(ref, int):
            return self.tracks[ref] if 0 <= ref < len(self.tracks) else str(ref)
        if ref in RETURN_LETTERS and RETURN_LETTERS.index(ref) < len(self.returns):
            return self.returns[RETURN_LETTERS.index(ref)]
        return str(ref)

    def listing(self) -> str:
        """Every track as 'index name', the returns by letter."""
        parts = ["%d %r" % (i, n) for i, n in enumerate(self.tracks)]
        if len(parts) > MAX_LISTED:
            parts = parts[:MAX_LISTED] + ["... (%d more; set_overview pages through them)" % (len(parts) - MAX_LISTED)]
        parts += ["%s %r (return)" % (RETURN_LETTERS[i], n) for i, n in enumerate(self.returns)]
        parts.append("'master'")
        return ", ".join(parts)


# ---------------------------------------------------------------------- the set at a glance

async def set_overview(conn: Connection, track_offset: int = 0, track_count: int = 16, clips: bool = True,
                       devices: bool = True) -> Dict[str, Any]:
    """Tempo, scenes, locators, a page of tracks with their clips and devices, returns and master."""
    song_requests = [
        ("/live/song/get/tempo", ()), ("/live/song/get/signature_numerator", ()),
        ("/live/song/get/signature_denominator", ()), ("/live/song/get/is_playing", ()),
        ("/live/song/get/current_song_time", ()), ("/live/song/get/num_tracks", ()),
        ("/live/song/get/num_scenes", ()), ("/live/song/get/num_return_tracks", ()),
        ("/live/song/get/scenes/name", ()), ("/live/song/get/cue_points", ()),
        ("/live/song/get/loop", ()), ("/live/song/get/loop_start", ()), ("/live/song/get/loop_length", ()),
    ]
    (tempo, numerator, denominator, playing, position, num_tracks, num_scenes, num_returns, scene_names, cues,
     loop, loop_start, loop_length) = await conn.gather(song_requests)
    total = int(_value(num_tracks, 0))
    scenes = int(_value(num_scenes, 0))
    start = max(0, min(int(track_offset), total))
    count = max(1, min(int(track_count), MAX_PAGE))
    letters = RETURN_LETTERS[:int(_value(num_returns, 0))]
    props = TRACK_PROPS + (CLIP_PROPS if clips else ()) + (DEVICE_PROPS if devices else ())
    mixer = ("name", "volume", "panning", "mute", "solo")
    other_requests = []
    for ref in tuple(letters) + ("master",):
        other_requests += [("/live/track/get/%s" % prop, (ref,)) for prop in mixer]
        other_requests.append(("/live/track/get/devices/name", (ref,)))
    others, tracks = await asyncio.gather(conn.gather(other_requests),
                                          _track_page(conn, start, count, total, props, scenes, clips, devices))
    per = len(mixer) + 1

    def mixer_track(ref: str, results: List[Any]) -> Dict[str, Any]:
        item = {"track": ref}  # type: Dict[str, Any]
        for prop, result in zip(mixer, results):
            item["pan" if prop == "panning" else prop] = _value(result)
        item["devices"] = list(_value(results[-1], (), slice(1, None)) or ())
        return item

    returns = [mixer_track(letter, others[i * per:(i + 1) * per]) for i, letter in enumerate(letters)]
    master = mixer_track("master", others[len(letters) * per:])
    end = start + len(tracks)
    return {
        "song": {
            "tempo": _value(tempo), "time_signature": "%s/%s" % (_value(numerator), _value(denominator)),
            "is_playing": _value(playing), "position_beats": _value(position),
            "loop": {"on": _value(loop), "start": _value(loop_start), "length": _value(loop_length)},
            "num_tracks": total, "num_scenes": scenes, "num_return_tracks": len(letters),
        },
        "scenes": [{"index": i, "name": n} for i, n in enumerate(_value(scene_names, (), slice(0, None)) or ())],
        "locators": _locators(cues),
        "tracks": tracks,
        "page": {"track_offset": start, "track_count": len(tracks), "total_tracks": total,
                 "next_track_offset": end if end < total else None},
        "returns": returns,
        "master": master,
    }


async def _track_page(conn: Connection, start: int, count: int, total: int, props: Sequence[str], scenes: int,
                      clips: bool, devices: bool) -> List[Dict[str, Any]]:
    """A page of tracks from /live/song/get/track_data; a page too big for one datagram is halved."""
    while True:
        end = min(total, start + count)
        if end <= start:
            return []
        try:
            values = await conn.query("/live/song/get/track_data", start, end, *props)
        except LiveError as error:
            if "too large" in str(error) and count > 1:
                count = max(1, count // 2)
                continue
            raise
        return _parse_tracks([plain(v) for v in values], start, end, scenes, clips, devices)


def _parse_tracks(values: List[Any], start: int, end: int, scenes: int, clips: bool,
                  devices: bool) -> List[Dict[str, Any]]:
    tracks = []
    position = 0
    for index in range(start, end):
        (name, mute, solo, arm, volume, pan, midi, foldable, group, num_devices) = \
            values[position:position + len(TRACK_PROPS)]
        position += len(TRACK_PROPS)
        track = {"index": index, "name": name, "type": "group" if foldable else ("midi" if midi else "audio"),
                 "volume": volume, "pan": pan, "mute": mute, "solo": solo}  # type: Dict[str, Any]
        if arm is not None:
            track["arm"] = arm
        if group is not None:
            track["group"] = group
        if clips:
            names = values[position:position + scenes]
            lengths = values[position + scenes:position + 2 * scenes]
            playing = values[position + 2 * scenes:position + 3 * scenes]
            position += 3 * scenes
            track["clips"] = [{"slot": slot, "name": names[slot], "length": lengths[slot],
                               "playing": bool(playing[slot])}
                              for slot in range(scenes) if lengths[slot] is not None]
        if devices:
            count = int(num_devices or 0)
            names = values[position:position + count]
            classes = values[position + count:position + 2 * count]
            position += 2 * count
            track["devices"] = [{"index": i, "name": n, "class": c} for i, (n, c) in enumerate(zip(names, classes))]
        tracks.append(track)
    return tracks


# ---------------------------------------------------------------------- notes

_NOTE_NAME = re.compile(r"^\s*([A-Ga-g])([#b]?)(-?\d+)\s*$")
_SEMITONES = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}


def pitch_of(value: Any) -> int:
    """A MIDI pitch from a number or a note name as Live shows it (C3 = 60, F#2, Bb-1)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        pitch = int(value)
    else:
        match = _NOTE_NAME.match(str(value))
        if match is None:
            raise LiveError("pitch must be 0-127 or a note name such as 'C3' (= 60) or 'F#2', got %r" % (value,))
        letter, accidental, octave = match.groups()
        pitch = (int(octave) + 2) * 12 + _SEMITONES[letter.lower()] + {"#": 1, "b": -1, "": 0}[accidental]
    if not 0 <= pitch <= 127:
        raise LiveError("pitch %r is outside 0-127" % (value,))
    return pitch


def _number(note: Dict[str, Any], key: str, default: Optional[float], low: float, high: float) -> float:
    value = note.get(key, default)
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise LiveError("note %s must be a number from %g to %g, got %r" % (key, low, high, value))
    if not low <= value <= high:
        raise LiveError("note %s must be from %g to %g, got %r" % (key, low, high, value))
    return float(value)


def note_values(note: Dict[str, Any]) -> List[Any]:
    """The 8 values add/notes_extended takes for one note given by name."""
    if "pitch" not in note:
        raise LiveError("each note needs a pitch (0-127 or a name such as 'C3')")
    start = note.get("start", note.get("start_time"))
    return [
        pitch_of(note["pitch"]),
        _number({"start": start}, "start", None, 0.0, 1e6),
        _number(note, "duration", 1.0, 1e-6, 1e6),
        _number(note, "velocity", 100.0, 0.0, 127.0),
        bool(note.get("mute", False)),
        _number(note, "probability", 1.0, 0.0, 1.0),
        _number(note, "velocity_deviation", 0.0, -127.0, 127.0),
        _number(note, "release_velocity", 64.0, 0.0, 127.0),
    ]


async def write_notes(conn: Connection, track: Any, slot: int, notes: Sequence[Dict[str, Any]],
                      clip_length: Optional[float] = None, clip_name: Optional[str] = None,
                      replace: bool = False) -> Dict[str, Any]:
    """Write notes into a session clip, creating the clip (of clip_length beats) when the slot is empty."""
    specs = [note_values(dict(note)) for note in notes]
    if not specs:
        raise LiveError("give at least one note")
    names = await TrackNames.read(conn)
    ref = names.resolve(track)
    has_clip, numerator, denominator = await conn.gather([
        ("/live/clip_slot/get/has_clip", (ref, slot)), ("/live/song/get/signature_numerator", ()),
        ("/live/song/get/signature_denominator", ())])
    if isinstance(has_clip, Exception):
        raise has_clip
    created = not _value(has_clip)
    messages = []  # type: List[Tuple[str, Sequence[Any]]]
    length = None
    if created:
        bar = float(_value(numerator, 4)) * 4.0 / float(_value(denominator, 4))
        last = max(s[1] + s[2] for s in specs)
        length = float(clip_length) if clip_length else max(1, math.ceil(last / bar - 1e-9)) * bar
        if length <= 0:
            raise LiveError("clip_length must be more than 0 beats")
        messages.append(("/live/clip_slot/create_clip", (ref, slot, length)))
    if clip_name is not None:
        messages.append(("/live/clip/set/name", (ref, slot, clip_name)))
    if replace and not created:
        messages.append(("/live/clip/remove/notes", (ref, slot)))
    adds = []
    for offset in range(0, len(specs), NOTES_PER_MESSAGE):
        flat = [value for spec in specs[offset:offset + NOTES_PER_MESSAGE] for value in spec]
        adds.append(len(messages))
        messages.append(("/live/clip/add/notes_extended", [ref, slot] + flat))
    results = await conn.exchange(messages)
    ids = [note_id for position in adds for note_id in (results[position] or ())[2:]]
    result = {"track": ref, "track_name": names.label(ref), "slot": slot, "created_clip": created,
              "notes_added": len(specs), "note_ids": ids}  # type: Dict[str, Any]
    if length is not None:
        result["clip_length"] = length
    return result


# ---------------------------------------------------------------------- the browser

def _rank(wanted: str, name: str, path: str) -> Tuple[int, int, int]:
    base = name.rsplit(".", 1)[0] if "." in name and " " not in name.rsplit(".", 1)[1] else name
    lowered, key = base.lower(), wanted.lower()
    closeness = 0 if lowered == key or name.lower() == key else 1 if lowered.startswith(key) else 2
    return closeness, path.count("/"), len(name)


async def load_device(conn: Connection, name: str, track: Any, kind: str = "any",
                      slot: Optional[int] = None) -> Dict[str, Any]:
    """Find an instrument, effect, sample or preset in Live's browser by name and load it onto a track."""
    roots = BROWSER_ROOTS.get(kind)
    if roots is None:
        raise LiveError("kind must be one of %s" % ", ".join(sorted(BROWSER_ROOTS)))
    names = await TrackNames.read(conn)
    ref = names.resolve(track)
    if "/" in name or name.startswith("query:"):
        chosen = name  # a browser path or a URI as Live reports it
        found_path = name
    else:
        searches = await conn.gather([("/live/browser/search", (name, root, 6, 50)) for root in roots])
        candidates = []
        for result in searches:
            if isinstance(result, Exception):
                raise result
            flat = list(result[2:])
            for i in range(0, len(flat) - 3, 4):
                path, item_name, loadable = flat[i], flat[i + 1], flat[i + 2]
                candidates.append((_rank(name, str(item_name), str(path)), str(path), str(item_name), loadable))
        loadable = sorted(c for c in candidates if c[3])
        if not loadable:
            seen = ", ".join(sorted(set(c[1] for c in candidates))[:8])
            raise LiveError("Nothing loadable named %r in Live's browser%s.%s" % (
                name, "" if kind == "any" else " (%s)" % kind, (" Found only: %s" % seen) if seen else
                " Try another word, or list a folder with get /live/browser/get/children."))
        chosen = found_path = loadable[0][1]
    args = [chosen, ref] + ([slot] if slot is not None else [])
    (reply,) = await conn.exchange([("/live/browser/load", args)])
    landed = reply[0] if reply else ref
    result = {"loaded": reply[2] if reply and len(reply) > 2 else name, "browser_path": found_path,
              "track": landed, "device_index": reply[1] if reply and len(reply) > 1 else None}  # type: Dict[str, Any]
    if landed != ref:
        result["note"] = "Live put it on a new track %s (an instrument on an audio track makes a MIDI track)" % landed
    return result


# ---------------------------------------------------------------------- the arrangement

def _beats(item: Dict[str, Any], bar_beats: float, what: str) -> float:
    if item.get("time") is not None:
        value = item["time"]
    elif item.get("bar") is not None:
        value = (float(item["bar"]) - 1.0) * bar_beats
    else:
        raise LiveError("each %s needs a time (in beats) or a bar (1 is the start)" % what)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise LiveError("%s time must be 0 or more beats, got %r" % (what, value))
    return float(value)


async def arrange(conn: Connection, clips: Sequence[Dict[str, Any]] = (),
                  locators: Sequence[Dict[str, Any]] = ()) -> Dict[str, Any]:
    """Copy session clips into the arrangement at given times, and set named locators, in one undo step."""
    if not clips and not locators:
        raise LiveError("give clips to place and/or locators to set")
    names = await TrackNames.read(conn)
    numerator, denominator, cues, position = await conn.gather([
        ("/live/song/get/signature_numerator", ()), ("/live/song/get/signature_denominator", ()),
        ("/live/song/get/cue_points", ()), ("/live/song/get/current_song_time", ())])
    bar = float(_value(numerator, 4)) * 4.0 / float(_value(denominator, 4))
    messages = []  # type: List[Tuple[str, Sequence[Any]]]
    placed = []
    for clip in clips:
        if "track" not in clip or "slot" not in clip:
            raise LiveError("each clip needs its track and slot (scene index)")
        ref = names.resolve(clip["track"])
        time = _beats(clip, bar, "clip")
        placed.append((len(messages), ref, clip["slot"], time))
        messages.append(("/live/clip/duplicate_to_arrangement", (ref, int(clip["slot"]), time)))
    existing = [loc["time"] for loc in _locators(cues)]
    wanted = [(_beats(locator, bar, "locator"), str(locator.get("name") or "")) for locator in locators]
    added = False
    for time, _name in wanted:
        if not any(abs(t - time) < 1e-6 for t in existing):
            # Live adds a locator at the play position only: move there, add, and move back after.
            messages.append(("/live/song/set/current_song_time", (time,)))
            messages.append(("/live/song/cue_point/add_or_delete", ()))
            existing.append(time)
            added = True
    if added:
        messages.append(("/live/song/set/current_song_time", (float(_value(position, 0.0)),)))
    # Locators are renamed by index: the second bundle finds each by its time in the list read
    # after the first, and both run in one undo step.
    reading = len(messages) + 1
    messages = [(BEGIN_UNDO, ())] + messages + [("/live/song/get/cue_points", ())]
    finished = False
    try:
        results = await conn.exchange(messages, undo_step=False)
        now = _locators(results[reading])
        renames = []
        for time, name in wanted:
            index = next((loc["index"] for loc in now if abs(loc["time"] - time) < 1e-6), None)
            if name and index is not None:
                renames.append(("/live/song/cue_point/set/name", (index, name)))
        finished = True
        final = await conn.exchange(renames + [(END_UNDO, ()), ("/live/song/get/cue_points", ())], undo_step=False)
    finally:
        if not finished:
            await conn.exchange([(END_UNDO, ())], undo_step=False)
    return {
        "clips": [{"track": ref, "track_name": names.label(ref), "slot": slot, "time": time,
                   "arrangement_clip_index": (results[at + 1] or (None, None, None))[-1]}
                  for at, ref, slot, time in placed],
        "locators": _locators(final[-1]),
    }


# ---------------------------------------------------------------------- the mixer

MIX_RANGES = {"volume": (0.0, 1.0), "pan": (-1.0, 1.0), "send": (0.0, 1.0)}


def _level(value: Any, what: str) -> float:
    low, high = MIX_RANGES[what]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise LiveError("%s must be a number from %g to %g, got %r" % (what, low, high, value))
    return float(value)


async def mix(conn: Connection, tracks: Sequence[Dict[str, Any]]) -> Dict[str, Any]:
    """Set volume, pan, sends, mute, solo and arm of tracks named as in the set, in one undo step."""
    if not tracks:
        raise LiveError("give at least one track to change")
    names = await TrackNames.read(conn)
    messages = []  # type: List[Tuple[str, Sequence[Any]]]
    reads = []  # (track ref, key, position of its get)
    for change in tracks:
        if "track" not in change:
            raise LiveError("each change needs the track (its name or index)")
        ref = names.resolve(change["track"])
        plan = []  # (key, set address, args, get address, get args)
        for key, prop in (("volume", "volume"), ("pan", "panning")):
            if change.get(key) is not None:
                plan.append((key, "/live/track/set/" + prop, (ref, _level(change[key], key)),
                             "/live/track/get/" + prop, (ref,)))
        for key in ("mute", "solo", "arm"):
            if change.get(key) is not None:
                plan.append((key, "/live/track/set/" + key, (ref, bool(change[key])), "/live/track/get/" + key, (ref,)))
        for target, level in sorted((change.get("sends") or {}).items()):
            send = names.send_index(int(target) if str(target).isdigit() else target)
            plan.append(("send %s" % RETURN_LETTERS[send], "/live/track/set/send", (ref, send, _level(level, "send")),
                         "/live/track/get/send", (ref, send)))
        if not plan:
            raise LiveError("nothing to change for track %r: give volume, pan, sends, mute, solo or arm"
                            % change["track"])
        for key, set_address, set_args, _get, _get_args in plan:
            messages.append((set_address, set_args))
        for key, _set, _args, get_address, get_args in plan:
            reads.append((ref, key, len(messages)))
            messages.append((get_address, get_args))
    results = await conn.exchange(messages)
    now = {}  # type: Dict[Any, Dict[str, Any]]
    for ref, key, position in reads:
        entry = now.setdefault(ref, {"track": ref, "track_name": names.label(ref)})
        entry[key] = _value(results[position])
    return {"tracks": list(now.values())}


# ---------------------------------------------------------------------- undo

async def undo(conn: Connection, steps: int = 1, redo: bool = False) -> Dict[str, Any]:
    """Undo (or redo) the last changes, as Live's Edit menu does."""
    steps = max(1, min(int(steps), 50))
    can = "/live/song/get/can_redo" if redo else "/live/song/get/can_undo"
    if not _value(await conn.query(can)):
        return {"done": 0, "note": "nothing to %s" % ("redo" if redo else "undo")}
    messages = [("/live/song/redo" if redo else "/live/song/undo", ())] * steps
    messages += [("/live/song/get/can_undo", ()), ("/live/song/get/can_redo", ())]
    results = await conn.exchange(messages, undo_step=False)
    return {"done": steps, "action": "redo" if redo else "undo",
            "can_undo": _value(results[-2]), "can_redo": _value(results[-1])}
