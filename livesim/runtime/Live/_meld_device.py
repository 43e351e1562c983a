"""Live.MeldDevice: Meld's voice settings."""
from Live._device_class import ranged
from Live._device import Device
from Live._device_classes_model import MeldNode


class MeldDevice(Device):
    """Meld (its engine is 0 for engine A, 1 for engine B)."""

    __slots__ = ()
    selected_engine = ranged("int", 0, 1)
    mono_poly = ranged("int", 0, 1)
    poly_voices = ranged("int", 0, 5)
    unison_voices = ranged("int", 0, 3)


MeldNode.cls = MeldDevice  # the class of its nodes' handles
