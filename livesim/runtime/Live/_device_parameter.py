"""Live.DeviceParameter: DeviceParameter and its enums, a view on Live._device_parameter_model."""
from Live import _lom
from Live._lom import method, prop, since
from Live._base import StringVector
from Live._device_parameter_model import (  # noqa: F401  (the enums are Live.DeviceParameter's)
    AutomationState, ParameterState, ParamNode, default_refusal, display_text, items_refusal, re_enable_automation,
    set_parameter_value)


class DeviceParameter(_lom.LomObject):
    """A device's (or mixer's) automatable parameter."""

    __slots__ = ()
    value = prop("float", set=True, observe=True, fset=set_parameter_value)
    display_value = prop("float", set=True, observe=True, get=lambda o: o.value, fset=set_parameter_value,
                         avail=since(12, 2))
    min = prop("float")
    max = prop("float")
    is_quantized = prop("bool")
    is_enabled = prop("bool")
    name = prop("str", observe=True)
    original_name = prop("str")
    default_value = prop("float", check=default_refusal)
    value_items = prop("StringVector", check=items_refusal,
                       get=lambda o: _lom.vector(StringVector, o.items, None))
    short_value_items = prop("StringVector", check=items_refusal, avail=since(11, 2),
                             get=lambda o: _lom.vector(StringVector, o.items, None))
    automation_state = prop(AutomationState, observe=True)
    state = prop(ParameterState, observe=True)
    canonical_parent = _lom.parent_prop()

    @method("float arg2")
    def str_for_value(o, v):
        """Display text for a value."""
        return display_text(o, v)

    @method()
    def begin_gesture(o):
        """Start a touch gesture (automation recording)."""

    @method()
    def end_gesture(o):
        """End a touch gesture."""

    @method(edits=True)
    def re_enable_automation(o):
        """Return an overridden parameter to its automation."""
        re_enable_automation(o)

    def __str__(self):
        o = _lom.unwrap(self)
        return display_text(o, o.value)


ParamNode.cls = DeviceParameter  # handles of parameter nodes are Live.DeviceParameter.DeviceParameter
