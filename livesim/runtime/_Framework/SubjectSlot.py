"""``_Framework.SubjectSlot``: events of framework objects and the slots that listen to them.

A ``Subject`` class names its events in ``__subject_events__`` (strings or ``SubjectEvent``s);
for each event ``x`` it gets ``add_x_listener(listener, identify_sender=False)``,
``remove_x_listener``, ``x_has_listener``, ``x_listener_count`` and ``notify_x(*args)``, the
same triple Live's own objects offer.  A ``SubjectSlot`` connects one listener to the event of
whatever subject it is given (a framework object or a Live object); ``subject_slot(event)``
makes a method such a slot (``self._on_x.subject = song``), ``subject_slot_group(event)`` one
that listens to many subjects and is called with the sender last.  A ``SlotManager`` owns its
slots and disconnects them in ``disconnect``.
"""
import functools


class SubjectSlotError(Exception):
    """A subject lacks the event a slot listens to."""


class SubjectEvent(object):
    """An event of a ``Subject``; ``override`` keeps listener methods the class defines itself."""

    def __init__(self, name=None, doc="", signal=None, override=False, *a, **k):
        super(SubjectEvent, self).__init__(*a, **k)
        self.name = name
        self.doc = doc
        self.signal = signal
        self.override = override


def _listeners(subject, name):
    table = subject.__dict__.get("_subject_listeners")
    if table is None:
        table = subject.__dict__["_subject_listeners"] = {}
    return table.setdefault(name, [])


def _event_methods(name):
    def add(self, listener, identify_sender=False):
        entries = _listeners(self, name)
        if any(entry[0] == listener for entry in entries):
            raise RuntimeError("Listener already added")
        entries.append((listener, identify_sender))

    def remove(self, listener):
        entries = _listeners(self, name)
        for entry in entries:
            if entry[0] == listener:
                entries.remove(entry)
                return
        raise RuntimeError("Listener not connected")

    def has(self, listener):
        return any(entry[0] == listener for entry in _listeners(self, name))

    def count(self):
        return len(_listeners(self, name))

    def notify(self, *a, **k):
        for listener, identify_sender in list(_listeners(self, name)):
            if identify_sender:
                listener(*(a + (self,)), **k)
            else:
                listener(*a, **k)

    add.__doc__ = "Call ``listener`` on every %s event (with the sender last if ``identify_sender``)." % name
    remove.__doc__ = "Stop calling ``listener`` on %s events." % name
    has.__doc__ = "Whether ``listener`` listens to %s events." % name
    count.__doc__ = "How many listeners the %s event has." % name
    notify.__doc__ = "Call every %s listener with the arguments given." % name
    return (("add_%s_listener", add), ("remove_%s_listener", remove), ("%s_has_listener", has),
            ("%s_listener_count", count), ("notify_%s", notify))


class SubjectMeta(type):
    """Adds the listener methods of every event in ``__subject_events__``."""

    def __new__(mcs, name, bases, dct):
        for event in dct.get("__subject_events__", ()):
            if not isinstance(event, SubjectEvent):
                event = SubjectEvent(name=event)
            for pattern, method in _event_methods(event.name):
                method_name = pattern % event.name
                if not (event.override and method_name in dct):
                    method.__name__ = method_name
                    dct[method_name] = method
        return super(SubjectMeta, mcs).__new__(mcs, name, bases, dct)


class Subject(SubjectMeta("_SubjectBase", (object,), {})):
    """An object with events; ``disconnect`` drops every listener."""

    def disconnect(self):
        """Forget the listeners of all events, then disconnect further up."""
        self.__dict__.pop("_subject_listeners", None)
        parent = getattr(super(Subject, self), "disconnect", None)
        if parent is not None:
            parent()


def _same(a, b):
    # Live hands out a fresh wrapper per access: compare the objects.
    return a is b or (a is not None and b is not None and a == b)


class SubjectSlot(object):
    """Connects ``listener`` to ``event`` of ``subject`` (None: not connected)."""

    def __init__(self, subject=None, listener=None, event=None, extra_kws=None, extra_args=None, *a, **k):
        super(SubjectSlot, self).__init__(*a, **k)
        if event is None:
            raise SubjectSlotError("a subject slot needs an event")
        self._event = event
        self._listener = listener
        self._extra_kws = extra_kws or {}
        self._extra_args = tuple(extra_args or ())
        self._subject = None
        self._is_connected = False
        self.subject = subject

    def _verbs(self, subject):
        names = ("add_%s_listener", "remove_%s_listener", "%s_has_listener")
        methods = [getattr(subject, name % self._event, None) for name in names]
        if None in methods:
            raise SubjectSlotError("Subject %r missing event: %s" % (subject, self._event))
        return methods

    @property
    def event(self):
        """The event listened to."""
        return self._event

    @property
    def listener(self):
        """The callable the event calls."""
        return self._listener

    @listener.setter
    def listener(self, listener):
        was_connected = self._is_connected
        self.disconnect_subject_listener()
        self._listener = listener
        if was_connected:
            self.connect()

    @property
    def subject(self):
        """The object listened to."""
        return self._subject

    @subject.setter
    def subject(self, subject):
        if _same(subject, self._subject):
            return
        if subject is not None:
            self._verbs(subject)  # refuse a subject without the event before letting go of the old one
        self.disconnect()
        self._subject = subject
        self.connect()

    @property
    def is_connected(self):
        """Whether the listener is installed on the subject."""
        return self._is_connected

    def connect(self):
        """Install the listener on the subject (if both are set)."""
        if self._is_connected or self._subject is None or self._listener is None:
            return
        add, _, _ = self._verbs(self._subject)
        try:
            add(self._listener, *self._extra_args, **self._extra_kws)
        except RuntimeError:
            return  # Live refused: the subject is gone
        self._is_connected = True

    def disconnect_subject_listener(self):
        """Take the listener off the subject, keeping the subject."""
        if not self._is_connected:
            return
        self._is_connected = False
        _, remove, has = self._verbs(self._subject)
        try:
            if has(self._listener):
                remove(self._listener)
        except RuntimeError:
            pass  # the subject was deleted with its listeners

    soft_disconnect = disconnect_subject_listener

    def disconnect(self):
        """Stop listening and forget the subject."""
        self.disconnect_subject_listener()
        self._subject = None


