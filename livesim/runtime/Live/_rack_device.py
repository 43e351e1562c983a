"""Live.RackDevice: Instrument, Audio Effect, MIDI Effect and Drum Racks.

The state behind it is in Live._rack_model.  ``parameters`` are Device On and the 16
macros; ``visible_macro_count`` of them are shown.  Drum members on other racks raise
``RuntimeError(DRUM_TEXT)`` as Live does.
"""
import random

from Live import _lom
from Live._lom import method, prop, set_value, since
from Live._base import Vector
from Live._device import Device
from Live._rack_model import MACRO_COUNT, RackNode, RackViewNode

DRUM_TEXT = "Only Drum Racks have drum pads"
MACRO_MAX_TEXT = "The maximum number of macros is already visible"
MACRO_MIN_TEXT = "The minimum number of macros is already visible"
PAD_INDEX_TEXT = "Drum pad index must be between 0 and 127"
PAD_EMPTY_TEXT = "The source drum pad is empty"
VARIATION_TEXT = "Variation index out of range"
PAD_ROWS = 32


def _drum_only(o):
    return None if o.can_have_drum_pads else DRUM_TEXT


def _view_drum_only(o):
    return _drum_only(o.parent)


def _visible_pads(o):
    start = o.view.drum_pads_scroll_position * 4
    return o.pads[start:start + 16]


def _set_variation_index(o, v):
    if v < -1 or v >= len(o.variations):
        raise RuntimeError(VARIATION_TEXT)
    o.selected_variation_index = v


def _set_scroll(o, v):
    if v < 0 or v > PAD_ROWS - 4:
        raise RuntimeError("Scroll position out of range")
    if set_value(o, "drum_pads_scroll_position", v):
        _lom.notify(o.parent, "visible_drum_pads")


def _set_selected_chain(o, chain):
    if chain is not None and chain.parent is not o.parent:
        raise RuntimeError("The chain is not part of this rack")
    set_value(o, "selected_chain", chain)


def _set_selected_pad(o, pad):
    if pad.parent is not o.parent:
        raise RuntimeError("The drum pad is not part of this rack")
    set_value(o, "selected_drum_pad", pad)


def _recall(o, index):
    values = o.variations[index]
    for p, v in zip(o.macros(), values):
        p.set(v)
    o.last_recalled = index


