"""Live.HybridReverbDevice: Hybrid Reverb's impulse responses (a category, then a file of it) and their shaping."""
from Live._device_class import chooser, flag, names, ranged
from Live._lom import prop, set_value
from Live._device import Device

IR_FILES = (
    ("Early Reflections", ("Bright Room", "Dark Room", "Small Booth", "Studio A")),
    ("Real Places", ("Cathedral", "Concert Hall", "Parking Garage", "Stairwell")),
    ("Chambers and Large Rooms", ("Echo Chamber", "Large Room", "Drum Room")),
    ("Textures", ("Shimmer", "Swell", "Grain Cloud")),
)

def _files(o):
    return IR_FILES[o.ir_category_index][1]

def _category_changed(o, v):
    if not 0 <= v < len(IR_FILES):
        raise RuntimeError("Index out of range")
    if set_value(o, "ir_category_index", v):
        set_value(o, "ir_file_index", 0)

class HybridReverbDevice(Device):
    """Hybrid Reverb; choosing a category selects its first file."""

    __slots__ = ()
    _defaults = {"ir_category_index": 0, "ir_file_index": 0, "ir_attack_time": 0.0, "ir_decay_time": 1.0,
                 "ir_size_factor": 0.5, "ir_time_shaping_on": False}
    ir_category_list = names(tuple(name for name, _ in IR_FILES))
    ir_category_index = prop("int", set=True, observe=True, fset=_category_changed)
    ir_file_list = names(_files)
    ir_file_index = chooser("ir_file_list")
    ir_attack_time = ranged("float", 0.0, 3.0)
    ir_decay_time = ranged("float", 0.01, 20.0)
    ir_size_factor = ranged("float", 0.2, 5.0)
    ir_time_shaping_on = flag()
