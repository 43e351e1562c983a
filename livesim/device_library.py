"""Definitions of Live's stock devices: class names, display names, types and parameter lists.

``lookup(class_name, version)`` returns a ``DeviceDef``; unknown class names get a generic
definition (a "Device On" switch and eight knobs) so any set loads.  Parameter lists follow
Live's names and ranges closely but are trimmed so a set with hundreds of devices stays light.
Every list starts with "Device On", as in Live.
"""
import collections
import math

ParamDef = collections.namedtuple("ParamDef", "name min max default is_quantized value_items text")
DeviceDef = collections.namedtuple("DeviceDef", "class_name display_name type kind params since category")

INSTRUMENT, AUDIO_EFFECT, MIDI_EFFECT = "instrument", "audio_effect", "midi_effect"
TYPE_VALUES = {"undefined": 0, INSTRUMENT: 1, AUDIO_EFFECT: 2, MIDI_EFFECT: 4}
ON_OFF = ("Off", "On")


# ---------------------------------------------------------------- display texts

def _num(v):
    return ("%.2f" % v) if abs(v) < 10 else ("%.1f" % v) if abs(v) < 100 else ("%.0f" % v)


def text_db(v):
    """Decibels."""
    return "%.1f dB" % (0.0 if abs(v) < 0.05 else v)


def text_percent(v):
    """A 0..1 amount as percent."""
    return "%.0f %%" % (v * 100.0)


def text_signed_percent(v):
    """A -1..1 amount as signed percent."""
    return "%.0f %%" % (v * 100.0)


def text_plain(v):
    """A bare number."""
    return _num(v)


def exp_text(lo, hi, unit):
    """Text for a 0..1 value mapped exponentially onto lo..hi (frequencies, times)."""
    def text(v):
        x = lo * math.pow(hi / lo, min(max(v, 0.0), 1.0))
        if unit == "Hz" and x >= 1000.0:
            return "%.2f kHz" % (x / 1000.0)
        if unit == "ms" and x >= 1000.0:
            return "%.2f s" % (x / 1000.0)
        return "%s %s" % (_num(x), unit)
    return text


def scaled_text(unit, factor=1.0, fmt="%.1f"):
    """Text for a linear value times ``factor`` with a unit."""
    def text(v):
        return (fmt + " %s") % (v * factor, unit)
    return text


def text_ratio(v):
    """Compressor ratio from a 0..1 value (1:1 .. inf:1)."""
    if v >= 0.999:
        return "inf : 1"
    return "%.2f : 1" % (1.0 / (1.0 - v))


def text_pan(v):
    """Pan -1..1 as 50L / C / 50R."""
    n = int(round(abs(v) * 50))
    return "C" if n == 0 else "%d%s" % (n, "L" if v < 0 else "R")


def text_semitones(v):
    """Transposition in semitones."""
    return "%d st" % int(round(v))


# ---------------------------------------------------------------- parameter builders

def knob(name, lo=0.0, hi=1.0, default=None, text=text_plain):
    """A continuous parameter."""
    return ParamDef(name, float(lo), float(hi), float(lo if default is None else default), False, (), text)


def switch(name, items=ON_OFF, default=0):
    """A quantized parameter with value items."""
    return ParamDef(name, 0.0, float(len(items) - 1), float(default), True, tuple(items), None)


def steps(name, lo, hi, default=None, text=text_plain):
    """A quantized parameter without value items (integer steps)."""
    return ParamDef(name, float(lo), float(hi), float(lo if default is None else default), True, (), text)


def freq(name, default=0.5, lo=20.0, hi=20000.0):
    """A 0..1 frequency parameter shown in Hz."""
    return knob(name, 0.0, 1.0, default, exp_text(lo, hi, "Hz"))


def time_ms(name, default=0.5, lo=0.1, hi=1000.0):
    """A 0..1 time parameter shown in ms."""
    return knob(name, 0.0, 1.0, default, exp_text(lo, hi, "ms"))


def gain(name, lo=-36.0, hi=36.0, default=0.0):
    """A gain in dB."""
    return knob(name, lo, hi, default, text_db)


def amount(name, default=0.0):
    """A 0..1 amount shown in percent."""
    return knob(name, 0.0, 1.0, default, text_percent)


