"""Live.DrumCellDevice: Drum Sampler's gain."""
from Live._device_class import ranged
from Live._device import Device
from Live._device_classes_model import DrumCellNode


class DrumCellDevice(Device):
    """Drum Sampler (gain 0..1, 0.5 is 0 dB)."""

    __slots__ = ()
    gain = ranged("float", 0.0, 1.0)


DrumCellNode.cls = DrumCellDevice  # the class of its nodes' handles
