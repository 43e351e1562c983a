"""The model of Compressor (Live.CompressorDevice shows it): its sidechain input routing.

The sidechain is a ``Live._device_io_model`` routing held by the device itself.
Live._compressor_device sets ``CompressorNode.cls`` (the public class its handles have).
"""
from Live._device_class_model import ClassNode
from Live._device_io_model import Routing


class CompressorNode(ClassNode):
    """Compressor's state: its sidechain routing."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        self.sidechain = Routing(self)


def set_sidechain_type(o, v):
    """Take the sidechain from another routing type (its first channel is chosen)."""
    o.sidechain.set_type(o, v, "input_routing_type", "input_routing_channel")


def set_sidechain_channel(o, v):
    """Choose a channel of the sidechain's routing type."""
    o.sidechain.set_channel(o, v, "input_routing_channel")
