"""The model of device parameters (Live.DeviceParameter shows it): values, ranges and Live's display texts.

Live._device_parameter sets ``ParamNode.cls`` (the public class its handles have).
"""
import math

from Live import _lom
from Live._lom import set_value

AutomationState = _lom.make_enum("DeviceParameter", "AutomationState", {"none": 0, "playing": 1, "overridden": 2})
ParameterState = _lom.make_enum("DeviceParameter", "ParameterState", {"enabled": 0, "irrelevant": 1, "disabled": 2})

OUT_OF_RANGE_TEXT = "Invalid value"


def volume_db(v):
    """Live's fader curve: 0.85 -> 0 dB, 1.0 -> +6 dB, 0.5 -> -14 dB, 0.0 -> -inf."""
    if v <= 0.0:
        return None
    if v >= 0.4:
        return 40.0 * (v - 0.85)
    return -18.0 + 30.0 * math.log10(v / 0.4)


def _db_text(db):
    if db is None:
        return "-inf dB"
    return "%.1f dB" % (0.0 if abs(db) < 0.05 else db)


def display_text(o, v):
    """The text Live shows for value ``v`` of parameter node ``o``."""
    kind = o.display
    if o.is_quantized and o.items:
        i = int(round(v))
        if 0 <= i < len(o.items):
            return o.items[i]
    if callable(kind):
        return kind(v)
    if kind == "volume":
        return _db_text(volume_db(v))
    if kind == "send":
        return _db_text(volume_db(v * 0.85))
    if kind == "pan":
        n = int(round(abs(v) * 50))
        return "C" if n == 0 else "%d%s" % (n, "L" if v < 0 else "R")
    if kind == "crossfader":
        n = int(round(abs(v) * 50))
        return "C" if n == 0 else "%d%s" % (n, "A" if v < 0 else "B")
    if kind == "tempo":
        return "%.2f BPM" % v
    return "%.2f" % v


class ParamNode(_lom.Node):
    """A parameter's state; ``display`` selects the text style (volume/send/pan/tempo/generic)."""

    def __init__(self, world, parent, name, value=0.0, min=0.0, max=1.0, is_quantized=False, items=None,
                 default=None, display="generic", original_name=None):
        _lom.Node.__init__(self, world, parent)
        self.name = name
        self.original_name = original_name or name
        self.min = float(min)
        self.max = float(max)
        self.value = float(value)
        self.default_value = float(value if default is None else default)
        self.is_quantized = bool(is_quantized)
        self.items = list(items or [])
        self.display = display
        self.automation_state = AutomationState.none
        self.state = ParameterState.enabled
        self.is_enabled = True
        self.on_change = None      # callable(node) mirroring the value elsewhere (song tempo)

    def set(self, v, undo=None):
        """Set the value (range-checked by the caller) and run the mirror hook."""
        changed = set_value(self, "value", float(v), undo=undo)
        if changed:
            if self.ls is not None:
                _lom.notify(self, "display_value")
            if self.on_change is not None:
                self.on_change(self)
        return changed


def set_parameter_value(o, v):
    """A script's write of a value: within [min, max] (or clamped, see ``world.clamp_ranges``)."""
    if o.set(_lom.in_range(o.world, v, o.min, o.max, OUT_OF_RANGE_TEXT)):
        take_over(o)


def take_over(o):
    """A change by a script or a mapped control overrides the parameter's automation until re-enabled."""
    if o.automation_state == AutomationState.playing:
        set_value(o, "automation_state", AutomationState.overridden, undo=False)
        set_value(o.world.song_node, "re_enable_automation_enabled", True, undo=False)


def items_refusal(o):
    """Why ``o`` has no value items (None if it has)."""
    return None if o.is_quantized else "Only quantized parameters have value items"


def default_refusal(o):
    """Why ``o`` has no default value (None if it has)."""
    return "There is no default value available for this type of parameter" if o.is_quantized else None


def re_enable_automation(o):
    """Return an overridden parameter to its automation."""
    if o.automation_state == AutomationState.overridden:
        set_value(o, "automation_state", AutomationState.playing, undo=False)
