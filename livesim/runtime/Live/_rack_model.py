"""The model of racks (Live.RackDevice shows it): chains, return chains and a Drum Rack's 128 pads.

A rack node owns its chains and return chains; a Drum Rack also owns 128 pads (one per MIDI
note) that reference the drum chains placed on them.  Live._rack_device sets each node class's
``cls`` (the public class its handles have).
"""
from Live import _lom
from Live._lom import set_value
from Live._device_model import DeviceNode, ViewNode, refresh_active
from Live._device_parameter_model import ParamNode
from Live._drum_pad_model import DrumPadNode

MACRO_COUNT = 16


class RackNode(DeviceNode):
    """A rack's state: chains, return chains, pads (Drum Rack), macro variations and view."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, drum=False):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name, self.cls)
        self.view = RackViewNode(world, self)
        self.can_have_chains = True
        self.can_have_drum_pads = drum
        self.chains = []
        self.return_chains = []
        self.pads = [DrumPadNode(world, self, n) for n in range(128)] if drum else []
        self.visible_macro_count = 8
        self.mapped = [False] * MACRO_COUNT
        self.variations = []
        self.selected_variation_index = -1
        self.last_recalled = None
        self.is_showing_chains = False
        self.chain_selector = ParamNode(world, self, "Chain Selector", 0.0, 0.0, 127.0, True)
        if drum:
            self.view.selected_drum_pad = self.pads[36]

    def children(self):
        return (DeviceNode.children(self) + list(self.chains) + list(self.return_chains) + list(self.pads)
                + [self.chain_selector])

    def sub_devices(self):
        out = []
        for c in self.chains + self.return_chains:
            out.extend(c.devices)
        return out

    def macros(self):
        return self.parameters[1:1 + MACRO_COUNT]

    # -- chain lists
    def set_chains(self, chains, returns=False, label="Chains"):
        """Replace the chains (or return chains) as one undoable edit."""
        attr = "return_chains" if returns else "chains"
        old = list(getattr(self, attr))
        new = list(chains)

        def apply(before, after):
            for c in before:
                if c not in after:
                    _lom.kill(c)
                    pad = getattr(c, "pad", None)
                    if pad is not None and c in pad.chains:
                        pad.chains.remove(c)
                        pad.chains_changed()
            for c in after:
                if c.dead:
                    _lom.revive(c)
                pad = getattr(c, "pad", None)
                if pad is not None and c not in pad.chains:
                    pad.chains.append(c)
                    pad.chains_changed()
            setattr(self, attr, list(after))
            _lom.notify(self, attr)
            if returns:
                for c in self.chains:
                    c.mixer.set_send_count(len(self.return_chains))
            elif self.view.selected_chain is not None and self.view.selected_chain not in after:
                set_value(self.view, "selected_chain", after[0] if after else None, undo=False)
            if self.can_have_drum_pads:
                _lom.notify(self, "has_drum_pads")
            for c in after:
                for d in c.devices:
                    refresh_active(d)

        apply(old, new)
        self.world.history.record(lambda: apply(new, old), lambda: apply(old, new), label)

    def set_pad_chains(self, pad, chains):
        """Make ``chains`` the only chains of ``pad`` (drum racks)."""
        keep = [c for c in self.chains if c.pad is not pad]
        for c in chains:
            c.pad = pad
        self.set_chains(keep + list(chains), label="Drum Pad")

    def move_chain_to_pad(self, chain, note):
        """Move a drum chain to the pad of ``note`` (DrumChain.in_note)."""
        old = chain.pad
        new = self.pads[note]

        def move(src, dst):
            if chain in src.chains:
                src.chains.remove(chain)
            dst.chains.append(chain)
            chain.pad = dst
            src.chains_changed()
            dst.chains_changed()
            _lom.notify(chain, "in_note")

        move(old, new)
        self.world.history.record(lambda: move(new, old), lambda: move(old, new), "in_note")


class RackViewNode(ViewNode):
    """RackDevice.View state."""

    def __init__(self, world, rack):
        ViewNode.__init__(self, world, rack, self.cls)
        self.selected_chain = None
        self.selected_drum_pad = None
        self.drum_pads_scroll_position = 9
        self.is_showing_chain_devices = False
