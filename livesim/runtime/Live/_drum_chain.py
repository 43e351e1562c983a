"""Live.DrumChain: a chain of a Drum Rack, triggered by its pad's note; a view on Live._chain_model."""
from Live._lom import prop, since
from Live._chain import Chain
from Live._chain_model import DrumChainNode, set_choke_group, set_in_note, set_out_note


class DrumChain(Chain):
    """A Drum Rack chain."""

    __slots__ = ()
    in_note = prop("int", set=True, observe=True, fset=set_in_note, avail=since(12, 0))
    out_note = prop("int", set=True, observe=True, fset=set_out_note)
    choke_group = prop("int", set=True, observe=True, fset=set_choke_group)


DrumChainNode.cls = DrumChain  # handles of drum chain nodes are Live.DrumChain.DrumChain
