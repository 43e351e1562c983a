"""``_Framework.ToggleComponent``: a button that toggles a boolean property and shows its state."""
from .ControlSurfaceComponent import ControlSurfaceComponent
from .SubjectSlot import SubjectSlot, subject_slot


def _identity(value):
    return value


class ToggleComponent(ControlSurfaceComponent):
    """Toggles ``subject.<property_name>``; a momentary one holds it on while the button is held.

    ``model_transform`` maps the value the button asks for before it is set (``const(True)``
    makes a play button that never stops), ``view_transform`` the property's value before it
    is shown on the button (``set_light``).
    """

    def __init__(self, property_name=None, subject=None, is_momentary=False, model_transform=None,
                 view_transform=None, *a, **k):
        super(ToggleComponent, self).__init__(*a, **k)
        self._property_name = property_name
        self.is_momentary = is_momentary
        self.model_transform = model_transform or _identity
        self.view_transform = view_transform or _identity
        self._subject_slot = self.register_slot(SubjectSlot(listener=self._on_property_changed,
                                                            event=property_name))
        self.subject = subject

    @property
    def subject(self):
        """The object whose property is toggled."""
        return self._subject_slot.subject

    @subject.setter
    def subject(self, subject):
        self._subject_slot.subject = subject
        self.update()

    def set_subject(self, subject):
        """Toggle ``subject``'s property from now on."""
        self.subject = subject

    @property
    def value(self):
        """The property's current value (False without a subject)."""
        subject = self.subject
        return bool(getattr(subject, self._property_name)) if subject is not None else False

    @value.setter
    def value(self, value):
        setattr(self.subject, self._property_name, value)

    def set_toggle_button(self, button):
        """The button that toggles the property and shows it."""
        self._on_button_value.subject = button
        self.update()

    @subject_slot("value")
    def _on_button_value(self, value):
        if not self.is_enabled() or self.subject is None:
            return
        button = self._on_button_value.subject
        if self.is_momentary:
            self.value = self.model_transform(value != 0)
        elif value != 0 or not button.is_momentary():
            self.value = self.model_transform(not self.value)

    def _on_property_changed(self):
        self.update()

    def update(self):
        """Show the property's value on the button."""
        button = self._on_button_value.subject
        if self.is_enabled() and button is not None:
            button.set_light(self.view_transform(self.value))
