"""Live.PluginDevice: a VST/AU plug-in with its presets, a view on Live._plugin_model."""
from Live import _lom
from Live._lom import method, prop
from Live._base import StringVector
from Live._device import Device
from Live._plugin_model import PluginNode, parameter_names, set_preset


class PluginDevice(Device):
    """A plug-in device."""

    __slots__ = ()
    presets = prop("StringVector", observe=True, get=lambda o: _lom.vector(StringVector, o.presets, None))
    selected_preset_index = prop("int", set=True, observe=True, fset=set_preset)

    @method("int begin=0, int end=-1")
    def get_parameter_names(o, begin, end):
        """Names of the parameters begin..end (end < 0: up to the last)."""
        return _lom.vector(StringVector, parameter_names(o, begin, end), None)


PluginNode.cls = PluginDevice  # handles of plug-in nodes are Live.PluginDevice.PluginDevice
