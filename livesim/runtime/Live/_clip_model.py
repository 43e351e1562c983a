"""The model of clips (Live.Clip shows it): a clip's state, its loop and marker rules, notes, warp markers.

Live keeps loop_start < loop_end and start_marker < end_marker; a clip's notes are edited as
copies and written back as one undoable step.  The notes API's value classes (MidiNote,
MidiNoteSpecification, WarpMarker), the enums and the vectors are Live.Clip's and live here
because the rules make and read them.  Live._clip sets the node classes' ``cls``.
"""
import math

from Live import _lom, _palette
from Live._lom import set_value
from Live._envelope_model import new_envelope

ClipLaunchQuantization = _lom.make_enum("Clip", "ClipLaunchQuantization", dict(
    q_global=0, q_none=1, q_8_bars=2, q_4_bars=3, q_2_bars=4, q_bar=5, q_half=6, q_half_triplet=7,
    q_quarter=8, q_quarter_triplet=9, q_eighth=10, q_eighth_triplet=11, q_sixteenth=12,
    q_sixteenth_triplet=13, q_thirtysecond=14))
LaunchMode = _lom.make_enum("Clip", "LaunchMode", dict(trigger=0, gate=1, toggle=2, repeat=3))
WarpMode = _lom.make_enum("Clip", "WarpMode", dict(beats=0, tones=1, texture=2, repitch=3, complex=4, rex=5,
                                                    complex_pro=6, count=7))
GridQuantization = _lom.make_enum("Clip", "GridQuantization", dict(
    no_grid=0, g_8_bars=1, g_4_bars=2, g_2_bars=3, g_bar=4, g_half=5, g_quarter=6, g_eighth=7,
    g_sixteenth=8, g_thirtysecond=9, count=10))

MidiNoteVector = _lom.make_vector_class("Clip", "MidiNoteVector", "A container for returning MIDI notes from Live.")
WarpMarkerVector = _lom.make_vector_class("Clip", "WarpMarkerVector", "A container for returning warp markers.")

AUDIO_ONLY = {"gain": "Gain", "gain_display_string": "Gain", "pitch_coarse": "Pitch", "pitch_fine": "Pitch",
              "warping": "Warping", "warp_mode": "Warp Mode", "ram_mode": "RAM Mode",
              "available_warp_modes": "Warping", "warp_markers": "Warping", "file_path": "File path",
              "sample_length": "Sample length", "sample_rate": "Sample rate"}
MIDI_ONLY_TEXT = "Notes are only available for MIDI Clips"
_NOTE_FIELDS = ("pitch", "start_time", "duration", "velocity", "mute", "probability", "velocity_deviation",
                "release_velocity")


class MidiNote(object):
    """A copy of one note of a clip; edit it and pass it back via apply_note_modifications."""

    __slots__ = ("_id",) + _NOTE_FIELDS

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    @property
    def note_id(self):
        """The clip-unique id of the note."""
        return self._id

    def __repr__(self):
        return "MidiNote(note_id=%d, pitch=%d, start_time=%r, duration=%r, velocity=%r, mute=%r)" % (
            self._id, self.pitch, self.start_time, self.duration, self.velocity, self.mute)


MidiNote.__module__ = "Clip"


class MidiNoteSpecification(object):
    """The description of a note to add with Clip.add_new_notes."""

    __slots__ = ("_v",)

    def __init__(self, pitch, start_time, duration, velocity=100.0, mute=False, probability=1.0,
                 velocity_deviation=0.0, release_velocity=64.0):
        args = (pitch, start_time, duration, velocity, mute, probability, velocity_deviation, release_velocity)
        convs = (_lom._to_int, _lom._to_float, _lom._to_float, _lom._to_float, _lom._to_bool, _lom._to_float,
                 _lom._to_float, _lom._to_float)
        try:
            values = [c(a) for c, a in zip(convs, args)]
        except _lom._Mismatch:
            wanted = ["int", "float", "float", "float", "bool", "float", "float", "float"]
            raise _lom.argument_error("MidiNoteSpecification", "__init__", args, wanted) from None
        self._v = tuple(values)


MidiNoteSpecification.__module__ = "Clip"


class WarpMarker(object):
    """A warp marker: a beat time pinned to a sample time."""

    __slots__ = ("_beat", "_sample")

    def __init__(self, sample_time=0.0, beat_time=0.0):
        self._sample = float(sample_time)
        self._beat = float(beat_time)

    @property
    def beat_time(self):
        """Beat position of the marker."""
        return self._beat

    @property
    def sample_time(self):
        """Sample position of the marker (seconds)."""
        return self._sample


