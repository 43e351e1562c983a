"""What Live shows for a Live Set, read straight from its XML by a reader of its own (not livesim's).

Kept deliberately small and separate from livesim/sets so the two readers check each other: this
one walks a full ElementTree with plain paths and answers in the shapes AbletonOSC replies with.
Values livesim adjusts (and reports) are marked so the comparison leaves them out.
"""
import gzip
import xml.etree.ElementTree as ET

KINDS = ("MidiTrack", "AudioTrack", "GroupTrack")


def _v(elem, path, default=None):
    node = elem.find(path) if elem is not None else None
    if node is None or node.get("Value") is None:
        return default
    return node.get("Value")


def _f(elem, path, default=0.0):
    return float(_v(elem, path, default))


def _b(elem, path, default=False):
    v = _v(elem, path)
    return default if v is None else v == "true"


def _name(elem):
    node = elem.find("Name")
    if node is None:
        return ""
    return node.get("Value") if node.get("Value") is not None else (
        _v(node, "EffectiveName") or _v(node, "UserName", ""))


def _signature(code):
    numerator = code % 99 + 1
    return numerator, 2 ** (code // 99)


class Truth(object):
    """The facts of one set file."""

    def __init__(self, path):
        with gzip.open(path, "rb") as f:
            self.root = ET.fromstring(f.read())
        self.ls = self.root.find("LiveSet")
        all_tracks = list(self.ls.find("Tracks"))
        self.track_elems = [t for t in all_tracks if t.tag in KINDS]
        self.return_elems = [t for t in all_tracks if t.tag == "ReturnTrack"]
        self.main = self.ls.find("MainTrack") if self.ls.find("MainTrack") is not None else self.ls.find("MasterTrack")

    # -- song
    def tempo(self):
        return _f(self.main, "DeviceChain/Mixer/Tempo/Manual", 120.0)

    def signature(self):
        return _signature(int(_v(self.main, "DeviceChain/Mixer/TimeSignature/Manual", "201")))

    def loop(self):
        t = self.ls.find("Transport")
        return _b(t, "LoopOn"), _f(t, "LoopStart"), _f(t, "LoopLength")

    def cue_points(self):
        cues = [(_v(c, "Name", ""), _f(c, "Time")) for c in self.ls.findall("Locators/Locators/Locator")]
        return sorted(cues, key=lambda c: c[1])

    def scenes(self):
        """(name, tempo or -1) per scene; Live 9/10 keep names only."""
        modern = self.ls.findall("Scenes/Scene")
        if modern:
            return [(_v(s, "Name", ""), _f(s, "Tempo") if _b(s, "IsTempoEnabled") else -1.0) for s in modern]
        return [(s.get("Value", ""), -1.0) for s in self.ls.findall("SceneNames/Scene")]

    def grooves(self):
        """Groove names in pool order, and the pool index of each groove Id."""
        grooves = self.ls.findall("GroovePool/Grooves/Groove")
        return [_v(g, "Name", "") for g in grooves], dict((g.get("Id"), i) for i, g in enumerate(grooves))

    def groove_amount(self):
        return _f(self.main, "DeviceChain/Mixer/GlobalGrooveAmount/Manual", 100.0) / 100.0

    def return_names(self):
        return [_name(r) for r in self.return_elems]

    def returns_and_main(self):
        """(track reference, mute or None, panning, devices) for each return track ("A".."L") and the main track."""
        out = []
        for i, r in enumerate(self.return_elems):
            mixer = r.find("DeviceChain/Mixer")
            out.append((chr(ord("A") + i), not _b(mixer, "Speaker/Manual", True), _f(mixer, "Pan/Manual"),
                        self.devices(r.find("DeviceChain/DeviceChain/Devices"))))
        mixer = self.main.find("DeviceChain/Mixer")
        out.append(("master", None, _f(mixer, "Pan/Manual"), self.devices(self.main.find("DeviceChain/DeviceChain/Devices"))))
        return out

    # -- tracks
    def tracks(self):
        """One dict per regular track with what Live shows for it."""
        index_of_id = {}
        out = []
        for i, t in enumerate(self.track_elems):
            index_of_id[t.get("Id")] = i
            group = index_of_id.get(_v(t, "TrackGroupId", "-1"))
            mixer = t.find("DeviceChain/Mixer")
            seq = t.find("DeviceChain/MainSequencer")
            color = int(_v(t, "Color", _v(t, "ColorIndex", "-1")))
            entry = {
                "name": _name(t), "group": group, "is_foldable": t.tag == "GroupTrack",
                "color_index": color % 70 if color >= 0 else None,
                "mute": not _b(mixer, "Speaker/Manual", True), "solo": _b(mixer, "SoloSink"),
                "panning": _f(mixer, "Pan/Manual"), "crossfade_assign": int(_v(mixer, "CrossFadeState/Manual", "1")),
                "devices": self.devices(t.find("DeviceChain/DeviceChain/Devices")),
            }
            if t.tag == "GroupTrack":
                entry["fold_state"] = not _b(t, "TrackUnfolded", True)
            else:
                entry["arm"] = _b(seq, "Recorder/IsArmed")
                entry["monitoring"] = int(_v(seq, "MonitoringEnum", "1"))
                entry["clips"] = self.slot_clips(seq)
                entry["arrangement"] = self.arrangement_clips(seq)
            out.append(entry)
        return out

    def devices(self, devices):
        """Top-level devices: class name, user name, on/off, chain count (Drum Racks: chains on a pad)."""
        out = []
        for d in (devices if devices is not None else ()):
            entry = {"class_name": d.tag, "user_name": _v(d, "UserName", ""), "on": _b(d, "On/Manual", True)}
            branches = d.find("Branches")
            if branches is not None:
                if d.tag == "DrumGroupDevice":
                    notes = [int(_v(b, "BranchInfo/ReceivingNote", "0")) for b in branches]
                    entry["chains"] = sum(1 for n in notes if 1 <= n <= 128)
                else:
                    entry["chains"] = len(branches)
            out.append(entry)
        return out

    def slot_clips(self, seq):
        slots = seq.find("ClipSlotList") if seq is not None else None
        n_scenes = len(self.scenes())
        clips = []
        for slot in list(slots if slots is not None else ())[:n_scenes]:
            value = slot.find("ClipSlot/Value")
            elem = None if value is None else next((c for c in value if c.tag in ("MidiClip", "AudioClip")), None)
            clips.append(None if elem is None else self.clip(elem))
        return clips

    def arrangement_clips(self, seq):
        out = []
        for path in ("ClipTimeable/ArrangerAutomation/Events", "Sample/ArrangerAutomation/Events"):
            events = seq.find(path) if seq is not None else None
            for elem in (events if events is not None else ()):
                if elem.tag in ("MidiClip", "AudioClip"):
                    clip = self.clip(elem)
                    clip["start_time"] = float(elem.get("Time", _v(elem, "CurrentStart", "0")))
                    clip["end_time"] = _f(elem, "CurrentEnd", clip["start_time"] + clip["length"])
                    out.append(clip)
        return out

    def clip(self, elem):
        loop_start, loop_end = _f(elem, "Loop/LoopStart"), _f(elem, "Loop/LoopEnd")
        looping = _b(elem, "Loop/LoopOn")
        start_marker = loop_start + _f(elem, "Loop/StartRelative")
        end_marker = _f(elem, "Loop/OutMarker", loop_end)
        clip = {"name": _v(elem, "Name", ""), "looping": looping, "audio": elem.tag == "AudioClip",
                "muted": _b(elem, "Disabled"), "launch_mode": int(_v(elem, "LaunchMode", "0")),
                "legato": _b(elem, "Legato"),
                "groove": self.grooves()[1].get(_v(elem, "GrooveSettings/GrooveId", "-1"), -1),
                # livesim adjusts (and reports) a loop or marker range that runs backwards
                "odd_loop": loop_end <= loop_start or end_marker <= start_marker}
        clip.update(loop_start=loop_start, loop_end=loop_end, start_marker=start_marker, end_marker=end_marker,
                    length=(loop_end - loop_start) if looping else (end_marker - start_marker))
        if elem.tag == "MidiClip":
            notes, odd = [], False
            for key_track in elem.iter("KeyTrack"):
                pitch = int(_v(key_track, "MidiKey", "60"))
                for n in key_track.iter("MidiNoteEvent"):
                    start, duration = float(n.get("Time")), float(n.get("Duration"))
                    odd = odd or start < 0 or duration <= 0
                    notes.append((pitch, start, duration, float(n.get("Velocity")), n.get("IsEnabled") != "true"))
            clip["notes"] = None if odd else sorted(notes)
        return clip
