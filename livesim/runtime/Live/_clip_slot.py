"""Live.ClipSlot: a session slot (one per track and scene)."""
import os

from Live import _lom
from Live._lom import method, prop
from Live._clip_model import ClipNode, copy_clip

ClipSlotPlayingState = _lom.make_enum("ClipSlot", "ClipSlotPlayingState", {"stopped": 0, "started": 1,
                                                                             "recording": 2})
DBL_MAX = 1.7976931348623157e+308
_RETURNS_CLIP = _lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5))
INT_MIN = -2147483648


class SlotNode(_lom.Node):
    """A clip slot's state; ``parent`` is its track node."""

    def __init__(self, world, track):
        _lom.Node.__init__(self, world, track, ClipSlot)
        self.clip = None
        self.has_stop_button = True
        self.is_triggered = False

    def children(self):
        return (self.clip,) if self.clip is not None else ()

    @property
    def is_group_slot(self):
        return self.parent.kind == "group"

    def index(self):
        """Scene index of this slot."""
        return self.parent.slots.index(self)

    def put_clip(self, clip, label="clip"):
        """Place (or remove, with None) a clip as one undoable edit; notifies has_clip."""
        old = self.clip
        self._swap(clip)

        def undo():
            self._swap(old)

        def redo():
            self._swap(clip)
        self.world.history.record(undo, redo, label)

    def _swap(self, clip):
        old = self.clip
        if old is clip:
            return
        if old is not None:
            self.world.engine.forget_clip(old)
            _lom.kill(old)
        if clip is not None:
            _lom.revive(clip)
            clip.parent = self
        self.clip = clip
        _lom.notify(self, "has_clip")
        for g in self.group_slots():
            _lom.notify(g, "controls_other_clips")

    def group_slots(self):
        """Slots of the enclosing group tracks in the same row."""
        out = []
        g = self.parent.group
        if g is not None:
            i = self.index()
            while g is not None:
                out.append(g.slots[i])
                g = g.group
        return out

    def child_slots(self):
        i = self.index()
        song = self.world.song_node
        return [t.slots[i] for t in song.tracks if song.is_inside(t, self.parent)]

    def playing_status(self):
        if not self.is_group_slot:
            return ClipSlotPlayingState.stopped
        state = 0
        for s in self.child_slots():
            c = s.clip
            if c is not None and c.is_recording:
                return ClipSlotPlayingState.recording
            if c is not None and c.is_playing:
                state = 1
        return ClipSlotPlayingState.values[state]



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
        if o.clip is not None:
            raise RuntimeError("Clip slot is not empty")
        if o.parent.kind != "midi":
            raise RuntimeError("Can only create MIDI clips on MIDI tracks")
        if length <= 0.0:
            raise RuntimeError("Invalid clip length")
        clip = ClipNode(o.world, o, is_audio=False, length=length)
        o.put_clip(clip, "Insert Clip")
        if not _RETURNS_CLIP(o.world.version):
            return None
        return _lom.wrap(clip)

    @method(edits=True, label="Delete Clip")
    def delete_clip(o):
        """Delete the slot's clip."""
        if o.clip is None:
            raise RuntimeError("No clip in slot")
        o.put_clip(None, "Delete Clip")

    @method("ClipSlot arg2", edits=True, label="Duplicate Clip")
    def duplicate_clip_to(o, target):
        """Copy the clip into ``target`` (same track type; overwrites)."""
        if o.clip is None:
            raise RuntimeError("Source clip slot is empty")
        if o.is_group_slot or target.is_group_slot:
            raise RuntimeError("Cannot duplicate to or from group slots")
        if o.parent.kind != target.parent.kind:
            raise RuntimeError("Source and target tracks have different types")
        if target is o:
            return
        target.put_clip(copy_clip(o.clip, target), "Duplicate Clip")

    @method("float record_length=1.7976931348623157e+308, int launch_quantization=-2147483648, "
            "bool force_legato=False")
    def fire(o, record_length, launch_quantization, force_legato):
        """Launch the clip, record into an empty armed slot, or act as the stop button."""
        q = None if launch_quantization == INT_MIN else launch_quantization
        rec = None if record_length >= DBL_MAX else float(record_length)
        if rec is not None and o.clip is not None:
            raise RuntimeError("Cannot record into a slot that has a clip")
        o.world.engine.fire_slot(o, quantization=q, record_length=rec, legato=force_legato)

    @method()
    def stop(o):
        """Stop the track's playing clip (quantized)."""
        o.world.engine.stop_track(o.parent, quantized=True)

    @method("bool arg2")
    def set_fire_button_state(o, state):
        """Press or release the slot's launch button."""
        if state:
            o.world.engine.fire_slot(o)

    @method("str arg2", edits=True, label="Insert Audio Clip",
            avail=_lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5)))
    def create_audio_clip(o, path):
        """Create an audio clip referencing a sample file."""
        if o.clip is not None or o.parent.kind != "audio":
            raise RuntimeError("Can only create audio clips in empty slots of audio tracks")
        clip = ClipNode(o.world, o, is_audio=True, length=4.0)
        clip.file_path = path
        clip.name = os.path.splitext(os.path.basename(path))[0]
        o.put_clip(clip, "Insert Audio Clip")
        return _lom.wrap(clip)
