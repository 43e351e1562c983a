"""Live.HybridReverbDevice: Hybrid Reverb's impulse responses (a category, then a file of it) and their shaping."""
from Live._device_class import chooser, flag, names, ranged
from Live._lom import prop
from Live._device import Device
from Live._device_classes_model import IR_FILES, HybridReverbNode, ir_files, set_ir_category


class HybridReverbDevice(Device):
    """Hybrid Reverb; choosing a category selects its first file."""

    __slots__ = ()
    ir_category_list = names(tuple(name for name, _ in IR_FILES))
    ir_category_index = prop("int", set=True, observe=True, fset=set_ir_category)
    ir_file_list = names(ir_files)
    ir_file_index = chooser("ir_file_list")
    ir_attack_time = ranged("float", 0.0, 3.0)
    ir_decay_time = ranged("float", 0.01, 20.0)
    ir_size_factor = ranged("float", 0.2, 5.0)
    ir_time_shaping_on = flag()


HybridReverbNode.cls = HybridReverbDevice  # the class of its nodes' handles
