"""Racks, their chains and drum pads: /live/device/... rack addresses, /live/chain/*, /live/drum_pad/*.

Plug-ins' presets (/live/device/get/presets ...), Simpler's playback settings and Max for Live
devices' parameter banks are here too: like rack addresses, they apply to one kind of device.

A device anywhere in a rack is reached with a device path ("0.1.2": device 2 of chain 1 of
device 0). Chains are addressed by (track_id, device_id, chain_id), where chain_id indexes
the rack's ``chains`` ("R0", "R1"... its return chains); a Drum Rack's chains are those of
all its pads, in the rack's order.
Drum pads are addressed by (track_id, device_id, note). Objects never go on the wire:
selected chains and pads are sent as a chain index (-1 for none) and a note.
"""

from .errors import HandlerError, NotAvailable
from .objects import CHAIN, DEVICE, DRUM_PAD, ChainKind, DeviceKind, find_index
from .registry import Prop, unavailable
from .sends import register_sends
from .types import ArgumentError, to_int, to_osc

NO_CHAIN = -1


class RackKind(DeviceKind):
    """A device that must be a rack (or a Drum Rack): other devices are refused clearly.

    The refusal is a NotAvailable, so an OSC pattern such as /live/device/get/* skips the rack
    addresses of other devices silently.
    """

    def __init__(self, drum=False):
        self.drum = drum
        self.name = "drum_rack" if drum else "rack"
        self.live_class = "RackDevice"

    def resolve(self, song, values):
        result = DEVICE.resolve(song, values)
        for echo, device in result:
            if not device.can_have_chains:
                raise NotAvailable("Device %s of track %s is not a rack" % (echo[1], echo[0]))
            if self.drum and not device.can_have_drum_pads:
                raise NotAvailable("Device %s of track %s is not a Drum Rack" % (echo[1], echo[0]))
        return result


def parse_chain_ref(value):
    """A chain reference: an index into the rack's chains, or "R0", "R1"... for its return chains."""
    if isinstance(value, str) and value.strip()[:1] in ("R", "r"):
        return True, to_int(value.strip()[1:], "chain_id")
    return False, to_int(value, "chain_id")


class ChainRefKind(ChainKind):
    """A chain of a rack, or with "R<n>" one of its return chains."""

    def resolve(self, song, values):
        returns, index = parse_chain_ref(values[2])
        if not returns:
            return CHAIN.resolve(song, values)
        result = []
        for echo, device in DEVICE.resolve(song, values[:2]):
            if not device.can_have_chains:
                raise HandlerError("Device %s of track %s has no chains" % (echo[1], echo[0]))
            result.append((echo + (values[2],), device.return_chains[index]))  # echoed as sent
        return result

    def locate(self, song, obj, echo):
        if not isinstance(echo[2], str) or echo[2][:1] not in ("R", "r"):
            return CHAIN.locate(song, obj, echo)
        if obj is None or obj == None:  # noqa: E711  (deleted)
            return None
        try:
            for echo_now, device in DEVICE.resolve(song, echo[:2]):
                index = find_index(device.return_chains, obj)
                if index is not None:
                    return echo_now + ("%s%d" % (echo[2][:1], index),) + tuple(echo[3:])
        except (IndexError, HandlerError, ArgumentError):
            pass
        return None


CHAIN_REF = ChainRefKind()


class DrumChainKind(ChainRefKind):
    """A chain that must be a Drum Rack's (it has notes and a choke group)."""

    name = "drum_chain"
    live_class = "DrumChain"

    def resolve(self, song, values):
        result = CHAIN_REF.resolve(song, values)
        for echo, chain in result:
            if not hasattr(chain, "out_note"):
                raise NotAvailable("Chain %s of device %s of track %s is not a Drum Rack chain"
                                   % (echo[2], echo[1], echo[0]))
        return result


