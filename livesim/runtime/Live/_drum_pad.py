"""Live.DrumPad: one of a Drum Rack's 128 pads, a view on Live._drum_pad_model."""
from Live import _lom
from Live._lom import method, prop
from Live._base import Vector
from Live._drum_pad_model import DrumPadNode, set_pad_mute, set_pad_solo


class DrumPad(_lom.LomObject):
    """A drum pad of a Drum Rack."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    note = prop("int")
    name = prop("str", observe=True)
    mute = prop("bool", set=True, observe=True, fset=set_pad_mute)
    solo = prop("bool", set=True, observe=True, fset=set_pad_solo)
    chains = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.chains))

    @method(edits=True, label="Delete Pad")
    def delete_all_chains(o):
        """Remove every chain of this pad (an empty pad keeps its note name)."""
        o.parent.set_pad_chains(o, [])


DrumPadNode.cls = DrumPad  # handles of pad nodes are Live.DrumPad.DrumPad
