"""Notes with ids (Live's full note): /live/clip/*notes_extended*, notes by id, selection, the notes listener.

Every address exists for session clips (``/live/clip``, track and slot) and arrangement clips
(``/live/arrangement_clip``, track and arrangement clip index). A note travels as 9 values:
note_id pitch start_time duration velocity mute probability velocity_deviation release_velocity.
New notes are added as groups of 8 (the same without note_id). Upstream's 5-field addresses
(``/live/clip/get/notes`` ...) are unchanged; ``/live/arrangement_clip`` has them too.
"""

from . import clip as clip_module
from .errors import HandlerError
from .sizes import check_values
from .registry import KIND_START, KIND_STOP, Prop, _make_start, _make_stop
from .types import ArgumentError, to_int

# The session and arrangement forms of every clip address.
CLIP_KINDS = (("clip", "/live/clip"), ("arrangement_clip", "/live/arrangement_clip"))

NOTE_FIELDS = ("pitch", "start_time", "duration", "velocity", "mute", "probability", "velocity_deviation",
               "release_velocity")
NOTE_REPLY = ("(note_id:i pitch:i start_time:f duration:f velocity:f mute:b probability:f velocity_deviation:f "
              "release_velocity:f)*")
NOTE_MEMBERS = tuple("MidiNote.%s" % f for f in ("note_id",) + NOTE_FIELDS)


def note_values(notes):
    """Flat OSC values of Live MidiNotes, sorted by pitch then time."""
    values = []
    for note in sorted(notes, key=lambda n: (n.pitch, n.start_time, n.note_id)):
        values.extend((note.note_id, note.pitch, note.start_time, note.duration, note.velocity, bool(note.mute),
                       note.probability, note.velocity_deviation, note.release_velocity))
    return tuple(values)


def _fitting(ctx, notes):
    """The notes, unless their reply cannot reach the client (refused before it is encoded)."""
    check_values(ctx, len(notes) * len(NOTE_REPLY_FIELDS), len(NOTE_REPLY_FIELDS),
                 "ask for a range instead (about %d notes fit): <from_pitch> <pitch_span> <from_time> <time_span>")
    return notes


NOTE_REPLY_FIELDS = ("note_id",) + tuple(NOTE_FIELDS)


def _ids(values):
    return [to_int(v, "note_id") for v in values]


def get_notes_extended(ctx, clip, *bounds):
    """The notes in a pitch and time range (all by default) with their ids."""
    pitch, pitch_span, start, span = clip_module.note_range(bounds, ctx.address)
    return note_values(_fitting(ctx, clip.get_notes_extended(pitch, pitch_span, start, span)))


def get_all_notes(ctx, clip):
    """Every note of the clip with its id."""
    return note_values(_fitting(ctx, clip.get_all_notes_extended()))


def get_selected_notes(ctx, clip):
    """The selected notes with their ids."""
    return note_values(_fitting(ctx, clip.get_selected_notes_extended()))


def get_notes_by_id(ctx, clip, *ids):
    """The notes with the given ids (unknown ids are refused)."""
    wanted = _ids(ids)
    notes = clip.get_notes_by_id(wanted)
    _check_found(notes, wanted)
    return note_values(_fitting(ctx, notes))


def _check_found(notes, wanted):
    missing = sorted(set(wanted) - set(note.note_id for note in notes))
    if missing:
        raise HandlerError("No note with id %s in this clip" % ", ".join(str(i) for i in missing))


def add_notes_extended(ctx, clip, *values):
    """Add notes given as groups of 8 values; reply their new ids."""
    specs = clip_module.note_specs(values, NOTE_FIELDS, ctx.address)
    ids = clip.add_new_notes(tuple(specs))
    if ids is None:
        raise HandlerError("%s: Live %s does not return note ids (Live 11.1 or later does)" % (
            ctx.address, ".".join(str(n) for n in ctx.version)))
    return tuple(int(i) for i in ids)


