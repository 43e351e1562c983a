"""Reading a Live Set file (``.als``: gzip-compressed XML) into a set dict.

Understands the layouts Live 10, 11 and 12 save: tracks by kind (the element name), names,
palette colours, grouping, mixer values, clip slots with MIDI and audio clips (loop, markers,
notes), arrangement clips, devices by class with their racks' chains and drum pads, return
tracks, the main track, scenes, tempo, time signature and locators.
"""
import gzip
import math
import xml.etree.ElementTree as ET
import zlib

from .devices import RACKS, device_kind, display_name
from .errors import SetError
from .palette import color_for_index

TRACK_KINDS = {"MidiTrack": "midi", "AudioTrack": "audio", "GroupTrack": "group"}
DENOMINATORS = (1, 2, 4, 8, 16)
MIN_GAIN = 0.0003162277571  # -70 dB, Live's "-inf" for faders and sends


def read_als(path):
    """Parse the ``.als`` file at ``path`` into a set dict; SetError if it cannot be read."""
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
    except (OSError, EOFError, zlib.error) as exc:
        raise SetError("%s: not a readable Live Set (.als is gzip-compressed XML): %s" % (path, exc))
    return parse_als(data, path)


def parse_als(data, source="<als>"):
    """Parse the XML bytes of a Live Set into a set dict."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SetError("%s: the Live Set's XML is malformed: %s" % (source, exc))
    live_set = root.find("LiveSet")
    if root.tag != "Ableton" or live_set is None:
        raise SetError("%s: not a Live Set (no <Ableton><LiveSet>)" % source)
    return _LiveSetReader(live_set, source).read()


# --- small XML helpers ------------------------------------------------------------------------
def _value(elem, path, default=None):
    node = elem.find(path) if path else elem
    if node is None:
        return default
    value = node.get("Value")
    return default if value is None else value


def _float(elem, path, default=0.0):
    value = _value(elem, path)
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


def _int(elem, path, default=0):
    value = _value(elem, path)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _bool(elem, path, default=False):
    value = _value(elem, path)
    return default if value is None else value == "true"


def _name(elem):
    name = elem.find("Name")
    if name is None:
        return ""
    if name.get("Value") is not None:
        return name.get("Value")
    return _value(name, "EffectiveName") or _value(name, "UserName", "")


def _color(elem):
    for tag in ("Color", "ColorIndex"):
        if elem.find(tag) is not None:
            return color_for_index(_int(elem, tag, -1))
    return None


def _fader(gain):
    """Live's fader position (0..1, 0.85 = 0 dB, 1 = +6 dB) for a linear gain."""
    if gain <= MIN_GAIN:
        return 0.0
    db = 20.0 * math.log10(gain)
    return round(max(0.0, min(1.0, 0.85 + db / 40.0)), 6)


def _send(gain):
    """A send's position (0..1, 1 = 0 dB) for a linear gain."""
    if gain <= MIN_GAIN:
        return 0.0
    db = 20.0 * math.log10(gain)
    return round(max(0.0, min(1.0, 1.0 + db / 40.0)), 6)


def _time_signature(encoded):
    """Live stores a signature as (numerator - 1) + 99 * log2(denominator)."""
    index, numerator = divmod(encoded, 99)
    return numerator + 1, DENOMINATORS[min(index, len(DENOMINATORS) - 1)]


def _first(elem, tag):
    """The nearest descendant ``tag`` (breadth first), so nested racks are not mixed in."""
    queue = list(elem)
    while queue:
        node = queue.pop(0)
        if node.tag == tag:
            return node
        queue.extend(list(node))
    return None


# --- devices ---------------------------------------------------------------------------------
def _parameter_value(text):
    if text in ("true", "false"):
        return 1.0 if text == "true" else 0.0, True
    try:
        return float(text), False
    except ValueError:
        return None, False


def _parameters(device):
    params = []
    on = device.find("On")
    if on is not None:
        params.append({"name": "Device On", "value": 1.0 if _bool(on, "Manual", True) else 0.0, "min": 0.0,
                       "max": 1.0, "is_quantized": True, "value_items": ["Off", "On"]})
    for child in device:
        if child.tag == "On" or child.find("AutomationTarget") is None or child.find("Manual") is None:
            continue
        value, is_bool = _parameter_value(_value(child, "Manual"))
        if value is None:
            continue
        param = {"name": child.tag, "value": value}
        if is_bool:
            param.update({"min": 0.0, "max": 1.0, "is_quantized": True, "value_items": ["Off", "On"]})
        else:
            lo = _float(child, "MidiControllerRange/Min", min(0.0, value))
            hi = _float(child, "MidiControllerRange/Max", max(1.0, value))
            param.update({"min": min(lo, value), "max": max(hi, value), "is_quantized": False})
        params.append(param)
    return params


def _chains(device):
    branches = device.find("Branches")
    if branches is None:
        return []
    chains = []
    for branch in branches:
        chain = {"name": _name(branch), "devices": _devices_of(branch)}
        color = _color(branch)
        if color is not None:
            chain["color"] = color
        chains.append((branch, chain))
    return chains


