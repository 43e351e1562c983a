"""``ableton.v2.control_surface``: the surface base classes remote scripts derive from."""
from .component import Component
from .control_surface import ControlSurface, SimpleControlSurface
from .device_provider import DeviceProvider

__all__ = ["Component", "ControlSurface", "SimpleControlSurface", "DeviceProvider"]
