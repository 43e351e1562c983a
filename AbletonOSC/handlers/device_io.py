"""/live/device/...: the routings of a device: Compressor's sidechain and a Max for Live device's inputs and outputs.

Routings are named as Live's menus show them (``display_name``): a type ("No Input", "Ext. In",
a track) and a channel of that type ("Post FX", "1/2"); choosing a type selects its first channel.
A Max device's inputs and outputs are addressed by kind (audio_in, audio_out, midi_in, midi_out)
and index.
"""

from .device_classes import DeviceClassKind
from .errors import HandlerError
from .registry import KIND_GET, KIND_SET, Prop
from .types import ArgumentError

IO_KINDS = {"audio_in": "audio_inputs", "audio_out": "audio_outputs", "midi_in": "midi_inputs",
            "midi_out": "midi_outputs"}
COMPRESSOR = DeviceClassKind(("CompressorDevice",), "input_routing_type")
MAX = DeviceClassKind(("MaxDevice",), "audio_inputs")


def _io(device, kind, index):
    attr = IO_KINDS.get(kind)
    if attr is None:
        raise ArgumentError("io must be one of %s, got %r" % (", ".join(sorted(IO_KINDS)), kind))
    items = getattr(device, attr)
    if not 0 <= index < len(items):
        raise HandlerError("The device has %d %s, not %d" % (len(items), attr.replace("_", " "), index + 1))
    return items[index]


def _choose(holder, attr, available, name):
    choices = list(getattr(holder, available))
    for item in choices:
        if item.display_name == name:
            return item
    raise HandlerError("No %s named %r (available: %s)" % (
        attr.replace("_", " "), name, ", ".join(repr(c.display_name) for c in choices)))


def _names(attr):
    def get(ctx, device):
        return tuple(item.display_name for item in getattr(device, attr))

    return get


def _compressor_set(attr, available):
    def set_(ctx, device, name):
        ctx.manager.write(setattr, device, attr, _choose(device, attr, available, name))

    return set_


def get_io_counts(ctx, device):
    return tuple(len(getattr(device, attr)) for attr in ("audio_inputs", "audio_outputs", "midi_inputs",
                                                          "midi_outputs"))


def _io_get(attr, many=False):
    def get(ctx, device, kind, index):
        value = getattr(_io(device, kind, index), attr)
        if many:
            return (kind, index) + tuple(item.display_name for item in value)
        return (kind, index, value.display_name if hasattr(value, "display_name") else bool(value))

    return get


def _io_set(attr, available):
    def set_(ctx, device, kind, index, name):
        io = _io(device, kind, index)
        ctx.manager.write(setattr, io, attr, _choose(io, attr, available, name))

    return set_


def set_external_none(ctx, device, kind, index, value):
    ctx.manager.write(setattr, _io(device, kind, index), "default_external_routing_channel_is_none", value)


def get_value_item_icons(ctx, device, param_id):
    parameters = device.parameters
    if not 0 <= param_id < len(parameters):
        raise HandlerError("param_id %d is out of range (the device has %d parameters)" % (param_id, len(parameters)))
    return (param_id,) + tuple(str(icon) for icon in device.get_value_item_icons(parameters[param_id]))


def register(reg):
    for what in ("type", "channel"):
        attr = "input_routing_%s" % what
        available = "available_input_routing_%ss" % what
        reg.properties(COMPRESSOR, [Prop(attr, "s", "gl", out=lambda value: value.display_name, strict=True,
                                         member=("CompressorDevice.%s" % attr, "Routing%s.display_name"
                                                 % what.capitalize()),
                                         doc="Compressor: the sidechain's routing %s" % what)], prefix="/live/device")
        reg.add("/live/device/set/%s" % attr, KIND_SET, COMPRESSOR, _compressor_set(attr, available),
                args="display_name:s", members=("CompressorDevice.%s" % attr, "CompressorDevice.%s" % available),
                doc="Compressor: route the sidechain from a %s, by its name" % what)
        reg.add("/live/device/get/%s" % available, KIND_GET, COMPRESSOR, _names(available),
                reply="track_id:i device_id:i display_name:s*", members="CompressorDevice.%s" % available,
                doc="Compressor: the sidechain's routing %ss" % what)
    reg.add("/live/device/get/io_counts", KIND_GET, MAX, get_io_counts,
            reply="track_id:i device_id:i audio_inputs:i audio_outputs:i midi_inputs:i midi_outputs:i",
            members=tuple("MaxDevice.%s" % attr for attr in sorted(IO_KINDS.values())),
            doc="Max for Live: how many audio and MIDI inputs and outputs the device has")
    io_args = "io:s io_index:i"
    for what in ("type", "channel"):
        attr = "routing_%s" % what
        available = "available_routing_%ss" % what
        reg.add("/live/device/get/io/%s" % attr, KIND_GET, MAX, _io_get(attr), args=io_args,
                reply="track_id:i device_id:i io:s io_index:i display_name:s",
                members=("MaxDevice.audio_inputs", "DeviceIO.%s" % attr),
                doc="Max for Live: the routing %s of an input or output (io: audio_in, audio_out, midi_in, "
                    "midi_out)" % what)
        reg.add("/live/device/set/io/%s" % attr, KIND_SET, MAX, _io_set(attr, available),
                args=io_args + " display_name:s", members=("DeviceIO.%s" % attr, "DeviceIO.%s" % available),
                doc="Max for Live: route an input or output from or to a %s, by its name" % what)
        reg.add("/live/device/get/io/%s" % available, KIND_GET, MAX, _io_get(available, many=True), args=io_args,
                reply="track_id:i device_id:i io:s io_index:i display_name:s*", members="DeviceIO.%s" % available,
                doc="Max for Live: the routing %ss an input or output offers" % what)
    reg.add("/live/device/get/io/default_external_routing_channel_is_none", KIND_GET, MAX,
            _io_get("default_external_routing_channel_is_none"), args=io_args,
            reply="track_id:i device_id:i io:s io_index:i is_none:b",
            members="DeviceIO.default_external_routing_channel_is_none",
            doc="Max for Live: whether an input routed from Ext. In starts with no channel")
    reg.add("/live/device/set/io/default_external_routing_channel_is_none", KIND_SET, MAX, set_external_none,
            args=io_args + " value:b", members="DeviceIO.default_external_routing_channel_is_none",
            doc="Max for Live: set whether an input routed from Ext. In starts with no channel")
    reg.add("/live/device/get/parameter/value_item_icons", KIND_GET,
            DeviceClassKind(("MaxDevice",), "get_value_item_icons"), get_value_item_icons, args="param_id:i",
            reply="track_id:i device_id:i param_id:i icon:s*", members="MaxDevice.get_value_item_icons",
            doc="Max for Live: the icon names of a list parameter's values ('' where a value has none)")
