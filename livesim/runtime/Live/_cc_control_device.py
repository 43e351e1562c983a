"""Live.CcControlDevice: CC Control's custom targets (each an index into a list of MIDI CC names) and resend."""
from Live._device_class import chooser, names
from Live._lom import method, prop, since
from Live._device import Device
from Live._device_classes_model import CcControlNode, resend

TARGETS = ("None",) + tuple("CC %d" % number for number in range(128))


class CcControlDevice(Device):
    """CC Control; ``resend`` sends every CC value again (counted in ``resent``)."""

    __slots__ = ()
    # Live 12.3.6 offers these two read-only on CC Control.
    name = prop("str", observe=True)
    is_using_compare_preset_b = prop("bool", observe=True, avail=since(12, 3))
    custom_bool_target_list = names(TARGETS)
    custom_bool_target = chooser("custom_bool_target_list")
    custom_float_target_0_list = names(TARGETS)
    custom_float_target_0 = chooser("custom_float_target_0_list")
    custom_float_target_1_list = names(TARGETS)
    custom_float_target_1 = chooser("custom_float_target_1_list")
    custom_float_target_2_list = names(TARGETS)
    custom_float_target_2 = chooser("custom_float_target_2_list")
    custom_float_target_3_list = names(TARGETS)
    custom_float_target_3 = chooser("custom_float_target_3_list")
    custom_float_target_4_list = names(TARGETS)
    custom_float_target_4 = chooser("custom_float_target_4_list")
    custom_float_target_5_list = names(TARGETS)
    custom_float_target_5 = chooser("custom_float_target_5_list")
    custom_float_target_6_list = names(TARGETS)
    custom_float_target_6 = chooser("custom_float_target_6_list")
    custom_float_target_7_list = names(TARGETS)
    custom_float_target_7 = chooser("custom_float_target_7_list")
    custom_float_target_8_list = names(TARGETS)
    custom_float_target_8 = chooser("custom_float_target_8_list")
    custom_float_target_9_list = names(TARGETS)
    custom_float_target_9 = chooser("custom_float_target_9_list")
    custom_float_target_10_list = names(TARGETS)
    custom_float_target_10 = chooser("custom_float_target_10_list")
    custom_float_target_11_list = names(TARGETS)
    custom_float_target_11 = chooser("custom_float_target_11_list")

    @method()
    def resend(o):
        """Send every CC value again."""
        resend(o)


CcControlNode.cls = CcControlDevice  # the class of its nodes' handles