class RackDevice(Device):
    """A rack: chains, return chains, macros, variations; Drum Racks add drum pads."""

    __slots__ = ()
    chains = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.chains))
    return_chains = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.return_chains))
    drum_pads = prop("Vector", observe=True, check=_drum_only, get=lambda o: _lom.vector(Vector, o.pads))
    visible_drum_pads = prop("Vector", observe=True, check=_drum_only,
                             get=lambda o: _lom.vector(Vector, _visible_pads(o)))
    has_drum_pads = prop("bool", observe=True, check=_drum_only, get=lambda o: bool(o.chains))
    has_macro_mappings = prop("bool", observe=True, get=lambda o: any(o.mapped))
    macros_mapped = prop("any", observe=True, get=lambda o: tuple(o.mapped))
    visible_macro_count = prop("int", observe=True, avail=since(12, 0))
    variation_count = prop("int", observe=True, get=lambda o: len(o.variations))
    selected_variation_index = prop("int", set=True, fset=_set_variation_index)
    is_showing_chains = prop("bool", set=True, observe=True, doc=False)
    can_show_chains = prop("bool", get=lambda o: int(o.type) == 1 and not o.can_have_drum_pads)
    chain_selector = prop("DeviceParameter", avail=since(11, 3, 2), get=lambda o: _lom.wrap(o.chain_selector))

    @method("int arg2, int arg3", edits=True, label="Copy Pad")
    def copy_pad(o, source_index, destination_index):
        """Replace the destination pad's chains with copies of the source pad's."""
        if not o.can_have_drum_pads:
            raise RuntimeError(DRUM_TEXT)
        if not (0 <= source_index < 128 and 0 <= destination_index < 128):
            raise RuntimeError(PAD_INDEX_TEXT)
        src = o.pads[source_index]
        if not src.chains:
            raise RuntimeError(PAD_EMPTY_TEXT)
        from Live._devices_model import clone_chain
        dst = o.pads[destination_index]
        o.set_pad_chains(dst, [clone_chain(o.world, c, o, pad=dst) for c in src.chains])

    @method("int Index=-1", edits=True, label="Insert Chain", avail=since(12, 3))
    def insert_chain(o, index):
        """Insert an empty chain at ``index`` (-1: the end) and return it."""
        from Live._devices_model import new_chain
        chains = list(o.chains)
        if index < -1 or index > len(chains):
            raise RuntimeError("Invalid chain index")
        pad = o.view.selected_drum_pad if o.can_have_drum_pads else None
        chain = new_chain(o.world, o, pad=pad)
        chains.insert(len(chains) if index == -1 else index, chain)
        o.set_chains(chains, label="Insert Chain")
        return _lom.wrap(chain)

    @method()
    def add_macro(o):
        """Show one more macro."""
        if o.visible_macro_count >= MACRO_COUNT:
            raise RuntimeError(MACRO_MAX_TEXT)
        set_value(o, "visible_macro_count", o.visible_macro_count + 1, undo=False)

    @method()
    def remove_macro(o):
        """Show one macro fewer."""
        if o.visible_macro_count <= 1:
            raise RuntimeError(MACRO_MIN_TEXT)
        set_value(o, "visible_macro_count", o.visible_macro_count - 1, undo=False)

    @method(edits=True, label="Randomize Macros")
    def randomize_macros(o):
        """Give every visible macro a random value."""
        for p in o.macros()[:o.visible_macro_count]:
            p.set(float(random.randint(0, 127)))

    @method(edits=True, label="Store Variation")
    def store_variation(o):
        """Store the macro values as a new variation and select it."""
        o.variations.append([p.value for p in o.macros()])
        o.selected_variation_index = len(o.variations) - 1
        _lom.notify(o, "variation_count")

    @method(edits=True, label="Recall Variation")
    def recall_selected_variation(o):
        """Apply the selected variation (nothing if there is none)."""
        if 0 <= o.selected_variation_index < len(o.variations):
            _recall(o, o.selected_variation_index)

    @method(edits=True, label="Recall Variation")
    def recall_last_used_variation(o):
        """Apply the variation recalled last (nothing if none was)."""
        if o.last_recalled is not None and o.last_recalled < len(o.variations):
            _recall(o, o.last_recalled)

    @method(edits=True, label="Delete Variation")
    def delete_selected_variation(o):
        """Delete the selected variation (nothing if none is selected)."""
        i = o.selected_variation_index
        if 0 <= i < len(o.variations):
            del o.variations[i]
            o.selected_variation_index = min(i, len(o.variations) - 1)
            o.last_recalled = None
            _lom.notify(o, "variation_count")

    class View(Device.View):
        """RackDevice.View."""

        __slots__ = ()
        selected_chain = prop("Chain?", set=True, observe=True, doc=False, fset=_set_selected_chain,
                              get=lambda o: _lom.wrap(o.selected_chain))
        selected_drum_pad = prop("DrumPad", set=True, observe=True, doc=False, check=_view_drum_only,
                                 fset=_set_selected_pad, get=lambda o: _lom.wrap(o.selected_drum_pad))
        drum_pads_scroll_position = prop("int", set=True, observe=True, doc=False, check=_view_drum_only,
                                         fset=_set_scroll)
        is_showing_chain_devices = prop("bool", set=True, observe=True, doc=False)


RackNode.cls = RackDevice  # handles of rack nodes are Live.RackDevice.RackDevice
RackViewNode.cls = RackDevice.View
