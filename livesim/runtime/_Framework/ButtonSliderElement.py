"""``_Framework.ButtonSliderElement``: a row of buttons acting as one slider.

Mapped to a parameter (``connect_to``), pressing button ``i`` of ``n`` sets the parameter to
``i / (n - 1)`` of its range; the buttons up to the parameter's value are lit and follow it.
The buttons' MIDI goes to the script; the parameter is set by the element, not by Live's map.
"""
from .InputControlElement import MIDI_INVALID_TYPE
from .SliderElement import SliderElement
from .SubjectSlot import SubjectSlot


class ButtonSliderElement(SliderElement):
    """``buttons``: the buttons from the minimum to the maximum."""

    def __init__(self, buttons, *a, **k):
        super(ButtonSliderElement, self).__init__(MIDI_INVALID_TYPE, 0, 0, *a, **k)
        self._buttons = list(buttons)
        self._parameter_slot = SubjectSlot(listener=self._on_parameter_changed, event="value")
        for button in self._buttons:
            button.add_value_listener(self._button_value, identify_sender=True)

    def message_map_mode(self):
        """A button slider is never mapped by Live."""
        raise AssertionError("a ButtonSliderElement is not mapped through Live's MIDI map")

    def install_connections(self, install_translation_callback, install_mapping_callback,
                            install_forwarding_callback):
        """Nothing of its own to install: its buttons are forwarded."""

    def connect_to(self, parameter):
        """Let the buttons set ``parameter`` and show its value."""
        self._parameter = parameter
        self._parameter_slot.subject = parameter
        self._on_parameter_changed()

    def release_parameter(self):
        """Let go of the parameter."""
        self._parameter = None
        self._parameter_slot.subject = None

    def _button_value(self, value, sender):
        parameter = self._parameter
        if value == 0 or parameter is None or not parameter.is_enabled:
            return
        index = self._buttons.index(sender)
        steps = max(1, len(self._buttons) - 1)
        parameter.value = parameter.min + (parameter.max - parameter.min) * index / float(steps)
        self.notify_value(int(round(127.0 * index / steps)))

    def _on_parameter_changed(self):
        parameter = self._parameter
        if parameter is None:
            return
        span = parameter.max - parameter.min
        self.send_value(int(round(127.0 * (parameter.value - parameter.min) / span)) if span else 0)

    def send_value(self, value, force=False):
        """Light the buttons up to the one standing for ``value`` (0-127)."""
        last = int(round((len(self._buttons) - 1) * value / 127.0))
        for index, button in enumerate(self._buttons):
            if index <= last:
                button.turn_on()
            else:
                button.turn_off()

    def disconnect(self):
        """Stop listening to the buttons and the parameter."""
        self._parameter_slot.disconnect()
        for button in self._buttons:
            button.remove_value_listener(self._button_value)
        super(ButtonSliderElement, self).disconnect()
