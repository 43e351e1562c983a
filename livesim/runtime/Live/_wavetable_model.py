"""The model of Wavetable (Live.WavetableDevice shows it): its oscillators, voicing and modulation matrix.

Each oscillator picks a category of ``WAVETABLES`` and a wavetable of that category (choosing a
category selects its first wavetable).  The modulation matrix holds the parameters shown in it
and an amount per target and ``ModulationSource``.  Live._wavetable_device sets
``WavetableNode.cls`` (the public class its handles have).
"""
from Live import _lom
from Live._device_class_model import ClassNode
from Live._lom import set_value

EffectMode = _lom.make_enum("WavetableDevice", "EffectMode", {
    "none": 0, "frequency_modulation": 1, "sync_and_pulse_width": 2, "warp_and_fold": 3})
FilterRouting = _lom.make_enum("WavetableDevice", "FilterRouting", {"serial": 0, "parallel": 1, "split": 2})
ModulationSource = _lom.make_enum("WavetableDevice", "ModulationSource", {
    "amp_envelope": 0, "envelope_2": 1, "envelope_3": 2, "lfo_1": 3, "lfo_2": 4, "midi_velocity": 5,
    "midi_note": 6, "midi_pitch_bend": 7, "midi_channel_pressure": 8, "midi_mod_wheel": 9, "midi_random": 10})
UnisonMode = _lom.make_enum("WavetableDevice", "UnisonMode", {
    "none": 0, "classic": 1, "slow_shimmer": 2, "fast_shimmer": 3, "phase_sync": 4, "position_spread": 5,
    "random_note": 6})
VoiceCount = _lom.make_enum("WavetableDevice", "VoiceCount", {
    "two": 0, "three": 1, "four": 2, "five": 3, "six": 4, "seven": 5, "eight": 6})
Voicing = _lom.make_enum("WavetableDevice", "Voicing", {"mono": 0, "poly": 1})

WAVETABLES = (
    ("Basics", ("Basic Shapes", "Sine Saw", "Square Pulse")),
    ("Collection", ("Arrival", "Ascent", "Bamboo", "Crystal")),
    ("Complex", ("Alien", "Bubbles", "Metallic")),
    ("Distortion", ("Cold Fuzz", "Overdriven")),
    ("Formant", ("Vowels A-E", "Vowels I-U")),
    ("Noise", ("White Noise", "Pink Noise")),
)
# Parameters that cannot be modulated in the matrix (they have their own controls).
NOT_MODULATABLE = ("Device On", "Transpose")
# What the matrix shows in a new Wavetable.
FIRST_TARGETS = ("Osc 1 Pos", "Osc 2 Pos", "Filter 1 Freq")


class WavetableNode(ClassNode):
    """Wavetable's state: the matrix's targets (parameter nodes) and amounts {(target, source): amount}."""

    defaults = {"oscillator_1_effect_mode": EffectMode.none, "oscillator_2_effect_mode": EffectMode.none,
                "oscillator_1_wavetable_category": 0, "oscillator_2_wavetable_category": 0,
                "oscillator_1_wavetable_index": 0, "oscillator_2_wavetable_index": 1,
                "filter_routing": FilterRouting.serial, "mono_poly": Voicing.poly, "poly_voices": VoiceCount.eight,
                "unison_mode": UnisonMode.none, "unison_voice_count": 3}

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        self.mod_targets = []
        self.mod_amounts = {}

    def add_parameter(self, name, *args, **kwargs):
        p = ClassNode.add_parameter(self, name, *args, **kwargs)
        if name in FIRST_TARGETS:
            self.mod_targets.append(p)
        return p

    def target(self, index):
        if not 0 <= index < len(self.mod_targets):
            raise RuntimeError("Invalid modulation target index")
        return self.mod_targets[index]


def wavetables(o, oscillator):
    """The wavetables of the category that oscillator ``oscillator`` (1 or 2) of Wavetable ``o`` uses."""
    return WAVETABLES[getattr(o, "oscillator_%d_wavetable_category" % oscillator)][1]


def category_setter(oscillator):
    """The setter of an oscillator's wavetable category (choosing one selects its first wavetable)."""
    attr = "oscillator_%d_wavetable_category" % oscillator

    def fset(o, v):
        if not 0 <= v < len(WAVETABLES):
            raise RuntimeError("Index out of range")
        if set_value(o, attr, v):
            set_value(o, "oscillator_%d_wavetable_index" % oscillator, 0)
    return fset


def wavetable_setter(oscillator):
    """The setter of an oscillator's wavetable (an index into its category's wavetables)."""
    attr = "oscillator_%d_wavetable_index" % oscillator

    def fset(o, v):
        if not 0 <= v < len(wavetables(o, oscillator)):
            raise RuntimeError("Index out of range")
        set_value(o, attr, v)
    return fset


def is_modulatable(o, p):
    """Whether parameter node ``p`` of Wavetable ``o`` can be a modulation target."""
    return p.parent is o and p.name not in NOT_MODULATABLE


def _source(source):
    if source not in ModulationSource.values:
        raise RuntimeError("Invalid modulation source")
    return int(source)


def add_modulation_target(o, parameter):
    """Show a parameter of Wavetable ``o`` in the matrix; its target index."""
    if not is_modulatable(o, parameter):
        raise RuntimeError("Parameter cannot be modulated")
    if parameter not in o.mod_targets:
        targets = o.mod_targets

        def put():
            targets.append(parameter)
            _lom.notify(o, "visible_modulation_target_names")

        def take():
            targets.remove(parameter)
            _lom.notify(o, "visible_modulation_target_names")
        put()
        o.world.history.record(take, put, "Add Modulation Target")
    return o.mod_targets.index(parameter)


def modulation_value(o, index, source):
    """A modulation amount (-1..1) of a target and a source."""
    return o.mod_amounts.get((o.target(index), _source(source)), 0.0)


def set_modulation_value(o, index, source, value):
    """Set a modulation amount (-1..1) of a target and a source."""
    key = (o.target(index), _source(source))
    value = _lom.in_range(o.world, value, -1.0, 1.0, "Modulation amount out of range")
    amounts = o.mod_amounts
    old = amounts.get(key, 0.0)

    def apply(v):
        amounts[key] = v
    apply(value)
    o.world.history.record(lambda: apply(old), lambda: apply(value), "Set Modulation Amount")
