"""``_Framework.ButtonMatrixElement``: a grid of buttons addressed by (column, row)."""
from .ControlElement import ControlElement
from .SubjectSlot import SubjectEvent, Subject


class ButtonMatrixElement(Subject, ControlElement):
    """Rows of buttons; value listeners are called with ``(value, x, y, is_momentary)``."""

    __subject_events__ = (SubjectEvent(name="value", override=True),)

    def __init__(self, rows=[], *a, **k):
        super(ButtonMatrixElement, self).__init__(*a, **k)
        self._buttons = []
        self._button_coordinates = {}
        self._max_row_width = 0
        self._value_listeners = []
        for row in rows:
            self.add_row(row)

    def add_row(self, buttons):
        """Append a row (a sequence of buttons; None leaves a hole)."""
        y = len(self._buttons)
        self._buttons.append(list(buttons))
        for x, button in enumerate(buttons):
            if button is not None:
                self._button_coordinates[id(button)] = (x, y)
                if self._value_listeners:
                    button.add_value_listener(self._button_value, identify_sender=True)
        self._max_row_width = max(self._max_row_width, len(buttons))

    def width(self):
        """The number of columns (the longest row)."""
        return self._max_row_width

    def height(self):
        """The number of rows."""
        return len(self._buttons)

    def get_button(self, column, row):
        """The button at (column, row), or None for a hole."""
        if not (0 <= row < len(self._buttons)):
            raise IndexError("row out of range")
        buttons = self._buttons[row]
        return buttons[column] if 0 <= column < len(buttons) else None

    def __iter__(self):
        """The buttons row by row (None for a hole), as the framework's setters take them."""
        for y in range(self.height()):
            for x in range(self.width()):
                yield self.get_button(x, y)

    def __getitem__(self, index):
        """Button ``index`` counted row by row."""
        if isinstance(index, slice):
            return list(self)[index]
        width = self.width()
        if not 0 <= index < width * self.height():
            raise IndexError("button index out of range")
        return self.get_button(index % width, index // width)

    def iterbuttons(self):
        """``(button, (x, y))`` for every place of the grid, row by row."""
        for y, row in enumerate(self._buttons):
            for x, button in enumerate(row):
                yield button, (x, y)

    def send_value(self, column, row, value, force=False):
        """Send ``value`` to the button at (column, row)."""
        button = self.get_button(column, row)
        if button is not None:
            button.send_value(value, force)

    def set_light(self, column, row, value):
        """Set the light of the button at (column, row)."""
        button = self.get_button(column, row)
        if button is not None:
            button.set_light(value)

    def reset(self):
        """Put every light out."""
        for button, _ in self.iterbuttons():
            if button is not None:
                button.reset()

    def clear_send_cache(self):
        """Every button sends its next value even if it is the same."""
        for button, _ in self.iterbuttons():
            if button is not None:
                button.clear_send_cache()

    # --- the value event: one listener on every button ---------------------------------------
    def add_value_listener(self, listener, identify_sender=False):
        """Call ``listener(value, x, y, is_momentary)`` when any button sends a value."""
        if self.value_has_listener(listener):
            return
        if not self._value_listeners:
            for button, _ in self.iterbuttons():
                if button is not None:
                    button.add_value_listener(self._button_value, identify_sender=True)
        self._value_listeners.append((listener, identify_sender))

    def remove_value_listener(self, listener):
        """Stop calling ``listener``."""
        for entry in self._value_listeners:
            if entry[0] == listener:
                self._value_listeners.remove(entry)
                break
        if not self._value_listeners:
            for button, _ in self.iterbuttons():
                if button is not None and button.value_has_listener(self._button_value):
                    button.remove_value_listener(self._button_value)

    def value_has_listener(self, listener):
        """Whether ``listener`` is registered."""
        return any(entry[0] == listener for entry in self._value_listeners)

    def value_listener_count(self):
        """How many value listeners there are."""
        return len(self._value_listeners)

    def notify_value(self, value, x, y, is_momentary):
        """Call the value listeners."""
        for listener, identify_sender in list(self._value_listeners):
            if identify_sender:
                listener(value, x, y, is_momentary, self)
            else:
                listener(value, x, y, is_momentary)

    def _button_value(self, value, sender):
        x, y = self._button_coordinates[id(sender)]
        self.notify_value(value, x, y, sender.is_momentary())

    def disconnect(self):
        """Stop listening to the buttons."""
        for listener, _ in list(self._value_listeners):
            self.remove_value_listener(listener)
        super(ButtonMatrixElement, self).disconnect()