DEVICE_ON = switch("Device On", default=1)
MACROS = tuple(knob("Macro %d" % i, 0.0, 127.0, 0.0, lambda v: "%d" % int(round(v))) for i in range(1, 17))
CHAIN_SELECTOR = steps("Chain Selector", 0, 127, 0)
FILTER_TYPES = ("Lowpass", "Highpass", "Bandpass", "Notch", "Morph")
EQ_TYPES = ("Low Cut 48", "Low Cut 12", "Low Shelf", "Bell", "Notch", "High Shelf", "High Cut 12", "High Cut 48")
SYNC_16THS = ("1", "2", "3", "4", "5", "6", "8", "16")


def _eq8_bands():
    out = []
    for band in range(1, 9):
        default_type = 2 if band == 1 else 5 if band == 8 else 3
        out += [switch("%d Filter On A" % band, default=1 if band in (1, 8) else 0),
                switch("%d Filter Type A" % band, EQ_TYPES, default_type),
                freq("%d Frequency A" % band, (band - 1) / 7.0 * 0.8 + 0.1, 10.0, 22000.0),
                gain("%d Gain A" % band, -15.0, 15.0, 0.0),
                knob("%d Resonance A" % band, 0.1, 18.0, 0.71)]
    return out


def _rack(class_name, display, type_, kind, category):
    return DeviceDef(class_name, display, type_, kind, (DEVICE_ON,) + MACROS, None, category)


def _dev(class_name, display, type_, params, kind="device", since=None, category=None):
    return DeviceDef(class_name, display, type_, kind, (DEVICE_ON,) + tuple(params), since, category)