class DeviceOfClassKind(DeviceKind):
    """A device that must be of one class, told by a member only that class has."""

    def __init__(self, name, live_class, member, what):
        self.name = name
        self.live_class = live_class
        self.member = member
        self.what = what

    def resolve(self, song, values):
        result = DEVICE.resolve(song, values)
        for echo, device in result:
            if not hasattr(device, self.member):
                raise NotAvailable("Device %s of track %s is not %s" % (echo[1], echo[0], self.what))
        return result


RACK = RackKind()
DRUM_RACK = RackKind(drum=True)
MAX_DEVICE = DeviceOfClassKind("max_device", "MaxDevice", "get_bank_count", "a Max for Live device")
DRUM_CHAIN = DrumChainKind()
PLUGIN = DeviceOfClassKind("plugin", "PluginDevice", "presets", "a plug-in")
SIMPLER = DeviceOfClassKind("simpler", "SimplerDevice", "playback_mode", "Simpler")

SIMPLER_PROPERTIES = [
    Prop("playback_mode", "i", values=range(3), strict=True, doc="Simpler's mode: 0 classic, 1 one-shot, 2 slicing"),
    Prop("slicing_playback_mode", "i", values=range(3), strict=True, doc="Slicing playback: 0 mono, 1 poly, 2 thru"),
    Prop("voices", "i", strict=True, doc="Simpler's number of voices"),
    Prop("retrigger", "b", strict=True, doc="Whether Simpler retriggers its voices"),
    Prop("multi_sample_mode", "b", "gl", strict=True, doc="Whether Simpler plays a multisample"),
    Prop("pad_slicing", "b", strict=True, doc="Whether pads slice the sample (drum racks)"),
]

PLUGIN_PROPERTIES = [
    Prop("presets", "s*", "gl", strict=True, out=lambda names: tuple(str(n) for n in names),
         doc="The names of a plug-in's presets"),
    Prop("selected_preset_index", "i", strict=True, doc="The index of the plug-in's selected preset"),
]


def _selected_chain_index(rack):
    chain = rack.view.selected_chain
    if chain is None:
        return NO_CHAIN
    index = find_index(rack.chains, chain)
    return NO_CHAIN if index is None else index


def _selected_pad_note(rack):
    pad = rack.view.selected_drum_pad
    return None if pad is None else pad.note


RACK_PROPERTIES = [
    Prop("is_showing_chains", "b", strict=True, doc="Whether the rack shows its chains"),
    Prop("can_show_chains", "b", "g", strict=True, doc="Whether the rack can show its chains in the session view"),
    Prop("has_macro_mappings", "b", "gl", strict=True, doc="Whether any macro is mapped"),
    Prop("macros_mapped", "b", "gl", strict=True, out=lambda flags: tuple(bool(f) for f in flags),
         doc="For each macro, whether it is mapped (one bool per macro)"),
    Prop("visible_macro_count", "i", "gl", since=(12, 0), strict=True, doc="How many macros are shown"),
    Prop("variation_count", "i", "gl", strict=True, doc="How many macro variations are stored"),
    Prop("selected_variation_index", "i", "gs", strict=True, doc="The selected macro variation (-1 none)"),
    Prop("chain_selector", "f", attr="value", target=lambda rack: rack.chain_selector, since=(11, 3, 2),
         member="RackDevice.chain_selector", strict=True, doc="The chain selector's value"),
    Prop("num_chains", "i", "gl", attr="chains", getter=lambda rack: len(rack.chains), strict=True,
         doc="Number of chains"),
    Prop("num_return_chains", "i", "gl", attr="return_chains", getter=lambda rack: len(rack.return_chains),
         strict=True, doc="Number of return chains"),
    Prop("selected_chain", "i", "gl", attr="selected_chain", target=lambda rack: rack.view,
         getter=_selected_chain_index, member="RackDevice.View.selected_chain", strict=True,
         doc="The index of the chain selected in the rack (-1 none)"),
    Prop("is_showing_chain_devices", "b", target=lambda rack: rack.view, strict=True,
         member="RackDevice.View.is_showing_chain_devices", doc="Whether the selected chain's devices are shown"),
]

