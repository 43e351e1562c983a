"""The model of racks (Live.RackDevice shows it): chains, return chains and a Drum Rack's 128 pads.

A rack node owns its chains and return chains; a Drum Rack also owns 128 pads (one per MIDI
note) that reference the drum chains placed on them.  ``parameters`` are Device On and the 16
macros; ``visible_macro_count`` of them are shown.  Drum members on other racks raise
``RuntimeError(DRUM_TEXT)`` as Live does.  Live._rack_device sets each node class's ``cls`` (the
public class its handles have).
"""
import random

from Live import _lom
from Live._lom import set_value
from Live._device_model import DeviceNode, ViewNode, refresh_active
from Live._device_parameter_model import ParamNode
from Live._drum_pad_model import DrumPadNode

MACRO_COUNT = 16
DRUM_TEXT = "Only Drum Racks have drum pads"
MACRO_MAX_TEXT = "The maximum number of macros is already visible"
MACRO_MIN_TEXT = "The minimum number of macros is already visible"
VARIATION_TEXT = "Variation index out of range"
PAD_ROWS = 32


class RackNode(DeviceNode):
    """A rack's state: chains, return chains, pads (Drum Rack), macro variations and view."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, drum=False):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
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
            _lom.replace_members(before, after)
            for c in before:
                pad = getattr(c, "pad", None)
                if c not in after and pad is not None and c in pad.chains:
                    pad.chains.remove(c)
                    pad.chains_changed()
            for c in after:
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
        ViewNode.__init__(self, world, rack)
        self.selected_chain = None
        self.selected_drum_pad = None
        self.drum_pads_scroll_position = 9
        self.is_showing_chain_devices = False


# ---------------------------------------------------------------- rules

def drum_refusal(o):
    """Why rack ``o`` has no drum pads (None for a Drum Rack)."""
    return None if o.can_have_drum_pads else DRUM_TEXT


def view_drum_refusal(o):
    """Why the rack of view ``o`` has no drum pads (None for a Drum Rack)."""
    return drum_refusal(o.parent)


def visible_pads(o):
    """The 16 pads the Drum Rack's view shows."""
    start = o.view.drum_pads_scroll_position * 4
    return o.pads[start:start + 16]


def set_variation_index(o, v):
    """Select macro variation ``v`` (-1: none)."""
    if v < -1 or v >= len(o.variations):
        raise RuntimeError(VARIATION_TEXT)
    o.selected_variation_index = v


def set_scroll(o, v):
    """Scroll the Drum Rack's view to pad row ``v``."""
    if v < 0 or v > PAD_ROWS - 4:
        raise RuntimeError("Scroll position out of range")
    if set_value(o, "drum_pads_scroll_position", v):
        _lom.notify(o.parent, "visible_drum_pads")


def set_selected_chain(o, chain):
    """Select a chain of the view's rack (or none)."""
    if chain is not None and chain.parent is not o.parent:
        raise RuntimeError("The chain is not part of this rack")
    set_value(o, "selected_chain", chain)


def set_selected_pad(o, pad):
    """Select a pad of the view's Drum Rack."""
    if pad.parent is not o.parent:
        raise RuntimeError("The drum pad is not part of this rack")
    set_value(o, "selected_drum_pad", pad)


def show_macros(o, delta):
    """Show ``delta`` more macros (fewer for a negative one), within 1..16."""
    count = o.visible_macro_count + delta
    if count > MACRO_COUNT:
        raise RuntimeError(MACRO_MAX_TEXT)
    if count < 1:
        raise RuntimeError(MACRO_MIN_TEXT)
    set_value(o, "visible_macro_count", count, undo=False)


def randomize_macros(o):
    """Give every visible macro a random value."""
    for p in o.macros()[:o.visible_macro_count]:
        p.set(float(random.randint(0, 127)))


def store_variation(o):
    """Store the macro values as a new variation and select it."""
    o.variations.append([p.value for p in o.macros()])
    o.selected_variation_index = len(o.variations) - 1
    _lom.notify(o, "variation_count")


def recall_variation(o, index):
    """Apply variation ``index`` (nothing if there is no such variation)."""
    if index is not None and 0 <= index < len(o.variations):
        for p, v in zip(o.macros(), o.variations[index]):
            p.set(v)
        o.last_recalled = index


def delete_selected_variation(o):
    """Delete the selected variation (nothing if none is selected)."""
    i = o.selected_variation_index
    if 0 <= i < len(o.variations):
        del o.variations[i]
        o.selected_variation_index = min(i, len(o.variations) - 1)
        o.last_recalled = None
        _lom.notify(o, "variation_count")
