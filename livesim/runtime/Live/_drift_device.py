"""Live.DriftDevice: Drift's voice settings and modulation matrix choosers."""
from Live._device_class import chooser, names, ranged
from Live._device import Device
from Live._device_classes_model import DriftNode

VOICE_MODES = ("Poly", "Mono", "Stereo", "Unison")
VOICE_COUNTS = ("1", "2", "3", "4", "5", "6", "7", "8", "12", "16", "20", "24", "32")
SOURCES = ("None", "Env 1", "Env 2", "LFO", "Key", "Velocity", "Modwheel", "Pressure", "Slide", "Random")
TARGETS = ("None", "Osc 1 Gain", "Osc 1 Shape", "Osc 2 Gain", "Osc 2 Detune", "Noise Gain", "LP Freq", "LP Reso",
           "HP Freq", "LFO Rate", "Env 2 Decay", "Cycle Mod Amt", "Drift")


class DriftDevice(Device):
    """Drift."""

    __slots__ = ()
    voice_mode_list = names(VOICE_MODES)
    voice_mode_index = chooser("voice_mode_list")
    voice_count_list = names(VOICE_COUNTS)
    voice_count_index = chooser("voice_count_list")
    pitch_bend_range = ranged("int", 0, 48)
    mod_matrix_filter_source_1_list = names(SOURCES)
    mod_matrix_filter_source_1_index = chooser("mod_matrix_filter_source_1_list")
    mod_matrix_filter_source_2_list = names(SOURCES)
    mod_matrix_filter_source_2_index = chooser("mod_matrix_filter_source_2_list")
    mod_matrix_lfo_source_list = names(SOURCES)
    mod_matrix_lfo_source_index = chooser("mod_matrix_lfo_source_list")
    mod_matrix_pitch_source_1_list = names(SOURCES)
    mod_matrix_pitch_source_1_index = chooser("mod_matrix_pitch_source_1_list")
    mod_matrix_pitch_source_2_list = names(SOURCES)
    mod_matrix_pitch_source_2_index = chooser("mod_matrix_pitch_source_2_list")
    mod_matrix_shape_source_list = names(SOURCES)
    mod_matrix_shape_source_index = chooser("mod_matrix_shape_source_list")
    mod_matrix_source_1_list = names(SOURCES)
    mod_matrix_source_1_index = chooser("mod_matrix_source_1_list")
    mod_matrix_source_2_list = names(SOURCES)
    mod_matrix_source_2_index = chooser("mod_matrix_source_2_list")
    mod_matrix_source_3_list = names(SOURCES)
    mod_matrix_source_3_index = chooser("mod_matrix_source_3_list")
    mod_matrix_target_1_list = names(TARGETS)
    mod_matrix_target_1_index = chooser("mod_matrix_target_1_list")
    mod_matrix_target_2_list = names(TARGETS)
    mod_matrix_target_2_index = chooser("mod_matrix_target_2_list")
    mod_matrix_target_3_list = names(TARGETS)
    mod_matrix_target_3_index = chooser("mod_matrix_target_3_list")


DriftNode.cls = DriftDevice  # the class of its nodes' handles
