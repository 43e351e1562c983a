"""/live/clip_slot/*: the cells of the session grid."""

from .objects import CLIP_SLOT
from .registry import Prop

PROPERTIES = [
    Prop("has_clip", "b", "gl"),
    Prop("controls_other_clips", "b", "gl"),
    Prop("is_group_slot", "b", "gl"),
    Prop("is_playing", "b", "gl"),
    Prop("is_triggered", "b", "gl"),
    Prop("playing_status", "i", "gl", doc="Group slots: 0 stopped, 1 playing, 2 recording"),
    Prop("will_record_on_start", "b", "gl"),
    Prop("has_stop_button", "b"),
]


def fire(ctx, slot):
    ctx.manager.write(slot.fire)


def stop(ctx, slot):
    ctx.manager.write(slot.stop)


def create_clip(ctx, slot, length):
    ctx.manager.write(slot.create_clip, length)


def delete_clip(ctx, slot):
    ctx.manager.write(slot.delete_clip)


def duplicate_clip_to(ctx, slot, target_track, target_clip):
    (echo, target), = CLIP_SLOT.resolve(ctx.song, (target_track, target_clip))
    ctx.manager.write(slot.duplicate_clip_to, target)


# ---------------------------------------------------------------------- beyond upstream

MODEL_PROPERTIES = [
    Prop("color", "i", "gl", strict=True, doc="A group slot's colour (0x00RRGGBB)"),
    Prop("color_index", "i", "gl", strict=True, doc="A group slot's colour index"),
    Prop("is_recording", "b", "g", strict=True),
]


def set_fire_button_state(ctx, slot, state):
    slot.set_fire_button_state(state)


def create_audio_clip(ctx, slot, file_path):
    ctx.manager.write(slot.create_audio_clip, file_path)


def register_model(reg):
    """ClipSlot beyond upstream."""
    reg.properties("clip_slot", MODEL_PROPERTIES)
    reg.add("/live/clip_slot/set_fire_button_state", "method", "clip_slot", set_fire_button_state, args="pressed:b",
            members="ClipSlot.set_fire_button_state",
            doc="Hold (1) or release (0) the slot's launch button, for launch modes like gate and toggle")
    reg.add("/live/clip_slot/create_audio_clip", "method", "clip_slot", create_audio_clip, args="file_path:s",
            since=(11, 3, 25), members="ClipSlot.create_audio_clip",
            doc="Create an audio clip from a sample file (absent in Live 12.0.0)")


def register(reg):
    reg.add("/live/clip_slot/fire", "method", "clip_slot", fire,
            doc="Launch the slot (on an armed track's empty slot: record)", members="ClipSlot.fire")
    reg.add("/live/clip_slot/stop", "method", "clip_slot", stop, doc="Stop the slot's track", members="ClipSlot.stop")
    reg.add("/live/clip_slot/create_clip", "method", "clip_slot", create_clip, args="length:f",
            doc="Create an empty MIDI clip of a length in beats", members="ClipSlot.create_clip")
    reg.add("/live/clip_slot/delete_clip", "method", "clip_slot", delete_clip, doc="Delete the slot's clip", members="ClipSlot.delete_clip")
    reg.properties("clip_slot", PROPERTIES)
    reg.add("/live/clip_slot/duplicate_clip_to", "method", "clip_slot", duplicate_clip_to,
            args="target_track_id:T target_clip_id:i", doc="Copy the clip to another slot (overwriting it)",
            members="ClipSlot.duplicate_clip_to")
    register_model(reg)
