"""Live.RackDevice: Instrument, Audio Effect, MIDI Effect and Drum Racks, views on Live._rack_model."""
from Live import _lom
from Live._lom import method, prop, since
from Live._base import Vector
from Live._device import Device
from Live._devices_model import copy_pad, insert_chain
from Live._rack_model import (
    RackNode, RackViewNode, delete_selected_variation, drum_refusal, randomize_macros, recall_variation, set_scroll,
    set_selected_chain, set_selected_pad, set_variation_index, show_macros, store_variation, view_drum_refusal,
    visible_pads)


class RackDevice(Device):
    """A rack: chains, return chains, macros, variations; Drum Racks add drum pads."""

    __slots__ = ()
    chains = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.chains))
    return_chains = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.return_chains))
    drum_pads = prop("Vector", observe=True, check=drum_refusal, get=lambda o: _lom.vector(Vector, o.pads))
    visible_drum_pads = prop("Vector", observe=True, check=drum_refusal,
                             get=lambda o: _lom.vector(Vector, visible_pads(o)))
    has_drum_pads = prop("bool", observe=True, check=drum_refusal, get=lambda o: bool(o.chains))
    has_macro_mappings = prop("bool", observe=True, get=lambda o: any(o.mapped))
    macros_mapped = prop("any", observe=True, get=lambda o: tuple(o.mapped))
    visible_macro_count = prop("int", observe=True, avail=since(12, 0))
    variation_count = prop("int", observe=True, get=lambda o: len(o.variations))
    selected_variation_index = prop("int", set=True, fset=set_variation_index)
    is_showing_chains = prop("bool", set=True, observe=True, doc=False)
    can_show_chains = prop("bool", get=lambda o: int(o.type) == 1 and not o.can_have_drum_pads)
    chain_selector = prop("DeviceParameter", avail=since(11, 3, 2), get=lambda o: _lom.wrap(o.chain_selector))

    @method("int arg2, int arg3", edits=True, label="Copy Pad")
    def copy_pad(o, source_index, destination_index):
        """Replace the destination pad's chains with copies of the source pad's."""
        copy_pad(o, source_index, destination_index)

    @method("int Index=-1", edits=True, label="Insert Chain", avail=since(12, 3))
    def insert_chain(o, index):
        """Insert an empty chain at ``index`` (-1: the end) and return it."""
        return _lom.wrap(insert_chain(o, index))

    @method()
    def add_macro(o):
        """Show one more macro."""
        show_macros(o, 1)

    @method()
    def remove_macro(o):
        """Show one macro fewer."""
        show_macros(o, -1)

    @method(edits=True, label="Randomize Macros")
    def randomize_macros(o):
        """Give every visible macro a random value."""
        randomize_macros(o)

    @method(edits=True, label="Store Variation")
    def store_variation(o):
        """Store the macro values as a new variation and select it."""
        store_variation(o)

    @method(edits=True, label="Recall Variation")
    def recall_selected_variation(o):
        """Apply the selected variation (nothing if there is none)."""
        recall_variation(o, o.selected_variation_index)

    @method(edits=True, label="Recall Variation")
    def recall_last_used_variation(o):
        """Apply the variation recalled last (nothing if none was)."""
        recall_variation(o, o.last_recalled)

    @method(edits=True, label="Delete Variation")
    def delete_selected_variation(o):
        """Delete the selected variation (nothing if none is selected)."""
        delete_selected_variation(o)

    class View(Device.View):
        """RackDevice.View."""

        __slots__ = ()
        selected_chain = prop("Chain?", set=True, observe=True, doc=False, fset=set_selected_chain,
                              get=lambda o: _lom.wrap(o.selected_chain))
        selected_drum_pad = prop("DrumPad", set=True, observe=True, doc=False, check=view_drum_refusal,
                                 fset=set_selected_pad, get=lambda o: _lom.wrap(o.selected_drum_pad))
        drum_pads_scroll_position = prop("int", set=True, observe=True, doc=False, check=view_drum_refusal,
                                         fset=set_scroll)
        is_showing_chain_devices = prop("bool", set=True, observe=True, doc=False)


RackNode.cls = RackDevice  # handles of rack nodes are Live.RackDevice.RackDevice
RackViewNode.cls = RackDevice.View
