"""/live/device/*: devices (by index, or by path through racks) and their parameters."""

from .registry import Prop
from .types import to_float, to_osc

PROPERTIES = [
    Prop("class_name", "s", "gl", listen_echo=False, doc="Live's class name (e.g. 'Reverb', 'OriginalSimpler')"),
    Prop("name", "s", "gl", listen_echo=False),
    Prop("type", "i", "gl", listen_echo=False, doc="0 undefined, 1 instrument, 2 audio effect, 4 MIDI effect"),
]


def get_num_parameters(ctx, device):
    return (len(device.parameters),)


def _parameter_list(name):
    def get(ctx, device):
        return tuple(to_osc(getattr(p, name)) for p in device.parameters)

    return get


def set_parameter_values(ctx, device, *values):
    parameters = device.parameters
    for parameter, value in zip(parameters, values):
        ctx.manager.write(setattr, parameter, "value", to_float(value, "value"))


def get_parameter_value(ctx, device, index):
    return (index, float(device.parameters[index].value))


def get_parameter_value_string(ctx, device, index):
    return (index, str(device.parameters[index]))


def get_parameter_name(ctx, device, index):
    return (index, device.parameters[index].name)


def set_parameter_value(ctx, device, index, value):
    ctx.manager.write(setattr, device.parameters[index], "value", value)


def _value_prop(index):
    return Prop("parameter/value", "f", attr="value", target=lambda d: d.parameters[index],
                out=lambda value: (index, float(value)))


def _value_string_prop(index):
    def text(device):
        return str(device.parameters[index])

    return Prop("parameter/value_string", "s", attr="value", target=lambda d: d.parameters[index],
                getter=text, out=lambda value: (index, value))


VALUE_ADDRESS = "/live/device/get/parameter/value"
STRING_ADDRESS = "/live/device/get/parameter/value_string"


def start_listen_value(ctx, device, index):
    device.parameters[index]  # fail now (Index out of range) rather than later
    subs = ctx.registry.subscriptions
    subs.start(ctx, _value_prop(index), device, VALUE_ADDRESS, (index,))
    subs.start(ctx, _value_string_prop(index), device, STRING_ADDRESS, (index,))


def stop_listen_value(ctx, device, index):
    subs = ctx.registry.subscriptions
    subs.stop(ctx, _value_prop(index), device, VALUE_ADDRESS, (index,))
    subs.stop(ctx, _value_string_prop(index), device, STRING_ADDRESS, (index,))


def register(reg):
    reg.properties("device", PROPERTIES)
    reg.add("/live/device/get/num_parameters", "get", "device", get_num_parameters,
            reply="track_id:i device_id:i num_parameters:i", doc="Number of parameters")
    for name, type_ in (("name", "s"), ("value", "f"), ("min", "f"), ("max", "f"), ("is_quantized", "b")):
        reg.add("/live/device/get/parameters/%s" % name, "get", "device", _parameter_list(name),
                reply="track_id:i device_id:i %s:%s*" % (name, type_), doc="The %s of every parameter" % name)
    reg.add("/live/device/set/parameters/value", "set", "device", set_parameter_values, args="value:f*",
            doc="Set the values of the first parameters, in order")
    reg.add("/live/device/get/parameter/value", "get", "device", get_parameter_value, args="param_id:i",
            reply="track_id:i device_id:i param_id:i value:f", doc="A parameter's value",
            example="/live/device/get/parameter/value 0 0 1")
    reg.add("/live/device/get/parameter/value_string", "get", "device", get_parameter_value_string,
            args="param_id:i", reply="track_id:i device_id:i param_id:i value_string:s",
            doc="A parameter's value as Live displays it (e.g. '-6.0 dB')")
    reg.add("/live/device/set/parameter/value", "set", "device", set_parameter_value, args="param_id:i value:f",
            doc="Set a parameter's value (within its min and max)")
    reg.add("/live/device/start_listen/parameter/value", "start_listen", "device", start_listen_value,
            args="param_id:i",
            reply="-> %s track_id:i device_id:i param_id:i value:f, and %s ... value_string:s"
                  % (VALUE_ADDRESS, STRING_ADDRESS),
            doc="Send a parameter's value and display string now and whenever it changes")
    reg.add("/live/device/stop_listen/parameter/value", "stop_listen", "device", stop_listen_value,
            args="param_id:i", doc="Stop listening to a parameter's value")
    reg.add("/live/device/get/parameter/name", "get", "device", get_parameter_name, args="param_id:i",
            reply="track_id:i device_id:i param_id:i name:s", doc="A parameter's name")
