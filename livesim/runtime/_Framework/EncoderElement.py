"""``_Framework.EncoderElement``: a continuous controller (knob/fader) with a map mode."""
from .InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE, MIDI_PB_TYPE, InputControlElement  # noqa: F401


class EncoderElement(InputControlElement):
    """An InputControlElement with a Live.MidiMap.MapMode."""

    def __init__(self, msg_type, channel, identifier, map_mode, encoder_sensitivity=None, *a, **k):
        super(EncoderElement, self).__init__(msg_type, channel, identifier, *a, **k)
        self._map_mode = map_mode
        self._encoder_sensitivity = encoder_sensitivity

    def message_map_mode(self):
        """The map mode given at construction."""
        return self._map_mode
