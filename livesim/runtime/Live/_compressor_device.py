"""Live.CompressorDevice: Compressor's sidechain input routing (``Live._device_io`` routings)."""
from Live import _lom
from Live._device import Device
from Live._device_class import ClassNode
from Live._device_io_model import Routing
from Live._lom import prop, since
from Live._routing import RoutingChannelVector, RoutingTypeVector


class CompressorNode(ClassNode):
    """Compressor's state: its sidechain routing."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, cls=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name, cls)
        self.sidechain = Routing(self)


def _set_type(o, v):
    o.sidechain.set_type(o, v, "input_routing_type", "input_routing_channel")


def _set_channel(o, v):
    o.sidechain.set_channel(o, v, "input_routing_channel")


class CompressorDevice(Device):
    """Compressor."""

    __slots__ = ()
    _node = CompressorNode
    _defaults = {}
    # Live 11.0 offers Compressor's name read-only.
    name = prop("str", set=True, observe=True, set_avail=since(12, 0))
    available_input_routing_types = prop("RoutingTypeVector", observe=True, get=lambda o: _lom.vector(
        RoutingTypeVector, o.sidechain.types(), None))
    available_input_routing_channels = prop("RoutingChannelVector", observe=True, get=lambda o: _lom.vector(
        RoutingChannelVector, o.sidechain.channels(), None))
    input_routing_type = prop("any", set=True, observe=True, get=lambda o: o.sidechain.type, fset=_set_type)
    input_routing_channel = prop("any", set=True, observe=True, get=lambda o: o.sidechain.channel_value(),
                                 fset=_set_channel)
