"""AbletonOSC: an Open Sound Control interface to Ableton Live.

Live loads this package as a MIDI Remote Script and calls ``create_instance``.
Importing the package needs no Live: the Live-dependent manager is imported
only when Live asks for an instance, so ``import AbletonOSC.osc`` works anywhere.
"""

__version__ = "0.1.0"


def create_instance(c_instance):
    """Live's entry point: return the control surface for this script slot."""
    from .manager import Manager

    return Manager(c_instance)
