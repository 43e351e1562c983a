"""Live.DrumCellDevice: Drum Sampler's gain."""
from Live._device_class import ranged
from Live._device import Device


class DrumCellDevice(Device):
    """Drum Sampler (gain 0..1, 0.5 is 0 dB)."""

    __slots__ = ()
    _since = (12, 0, 0)
    _defaults = {"gain": 0.5}
    gain = ranged("float", 0.0, 1.0)
