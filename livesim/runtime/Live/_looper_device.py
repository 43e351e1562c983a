"""Live.LooperDevice: Looper's transport, its buffer and export to a clip, a view on Live._looper_model."""
from Live._device_class import chooser, flag, names
from Live._lom import method, prop
from Live._device import Device
from Live._looper_model import (
    RECORD_LENGTHS, STOP, LooperNode, clear, export_to_clip_slot, overdub, play, record, resize, undo_layer)


class LooperDevice(Device):
    """Looper."""

    __slots__ = ()
    loop_length = prop("float", observe=True)
    tempo = prop("float", observe=True)
    record_length_list = names(RECORD_LENGTHS)
    record_length_index = chooser("record_length_list")
    overdub_after_record = flag()

    @method()
    def record(o):
        """Record incoming audio (an empty Looper starts a new buffer at the song's tempo)."""
        record(o)

    @method()
    def overdub(o):
        """Play back while adding layers."""
        overdub(o)

    @method()
    def play(o):
        """Play back without overdubbing."""
        play(o)

    @method()
    def stop(o):
        """Stop playback."""
        o.set_state(STOP)

    @method()
    def clear(o):
        """Erase the recorded content."""
        clear(o)

    @method()
    def undo(o):
        """Erase what was overdubbed since the last overdub began; again: bring it back."""
        undo_layer(o)

    @method()
    def double_length(o):
        """Double the buffer (its content plays twice)."""
        resize(o, 2.0)

    @method()
    def half_length(o):
        """Keep the first half of the buffer."""
        resize(o, 0.5)

    @method()
    def double_speed(o):
        """Play twice as fast (the buffer lasts half as many beats)."""
        resize(o, 0.5, speed=True)

    @method()
    def half_speed(o):
        """Play half as fast (the buffer lasts twice as many beats)."""
        resize(o, 2.0, speed=True)

    @method("ClipSlot arg2", edits=True, label="Export Looper")
    def export_to_clip_slot(o, slot):
        """Put the buffer into an empty clip slot of an audio track, as an audio clip."""
        export_to_clip_slot(o, slot)


LooperNode.cls = LooperDevice  # handles of Looper nodes are Live.LooperDevice.LooperDevice
