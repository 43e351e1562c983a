"""``_Framework.ModeSelectorComponent``: buttons that choose one of ``number_of_modes()`` modes.

A subclass says how many modes there are and what each does (in ``update``, reading
``self._mode_index``).  One button per mode selects it (the selected mode's button is lit), or a
toggle button steps through the modes.  Mode index listeners are called after every change.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent


class ModeSelectorComponent(ControlSurfaceComponent):
    """Override ``number_of_modes`` (and ``update`` to apply the mode)."""

    def __init__(self, *a, **k):
        super(ModeSelectorComponent, self).__init__(*a, **k)
        self._modes_buttons = []
        self._mode_toggle = None
        self._mode_listeners = []
        self._mode_index = 0

    def number_of_modes(self):
        """How many modes there are; subclasses say."""
        raise NotImplementedError(self.__class__)

    def mode_index(self):
        """The selected mode."""
        return self._mode_index

    def set_mode(self, mode):
        """Select ``mode`` (0 .. number_of_modes() - 1)."""
        if not (isinstance(mode, int) and 0 <= mode < self.number_of_modes()):
            raise AssertionError("mode out of range: %r" % (mode,))
        if mode != self._mode_index:
            self._mode_index = mode
            self.update()
            self._update_mode_lights()
            for listener in list(self._mode_listeners):
                listener()

    def set_mode_buttons(self, buttons):
        """One button per mode."""
        for button in self._modes_buttons:
            button.remove_value_listener(self._mode_value)
        self._modes_buttons = list(buttons or [])
        for button in self._modes_buttons:
            button.add_value_listener(self._mode_value, identify_sender=True)
        self._update_mode_lights()

    def set_mode_toggle(self, button):
        """A button that steps to the next mode (lit in every mode but the first)."""
        if self._mode_toggle is not None:
            self._mode_toggle.remove_value_listener(self._toggle_value)
        self._mode_toggle = button
        if button is not None:
            button.add_value_listener(self._toggle_value)
        self._update_mode_lights()

    def _mode_value(self, value, sender):
        if self.is_enabled() and (value != 0 or not sender.is_momentary()):
            self.set_mode(self._modes_buttons.index(sender))

    def _toggle_value(self, value):
        if self.is_enabled() and (value != 0 or not self._mode_toggle.is_momentary()):
            self.set_mode((self._mode_index + 1) % self.number_of_modes())

    def _update_mode_lights(self):
        if not self.is_enabled():
            return
        for index, button in enumerate(self._modes_buttons):
            if index == self._mode_index:
                button.turn_on()
            else:
                button.turn_off()
        if self._mode_toggle is not None:
            if self._mode_index > 0:
                self._mode_toggle.turn_on()
            else:
                self._mode_toggle.turn_off()

    def on_enabled_changed(self):
        """Lit again when enabled."""
        self._update_mode_lights()

    # --- mode index listeners ------------------------------------------------------------------
    def add_mode_index_listener(self, listener):
        """Call ``listener()`` after the mode changes."""
        if listener not in self._mode_listeners:
            self._mode_listeners.append(listener)

    def remove_mode_index_listener(self, listener):
        """Stop calling ``listener``."""
        if listener in self._mode_listeners:
            self._mode_listeners.remove(listener)

    def mode_index_has_listener(self, listener):
        """Whether ``listener`` is called on changes."""
        return listener in self._mode_listeners

    def disconnect(self):
        """Stop listening to the buttons."""
        self.set_mode_buttons(None)
        self.set_mode_toggle(None)
        self._mode_listeners = []
        super(ModeSelectorComponent, self).disconnect()
