"""Live.SpectralResonatorDevice: Spectral Resonator's modes (each an index with its list of names)."""
from Live._device_class import chooser, names, ranged
from Live._device import Device
from Live._device_classes_model import SpectralResonatorNode


class SpectralResonatorDevice(Device):
    """Spectral Resonator."""

    __slots__ = ()
    frequency_dial_mode_list = names(("Hertz", "Note"))
    frequency_dial_mode = chooser("frequency_dial_mode_list")
    midi_gate_list = names(("Off", "On"))
    midi_gate = chooser("midi_gate_list")
    mod_mode_list = names(("None", "Chorus", "Wander", "Granular"))
    mod_mode = chooser("mod_mode_list")
    mono_poly_list = names(("Mono", "Poly"))
    mono_poly = chooser("mono_poly_list")
    pitch_mode_list = names(("Internal", "MIDI"))
    pitch_mode = chooser("pitch_mode_list")
    pitch_bend_range = ranged("int", 0, 24)
    polyphony = ranged("int", 0, 3)


SpectralResonatorNode.cls = SpectralResonatorDevice  # the class of its nodes' handles
