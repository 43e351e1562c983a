"""``_Framework.ComboElement``: a control that counts only while its modifiers are held.

``ComboElement(play_button, modifiers=[shift])`` is the play button while shift is held: its
value event fires, its light can be set and a parameter given to ``connect_to`` is mapped only
then (``negative_modifiers`` must all be up).  Anything else is asked of the wrapped control.
"""
from .NotifyingControlElement import NotifyingControlElement, _ValueListeners


class ComboElement(_ValueListeners, NotifyingControlElement):
    """``control`` gated by ``modifiers`` (all held) and ``negative_modifiers`` (all up)."""

    def __init__(self, control=None, modifiers=[], negative_modifiers=[], *a, **k):
        super(ComboElement, self).__init__(*a, **k)
        self._wrapped_control = control
        self._modifiers = list(modifiers)
        self._negative_modifiers = list(negative_modifiers)
        self._value_listeners = []
        self._parameter = None
        self._mapped = None
        self._was_active = self.is_active()
        for modifier in self._modifiers + self._negative_modifiers:
            modifier.add_value_listener(self._on_modifier_value)

    @property
    def wrapped_control(self):
        """The control gated."""
        return self._wrapped_control

    def is_active(self):
        """Whether every modifier is held and every negative modifier up."""
        return (all(m.is_pressed() for m in self._modifiers) and
                not any(m.is_pressed() for m in self._negative_modifiers))

    def __getattr__(self, name):
        control = self.__dict__.get("_wrapped_control")
        if control is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(control, name)

    def install_connections(self, install_translation_callback, install_mapping_callback,
                            install_forwarding_callback):
        """Nothing of its own: the wrapped control installs its mapping or forwarding."""

    # --- the value event, passed on while active ---------------------------------------------
    def add_value_listener(self, listener, identify_sender=False):
        """Call ``listener(value)`` (``listener(value, self)``) for the control's values while active."""
        if not self.value_has_listener(listener):
            if not self._value_listeners:
                self._wrapped_control.add_value_listener(self._on_control_value)
            self._value_listeners.append((listener, identify_sender))

    def remove_value_listener(self, listener):
        """Stop calling ``listener``."""
        self._value_listeners = [entry for entry in self._value_listeners if entry[0] != listener]
        if not self._value_listeners and self._wrapped_control.value_has_listener(self._on_control_value):
            self._wrapped_control.remove_value_listener(self._on_control_value)

    def _on_control_value(self, value):
        if self.is_active():
            self.notify_value(value)

    # --- lights and parameters, only while active --------------------------------------------
    def send_value(self, value, force=False):
        """Send ``value`` to the control while active."""
        if self.is_active():
            self._wrapped_control.send_value(value, force)

    def set_light(self, value):
        """Set the control's light while active."""
        if self.is_active():
            self._wrapped_control.set_light(value)

    def turn_on(self):
        """Light the control while active."""
        self.set_light(True)

    def turn_off(self):
        """Put the control's light out while active."""
        self.set_light(False)

    def connect_to(self, parameter):
        """Map the control to ``parameter`` while the modifiers are held."""
        self._parameter = parameter
        self._apply_parameter()

    def release_parameter(self):
        """Unmap."""
        self._parameter = None
        self._apply_parameter()

    def mapped_parameter(self):
        """The parameter (mapped while active)."""
        return self._parameter

    def _apply_parameter(self):
        control = self._wrapped_control
        if self._parameter is not None and self.is_active():
            control.connect_to(self._parameter)
            self._mapped = self._parameter
        elif self._mapped is not None:
            # Let go only of our own mapping: another combo on the control may hold it now.
            if control.mapped_parameter() == self._mapped:
                control.release_parameter()
            self._mapped = None

    def _on_modifier_value(self, value):
        active = self.is_active()
        if active != self._was_active:
            self._was_active = active
            self._apply_parameter()

    def disconnect(self):
        """Stop listening to the control and the modifiers."""
        for modifier in self._modifiers + self._negative_modifiers:
            if modifier.value_has_listener(self._on_modifier_value):
                modifier.remove_value_listener(self._on_modifier_value)
        for listener, _ in list(self._value_listeners):
            self.remove_value_listener(listener)
        super(ComboElement, self).disconnect()
