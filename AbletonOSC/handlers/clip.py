"""/live/clip/*: clips in session slots, their properties and MIDI notes; /live/clips/* filters."""

import re

from .errors import HandlerError
from .sizes import check_values
from .registry import Prop
from .types import ArgumentError, to_bool, to_float, to_int

PROPERTIES = [
    Prop("end_time", "f", "gl"),
    Prop("file_path", "s", "gl"),
    Prop("gain_display_string", "s", "gl"),
    Prop("has_groove", "b", "gl"),
    Prop("is_midi_clip", "b", "gl"),
    Prop("is_audio_clip", "b", "gl"),
    Prop("is_overdubbing", "b", "gl"),
    Prop("is_playing", "b", "gl"),
    Prop("is_recording", "b", "gl"),
    Prop("is_triggered", "b", "gl"),
    Prop("length", "f", "gl"),
    Prop("playing_position", "f", "gl", doc="Play position in beats (0 when stopped)"),
    Prop("sample_length", "i", "gl"),
    Prop("start_time", "f", "gl"),
    Prop("will_record_on_start", "b", "gl"),
    Prop("color", "i", doc="Colour as 0x00RRGGBB (Live snaps it to its palette)"),
    Prop("color_index", "i"),
    Prop("end_marker", "f"),
    Prop("gain", "f", doc="Audio clips: gain (0.0-1.0)"),
    Prop("launch_mode", "i", values=range(4), doc="0 trigger, 1 gate, 2 toggle, 3 repeat"),
    Prop("launch_quantization", "i", values=range(15), doc="0 global, 1 none, 2 8 bars ... 14 1/32"),
    Prop("legato", "b"),
    Prop("loop_end", "f"),
    Prop("loop_start", "f"),
    Prop("looping", "b"),
    Prop("muted", "b"),
    Prop("name", "s"),
    Prop("pitch_coarse", "i", values=range(-48, 49), doc="Audio clips: transposition in semitones (-48..48)"),
    Prop("pitch_fine", "f", doc="Audio clips: detune in cents"),
    Prop("position", "f"),
    Prop("ram_mode", "b"),
    Prop("start_marker", "f"),
    Prop("velocity_amount", "f"),
    Prop("warp_mode", "i", values=(0, 1, 2, 3, 4, 6), doc="0 beats, 1 tones, 2 texture, 3 re-pitch, 4 complex, 6 complex pro"),
    Prop("warping", "b"),
]

# Every pitch and times [-8192, 8192). Upstream's pitch span of 127 left pitch 127 out of "all
# notes", so its notes could be neither read nor removed.
DEFAULT_RANGE = (0, 128, -8192.0, 16384.0)


def note_range(values, address):
    """(pitch_start, pitch_span, time_start, time_span) from 0 or 4 OSC values."""
    if not values:
        return DEFAULT_RANGE
    if len(values) != 4:
        raise ArgumentError(
            "Invalid number of arguments for %s. Either 0 or 4 arguments must be passed." % address
        )
    return (to_int(values[0], "pitch_start"), to_int(values[1], "pitch_span"),
            to_float(values[2], "time_start"), to_float(values[3], "time_span"))


def _sorted_notes(notes):
    return sorted(notes, key=lambda note: (note.pitch, note.start_time))


def get_notes(ctx, clip, *bounds):
    pitch, pitch_span, start, span = note_range(bounds, ctx.address)
    notes = clip.get_notes_extended(pitch, pitch_span, start, span)
    check_values(ctx, len(notes) * 5, 5, "ask for a range instead (about %d notes fit): "
                                         "<from_pitch> <pitch_span> <from_time> <time_span>")
    values = []
    for note in _sorted_notes(notes):
        values.extend((note.pitch, note.start_time, note.duration, note.velocity, bool(note.mute)))
    return tuple(values)


def note_specs(values, fields, address):
    """MidiNoteSpecifications from flat groups of `fields` values."""
    import Live

    if len(values) % len(fields):
        raise ArgumentError("%s takes notes as groups of %d values (%s); got %d values" % (
            address, len(fields), " ".join(fields), len(values)))
    specs = []
    for offset in range(0, len(values), len(fields)):
        group = values[offset:offset + len(fields)]
        kwargs = {}
        for field, value in zip(fields, group):
            kwargs[field] = NOTE_FIELDS[field](value, field)
        specs.append(Live.Clip.MidiNoteSpecification(**kwargs))
    return specs


