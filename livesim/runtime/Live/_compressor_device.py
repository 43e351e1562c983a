"""Live.CompressorDevice: Compressor's sidechain input routing, a view on Live._compressor_model."""
from Live import _lom
from Live._device import Device
from Live._lom import prop, since
from Live._routing import RoutingChannelVector, RoutingTypeVector
from Live._compressor_model import CompressorNode, set_sidechain_channel, set_sidechain_type


class CompressorDevice(Device):
    """Compressor."""

    __slots__ = ()
    # Live 11.0 offers Compressor's name read-only.
    name = prop("str", set=True, observe=True, set_avail=since(12, 0))
    available_input_routing_types = prop("RoutingTypeVector", observe=True, get=lambda o: _lom.vector(
        RoutingTypeVector, o.sidechain.types(), None))
    available_input_routing_channels = prop("RoutingChannelVector", observe=True, get=lambda o: _lom.vector(
        RoutingChannelVector, o.sidechain.channels(), None))
    input_routing_type = prop("any", set=True, observe=True, get=lambda o: o.sidechain.type, fset=set_sidechain_type)
    input_routing_channel = prop("any", set=True, observe=True, get=lambda o: o.sidechain.channel_value(),
                                 fset=set_sidechain_channel)


CompressorNode.cls = CompressorDevice  # handles of Compressor nodes are Live.CompressorDevice.CompressorDevice
