"""The model of building devices: device nodes from set specs and the device library; copies of devices and chains.

    node = build_device(world, spec, parent, path="tracks[0].devices[1]")
    parent.devices.append(node)        # the caller places the node in its device list

Spec (all keys optional; a known ``class_name`` or display ``name`` fills in the rest):

    {"name": "Reverb", "class_name": "Reverb", "type": "audio_effect",
     "parameters": [{"name", "value", "min", "max", "is_quantized", "value_items"}],
     "chains": [{"name", "color", "mute", "solo", "volume", "panning", "devices": [...]}],
     "return_chains": [...], "drum_pads": [{"note", "name", "mute", "solo", "chains": [...]}],
     "presets": ["..."], "sample": "kick.wav"}   # presets: plug-ins; sample: Simpler

A bad spec raises ``ValueError("<path>.<key>: <reason>")``.
"""
from livesim import device_library as lib

from Live import _palette
from Live._chain_model import ChainNode, DrumChainNode, refresh_solo
from Live._compressor_model import CompressorNode
from Live._device_class_model import ClassNode, available
from Live._device_classes_model import (
    CcControlNode, DriftNode, DrumCellNode, HybridReverbNode, MeldNode, RoarNode, ShifterNode, SpectralResonatorNode)
from Live._device_model import DeviceNode, insert_device_node, refresh_active, watch_track_activator
from Live._eq8_model import Eq8Node
from Live._looper_model import LooperNode
from Live._max_model import MaxNode
from Live._plugin_model import PluginNode
from Live._rack_model import DRUM_TEXT, RackNode
from Live._simpler_model import SimplerNode
from Live._wavetable_model import WavetableNode

DEVICE_KEYS = ("name", "class_name", "class_display_name", "type", "parameters", "chains", "return_chains",
               "drum_pads", "presets", "sample")
PARAM_KEYS = ("name", "value", "min", "max", "is_quantized", "value_items")
CHAIN_KEYS = ("name", "color", "mute", "solo", "volume", "panning", "devices")
DRUM_CHAIN_KEYS = CHAIN_KEYS + ("out_note", "choke_group")
PAD_KEYS = ("note", "name", "mute", "solo", "chains")
UNKNOWN_DEVICE_TEXT = "Unknown device: %s"
PAD_INDEX_TEXT = "Drum pad index must be between 0 and 127"
PAD_EMPTY_TEXT = "The source drum pad is empty"
# The models of devices whose Live class has members of its own, by class name (before the class's
# Live version they are plain devices).
CLASS_NODES = {"Drift": DriftNode, "InstrumentVector": WavetableNode, "InstrumentMeld": MeldNode,
               "DrumCell": DrumCellNode, "Eq8": Eq8Node, "Looper": LooperNode, "Roar": RoarNode,
               "Shifter": ShifterNode, "SpectralResonator": SpectralResonatorNode, "Hybrid": HybridReverbNode,
               "CcControl": CcControlNode, "Compressor2": CompressorNode}


def _fail(path, text):
    raise ValueError("%s: %s" % (path, text))


def _keys(spec, allowed, path):
    if not isinstance(spec, dict):
        _fail(path, "expected an object, got %s" % type(spec).__name__)
    for k in spec:
        if k not in allowed:
            _fail("%s.%s" % (path, k), "unknown key (allowed: %s)" % ", ".join(allowed))


def _get(spec, key, kinds, path, default=None):
    v = spec.get(key, default)
    if v is default or type(v) in kinds:  # an exact type is valid as is (bool only where listed)
        return v
    ok = isinstance(v, kinds) and not (isinstance(v, bool) and bool not in kinds)
    if not ok:
        _fail("%s.%s" % (path, key), "expected %s, got %r" % ("/".join(k.__name__ for k in kinds), v))
    return v


def _number(spec, key, path, lo=None, hi=None, default=None):
    v = spec.get(key, default)
    t = type(v)
    if (t is float or t is int) and (lo is None or v >= lo) and (hi is None or v <= hi):
        return v  # the common case, checked inline: a device spec has thousands of numbers
    v = _get(spec, key, (int, float), path, default)
    if v is not None and v is not default and ((lo is not None and v < lo) or (hi is not None and v > hi)):
        _fail("%s.%s" % (path, key), "%r is outside [%s, %s]" % (v, lo, hi))
    return v


