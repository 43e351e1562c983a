"""The public face of livesim's ``Live`` package: each module holds exactly the names Live's does.

``MODULES`` maps a public module (``Live.Clip``) to the private module holding its classes
(``Live._clip``, a view on the model in ``Live._clip_model``) and the names Live's module holds (its LiveTree entry).  ``install`` makes one
plain module per entry and registers it, so ``import Live.Clip``, ``from Live.Clip import Clip``
and ``Live.Clip.Clip`` all see those names and nothing else: the nodes, rules and helpers behind
them stay in the private modules.  Names some Live versions lack are listed in the private
module's ``GATED`` dict ``{name: (member, avail)}`` and served by the public module's
``__getattr__`` only while a world of such a version is active (PEP 562).
"""
import importlib
import sys
import types

from Live import _lom

MODULES = {
    "Application": ("_application", ("Application", "UnavailableFeature", "UnavailableFeatureVector",
                                     "get_application")),
    "Base": ("_base", ("FloatVector", "IntVector", "LimitationError", "ObjectVector", "StringVector", "Timer",
                       "Vector", "log")),
    "Browser": ("_browser", ("Browser", "BrowserItem", "BrowserItemIterator", "BrowserItemVector", "FilterType",
                             "Relation")),
    "CcControlDevice": ("_cc_control_device", ("CcControlDevice",)),
    "Chain": ("_chain", ("Chain",)),
    "ChainMixerDevice": ("_chain_mixer_device", ("ChainMixerDevice",)),
    "Clip": ("_clip", ("Clip", "ClipLaunchQuantization", "GridQuantization", "LaunchMode", "MidiNote",
                       "MidiNoteSpecification", "MidiNoteVector", "WarpMarker", "WarpMarkerVector", "WarpMode")),
    "ClipSlot": ("_clip_slot", ("ClipSlot", "ClipSlotPlayingState")),
    "Conversions": ("_conversions", ("AudioToMidiType", "audio_to_midi_clip", "create_drum_rack_from_audio_clip",
                                     "create_midi_track_from_drum_pad", "create_midi_track_with_simpler",
                                     "is_convertible_to_midi", "move_devices_on_track_to_new_drum_rack_pad",
                                     "sliced_simpler_to_drum_rack")),
    "CompressorDevice": ("_compressor_device", ("CompressorDevice",)),
    "Device": ("_device", ("ATimeableValueVector", "Device", "DeviceType")),
    "DeviceIO": ("_device_io", ("DeviceIO",)),
    "DeviceParameter": ("_device_parameter", ("AutomationState", "DeviceParameter", "ParameterState")),
    "DriftDevice": ("_drift_device", ("DriftDevice",)),
    "DrumCellDevice": ("_drum_cell_device", ("DrumCellDevice",)),
    "DrumChain": ("_drum_chain", ("DrumChain",)),
    "DrumPad": ("_drum_pad", ("DrumPad",)),
    "Envelope": ("_envelope", ("Envelope", "EnvelopeEvent", "EnvelopeEventControlCoefficients",
                               "EnvelopeEventVector")),
    "Eq8Device": ("_eq8_device", ("EditMode", "Eq8Device", "GlobalMode")),
    "Groove": ("_groove", ("Base", "Groove")),
    "GroovePool": ("_groove_pool", ("GroovePool",)),
    "HybridReverbDevice": ("_hybrid_reverb_device", ("HybridReverbDevice",)),
    "LomObject": ("_lom", ("LomObject",)),
    "LooperDevice": ("_looper_device", ("LooperDevice",)),
    "MaxDevice": ("_max_device", ("MaxDevice",)),
    "MeldDevice": ("_meld_device", ("MeldDevice",)),
    "MidiMap": ("_midi_map", ("CCFeedbackRule", "MapMode", "NoteFeedbackRule", "PitchBendFeedbackRule",
                              "forward_midi_cc", "forward_midi_note", "forward_midi_pitchbend", "map_midi_cc",
                              "map_midi_cc_with_feedback_map", "map_midi_note", "map_midi_note_with_feedback_map",
                              "map_midi_pitchbend", "map_midi_pitchbend_with_feedback_map",
                              "send_feedback_for_parameter")),
    "MixerDevice": ("_mixer_device", ("MixerDevice",)),
    "PluginDevice": ("_plugin_device", ("PluginDevice",)),
    "RackDevice": ("_rack_device", ("RackDevice",)),
    "RoarDevice": ("_roar_device", ("RoarDevice",)),
    "Sample": ("_sample", ("Sample", "SlicingBeatDivision", "SlicingStyle", "TransientLoopMode")),
    "Scene": ("_scene", ("Scene",)),
    "ShifterDevice": ("_shifter_device", ("ShifterDevice",)),
    "SimplerDevice": ("_simpler_device", ("PlaybackMode", "SimplerDevice", "SlicingPlaybackMode",
                                          "get_available_voice_numbers")),
    "Song": ("_song", ("BeatTime", "CaptureDestination", "CaptureMode", "CuePoint", "Quantization",
                       "RecordingQuantization", "SessionRecordStatus", "SmptTime", "Song", "TimeFormat",
                       "get_all_scales_ordered")),
    "SpectralResonatorDevice": ("_spectral_resonator_device", ("SpectralResonatorDevice",)),
    "TakeLane": ("_take_lane", ("TakeLane",)),
    "TuningSystem": ("_tuning_system", ("PitchClassAndOctave", "ReferencePitch", "TuningSystem")),
    "Track": ("_track", ("DeviceContainer", "DeviceInsertMode", "RoutingChannel", "RoutingChannelLayout",
                         "RoutingChannelVector", "RoutingType", "RoutingTypeCategory", "RoutingTypeVector", "Track")),
    "WavetableDevice": ("_wavetable_device", ("EffectMode", "FilterRouting", "ModulationSource", "UnisonMode",
                                              "VoiceCount", "Voicing", "WavetableDevice")),
}

