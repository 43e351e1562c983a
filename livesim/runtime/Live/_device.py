"""Live.Device: the Device base class and its View, views on Live._device_model; Track's and Chain's common base."""
from Live import _lom
from Live._lom import method, prop, since
from Live._device_model import (  # noqa: F401  (DeviceType is Live.Device's)
    DeviceNode, DeviceType, ViewNode, compare_refusal, save_to_compare_slot, set_compare_b, store_chosen_bank)

ATimeableValueVector = _lom.make_vector_class("Device", "ATimeableValueVector",
                                              "A container for returning parameters from Live.")


class DeviceContainer(_lom.LomObject):
    """Common base of Track and Chain in Live (kept for isinstance checks)."""

    __slots__ = ()


DeviceContainer.__module__ = "Track"


class Device(_lom.LomObject):
    """A device on a track or chain."""

    __slots__ = ()
    name = prop("str", set=True, observe=True)
    class_name = prop("str")
    class_display_name = prop("str")
    type = prop(DeviceType)
    parameters = prop("ATimeableValueVector", observe=True,
                      get=lambda o: _lom.vector(ATimeableValueVector, o.parameters))
    is_active = prop("bool", observe=True)
    can_have_chains = prop("bool")
    can_have_drum_pads = prop("bool")
    latency_in_ms = prop("float", observe=True, avail=since(11, 3, 2))
    latency_in_samples = prop("int", observe=True, avail=since(11, 3, 2))
    can_compare_ab = prop("bool", avail=since(12, 3))
    is_using_compare_preset_b = prop("bool", set=True, observe=True, avail=since(12, 3), check=compare_refusal,
                                     fset=set_compare_b)
    view = prop("View", get=lambda o: _lom.wrap(o.view))
    canonical_parent = _lom.parent_prop()

    @method("int arg2, int arg3")
    def store_chosen_bank(o, script_index, bank_index):
        """Remember the bank a control surface chose."""
        store_chosen_bank(o, script_index, bank_index)

    @method(avail=since(12, 3))
    def save_preset_to_compare_ab_slot(o):
        """Store the current parameter values in the other A/B slot."""
        save_to_compare_slot(o)

    class View(_lom.LomObject):
        """Device.View."""

        __slots__ = ()
        is_collapsed = prop("bool", set=True, observe=True, doc=False)
        canonical_parent = _lom.parent_prop()


DeviceNode.cls = Device  # handles of device nodes are Live.Device.Device
ViewNode.cls = Device.View