DRUM_RACK_PROPERTIES = [
    Prop("has_drum_pads", "b", "gl", strict=True, doc="Whether any pad holds a chain"),
    Prop("selected_drum_pad", "i", "gl", attr="selected_drum_pad", target=lambda rack: rack.view,
         getter=_selected_pad_note, member="RackDevice.View.selected_drum_pad", strict=True,
         doc="The note of the selected drum pad"),
    Prop("drum_pads_scroll_position", "i", target=lambda rack: rack.view, strict=True,
         member="RackDevice.View.drum_pads_scroll_position", doc="The lowest visible row of pads (4 pads a row)"),
]

# Listeners of the pad lists (their getters are among the lists below): the pads that hold
# chains change with the rack's chains, the visible pads with scrolling.
PAD_LIST_LISTENERS = [
    Prop("drum_pads/note", "i", "l", attr="chains", strict=True, member="RackDevice.drum_pads",
         getter=lambda rack: tuple(pad.note for pad in _pads_with_chains(rack)), out=tuple),
    Prop("visible_drum_pads/note", "i", "l", attr="visible_drum_pads", strict=True,
         getter=lambda rack: tuple(pad.note for pad in rack.visible_drum_pads), out=tuple),
]


def _volume(chain):
    return chain.mixer_device.volume


def _panning(chain):
    return chain.mixer_device.panning


def _activator(chain):
    return chain.mixer_device.chain_activator


CHAIN_PROPERTIES = [
    Prop("name", "s", strict=True),
    Prop("color", "i", strict=True, doc="Colour as 0x00RRGGBB (Live snaps it to its palette)"),
    Prop("color_index", "i", strict=True),
    Prop("is_auto_colored", "b", strict=True, doc="Whether the chain takes its rack's colour"),
    Prop("mute", "b", strict=True),
    Prop("solo", "b", strict=True),
    Prop("muted_via_solo", "b", "gl", strict=True, doc="Whether another chain's solo mutes this one"),
    Prop("volume", "f", attr="value", target=_volume, member="ChainMixerDevice.volume", strict=True,
         doc="Chain volume (0.0-1.0; 0.85 is 0 dB)"),
    Prop("panning", "f", attr="value", target=_panning, member="ChainMixerDevice.panning", strict=True,
         doc="Chain panning (-1.0 left to 1.0 right)"),
    Prop("chain_activator", "f", attr="value", target=_activator, member="ChainMixerDevice.chain_activator",
         strict=True, doc="The chain's on switch (1.0 on, 0.0 off; mute reads it backwards)"),
    Prop("has_audio_input", "b", "g", strict=True),
    Prop("has_audio_output", "b", "g", strict=True),
    Prop("has_midi_input", "b", "g", strict=True),
    Prop("has_midi_output", "b", "g", strict=True),
    Prop("num_devices", "i", "gl", attr="devices", getter=lambda chain: len(chain.devices), strict=True,
         doc="Number of devices in the chain"),
]

DRUM_CHAIN_PROPERTIES = [
    Prop("in_note", "i", since=(12, 0), strict=True, doc="The note that triggers the chain (moves it to that pad)"),
    Prop("out_note", "i", strict=True, doc="The note the chain's devices receive"),
    Prop("choke_group", "i", strict=True, doc="Choke group (0 none, 1-16)"),
]

DRUM_PAD_PROPERTIES = [
    Prop("note", "i", "g", strict=True),
    Prop("name", "s", "gl", strict=True, doc="The pad's name (its first chain's, or the note's)"),
    Prop("mute", "b", strict=True),
    Prop("solo", "b", strict=True),
    Prop("num_chains", "i", "gl", attr="chains", getter=lambda pad: len(pad.chains), strict=True,
         doc="Number of chains on the pad"),
]

