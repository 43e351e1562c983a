"""``_Framework.ButtonElement``: a button (note or CC) whose light the script sets."""
from .InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE, MIDI_PB_TYPE, InputControlElement  # noqa: F401

ON_VALUE = 127
OFF_VALUE = 0


class ButtonElement(InputControlElement):
    """A momentary or toggle button; ``is_pressed()`` follows the values Live forwards."""

    def __init__(self, is_momentary, msg_type, channel, identifier, *a, **k):
        super(ButtonElement, self).__init__(msg_type, channel, identifier, *a, **k)
        self._is_momentary = bool(is_momentary)
        self._is_pressed = False

    def is_momentary(self):
        """Whether the button sends a release as well as a press."""
        return self._is_momentary

    def is_pressed(self):
        """Whether a momentary button is held down (the last value received was not 0)."""
        return self._is_momentary and self._is_pressed

    def receive_value(self, value):
        """Note the press or release, then call the value listeners."""
        self._is_pressed = value != 0
        super(ButtonElement, self).receive_value(value)

    def turn_on(self):
        """Light the button."""
        self.send_value(ON_VALUE)

    def turn_off(self):
        """Put the button's light out."""
        self.send_value(OFF_VALUE)

    def reset(self):
        """Put the light out."""
        self.turn_off()

    def set_light(self, value):
        """``True``/``False`` turn the light on or off; a number is sent as the value."""
        if value is True:
            self.turn_on()
        elif value is False:
            self.turn_off()
        else:
            self.send_value(value)
