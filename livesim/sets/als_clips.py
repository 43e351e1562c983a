"""Clips in a Live Set file: loop and markers, launch settings, warping, notes; session and arrangement.

Live stores a clip's loop (``Loop/LoopStart``, ``LoopEnd``, ``LoopOn``), its start marker relative to
the loop start (``StartRelative``) and its end marker (``OutMarker``).  Arrangement clips add their
place in the song (``Time`` or ``CurrentStart``, and ``CurrentEnd``).
"""
from .xmlvalues import DENOMINATORS, color_of, find, findall, flag, integer, number, value

CLIP_TAGS = ("MidiClip", "AudioClip")
MIN_NOTE = 1.0 / 1024  # the shortest note livesim keeps: Live's editor refuses notes of no length
HAIR = 1e-3  # a note starting this little before the clip's zero is a rounding error, moved to zero


class ClipReader(object):
    """Reads clip elements; ``adjust`` records what had to change to be a clip Live can hold."""

    def __init__(self, adjust):
        self.adjust = adjust
        self.groove_index = {}  # a groove's Id in the file -> its index in the groove pool
        self.targets = {}  # AutomationTarget Id -> (envelope target, value conversion), for the track

    def slot_clips(self, track, where):
        """The session clips of a track, one entry (or None) per clip slot."""
        slots = find(track, "DeviceChain/MainSequencer/ClipSlotList")
        if slots is None:
            return []
        clips = []
        for i, slot in enumerate(slots):
            holder = find(slot, "ClipSlot/Value")
            elem = None
            if holder is not None:
                elem = next((c for c in holder if c.tag in CLIP_TAGS), None)
            clips.append(self.clip(elem, "%s.clips[%d]" % (where, i)) if elem is not None else None)
        return clips

    def arrangement_clips(self, track, where):
        """The arrangement clips of a track, with their start times."""
        clips = []
        sequencer = find(track, "DeviceChain/MainSequencer")
        if sequencer is None:
            return clips
        for path in ("ClipTimeable/ArrangerAutomation/Events", "Sample/ArrangerAutomation/Events"):
            events = find(sequencer, path)
            for elem in (events if events is not None else ()):
                if elem.tag not in CLIP_TAGS:
                    continue
                cwhere = "%s.arrangement_clips[%d]" % (where, len(clips))
                start = number(elem, "CurrentStart", 0.0)
                try:
                    start = float(elem.get("Time", start))
                except ValueError:
                    pass
                end = number(elem, "CurrentEnd", start)
                if start < 0.0:
                    self.adjust.add("an arrangement clip starting before the song's start is moved to 0", cwhere)
                    end, start = end - start, 0.0
                clip = self.clip(elem, cwhere, span=end - start)
                clip["start_time"] = start
                if end > start and abs((start + clip["length"]) - end) > 1e-9:
                    clip["end_time"] = end  # drawn longer or shorter than its loop
                clips.append(clip)
        return clips

    def clip(self, elem, where, span=None):
        """One MidiClip/AudioClip element as a clip spec."""
        looping = flag(elem, "Loop/LoopOn")
        loop_start = number(elem, "Loop/LoopStart")
        loop_end = number(elem, "Loop/LoopEnd")
        start_marker = loop_start + number(elem, "Loop/StartRelative")
        end_marker = number(elem, "Loop/OutMarker", loop_end)
        fallback = span if span is not None and span > 0 else 4.0
        if loop_end <= loop_start:
            hidden = number(elem, "Loop/HiddenLoopEnd", loop_start)
            loop_end = hidden if hidden > loop_start else loop_start + fallback
            self.adjust.add("a clip whose loop end is not after its loop start gets a loop of its saved "
                            "length", where)
        if end_marker <= start_marker:
            end_marker = start_marker + (loop_end - loop_start if looping else fallback)
            self.adjust.add("a clip whose end marker is not after its start marker gets an end at its "
                            "saved length", where)
        clip = {"name": value(elem, "Name", ""), "looping": looping, "loop_start": loop_start, "loop_end": loop_end,
                "start_marker": start_marker, "end_marker": end_marker,
                "length": (loop_end - loop_start) if looping else (end_marker - start_marker)}
        color = color_of(elem)
        if color is not None:
            clip["color"] = color
        clip["launch_mode"] = self._choice(elem, "LaunchMode", 0, 3, where)
        clip["launch_quantization"] = self._choice(elem, "LaunchQuantisation", 0, 14, where)
        clip["muted"] = flag(elem, "Disabled")
        clip["legato"] = flag(elem, "Legato")
        clip["velocity_amount"] = max(0.0, min(1.0, number(elem, "VelocityAmount")))
        groove = self.groove_index.get(value(elem, "GrooveSettings/GrooveId", "-1"))
        if groove is not None:
            clip["groove"] = groove
        signature = find(elem, "TimeSignature/TimeSignatures/RemoteableTimeSignature")
        if signature is not None:
            denominator = integer(signature, "Denominator", 4)
            clip["signature_numerator"] = max(1, min(99, integer(signature, "Numerator", 4)))
            clip["signature_denominator"] = denominator if denominator in DENOMINATORS else 4
        envelopes = self._envelopes(elem, where, span is not None)
        if envelopes:
            clip["envelopes"] = envelopes
        if elem.tag == "AudioClip":
            self._audio(elem, clip, where)
        else:
            clip["notes"] = self.notes(elem, where)
        return clip

    def _envelopes(self, elem, where, arrangement):
        """A session clip's envelopes of its own track's parameters: target and [time, value] points."""
        holder = find(elem, "Envelopes/Envelopes")
        out = []
        for envelope in (holder if holder is not None else ()):
            if envelope.tag != "ClipEnvelope":
                continue
            target = self.targets.get(value(envelope, "EnvelopeTarget/PointeeId"))
            if arrangement or target is None:
                self.adjust.add("a clip envelope livesim does not model (an arrangement clip's, or of a "
                                "parameter it does not read) is left out", where)
                continue
            spec, convert = target
            points = []
            events = find(envelope, "Automation/Events")
            for event in (events if events is not None else ()):
                text = event.get("Value")
                try:
                    v = 1.0 if text == "true" else 0.0 if text == "false" else float(text)
                    t = max(0.0, float(event.get("Time", 0)))  # the first event holds the value before 0
                except (TypeError, ValueError):
                    continue
                if points and points[-1][0] == t:
                    points.pop()
                points.append([t, convert(v)])
            if points:
                out.append(dict(spec, points=points))
        return out

    def _choice(self, elem, path, lo, hi, where):
        v = integer(elem, path, lo)
        if not lo <= v <= hi:
            self.adjust.add("a clip setting outside Live's choices is set to its default", where)
            return lo
        return v

    def _audio(self, elem, clip, where):
        clip["audio"] = True
        clip["warping"] = flag(elem, "IsWarped", True)
        clip["warp_mode"] = self._choice(elem, "WarpMode", 0, 6, where)
        clip["ram_mode"] = flag(elem, "Ram")
        clip["pitch_coarse"] = max(-48, min(48, integer(elem, "PitchCoarse")))
        clip["pitch_fine"] = max(-50.0, min(49.0, number(elem, "PitchFine")))
        file_name = value(elem, "SampleRef/FileRef/Name")
        path = value(elem, "SampleRef/FileRef/Path")
        if path or file_name:
            clip["file_path"] = path or file_name
        markers = []
        holder = elem.find("WarpMarkers")
        for m in (holder if holder is not None else ()):
            try:
                markers.append([float(m.get("SecTime")), float(m.get("BeatTime"))])
            except (TypeError, ValueError):
                continue
        if len(markers) >= 2:
            clip["warp_markers"] = markers

    def notes(self, clip, where):
        """The notes of a MIDI clip, sorted by time then pitch."""
        notes = []
        for key_track in findall(clip, "Notes/KeyTracks/KeyTrack"):
            pitch = integer(key_track, "MidiKey", 60)
            if not 0 <= pitch <= 127:
                self.adjust.add("notes with a pitch outside 0..127 are left out", where)
                continue
            for event in findall(key_track, "Notes/MidiNoteEvent"):
                note = self._note(event, pitch, where)
                if note is not None:
                    notes.append(note)
        notes.sort(key=lambda n: (n["start_time"], n["pitch"]))
        return notes

    def _note(self, event, pitch, where):
        try:
            start = float(event.get("Time", 0))
            duration = float(event.get("Duration", 0))
            velocity = float(event.get("Velocity", 100))
        except ValueError:
            self.adjust.add("a note with an unreadable time, length or velocity is left out", where)
            return None
        if start < 0.0:
            self.adjust.add("a note starting %s before the clip's zero is moved to zero"
                            % ("a hair" if start > -HAIR else "well"), where)
            duration, start = max(0.0, duration + start), 0.0
        if duration < MIN_NOTE:
            self.adjust.add("a note of (almost) no length is given the shortest length livesim keeps "
                            "(1/1024 beat)", where)
            duration = MIN_NOTE
        if not 0.0 <= velocity <= 127.0:
            self.adjust.add("a note velocity outside 0..127 is clamped", where)
            velocity = max(0.0, min(127.0, velocity))
        note = {"pitch": pitch, "start_time": start, "duration": duration, "velocity": velocity,
                "mute": event.get("IsEnabled", "true") != "true"}
        for attr, key, lo, hi in (("Probability", "probability", 0.0, 1.0),
                                  ("VelocityDeviation", "velocity_deviation", -127.0, 127.0),
                                  ("OffVelocity", "release_velocity", 0.0, 127.0)):
            text = event.get(attr)
            if text is None:
                continue
            try:
                note[key] = max(lo, min(hi, float(text)))
            except ValueError:
                pass
        return note
