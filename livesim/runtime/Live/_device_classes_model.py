"""The model of the small device classes with members of their own: their first values and their rules.

Drift, Drum Sampler, Meld, Roar, Shifter, Spectral Resonator, Hybrid Reverb and CC Control hold
only settings (ranges and choices that their views declare with ``Live._device_class``'s
helpers); Hybrid Reverb's category selects its first impulse response, CC Control counts its
resends.  Each view module sets its node class's ``cls``.
"""
from Live._lom import set_value
from Live._device_class_model import ClassNode

LIVE_12 = (12, 0, 0)
CC_FLOAT_TARGETS = 12
IR_FILES = (
    ("Early Reflections", ("Bright Room", "Dark Room", "Small Booth", "Studio A")),
    ("Real Places", ("Cathedral", "Concert Hall", "Parking Garage", "Stairwell")),
    ("Chambers and Large Rooms", ("Echo Chamber", "Large Room", "Drum Room")),
    ("Textures", ("Shimmer", "Swell", "Grain Cloud")),
)


class DriftNode(ClassNode):
    """Drift: voice settings and modulation matrix choices."""

    first_version = LIVE_12
    defaults = {"voice_mode_index": 0, "voice_count_index": 7, "pitch_bend_range": 2,
                "mod_matrix_filter_source_1_index": 1, "mod_matrix_filter_source_2_index": 3,
                "mod_matrix_lfo_source_index": 0, "mod_matrix_pitch_source_1_index": 1,
                "mod_matrix_pitch_source_2_index": 3, "mod_matrix_shape_source_index": 2,
                "mod_matrix_source_1_index": 5, "mod_matrix_source_2_index": 6, "mod_matrix_source_3_index": 0,
                "mod_matrix_target_1_index": 0, "mod_matrix_target_2_index": 0, "mod_matrix_target_3_index": 0}


class DrumCellNode(ClassNode):
    """Drum Sampler: its gain (0.5 is 0 dB)."""

    first_version = LIVE_12
    defaults = {"gain": 0.5}


class MeldNode(ClassNode):
    """Meld: its engine (0 for A, 1 for B) and voices."""

    first_version = LIVE_12
    defaults = {"selected_engine": 0, "mono_poly": 1, "poly_voices": 3, "unison_voices": 0}


class RoarNode(ClassNode):
    """Roar: the routing of its shaper stages and its envelope listen switch."""

    first_version = LIVE_12
    defaults = {"routing_mode_index": 0, "env_listen": False}


class ShifterNode(ClassNode):
    """Shifter: its pitch mode and MIDI pitch bend range."""

    first_version = LIVE_12
    defaults = {"pitch_mode_index": 0, "pitch_bend_range": 2}


class SpectralResonatorNode(ClassNode):
    """Spectral Resonator: its modes."""

    defaults = {"frequency_dial_mode": 0, "midi_gate": 0, "mod_mode": 0, "mono_poly": 0, "pitch_mode": 0,
                "pitch_bend_range": 5, "polyphony": 2}


class HybridReverbNode(ClassNode):
    """Hybrid Reverb: its impulse response (a category, then a file of it) and their shaping."""

    defaults = {"ir_category_index": 0, "ir_file_index": 0, "ir_attack_time": 0.0, "ir_decay_time": 1.0,
                "ir_size_factor": 0.5, "ir_time_shaping_on": False}


def ir_files(o):
    """The impulse responses of Hybrid Reverb ``o``'s category."""
    return IR_FILES[o.ir_category_index][1]


def set_ir_category(o, v):
    """Choose an impulse response category; its first file is selected."""
    if not 0 <= v < len(IR_FILES):
        raise RuntimeError("Index out of range")
    if set_value(o, "ir_category_index", v):
        set_value(o, "ir_file_index", 0)


class CcControlNode(ClassNode):
    """CC Control: its custom targets (indices into the MIDI CC names) and the resends it made."""

    first_version = LIVE_12
    defaults = dict([("custom_bool_target", 0), ("resent", 0)]
                    + [("custom_float_target_%d" % i, 0) for i in range(CC_FLOAT_TARGETS)])


def resend(o):
    """Send every CC value of CC Control ``o`` again."""
    o.resent += 1
