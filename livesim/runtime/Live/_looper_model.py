"""The model of Looper (Live.LooperDevice shows it): its transport (record, overdub, play, stop), buffer and export.

The "State" parameter tells what Looper does (0 stop, 1 record, 2 play, 3 overdub), as in Live.
While it records, the buffer grows with engine time (``World.engine`` ticks it); with a fixed
record length it switches to overdub or play when that length is reached.  ``loop_length`` is in
beats at the buffer's ``tempo``, which recording takes from the song.  Live._looper_device sets
``LooperNode.cls`` (the public class its handles have).
"""
from Live._device_class_model import ClassNode
from Live._lom import set_value
from Live._clip_model import ClipNode

STOP, RECORD, PLAY, OVERDUB = 0, 1, 2, 3
RECORD_LENGTHS = ("x", "1 Bar", "2 Bars", "4 Bars", "8 Bars", "16 Bars", "32 Bars", "64 Bars")
BARS = (None, 1, 2, 4, 8, 16, 32, 64)
EMPTY_TEXT = "Looper is empty"


class LooperNode(ClassNode):
    """Looper's buffer: its length in beats, tempo, layers for undo."""

    first_version = (12, 0, 0)
    defaults = {"record_length_index": 0, "overdub_after_record": True}

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        self.loop_length = 0.0
        self.tempo = 120.0
        self.layers = []          # lengths saved when overdubbing began (undo restores the last)
        self.undone = None

    def state(self):
        p = self.state_param()
        return int(p.value) if p is not None else STOP

    def state_param(self):
        for p in self.parameters:
            if p.name == "State":
                return p
        return None

    def set_state(self, state):
        p = self.state_param()
        if p is not None and int(p.value) != state:
            p.set(float(state))
        engine = self.world.engine
        if state == RECORD:
            engine.tickers.add(self.tick)
        else:
            engine.tickers.discard(self.tick)

    def tick(self, seconds):
        """Grow the buffer while recording; end a fixed-length recording."""
        if self.dead or self.state() != RECORD:
            self.world.engine.tickers.discard(self.tick)
            return
        beats = seconds * self.world.song_node.tempo / 60.0
        length = self.loop_length + beats
        bars = BARS[self.record_length_index]
        limit = None if bars is None else bars * 4.0
        if limit is not None and length >= limit:
            set_value(self, "loop_length", limit, undo=False)
            self.set_state(OVERDUB if self.overdub_after_record else PLAY)
            return
        set_value(self, "loop_length", round(length, 9), undo=False)


def _need_content(o):
    if o.loop_length <= 0.0:
        raise RuntimeError(EMPTY_TEXT)


def resize(o, factor, speed=False):
    """Scale the buffer's length by ``factor``; with ``speed`` its tempo follows (the content plays faster)."""
    _need_content(o)
    set_value(o, "loop_length", o.loop_length * factor, undo=False)
    if speed:
        set_value(o, "tempo", o.tempo / factor, undo=False)


def record(o):
    """Record incoming audio (an empty Looper starts a new buffer at the song's tempo)."""
    if o.loop_length <= 0.0:
        set_value(o, "tempo", float(o.world.song_node.tempo), undo=False)
    o.set_state(RECORD)


def overdub(o):
    """Play back while adding layers."""
    _need_content(o)
    o.layers.append(o.loop_length)
    o.undone = None
    o.set_state(OVERDUB)


def play(o):
    """Play back without overdubbing."""
    _need_content(o)
    o.set_state(PLAY)


def clear(o):
    """Erase the recorded content."""
    o.layers = []
    o.undone = None
    set_value(o, "loop_length", 0.0, undo=False)
    o.set_state(STOP)


def undo_layer(o):
    """Erase what was overdubbed since the last overdub began; again: bring it back."""
    if o.undone is not None:
        o.layers.append(o.undone)
        o.undone = None
    elif o.layers:
        o.undone = o.layers.pop()


def export_to_clip_slot(o, slot):
    """Put the buffer into an empty clip slot of an audio track, as an audio clip."""
    _need_content(o)
    if slot.clip is not None:
        raise RuntimeError("Clip slot is not empty")
    if slot.parent.kind != "audio":
        raise RuntimeError("Can only export to audio tracks")
    clip = ClipNode(o.world, slot, is_audio=True, length=o.loop_length, name=o.name)
    slot.put_clip(clip, "Export Looper")
