"""The objects an address can name, and how index arguments find them in the Live set.

Each kind turns its leading index arguments into Live objects (``resolve``) and, for
listeners that follow an object when the set changes, turns an object back into its current
index arguments (``locate``). A track reference is an index, ``"*"`` for every track,
``"master"``, or a return track's letter ``"A"``..``"L"``; replies echo it as given.
"""

from typing import Tuple

from .errors import HandlerError, NoSuchObject
from .types import ArgumentError, to_int

RETURN_LETTERS = "ABCDEFGHIJKL"


class Kind(object):
    """An object kind: its name and the index arguments that select one."""

    name = ""
    live_class = ""  # the Live class its objects are, for the coverage report
    members = ()  # type: Tuple[str, ...]  # the Live members that resolving a reference reaches
    index_names = ()  # type: Tuple[str, ...]  # names of the index arguments, in order
    index_types = ()  # type: Tuple[str, ...]  # their type letters (see types.TYPE_NAMES)

    def resolve(self, song, values):
        """Return a list of (echo, obj) for the index values (several for a wildcard)."""
        raise NotImplementedError

    def locate(self, song, obj, echo):
        """Return the object's current echo (index arguments), or None when it is gone."""
        return echo

    def describe(self, obj):
        """A short human name of the object, for notices."""
        return self.name


def _alive(obj):
    # Live's wrappers of deleted objects compare equal to None.
    return obj is not None and not (obj == None)  # noqa: E711


def span(count, names=None):
    """The indices 0..count-1 as text ("0-3", "0"), or letters from ``names`` ("A-B"); None when count is 0."""
    if count <= 0:
        return None
    first, last = (names[0], names[count - 1]) if names else (0, count - 1)
    return "%s" % first if count == 1 else "%s-%s" % (first, last)


def _has(noun, count, plural=None, names=None):
    """ "tracks 0-3", "track 0", or "no tracks"."""
    plural = plural or noun + "s"
    text = span(count, names)
    if text is None:
        return "no " + plural
    return "%s %s" % (noun if count == 1 else plural, text)


def item(vector, index, noun, owner="the set"):
    """vector[index]; past its end, a HandlerError naming the index and the indices there are."""
    try:
        return vector[index]
    except IndexError as error:
        raise NoSuchObject("No %s %s: %s has %s (Live: %s)" % (noun, index, owner, _has(noun, len(vector)), error))


def no_track(song, ref):
    """The error for a track reference the set does not have: which tracks and returns it has."""
    returns = len(song.return_tracks)
    what = "return track" if isinstance(ref, str) else "track"
    return NoSuchObject("No %s %s: the set has %s and %s (Live: Index out of range)" % (
        what, ref, _has("track", len(song.tracks)),
        _has("return", returns, names=RETURN_LETTERS) if returns <= len(RETURN_LETTERS) else "%d returns" % returns))


def find_index(vector, obj, hint=None):
    """The index of obj in a Live vector (comparing with ==), trying `hint` first."""
    if hint is not None and isinstance(hint, int) and 0 <= hint < len(vector):
        if vector[hint] == obj:
            return hint
    for index, item in enumerate(vector):
        if item == obj:
            return index
    return None


class SongKind(Kind):
    live_class = "Song"
    name = "song"

    def resolve(self, song, values):
        return [((), song)]


def parse_track_ref(value):
    """Normalise a track reference: an int index, '*', 'master', or a return letter."""
    if isinstance(value, str):
        word = value.strip()
        if word == "*":
            return "*"
        if word.lower() in ("master", "main"):
            return "master"
        if len(word) == 1 and word.upper() in RETURN_LETTERS:
            return word.upper()
        try:
            return int(word)
        except ValueError:
            raise ArgumentError(
                "track_id must be a track index, '*', 'master' or a return letter A-L, got %r" % value
            )
    return to_int(value, "track_id")


def track_for_ref(song, ref):
    """The Live track a (normalised, non-wildcard) reference names."""
    if ref == "master":
        return song.master_track
    if isinstance(ref, str):
        index = RETURN_LETTERS.index(ref)
        returns = song.return_tracks
        if index >= len(returns):
            raise no_track(song, ref)
        return returns[index]
    try:
        return song.tracks[ref]
    except IndexError:
        raise no_track(song, ref)


def locate_track(song, track, echo_ref):
    """The current reference of a track: its index, or its master/return name as given."""
    if isinstance(echo_ref, str) and echo_ref != "*":
        if echo_ref.lower() in ("master", "main"):
            return echo_ref if _alive(track) else None
        index = find_index(song.return_tracks, track)
        if index is None:
            return None
        return RETURN_LETTERS[index] if len(echo_ref) == 1 else echo_ref
    index = find_index(song.tracks, track, echo_ref if isinstance(echo_ref, int) else None)
    if index is not None:
        return index
    return None