def _list(spec, key, path):
    v = spec.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        _fail("%s.%s" % (path, key), "expected a list, got %s" % type(v).__name__)
    return v


# ---------------------------------------------------------------- definitions

def _definition(world, spec, path):
    class_name = _get(spec, "class_name", (str,), path)
    name = _get(spec, "name", (str,), path)
    type_name = _get(spec, "type", (str,), path)
    if type_name is not None and type_name not in lib.TYPE_VALUES:
        _fail(path + ".type", "expected instrument, audio_effect or midi_effect, got %r" % type_name)
    if class_name is None and name is None:
        _fail(path, "a device needs a 'class_name' or a 'name'")
    d = lib.find(class_name, world.version) if class_name else lib.find(name, world.version)
    if d is None:
        d = lib.generic(class_name or name, type_name or lib.AUDIO_EFFECT, spec.get("class_display_name"))
    return d, type_name or d.type


def _new_node(world, d, type_name, parent, name, display_name):
    type_value = lib.TYPE_VALUES[type_name]
    if d.kind in lib.RACK_KINDS:
        return RackNode(world, parent, name, d.class_name, type_value, display_name, drum=d.kind == "drum_rack")
    if d.kind == "simpler":
        return SimplerNode(world, parent, name, d.class_name, type_value, display_name)
    if d.kind == "plugin":
        return PluginNode(world, parent, name, d.class_name, type_value, display_name)
    if d.kind == "max":
        return MaxNode(world, parent, name, d.class_name, type_value, display_name)
    node_class = CLASS_NODES.get(d.class_name)
    if node_class is not None and available(node_class, world.version):
        return node_class(world, parent, name, d.class_name, type_value, display_name)
    return DeviceNode(world, parent, name, d.class_name, type_value, display_name)


def _add_params(node, params):
    for p in params:
        node.add_parameter(p.name, p.default, p.min, p.max, p.is_quantized, p.value_items, p.default,
                           p.text or "generic")  # the node copies the items


def device_from_definition(world, d, parent, name=None):
    """A fresh device node for library definition ``d`` with default values."""
    node = _new_node(world, d, d.type, parent, name or d.display_name, d.display_name)
    _add_params(node, d.params)
    return node


# ---------------------------------------------------------------- build

def build_device(world, spec, parent, path="device"):
    """A device node (with its chains and pads) from ``spec``; ``parent`` is a track or chain node."""
    node = _build(world, spec, parent, path)
    if not isinstance(parent, ChainNode):
        watch_track_activator(parent)
    refresh_active(node)
    return node


def _build(world, spec, parent, path):
    _keys(spec, DEVICE_KEYS, path)
    d, type_name = _definition(world, spec, path)
    display_name = _get(spec, "class_display_name", (str,), path) or d.display_name
    node = _new_node(world, d, type_name, parent, _get(spec, "name", (str,), path) or d.display_name, display_name)
    params = _list(spec, "parameters", path)
    if params and d.class_name not in lib.LIBRARY:
        _add_params(node, d.params[:1])
    else:
        _add_params(node, d.params)
    if params:
        by_name = {}
        for p in reversed(node.parameters):  # the first parameter of a name wins, as in a search
            by_name[p.name] = p
        for i, p in enumerate(params):
            _apply_param(world, node, p, "%s.parameters[%d]" % (path, i), by_name)
    presets = _list(spec, "presets", path)
    if presets:
        if d.kind != "plugin":
            _fail(path + ".presets", "only plug-ins have presets")
        node.presets = [str(x) for x in presets]
    sample = _get(spec, "sample", (str,), path)
    if sample is not None:
        if d.kind != "simpler":
            _fail(path + ".sample", "only Simpler holds a sample")
        node.sample_path = sample
    chains = _list(spec, "chains", path)
    returns = _list(spec, "return_chains", path)
    pads = _list(spec, "drum_pads", path)
    if (chains or returns) and d.kind not in lib.RACK_KINDS:
        _fail(path + (".chains" if chains else ".return_chains"), "%s is not a rack" % d.class_name)
    if pads and d.kind != "drum_rack":
        _fail(path + ".drum_pads", "%s is not a Drum Rack" % d.class_name)
    if d.kind == "drum_rack" and chains:
        _fail(path + ".chains", "a Drum Rack's chains are given per pad in 'drum_pads'")
    for i, c in enumerate(returns):
        node.return_chains.append(_build_chain(world, c, node, "%s.return_chains[%d]" % (path, i), is_return=True))
    for i, c in enumerate(chains):
        node.chains.append(_build_chain(world, c, node, "%s.chains[%d]" % (path, i)))
    seen = set()
    for i, p in enumerate(pads):
        _build_pad(world, p, node, "%s.drum_pads[%d]" % (path, i), seen)
    if isinstance(node, RackNode):
        if node.chains:
            node.view.selected_chain = node.chains[0]
        refresh_solo(node.chains)
        refresh_solo(node.return_chains)
    return node


