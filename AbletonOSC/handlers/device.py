"""/live/device/*: devices (by index, or by path through racks) and their parameters."""

from .errors import NotAvailable
from .limits import write_value
from .objects import item
from .registry import Prop, unavailable
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
    parameter = item(device.parameters, index, "parameter", "the device")
    write_value(ctx, parameter, "value", value, "parameter %d (%s)" % (index, parameter.name))


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
            reply="track_id:i device_id:i num_parameters:i", doc="Number of parameters", members="Device.parameters")
    for name, type_ in (("name", "s"), ("value", "f"), ("min", "f"), ("max", "f"), ("is_quantized", "b")):
        reg.add("/live/device/get/parameters/%s" % name, "get", "device", _parameter_list(name),
                reply="track_id:i device_id:i %s:%s*" % (name, type_), doc="The %s of every parameter" % name,
                members=("Device.parameters", "DeviceParameter.%s" % name))
    reg.add("/live/device/set/parameters/value", "set", "device", set_parameter_values, args="value:f*",
            doc="Set the values of the first parameters, in order", members="DeviceParameter.value")
    reg.add("/live/device/get/parameter/value", "get", "device", get_parameter_value, args="param_id:i",
            reply="track_id:i device_id:i param_id:i value:f", doc="A parameter's value",
            example="/live/device/get/parameter/value 0 0 1", members="DeviceParameter.value")
    reg.add("/live/device/get/parameter/value_string", "get", "device", get_parameter_value_string,
            args="param_id:i", reply="track_id:i device_id:i param_id:i value_string:s",
            doc="A parameter's value as Live displays it (e.g. '-6.0 dB')", members="DeviceParameter.__str__")
    reg.add("/live/device/set/parameter/value", "set", "device", set_parameter_value, args="param_id:i value:f",
            doc="Set a parameter's value (within its min and max)", members="DeviceParameter.value")
    reg.add("/live/device/start_listen/parameter/value", "start_listen", "device", start_listen_value,
            args="param_id:i",
            reply="-> %s track_id:i device_id:i param_id:i value:f, and %s ... value_string:s"
                  % (VALUE_ADDRESS, STRING_ADDRESS),
            doc="Send a parameter's value and display string now and whenever it changes",
            members="DeviceParameter.value")
    reg.add("/live/device/stop_listen/parameter/value", "stop_listen", "device", stop_listen_value,
            args="param_id:i", doc="Stop listening to a parameter's value", members="DeviceParameter.value")
    reg.add("/live/device/get/parameter/name", "get", "device", get_parameter_name, args="param_id:i",
            reply="track_id:i device_id:i param_id:i name:s", doc="A parameter's name",
            members="DeviceParameter.name")
    register_model(reg)


# ---------------------------------------------------------------------- beyond upstream

def _where_it_applies(attr):
    """A getter answering Live's refusal ("Device does not support A/B compare") as NotAvailable.

    The text still reaches the client; an OSC pattern such as /live/device/get/* skips it.
    """
    def get(device):
        try:
            return getattr(device, attr)
        except RuntimeError as error:
            raise NotAvailable(str(error))

    return get


MODEL_PROPERTIES = [
    Prop("class_display_name", "s", "g", strict=True, doc="The device's class as Live's browser shows it"),
    Prop("is_active", "b", "gl", strict=True, doc="False when the device or an enclosing rack chain is off"),
    Prop("can_have_chains", "b", "g", strict=True, doc="Whether the device is a rack"),
    Prop("can_have_drum_pads", "b", "g", strict=True, doc="Whether the device is a Drum Rack"),
    Prop("latency_in_ms", "f", "gl", since=(11, 3, 2), strict=True),
    Prop("latency_in_samples", "i", "gl", since=(11, 3, 2), strict=True),
    Prop("can_compare_ab", "b", "g", since=(12, 3), strict=True, doc="Whether the device has A/B compare"),
    Prop("is_using_compare_preset_b", "b", since=(12, 3), strict=True,
         getter=_where_it_applies("is_using_compare_preset_b"), doc="Whether the B slot of A/B compare is loaded"),
    Prop("is_collapsed", "b", target=lambda device: device.view, member="Device.View.is_collapsed", strict=True,
         doc="Whether the device is shown collapsed in its chain"),
]