# One value per chain (/live/device/get/chains/<name>): (name, type, reader, member).
CHAIN_LISTS = [
    ("name", "s", lambda c: c.name, "Chain.name"),
    ("color", "i", lambda c: c.color, "Chain.color"),
    ("color_index", "i", lambda c: c.color_index, "Chain.color_index"),
    ("is_auto_colored", "b", lambda c: c.is_auto_colored, "Chain.is_auto_colored"),
    ("mute", "b", lambda c: c.mute, "Chain.mute"),
    ("solo", "b", lambda c: c.solo, "Chain.solo"),
    ("muted_via_solo", "b", lambda c: c.muted_via_solo, "Chain.muted_via_solo"),
    ("volume", "f", lambda c: c.mixer_device.volume.value, "ChainMixerDevice.volume"),
    ("panning", "f", lambda c: c.mixer_device.panning.value, "ChainMixerDevice.panning"),
    ("num_devices", "i", lambda c: len(c.devices), "Chain.devices"),
]
DRUM_CHAIN_LISTS = [
    ("in_note", "i", lambda c: c.in_note, "DrumChain.in_note"),
    ("out_note", "i", lambda c: c.out_note, "DrumChain.out_note"),
    ("choke_group", "i", lambda c: c.choke_group, "DrumChain.choke_group"),
]
PAD_LISTS = [
    ("note", "i", lambda p: p.note, "DrumPad.note"),
    ("name", "s", lambda p: p.name, "DrumPad.name"),
    ("mute", "b", lambda p: p.mute, "DrumPad.mute"),
    ("solo", "b", lambda p: p.solo, "DrumPad.solo"),
    ("num_chains", "i", lambda p: len(p.chains), "DrumPad.chains"),
]
DEVICE_LISTS = [("name", "s"), ("class_name", "s"), ("type", "i"), ("can_have_chains", "b")]


def _read_each(ctx, items, read, what):
    values = []
    for item in items:
        try:
            values.append(to_osc(read(item)))
        except RuntimeError:
            values.append(None)
        except AttributeError as error:
            if what not in str(error):
                raise
            values.append(None)  # not a drum chain (or a Live without it): nil for that one
    return tuple(values)


def _chain_list(attr, read, what):
    def get(ctx, rack):
        return _read_each(ctx, getattr(rack, attr), read, what)

    return get


def _pads_with_chains(rack):
    return [pad for pad in rack.drum_pads if len(pad.chains)]


def _pad_list(read, visible, what):
    def get(ctx, rack):
        pads = rack.visible_drum_pads if visible else _pads_with_chains(rack)
        return _read_each(ctx, pads, read, what)

    return get


def _device_list(name):
    def get(ctx, chain):
        return tuple(to_osc(getattr(device, name)) for device in chain.devices)

    return get


def _call(name):
    """An address calling a Live method of the object with the coerced arguments."""

    def call(ctx, obj, *args):
        try:
            method = getattr(obj, name)
        except AttributeError as error:
            raise unavailable(ctx, None, error, name)
        ctx.manager.write(method, *args)

    return call


def set_selected_chain(ctx, rack, chain_id):
    view = rack.view
    chain = None if chain_id < 0 else rack.chains[chain_id]
    try:
        ctx.manager.write(setattr, view, "selected_chain", chain)
    except TypeError:
        # Boost.Python refuses None for some object properties (clip.groove); say so plainly.
        raise HandlerError("Live does not let the selected chain be cleared; select another chain")


def set_selected_drum_pad(ctx, rack, note):
    if not 0 <= note <= 127:
        raise HandlerError("note must be 0-127, got %d" % note)
    ctx.manager.write(setattr, rack.view, "selected_drum_pad", rack.drum_pads[note])


def insert_chain(ctx, rack, *index):
    try:
        method = rack.insert_chain
    except AttributeError as error:
        raise unavailable(ctx, None, error, "insert_chain")
    method(*index)
    return (len(rack.chains),)


def get_num_sends(ctx, chain):
    return (len(chain.mixer_device.sends),)


def insert_device(ctx, chain, device_name, *index):
    try:
        method = chain.insert_device
    except AttributeError as error:
        raise unavailable(ctx, None, error, "insert_device")
    device = method(device_name, *index)
    position = find_index(chain.devices, device) if device is not None else None
    return (-1 if position is None else position,)


def get_pad_chain_ids(ctx, pad):
    rack = pad.canonical_parent
    chains = rack.chains
    return tuple(find_index(chains, chain) for chain in pad.chains)


