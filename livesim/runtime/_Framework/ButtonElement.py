"""``_Framework.ButtonElement``: a button (note or CC) whose light the script sets."""
from .InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE, MIDI_PB_TYPE, InputControlElement  # noqa: F401
from .Skin import Skin
from .Util import in_range

ON_VALUE = 127
OFF_VALUE = 0


class Color(object):
    """A light drawn by sending ``midi_value``."""

    def __init__(self, midi_value=0, *a, **k):
        super(Color, self).__init__(*a, **k)
        self.midi_value = midi_value

    def draw(self, interface):
        """Show the colour on ``interface`` (a button)."""
        interface.send_value(self.midi_value)


class ButtonElement(InputControlElement):
    """A momentary or toggle button; ``is_pressed()`` follows the values Live forwards.

    ``set_light`` takes True/False, a value 0-127, a colour (``draw``) or the name of a colour
    of the button's ``skin``.
    """

    def __init__(self, is_momentary, msg_type, channel, identifier, skin=None, *a, **k):
        super(ButtonElement, self).__init__(msg_type, channel, identifier, *a, **k)
        self._is_momentary = bool(is_momentary)
        self._is_pressed = False
        self._skin = skin if skin is not None else Skin()

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
        """``True``/``False`` turn the light on or off, a number is sent, a colour drawn, a name
        looked up in the skin (SkinColorMissingError if it lacks it)."""
        if value is True:
            self.turn_on()
        elif value is False:
            self.turn_off()
        elif hasattr(value, "draw"):
            value.draw(self)
        elif in_range(value, 0, 128):
            self.send_value(value)
        else:
            self._skin[value].draw(self)
