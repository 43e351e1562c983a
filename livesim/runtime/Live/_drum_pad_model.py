"""The model of drum pads (Live.DrumPad shows them): a Drum Rack's 128 pads, by MIDI note.

Live._drum_pad sets ``DrumPadNode.cls`` (the public class its handles have).
"""
from Live import _lom
from Live._lom import set_value
from Live._chain_model import refresh_solo

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def note_name(note):
    """Live's name of a MIDI note: 36 -> "C1", 60 -> "C3"."""
    return "%s%d" % (NOTE_NAMES[note % 12], note // 12 - 2)


class DrumPadNode(_lom.Node):
    """A pad: its note, mute/solo and the drum chains placed on it."""

    def __init__(self, world, rack, note):
        _lom.Node.__init__(self, world, rack)
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


def set_pad_mute(o, v):
    """Mute or unmute a pad: its chains' activators follow."""
    if set_value(o, "mute", v):
        for c in o.chains:
            c.mixer.chain_activator.set(0.0 if v else 1.0, undo=False)


def set_pad_solo(o, v):
    """Solo a pad: its chains follow, and the rack's other chains are muted by it."""
    if set_value(o, "solo", v):
        for c in o.chains:
            set_value(c, "solo", v, undo=False)
        refresh_solo(o.parent.chains)
