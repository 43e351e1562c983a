"""The model of clip slots (Live.ClipSlot shows it): a slot's clip, group slots, and the slot's edits."""
import os

from Live import _lom
from Live._clip_model import ClipNode, copy_clip

ClipSlotPlayingState = _lom.make_enum("ClipSlot", "ClipSlotPlayingState", {"stopped": 0, "started": 1,
                                                                             "recording": 2})
DBL_MAX = 1.7976931348623157e+308
INT_MIN = -2147483648


class SlotNode(_lom.Node):
    """A clip slot's state: ``SlotNode(world, track)``, its ``parent`` is its track node."""

    # Defaults on the class and Node's __init__ as is: a set has a slot per track and scene.
    clip = None
    has_stop_button = True
    is_triggered = False

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

def create_clip(o, length):
    """Create an empty MIDI clip of ``length`` beats in the slot and return its node."""
    if o.clip is not None:
        raise RuntimeError("Clip slot is not empty")
    if o.parent.kind != "midi":
        raise RuntimeError("Can only create MIDI clips on MIDI tracks")
    if length <= 0.0:
        raise RuntimeError("Invalid clip length")
    clip = ClipNode(o.world, o, is_audio=False, length=length)
    o.put_clip(clip, "Insert Clip")
    return clip


def delete_clip(o):
    """Delete the slot's clip."""
    if o.clip is None:
        raise RuntimeError("No clip in slot")
    o.put_clip(None, "Delete Clip")


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


def fire(o, record_length, launch_quantization, force_legato):
    """Launch the clip, record into an empty armed slot, or act as the stop button."""
    q = None if launch_quantization == INT_MIN else launch_quantization
    rec = None if record_length >= DBL_MAX else float(record_length)
    if rec is not None and o.clip is not None:
        raise RuntimeError("Cannot record into a slot that has a clip")
    o.world.engine.fire_slot(o, quantization=q, record_length=rec, legato=force_legato)


def create_audio_clip(o, path):
    """Create an audio clip referencing a sample file and return its node."""
    if o.clip is not None or o.parent.kind != "audio":
        raise RuntimeError("Can only create audio clips in empty slots of audio tracks")
    clip = ClipNode(o.world, o, is_audio=True, length=4.0)
    clip.file_path = path
    clip.name = os.path.splitext(os.path.basename(path))[0]
    o.put_clip(clip, "Insert Audio Clip")
    return clip
