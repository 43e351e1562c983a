"""/live/tuning_system/*: the set's active tuning system (Live 12.1+): its notes in cents, reference pitch, range.

Notes are (index within the pseudo octave, octave) pairs. A set in 12-tone equal temperament has
no tuning system: its addresses say so (``/live/song/get/tuning_system`` answers nil).
"""

from .errors import HandlerError
from .registry import KIND_SET, Prop
from .types import ArgumentError

SINCE = (12, 1)
PREFIX = "/live/tuning_system"


def system_of(song):
    """The song's active tuning system (an error in equal temperament)."""
    system = song.tuning_system
    if system is None:
        raise HandlerError("The set has no tuning system (it uses 12-tone equal temperament)")
    return system


def _note(value):
    return (int(value.index_in_octave), int(value.octave))


def _reference(value):
    return (int(value.index_in_octave), int(value.octave), float(value.frequency))


PROPERTIES = [
    Prop("name", "s", strict=True, doc="The tuning system's name"),
    Prop("pseudo_octave_in_cents", "f", "g", strict=True, doc="The interval the tuning repeats at, in cents"),
    Prop("number_of_notes_in_pseudo_octave", "i", "g", strict=True, doc="The number of notes in the pseudo octave"),
    Prop("note_tunings", "f*", "gl", strict=True, out=lambda cents: tuple(float(c) for c in cents),
         doc="Each note of the pseudo octave in cents"),
    Prop("reference_pitch", "x", "gl", strict=True, out=_reference,
         member=("TuningSystem.reference_pitch", "ReferencePitch.index_in_octave", "ReferencePitch.octave",
                 "ReferencePitch.frequency"),
         doc="The reference note (index, octave) and its frequency in Hz"),
    Prop("lowest_note", "x", "gl", strict=True, out=_note,
         member=("TuningSystem.lowest_note", "PitchClassAndOctave.index_in_octave", "PitchClassAndOctave.octave"),
         doc="The lowest note of the tuning's range (index, octave)"),
    Prop("highest_note", "x", "gl", strict=True, out=_note,
         member=("TuningSystem.highest_note", "PitchClassAndOctave.index_in_octave", "PitchClassAndOctave.octave"),
         doc="The highest note of the tuning's range (index, octave)"),
]
for _prop in PROPERTIES:
    _prop.since = SINCE
    _prop.target = system_of
    _members = _prop.member or "TuningSystem.%s" % _prop.attr
    _prop.member = ("Song.tuning_system",) + ((_members,) if isinstance(_members, str) else tuple(_members))
del _prop, _members


def set_note_tunings(ctx, song, *cents):
    system = system_of(song)
    if len(cents) != len(system.note_tunings):
        raise ArgumentError("note_tunings takes %d values (one per note), got %d"
                            % (len(system.note_tunings), len(cents)))
    ctx.manager.write(setattr, system, "note_tunings", tuple(cents))


def set_reference_pitch(ctx, song, index, octave, frequency):
    ctx.manager.write(setattr, system_of(song), "reference_pitch", (index, octave, frequency))


def _set_note(attr):
    def set_(ctx, song, index, octave):
        ctx.manager.write(setattr, system_of(song), attr, (index, octave))

    return set_


def register(reg):
    reg.properties("song", PROPERTIES, prefix=PREFIX)
    reg.add("/live/tuning_system/set/note_tunings", KIND_SET, "song", set_note_tunings, args="cents:f*", since=SINCE,
            members="TuningSystem.note_tunings", doc="Set every note of the pseudo octave, in cents")
    reg.add("/live/tuning_system/set/reference_pitch", KIND_SET, "song", set_reference_pitch, since=SINCE,
            args="index_in_octave:i octave:i frequency:f", members="TuningSystem.reference_pitch",
            doc="Set the reference note and its frequency in Hz")
    for attr in ("lowest_note", "highest_note"):
        reg.add("/live/tuning_system/set/%s" % attr, KIND_SET, "song", _set_note(attr), since=SINCE,
                args="index_in_octave:i octave:i", members="TuningSystem.%s" % attr,
                doc="Set the %s note of the tuning's range" % attr.split("_")[0])
