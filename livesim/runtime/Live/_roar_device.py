"""Live.RoarDevice: Roar's routing of its shaper stages and its envelope listen switch."""
from Live._device_class import chooser, flag, names
from Live._device import Device

ROUTING_MODES = ("Single", "Serial", "Parallel", "Multi Band", "Mid Side", "Feedback")


class RoarDevice(Device):
    """Roar."""

    __slots__ = ()
    _since = (12, 0, 0)
    _defaults = {"routing_mode_index": 0, "env_listen": False}
    routing_mode_list = names(ROUTING_MODES)
    routing_mode_index = chooser("routing_mode_list")
    env_listen = flag()