def _receiving_note(branch):
    # Drum branches store the pad note inverted (128 - note).
    for path in ("BranchInfo/ReceivingNote", "ZoneSettings/ReceivingNote"):
        value = _value(branch, path)
        if value is not None:
            return 128 - int(value)
    return None


def _device(elem):
    class_name = elem.tag
    user_name = _value(elem, "UserName", "")
    device = {"name": user_name or display_name(class_name), "class_name": class_name, "type": device_kind(class_name),
              "parameters": _parameters(elem)}
    if class_name in RACKS:
        chains = _chains(elem)
        if class_name == "DrumGroupDevice":
            pads = {}
            for branch, chain in chains:
                note = _receiving_note(branch)
                if note is not None and 0 <= note <= 127:
                    pads.setdefault(note, {"note": note, "name": chain["name"], "chains": []})["chains"].append(chain)
            device["drum_pads"] = [pads[n] for n in sorted(pads)]
        device["chains"] = [chain for _, chain in chains]
    return device


def _devices_of(container):
    devices = _first(container, "Devices")
    return [_device(d) for d in devices] if devices is not None else []


# --- clips -----------------------------------------------------------------------------------
def _notes(clip):
    notes = []
    for key_track in clip.iter("KeyTrack"):
        pitch = _int(key_track, "MidiKey", 60)
        for event in key_track.iter("MidiNoteEvent"):
            note = {"pitch": pitch, "start_time": float(event.get("Time", 0)),
                    "duration": float(event.get("Duration", 0)), "velocity": float(event.get("Velocity", 100)),
                    "mute": event.get("IsEnabled", "true") != "true"}
            for attr, key in (("Probability", "probability"), ("VelocityDeviation", "velocity_deviation"),
                              ("OffVelocity", "release_velocity")):
                if event.get(attr) is not None:
                    note[key] = float(event.get(attr))
            notes.append(note)
    notes.sort(key=lambda n: (n["start_time"], n["pitch"]))
    return notes


def _clip(elem):
    looping = _bool(elem, "Loop/LoopOn")
    loop_start = _float(elem, "Loop/LoopStart")
    loop_end = _float(elem, "Loop/LoopEnd")
    start_marker = loop_start + _float(elem, "Loop/StartRelative")
    end_marker = _float(elem, "Loop/OutMarker", loop_end)
    clip = {"name": _value(elem, "Name", ""), "length": (loop_end - loop_start) if looping else (end_marker - start_marker),
            "looping": looping, "loop_start": loop_start, "loop_end": loop_end, "start_marker": start_marker,
            "end_marker": end_marker, "launch_mode": _int(elem, "LaunchMode"),
            "launch_quantization": _int(elem, "LaunchQuantisation")}
    color = _color(elem)
    if color is not None:
        clip["color"] = color
    clip["muted"] = _bool(elem, "Disabled")
    clip["legato"] = _bool(elem, "Legato")
    clip["velocity_amount"] = max(0.0, min(1.0, _float(elem, "VelocityAmount")))
    signature = elem.find("TimeSignature/TimeSignatures/RemoteableTimeSignature")
    if signature is not None:
        denominator = _int(signature, "Denominator", 4)
        clip["signature_numerator"] = _int(signature, "Numerator", 4)
        clip["signature_denominator"] = denominator if denominator in DENOMINATORS else 4
    if elem.tag == "AudioClip":
        clip["audio"] = True
        clip["warping"] = _bool(elem, "IsWarped")
        clip["warp_mode"] = _int(elem, "WarpMode")
        clip["ram_mode"] = _bool(elem, "Ram")
        clip["pitch_coarse"] = _int(elem, "PitchCoarse")
        clip["pitch_fine"] = _float(elem, "PitchFine")
        file_name = _value(elem, "SampleRef/FileRef/Name")
        path = _value(elem, "SampleRef/FileRef/Path")
        if path or file_name:
            clip["file_path"] = path or file_name
    else:
        clip["notes"] = _notes(elem)
    return clip


def _slot_clips(track):
    slots = track.find("DeviceChain/MainSequencer/ClipSlotList")
    if slots is None:
        return []
    clips = []
    for slot in slots:
        value = slot.find("ClipSlot/Value")
        clip_elem = next((c for c in value if c.tag in ("MidiClip", "AudioClip")), None) if value is not None else None
        clips.append(_clip(clip_elem) if clip_elem is not None else None)
    return clips


def _arrangement_clips(track):
    clips = []
    sequencer = track.find("DeviceChain/MainSequencer")
    if sequencer is None:
        return clips
    for path in ("ClipTimeable/ArrangerAutomation/Events", "Sample/ArrangerAutomation/Events"):
        events = sequencer.find(path)
        if events is None:
            continue
        for elem in events:
            if elem.tag in ("MidiClip", "AudioClip"):
                clip = _clip(elem)
                clip["start_time"] = float(elem.get("Time", _float(elem, "CurrentStart")))
                clips.append(clip)
    return clips


