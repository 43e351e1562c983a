"""Reading a Live Set file (``.als``: gzip-compressed XML) into a set dict (docs/SETS.md).

Understands the layouts Live 9 to 12 save: tracks by kind (the element name) with their mixers,
grouping, session and arrangement clips and devices; return tracks; the main track; scenes (or
Live 9/10's scene names); tempo, time signature, loop and locators.  What livesim cannot hold as
saved is adjusted and noted in an ``Adjustments`` (livesim/sets/adjust.py).
"""
import re

from .adjust import AUTOMATION_NOT_READ, Adjustments
from .als_clips import ClipReader
from .als_devices import DeviceReader, Targets, automated_in_place, parameter_paths
from .errors import SetError
from .gcpause import gc_paused
from .xmlstream import parse_bytes, parse_file
from .xmlvalues import (color_of, fader, find, findall, flag, integer, name_of, number, send_level, time_signature,
                        value)

TRACK_KINDS = {"MidiTrack": "midi", "AudioTrack": "audio", "GroupTrack": "group"}
MAX_RETURNS = 12
CROSSFADE = {0: "A", 1: "none", 2: "B"}
MONITORING = {0: "in", 1: "auto", 2: "off"}
DEFAULT_VERSION = (12, 3, 6)
# Live 9 and 10 change tempo and time signature when a scene whose name holds them is launched
# ("Verse 128 BPM", "3/4"); Live 11 moves them into the scene's own fields when it opens the set.
TEMPO_IN_NAME = re.compile(r"(?<!\S)(\d+(?:\.\d+)?) ?bpm(?!\S)", re.IGNORECASE)
SIGNATURE_IN_NAME = re.compile(r"(?<!\S)(\d{1,2})/(\d{1,2})(?!\S)")


def read_als(path, strict=False, version=DEFAULT_VERSION, report=None):
    """The set dict of the ``.als`` file at ``path``; SetError if it cannot be read.

    ``version`` is the simulated Live version (devices newer than it are adjusted); adjustment
    lines are appended to ``report`` (a list) when given; ``strict`` refuses any adjustment.
    """
    with gc_paused():
        return _read(parse_file(path), path, strict, version, report)


def parse_als(data, source="<als>", strict=False, version=DEFAULT_VERSION, report=None):
    """The set dict of a Live Set's XML bytes (see ``read_als``)."""
    with gc_paused():
        return _read(parse_bytes(data, source), source, strict, version, report)


def _read(root, source, strict, version, report):
    live_set = root.find("LiveSet")
    if root.tag != "Ableton" or live_set is None:
        raise SetError("%s: not a Live Set (no <Ableton><LiveSet>)" % source)
    adjust = Adjustments(source, strict)
    data = LiveSetReader(live_set, adjust, tuple(version)).read(root.get("Creator", ""))
    if report is not None:
        report.extend(adjust.lines())
    return data


