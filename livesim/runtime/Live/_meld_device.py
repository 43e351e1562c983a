"""Live.MeldDevice: Meld's voice settings."""
from Live._device_class import ranged
from Live._device import Device


class MeldDevice(Device):
    """Meld (its engine is 0 for engine A, 1 for engine B)."""

    __slots__ = ()
    _since = (12, 0, 0)
    _defaults = {"selected_engine": 0, "mono_poly": 1, "poly_voices": 3, "unison_voices": 0}
    selected_engine = ranged("int", 0, 1)
    mono_poly = ranged("int", 0, 1)
    poly_voices = ranged("int", 0, 5)
    unison_voices = ranged("int", 0, 3)