NOTE_FIELDS = {
    "pitch": to_int,
    "start_time": to_float,
    "duration": to_float,
    "velocity": to_float,
    "mute": to_bool,
    "probability": to_float,
    "velocity_deviation": to_float,
    "release_velocity": to_float,
}


def add_notes(ctx, clip, *values):
    specs = note_specs(values, ("pitch", "start_time", "duration", "velocity", "mute"), ctx.address)
    ctx.manager.write(clip.add_new_notes, tuple(specs))


def remove_notes(ctx, clip, *bounds):
    pitch, pitch_span, start, span = note_range(bounds, ctx.address)
    ctx.manager.write(clip.remove_notes_extended, pitch, pitch_span, start, span)


def remove_notes_by_id(ctx, clip, *ids):
    ctx.manager.write(clip.remove_notes_by_id, [to_int(i, "note_id") for i in ids])


def _method(name):
    def call(ctx, clip):
        ctx.manager.write(getattr(clip, name))

    return call


# ---------------------------------------------------------------------- filter

_NOTE_NAMES = re.compile(r"([_-])([A-G][A-G#b1-9-]*)$")


def _clip_note_names(name):
    """Note names a clip's name ends with ("Pad-C-E-G" -> ["C", "E", "G"]), or None."""
    match = _NOTE_NAMES.search(name or "")
    if not match:
        return None
    names = re.sub(r"[0-9]", "", match.group(2))
    return [n for n in names.split("-") if n]


def clips_filter(ctx, song, *note_names):
    """Mute every clip whose name's notes are not all among the given notes (one track per turn)."""
    wanted = set(note_names)
    manager = ctx.manager
    for track in list(song.tracks):
        for slot in track.clip_slots:
            clip = slot.clip
            if clip is None:
                continue
            notes = _clip_note_names(clip.name)
            if notes:
                manager.write(setattr, clip, "muted", not all(n in wanted for n in notes))
        yield


def clips_unfilter(ctx, song, *bounds):
    """Unmute every clip (of tracks [track_start, track_end)), one track per turn."""
    tracks = list(song.tracks)
    start = bounds[0] if bounds else 0
    end = bounds[1] if len(bounds) > 1 else len(tracks)
    manager = ctx.manager
    for track in tracks[start:end]:
        for slot in track.clip_slots:
            if slot.clip is not None:
                manager.write(setattr, slot.clip, "muted", False)
        yield


def register(reg):
    for name, doc in (("fire", "Launch the clip"), ("stop", "Stop the clip"),
                      ("duplicate_loop", "Double the loop, duplicating its notes")):
        reg.add("/live/clip/%s" % name, "method", "clip", _method(name), doc=doc, members="Clip.%s" % name)
    reg.add("/live/clip/remove_notes_by_id", "method", "clip", remove_notes_by_id, args="note_id:i*",
            doc="Remove notes by their ids", members="Clip.remove_notes_by_id")
    reg.properties("clip", PROPERTIES)
    reg.add("/live/clip/get/notes", "get", "clip", get_notes,
            args="pitch_start:i? pitch_span:i? time_start:f? time_span:f?",
            reply="track_id:i clip_id:i (pitch:i start_time:f duration:f velocity:f mute:b)*",
            doc="MIDI notes, sorted by pitch then time (optionally those in a pitch and time range)",
            example="/live/clip/get/notes 0 0", members="Clip.get_notes_extended")
    reg.add("/live/clip/add/notes", "method", "clip", add_notes,
            args="note:x*", doc="Add notes given as groups of pitch, start_time, duration, velocity, mute",
            example="/live/clip/add/notes 0 0 60 0.0 1.0 100 0", members="Clip.add_new_notes")
    reg.add("/live/clip/remove/notes", "method", "clip", remove_notes,
            args="pitch_start:i? pitch_span:i? time_start:f? time_span:f?",
            doc="Remove MIDI notes (all, or those in a pitch and time range)", members="Clip.remove_notes_extended")
    reg.add("/live/clips/filter", "method", "song", clips_filter, args="note_name:s*",
            doc="Mute clips whose names end in notes (e.g. 'Pad-C-E-G') not all among the given ones",
            members=("Clip.name", "Clip.muted"))
    reg.add("/live/clips/unfilter", "method", "song", clips_unfilter, args="track_start:i? track_end:i?",
            doc="Unmute every clip", members="Clip.muted")
