"""Live.Conversions: audio to MIDI, samples to Simpler and Drum Racks, drum pads to tracks.

Each conversion is one undo step and, as in Live, puts its result on a new track right after the
source's track.  Audio to MIDI cannot listen to audio: livesim writes notes by the kind asked for
(drums: a kick on every beat; melody: a note per beat; harmony: a chord per bar), over the audio
clip's length, into a clip at the same slot (or arrangement position) as the audio clip.
"""
from Live import _lom
from Live._devices_model import build_device, spec_of
from Live._clip_model import ClipNode
from Live._device_model import insert_device_node, set_devices
from Live._song_model import _create_track

AudioToMidiType = _lom.make_enum("Conversions", "AudioToMidiType", {
    "harmony_to_midi": 0, "melody_to_midi": 1, "drums_to_midi": 2})
MIDI_CLIP_TEXT = "Cannot convert a MIDI clip"
NOT_SLICED_TEXT = "Simpler is not in slicing mode"


def _node(value, cls, name, args, types):
    """The node behind a handle of Live class ``cls`` (Boost.Python's ArgumentError otherwise)."""
    if not isinstance(value, _lom.CLASSES[cls]):
        raise _lom.argument_error("Conversions", name, args, types)
    return _lom.unwrap(value)


def _edit(song, label, fn):
    world = song.world
    _lom.check_edit(world)
    world.history.begin(label)
    try:
        return fn()
    finally:
        world.history.end()


def _track_of(clip):
    owner = clip.parent
    while owner is not None and not hasattr(owner, "slots"):
        owner = owner.parent
    return owner


def _new_track_after(song, track, kind="midi"):
    index = song.tracks.index(track) + 1 if track in song.tracks else len(song.tracks)
    return _create_track(song, kind, index)


def _add_devices(track, specs):
    for spec in specs:
        insert_device_node(track, build_device(track.world, spec, track))


def _audio_clip(song, clip, name):
    c = _node(clip, "Clip", name, (song, clip), ["Song", "Clip"])
    if not c.is_audio:
        raise RuntimeError(MIDI_CLIP_TEXT)
    return c


def _notes(kind, length):
    beats = int(length)
    if kind == AudioToMidiType.drums_to_midi:
        return [(36, float(b), 0.25, 100.0) for b in range(beats)]
    if kind == AudioToMidiType.melody_to_midi:
        return [(60 + (b % 4) * 2, float(b), 0.9, 90.0) for b in range(beats)]
    return [(pitch, float(bar), 3.9, 80.0) for bar in range(0, max(beats, 1), 4) for pitch in (48, 60, 64, 67)]


def audio_to_midi_clip(song, audio_clip, audio_to_midi_type):
    """A new MIDI track after the audio clip's, with a MIDI clip of the notes found in it."""
    s = _node(song, "Song", "audio_to_midi_clip", (song, audio_clip, audio_to_midi_type), ["Song", "Clip", "int"])
    c = _audio_clip(song, audio_clip, "audio_to_midi_clip")
    if not isinstance(audio_to_midi_type, int) or int(audio_to_midi_type) not in AudioToMidiType.values:
        raise RuntimeError("Invalid audio to MIDI type")
    kind = AudioToMidiType.values[int(audio_to_midi_type)]

    def convert():
        track = _new_track_after(s, _track_of(c))
        length = c.loop_end - c.loop_start if c.looping else c.end_marker - c.start_marker
        if c.arrangement:
            clip = s.add_arrangement_clip(track, None, c.start_time, length)
        else:
            slot = track.slots[c.parent.index()]
            clip = ClipNode(s.world, slot, is_audio=False, length=length)
            slot.put_clip(clip, "Convert to MIDI")
        clip.name = c.name
        for pitch, start, duration, velocity in _notes(kind, length):
            if start < length:
                clip.add_note(pitch, start, min(duration, length - start), velocity)
        _lom.notify(clip, "notes")
    _edit(s, "Convert Audio to MIDI", convert)


def is_convertible_to_midi(song, audio_clip):
    """Whether an audio clip can become MIDI (a MIDI clip raises); livesim converts every audio clip."""
    _node(song, "Song", "is_convertible_to_midi", (song, audio_clip), ["Song", "Clip"])
    _audio_clip(song, audio_clip, "is_convertible_to_midi")
    return True


