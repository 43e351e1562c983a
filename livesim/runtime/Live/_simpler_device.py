"""Live.SimplerDevice: Simpler's playback settings, its sample and warp commands, a view on Live._simpler_model."""
from Live import _lom
from Live._base import IntVector
from Live._device import Device
from Live._lom import method, prop, since
from Live._sample_model import crop, reverse
from Live._simpler_model import (  # noqa: F401  (the enums are Live.SimplerDevice's)
    VOICE_NUMBERS, PlaybackMode, SimplerNode, SimplerViewNode, SlicingPlaybackMode, loaded, mode_setter, range_setter,
    sample_value, set_selected_slice, set_voices, warp_as, warp_by)


def get_available_voice_numbers():
    """The voice counts Simpler offers."""
    return _lom.vector(IntVector, VOICE_NUMBERS, None)


class SimplerDevice(Device):
    """Simpler."""

    __slots__ = ()
    # Live reports these as plain ints (values of PlaybackMode / SlicingPlaybackMode).
    playback_mode = prop("int", set=True, observe=True, fset=mode_setter("playback_mode", PlaybackMode))
    slicing_playback_mode = prop("int", set=True, observe=True,
                                 fset=mode_setter("slicing_playback_mode", SlicingPlaybackMode))
    voices = prop("int", set=True, observe=True, fset=set_voices)
    retrigger = prop("bool", set=True, observe=True)
    multi_sample_mode = prop("bool", observe=True)
    pad_slicing = prop("bool", set=True, observe=True)
    pitch_bend_range = prop("int", set=True, observe=True, avail=since(12, 0),
                            fset=range_setter("pitch_bend_range", 0, 48))
    note_pitch_bend_range = prop("int", set=True, observe=True, avail=since(12, 0),
                                 fset=range_setter("note_pitch_bend_range", 0, 96))
    sample = prop("Sample?", observe=True, get=lambda o: _lom.wrap(o.sample))
    can_warp_as = prop("bool", observe=True, get=lambda o: o.sample is not None)
    can_warp_double = prop("bool", observe=True, get=lambda o: o.sample is not None and o.sample.warping)
    can_warp_half = prop("bool", observe=True, get=lambda o: o.sample is not None and o.sample.warping)
    # livesim plays no audio through instruments: Simpler shows no playing position.
    playing_position = prop("float", observe=True, get=lambda o: 0.0)
    playing_position_enabled = prop("bool", observe=True, get=lambda o: False)
    view = prop("View", get=lambda o: _lom.wrap(o.view))

    @method(edits=True, label="Crop Sample")
    def crop(o):
        """Keep only the part between the start and end markers."""
        crop(loaded(o))

    @method(edits=True, label="Reverse Sample")
    def reverse(o):
        """Reverse the sample (Live renders it to a new file)."""
        reverse(loaded(o))

    @method("float beat_time", edits=True, label="Warp As")
    def warp_as(o, beats):
        """Warp the region between the markers to last ``beats`` beats."""
        warp_as(o, beats)

    @method(edits=True, label="Warp Double")
    def warp_double(o):
        """Double the region's tempo (it lasts twice as many beats)."""
        warp_by(o, 2.0)

    @method(edits=True, label="Warp Half")
    def warp_half(o):
        """Halve the region's tempo (it lasts half as many beats)."""
        warp_by(o, 0.5)

    @method()
    def guess_playback_length(o):
        """The beats the region between the markers lasts."""
        return loaded(o).region_beats()

    class View(Device.View):
        """Simpler's view: the sample's playback region in frames (-1 when empty)."""

        __slots__ = ()
        sample_start = prop("int", get=lambda o: sample_value(o, "start_marker"))
        sample_end = prop("int", get=lambda o: sample_value(o, "end_marker"))
        sample_loop_start = prop("int", get=lambda o: sample_value(o, "start_marker"))
        sample_loop_end = prop("int", get=lambda o: sample_value(o, "end_marker"))
        sample_loop_fade = prop("int", get=lambda o: sample_value(o, None))
        sample_env_fade_in = prop("int", get=lambda o: sample_value(o, None))
        sample_env_fade_out = prop("int", get=lambda o: sample_value(o, None))
        selected_slice = prop("int", set=True, observe=True, doc=False, fset=set_selected_slice)


SimplerNode.cls = SimplerDevice  # handles of Simpler nodes are Live.SimplerDevice.SimplerDevice
SimplerViewNode.cls = SimplerDevice.View
