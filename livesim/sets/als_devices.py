"""Devices in a Live Set file: class, name, on/off, stored parameter values, rack chains and drum pads.

A device element's tag is Live's class name.  Built-in devices store each parameter as a child
element with a ``Manual`` value; racks add ``MacroControls.N``; plug-ins and Max devices list
their parameters in a ``ParameterList``.  Racks hold chains (``Branches``, ``ReturnBranches``)
whose own devices are read the same way, at any depth.
"""
import re

from livesim import device_library as lib

from .adjust import AUTOMATION_NOT_READ
from .devices import RACKS, device_kind, display_name
from .xmlvalues import color_of, fader, find, first, flag, integer, name_of, number, value

ON_OFF = ["Off", "On"]
MAX_PARAMETERS = ("MxDFloatParameter", "MxDIntParameter", "MxDEnumParameter", "MxDBoolParameter")
MACRO_TAG = re.compile(r"^MacroControls\.(\d+)$")
PLUGIN_NAME_PATHS = ("PluginDesc/VstPluginInfo/PlugName", "PluginDesc/Vst3PluginInfo/Name",
                     "PluginDesc/AuPluginInfo/Name")


_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_NORMS = {}
_LIBRARY_NAMES = {}


def _norm(text):
    norm = _NORMS.get(text)
    if norm is None:
        if len(_NORMS) > 4096:  # tags come from files: keep the memo bounded
            _NORMS.clear()
        norm = _NORMS[text] = _NOT_ALNUM.sub("", text.lower())
    return norm


def _library_names(definition):
    """Normalised parameter name -> Live's display name, for a device the library knows."""
    if definition is None:
        return {}
    names = _LIBRARY_NAMES.get(id(definition))
    if names is None or names[0] is not definition:
        names = _LIBRARY_NAMES[id(definition)] = (definition, dict((_norm(p.name), p.name) for p in definition.params))
    return names[1]


def _switch(name, on):
    return {"name": name, "value": 1.0 if on else 0.0, "min": 0.0, "max": 1.0, "is_quantized": True,
            "value_items": list(ON_OFF)}


def _ranged(name, v, lo, hi):
    """A continuous parameter; a stored value outside the stored range widens the range (Live keeps it)."""
    return {"name": name, "value": v, "min": min(lo, v), "max": max(hi, v), "is_quantized": False}


class Targets(object):
    """The parameters of the track being read: by ``AutomationTarget`` Id (envelopes point at it),
    and those with arrangement automation kept inside the parameter (Live 9)."""

    def __init__(self):
        self.ids = {}
        self.automated = []

    def note(self, elem, path, param):
        """Note ``param``, whose ``AutomationTarget`` is ``elem/path``; returns ``param``."""
        holder = find(elem, path[:path.rfind("/")]) if "/" in path else elem
        if holder is None:
            return param
        node = holder.find("AutomationTarget")
        if node is not None and node.get("Id") is not None:
            self.ids[node.get("Id")] = param
        if automated_in_place(holder):
            self.automated.append(param)
        return param


def automated_in_place(holder):
    """Whether a parameter element holds arrangement automation (Live 9): events beyond the first,
    which is the value before the song starts."""
    automation = holder.find("ArrangerAutomation")
    events = automation.find("Events") if automation is not None else None
    return events is not None and len(events) > 1


def _builtin_parameters(elem, names, targets):
    params = []
    for child in elem:
        if child.tag == "On":
            continue
        manual = child.find("Manual")
        if manual is None:
            continue
        text = manual.get("Value")
        match = MACRO_TAG.match(child.tag)
        name = "Macro %d" % (int(match.group(1)) + 1) if match else names.get(_norm(child.tag), child.tag)
        if text in ("true", "false"):
            params.append(targets.note(child, "AutomationTarget", _switch(name, text == "true")))
            continue
        try:
            v = float(text)
        except (TypeError, ValueError):
            continue
        if match:
            params.append(targets.note(child, "AutomationTarget", _ranged(name, v, 0.0, 127.0)))
            continue
        lo, hi = min(0.0, v), max(1.0, v)
        limits = child.find("MidiControllerRange")
        if limits is not None:
            lo, hi = number(limits, "Min", lo), number(limits, "Max", hi)
        params.append(targets.note(child, "AutomationTarget", _ranged(name, v, lo, hi)))
    return params


