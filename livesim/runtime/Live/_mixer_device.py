"""Live.MixerDevice: a track's mixer, a view on Live._mixer_model."""
from Live import _lom
from Live._lom import prop
from Live._base import Vector
from Live._mixer_model import MixerNode, crossfade_assignments, crossfade_refusal, main_only, panning_modes


class MixerDevice(_lom.LomObject):
    """The mixer of a track (``track.mixer_device``)."""

    __slots__ = ()
    crossfade_assignments = crossfade_assignments
    panning_modes = panning_modes

    volume = prop("DeviceParameter", get=lambda o: _lom.wrap(o.volume))
    panning = prop("DeviceParameter", get=lambda o: _lom.wrap(o.panning))
    track_activator = prop("DeviceParameter", get=lambda o: _lom.wrap(o.track_activator))
    left_split_stereo = prop("DeviceParameter", get=lambda o: _lom.wrap(o.left_split_stereo))
    right_split_stereo = prop("DeviceParameter", get=lambda o: _lom.wrap(o.right_split_stereo))
    sends = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.sends))
    crossfader = prop("DeviceParameter", check=main_only("crossfader"), get=lambda o: _lom.wrap(o.crossfader))
    cue_volume = prop("DeviceParameter", check=main_only("cue volume"), get=lambda o: _lom.wrap(o.cue_volume))
    song_tempo = prop("DeviceParameter", check=main_only("song tempo"), get=lambda o: _lom.wrap(o.song_tempo))
    crossfade_assign = prop(crossfade_assignments, set=True, observe=True, check=crossfade_refusal)
    panning_mode = prop(panning_modes, set=True, observe=True)
    canonical_parent = _lom.parent_prop()


MixerNode.cls = MixerDevice  # handles of mixer nodes are Live.MixerDevice.MixerDevice