# Modules older Live versions lack: importable (and an attribute of ``Live``) only while no world
# or a world of that version or later is active.
SINCE = {"Envelope": (12, 2), "TakeLane": (12, 2), "CcControlDevice": (12, 0), "DriftDevice": (12, 0),
         "DrumCellDevice": (12, 0), "LooperDevice": (12, 0), "MeldDevice": (12, 0), "RoarDevice": (12, 0),
         "ShifterDevice": (12, 0), "TuningSystem": (12, 0)}


def _gated_lookup(qualified, gated, names):
    """A module's ``__getattr__``/``__dir__`` pair serving ``gated`` by the active world's version."""

    def available():
        world = _lom.active_world()
        return [n for n, (_, avail) in gated.items() if world is None or avail(world.version)]

    def __getattr__(name):
        entry = gated.get(name)
        if entry is not None:
            world = _lom.active_world()
            if world is None or entry[1](world.version):
                return entry[0]
        raise AttributeError("module '%s' has no attribute '%s'" % (qualified, name))

    def __dir__():
        return sorted(set(names) | set(available()) | {"__doc__", "__name__"})

    return __getattr__, __dir__


def public_module(leaf):
    """Make the public module ``Live.<leaf>`` from its entry in ``MODULES``."""
    private_name, names = MODULES[leaf]
    private = importlib.import_module("Live." + private_name)
    qualified = "Live." + leaf
    module = types.ModuleType(qualified, private.__doc__)
    gated = getattr(private, "GATED", {})
    for name in names:
        setattr(module, name, getattr(private, name))
    if gated:
        module.__getattr__, module.__dir__ = _gated_lookup(qualified, gated, names)
    return module


def install(package):
    """Register the public modules in ``sys.modules`` and as attributes of ``package``.

    The modules in ``SINCE`` come and go with the active world's version.
    """
    modules = dict((leaf, public_module(leaf)) for leaf in sorted(MODULES))

    def follow_version(world):
        for leaf, module in modules.items():
            since = SINCE.get(leaf)
            if world is None or since is None or world.version >= tuple(since):
                sys.modules[module.__name__] = module
                setattr(package, leaf, module)
            else:
                sys.modules.pop(module.__name__, None)
                vars(package).pop(leaf, None)

    follow_version(_lom.active_world())
    _lom._activation_hooks.append(follow_version)
