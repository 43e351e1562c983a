"""``listens``: a method that listens to an event of whatever object is its ``subject``.

    class Mixer(Component):
        @listens("volume")          # the subject must have add/remove_volume_listener and volume_has_listener
        def _on_volume_changed(self):
            ...

        def set_track(self, track):
            self._on_volume_changed.subject = track.mixer_device   # re-targets; None disconnects

As in Ableton's framework the subject must offer the whole listener triple, ``RuntimeError``
from Live while adding or removing is swallowed (the subject may be gone), and ``disconnect``
(called by the owner's ``disconnect``) removes the listener.
"""
import weakref

_SLOTS_ATTRIBUTE = "_livesim_listener_slots"
_VERBS = ("add_%s_listener", "remove_%s_listener", "%s_has_listener")


def has_listener_api(subject, event):
    """Whether ``subject`` offers the whole listener triple for ``event``."""
    return subject is not None and all(hasattr(subject, verb % event) for verb in _VERBS)


class SubjectSlot(object):
    """One method's connection to its current subject."""

    def __init__(self, owner, event, method):
        self._owner = weakref.ref(owner)
        self.event = event
        self._method = method
        self._subject = None

    def _listener(self):
        owner = self._owner()
        if owner is not None:
            self._method(owner)

    def __call__(self, *a, **k):
        owner = self._owner()
        return self._method(owner, *a, **k)

    @property
    def subject(self):
        """The object listened to (None: none)."""
        return self._subject

    @subject.setter
    def subject(self, subject):
        current = self._subject
        if subject is current or (subject is not None and current is not None and subject == current):
            return  # Live hands out a fresh wrapper per access: compare the objects
        self.disconnect()
        if subject is not None:
            if not has_listener_api(subject, self.event):
                raise AttributeError("%r has no listener API for %r" % (subject, self.event))
            try:
                getattr(subject, "add_%s_listener" % self.event)(self._listener)
            except RuntimeError:
                pass  # Live refused (the subject is gone): nothing is connected
            self._subject = subject

    def is_connected(self):
        """Whether the subject has this listener."""
        subject = self._subject
        if subject is None:
            return False
        try:
            return bool(getattr(subject, "%s_has_listener" % self.event)(self._listener))
        except RuntimeError:
            return False

    def disconnect(self):
        """Stop listening."""
        subject, self._subject = self._subject, None
        if subject is not None:
            try:
                if getattr(subject, "%s_has_listener" % self.event)(self._listener):
                    getattr(subject, "remove_%s_listener" % self.event)(self._listener)
            except RuntimeError:
                pass  # the subject was deleted with its listeners


class _Listens(object):
    def __init__(self, event, method):
        self.event = event
        self.method = method
        self.__doc__ = method.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        slots = instance.__dict__.setdefault(_SLOTS_ATTRIBUTE, {})
        slot = slots.get(self.name)
        if slot is None:
            slot = slots[self.name] = SubjectSlot(instance, self.event, self.method)
        return slot


def listens(event):
    """Decorate a method to listen to ``event`` of the subject assigned to ``method.subject``."""
    return lambda method: _Listens(event, method)


def disconnect_listeners(owner):
    """Disconnect every ``listens`` slot of ``owner``."""
    for slot in owner.__dict__.get(_SLOTS_ATTRIBUTE, {}).values():
        slot.disconnect()
