"""Live.ChainMixerDevice: a rack chain's mixer, a view on Live._chain_mixer_model."""
from Live import _lom
from Live._lom import prop
from Live._base import Vector
from Live._chain_mixer_model import ChainMixerNode


class ChainMixerDevice(_lom.LomObject):
    """The mixer of a rack chain (``chain.mixer_device``)."""

    __slots__ = ()
    volume = prop("DeviceParameter", get=lambda o: _lom.wrap(o.volume))
    panning = prop("DeviceParameter", get=lambda o: _lom.wrap(o.panning))
    chain_activator = prop("DeviceParameter", get=lambda o: _lom.wrap(o.chain_activator))
    sends = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.sends))
    canonical_parent = _lom.parent_prop()


ChainMixerNode.cls = ChainMixerDevice  # handles of chain mixer nodes are Live.ChainMixerDevice.ChainMixerDevice
