"""livesim's ``Live`` package: the Live Object Model a remote script imports (``import Live``).

Submodules are flat and named like Live's (``Live.Song``, ``Live.Track`` ...); classes report
the leaf module name (``type(song).__module__ == "Song"``).  The shared machinery every class
uses is documented in ``Live._lom``.
"""
import importlib

_MODULES = ("LomObject", "Base", "Listener", "DeviceParameter", "Device", "MixerDevice", "Clip", "ClipSlot",
            "Scene", "Track", "Song", "Chain", "ChainMixerDevice", "DrumPad", "DrumChain", "RackDevice",
            "Application", "MidiMap", "Browser", "GroovePool", "Groove", "PluginDevice", "SimplerDevice")

for _name in _MODULES:
    try:
        globals()[_name] = importlib.import_module("Live." + _name)
    except ImportError as _exc:
        # Modules of the device family may not exist yet; anything else is a real error.
        if getattr(_exc, "name", None) != "Live." + _name:
            raise
del _name
