"""The model of device inputs and outputs (Live.DeviceIO shows them): Max for Live devices' and sidechains' routings.

A routing is a type (where from or to: "No Input", "Ext. In", a track) and a channel of that
type ("Post FX", "1/2", "Ch. 1").  Choosing a type selects its first channel.  Compressor's
sidechain (``Live._compressor_model``) is the same routing, held by the device itself.  Live._device_io
sets ``DeviceIONode.cls`` (the public class its handles have).
"""
from Live import _lom
from Live._routing import _rchan, _rtype

NONE, EXTERNAL, TRACK = 6, 0, 4
CHANNEL_TEXT = "Invalid routing channel: not one of the available routing channels"
TYPE_TEXT = "Invalid routing type: not one of the available routing types"


def routing_types(owner, midi=False):
    """What a device on ``owner``'s track can take in: nothing, the interface, another track."""
    device = owner
    while device is not None and not hasattr(device, "slots"):
        device = device.parent
    song = owner.world.song_node
    types = [_rtype("No Input", NONE), _rtype("Ext. In" if not midi else "All Ins", EXTERNAL)]
    for track in song.tracks:
        if track is device or (midi and track.kind != "midi") or (not midi and track.kind == "midi"):
            continue
        types.append(_rtype(track.name, TRACK, track))
    return types


def routing_channels(routing_type, midi=False):
    """The channels of a routing type."""
    category = int(routing_type.category)
    if category == NONE:
        return []
    if midi:
        return [_rchan("All Channels", 0)] + [_rchan("Ch. %d" % i, 0) for i in range(1, 17)]
    if category == EXTERNAL:
        return [_rchan("1/2", 2), _rchan("1", 1), _rchan("2", 1)]
    return [_rchan("Pre FX", 2), _rchan("Post FX", 2), _rchan("Post Mixer", 2)]


class Routing(object):
    """A routing's state: the chosen type and channel (``None`` channel: the type has none)."""

    def __init__(self, owner, midi=False):
        self.owner = owner
        self.midi = midi
        self.type = _rtype("No Input", NONE)   # the set may still be loading: no other track to ask for
        self.channel = None

    def types(self):
        return routing_types(self.owner, self.midi)

    def channels(self):
        return routing_channels(self.type, self.midi)

    def set_type(self, node, value, type_attr, channel_attr):
        if value not in self.types():
            raise ValueError(TYPE_TEXT)
        old = (self.type, self.channel)
        new = (value, (self.channels_of(value) or [None])[0])
        self.apply(node, new, type_attr, channel_attr)
        node.world.history.record(lambda: self.apply(node, old, type_attr, channel_attr),
                                  lambda: self.apply(node, new, type_attr, channel_attr), "Routing")

    def set_channel(self, node, value, channel_attr):
        if value not in self.channels():
            raise ValueError(CHANNEL_TEXT)
        old = self.channel
        self.apply(node, (self.type, value), None, channel_attr)
        node.world.history.record(lambda: self.apply(node, (self.type, old), None, channel_attr),
                                  lambda: self.apply(node, (self.type, value), None, channel_attr), "Routing")

    def channels_of(self, routing_type):
        return routing_channels(routing_type, self.midi)

    def apply(self, node, pair, type_attr, channel_attr):
        changed_type = pair[0] != self.type
        self.type, self.channel = pair
        if type_attr and changed_type:
            _lom.notify(node, type_attr)
        _lom.notify(node, channel_attr)

    def channel_value(self):
        return self.channel if self.channel is not None else _rchan("", 2)


class DeviceIONode(_lom.Node):
    """One input or output of a device."""

    def __init__(self, world, device, midi=False):
        _lom.Node.__init__(self, world, device)
        self.routing = Routing(device, midi)
        self.default_external_routing_channel_is_none = False


def set_routing_type(o, v):
    """Route input or output ``o`` from or to another type (its first channel is chosen)."""
    o.routing.set_type(o, v, "routing_type", "routing_channel")


def set_routing_channel(o, v):
    """Choose a channel of the routing type of input or output ``o``."""
    o.routing.set_channel(o, v, "routing_channel")