def _apply_param(world, node, spec, path, by_name):
    """Apply parameter ``spec`` to ``node``'s parameter of that name (``by_name``), or add one."""
    _keys(spec, PARAM_KEYS, path)
    name = _get(spec, "name", (str,), path)
    if name is None:
        _fail(path, "missing key 'name'")
    items = _list(spec, "value_items", path)
    if items and not all(isinstance(x, str) for x in items):
        _fail(path + ".value_items", "expected a list of strings")
    quantized = _get(spec, "is_quantized", (bool,), path, bool(items))
    if items and not quantized:
        _fail(path + ".value_items", "only quantized parameters have value items")
    existing = by_name.get(name)
    if existing is not None:
        p = existing
    else:
        p = by_name[name] = node.add_parameter(name, 0.0, 0.0, 1.0)
    if items:
        p.items = list(items)
        p.min, p.max = 0.0, float(len(items) - 1)
    p.is_quantized = quantized
    p.min = float(_number(spec, "min", path, default=p.min))
    p.max = float(_number(spec, "max", path, default=p.max))
    if p.min > p.max:
        _fail(path + ".min", "%r is above max %r" % (p.min, p.max))
    if "value" in spec:
        p.value = float(_number(spec, "value", path, p.min, p.max))
    elif not p.min <= p.value <= p.max:
        p.value = p.min
    if existing is None:
        p.default_value = p.value


def _chain_common(world, chain, spec, path):
    name = _get(spec, "name", (str,), path)
    if name is not None:
        chain.name = name
    color = _get(spec, "color", (int,), path)
    if color is not None:
        if not 0 <= color <= 0xFFFFFF:
            _fail(path + ".color", "expected 0xRRGGBB, got %r" % color)
        chain.color_index = _palette.nearest_index(color)
        chain.color = _palette.PALETTE[chain.color_index]
        chain.is_auto_colored = False
    if _get(spec, "mute", (bool,), path, False):
        chain.mixer.chain_activator.value = 0.0
    chain.solo = _get(spec, "solo", (bool,), path, False)
    chain.mixer.volume.value = float(_number(spec, "volume", path, 0.0, 1.0, default=0.85))
    chain.mixer.panning.value = float(_number(spec, "panning", path, -1.0, 1.0, default=0.0))
    for i, ds in enumerate(_list(spec, "devices", path)):
        chain.devices.append(_build(world, ds, chain, "%s.devices[%d]" % (path, i)))


def _build_chain(world, spec, rack, path, is_return=False):
    _keys(spec, CHAIN_KEYS, path)
    chain = ChainNode(world, rack, "Chain", is_return=is_return)
    _chain_common(world, chain, spec, path)
    return chain


def _build_drum_chain(world, spec, rack, pad, path):
    _keys(spec, DRUM_CHAIN_KEYS, path)
    chain = DrumChainNode(world, rack, pad, "")
    chain.out_note = int(_number(spec, "out_note", path, 0, 127, default=60))
    chain.choke_group = int(_number(spec, "choke_group", path, 0, 16, default=0))
    _chain_common(world, chain, spec, path)
    if not chain.name:
        first = chain.devices[0].name if chain.devices else pad.name
        chain.name = first
    return chain


