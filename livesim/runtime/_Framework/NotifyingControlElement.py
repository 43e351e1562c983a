"""``_Framework.NotifyingControlElement``: a control element with a ``value`` event."""
from .ControlElement import ControlElement
from .SubjectSlot import Subject


class NotifyingControlElement(Subject, ControlElement):
    """``add_value_listener``, ``remove_value_listener``, ``value_has_listener``, ``notify_value``."""

    __subject_events__ = ("value",)


class _ValueListeners(object):
    """The value event of an element that keeps ``(listener, identify_sender)`` pairs itself in
    ``_value_listeners`` (its add and remove have work of their own to do)."""

    def value_has_listener(self, listener):
        """Whether ``listener`` is registered."""
        return any(entry[0] == listener for entry in self._value_listeners)

    def value_listener_count(self):
        """How many value listeners there are."""
        return len(self._value_listeners)

    def notify_value(self, value):
        """Call the value listeners."""
        for listener, identify_sender in list(self._value_listeners):
            if identify_sender:
                listener(value, self)
            else:
                listener(value)
