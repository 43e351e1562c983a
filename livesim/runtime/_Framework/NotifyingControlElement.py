"""``_Framework.NotifyingControlElement``: a control element with a ``value`` event."""
from .ControlElement import ControlElement
from .SubjectSlot import Subject


class NotifyingControlElement(Subject, ControlElement):
    """``add_value_listener``, ``remove_value_listener``, ``value_has_listener``, ``notify_value``."""

    __subject_events__ = ("value",)