class TrackKind(Kind):
    live_class = "Track"
    members = ("Song.tracks", "Song.master_track", "Song.return_tracks")
    name = "track"
    index_names = ("track_id",)
    index_types = ("T",)

    def resolve(self, song, values):
        raw = values[0]
        if raw.__class__ is int:  # the common case, without parse_track_ref's checks
            try:
                return [((raw,), song.tracks[raw])]
            except IndexError:
                raise no_track(song, raw)
        ref = parse_track_ref(raw)
        if ref == "*":
            return [((index,), track) for index, track in enumerate(song.tracks)]
        echo = raw if isinstance(ref, str) else ref
        return [((echo,), track_for_ref(song, ref))]

    def locate(self, song, obj, echo):
        ref = locate_track(song, obj, echo[0])
        return None if ref is None else (ref,) + tuple(echo[1:])


class ClipSlotKind(Kind):
    live_class = "ClipSlot"
    members = TrackKind.members + ("Track.clip_slots",)
    name = "clip_slot"
    index_names = ("track_id", "clip_id")
    index_types = ("T", "i")

    def resolve(self, song, values):
        slot_index = to_int(values[1], "clip_id")
        return [
            ((echo[0], slot_index), item(track.clip_slots, slot_index, "clip slot", "track %s" % (echo[0],)))
            for echo, track in TRACK.resolve(song, values[:1])
        ]

    def locate(self, song, obj, echo):
        return _locate_in_tracks(song, echo, lambda track: track.clip_slots, obj)


class ClipKind(Kind):
    live_class = "Clip"
    members = ClipSlotKind.members + ("ClipSlot.clip",)
    name = "clip"
    index_names = ("track_id", "clip_id")
    index_types = ("T", "i")

    def resolve(self, song, values):
        result = []
        for echo, slot in CLIP_SLOT.resolve(song, values):
            clip = slot.clip
            if clip is None:
                raise HandlerError("No clip in track %s, slot %s" % echo)
            result.append((echo, clip))
        return result

    def locate(self, song, obj, echo):
        def clips(track):
            return [slot.clip for slot in track.clip_slots]

        return _locate_in_tracks(song, echo, clips, obj)


def _locate_in_tracks(song, echo, children, obj):
    """Find obj among children(track) of the echoed track first, then of every track."""
    if not _alive(obj):
        return None
    first = echo[0]
    try:
        track = track_for_ref(song, parse_track_ref(first))
        items = children(track)
        index = find_index(items, obj, echo[1] if len(echo) > 1 else None)
        if index is not None:
            return (first, index) + tuple(echo[2:])
    except (IndexError, HandlerError, ArgumentError):
        pass
    for track_index, track in enumerate(song.tracks):
        index = find_index(children(track), obj)
        if index is not None:
            return (track_index, index) + tuple(echo[2:])
    return None


class SceneKind(Kind):
    live_class = "Scene"
    members = ("Song.scenes",)
    name = "scene"
    index_names = ("scene_id",)
    index_types = ("i",)

    def resolve(self, song, values):
        index = to_int(values[0], "scene_id")
        return [((index,), item(song.scenes, index, "scene"))]

    def locate(self, song, obj, echo):
        if not _alive(obj):
            return None
        index = find_index(song.scenes, obj, echo[0])
        return None if index is None else (index,) + tuple(echo[1:])


def parse_device_path(value):
    """A device reference: an index, or a path "D.C.D..." through racks' chains ("R0": return chain 0)."""
    if isinstance(value, str):
        parts = value.strip().split(".")
        if len(parts) % 2 == 0:
            raise ArgumentError("a device path alternates device and chain indices and ends on a device: %r" % value)
        path = []
        try:
            for position, part in enumerate(parts):
                if position % 2 and part[:1] in ("R", "r"):
                    path.append("R%d" % int(part[1:]))
                else:
                    path.append(int(part))
        except ValueError:
            raise ArgumentError("device_id must be an index or a path like '0.1.2', got %r" % value)
        return tuple(path)
    return (to_int(value, "device_id"),)


def device_for_path(track, path, owner="the track"):
    """The device a path names, walking device -> chain -> device from the track."""
    device = item(track.devices, path[0], "device", owner)
    for position in range(1, len(path), 2):
        here = ".".join(str(p) for p in path[:position])
        if not device.can_have_chains:
            raise HandlerError("Device %s has no chains" % here)
        step = path[position]
        chains = device.return_chains if isinstance(step, str) else device.chains
        chain = item(chains, int(step[1:]) if isinstance(step, str) else step,
                     "return chain" if isinstance(step, str) else "chain", "device %s" % here)
        device = item(chain.devices, path[position + 1], "device", "chain %s.%s" % (here, step))
    return device