def _plugin_parameters(elem, targets):
    params = []
    plist = elem.find("ParameterList")
    for p in (plist if plist is not None else ()):
        if p.tag != "PluginFloatParameter":
            continue
        v = number(p, "ParameterValue/Manual", 0.0)
        params.append(targets.note(p, "ParameterValue/AutomationTarget",
                              _ranged(value(p, "ParameterName", "") or "Parameter", v, 0.0, 1.0)))
    return params


def _max_parameters(elem, targets):
    params = []
    plist = find(elem, "ParameterList/ParameterList")
    for p in (plist if plist is not None else ()):
        if p.tag not in MAX_PARAMETERS:
            continue
        name = value(p, "Name", "") or "Parameter"
        lo, hi = number(p, "MinValue", 0.0), number(p, "MaxValue", 1.0)
        v = number(p, "Timeable/Manual", number(p, "Default", lo))
        if p.tag in ("MxDEnumParameter", "MxDIntParameter", "MxDBoolParameter"):
            lo, hi, v = float(int(lo)), float(int(hi)), float(int(v))
            param = _ranged(name, v, lo, hi)
            param["is_quantized"] = True
            items = [value(n, "", "") for n in p.iter("MxDEnumName") if value(n, "", None) is not None] \
                if p.tag == "MxDEnumParameter" else []
            if items and len(items) == int(param["max"] - param["min"]) + 1 and param["min"] == 0.0:
                param["value_items"] = items
            params.append(targets.note(p, "Timeable/AutomationTarget", param))
        else:
            params.append(targets.note(p, "Timeable/AutomationTarget", _ranged(name, v, lo, hi)))
    return params


def _device_name(elem, class_name):
    user = value(elem, "UserName", "")
    if user:
        return user
    if class_name in lib.PLUGIN_CLASSES:
        for path in PLUGIN_NAME_PATHS:
            name = value(elem, path, "")
            if name:
                return name
    if class_name in lib.MAX_CLASSES:
        patch = value(elem, "PatchSlot/Value/MxDPatchRef/FileRef/Name", "") or \
            value(elem, "PatchSlot/Value/MxDPatchRef/FileRef/Path", "").replace("\\", "/").split("/")[-1]
        if patch:
            return patch[:-5] if patch.lower().endswith(".amxd") else patch
    return display_name(class_name)