def apply_note_modifications(ctx, clip, *values):
    """Change existing notes, each given as 9 values starting with its note_id."""
    size = 1 + len(NOTE_FIELDS)
    if not values or len(values) % size:
        raise ArgumentError("%s takes notes as groups of %d values (note_id %s); got %d values" % (
            ctx.address, size, " ".join(NOTE_FIELDS), len(values)))
    changes = {}
    for offset in range(0, len(values), size):
        group = values[offset:offset + size]
        note_id = to_int(group[0], "note_id")
        changes[note_id] = [clip_module.NOTE_FIELDS[f](v, f) for f, v in zip(NOTE_FIELDS, group[1:])]
    notes = clip.get_notes_by_id(list(changes))
    _check_found(notes, list(changes))
    for note in notes:
        for field, value in zip(NOTE_FIELDS, changes[note.note_id]):
            setattr(note, field, value)
    ctx.manager.write(clip.apply_note_modifications, notes)


def duplicate_notes_by_id(ctx, clip, destination_time, transposition, *ids):
    """Copy notes to a time (transposed by semitones); reply the new notes' ids."""
    wanted = _ids(ids)
    _check_found(clip.get_notes_by_id(wanted), wanted)
    new_ids = clip.duplicate_notes_by_id(wanted, destination_time, transposition)
    return tuple(int(i) for i in new_ids)


def select_notes_by_id(ctx, clip, *ids):
    """Add notes to the selection."""
    ctx.manager.write(clip.select_notes_by_id, _ids(ids))


def deselect_notes_by_id(ctx, clip, *ids):
    """Take notes out of the selection (Live has no such call: reselect the others)."""
    gone = set(_ids(ids))
    keep = [n.note_id for n in clip.get_selected_notes_extended() if n.note_id not in gone]
    ctx.manager.write(clip.deselect_all_notes)
    if keep:
        ctx.manager.write(clip.select_notes_by_id, keep)


def _call(name):
    def call(ctx, clip):
        ctx.manager.write(getattr(clip, name))

    return call


def _note_count(clip):
    lo, span, start, length = clip_module.DEFAULT_RANGE
    return len(clip.get_notes_extended(lo, span, start, length))


# The notes listener is an event: updates carry the note count to get/notes_changed, and the
# client asks for the notes it wants (a whole clip may not fit one datagram). start_listen/notes
# is the same subscription under the event's own name.
NOTES_EVENT = Prop("notes_changed", "i", "gl", attr="notes", getter=_note_count,
                   member=("Clip.add_notes_listener", "Clip.get_notes_extended"), strict=True,
                   doc="The number of notes; start_listen sends it whenever the clip's notes change")


def register(reg):
    for kind, base in CLIP_KINDS:
        _register(reg, kind, base)