# Per-parameter properties: (name, type, access, since, reply type, doc).
PARAMETER_PROPERTIES = [
    ("min", "f", "g", None, "f", "A parameter's minimum value"),
    ("max", "f", "g", None, "f", "A parameter's maximum value"),
    ("is_quantized", "b", "g", None, "b", "Whether a parameter takes whole steps (switches, lists)"),
    ("is_enabled", "b", "g", None, "b", "False when a parameter is macro-mapped or disabled"),
    ("original_name", "s", "g", None, "s", "A parameter's name before any renaming (e.g. by a macro)"),
    ("default_value", "f", "g", None, "f", "A parameter's default (continuous parameters only)"),
    ("value_items", "s", "g", None, "s*", "The names of a quantized parameter's values"),
    ("short_value_items", "s", "g", (11, 2), "s*", "The short names of a quantized parameter's values"),
    ("automation_state", "i", "gl", None, "i", "0 no automation, 1 playing, 2 overridden"),
    ("state", "i", "gl", None, "i", "0 enabled, 1 irrelevant, 2 disabled"),
    ("display_value", "f", "gsl", (12, 2), "f", "A parameter's value as shown in Live's window"),
]
LIST_TYPES = ("value_items", "short_value_items")

# Bulk lists beyond upstream's: one value per parameter, nil where Live refuses it for that one.
BULK_PROPERTIES = [
    ("original_name", "s", None), ("is_enabled", "b", None), ("default_value", "f", None),
    ("automation_state", "i", None), ("state", "i", None), ("display_value", "f", (12, 2)),
]


def _live_value(value, attr):
    if attr in LIST_TYPES:
        return tuple(str(item) for item in value)
    return (to_osc(value),)


def _parameter_prop(attr, index):
    """A Prop reaching one property of the parameter at `index` (for listeners)."""
    return Prop("parameter/%s" % attr, "x", attr=attr, target=lambda device: device.parameters[index],
                out=lambda value: (index,) + _live_value(value, attr), strict=True)


def _parameter_getter(attr):
    def get(ctx, device, index):
        parameter = device.parameters[index]
        try:
            value = getattr(parameter, attr)
        except AttributeError as error:
            raise unavailable(ctx, None, error, attr)
        except RuntimeError as error:
            # Live's text ("Only quantized parameters have value items"); OSC patterns skip it.
            raise NotAvailable(str(error))
        return (index,) + _live_value(value, attr)

    return get


def _parameter_setter(attr):
    def set_(ctx, device, index, value):
        parameter = device.parameters[index]
        try:
            ctx.manager.write(setattr, parameter, attr, value)
        except AttributeError as error:
            raise unavailable(ctx, None, error, attr)

    return set_


def _parameter_listener(attr, start):
    address = "/live/device/get/parameter/%s" % attr

    def listen(ctx, device, index):
        device.parameters[index]  # fail now (Index out of range) rather than later
        subs = ctx.registry.subscriptions
        if start:
            subs.start(ctx, _parameter_prop(attr, index), device, address, (index,))
        else:
            subs.stop(ctx, _parameter_prop(attr, index), device, address, (index,))

    return listen


def _bulk(attr):
    def get(ctx, device):
        values = []
        for parameter in device.parameters:
            try:
                values.append(to_osc(getattr(parameter, attr)))
            except RuntimeError:
                values.append(None)
            except AttributeError as error:
                raise unavailable(ctx, None, error, attr)
        return tuple(values)

    return get


def get_value_strings(ctx, device):
    return tuple(str(parameter) for parameter in device.parameters)


def str_for_value(ctx, device, index, value):
    return (index, device.parameters[index].str_for_value(value))


def _parameter_method(name):
    def call(ctx, device, index):
        parameter = device.parameters[index]
        ctx.manager.write(getattr(parameter, name))

    return call


def _device_method(name):
    def call(ctx, device, *args):
        try:
            method = getattr(device, name)
        except AttributeError as error:
            raise unavailable(ctx, None, error, name)
        ctx.manager.write(method, *args)

    return call