WarpMarker.__module__ = "Clip"


class _Note(object):
    __slots__ = ("id",) + _NOTE_FIELDS + ("selected",)

    def copy_out(self):
        n = object.__new__(MidiNote)
        n._id = self.id
        for f in _NOTE_FIELDS:
            setattr(n, f, getattr(self, f))
        return n

    def key(self):
        return (self.pitch, self.start_time)


class ClipNode(_lom.Node):
    """A clip's state; ``slot`` is its ClipSlot node (None for arrangement clips, whose parent is the track)."""

    def __init__(self, world, parent, is_audio=False, length=4.0, name="", arrangement=False, start_time=0.0):
        _lom.Node.__init__(self, world, parent)
        self.is_audio = is_audio
        self.arrangement = arrangement
        self.name = name
        self.color_index = 0
        self.color = _palette.PALETTE[0]
        self.muted = False
        self.looping = True
        self.loop_start = 0.0
        self.loop_end = float(length)
        self.start_marker = 0.0
        self.end_marker = float(length)
        self.signature_numerator = 4
        self.signature_denominator = 4
        self.launch_mode = LaunchMode.trigger
        self.launch_quantization = ClipLaunchQuantization.q_global
        self.legato = False
        self.velocity_amount = 0.0
        self.groove = None
        self.gain = 0.4
        self.pitch_coarse = 0
        self.pitch_fine = 0.0
        self.warping = True
        self.warp_mode = WarpMode.beats
        self.ram_mode = False
        self.file_path = ""
        self.sample_rate = 44100.0
        self.markers = None
        self.notes = []
        self.next_id = 1
        self.is_playing = False
        self.is_triggered = False
        self.is_recording = False
        self.is_overdubbing = False
        self.playing_position = 0.0
        self.start_time = float(start_time)
        # An arrangement clip drawn longer or shorter than its loop (read from a Live Set) ends
        # at start_time + span; None: at start_time + length.
        self.span = None
        self.envelopes = []
        self.view = ClipViewNode(world, self)

    def children(self):
        return (self.view,) + tuple(self.envelopes)

    def envelope_of(self, param):
        """This clip's envelope of a parameter node, or None."""
        for e in self.envelopes:
            if e.param is param:
                return e
        return None

    def set_envelopes(self, envelopes, label):
        """Replace the envelope list as one undoable edit; notify has_envelopes when it flips."""
        old = self.envelopes

        def apply(new):
            had = bool(self.envelopes)
            _lom.replace_members(self.envelopes, new)
            self.envelopes = new
            if had != bool(new):
                _lom.notify(self, "has_envelopes")
        self.world.history.record(lambda: apply(old), lambda: apply(envelopes), label)
        apply(envelopes)

    @property
    def length(self):
        if self.looping:
            return self.loop_end - self.loop_start
        return self.end_marker - self.start_marker

    def end_time(self):
        """Where an arrangement clip ends in the song."""
        return self.start_time + (self.span if self.span is not None else self.length)

    def track(self):
        """The track node this clip belongs to."""
        return self.parent if self.arrangement else self.parent.parent

    # -- notes
    def sorted_notes(self, notes=None):
        return sorted(self.notes if notes is None else notes, key=_Note.key)

    def add_note(self, pitch, start, duration, velocity=100.0, mute=False, probability=1.0, vdev=0.0, rvel=64.0):
        n = _Note()
        n.id = self.next_id
        self.next_id += 1
        n.pitch, n.start_time, n.duration, n.velocity, n.mute = int(pitch), float(start), float(duration), \
            float(velocity), bool(mute)
        n.probability, n.velocity_deviation, n.release_velocity = float(probability), float(vdev), float(rvel)
        n.selected = False
        self.notes.append(n)
        return n

    def set_notes_list(self, notes, label="notes"):
        """Replace the note list as one undoable edit and notify ``notes``."""
        old = self.notes
        self.notes = notes
        w = self.world

        def undo():
            self.notes = old
            _lom.notify(self, "notes")

        def redo():
            self.notes = notes
            _lom.notify(self, "notes")
        w.history.record(undo, redo, label)
        _lom.notify(self, "notes")


class ClipViewNode(_lom.Node):
    def __init__(self, world, parent):
        _lom.Node.__init__(self, world, parent)
        self.grid_quantization = GridQuantization.g_sixteenth
        self.grid_is_triplet = False


