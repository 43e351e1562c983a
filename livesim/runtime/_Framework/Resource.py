"""``_Framework.Resource``: who owns a shared thing (a control, most often) at a time.

``grab(client, ...)`` asks for the resource, ``release(client)`` gives it back; the resource
calls ``on_received_callback(client)`` and ``on_lost_callback(client)`` as ownership moves.
An ``ExclusiveResource`` has one owner and refuses others while owned; a ``SharedResource``
any number of owners; a ``StackingResource`` (``PrioritizedResource``) is owned by its
highest-priority client (the latest of equal priority), and the one below gets it back when
that one lets go.
"""

DEFAULT_PRIORITY = 0


def _nop(*a, **k):
    pass


class Resource(object):
    """The interface: ``grab``, ``release``, ``owner``."""

    def __init__(self, on_received_callback=None, on_lost_callback=None, *a, **k):
        super(Resource, self).__init__(*a, **k)
        self._on_received = on_received_callback or _nop
        self._on_lost = on_lost_callback or _nop

    def grab(self, client, *a, **k):
        """Ask for the resource; True if ``client`` owns it now."""
        raise NotImplementedError

    def release(self, client):
        """Give the resource back."""
        raise NotImplementedError

    @property
    def owner(self):
        """The owner (None: free)."""
        raise NotImplementedError


class ExclusiveResource(Resource):
    """One owner; grabbing an owned resource fails."""

    def __init__(self, *a, **k):
        super(ExclusiveResource, self).__init__(*a, **k)
        self._owner = None

    def grab(self, client, *a, **k):
        """Own the resource if it is free (or already ours)."""
        if self._owner is None:
            self._owner = client
            self._on_received(client)
        return self._owner is client

    def release(self, client):
        """Free the resource if ``client`` owns it."""
        if self._owner is client:
            self._owner = None
            self._on_lost(client)

    @property
    def owner(self):
        """The owner (None: free)."""
        return self._owner


class SharedResource(Resource):
    """Any number of owners."""

    def __init__(self, *a, **k):
        super(SharedResource, self).__init__(*a, **k)
        self._clients = []

    def grab(self, client, *a, **k):
        """Join the owners."""
        if client not in self._clients:
            self._clients.append(client)
            self._on_received(client)
        return True

    def release(self, client):
        """Leave the owners."""
        if client in self._clients:
            self._clients.remove(client)
            self._on_lost(client)

    @property
    def owners(self):
        """Every owner."""
        return tuple(self._clients)

    @property
    def owner(self):
        """The first owner (None: free)."""
        return self._clients[0] if self._clients else None


class StackingResource(Resource):
    """Owned by the client of highest priority; the next one takes over when it lets go."""

    def __init__(self, *a, **k):
        super(StackingResource, self).__init__(*a, **k)
        self._clients = []  # (priority, order, client), the owner last
        self._order = 0

    def _top(self):
        return self._clients[-1][2] if self._clients else None

    def grab(self, client, priority=None, *a, **k):
        """Join with ``priority`` (default 0); True if ``client`` owns it now."""
        priority = DEFAULT_PRIORITY if priority is None else priority
        before = self._top()
        self._clients = [entry for entry in self._clients if entry[2] is not client]
        self._order += 1
        self._clients.append((priority, self._order, client))
        self._clients.sort(key=lambda entry: (entry[0], entry[1]))
        self._changed(before)
        return self._top() is client

    def release(self, client):
        """Leave; the next client of highest priority takes over."""
        before = self._top()
        self._clients = [entry for entry in self._clients if entry[2] is not client]
        self._changed(before)

    def release_all(self):
        """Everyone leaves."""
        before = self._top()
        self._clients = []
        self._changed(before)

    def _changed(self, before):
        after = self._top()
        if after is not before:
            if before is not None:
                self._on_lost(before)
            if after is not None:
                self._on_received(after)

    @property
    def owner(self):
        """The client of highest priority (None: free)."""
        return self._top()

    @property
    def clients(self):
        """Every client, the owner last."""
        return tuple(entry[2] for entry in self._clients)

    @property
    def max_priority(self):
        """The owner's priority (None: free)."""
        return self._clients[-1][0] if self._clients else None


PrioritizedResource = StackingResource