def get_pad_chain_names(ctx, pad):
    return tuple(chain.name for chain in pad.chains)


def get_parameter_names(ctx, plugin, *bounds):
    return tuple(str(name) for name in plugin.get_parameter_names(*bounds))


def get_bank_count(ctx, device):
    return (device.get_bank_count(),)


def get_bank_name(ctx, device, bank):
    return (bank, device.get_bank_name(bank))


def get_bank_parameters(ctx, device, bank):
    return (bank,) + tuple(int(index) for index in device.get_bank_parameters(bank))


def register(reg):
    _register_rack(reg)
    reg.add("/live/device/get/bank_count", "get", MAX_DEVICE, get_bank_count, members="MaxDevice.get_bank_count",
            reply="track_id:i device_id:i bank_count:i", doc="A Max for Live device's number of parameter banks")
    reg.add("/live/device/get/bank_name", "get", MAX_DEVICE, get_bank_name, args="bank:i",
            members="MaxDevice.get_bank_name", reply="track_id:i device_id:i bank:i name:s",
            doc="The name of a Max for Live device's parameter bank")
    reg.add("/live/device/get/bank_parameters", "get", MAX_DEVICE, get_bank_parameters, args="bank:i",
            members="MaxDevice.get_bank_parameters", reply="track_id:i device_id:i bank:i param_id:i*",
            doc="The parameters of a Max for Live device's bank, as parameter indices (-1 for an empty slot; "
                "bank -1: the best-of bank)")
    reg.properties(PLUGIN, PLUGIN_PROPERTIES, prefix="/live/device")
    reg.properties(SIMPLER, SIMPLER_PROPERTIES, prefix="/live/device")
    reg.add("/live/device/get/plugin_parameter_names", "get", PLUGIN, get_parameter_names,
            args="begin:i? end:i?", members="PluginDevice.get_parameter_names",
            reply="track_id:i device_id:i name:s*",
            doc="The names of a plug-in's parameters from begin to end (default: all)")
    _register_chain(reg)
    _register_drum_pad(reg)


def _register_rack(reg):
    reg.properties(RACK, RACK_PROPERTIES, prefix="/live/device")
    reg.properties(DRUM_RACK, DRUM_RACK_PROPERTIES, prefix="/live/device")
    reg.add("/live/device/set/selected_chain", "set", RACK, set_selected_chain, args="chain_id:i",
            members="RackDevice.View.selected_chain", doc="Select a chain of the rack (-1: none)")
    reg.add("/live/device/set/selected_drum_pad", "set", DRUM_RACK, set_selected_drum_pad, args="note:i",
            members="RackDevice.View.selected_drum_pad", doc="Select a drum pad by its note")
    for attr in ("chains", "return_chains"):
        for name, type_, read, member in CHAIN_LISTS:
            reg.add("/live/device/get/%s/%s" % (attr, name), "get", RACK, _chain_list(attr, read, name),
                    reply="track_id:i device_id:i %s:%s*" % (name, type_), members=("RackDevice.%s" % attr, member),
                    doc="The %s of every %s" % (name.replace("_", " "), attr[:-1].replace("_", " ")))
    for name, type_, read, member in DRUM_CHAIN_LISTS:
        reg.add("/live/device/get/chains/%s" % name, "get", DRUM_RACK, _chain_list("chains", read, name),
                reply="track_id:i device_id:i %s:%s*" % (name, type_), members=("RackDevice.chains", member),
                doc="The %s of every chain of a Drum Rack" % name.replace("_", " "))
    for name, type_, read, member in PAD_LISTS:
        reg.add("/live/device/get/drum_pads/%s" % name, "get", DRUM_RACK, _pad_list(read, False, name),
                reply="track_id:i device_id:i %s:%s*" % (name, type_), members=("RackDevice.drum_pads", member),
                doc="The %s of every pad that holds chains, in note order" % name.replace("_", " "))
        reg.add("/live/device/get/visible_drum_pads/%s" % name, "get", DRUM_RACK, _pad_list(read, True, name),
                reply="track_id:i device_id:i %s:%s*" % (name, type_),
                members=("RackDevice.visible_drum_pads", member),
                doc="The %s of the 16 pads shown in the rack, lowest note first" % name.replace("_", " "))
    reg.properties(DRUM_RACK, PAD_LIST_LISTENERS, prefix="/live/device")
    for name, doc in (("store_variation", "Store the macro values as a new variation"),
                      ("recall_selected_variation", "Apply the selected macro variation"),
                      ("recall_last_used_variation", "Apply the macro variation recalled last"),
                      ("delete_selected_variation", "Delete the selected macro variation"),
                      ("randomize_macros", "Give the macros random values"),
                      ("add_macro", "Show one more macro"),
                      ("remove_macro", "Show one macro fewer")):
        reg.add("/live/device/%s" % name, "method", RACK, _call(name), members="RackDevice.%s" % name, doc=doc)
    reg.add("/live/device/copy_pad", "method", DRUM_RACK, _call("copy_pad"), args="source_note:i target_note:i",
            members="RackDevice.copy_pad", doc="Copy a drum pad's chains onto another pad (replacing its chains)")
    reg.add("/live/device/insert_chain", "method", RACK, insert_chain, args="index:i?", since=(12, 3),
            reply="track_id:i device_id:i num_chains:i", members="RackDevice.insert_chain",
            doc="Insert an empty chain at an index (default: at the end); answers the new number of chains")