def saved_by(creator):
    """(major, minor) of the Live that wrote a set ("Ableton Live 12.0b16" -> (12, 0)), or None."""
    match = re.search(r"(\d+)\.(\d+)", creator or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def scene_from_name(name):
    """A scene spec for a Live 9/10 scene name, converted as Live 11 converts it on opening the set.

    A tempo ("128 BPM", 20 to 999) and a time signature ("7/8": 1 to 99 over 1, 2, 4, 8 or 16)
    become the scene's tempo and time signature and leave the name; anything else stays text.
    """
    scene = {"name": name, "tempo": None, "time_signature": None}
    for match in TEMPO_IN_NAME.finditer(name):
        if 20.0 <= float(match.group(1)) <= 999.0:
            scene["tempo"] = float(match.group(1))
            name = _without(name, match)
            break
    for match in SIGNATURE_IN_NAME.finditer(name):
        numerator, denominator = int(match.group(1)), int(match.group(2))
        if 1 <= numerator <= 99 and denominator in (1, 2, 4, 8, 16):
            scene["time_signature"] = [numerator, denominator]
            name = _without(name, match)
            break
    if scene["tempo"] is not None or scene["time_signature"] is not None:
        scene["name"] = " ".join(name.split())
    return scene


def _mixer_parameters(track, n_returns, main):
    """(parameter element, target spec, value conversion) for a track's mixer parameters that
    envelopes can automate: volume, pan, the sends livesim keeps, and the main track's tempo."""
    mixer = find(track, "DeviceChain/Mixer")
    if mixer is None:
        return []
    out = []
    for tag, target, convert in (("Volume", {"mixer": "volume"}, fader),
                                 ("Pan", {"mixer": "panning"}, lambda v: max(-1.0, min(1.0, v)))):
        holder = mixer.find(tag)
        if holder is not None:
            out.append((holder, target, convert))
    for i, holder in enumerate(findall(mixer, "Sends/TrackSendHolder")[:n_returns]):
        send = holder.find("Send")
        if send is not None:
            out.append((send, {"mixer": "send", "index": i}, send_level))
    if main and mixer.find("Tempo") is not None:
        out.append((mixer.find("Tempo"), {"mixer": "tempo"}, float))
    return out


def _without(text, match):
    return text[:match.start()] + " " + text[match.end():]


class LiveSetReader(object):
    """Reads one ``<LiveSet>`` element, step by step: version, scenes, returns, tracks, main track, song."""

    def __init__(self, live_set, adjust, version):
        self.live_set = live_set
        self.adjust = adjust
        self.version = version
        self.clips = ClipReader(adjust)
        self.devices = DeviceReader(adjust, version)

    def read(self, creator=""):
        """The set dict."""
        self._check_version(creator)
        ls = self.live_set
        tracks_elem = ls.find("Tracks")
        if tracks_elem is None:
            raise SetError("%s: the Live Set has no <Tracks>" % self.adjust.source)
        result = {"scenes": self._scenes()}
        grooves = self._groove_pool()
        if grooves:
            result["groove_pool"] = grooves
        return_elems = [t for t in tracks_elem if t.tag == "ReturnTrack"] + findall(ls, "ReturnTracks/ReturnTrack")
        if len(return_elems) > MAX_RETURNS:
            self.adjust.add("return tracks beyond Live's twelve are left out", "returns[%d]" % MAX_RETURNS)
            del return_elems[MAX_RETURNS:]
        n_returns = len(return_elems)
        result["returns"] = [self._return(t, n_returns, "returns[%d]" % i) for i, t in enumerate(return_elems)]
        result["tracks"] = self._tracks([t for t in tracks_elem if t.tag in TRACK_KINDS], n_returns,
                                        len(result["scenes"]))
        self._skipped_tracks(tracks_elem)
        main = ls.find("MainTrack")
        if main is None:
            main = ls.find("MasterTrack")
        if main is not None:
            self._song_mixer(main, result)
            result["master"] = self._master(main)
        result["cue_points"] = self._locators()
        self._transport(result)
        return result

    # -- steps --------------------------------------------------------------------------------
    def _check_version(self, creator):
        saved = saved_by(creator)
        # Within a major version Live opens sets of later updates; across majors it converts them.
        if saved is not None and saved[0] > self.version[0]:
            self.adjust.add("a set saved by a newer Live (%s) is read for the simulated Live %d.%d"
                            % (creator.replace("Ableton Live ", ""), self.version[0], self.version[1]), "set")

    def _groove_pool(self):
        """The grooves (name, base, amounts as fractions); clips refer to them by index."""
        grooves = []
        for i, elem in enumerate(findall(self.live_set, "GroovePool/Grooves/Groove")):
            self.clips.groove_index[elem.get("Id")] = i
            where = "groove_pool[%d]" % i
            groove = {"name": value(elem, "Name", ""), "base": self._choice(integer(elem, "Grid", 3), 0, 5, 3, where)}
            for key, tag, lo in (("quantization_amount", "QuantizationAmount", 0.0),
                                 ("timing_amount", "TimingAmount", 0.0), ("random_amount", "RandomAmount", 0.0),
                                 ("velocity_amount", "VelocityAmount", -1.0)):
                groove[key] = self._clamp(number(elem, tag, 0.0) / 100.0, lo, 1.0, "a groove amount", where)
            grooves.append(groove)
        return grooves

    def _choice(self, v, lo, hi, default, where):
        if lo <= v <= hi:
            return v
        self.adjust.add("a setting outside Live's choices is set to its default", where)
        return default

    def _scenes(self):
        ls = self.live_set
        modern = findall(ls, "Scenes/Scene")
        if not modern:
            return [self._named_scene(elem) for elem in findall(ls, "SceneNames/Scene")]
        scenes = []
        for i, elem in enumerate(modern):
            where = "scenes[%d]" % i
            scene = {"name": value(elem, "Name", "")}
            color = color_of(elem)
            if color is not None:
                scene["color"] = color
            scene["tempo"] = None
            if flag(elem, "IsTempoEnabled"):
                scene["tempo"] = self._clamp(number(elem, "Tempo", 120.0), 20.0, 999.0, "a scene tempo", where)
            scene["time_signature"] = None
            if flag(elem, "IsTimeSignatureEnabled"):
                scene["time_signature"] = list(time_signature(integer(elem, "TimeSignatureId", 201)))
            scenes.append(scene)
        return scenes

    def _named_scene(self, elem):
        """A Live 9/10 scene: its name, colour, and the tempo and signature its name holds."""
        scene = scene_from_name(elem.get("Value", ""))
        color = color_of(elem)
        if color is not None:
            scene["color"] = color
        return scene

    def _tracks(self, elems, n_returns, n_scenes):
        index_of_id = {}
        tracks = []
        for i, elem in enumerate(elems):
            where = "tracks[%d]" % i
            index_of_id[elem.get("Id")] = i
            kind = TRACK_KINDS[elem.tag]
            entry = {"type": kind}
            entry.update(self._named(elem))
            entry["group"] = self._group(elem, elems, index_of_id, where)
            self._mixer(elem, entry, n_returns, where)
            # Devices first: clip envelopes point at the parameters they automate.
            self.devices.targets = Targets()
            entry["devices"] = self._devices(elem, where)
            targets = None
            if kind == "group":
                entry["fold_state"] = not flag(elem, "TrackUnfolded", True)
            else:
                entry["arm"] = flag(elem, "DeviceChain/MainSequencer/Recorder/IsArmed")
                monitoring = integer(elem, "DeviceChain/MainSequencer/MonitoringEnum", 1)
                entry["monitoring"] = MONITORING.get(monitoring, "auto")
                self.clips.targets = targets = self._envelope_targets(elem, entry["devices"], n_returns)
                entry["clips"] = self._fit_slots(self.clips.slot_clips(elem, where), n_scenes, where)
                entry["arrangement_clips"] = self.clips.arrangement_clips(elem, where)
                self._frozen_and_takes(elem, where)
            self._automated(elem, entry, n_returns, where, targets=targets)
            tracks.append(entry)
        return tracks

    def _envelope_targets(self, track, devices, n_returns, main=False):
        """{AutomationTarget Id: (envelope target spec, value conversion)} for a track's parameters."""
        targets = {}
        paths = parameter_paths(devices)
        for pointee, param in self.devices.targets.ids.items():
            path, name = paths.get(id(param), (None, None))
            if path is not None:
                targets[pointee] = ({"device": path, "parameter": name}, float)
        for holder, target, convert in _mixer_parameters(track, n_returns, main):
            node = holder.find("AutomationTarget")
            if node is not None:
                targets[node.get("Id")] = (target, convert)
        return targets

    def _group(self, elem, elems, index_of_id, where):
        group_id = value(elem, "TrackGroupId", "-1")
        if group_id == "-1":
            return None
        group = index_of_id.get(group_id)
        if group is None or elems[group].tag != "GroupTrack":
            self.adjust.add("a track whose group is not an earlier group track is left ungrouped", where)
            return None
        return group

    def _fit_slots(self, clips, n_scenes, where):
        if len(clips) > n_scenes:
            if any(clips[n_scenes:]):
                self.adjust.add("clips in slots beyond the last scene are left out",
                                "%s.clips[%d]" % (where, n_scenes))
            del clips[n_scenes:]
        return clips

    def _frozen_and_takes(self, elem, where):
        if flag(elem, "Freeze"):
            self.adjust.add("a frozen track is read as its unfrozen devices and clips", where)
        lanes = find(elem, "TakeLanes/TakeLanes")
        if lanes is not None and len(lanes):
            self.adjust.add("take lanes are not read (livesim starts a track with none)", where)

    def _skipped_tracks(self, tracks_elem):
        for i, t in enumerate(tracks_elem):
            if t.tag not in TRACK_KINDS and t.tag != "ReturnTrack":
                self.adjust.add("a track of a kind livesim does not know (%s) is left out" % t.tag,
                                "Tracks[%d]" % i)

    def _named(self, elem):
        entry = {"name": name_of(elem)}
        color = color_of(elem)
        if color is not None:
            entry["color"] = color
        return entry

    def _mixer(self, track, entry, n_returns, where):
        mixer = find(track, "DeviceChain/Mixer")
        if mixer is None:
            return
        entry["volume"] = fader(number(mixer, "Volume/Manual", 1.0))
        entry["panning"] = self._clamp(number(mixer, "Pan/Manual", 0.0), -1.0, 1.0, "a pan", where)
        if n_returns is None:
            return
        entry["mute"] = not flag(mixer, "Speaker/Manual", True)
        entry["solo"] = flag(mixer, "SoloSink")
        sends = [send_level(number(h, "Send/Manual", 0.0)) for h in findall(mixer, "Sends/TrackSendHolder")]
        if len(sends) > n_returns:
            self.adjust.add("sends to return tracks the set does not have are left out", where + ".sends")
        entry["sends"] = sends[:n_returns] + [0.0] * (n_returns - len(sends))
        crossfade = integer(mixer, "CrossFadeState/Manual", 1)
        entry["crossfade"] = CROSSFADE.get(crossfade, "none")

    def _return(self, elem, n_returns, where):
        entry = self._named(elem)
        self._mixer(elem, entry, n_returns, where)
        entry.pop("crossfade", None)
        self.devices.targets = Targets()
        entry["devices"] = self._devices(elem, where)
        self._automated(elem, entry, n_returns, where)
        return entry

    def _master(self, elem):
        entry = self._named(elem)
        self._mixer(elem, entry, None, "master")
        self.devices.targets = Targets()
        entry["devices"] = self._devices(elem, "master")
        self._automated(elem, entry, 0, "master", main=True)
        return entry

    def _automated(self, track, entry, n_returns, where, main=False, targets=None):
        """Note in ``entry["automated"]`` the parameters arrangement automation moves.

        Live (10 on) keeps a track's arrangement automation in envelopes pointing at parameters'
        ``AutomationTarget``; Live 9 inside each parameter.  The first event holds the value before
        the song starts (Live writes one for the tempo and signature of every set): only an
        envelope with more events than that one is automation.  livesim does not play it, but
        shows it the way Live's API does: the parameter's ``automation_state`` is 1 (playing).
        """
        if targets is None:
            targets = self._envelope_targets(track, entry["devices"], n_returns, main)
        found = []
        moving = False
        for envelope in findall(track, "AutomationEnvelopes/Envelopes/AutomationEnvelope"):
            events = find(envelope, "Automation/Events")
            if events is None or len(events) < 2:
                continue
            moving = True
            target = targets.get(value(envelope, "EnvelopeTarget/PointeeId"))
            if target is not None:
                found.append(target[0])
        paths = parameter_paths(entry["devices"]) if self.devices.targets.automated else {}
        for param in self.devices.targets.automated:
            if id(param) in paths:
                found.append({"device": paths[id(param)][0], "parameter": paths[id(param)][1]})
        for holder, target, _ in _mixer_parameters(track, n_returns, main):
            if automated_in_place(holder):
                found.append(target)
        if moving or found:
            self.adjust.add(AUTOMATION_NOT_READ, where)
        unique = []
        for target in found:
            if target not in unique:
                unique.append(target)
        if unique:
            entry["automated"] = unique

    def _song_mixer(self, main, result):
        mixer = find(main, "DeviceChain/Mixer")
        if mixer is None:
            return
        result["tempo"] = self._clamp(number(mixer, "Tempo/Manual", 120.0), 20.0, 999.0, "the song tempo", "tempo")
        if find(mixer, "TimeSignature/Manual") is not None:
            numerator, denominator = time_signature(integer(mixer, "TimeSignature/Manual", 201))
            result["signature_numerator"] = numerator
            result["signature_denominator"] = denominator
        if find(mixer, "GlobalGrooveAmount/Manual") is not None:
            amount = number(mixer, "GlobalGrooveAmount/Manual", 100.0) / 100.0
            result["groove_amount"] = self._clamp(amount, 0.0, 1.3125, "the global groove amount", "groove_amount")

    def _locators(self):
        cues = []
        for i, loc in enumerate(findall(self.live_set, "Locators/Locators/Locator")):
            time = number(loc, "Time")
            if time < 0.0:
                self.adjust.add("a locator before the song's start is moved to 0", "cue_points[%d]" % i)
                time = 0.0
            cues.append({"name": value(loc, "Name", ""), "time": time})
        return cues

    def _transport(self, result):
        transport = self.live_set.find("Transport")
        if transport is None:
            return
        result["loop"] = flag(transport, "LoopOn")
        result["loop_start"] = max(0.0, number(transport, "LoopStart"))
        result["loop_length"] = max(0.0, number(transport, "LoopLength", 16.0))

    def _devices(self, track, where):
        chain = find(track, "DeviceChain/DeviceChain")
        return self.devices.devices(chain, where) if chain is not None else []

    def _clamp(self, v, lo, hi, what, where):
        if lo <= v <= hi:
            return v
        self.adjust.add("%s outside Live's range is clamped" % what, where)
        return max(lo, min(hi, v))
