"""The rest of Clip and Clip.View over OSC: signature, clip kind, editing, scrubbing, the detail view.

For session clips (/live/clip) and arrangement clips (/live/arrangement_clip) alike. Where Live
refuses a call for this clip (quantize on an audio clip ...) its error text is the answer.
Events without a value are listen-only: ``playing_status`` sends is_playing and is_triggered,
``loop_jump`` sends the playing position when the clip jumps back to its loop start.
"""

from .notes import CLIP_KINDS
from .registry import Prop, unavailable

PROPERTIES = [
    Prop("signature_numerator", "i", strict=True, doc="Time signature numerator of the clip (1-99)"),
    Prop("signature_denominator", "i", strict=True, doc="Time signature denominator of the clip (1, 2, 4, 8, 16)"),
    Prop("is_arrangement_clip", "b", "g", strict=True),
    Prop("is_session_clip", "b", "g", since=(12, 2), strict=True),
    Prop("is_take_lane_clip", "b", "g", since=(12, 2), strict=True),
    Prop("sample_rate", "f", "g", since=(11, 1), strict=True, doc="Audio clips: the sample's rate in Hz"),
    Prop("has_envelopes", "b", "gl", strict=True, doc="Whether the clip has automation envelopes"),
    Prop("playing_status", "b", "gl", strict=True, getter=lambda clip: (clip.is_playing, clip.is_triggered),
         out=lambda pair: (bool(pair[0]), bool(pair[1])),
         member=("Clip.add_playing_status_listener", "Clip.is_playing", "Clip.is_triggered"),
         doc="is_playing and is_triggered together (the playing_status event)"),
    Prop("loop_jump", "f", "l", strict=True, getter=lambda clip: clip.playing_position,
         member=("Clip.add_loop_jump_listener", "Clip.playing_position"),
         doc="The playing position whenever the clip jumps back to its loop start"),
    Prop("grid_quantization", "i", "gs", values=range(10), strict=True, target=lambda clip: clip.view,
         member="Clip.View.grid_quantization", doc="Clip view grid: 0 none, 1 8 bars ... 6 1/4, 8 1/16, 9 1/32"),
    Prop("grid_is_triplet", "b", "gs", strict=True, target=lambda clip: clip.view, member="Clip.View.grid_is_triplet",
         doc="Whether the clip view grid is triplet"),
]

# (name, args, doc, Live member) of methods taking coerced arguments and replying nothing.
METHODS = (
    ("crop", "", "Remove what lies outside the loop (or the markers when unlooped)", "Clip.crop"),
    ("quantize", "grid:i amount:f",
     "Move note starts toward a grid (1 8 bars ... 6 1/4, 7 1/8, 8 1/16, 9 1/32) by amount 0-1", "Clip.quantize"),
    ("quantize_pitch", "pitch:i grid:i amount:f", "Quantize the notes of one pitch", "Clip.quantize_pitch"),
    ("duplicate_region", "region_start:f region_length:f destination_time:f pitch:i? transposition:i?",
     "Copy the notes of a region (of one pitch, -1 all) to a time, transposed by semitones", "Clip.duplicate_region"),
    ("move_playing_pos", "beats:f", "Jump the playing clip's position by beats", "Clip.move_playing_pos"),
    ("scrub", "position:f", "Scrub to a position in beats, as dragging in the clip view", "Clip.scrub"),
    ("stop_scrub", "", "End scrubbing", "Clip.stop_scrub"),
    ("set_fire_button_state", "pressed:b", "Press (1) or release (0) the clip's launch button",
     "Clip.set_fire_button_state"),
)

VIEW_METHODS = (
    ("show_loop", "Show the loop in the clip view"),
    ("show_envelope", "Show the envelope box in the clip view"),
    ("hide_envelope", "Hide the envelope box in the clip view"),
)


def _method(name):
    def call(ctx, clip, *args):
        try:
            method = getattr(clip, name)
        except AttributeError as error:
            raise unavailable(ctx, None, error, name)
        ctx.manager.write(method, *args)

    return call


def _view_method(name):
    def call(ctx, clip):
        ctx.manager.write(getattr(clip.view, name))

    return call


def note_number_to_name(ctx, clip, pitch):
    """The name of a MIDI pitch in Live's notation (60 -> C3)."""
    try:
        method = clip.note_number_to_name
    except AttributeError as error:
        raise unavailable(ctx, None, error, "note_number_to_name")
    return (pitch, method(pitch))


def register(reg):
    for kind, base in CLIP_KINDS:
        _register(reg, kind, base)


def _register(reg, kind, base):
    index = "track_id:i clip_id:i " if kind == "clip" else "track_id:i clip_index:i "
    reg.properties(kind, PROPERTIES, prefix=base)
    for name, args, doc, member in METHODS:
        reg.add("%s/%s" % (base, name), "method", kind, _method(name), args=args, doc=doc, members=member)
    for name, doc in VIEW_METHODS:
        reg.add("%s/view/%s" % (base, name), "method", kind, _view_method(name), doc=doc,
                members="Clip.View.%s" % name)
    reg.add(base + "/get/note_number_to_name", "get", kind, note_number_to_name, args="pitch:i",
            reply=index + "pitch:i name:s", doc="The name of a MIDI pitch (60 -> C3)",
            members="Clip.note_number_to_name")
