"""The model of plug-ins (Live.PluginDevice shows them): a VST/AU plug-in's presets and parameter names.

Live._plugin_device sets ``PluginNode.cls`` (the public class its handles have).
"""
from Live._lom import set_value
from Live._device_model import DeviceNode

PRESET_TEXT = "Preset index out of range"


class PluginNode(DeviceNode):
    """A plug-in's state: its preset names and the selected one."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, presets=()):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        self.presets = list(presets)
        self.selected_preset_index = 0
        self.can_compare_ab = False


def set_preset(o, v):
    """Select preset ``v`` of plug-in ``o``."""
    if v < 0 or v >= len(o.presets):
        raise RuntimeError(PRESET_TEXT)
    set_value(o, "selected_preset_index", v)


def parameter_names(o, begin, end):
    """Names of the parameters begin..end (end < 0: up to the last)."""
    names = [p.name for p in o.parameters]
    if end < 0:
        end = len(names)
    return names[begin:end]