def register_model(reg):
    """Addresses for the rest of Device and DeviceParameter (beyond upstream)."""
    reg.properties("device", MODEL_PROPERTIES)
    num = Prop("num_parameters", "i", "l", attr="parameters", getter=lambda device: len(device.parameters),
               strict=True)
    reg.properties("device", [num])  # a listener only: /live/device/get/num_parameters is upstream's
    reg.add("/live/device/save_preset_to_compare_ab_slot", "method", "device",
            _device_method("save_preset_to_compare_ab_slot"), since=(12, 3),
            members="Device.save_preset_to_compare_ab_slot",
            doc="Store the device's current state in its other A/B compare slot")
    reg.add("/live/device/store_chosen_bank", "method", "device", _device_method("store_chosen_bank"),
            args="script_index:i bank_index:i", members="Device.store_chosen_bank",
            doc="Remember the parameter bank a control surface chose (saved with the set)")
    for attr, type_, access, since, reply, doc in PARAMETER_PROPERTIES:
        member = "DeviceParameter.%s" % attr
        get_address = "/live/device/get/parameter/%s" % attr
        reg.add(get_address, "get", "device", _parameter_getter(attr), args="param_id:i", since=since,
                reply="track_id:i device_id:i param_id:i %s:%s" % (attr, reply), doc=doc, members=member)
        if "s" in access:
            reg.add("/live/device/set/parameter/%s" % attr, "set", "device", _parameter_setter(attr),
                    args="param_id:i value:%s" % type_, since=since, members=member,
                    doc="Set: %s" % doc[0].lower() + doc[1:])
        if "l" in access:
            reg.add("/live/device/start_listen/parameter/%s" % attr, "start_listen", "device",
                    _parameter_listener(attr, True), args="param_id:i", since=since, members=member,
                    reply="-> %s track_id:i device_id:i param_id:i %s:%s" % (get_address, attr, reply),
                    doc="Send a parameter's %s now and whenever it changes" % attr.replace("_", " "))
            reg.add("/live/device/stop_listen/parameter/%s" % attr, "stop_listen", "device",
                    _parameter_listener(attr, False), args="param_id:i", since=since, members=member,
                    doc="Stop listening to a parameter's %s" % attr.replace("_", " "))
    reg.add("/live/device/start_listen/parameter/name", "start_listen", "device", _parameter_listener("name", True),
            args="param_id:i", members="DeviceParameter.name",
            reply="-> /live/device/get/parameter/name track_id:i device_id:i param_id:i name:s",
            doc="Send a parameter's name now and whenever it changes")
    reg.add("/live/device/stop_listen/parameter/name", "stop_listen", "device", _parameter_listener("name", False),
            args="param_id:i", members="DeviceParameter.name", doc="Stop listening to a parameter's name")
    reg.add("/live/device/get/parameter/str_for_value", "get", "device", str_for_value, args="param_id:i value:f",
            reply="track_id:i device_id:i param_id:i text:s", members="DeviceParameter.str_for_value",
            doc="The text Live would show for a value of a parameter")
    for name, doc in (("re_enable_automation", "Return an overridden parameter to its automation"),
                      ("begin_gesture", "Start a touch gesture (automation recording follows the value)"),
                      ("end_gesture", "End a touch gesture")):
        reg.add("/live/device/parameter/%s" % name, "method", "device", _parameter_method(name), args="param_id:i",
                members="DeviceParameter.%s" % name, doc=doc)
    for attr, type_, since in BULK_PROPERTIES:
        reg.add("/live/device/get/parameters/%s" % attr, "get", "device", _bulk(attr), since=since,
                reply="track_id:i device_id:i %s:%s*" % (attr, type_), members="DeviceParameter.%s" % attr,
                doc="The %s of every parameter (nil where Live has none)" % attr.replace("_", " "))
    reg.add("/live/device/get/parameters/value_string", "get", "device", get_value_strings,
            reply="track_id:i device_id:i value_string:s*", members="DeviceParameter.__str__",
            doc="The value of every parameter as Live displays it")
