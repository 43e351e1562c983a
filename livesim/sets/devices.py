"""What a set file's device element (its tag is Live's class name) means: display name and kind."""

# Class name -> the name Live shows for a device without a user name.
DISPLAY_NAMES = {
    "OriginalSimpler": "Simpler", "MultiSampler": "Sampler", "InstrumentImpulse": "Impulse",
    "InstrumentGroupDevice": "Instrument Rack", "DrumGroupDevice": "Drum Rack",
    "AudioEffectGroupDevice": "Audio Effect Rack", "MidiEffectGroupDevice": "MIDI Effect Rack",
    "CrossDelay": "Simple Delay", "StereoGain": "Utility", "Eq8": "EQ Eight", "FilterEQ3": "EQ Three",
    "Compressor2": "Compressor", "GlueCompressor": "Glue Compressor", "AutoFilter": "Auto Filter",
    "AutoPan": "Auto Pan", "BeatRepeat": "Beat Repeat", "FilterDelay": "Filter Delay",
    "GrainDelay": "Grain Delay", "PingPongDelay": "Ping Pong Delay", "Delay": "Delay",
    "MidiArpeggiator": "Arpeggiator", "MidiChord": "Chord", "MidiNoteLength": "Note Length",
    "MidiPitcher": "Pitch", "MidiRandom": "Random", "MidiScale": "Scale", "MidiVelocity": "Velocity",
    "InstrumentVector": "Wavetable", "UltraAnalog": "Analog", "LoungeLizard": "Electric",
    "StringStudio": "Tension", "Collision": "Collision", "Drift": "Drift", "Meld": "Meld",
    "DrumCell": "Drum Sampler", "Hybrid": "Hybrid Reverb", "Redux2": "Redux", "Vinyl": "Vinyl Distortion",
    "Saturator": "Saturator", "Overdrive": "Overdrive", "Erosion": "Erosion", "Amp": "Amp",
    "Cabinet": "Cabinet", "Pedal": "Pedal", "Tuner": "Tuner", "Vocoder": "Vocoder", "Looper": "Looper",
    "Corpus": "Corpus", "Resonator": "Resonators", "FrequencyShifter": "Frequency Shifter",
    "Spectrum": "Spectrum", "SpectrumAnalyzer": "Spectrum", "MultibandDynamics": "Multiband Dynamics", "Gate": "Gate", "Limiter": "Limiter",
    "ChannelEq": "Channel EQ", "DrumBuss": "Drum Buss", "Echo": "Echo", "Chorus2": "Chorus-Ensemble",
    "PhaserNew": "Phaser-Flanger", "Shifter": "Shifter", "Transmute": "Spectral Resonator",
    "SpectralTime": "Spectral Time", "Roar": "Roar",
    "MxDeviceInstrument": "Max Instrument", "MxDeviceAudioEffect": "Max Audio Effect",
    "MxDeviceMidiEffect": "Max MIDI Effect", "PluginDevice": "Plug-in", "AuPluginDevice": "Plug-in",
}

INSTRUMENTS = frozenset([
    "OriginalSimpler", "MultiSampler", "InstrumentImpulse", "InstrumentGroupDevice", "DrumGroupDevice",
    "Operator", "InstrumentVector", "UltraAnalog", "LoungeLizard", "StringStudio", "Collision", "Drift", "Meld",
    "DrumCell", "MxDeviceInstrument", "ExternalInstrument",
])

MIDI_EFFECTS = frozenset([
    "MidiEffectGroupDevice", "MidiArpeggiator", "MidiChord", "MidiNoteLength", "MidiPitcher", "MidiRandom",
    "MidiScale", "MidiVelocity", "MxDeviceMidiEffect",
])

RACKS = frozenset(["InstrumentGroupDevice", "DrumGroupDevice", "AudioEffectGroupDevice", "MidiEffectGroupDevice"])


def device_kind(class_name):
    """"instrument", "midi_effect" or "audio_effect" for a device class."""
    if class_name in INSTRUMENTS:
        return "instrument"
    if class_name in MIDI_EFFECTS:
        return "midi_effect"
    return "audio_effect"


def display_name(class_name):
    """The name Live shows for a device of this class without a user name."""
    return DISPLAY_NAMES.get(class_name, class_name)
