"""Live.TuningSystem (Live 12.1+): the set's active tuning; its state and rules are in Live._tuning_system_model."""
from Live import _lom
from Live._lom import prop
from Live._tuning_system_model import (  # noqa: F401  (the value classes are Live.TuningSystem's)
    PitchClassAndOctave, ReferencePitch, TuningNode, note_setter, set_reference, set_tunings)


class TuningSystem(_lom.LomObject):
    """The set's active tuning system (``song.tuning_system``)."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    pseudo_octave_in_cents = prop("float")
    number_of_notes_in_pseudo_octave = prop("int", get=lambda o: len(o.note_tunings))
    note_tunings = prop("any", set=True, observe=True, fset=set_tunings)
    reference_pitch = prop("any", set=True, observe=True, fset=set_reference)
    lowest_note = prop("any", set=True, observe=True, fset=note_setter("lowest_note"))
    highest_note = prop("any", set=True, observe=True, fset=note_setter("highest_note"))


TuningNode.cls = TuningSystem