_DEFS = [
    # -- instruments
    _dev("Operator", "Operator", INSTRUMENT, [
        switch("Algorithm", tuple(str(i) for i in range(1, 12))), amount("Osc-A Level", 1.0),
        steps("A Coarse", 0, 48, 1), knob("A Fine", 0.0, 1000.0, 0.0), amount("Osc-B Level", 0.0),
        amount("Osc-C Level", 0.0), amount("Osc-D Level", 0.0), switch("Filter On"),
        freq("Filter Freq", 1.0, 30.0, 18500.0), amount("Filter Res", 0.2), time_ms("Ae Attack", 0.0, 0.1, 20000.0),
        time_ms("Ae Decay", 0.5, 1.0, 20000.0), gain("Ae Sustain", -70.0, 0.0, 0.0),
        time_ms("Ae Release", 0.4, 1.0, 20000.0), amount("Tone", 0.7), steps("Transpose", -48, 48, 0, text_semitones),
        gain("Volume", -36.0, 0.0, -12.0)], category="instruments"),
    _dev("InstrumentVector", "Wavetable", INSTRUMENT, [
        switch("Osc 1 On", default=1), amount("Osc 1 Pos"), gain("Osc 1 Gain", -70.0, 0.0, 0.0),
        switch("Osc 2 On"), amount("Osc 2 Pos"), gain("Osc 2 Gain", -70.0, 0.0, 0.0),
        switch("Filter 1 On", default=1), switch("Filter 1 Type", FILTER_TYPES),
        freq("Filter 1 Freq", 0.9, 20.0, 20000.0), amount("Filter 1 Res", 0.1),
        time_ms("Amp Attack", 0.0, 0.1, 20000.0), time_ms("Amp Decay", 0.5, 1.0, 60000.0),
        amount("Amp Sustain", 1.0), time_ms("Amp Release", 0.3, 1.0, 60000.0),
        steps("Transpose", -48, 48, 0, text_semitones), gain("Volume", -36.0, 6.0, -12.0)],
        category="instruments"),
    _dev("Drift", "Drift", INSTRUMENT, [
        switch("Osc 1 Wave", ("Sine", "Triangle", "Shark Tooth", "Saturated", "Saw", "Pulse", "Rectangle")),
        amount("Osc 1 Shape"), switch("Osc 2 Wave", ("Sine", "Triangle", "Saturated", "Saw", "Rectangle")),
        gain("Osc 2 Gain", -70.0, 0.0, 0.0), freq("LP Freq", 1.0), amount("LP Reso", 0.0),
        freq("HP Freq", 0.0, 10.0, 2000.0), time_ms("Env 1 Attack", 0.0, 0.1, 20000.0),
        time_ms("Env 1 Decay", 0.5, 1.0, 60000.0), amount("Env 1 Sustain", 1.0),
        time_ms("Env 1 Release", 0.3, 1.0, 60000.0), switch("Voice Mode", ("Poly", "Mono", "Stereo", "Unison")),
        amount("Drift", 0.1), steps("Transpose", -48, 48, 0, text_semitones), gain("Volume", -36.0, 6.0, -12.0)],
        since=(12, 0, 0), category="instruments"),
    _dev("OriginalSimpler", "Simpler", INSTRUMENT, [
        amount("Sample Start"), amount("Sample Length", 1.0), switch("Snap"), switch("Fade On", default=1),
        switch("Filter On", default=1), switch("Filter Type", FILTER_TYPES), freq("Filter Freq", 1.0),
        amount("Filter Res", 0.0), time_ms("Ve Attack", 0.0, 0.1, 20000.0), time_ms("Ve Decay", 0.5, 1.0, 60000.0),
        gain("Ve Sustain", -70.0, 0.0, 0.0), time_ms("Ve Release", 0.3, 1.0, 60000.0),
        steps("Transpose", -48, 48, 0, text_semitones), knob("Detune", -50.0, 50.0, 0.0), amount("Vel > Vol", 0.35),
        gain("Volume", -36.0, 36.0, -12.0), knob("Pan", -1.0, 1.0, 0.0, text_pan)], kind="simpler",
        category="instruments"),
    _dev("MultiSampler", "Sampler", INSTRUMENT, [
        switch("Filter On", default=1), switch("Filter Type", FILTER_TYPES), freq("Filter Freq", 1.0),
        amount("Filter Res", 0.0), time_ms("Ve Attack", 0.0, 0.1, 20000.0), time_ms("Ve Decay", 0.5, 1.0, 60000.0),
        gain("Ve Sustain", -70.0, 0.0, 0.0), time_ms("Ve Release", 0.3, 1.0, 60000.0),
        steps("Transpose", -48, 48, 0, text_semitones), knob("Detune", -50.0, 50.0, 0.0),
        gain("Volume", -36.0, 36.0, -12.0), knob("Pan", -1.0, 1.0, 0.0, text_pan)], category="instruments"),
    _dev("InstrumentMeld", "Meld", INSTRUMENT, [
        amount("A Macro 1"), amount("A Macro 2"), amount("B Macro 1"), amount("B Macro 2"), amount("Engine Mix", 0.5),
        freq("Filter 1 Freq", 1.0), amount("Filter 1 Res", 0.0), steps("Transpose", -48, 48, 0, text_semitones),
        gain("Volume", -36.0, 6.0, -12.0)], since=(12, 0, 0), category="instruments"),
    _dev("DrumCell", "Drum Sampler", INSTRUMENT, [
        amount("Sample Start"), amount("Sample Length", 1.0), steps("Transpose", -48, 48, 0, text_semitones),
        time_ms("Attack", 0.0, 0.1, 20000.0), time_ms("Decay", 0.5, 1.0, 60000.0), freq("Filter Freq", 1.0),
        gain("Volume", -36.0, 6.0, 0.0)], since=(12, 0, 0), category="drums"),
    _rack("DrumGroupDevice", "Drum Rack", INSTRUMENT, "drum_rack", "drums"),
    _rack("InstrumentGroupDevice", "Instrument Rack", INSTRUMENT, "rack", "instruments"),
    # -- audio effects
    _dev("Reverb", "Reverb", AUDIO_EFFECT, [
        time_ms("Predelay", 0.3, 0.5, 250.0), switch("In Filter On", default=1), freq("In Filter Freq", 0.5),
        switch("ER Spin On", default=1), knob("Room Size", 0.22, 500.0, 100.0),
        time_ms("Decay Time", 0.6, 200.0, 60000.0),
        switch("Freeze On"), knob("Stereo Image", 0.0, 120.0, 100.0), amount("Density", 0.6),
        amount("Diffusion", 0.6), switch("Chorus On"), gain("Reflect Level", -30.0, 6.0, 0.0),
        gain("Diffuse Level", -30.0, 6.0, 0.0), amount("Dry/Wet", 0.33)], category="audio_effects"),
    _dev("Delay", "Delay", AUDIO_EFFECT, [
        switch("L Sync", default=1), switch("L 16th", SYNC_16THS, 2), time_ms("L Time", 0.5, 1.0, 5000.0),
        switch("R Sync", default=1), switch("R 16th", SYNC_16THS, 3), time_ms("R Time", 0.5, 1.0, 5000.0),
        switch("Link", default=1), switch("Ping Pong"), amount("Feedback", 0.5), switch("Freeze"),
        switch("Filter On", default=1), freq("Filter Freq", 0.6, 50.0, 18000.0), knob("Filter Width", 0.5, 9.0, 6.0),
        amount("Mod Freq", 0.1), amount("Dly < Mod", 0.0), amount("Dry/Wet", 0.5)], category="audio_effects"),
    _dev("SimpleDelay", "Simple Delay", AUDIO_EFFECT, [
        switch("L Sync", default=1), switch("L 16th", SYNC_16THS, 2), time_ms("L Time", 0.5, 1.0, 5000.0),
        switch("R Sync", default=1), switch("R 16th", SYNC_16THS, 3), time_ms("R Time", 0.5, 1.0, 5000.0),
        switch("Link", default=1), amount("Feedback", 0.5), amount("Dry/Wet", 0.5)], category="audio_effects"),
    _dev("Eq8", "EQ Eight", AUDIO_EFFECT, _eq8_bands() + [
        gain("Output Gain", -12.0, 12.0, 0.0), knob("Scale", -1.5, 1.5, 1.0, text_signed_percent),
        switch("Adaptive Q", default=1)], category="audio_effects"),
    _dev("Compressor2", "Compressor", AUDIO_EFFECT, [
        knob("Threshold", 0.0, 1.0, 1.0, lambda v: text_db(-70.0 * (1.0 - v) if v < 1.0 else 0.0)),
        knob("Ratio", 0.0, 1.0, 0.75, text_ratio), time_ms("Attack", 0.3, 0.01, 1000.0),
        time_ms("Release", 0.5, 1.0, 3000.0), switch("Auto Release On/Off"), gain("Output Gain", -36.0, 36.0, 0.0),
        switch("Makeup"), amount("Dry/Wet", 1.0), switch("Model", ("Peak", "RMS", "Expand"), 1),
        knob("Knee", 0.0, 18.0, 6.0, text_db), switch("LookAhead", ("0 ms", "1 ms", "10 ms")),
        switch("S/C On"), switch("S/C Listen"), switch("S/C EQ On")], category="audio_effects"),
    _dev("GlueCompressor", "Glue Compressor", AUDIO_EFFECT, [
        gain("Threshold", -40.0, 0.0, 0.0), switch("Ratio", ("2", "4", "10")),
        switch("Attack", ("0.01", "0.1", "0.3", "1", "3", "10", "30"), 3),
        switch("Release", ("0.1", "0.2", "0.4", "0.6", "0.8", "1.2", "Auto"), 3), gain("Makeup", 0.0, 20.0, 0.0),
        gain("Range", -70.0, 0.0, -70.0), amount("Dry/Wet", 1.0), switch("Soft Clip"), switch("Peak Clip In"),
        switch("S/C On"), switch("S/C Listen")], category="audio_effects"),
    _dev("AutoFilter", "Auto Filter", AUDIO_EFFECT, [
        switch("Filter Type", FILTER_TYPES), switch("Slope", ("12 dB", "24 dB")), freq("Frequency", 0.75),
        amount("Resonance", 0.2), amount("Env. Modulation", 0.0), time_ms("Env. Attack", 0.1, 0.1, 30.0),
        time_ms("Env. Release", 0.4, 1.0, 500.0), amount("LFO Amount", 0.0), knob("LFO Frequency", 0.01, 10.0, 1.0),
        switch("LFO Sync"), switch("LFO Waveform", ("Sine", "Square", "Triangle", "Saw Up", "Saw Down", "S&H")),
        knob("LFO Phase", 0.0, 360.0, 180.0), amount("Dry/Wet", 1.0)], category="audio_effects"),
    _dev("StereoGain", "Utility", AUDIO_EFFECT, [
        switch("Left Inv"), switch("Right Inv"), switch("Channel Mode", ("Left", "Stereo", "Right", "Swap"), 1),
        knob("Stereo Width", 0.0, 4.0, 1.0, scaled_text("%", 100.0, "%.1f")), switch("Mono"), switch("Bass Mono"),
        freq("Bass Freq", 0.4, 50.0, 500.0), knob("Balance", -1.0, 1.0, 0.0, text_pan),
        gain("Gain", -35.0, 35.0, 0.0), switch("Mute"), switch("DC Filter")], category="audio_effects"),
    _dev("Saturator", "Saturator", AUDIO_EFFECT, [
        gain("Drive", -36.0, 36.0, 0.0),
        switch("Type", ("Analog Clip", "Soft Sine", "Medium Curve", "Hard Curve", "Sinoid Fold", "Digital Clip",
                        "Waveshaper"), 1),
        switch("Color"), gain("Base", -36.0, 36.0, 0.0), freq("Frequency", 0.5), amount("Width", 0.5),
        gain("Depth", -36.0, 36.0, 0.0), gain("Output", -36.0, 0.0, 0.0), amount("Dry/Wet", 1.0),
        switch("Soft Clip")], category="audio_effects"),
    _dev("Chorus2", "Chorus-Ensemble", AUDIO_EFFECT, [
        switch("Mode", ("Classic", "Ensemble", "Vibrato")),
        knob("Rate", 0.01, 20.0, 0.8, scaled_text("Hz", 1.0, "%.2f")),
        amount("Amount", 0.2), amount("Feedback", 0.0), switch("Invert Feedback"), amount("Width", 1.0),
        amount("Warmth", 0.0), gain("Output", -36.0, 12.0, 0.0), amount("Dry/Wet", 0.5)], category="audio_effects"),
    _dev("Looper", "Looper", AUDIO_EFFECT, [
        switch("State", ("Stop", "Record", "Play", "Overdub")), knob("Speed", -36.0, 36.0, 0.0, text_semitones),
        switch("Reverse"), amount("Feedback", 1.0), switch("Monitor", ("Always", "Never", "Thru", "Overdub")),
        switch("Quantization", ("None", "Global", "1 Bar", "1/2", "1/4"), 1)], since=(12, 0, 0),
        category="audio_effects"),
    _dev("Roar", "Roar", AUDIO_EFFECT, [
        gain("Input Gain", -24.0, 24.0, 0.0), amount("Stage 1 Amount", 0.3), amount("Stage 2 Amount", 0.3),
        amount("Feedback Amount", 0.0), gain("Output Gain", -24.0, 24.0, 0.0), amount("Dry/Wet", 1.0)],
        since=(12, 0, 0), category="audio_effects"),
    _dev("Shifter", "Shifter", AUDIO_EFFECT, [
        steps("Coarse", -48, 48, 0, text_semitones), knob("Fine", -50.0, 50.0, 0.0), amount("Window", 0.3),
        amount("Tone", 0.5), amount("Dry/Wet", 1.0)], since=(12, 0, 0), category="audio_effects"),
    _dev("SpectralResonator", "Spectral Resonator", AUDIO_EFFECT, [
        freq("Frequency", 0.5), amount("Decay", 0.5), amount("Stretch", 0.5), amount("Shift", 0.5),
        amount("Dry/Wet", 0.5)], category="audio_effects"),
    _dev("Hybrid", "Hybrid Reverb", AUDIO_EFFECT, [
        time_ms("Predelay", 0.3, 0.5, 250.0), amount("Blend", 0.5), time_ms("Decay", 0.5, 200.0, 60000.0),
        amount("Size", 0.5), amount("Dry/Wet", 0.5)], category="audio_effects"),
    _rack("AudioEffectGroupDevice", "Audio Effect Rack", AUDIO_EFFECT, "rack", "audio_effects"),
    # -- MIDI effects
    _dev("MidiArpeggiator", "Arpeggiator", MIDI_EFFECT, [
        switch("Style", ("Up", "Down", "UpDown", "DownUp", "Up & Down", "Down & Up", "Converge", "Diverge",
                         "Con & Diverge", "Pinky Up", "Pinky UpDown", "Thumb Up", "Thumb UpDown", "Play Order",
                         "Chord Trigger", "Random", "Random Other", "Random Once")),
        switch("Sync On", default=1), switch("Synced Rate", ("1/1", "1/2", "1/3", "1/4", "1/6", "1/8", "1/12",
                                                              "1/16", "1/24", "1/32"), 7),
        knob("Free Rate", 0.1, 200.0, 8.0, scaled_text("Hz", 1.0, "%.2f")),
        knob("Gate", 0.01, 2.0, 0.6, scaled_text("%", 100.0, "%.0f")),
        switch("Hold On"), steps("Transp. Steps", 0, 8, 0), steps("Transp. Dist.", -12, 12, 0, text_semitones),
        steps("Repeats", 1, 9, 9), switch("Velocity On"), amount("Groove", 0.0)], category="midi_effects"),
    _dev("MidiChord", "Chord", MIDI_EFFECT, [
        steps("Shift%d" % i, -36, 36, 0, text_semitones) for i in range(1, 7)] + [
        knob("Velocity%d" % i, 0.01, 2.0, 1.0, scaled_text("%", 100.0, "%.0f")) for i in range(1, 7)],
        category="midi_effects"),
    _dev("MidiScale", "Scale", MIDI_EFFECT, [
        switch("Base", ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")),
        steps("Transpose", -36, 36, 0, text_semitones), switch("Fold"), steps("Range", 1, 127, 127),
        steps("Lowest", 0, 127, 0)], category="midi_effects"),
    _dev("MidiNoteLength", "Note Length", MIDI_EFFECT, [
        switch("Trigger Mode", ("Note On", "Note Off")), switch("Sync On", default=1),
        time_ms("Time Length", 0.5, 1.0, 10000.0), knob("Gate", 0.0, 10.0, 1.0, scaled_text("%", 100.0, "%.0f"))],
        category="midi_effects"),
    _dev("MidiVelocity", "Velocity", MIDI_EFFECT, [
        knob("Drive", -64.0, 64.0, 0.0), knob("Compand", -3.0, 3.0, 0.0), steps("Out Hi", 0, 127, 127),
        steps("Out Low", 0, 127, 1), steps("Range", 0, 127, 127), steps("Lowest", 0, 127, 0),
        steps("Random", 0, 64, 0), switch("Mode", ("Clip", "Gate", "Fixed")),
        switch("Operation", ("Velocity", "Rel. Vel.", "Both"))],
        category="midi_effects"),
    _dev("CcControl", "CC Control", MIDI_EFFECT, [
        amount("Mod Wheel"), amount("Pitch Bend", 0.5), amount("Pressure"), switch("Custom On/Off")]
        + [amount("Custom %s" % letter) for letter in "ABCDEFGHIJKL"], since=(12, 0, 0), category="midi_effects"),
    _rack("MidiEffectGroupDevice", "MIDI Effect Rack", MIDI_EFFECT, "rack", "midi_effects"),
]

LIBRARY = collections.OrderedDict((d.class_name, d) for d in _DEFS)
BY_DISPLAY_NAME = dict((d.display_name, d) for d in _DEFS)
RACK_KINDS = ("rack", "drum_rack")
PLUGIN_CLASSES = ("PluginDevice", "AuPluginDevice")
# Max for Live devices report one class name per device type.
MAX_CLASSES = {"MxDeviceInstrument": INSTRUMENT, "MxDeviceAudioEffect": AUDIO_EFFECT, "MxDeviceMidiEffect": MIDI_EFFECT}


def generic(class_name, type_=AUDIO_EFFECT, display_name=None):
    """The definition used for a class name the library does not know."""
    params = (DEVICE_ON,) + tuple(knob("Parameter %d" % i, 0.0, 1.0, 0.0) for i in range(1, 9))
    kind = "plugin" if class_name in PLUGIN_CLASSES else "max" if class_name in MAX_CLASSES else "device"
    type_ = MAX_CLASSES.get(class_name, type_)
    return DeviceDef(class_name, display_name or class_name, type_, kind, params, None, None)


def available(d, version):
    """True if Live ``version`` (a tuple) has device ``d``."""
    return d.since is None or tuple(version) >= d.since


def lookup(class_name, version=(12, 3, 6)):
    """The definition of ``class_name``, or None when unknown or newer than ``version``."""
    d = LIBRARY.get(class_name)
    if d is None or not available(d, version):
        return None
    return d


def find(name, version=(12, 3, 6)):
    """The definition for a class name or a display name ("EQ Eight"), or None."""
    d = LIBRARY.get(name) or BY_DISPLAY_NAME.get(name)
    if d is None or not available(d, version):
        return None
    return d


def by_category(category, version=(12, 3, 6)):
    """The definitions shown in a browser category, in library order."""
    return [d for d in _DEFS if d.category == category and available(d, version)]