def audio_only(name):
    """The check of a property only audio clips have."""
    label = AUDIO_ONLY[name]

    def check(o):
        return None if o.is_audio else "%s is only available for Audio Clips" % label
    return check


def _audio(o):
    if not o.is_audio:
        raise RuntimeError("Warping is only available for Audio Clips")


def marker_points(o):
    """(sample seconds, beat) pairs; a sample recorded at 120 BPM unless markers were set."""
    m = getattr(o, "markers", None)
    if not m:
        m = o.markers = [(0.0, 0.0), (o.end_marker * 0.5, o.end_marker)]
    return m


def _set_markers(o, pts):
    o.markers = pts
    _lom.notify(o, "warp_markers")


def _interp(pts, x, xi, yi):
    if len(pts) < 2:
        return x
    seg = pts[0], pts[1]
    for a, b in zip(pts, pts[1:]):
        seg = (a, b)
        if x < b[xi]:
            break
    a, b = seg
    span = b[xi] - a[xi]
    if span == 0:
        return a[yi]
    return a[yi] + (x - a[xi]) * (b[yi] - a[yi]) / span


def beat_to_seconds(o, beat):
    """The sample time (seconds) of a beat, through the warp markers."""
    return _interp(marker_points(o), beat, 1, 0)


def _seconds_to_beat(o, sec):
    return _interp(marker_points(o), sec, 0, 1)


def _midi(o):
    if o.is_audio:
        raise RuntimeError(MIDI_ONLY_TEXT)


_lom_note_slots = ("id",) + _NOTE_FIELDS + ("selected",)


def _copy_notes(notes):
    out = []
    for n in notes:
        c = _Note()
        for f in _lom_note_slots:
            setattr(c, f, getattr(n, f))
        out.append(c)
    return out


def _in_range(n, from_pitch, pitch_span, from_time, time_span):
    return from_pitch <= n.pitch < from_pitch + pitch_span and from_time <= n.start_time < from_time + time_span


# -- loop and markers (Live keeps loop_start < loop_end and start_marker < end_marker)

def set_loop_start(o, v):
    if not o.looping:
        return set_start_marker(o, v)
    if v >= o.loop_end:
        raise RuntimeError("LoopStart behind LoopEnd")
    set_value(o, "loop_start", v)
    _lom.notify(o, "position")


def set_loop_end(o, v):
    if not o.looping:
        return set_end_marker(o, v)
    if v <= o.loop_start:
        raise RuntimeError("LoopEnd before LoopStart")
    set_value(o, "loop_end", v)


def set_start_marker(o, v):
    if v >= o.end_marker:
        raise RuntimeError("StartMarker behind EndMarker")
    set_value(o, "start_marker", v)


def set_end_marker(o, v):
    if v <= o.start_marker:
        raise RuntimeError("EndMarker before StartMarker")
    set_value(o, "end_marker", v)


def set_position(o, v):
    length = o.loop_end - o.loop_start
    set_value(o, "loop_end", v + length)
    set_value(o, "loop_start", v)
    _lom.notify(o, "position")


def set_looping(o, v):
    if v and o.is_audio and not o.warping:
        raise RuntimeError("Unwarped audio clips cannot be looped")
    set_value(o, "looping", v)


def set_warping(o, v):
    set_value(o, "warping", v)
    if not v and o.looping:
        set_value(o, "looping", False)


def set_is_playing(o, v):
    if v:
        o.world.engine.fire_clip(o)
    else:
        o.world.engine.stop_clip(o, quantized=True)


def range_setter(attr, lo, hi, what):
    def fset(o, v):
        set_value(o, attr, _lom.in_range(o.world, v, lo, hi, "%s out of range" % what))
    return fset


def set_signature_numerator(o, v):
    """Set a clip's or the song's signature numerator (1..99)."""
    if v < 1 or v > 99:
        raise RuntimeError("Invalid signature numerator")
    set_value(o, "signature_numerator", v)


def set_signature_denominator(o, v):
    """Set a clip's or the song's signature denominator (1, 2, 4, 8 or 16)."""
    if v not in (1, 2, 4, 8, 16):
        raise RuntimeError("Invalid signature denominator")
    set_value(o, "signature_denominator", v)


def gain_text(g):
    """An audio clip's gain as Live shows it ("0.0 dB")."""
    if g <= 0.0:
        return "-inf dB"
    db = 40.0 * (g - 0.4) if g >= 0.1 else -12.0 + 20.0 * math.log10(g / 0.1)
    return "%.1f dB" % (0.0 if abs(db) < 0.05 else db)