class DeviceReader(object):
    """Reads device elements; ``adjust`` records what livesim cannot run as saved."""

    def __init__(self, adjust, version):
        self.adjust = adjust
        self.version = version
        self.targets = Targets()  # the parameters of the track being read

    def devices(self, container, where):
        """The devices of a ``Devices`` element's parent chain (``container``), in order."""
        devices = first(container, "Devices")
        if devices is None:
            return []
        return [self.device(d, "%s.devices[%d]" % (where, i)) for i, d in enumerate(devices)]

    def device(self, elem, where):
        """One device element as a device spec."""
        class_name = elem.tag
        known = lib.LIBRARY.get(class_name)
        if known is not None and not lib.available(known, self.version):
            self.adjust.add("a device newer than the simulated Live version is shown as a generic device", where)
            known = None
        spec = {"name": _device_name(elem, class_name), "class_name": class_name, "type": device_kind(class_name)}
        automated = len(self.targets.automated)
        params = [self.targets.note(elem, "On/AutomationTarget", _switch("Device On", flag(elem, "On/Manual", True)))]
        if class_name in lib.PLUGIN_CLASSES:
            self.adjust.add("a plug-in is shown with its stored parameters; livesim runs no plug-ins", where)
            params += _plugin_parameters(elem, self.targets)
        elif class_name in lib.MAX_CLASSES:
            self.adjust.add("a Max for Live device is shown with its stored parameters; livesim runs no Max", where)
            params += _max_parameters(elem, self.targets)
        else:
            params += _builtin_parameters(elem, _library_names(known), self.targets)
        if len(self.targets.automated) > automated:
            self.adjust.add(AUTOMATION_NOT_READ, where)
        spec["parameters"] = _unique(params)
        if class_name in RACKS:
            self._rack(elem, spec, where)
        return spec

    def _rack(self, elem, spec, where):
        branches = elem.find("Branches")
        branches = list(branches) if branches is not None else []
        returns = elem.find("ReturnBranches")
        if returns is not None and len(returns):
            spec["return_chains"] = [self._chain(b, "%s.return_chains[%d]" % (where, i))
                                     for i, b in enumerate(returns)]
        if elem.tag != "DrumGroupDevice":
            spec["chains"] = [self._chain(b, "%s.chains[%d]" % (where, i)) for i, b in enumerate(branches)]
            return
        pads = {}
        for i, branch in enumerate(branches):
            cwhere = "%s.chains[%d]" % (where, i)
            chain = self._chain(branch, cwhere)
            note = _receiving_note(branch)
            if note is None:
                self.adjust.add("a Drum Rack chain that receives no single note is left out (livesim "
                                "models drum chains per pad)", cwhere)
                continue
            chain["out_note"] = max(0, min(127, integer(branch, "BranchInfo/SendingNote", 60)))
            chain["choke_group"] = max(0, min(16, integer(branch, "BranchInfo/ChokeGroup", 0)))
            pad = pads.setdefault(note, {"note": note, "name": chain["name"], "chains": []})
            pad["chains"].append(chain)
        spec["drum_pads"] = [pads[n] for n in sorted(pads)]

    def _chain(self, branch, where):
        chain = {"name": name_of(branch), "devices": self.devices(branch, where)}
        color = color_of(branch)
        if color is not None:
            chain["color"] = color
        mixer = branch.find("MixerDevice")
        if mixer is not None:
            chain["mute"] = not flag(mixer, "Speaker/Manual", True)
            chain["solo"] = flag(mixer, "Solo/Manual", False) or flag(mixer, "SoloSink", False)
            chain["volume"] = fader(number(mixer, "Volume/Manual", 1.0))
            chain["panning"] = max(-1.0, min(1.0, number(mixer, "Panorama/Manual", 0.0)))
        return chain


def _receiving_note(branch):
    """A drum chain's pad: Live stores the note as 128 - note; 0 and out-of-range mean no single note."""
    for path in ("BranchInfo/ReceivingNote", "ZoneSettings/ReceivingNote"):
        v = value(branch, path)
        if v is not None:
            try:
                note = 128 - int(v)
            except ValueError:
                return None
            return note if 0 <= note <= 127 else None
    return None


def _unique(params):
    """Parameters with distinct names (a later duplicate is dropped: a spec names each once)."""
    seen = set()
    out = []
    for p in params:
        if p["name"] not in seen:
            seen.add(p["name"])
            out.append(p)
    return out


def parameter_paths(devices, prefix=""):
    """{id(parameter spec): (device path, parameter name)} for devices at any depth.

    A device path is the one AbletonOSC takes: "0.1.2" is device 2 of chain 1 of device 0, "0.R0"
    a return chain; a Drum Rack's chains are its pads' chains in pad order, as Live lists them.
    """
    out = {}
    for i, device in enumerate(devices):
        path = "%s%d" % (prefix, i)
        for param in device.get("parameters", ()):
            out[id(param)] = (path, param["name"])
        chains = device.get("chains")
        if chains is None:
            chains = [c for pad in device.get("drum_pads", ()) for c in pad["chains"]]
        for j, chain in enumerate(chains):
            out.update(parameter_paths(chain.get("devices", ()), "%s.%d." % (path, j)))
        for j, chain in enumerate(device.get("return_chains", ())):
            out.update(parameter_paths(chain.get("devices", ()), "%s.R%d." % (path, j)))
    return out
