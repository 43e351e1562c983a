"""Live.DrumChain: a chain of a Drum Rack, triggered by its pad's note."""
from Live._lom import prop, set_value, since
from Live._chain import Chain
from Live._chain_model import DrumChainNode

NOTE_TEXT = "Note must be between 0 and 127"
CHOKE_TEXT = "Choke group must be between 0 and 16"


def _set_in_note(o, v):
    if v < 0 or v > 127:
        raise RuntimeError(NOTE_TEXT)
    if v != o.pad.note:
        o.parent.move_chain_to_pad(o, v)


def _set_out_note(o, v):
    if v < 0 or v > 127:
        raise RuntimeError(NOTE_TEXT)
    set_value(o, "out_note", v)


def _set_choke(o, v):
    if v < 0 or v > 16:
        raise RuntimeError(CHOKE_TEXT)
    set_value(o, "choke_group", v)


class DrumChain(Chain):
    """A Drum Rack chain."""

    __slots__ = ()
    in_note = prop("int", set=True, observe=True, fset=_set_in_note, avail=since(12, 0))
    out_note = prop("int", set=True, observe=True, fset=_set_out_note)
    choke_group = prop("int", set=True, observe=True, fset=_set_choke)


DrumChainNode.cls = DrumChain  # handles of drum chain nodes are Live.DrumChain.DrumChain