def _register_chain(reg):
    reg.properties(CHAIN_REF, CHAIN_PROPERTIES)
    reg.properties(DRUM_CHAIN, DRUM_CHAIN_PROPERTIES, prefix="/live/chain")
    register_sends(reg, CHAIN_REF, "A chain", ("Chain.mixer_device", "ChainMixerDevice.sends"), strict=True)
    reg.add("/live/chain/get/num_sends", "get", CHAIN_REF, get_num_sends,
            members=("Chain.mixer_device", "ChainMixerDevice.sends"),
            reply="track_id:i device_id:i chain_id:i num_sends:i", doc="Number of sends (one per return chain)")
    for name, type_ in DEVICE_LISTS:
        reg.add("/live/chain/get/devices/%s" % name, "get", CHAIN_REF, _device_list(name),
                members=("Chain.devices", "Device.%s" % name),
                reply="track_id:i device_id:i chain_id:i %s:%s*" % (name, type_),
                doc="The %s of every device in the chain" % name.replace("_", " "))
    reg.add("/live/chain/delete_device", "method", CHAIN_REF, _call("delete_device"), args="device_index:i",
            members="Chain.delete_device", doc="Delete a device of the chain")
    reg.add("/live/chain/duplicate_device", "method", CHAIN_REF, _call("duplicate_device"), args="device_index:i",
            since=(12, 3), members="Chain.duplicate_device",
            doc="Duplicate a device of the chain (the copy follows it)")
    reg.add("/live/chain/insert_device", "method", CHAIN_REF, insert_device, args="device_name:s device_index:i?",
            since=(12, 3), members="Chain.insert_device", reply="track_id:i device_id:i chain_id:i device_index:i",
            doc="Insert a stock device by its name as Live's browser shows it (default: at the end); "
                "answers the new device's index")


def _register_drum_pad(reg):
    reg.properties(DRUM_PAD, DRUM_PAD_PROPERTIES)
    reg.add("/live/drum_pad/get/chains/chain_id", "get", DRUM_PAD, get_pad_chain_ids,
            members="DrumPad.chains", reply="track_id:i device_id:i note:i chain_id:i*",
            doc="The pad's chains as indices into the rack's chains (for /live/chain and device paths)")
    reg.add("/live/drum_pad/get/chains/name", "get", DRUM_PAD, get_pad_chain_names, members="DrumPad.chains",
            reply="track_id:i device_id:i note:i name:s*", doc="The names of the pad's chains")
    reg.add("/live/drum_pad/delete_all_chains", "method", DRUM_PAD, _call("delete_all_chains"),
            members="DrumPad.delete_all_chains", doc="Remove every chain of the pad (emptying it)")