# --- tracks, scenes, the set -----------------------------------------------------------------
class _LiveSetReader(object):
    def __init__(self, live_set, source):
        self.live_set = live_set
        self.source = source

    def read(self):
        ls = self.live_set
        tracks_elem = ls.find("Tracks")
        if tracks_elem is None:
            raise SetError("%s: the Live Set has no <Tracks>" % self.source)
        regular = [t for t in tracks_elem if t.tag in TRACK_KINDS]
        returns = [t for t in tracks_elem if t.tag == "ReturnTrack"] + list(ls.findall("ReturnTracks/ReturnTrack"))
        main = ls.find("MainTrack")
        if main is None:
            main = ls.find("MasterTrack")
        result = {"tracks": self._tracks(regular, len(returns)), "returns": [self._return(t) for t in returns],
                  "scenes": self._scenes()}
        if main is not None:
            mixer = main.find("DeviceChain/Mixer")
            tempo = _float(mixer, "Tempo/Manual", 120.0) if mixer is not None else 120.0
            result["tempo"] = max(20.0, min(999.0, tempo))
            if mixer is not None and mixer.find("TimeSignature/Manual") is not None:
                numerator, denominator = _time_signature(_int(mixer, "TimeSignature/Manual", 201))
                result["signature_numerator"] = numerator
                result["signature_denominator"] = denominator
            result["master"] = self._master(main)
        result["cue_points"] = [{"name": _value(loc, "Name", ""), "time": _float(loc, "Time")}
                                for loc in ls.findall("Locators/Locators/Locator")]
        transport = ls.find("Transport")
        if transport is not None:
            result["loop"] = _bool(transport, "LoopOn")
            result["loop_start"] = max(0.0, _float(transport, "LoopStart"))
            result["loop_length"] = max(0.0, _float(transport, "LoopLength", 16.0))
        scenes = len(result["scenes"])
        for track in result["tracks"]:
            del track.get("clips", [])[scenes:]
        return result

    def _mixer(self, track, entry, n_returns=None):
        mixer = track.find("DeviceChain/Mixer")
        if mixer is None:
            return
        entry["volume"] = _fader(_float(mixer, "Volume/Manual", 1.0))
        entry["panning"] = max(-1.0, min(1.0, _float(mixer, "Pan/Manual", 0.0)))
        if n_returns is not None:
            entry["mute"] = not _bool(mixer, "Speaker/Manual", True)
            entry["solo"] = _bool(mixer, "SoloSink")
            sends = [_send(_float(h, "Send/Manual", 0.0)) for h in mixer.findall("Sends/TrackSendHolder")]
            entry["sends"] = sends[:n_returns]

    def _track_base(self, elem):
        entry = {"name": _name(elem)}
        color = _color(elem)
        if color is not None:
            entry["color"] = color
        return entry

    def _tracks(self, elems, n_returns):
        index_of_id = {}
        tracks = []
        for i, elem in enumerate(elems):
            index_of_id[elem.get("Id")] = i
            kind = TRACK_KINDS[elem.tag]
            entry = {"type": kind}
            entry.update(self._track_base(elem))
            group_id = _value(elem, "TrackGroupId", "-1")
            group = index_of_id.get(group_id) if group_id != "-1" else None
            entry["group"] = group if group is not None and elems[group].tag == "GroupTrack" else None
            self._mixer(elem, entry, n_returns)
            if kind == "group":
                entry["fold_state"] = not _bool(elem, "TrackUnfolded", True)
            else:
                entry["arm"] = _bool(elem, "DeviceChain/MainSequencer/Recorder/IsArmed")
                entry["clips"] = _slot_clips(elem)
                entry["arrangement_clips"] = _arrangement_clips(elem)
            entry["devices"] = [_device(d) for d in self._devices(elem)]
            tracks.append(entry)
        return tracks

    def _devices(self, track):
        devices = track.find("DeviceChain/DeviceChain/Devices")
        return list(devices) if devices is not None else []

    def _return(self, elem):
        entry = self._track_base(elem)
        self._mixer(elem, entry, n_returns=0)
        entry.pop("sends", None)
        entry["devices"] = [_device(d) for d in self._devices(elem)]
        return entry

    def _master(self, elem):
        entry = self._track_base(elem)
        self._mixer(elem, entry)
        entry["devices"] = [_device(d) for d in self._devices(elem)]
        return entry

    def _scenes(self):
        ls = self.live_set
        scenes = []
        modern = ls.findall("Scenes/Scene")
        if modern:
            for elem in modern:
                scene = {"name": _value(elem, "Name", "")}
                color = _color(elem)
                if color is not None:
                    scene["color"] = color
                scene["tempo"] = _float(elem, "Tempo", 120.0) if _bool(elem, "IsTempoEnabled") else None
                enabled = _bool(elem, "IsTimeSignatureEnabled")
                scene["time_signature"] = (list(_time_signature(_int(elem, "TimeSignatureId", 201)))
                                           if enabled else None)
                scenes.append(scene)
            return scenes
        for elem in ls.findall("SceneNames/Scene"):
            scenes.append({"name": elem.get("Value", "")})
        return scenes
