"""Live.DeviceIO: an audio or MIDI input or output of a device, a view on Live._device_io_model."""
from Live import _lom
from Live._lom import prop
from Live._routing import RoutingChannelVector, RoutingTypeVector
from Live._device_io_model import DeviceIONode, set_routing_channel, set_routing_type


class DeviceIO(_lom.LomObject):
    """An audio or MIDI input or output of a device."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    available_routing_types = prop("RoutingTypeVector", observe=True,
                                   get=lambda o: _lom.vector(RoutingTypeVector, o.routing.types(), None))
    available_routing_channels = prop("RoutingChannelVector", observe=True,
                                      get=lambda o: _lom.vector(RoutingChannelVector, o.routing.channels(), None))
    routing_type = prop("any", set=True, observe=True, get=lambda o: o.routing.type, fset=set_routing_type)
    routing_channel = prop("any", set=True, observe=True, get=lambda o: o.routing.channel_value(),
                           fset=set_routing_channel)
    default_external_routing_channel_is_none = prop("bool", set=True)


DeviceIONode.cls = DeviceIO  # handles of input and output nodes are Live.DeviceIO.DeviceIO
