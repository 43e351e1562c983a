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
