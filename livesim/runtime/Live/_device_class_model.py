"""The model the device classes with members of their own share: first values and first Live version.

Each class's node (``DriftNode``, ``LooperNode`` ...) subclasses ``ClassNode``; its view declares
the members with ``Live._device_class``'s helpers.
"""
from Live._device_model import DeviceNode


class ClassNode(DeviceNode):
    """A device of a class with members of its own, starting at the class's ``defaults``."""

    defaults = {}
    first_version = None

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        DeviceNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        for key, value in self.defaults.items():
            setattr(self, key, list(value) if isinstance(value, list) else value)


def available(node_class, version):
    """Whether Live ``version`` has the device class modelled by ``node_class``."""
    first = node_class.first_version
    return first is None or tuple(version) >= first
