"""Live.ClipSlot: a session slot (one per track and scene); its state and rules are in Live._clip_slot_model."""
from Live import _lom
from Live._lom import method, prop
from Live import _clip_slot_model as model
from Live._clip_slot_model import ClipSlotPlayingState, SlotNode  # noqa: F401  (the enum is Live.ClipSlot's)

# Clip-creating calls return the clip from 11.3.25 on, except in 12.0 before 12.0.5.
_RETURNS_CLIP = _lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5))


class ClipSlot(_lom.LomObject):
    """A slot of the session grid."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    clip = prop("Clip", get=lambda o: _lom.wrap(o.clip))
    has_clip = prop("bool", observe=True, get=lambda o: o.clip is not None)
    has_stop_button = prop("bool", set=True, observe=True)
    is_playing = prop("bool", get=lambda o: o.clip is not None and o.clip.is_playing)
    is_recording = prop("bool", get=lambda o: o.clip is not None and o.clip.is_recording)
    is_triggered = prop("bool", observe=True)
    playing_status = prop(ClipSlotPlayingState, observe=True, get=lambda o: o.playing_status())
    is_group_slot = prop("bool", get=lambda o: o.is_group_slot)
    controls_other_clips = prop("bool", observe=True,
                                get=lambda o: o.is_group_slot and any(s.clip is not None for s in o.child_slots()))
    color = prop("int", observe=True, get=lambda o: o.parent.color if o.is_group_slot else 0)
    color_index = prop("int", observe=True, get=lambda o: o.parent.color_index if o.is_group_slot else 0)
    will_record_on_start = prop("bool", get=lambda o: o.clip is None and o.parent.kind in ("midi", "audio")
                                and bool(o.parent.arm))

    @method("float arg2", edits=True, label="Insert Clip")
    def create_clip(o, length):
        """Create an empty MIDI clip of ``length`` beats (the Clip on 11.3.25+/12.0.5+, else None)."""
        clip = model.create_clip(o, length)
        return _lom.wrap(clip) if _RETURNS_CLIP(o.world.version) else None

    @method(edits=True, label="Delete Clip")
    def delete_clip(o):
        """Delete the slot's clip."""
        model.delete_clip(o)

    @method("ClipSlot arg2", edits=True, label="Duplicate Clip")
    def duplicate_clip_to(o, target):
        """Copy the clip into ``target`` (same track type; overwrites)."""
        model.duplicate_clip_to(o, target)

    @method("float record_length=1.7976931348623157e+308, int launch_quantization=-2147483648, "
            "bool force_legato=False")
    def fire(o, record_length, launch_quantization, force_legato):
        """Launch the clip, record into an empty armed slot, or act as the stop button."""
        model.fire(o, record_length, launch_quantization, force_legato)

    @method()
    def stop(o):
        """Stop the track's playing clip (quantized)."""
        o.world.engine.stop_track(o.parent, quantized=True)

    @method("bool arg2")
    def set_fire_button_state(o, state):
        """Press or release the slot's launch button."""
        if state:
            o.world.engine.fire_slot(o)

    @method("str arg2", edits=True, label="Insert Audio Clip", avail=_RETURNS_CLIP)
    def create_audio_clip(o, path):
        """Create an audio clip referencing a sample file."""
        return _lom.wrap(model.create_audio_clip(o, path))


SlotNode.cls = ClipSlot