def _build_pad(world, spec, rack, path, seen):
    _keys(spec, PAD_KEYS, path)
    note = spec.get("note")
    if not isinstance(note, int) or isinstance(note, bool) or not 0 <= note <= 127:
        _fail(path + ".note", "expected a MIDI note 0..127, got %r" % (note,))
    if note in seen:
        _fail(path + ".note", "pad %d is given twice" % note)
    seen.add(note)
    pad = rack.pads[note]
    name = _get(spec, "name", (str,), path)
    chain_specs = _list(spec, "chains", path)
    if not chain_specs and name is not None:
        chain_specs = [{"name": name}]
    for i, cs in enumerate(chain_specs):
        chain = _build_drum_chain(world, cs, rack, pad, "%s.chains[%d]" % (path, i))
        if i == 0 and name is not None and "name" not in cs:
            chain.name = name
        pad.chains.append(chain)
        rack.chains.append(chain)
    pad.mute = _get(spec, "mute", (bool,), path, False)
    pad.solo = _get(spec, "solo", (bool,), path, False)
    for c in pad.chains:
        if pad.mute:
            c.mixer.chain_activator.value = 0.0
        c.solo = c.solo or pad.solo


# ---------------------------------------------------------------- copies

def spec_of(node):
    """A spec that rebuilds device ``node``; values at their library defaults are left out."""
    d = lib.find(node.class_name, node.world.version)
    spec = {"name": node.name, "class_name": node.class_name}
    if node.class_display_name != (d.display_name if d is not None else node.class_name):
        spec["class_display_name"] = node.class_display_name
    if d is None or lib.TYPE_VALUES[d.type] != int(node.type):
        spec["type"] = lib_type_name(node.type)
    defaults = dict((p.name, p) for p in d.params) if d is not None else {}
    params = []
    for p in node.parameters:
        known = defaults.get(p.name)
        if known is None:
            params.append({"name": p.name, "value": p.value, "min": p.min, "max": p.max,
                           "is_quantized": p.is_quantized, "value_items": list(p.items)})
        elif p.value != known.default:
            params.append({"name": p.name, "value": p.value})
    if params:
        spec["parameters"] = params
    if isinstance(node, PluginNode) and node.presets:
        spec["presets"] = list(node.presets)
    if isinstance(node, SimplerNode) and node.sample_path is not None:
        spec["sample"] = node.sample_path
    if isinstance(node, RackNode):
        if node.can_have_drum_pads:
            pads = [_pad_spec(pad) for pad in node.pads if pad.chains]
            if pads:
                spec["drum_pads"] = pads
        elif node.chains:
            spec["chains"] = [chain_spec(c) for c in node.chains]
        if node.return_chains:
            spec["return_chains"] = [chain_spec(c) for c in node.return_chains]
    return spec


def _pad_spec(pad):
    spec = {"note": pad.note, "chains": [chain_spec(c) for c in pad.chains]}
    for key in ("mute", "solo"):
        if getattr(pad, key):
            spec[key] = True
    return spec


def chain_spec(chain):
    """A spec that rebuilds ``chain`` (settings at their defaults are left out)."""
    spec = {"name": chain.name, "devices": [spec_of(d) for d in chain.devices]}
    if not chain.is_auto_colored:
        spec["color"] = chain.color
    extras = (("mute", chain.mute, False), ("solo", chain.solo, False), ("volume", chain.mixer.volume.value, 0.85),
              ("panning", chain.mixer.panning.value, 0.0))
    if isinstance(chain, DrumChainNode):
        extras += (("out_note", chain.out_note, 60), ("choke_group", chain.choke_group, 0))
    for key, value, default in extras:
        if value != default:
            spec[key] = value
    return spec


def lib_type_name(t):
    """The spec name of a DeviceType value."""
    for name, value in lib.TYPE_VALUES.items():
        if value == int(t):
            return name
    return lib.AUDIO_EFFECT


