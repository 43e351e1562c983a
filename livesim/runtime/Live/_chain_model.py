"""The model of rack chains: a chain's state and its solo rule (Live.Chain and Live.DrumChain show it).

The chain's mute is its mixer's Chain Activator read backwards, so setting either one is seen
through both.  Solo changes recompute ``muted_via_solo`` of the sibling chains.  The view
modules set each node class's ``cls`` (the public class its handles have).
"""
from Live import _lom, _palette
from Live._lom import set_value
from Live._chain_mixer_model import ChainMixerNode
from Live._device_model import follow_value, refresh_container

INSTRUMENT, AUDIO_EFFECT = 1, 2


class ChainNode(_lom.Node):
    """A chain's state: name, colour, solo, devices and mixer (``mixer.chain_activator`` is the mute)."""

    def __init__(self, world, rack, name="Chain", is_return=False, cls=None):
        _lom.Node.__init__(self, world, rack, cls)
        self.name = name
        self.color_index = 0
        self.color = _palette.PALETTE[0]
        self.is_auto_colored = True
        self.solo = False
        self.muted_via_solo = False
        self.is_return = is_return
        self.devices = []
        sends = 0 if is_return else len(getattr(rack, "return_chains", ()))
        self.mixer = ChainMixerNode(world, self, sends=sends)
        follow_value(self.mixer.chain_activator, self._activator_changed)

    def children(self):
        return list(self.devices) + [self.mixer]

    def on_revive(self):
        """Deletion dropped every listener: follow the activator again."""
        follow_value(self.mixer.chain_activator, self._activator_changed)

    def _activator_changed(self):
        _lom.notify(self, "mute")
        refresh_container(self)

    @property
    def mute(self):
        return self.mixer.chain_activator.value < 0.5

    def is_on(self):
        """Devices in this chain run only while it is unmuted and its rack is active."""
        return not self.mute and self.parent.is_active

    def siblings(self):
        """The chains whose solo states interact with this one's."""
        rack = self.parent
        return rack.return_chains if self.is_return else rack.chains

    def has_instrument(self):
        return any(int(d.type) == INSTRUMENT for d in self.devices)


def refresh_solo(chains):
    """Recompute muted_via_solo of ``chains`` (a chain is muted by another one's solo)."""
    any_solo = any(c.solo for c in chains)
    for c in chains:
        set_value(c, "muted_via_solo", any_solo and not c.solo, undo=False)


class DrumChainNode(ChainNode):
    """A drum chain: ``pad`` is the DrumPad node it sits in; out_note defaults to C3 (60)."""

    def __init__(self, world, rack, pad, name="", out_note=60, choke_group=0):
        ChainNode.__init__(self, world, rack, name)
        self.pad = pad
        self.out_note = out_note
        self.choke_group = choke_group

    @property
    def in_note(self):
        return self.pad.note
