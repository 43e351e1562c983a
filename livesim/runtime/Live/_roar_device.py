"""Live.RoarDevice: Roar's routing of its shaper stages and its envelope listen switch."""
from Live._device_class import chooser, flag, names
from Live._device import Device
from Live._device_classes_model import RoarNode

ROUTING_MODES = ("Single", "Serial", "Parallel", "Multi Band", "Mid Side", "Feedback")


class RoarDevice(Device):
    """Roar."""

    __slots__ = ()
    routing_mode_list = names(ROUTING_MODES)
    routing_mode_index = chooser("routing_mode_list")
    env_listen = flag()


RoarNode.cls = RoarDevice  # the class of its nodes' handles