def _param_track(param):
    """The track node a parameter node belongs to (through devices, chains and mixers)."""
    track_class = _lom.CLASSES["Track"]
    n = param
    while n is not None and n.cls is not track_class:
        n = n.parent
    return n


def _copy_one(o, n):
    c = _Note()
    for f in _lom_note_slots:
        setattr(c, f, getattr(n, f))
    c.id = o.next_id
    o.next_id += 1
    c.selected = False
    return c


def _note_tuples(tuples):
    if not isinstance(tuples, tuple):
        raise _lom.argument_error("Clip", "set_notes", (tuples,), ["tuple"])
    for t in tuples:
        if len(t) != 5:
            raise TypeError("A note is (pitch, time, duration, velocity, mute)")
        yield t


def _tuple_note(o, t):
    n = _Note()
    n.id = o.next_id
    o.next_id += 1
    n.pitch, n.start_time, n.duration, n.velocity, n.mute = int(t[0]), float(t[1]), float(t[2]), float(t[3]), \
        bool(t[4])
    n.probability, n.velocity_deviation, n.release_velocity, n.selected = 1.0, 0.0, 64.0, False
    return n


_GRID_BEATS = {1: 32.0, 2: 16.0, 3: 8.0, 4: 4.0, 5: 2.0, 6: 1.0, 7: 0.5, 8: 0.25, 9: 0.125}


_COPY_ATTRS = ("markers", "name", "color", "color_index", "muted", "looping", "loop_start", "loop_end", "start_marker",
               "end_marker", "signature_numerator", "signature_denominator", "launch_mode", "launch_quantization",
               "legato", "velocity_amount", "groove", "gain", "pitch_coarse", "pitch_fine", "warping", "warp_mode",
               "ram_mode", "file_path", "sample_rate", "next_id")


def copy_clip(src, parent, arrangement=False, start_time=0.0):
    """A new clip node with ``src``'s content (notes keep their ids) owned by ``parent``."""
    c = ClipNode(src.world, parent, is_audio=src.is_audio, arrangement=arrangement, start_time=start_time)
    for a in _COPY_ATTRS:
        setattr(c, a, getattr(src, a))
    c.notes = _copy_notes(src.notes)
    for n in c.notes:
        n.selected = False
    if not arrangement:
        # A session copy keeps the envelopes of parameters its (new) track owns.
        for e in src.envelopes:
            if _param_track(e.param) is c.track():
                copy = type(e)(c.world, c, e.param)
                copy.points = list(e.points)
                c.envelopes.append(copy)
    return c


# -- transport

def set_fire_button_state(o, state):
    """Press (True) or release (False) the clip's launch button."""
    if state:
        o.world.engine.fire_clip(o)
    elif o.launch_mode == LaunchMode.gate:
        o.world.engine.stop_clip(o, quantized=True)


# -- warping (audio clips)

def add_warp_marker(o, marker):
    """Add a warp marker (ignored where one exists at that beat)."""
    _audio(o)
    if not isinstance(marker, WarpMarker):
        raise _lom.argument_error("Clip", "add_warp_marker", (marker,), ["WarpMarker"])
    pts = list(marker_points(o))
    if any(abs(b - marker.beat_time) < 1e-9 for _, b in pts):
        return
    _set_markers(o, sorted(pts + [(marker.sample_time, marker.beat_time)], key=lambda m: m[1]))


def move_warp_marker(o, beat, distance):
    """Move the marker at ``beat`` by ``distance`` beats, if it stays between its neighbours."""
    _audio(o)
    pts = list(marker_points(o))
    for i, (sec, b) in enumerate(pts):
        if abs(b - beat) < 1e-9:
            nb = b + distance
            lo = pts[i - 1][1] if i > 0 else float("-inf")
            hi = pts[i + 1][1] if i + 1 < len(pts) else float("inf")
            if lo < nb < hi:
                pts[i] = (sec, nb)
                _set_markers(o, pts)
            return


def remove_warp_marker(o, beat):
    """Remove the marker at ``beat`` (a clip keeps at least two)."""
    _audio(o)
    pts = [m for m in marker_points(o) if abs(m[1] - beat) >= 1e-9]
    if len(pts) >= 2 and len(pts) != len(marker_points(o)):
        _set_markers(o, pts)