def _device_paths(devices, prefix=()):
    for index, device in enumerate(devices):
        path = prefix + (index,)
        yield path, device
        if getattr(device, "can_have_chains", False):
            for chain_index, chain in enumerate(device.chains):
                for item in _device_paths(chain.devices, path + (chain_index,)):
                    yield item
            for chain_index, chain in enumerate(device.return_chains):
                for item in _device_paths(chain.devices, path + ("R%d" % chain_index,)):
                    yield item


class DeviceKind(Kind):
    live_class = "Device"
    members = TrackKind.members + ("Track.devices", "RackDevice.chains", "Chain.devices")
    name = "device"
    index_names = ("track_id", "device_id")
    index_types = ("T", "D")

    def resolve(self, song, values):
        path = parse_device_path(values[1])
        echo_device = values[1] if isinstance(values[1], str) else path[0]
        return [((echo[0], echo_device), device_for_path(track, path, "track %s" % (echo[0],)))
                for echo, track in TRACK.resolve(song, values[:1])]

    def locate(self, song, obj, echo):
        if not _alive(obj):
            return None
        candidates = []
        try:
            candidates.append((echo[0], track_for_ref(song, parse_track_ref(echo[0]))))
        except (IndexError, HandlerError, ArgumentError):
            pass
        candidates.extend(enumerate(song.tracks))
        for ref, track in candidates:
            for path, device in _device_paths(track.devices):
                if device == obj:
                    device_echo = path[0] if len(path) == 1 and not isinstance(echo[1], str) else ".".join(
                        str(p) for p in path
                    )
                    return (ref, device_echo) + tuple(echo[2:])
        return None


class ArrangementClipKind(Kind):
    name = "arrangement_clip"
    live_class = "Clip"
    members = TrackKind.members + ("Track.arrangement_clips",)
    index_names = ("track_id", "clip_index")
    index_types = ("T", "i")

    def resolve(self, song, values):
        index = to_int(values[1], "clip_index")
        return [((echo[0], index), item(track.arrangement_clips, index, "arrangement clip", "track %s" % (echo[0],)))
                for echo, track in TRACK.resolve(song, values[:1])]

    def locate(self, song, obj, echo):
        return _locate_in_tracks(song, echo, lambda track: track.arrangement_clips, obj)


class ChainKind(Kind):
    name = "chain"
    live_class = "Chain"
    members = DeviceKind.members + ("RackDevice.chains",)
    index_names = ("track_id", "device_id", "chain_id")
    index_types = ("T", "D", "i")

    def resolve(self, song, values):
        index = to_int(values[2], "chain_id")
        result = []
        for echo, device in DEVICE.resolve(song, values[:2]):
            if not device.can_have_chains:
                raise HandlerError("Device %s of track %s has no chains" % (echo[1], echo[0]))
            result.append((echo + (index,), item(device.chains, index, "chain", "device %s of track %s"
                                                 % (echo[1], echo[0]))))
        return result

    def locate(self, song, obj, echo):
        if not _alive(obj):
            return None
        try:
            for echo_now, device in DEVICE.resolve(song, echo[:2]):
                index = find_index(device.chains, obj, echo[2])
                if index is not None:
                    return echo_now + (index,) + tuple(echo[3:])
        except (IndexError, HandlerError, ArgumentError):
            pass
        return None


class DrumPadKind(Kind):
    name = "drum_pad"
    live_class = "DrumPad"
    members = DeviceKind.members + ("RackDevice.drum_pads",)
    index_names = ("track_id", "device_id", "note")
    index_types = ("T", "D", "i")

    def resolve(self, song, values):
        note = to_int(values[2], "note")
        if not 0 <= note <= 127:
            raise HandlerError("note must be 0-127, got %d" % note)
        result = []
        for echo, device in DEVICE.resolve(song, values[:2]):
            if not device.can_have_drum_pads:
                raise HandlerError("Device %s of track %s is not a Drum Rack" % (echo[1], echo[0]))
            result.append((echo + (note,), device.drum_pads[note]))
        return result

    def locate(self, song, obj, echo):
        # A pad belongs to its rack for good and keeps its note.
        return echo if _alive(obj) else None


SONG = SongKind()
TRACK = TrackKind()
CLIP_SLOT = ClipSlotKind()
CLIP = ClipKind()
SCENE = SceneKind()
DEVICE = DeviceKind()
ARRANGEMENT_CLIP = ArrangementClipKind()
CHAIN = ChainKind()
DRUM_PAD = DrumPadKind()

KINDS = {kind.name: kind for kind in (SONG, TRACK, CLIP_SLOT, CLIP, SCENE, DEVICE, ARRANGEMENT_CLIP, CHAIN, DRUM_PAD)}
