"""The model of a rack chain's mixer (Live.ChainMixerDevice shows it): volume, panning, activator, sends.

Live._chain_mixer_device sets ``ChainMixerNode.cls`` (the public class its handles have).
"""
from Live import _lom
from Live._device_parameter_model import ParamNode
from Live._mixer_model import send_name


class ChainMixerNode(_lom.Node):
    """Mixer state of a chain; the activator mirrors the chain's mute."""

    def __init__(self, world, chain, volume=0.85, panning=0.0, sends=0):
        _lom.Node.__init__(self, world, chain)
        self.volume = ParamNode(world, self, "Chain Volume", volume, 0.0, 1.0, display="volume")
        self.panning = ParamNode(world, self, "Chain Pan", panning, -1.0, 1.0, display="pan")
        self.chain_activator = ParamNode(world, self, "Chain Activator", 1.0, 0.0, 1.0, True, ["Off", "On"])
        self.sends = [ParamNode(world, self, send_name(i), 0.0, 0.0, 1.0, display="send") for i in range(sends)]

    def set_send_count(self, n):
        """Grow or shrink the sends to one per return chain of the rack."""
        changed = False
        while len(self.sends) < n:
            self.sends.append(ParamNode(self.world, self, send_name(len(self.sends)), 0.0, 0.0, 1.0, display="send"))
            changed = True
        while len(self.sends) > n:
            _lom.kill(self.sends.pop())
            changed = True
        if changed:
            _lom.notify(self, "sends")

    def children(self):
        return [self.volume, self.panning, self.chain_activator] + list(self.sends)
