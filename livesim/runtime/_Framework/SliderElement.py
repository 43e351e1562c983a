"""``_Framework.SliderElement``: a fader or knob sending absolute CC (or pitch bend) values."""
from .InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE, MIDI_PB_TYPE, InputControlElement  # noqa: F401


class SliderElement(InputControlElement):
    """An absolute control; a note cannot be a slider."""

    def __init__(self, msg_type, channel, identifier, *a, **k):
        if msg_type == MIDI_NOTE_TYPE:
            raise AssertionError("a SliderElement is a CC or pitch bend control")
        super(SliderElement, self).__init__(msg_type, channel, identifier, *a, **k)
