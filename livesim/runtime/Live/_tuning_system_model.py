"""The model of the set's tuning system (Live.TuningSystem shows it): its notes in cents, reference pitch and range.

``song.tuning_system`` is None while the set uses 12-tone equal temperament (Live's default);
a set file's ``tuning_system`` entry loads one:

    {"name": "Pelog", "pseudo_octave_in_cents": 1200.0, "note_tunings": [0.0, 120.0, ...],
     "reference_pitch": [0, 4, 440.0], "lowest_note": [0, 0], "highest_note": [6, 9]}

Notes are (index within the pseudo octave, octave) pairs; setters take such a pair (or a
``PitchClassAndOctave``) and the reference pitch takes (index, octave, frequency in Hz).
"""
from Live import _lom
from Live._lom import set_value


class PitchClassAndOctave(object):
    """A note of a tuning: its index within the pseudo octave and its octave."""

    __slots__ = ("_index", "_octave")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    index_in_octave = property(lambda self: self._index, doc="Index within the pseudo octave.")
    octave = property(lambda self: self._octave, doc="The octave.")

    def __eq__(self, other):
        return isinstance(other, PitchClassAndOctave) and (self._index, self._octave) == (other._index, other._octave)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._index, self._octave))


class ReferencePitch(object):
    """The note a tuning is anchored to, and its frequency."""

    __slots__ = ("_index", "_octave", "_frequency")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    index_in_octave = property(lambda self: self._index, doc="Index within the pseudo octave.")
    octave = property(lambda self: self._octave, doc="The octave.")
    frequency = property(lambda self: self._frequency, doc="Frequency in Hz.")

    def __eq__(self, other):
        return isinstance(other, ReferencePitch) and \
            (self._index, self._octave, self._frequency) == (other._index, other._octave, other._frequency)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._index, self._octave))


PitchClassAndOctave.__module__ = ReferencePitch.__module__ = "TuningSystem"


def note(index, octave):
    """A PitchClassAndOctave value."""
    n = object.__new__(PitchClassAndOctave)
    n._index, n._octave = int(index), int(octave)
    return n


def reference(index, octave, frequency):
    """A ReferencePitch value."""
    r = object.__new__(ReferencePitch)
    r._index, r._octave, r._frequency = int(index), int(octave), float(frequency)
    return r


class TuningNode(_lom.Node):
    """A tuning system's state."""

    def __init__(self, world, song, name, note_tunings, pseudo_octave_in_cents=1200.0, reference_pitch=(0, 4, 440.0),
                 lowest_note=(0, 0), highest_note=None):
        _lom.Node.__init__(self, world, song)
        self.name = name
        self.note_tunings = tuple(float(c) for c in note_tunings)
        self.pseudo_octave_in_cents = float(pseudo_octave_in_cents)
        self.reference_pitch = reference(*reference_pitch)
        self.lowest_note = note(*lowest_note)
        self.highest_note = note(*(highest_note or (len(self.note_tunings) - 1, 9)))


def _note_value(o, v):
    if isinstance(v, PitchClassAndOctave):
        return v
    try:
        index, octave = v
        index, octave = int(index), int(octave)
    except (TypeError, ValueError):
        raise _lom.ArgumentError("A note is (index within the pseudo octave, octave)")
    if not 0 <= index < len(o.note_tunings):
        raise RuntimeError("Note index out of range")
    return note(index, octave)


def note_setter(attr):
    """The setter of a note (a PitchClassAndOctave or an (index, octave) pair)."""
    def fset(o, v):
        set_value(o, attr, _note_value(o, v))
    return fset


def set_reference(o, v):
    """Set the reference pitch (a ReferencePitch or (index, octave, frequency))."""
    if not isinstance(v, ReferencePitch):
        try:
            index, octave, frequency = v
            v = reference(index, octave, frequency)
        except (TypeError, ValueError):
            raise _lom.ArgumentError("A reference pitch is (index within the pseudo octave, octave, frequency)")
    if not 0 <= v.index_in_octave < len(o.note_tunings) or v.frequency <= 0.0:
        raise RuntimeError("Invalid reference pitch")
    set_value(o, "reference_pitch", v)


def set_tunings(o, v):
    """Set the notes' tunings in cents (as many as the tuning has)."""
    try:
        cents = tuple(float(c) for c in v)
    except (TypeError, ValueError):
        raise _lom.ArgumentError("Note tunings are a sequence of cents")
    if len(cents) != len(o.note_tunings):
        raise RuntimeError("A tuning has %d notes" % len(o.note_tunings))
    set_value(o, "note_tunings", cents)


def from_spec(world, song, spec, path="set.tuning_system"):
    """A TuningNode from a set file's ``tuning_system`` entry (ValueError naming the bad key)."""
    if not isinstance(spec, dict) or not isinstance(spec.get("note_tunings"), list) or not spec["note_tunings"]:
        raise ValueError("%s: expected an object with a non-empty 'note_tunings' list" % path)
    try:
        return TuningNode(world, song, str(spec.get("name", "Tuning")), spec["note_tunings"],
                          spec.get("pseudo_octave_in_cents", 1200.0), tuple(spec.get("reference_pitch", (0, 4, 440.0))),
                          tuple(spec.get("lowest_note", (0, 0))), spec.get("highest_note"))
    except (TypeError, ValueError) as error:
        raise ValueError("%s: %s" % (path, error))
