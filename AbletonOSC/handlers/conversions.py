"""Conversions (Live.Conversions): audio to MIDI, samples to Simpler or a Drum Rack, pads and devices to tracks.

Each acts on the set as Live's context menus do and answers where the result went: the new
track's index (the converted clip keeps its slot on it).
"""

from .errors import HandlerError
from .objects import find_index
from .rack import DRUM_PAD, SIMPLER

AUDIO_TO_MIDI = {"harmony": 0, "melody": 1, "drums": 2}


def _conversions():
    import Live

    return Live.Conversions


def _new_track(song, before, action):
    """Run ``action``; the index of the track it added (None when it added none)."""
    action()
    for index, track in enumerate(song.tracks):
        if find_index(before, track) is None:
            return index
    return None


def _audio_to_midi_type(value):
    if isinstance(value, str):
        word = value.strip().lower().replace("_to_midi", "")
        if word not in AUDIO_TO_MIDI:
            raise HandlerError("type must be harmony, melody or drums (or 0-2), got %r" % value)
        return AUDIO_TO_MIDI[word]
    from .types import to_int
    return to_int(value, "type")


def is_convertible(ctx, clip):
    return (bool(_conversions().is_convertible_to_midi(ctx.song, clip)),)


def convert_to_midi(ctx, clip, kind):
    song = ctx.song
    kind = _audio_to_midi_type(kind)
    return (_new_track(song, list(song.tracks), lambda: _conversions().audio_to_midi_clip(song, clip, kind)),)


def _clip_to_track(name):
    def convert(ctx, clip):
        song = ctx.song
        return (_new_track(song, list(song.tracks), lambda: getattr(_conversions(), name)(song, clip)),)

    return convert


def pad_to_track(ctx, pad):
    song = ctx.song
    return (_new_track(song, list(song.tracks), lambda: _conversions().create_midi_track_from_drum_pad(song, pad)),)


def devices_to_drum_pad(ctx, track):
    song = ctx.song
    index = find_index(song.tracks, track)
    if index is None:
        raise HandlerError("Only tracks of the set's track list can move their devices to a Drum Rack")
    if not len(track.devices):
        raise HandlerError("Track %d has no devices" % index)
    return (_new_track(song, list(song.tracks),
                       lambda: _conversions().move_devices_on_track_to_new_drum_rack_pad(song, index)),)


def slice_to_drum_rack(ctx, simpler):
    _conversions().sliced_simpler_to_drum_rack(ctx.song, simpler)


def register(reg):
    reg.add("/live/clip/get/is_convertible_to_midi", "get", "clip", is_convertible,
            reply="track_id:i clip_id:i convertible:b", members="Conversions.is_convertible_to_midi",
            doc="Whether an audio clip can be converted to MIDI (a MIDI clip is refused)")
    reg.add("/live/clip/convert_to_midi", "method", "clip", convert_to_midi, args="type:x",
            reply="track_id:i clip_id:i new_track_id:i", members="Conversions.audio_to_midi_clip",
            doc="Convert an audio clip to a MIDI clip on a new track (type: harmony, melody or drums, or 0-2); "
                "answers the new track",
            example="/live/clip/convert_to_midi 1 0 drums")
    reg.add("/live/clip/create_midi_track_with_simpler", "method", "clip",
            _clip_to_track("create_midi_track_with_simpler"), reply="track_id:i clip_id:i new_track_id:i",
            members="Conversions.create_midi_track_with_simpler",
            doc="A new MIDI track with a Simpler playing the audio clip's sample; answers the new track")
    reg.add("/live/clip/create_drum_rack", "method", "clip", _clip_to_track("create_drum_rack_from_audio_clip"),
            reply="track_id:i clip_id:i new_track_id:i", members="Conversions.create_drum_rack_from_audio_clip",
            doc="A new MIDI track with a Drum Rack playing the audio clip's sample on its first pad; answers the "
                "new track")
    reg.add("/live/drum_pad/create_midi_track", "method", DRUM_PAD, pad_to_track,
            reply="track_id:i device_id:i note:i new_track_id:i", members="Conversions.create_midi_track_from_drum_pad",
            doc="A new MIDI track with a copy of the pad's devices; answers the new track")
    reg.add("/live/track/move_devices_to_drum_rack_pad", "method", "track", devices_to_drum_pad,
            reply="track_id:i new_track_id:i", members="Conversions.move_devices_on_track_to_new_drum_rack_pad",
            doc="Move the track's devices onto pad C1 of a Drum Rack on a new track; answers the new track")
    reg.add("/live/device/slice_to_drum_rack", "method", SIMPLER, slice_to_drum_rack,
            members="Conversions.sliced_simpler_to_drum_rack",
            doc="Replace a slicing Simpler by a Drum Rack with one pad per slice, from C1")
