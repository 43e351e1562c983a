"""OSC handlers, one module per Live class; ``build_registry`` assembles them."""

import importlib

from .registry import Registry

# Registration order is dispatch order for OSC patterns, and the order of docs/API.md.
MODULES = ("api", "application", "song", "view", "track", "clip_slot", "clip", "notes", "envelope",
           "arrangement", "warp", "clip_model", "scene", "device", "rack", "device_classes", "sample", "conversions",
           "device_io", "tuning", "groove", "browser", "midimap", "navigation")


def build_registry():
    """A registry with every module's addresses (needs no Live)."""
    registry = Registry()
    for name in MODULES:
        module = importlib.import_module("." + name, __name__)
        module.register(registry)
    return registry