def _register(reg, kind, base):
    index = "track_id:i clip_id:i " if kind == "clip" else "track_id:i clip_index:i "
    example_index = "0 0"
    if kind == "arrangement_clip":
        # Upstream's 5-field forms, for arrangement clips too.
        reg.add(base + "/get/notes", "get", kind, clip_module.get_notes,
                args="pitch_start:i? pitch_span:i? time_start:f? time_span:f?",
                reply=index + "(pitch:i start_time:f duration:f velocity:f mute:b)*",
                doc="MIDI notes, sorted by pitch then time (optionally those in a pitch and time range)",
                members="Clip.get_notes_extended")
        reg.add(base + "/add/notes", "method", kind, clip_module.add_notes, args="note:x*",
                doc="Add notes given as groups of pitch, start_time, duration, velocity, mute",
                members="Clip.add_new_notes")
        reg.add(base + "/remove/notes", "method", kind, clip_module.remove_notes,
                args="pitch_start:i? pitch_span:i? time_start:f? time_span:f?",
                doc="Remove MIDI notes (all, or those in a pitch and time range)", members="Clip.remove_notes_extended")
        reg.add(base + "/remove_notes_by_id", "method", kind, clip_module.remove_notes_by_id, args="note_id:i*",
                doc="Remove notes by their ids", members="Clip.remove_notes_by_id")
    reg.add(base + "/get/notes_extended", "get", kind, get_notes_extended,
            args="pitch_start:i? pitch_span:i? time_start:f? time_span:f?", reply=index + NOTE_REPLY,
            doc="MIDI notes with their ids, probability, velocity deviation and release velocity, sorted by pitch "
                "then time (optionally those in a pitch and time range: page a large clip with it)",
            example="%s/get/notes_extended %s" % (base, example_index),
            members=("Clip.get_notes_extended",) + NOTE_MEMBERS)
    reg.add(base + "/get/all_notes", "get", kind, get_all_notes, reply=index + NOTE_REPLY, since=(11, 1),
            doc="Every note of the clip with its id (as get/notes_extended)",
            members=("Clip.get_all_notes_extended",) + NOTE_MEMBERS)
    reg.add(base + "/get/selected_notes", "get", kind, get_selected_notes, reply=index + NOTE_REPLY,
            doc="The selected notes with their ids", members=("Clip.get_selected_notes_extended",) + NOTE_MEMBERS)
    reg.add(base + "/get/notes_by_id", "get", kind, get_notes_by_id, args="note_id:i*", reply=index + NOTE_REPLY,
            doc="The notes with the given ids (an unknown id is an error)",
            members=("Clip.get_notes_by_id",) + NOTE_MEMBERS)
    reg.add(base + "/add/notes_extended", "method", kind, add_notes_extended, args="note:x*", since=(11, 1),
            reply=index + "note_id:i*",
            doc="Add notes given as groups of 8: pitch start_time duration velocity mute probability "
                "velocity_deviation release_velocity; replies the new notes' ids in the same order",
            example="%s/add/notes_extended %s 60 0.0 1.0 100 0 1.0 0.0 64" % (base, example_index),
            members="Clip.add_new_notes")
    reg.add(base + "/apply_note_modifications", "method", kind, apply_note_modifications, args="note:x*",
            doc="Change notes given as groups of 9: note_id pitch start_time duration velocity mute probability "
                "velocity_deviation release_velocity (an unknown id is an error and changes nothing)",
            members=("Clip.apply_note_modifications", "Clip.get_notes_by_id") + NOTE_MEMBERS)
    reg.add(base + "/duplicate_notes_by_id", "method", kind, duplicate_notes_by_id,
            args="destination_time:f transposition:i note_id:i*", since=(11, 2), reply=index + "note_id:i*",
            doc="Copy notes so the first starts at destination_time, transposed by semitones; replies the new ids",
            members="Clip.duplicate_notes_by_id")
    reg.add(base + "/select_notes_by_id", "method", kind, select_notes_by_id, args="note_id:i*", since=(11, 1),
            doc="Add notes to the selection", members="Clip.select_notes_by_id")
    reg.add(base + "/deselect_notes_by_id", "method", kind, deselect_notes_by_id, args="note_id:i*",
            since=(11, 1), doc="Take notes out of the selection",
            members=("Clip.get_selected_notes_extended", "Clip.deselect_all_notes", "Clip.select_notes_by_id"))
    reg.add(base + "/select_all_notes", "method", kind, _call("select_all_notes"), doc="Select every note",
            members="Clip.select_all_notes")
    reg.add(base + "/deselect_all_notes", "method", kind, _call("deselect_all_notes"), doc="Deselect every note",
            members="Clip.deselect_all_notes")
    reg.property(kind, NOTES_EVENT, base)
    changed = base + "/get/notes_changed"
    reg.add(base + "/start_listen/notes", KIND_START, kind, _make_start(NOTES_EVENT, changed), prop=NOTES_EVENT,
            reply_address=changed, reply="-> %s %snote_count:i" % (changed, index),
            doc="As start_listen/notes_changed: the note count now and whenever the clip's notes change, to %s"
                % changed)
    reg.add(base + "/stop_listen/notes", KIND_STOP, kind, _make_stop(NOTES_EVENT, changed), prop=NOTES_EVENT,
            doc="As stop_listen/notes_changed")