class SubjectSlotGroup(object):
    """One listener on the same event of many subjects; it is called with the sender's identifier last."""

    def __init__(self, listener=None, event=None, extra_kws=None, extra_args=None, *a, **k):
        super(SubjectSlotGroup, self).__init__(*a, **k)
        self._event = event
        self._listener = listener
        self._extra_kws = extra_kws
        self._extra_args = extra_args
        self._slots = []

    @property
    def listener(self):
        """The callable every subject's event calls."""
        return self._listener

    @listener.setter
    def listener(self, listener):
        self._listener = listener

    def _fired(self, identifier, *a, **k):
        if self._listener is not None:
            self._listener(*(a + (identifier,)), **k)

    def add_subject(self, subject, identifier=None):
        """Listen to ``subject`` too; the listener gets ``identifier`` (default: the subject)."""
        if identifier is None:
            identifier = subject
        self._slots.append(SubjectSlot(subject=subject, listener=functools.partial(self._fired, identifier),
                                       event=self._event, extra_kws=self._extra_kws, extra_args=self._extra_args))

    def remove_subject(self, subject):
        """Stop listening to ``subject``."""
        for slot in self._slots:
            if _same(slot.subject, subject):
                slot.disconnect()
                self._slots.remove(slot)
                return

    def has_subject(self, subject):
        """Whether ``subject`` is listened to."""
        return any(_same(slot.subject, subject) for slot in self._slots)

    def replace_subjects(self, subjects, identifiers=None):
        """Listen to ``subjects`` (paired with ``identifiers``) instead of the current ones."""
        self.disconnect()
        subjects = list(subjects)
        identifiers = list(identifiers) if identifiers is not None else [None] * len(subjects)
        for subject, identifier in zip(subjects, identifiers):
            if subject is not None:
                self.add_subject(subject, identifier)

    @property
    def subjects(self):
        """The subjects listened to."""
        return [slot.subject for slot in self._slots]

    def disconnect(self):
        """Stop listening to every subject."""
        for slot in self._slots:
            slot.disconnect()
        self._slots = []


class SlotManager(object):
    """Owns subject slots (and other managers) and disconnects them in ``disconnect``."""

    def __init__(self, *a, **k):
        super(SlotManager, self).__init__(*a, **k)
        self._registered_subject_slots = []

    def register_slot(self, *a, **k):
        """Register a slot (or build one from ``SubjectSlot``'s arguments); returns it."""
        slot = a[0] if len(a) == 1 and not k and isinstance(a[0], (SubjectSlot, SubjectSlotGroup)) \
            else SubjectSlot(*a, **k)
        self._registered_subject_slots.append(slot)
        return slot

    def register_slot_manager(self, manager):
        """Disconnect ``manager`` with this one; returns it."""
        self._registered_subject_slots.append(manager)
        return manager

    def disconnect(self):
        """Disconnect every registered slot, then disconnect further up."""
        for slot in self._registered_subject_slots:
            slot.disconnect()
        self._registered_subject_slots = []
        parent = getattr(super(SlotManager, self), "disconnect", None)
        if parent is not None:
            parent()


class _SlotDescriptor(object):
    """The per-instance slot behind a decorated method (made and registered on first access)."""

    def __init__(self, event, method, factory, extra_kws, extra_args):
        self.event = event
        self.method = method
        self.factory = factory
        self.extra_kws = extra_kws
        self.extra_args = extra_args
        self.__doc__ = method.__doc__
        self.name = method.__name__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        key = "_slot_" + self.name
        slot = instance.__dict__.get(key)
        if slot is None:
            slot = self.factory(self, instance)
            instance.__dict__[key] = slot
            register = getattr(instance, "register_slot", None)
            if register is not None:
                register(slot)
        return slot


class _CallableSlot(SubjectSlot):
    """A subject slot that is also the decorated method."""

    def __init__(self, method, *a, **k):
        super(_CallableSlot, self).__init__(*a, **k)
        self._method = method

    def __call__(self, *a, **k):
        return self._method(*a, **k)


class _CallableSlotGroup(SubjectSlotGroup):
    """A slot group that is also the decorated method."""

    def __call__(self, *a, **k):
        return self._listener(*a, **k)


def _make_slot(descriptor, instance):
    bound = functools.partial(descriptor.method, instance)
    return _CallableSlot(bound, listener=bound, event=descriptor.event, extra_kws=descriptor.extra_kws,
                         extra_args=descriptor.extra_args)


def _make_group(descriptor, instance):
    return _CallableSlotGroup(listener=functools.partial(descriptor.method, instance), event=descriptor.event,
                              extra_kws=descriptor.extra_kws, extra_args=descriptor.extra_args)


def subject_slot(event, extra_kws=None, extra_args=None):
    """Make a method a slot listening to ``event`` of whatever is assigned to ``method.subject``."""
    return lambda method: _SlotDescriptor(event, method, _make_slot, extra_kws, extra_args)


def subject_slot_group(event, extra_kws=None, extra_args=None):
    """Make a method a slot group: ``method.replace_subjects(subjects)``; called with the sender last."""
    return lambda method: _SlotDescriptor(event, method, _make_group, extra_kws, extra_args)