def beat_to_sample_time(o, beat):
    """Sample position (in samples) of a beat time; warped clips only."""
    _audio(o)
    if not o.warping:
        raise RuntimeError("The sample is not warped")
    return beat_to_seconds(o, beat) * o.sample_rate


def sample_to_beat_time(o, sample):
    """Beat time of a sample position (in samples); warped clips only."""
    _audio(o)
    if not o.warping:
        raise RuntimeError("The sample is not warped")
    return _seconds_to_beat(o, sample / o.sample_rate)


def seconds_to_sample_time(o, seconds):
    """Sample position of a time in seconds; unwarped clips only."""
    _audio(o)
    if o.warping:
        raise RuntimeError("The sample is warped")
    return seconds * o.sample_rate


# -- editing

def duplicate_loop(o):
    """Double the loop, copying the notes of the loop into the new half."""
    _midi(o)
    length = o.loop_end - o.loop_start
    new = _copy_notes(o.notes)
    for n in o.notes:
        if o.loop_start <= n.start_time < o.loop_end:
            c = _copy_one(o, n)
            c.start_time = n.start_time + length
            new.append(c)
    o.set_notes_list(new)
    set_value(o, "loop_end", o.loop_end + length)
    if o.end_marker < o.loop_end:
        set_value(o, "end_marker", o.loop_end)


def crop(o):
    """Remove material outside the loop (or the markers when unlooped)."""
    lo, hi = (o.loop_start, o.loop_end) if o.looping else (o.start_marker, o.end_marker)
    if not o.is_audio:
        kept = [n for n in _copy_notes(o.notes) if lo <= n.start_time < hi]
        for n in kept:
            n.start_time -= lo
        o.set_notes_list(kept)
    set_value(o, "loop_start", 0.0)
    set_value(o, "start_marker", 0.0)
    set_value(o, "loop_end", hi - lo)
    set_value(o, "end_marker", hi - lo)


def quantize(o, pitch, grid, amount):
    """Move note starts (of one pitch, or all for None) toward the grid by ``amount`` (0..1)."""
    _midi(o)
    step = _GRID_BEATS.get(int(grid))
    if not step:
        return
    new = _copy_notes(o.notes)
    for n in new:
        if pitch is None or n.pitch == pitch:
            target = round(n.start_time / step) * step
            n.start_time += (target - n.start_time) * amount
    o.set_notes_list(new, "Quantize")


def clear_envelope(o, param):
    """Remove the automation of one parameter."""
    e = o.envelope_of(param)
    if e is not None:
        o.set_envelopes([x for x in o.envelopes if x is not e], "Clear Envelope")


def clear_all_envelopes(o):
    """Remove all automation envelopes."""
    if o.envelopes:
        o.set_envelopes([], "Clear Envelopes")


def automation_envelope(o, param):
    """The envelope node of a parameter; None if there is none, for arrangement clips and other tracks' parameters."""
    if o.arrangement or _param_track(param) is not o.track():
        return None
    return o.envelope_of(param)


def create_automation_envelope(o, param):
    """Create the envelope of a parameter of the clip's own track and return its node."""
    if o.arrangement:
        raise RuntimeError("Cannot create an automation envelope for an arrangement clip")
    if _param_track(param) is not o.track():
        raise RuntimeError("Cannot create an automation envelope for a parameter of another track")
    if o.envelope_of(param) is not None:
        raise RuntimeError("Automation envelope already exists")
    e = new_envelope(o.world, o, param)
    o.set_envelopes(o.envelopes + [e], "Create Envelope")
    return e


def duplicate_region(o, start, length, dest, pitch, transposition):
    """Copy the notes of a time region (optionally one pitch) to ``dest``."""
    _midi(o)
    new = _copy_notes(o.notes)
    for n in o.notes:
        if start <= n.start_time < start + length and (pitch < 0 or n.pitch == pitch):
            c = _copy_one(o, n)
            c.start_time = dest + (n.start_time - start)
            c.pitch = max(0, min(127, n.pitch + transposition))
            new.append(c)
    o.set_notes_list(new)


