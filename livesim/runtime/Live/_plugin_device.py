"""Live.PluginDevice: a VST/AU plug-in with its presets."""
from Live import _lom
from Live._lom import method, prop, set_value
from Live._base import StringVector
from Live._device import Device
from Live._device_model import DeviceNode

PRESET_TEXT = "Preset index out of range"


class PluginNode(DeviceNode):
    """A plug-in's state: its preset names and the selected one."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, presets=()):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name, PluginDevice)
        self.presets = list(presets)
        self.selected_preset_index = 0
        self.can_compare_ab = False


def _set_preset(o, v):
    if v < 0 or v >= len(o.presets):
        raise RuntimeError(PRESET_TEXT)
    set_value(o, "selected_preset_index", v)


class PluginDevice(Device):
    """A plug-in device."""

    __slots__ = ()
    presets = prop("StringVector", observe=True, get=lambda o: _lom.vector(StringVector, o.presets, None))
    selected_preset_index = prop("int", set=True, observe=True, fset=_set_preset)

    @method("int begin=0, int end=-1")
    def get_parameter_names(o, begin, end):
        """Names of the parameters begin..end (end < 0: up to the last)."""
        names = [p.name for p in o.parameters]
        if end < 0:
            end = len(names)
        return _lom.vector(StringVector, names[begin:end], None)
