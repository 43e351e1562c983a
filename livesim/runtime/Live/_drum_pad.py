"""Live.DrumPad: one of a Drum Rack's 128 pads (by MIDI note)."""
from Live import _lom
from Live._lom import method, prop, set_value
from Live._base import Vector

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def note_name(note):
    """Live's name of a MIDI note: 36 -> "C1", 60 -> "C3"."""
    return "%s%d" % (NOTE_NAMES[note % 12], note // 12 - 2)


class DrumPadNode(_lom.Node):
    """A pad: its note, mute/solo and the drum chains placed on it."""

    def __init__(self, world, rack, note):
        _lom.Node.__init__(self, world, rack, DrumPad)
        self.note = note
        self.mute = False
        self.solo = False
        self.chains = []

    def children(self):
        # Chains belong to the rack (rack.chains); a pad only references them.
        return ()

    @property
    def name(self):
        return self.chains[0].name if self.chains and self.chains[0].name else note_name(self.note)

    def chains_changed(self):
        """Notify the pad's chains and name (its name follows the first chain)."""
        _lom.notify(self, "chains")
        _lom.notify(self, "name")


def _set_mute(o, v):
    if set_value(o, "mute", v):
        for c in o.chains:
            c.mixer.chain_activator.set(0.0 if v else 1.0, undo=False)


def _set_solo(o, v):
    if set_value(o, "solo", v):
        for c in o.chains:
            set_value(c, "solo", v, undo=False)
        from Live._chain_model import refresh_solo
        refresh_solo(o.parent.chains)


class DrumPad(_lom.LomObject):
    """A drum pad of a Drum Rack."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    note = prop("int")
    name = prop("str", observe=True)
    mute = prop("bool", set=True, observe=True, fset=_set_mute)
    solo = prop("bool", set=True, observe=True, fset=_set_solo)
    chains = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.chains))

    @method(edits=True, label="Delete Pad")
    def delete_all_chains(o):
        """Remove every chain of this pad (an empty pad keeps its note name)."""
        o.parent.set_pad_chains(o, [])