_PITCH_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def note_name(pitch):
    """Name of a MIDI pitch, e.g. 60 -> "C3"."""
    return "%s%d" % (_PITCH_NAMES[pitch % 12], pitch // 12 - 2)


# -- notes API

def add_new_notes(o, specs):
    """Add notes from MidiNoteSpecifications; returns their ids."""
    _midi(o)
    try:
        items = list(specs)
    except TypeError:
        raise _lom.argument_error("Clip", "add_new_notes", (specs,), ["any"])
    new = _copy_notes(o.notes)
    ids = []
    for s in items:
        if not isinstance(s, MidiNoteSpecification):
            raise TypeError("Expected a Live.Clip.MidiNoteSpecification, got %s" % type(s).__name__)
        values = s._v
        if not 0 <= values[0] <= 127:
            raise RuntimeError("Invalid pitch")
        if values[2] <= 0.0:
            raise RuntimeError("Invalid duration")
        n = _Note()
        n.id = o.next_id
        o.next_id += 1
        for f, v in zip(_NOTE_FIELDS, values):
            setattr(n, f, v)
        n.velocity = max(0.0, min(127.0, n.velocity))
        n.selected = False
        new.append(n)
        ids.append(n.id)
    o.set_notes_list(new, "Add Notes")
    return ids


def notes_where(o, keep):
    """Copies (MidiNotes) of the notes for which keep(note) is true, by pitch and time."""
    _midi(o)
    return [n.copy_out() for n in o.sorted_notes() if keep(n)]


def in_range(from_pitch, pitch_span, from_time, time_span):
    """The test of a note starting in the time range with its pitch in the pitch range."""
    return lambda n: _in_range(n, from_pitch, pitch_span, from_time, time_span)


def with_ids(ids):
    """The test of a note whose id is in ``ids``."""
    want = set(int(i) for i in ids)
    return lambda n: n.id in want


def remove_notes(o, gone):
    """Delete the notes for which gone(note) is true, as one undoable edit (none: no edit)."""
    _midi(o)
    kept = [n for n in o.notes if not gone(n)]
    if len(kept) != len(o.notes):
        o.set_notes_list(kept, "Remove Notes")


def notes_by_id(o, ids):
    """Copies of the notes with the given ids."""
    _midi(o)  # an audio clip is refused before its ids are read
    return notes_where(o, with_ids(ids))


def select_notes_by_id(o, ids):
    """Select the notes with the given ids (unknown ids are ignored)."""
    _midi(o)
    select_notes(o, with_ids(ids))


def remove_notes_by_id(o, ids):
    """Delete the notes with the given ids."""
    _midi(o)  # an audio clip is refused before its ids are read
    remove_notes(o, with_ids(ids))


def apply_note_modifications(o, notes):
    """Write edited note copies back, matched by note_id."""
    _midi(o)
    if not isinstance(notes, MidiNoteVector):
        raise _lom.argument_error("Clip", "apply_note_modifications", (notes,), ["MidiNoteVector"])
    new = _copy_notes(o.notes)
    by_id = dict((n.id, n) for n in new)
    for m in notes:
        n = by_id.get(m.note_id)
        if n is None:
            continue
        for f in _NOTE_FIELDS:
            setattr(n, f, getattr(m, f))
        n.pitch = int(n.pitch)
    o.set_notes_list(new, "Modify Notes")


def duplicate_notes_by_id(o, ids, dest, transposition):
    """Copy notes (to ``dest`` or after the last one) and return the new ids."""
    _midi(o)
    want = set(int(i) for i in ids)
    src = [n for n in o.sorted_notes() if n.id in want]
    new = _copy_notes(o.notes)
    out = []
    if src:
        first = min(n.start_time for n in src)
        end = max(n.start_time + n.duration for n in src)
        shift = (float(dest) - first) if dest is not None else end - first
        for n in src:
            c = _copy_one(o, n)
            c.start_time = n.start_time + shift
            c.pitch = max(0, min(127, n.pitch + transposition))
            new.append(c)
            out.append(c.id)
        o.set_notes_list(new, "Duplicate Notes")
    return out


def select_notes(o, which, selected=True):
    """Select (or deselect) the notes for which which(note) is true."""
    _midi(o)
    for n in o.notes:
        if which(n):
            n.selected = selected


# -- legacy tuple API

def note_tuples(o, keep):
    """The notes for which keep(note) is true as (pitch, time, duration, velocity, mute) tuples."""
    _midi(o)
    return tuple((n.pitch, n.start_time, n.duration, n.velocity, n.mute) for n in o.sorted_notes() if keep(n))


def set_notes(o, tuples, replace_selected=False):
    """Add notes given as (pitch, time, duration, velocity, mute) tuples (replacing the selected ones)."""
    _midi(o)
    new = [n for n in _copy_notes(o.notes) if not (replace_selected and n.selected)]
    for t in _note_tuples(tuples):
        new.append(_tuple_note(o, t))
    o.set_notes_list(new, "Replace Notes" if replace_selected else "Add Notes")