def create_midi_track_with_simpler(song, audio_clip):
    """A new MIDI track after the clip's, with a Simpler playing the clip's sample."""
    s = _node(song, "Song", "create_midi_track_with_simpler", (song, audio_clip), ["Song", "Clip"])
    c = _audio_clip(song, audio_clip, "create_midi_track_with_simpler")

    def convert():
        track = _new_track_after(s, _track_of(c))
        _add_devices(track, [{"class_name": "OriginalSimpler", "sample": c.file_path or c.name}])
    _edit(s, "Create Simpler", convert)


def create_drum_rack_from_audio_clip(song, audio_clip):
    """A new MIDI track after the clip's, with a Drum Rack whose first pad plays the clip's sample."""
    s = _node(song, "Song", "create_drum_rack_from_audio_clip", (song, audio_clip), ["Song", "Clip"])
    c = _audio_clip(song, audio_clip, "create_drum_rack_from_audio_clip")

    def convert():
        track = _new_track_after(s, _track_of(c))
        _add_devices(track, [{"class_name": "DrumGroupDevice", "drum_pads": [{"note": 36, "chains": [
            {"devices": [{"class_name": "OriginalSimpler", "sample": c.file_path or c.name}]}]}]}])
    _edit(s, "Create Drum Rack", convert)


def create_midi_track_from_drum_pad(song, drum_pad):
    """A new MIDI track after the rack's, with a copy of the pad's devices."""
    s = _node(song, "Song", "create_midi_track_from_drum_pad", (song, drum_pad), ["Song", "DrumPad"])
    pad = _node(drum_pad, "DrumPad", "create_midi_track_from_drum_pad", (song, drum_pad), ["Song", "DrumPad"])
    if not pad.chains:
        raise RuntimeError("Drum pad is empty")

    def convert():
        track = _new_track_after(s, _track_of(pad))
        track.auto_name, track.own_name = False, pad.name
        _add_devices(track, [spec_of(d) for d in pad.chains[0].devices])
    _edit(s, "Extract Chains", convert)


def move_devices_on_track_to_new_drum_rack_pad(song, track_index):
    """Move a track's devices onto pad C1 of a Drum Rack on a new track; the new track (None: no devices)."""
    s = _node(song, "Song", "move_devices_on_track_to_new_drum_rack_pad", (song, track_index), ["Song", "int"])
    if not isinstance(track_index, int) or not 0 <= track_index < len(s.tracks):
        raise RuntimeError("Invalid track index")
    source = s.tracks[track_index]
    if not source.devices:
        return None

    def convert():
        specs = [spec_of(d) for d in source.devices]
        track = _new_track_after(s, source)
        _add_devices(track, [{"class_name": "DrumGroupDevice", "drum_pads": [
            {"note": 36, "chains": [{"devices": specs}]}]}])
        set_devices(source, [], "Move Devices")
        return track
    return _lom.wrap(_edit(s, "Move Devices to Drum Pad", convert))


def sliced_simpler_to_drum_rack(song, simpler):
    """Replace a slicing Simpler with a Drum Rack: one pad per slice (from C1), each a Simpler of that slice."""
    args = (song, simpler)
    s = _node(song, "Song", "sliced_simpler_to_drum_rack", args, ["Song", "SimplerDevice"])
    node = _node(simpler, "SimplerDevice", "sliced_simpler_to_drum_rack", args, ["Song", "SimplerDevice"])
    if node.playback_mode != 2 or node.sample is None:
        raise RuntimeError(NOT_SLICED_TEXT)

    def convert():
        sample = node.sample
        pads = []
        for number, start in enumerate(sample.slices[:128 - 36]):
            pads.append({"note": 36 + number, "chains": [
                {"name": "Slice %d" % (number + 1), "devices": [{"class_name": "OriginalSimpler",
                                                                  "sample": sample.file_path}]}]})
        container = node.parent
        rack = build_device(s.world, {"class_name": "DrumGroupDevice", "drum_pads": pads}, container)
        set_devices(container, [rack if d is node else d for d in container.devices], "Slice to Drum Rack")
    _edit(s, "Slice to Drum Rack", convert)