def _copy_extras(src, dst):
    """Carry over what a spec does not hold (display styles, view and rack state)."""
    for a, b in zip(src.parameters, dst.parameters):
        b.display = a.display
        b.default_value = a.default_value
    dst.view.is_collapsed = src.view.is_collapsed
    if isinstance(src, RackNode):
        dst.visible_macro_count = src.visible_macro_count
        dst.variations = [list(v) for v in src.variations]
        dst.selected_variation_index = src.selected_variation_index
        for a, b in zip(src.chains + src.return_chains, dst.chains + dst.return_chains):
            for x, y in zip(a.devices, b.devices):
                _copy_extras(x, y)
    if isinstance(src, PluginNode):
        dst.selected_preset_index = src.selected_preset_index
    if isinstance(src, ClassNode) and type(src) is type(dst):
        # A device class's own settings (Drift's voice mode, EQ Eight's mode ...).
        for key in src.defaults:
            value = getattr(src, key)
            setattr(dst, key, list(value) if isinstance(value, list) else value)


def clone_device(world, node, parent):
    """A copy of device ``node`` for ``parent``."""
    copy = _build(world, spec_of(node), parent, "device")
    _copy_extras(node, copy)
    return copy


def clone_chain(world, chain, rack, pad=None):
    """A copy of ``chain`` for ``rack`` (on drum pad ``pad`` for drum chains)."""
    spec = chain_spec(chain)
    if pad is not None:
        copy = _build_drum_chain(world, spec, rack, pad, "chain")
    else:
        copy = _build_chain(world, spec, rack, "chain", is_return=chain.is_return)
    for x, y in zip(chain.devices, copy.devices):
        _copy_extras(x, y)
    return copy


def new_chain(world, rack, pad=None):
    """An empty chain for ``rack`` (a drum chain on ``pad`` for Drum Racks)."""
    if pad is not None:
        return DrumChainNode(world, rack, pad, "")
    return ChainNode(world, rack, "Chain")


def duplicate_device(container, node):
    """Insert a copy of ``node`` right after it in its track or chain."""
    copy = clone_device(container.world, node, container)
    return insert_device_node(container, copy, container.devices.index(node) + 1)


def accepts(container, d):
    """True if a track or chain can hold device definition ``d`` (no instruments in audio chains)."""
    if d.type == lib.AUDIO_EFFECT:
        return True
    if isinstance(container, ChainNode):
        rack_type = int(container.parent.type)
        if rack_type == lib.TYPE_VALUES[lib.AUDIO_EFFECT]:
            return False
        return rack_type != lib.TYPE_VALUES[lib.MIDI_EFFECT] or d.type == lib.MIDI_EFFECT
    return getattr(container, "kind", "midi") == "midi"


def device_for_name(world, device_name, container):
    """A new node of the stock device called ``device_name`` for ``container`` (RuntimeError if unknown)."""
    d = lib.find(device_name, world.version)
    if d is None:
        raise RuntimeError(UNKNOWN_DEVICE_TEXT % device_name)
    if not accepts(container, d):
        raise RuntimeError("%s cannot be inserted here" % d.display_name)
    node = device_from_definition(world, d, container)
    if not isinstance(container, ChainNode):
        watch_track_activator(container)
    refresh_active(node)
    return node


def insert_device_by_name(container, device_name, index=-1):
    """Insert the stock device called ``device_name`` into a track or chain; return its node."""
    if index < -1 or index > len(container.devices):
        raise RuntimeError("Invalid device index")
    node = device_for_name(container.world, device_name, container)
    return insert_device_node(container, node, index)


def copy_pad(o, source_index, destination_index):
    """Replace the destination pad's chains with copies of the source pad's."""
    if not o.can_have_drum_pads:
        raise RuntimeError(DRUM_TEXT)
    if not (0 <= source_index < 128 and 0 <= destination_index < 128):
        raise RuntimeError(PAD_INDEX_TEXT)
    src = o.pads[source_index]
    if not src.chains:
        raise RuntimeError(PAD_EMPTY_TEXT)
    dst = o.pads[destination_index]
    o.set_pad_chains(dst, [clone_chain(o.world, c, o, pad=dst) for c in src.chains])


def insert_chain(o, index):
    """Insert an empty chain at ``index`` (-1: the end); the new chain's node."""
    chains = list(o.chains)
    if index < -1 or index > len(chains):
        raise RuntimeError("Invalid chain index")
    pad = o.view.selected_drum_pad if o.can_have_drum_pads else None
    chain = new_chain(o.world, o, pad=pad)
    chains.insert(len(chains) if index == -1 else index, chain)
    o.set_chains(chains, label="Insert Chain")
    return chain
