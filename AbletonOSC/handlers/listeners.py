"""Listener subscriptions: which client hears which property of which object.

One Live listener is attached per (Live object, property) however many clients listen (a
"hub"); each change is read once and sent to every subscribed client, each with the object's
current index, so a listener follows its object when tracks or scenes move. Subscriptions
are keyed by client, so one client's start/stop never touches another's. An object that is
deleted drops its subscriptions, and each subscriber is told on ``/live/api/listener_dropped``.
Updates go out at the end of each poll, collapsed and rate-capped (``feedback.Outbox``).
"""

from functools import partial

from .errors import HandlerError
from .feedback import Outbox, prop_class, unplan
from .types import to_osc

LISTENER_DROPPED = "/live/api/listener_dropped"
#: Defaults of the subscription caps (settings max_listen_tags, max_subscriptions_per_client, max_subscriptions).
DEFAULT_CAPS = {"max_listen_tags": 4, "max_subscriptions_per_client": 20000, "max_subscriptions": 50000}

#: Encoded update heads a hub keeps (one per index form and type mode its subscribers use).
MAX_PREFIXES = 64


class CapReached(HandlerError):
    """A start_listen past a subscription cap: nothing was added."""


def live_id(obj):
    """A stable identity for a Live object (Live hands out a fresh wrapper on every access)."""
    ptr = getattr(obj, "_live_ptr", None)
    return ptr if ptr is not None else id(obj)


def _normal(value):
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _alive(obj):
    return obj is not None and not (obj == None)  # noqa: E711  (deleted Live objects equal None)


class Subscription(object):
    """One client listening to one property of one object."""

    __slots__ = ("client", "prop", "obj", "kind", "echo", "extra", "address", "start_address", "hub", "key",
                 "interval", "due", "last", "waiting", "dead", "epoch", "tag_key", "failed")

    def __init__(self, client, prop, obj, kind, echo, extra, address, start_address):
        self.client = client
        self.prop = prop
        self.obj = obj
        self.kind = kind
        self.echo = echo
        self.extra = extra
        self.address = address
        self.start_address = start_address
        self.hub = None
        self.key = None
        self.interval = 0.0   # seconds between updates (a rate cap), 0: every change
        self.due = 0.0        # the outbox's clock time before which no update goes out
        self.last = None      # the update last sent (bytes): an equal one is not sent again
        self.waiting = False  # held back by the rate cap, in the outbox's queue
        self.dead = False
        self.epoch = -1       # the outbox's structure epoch its indices were found in
        self.tag_key = None
        self.failed = False  # an update could not be encoded or sent; said once

    def payload(self, values):
        """The update's arguments: the object's indices, then the value (song: extras first)."""
        if not self.echo:
            return self.extra + values
        if not self.prop.listen_echo:
            return values
        return self.echo + values


class Hub(object):
    """One Live listener on one property of one Live object, fanned out to subscriptions."""

    __slots__ = ("registry", "prop", "obj", "key", "subs", "target", "attached", "meter", "outbox", "prefixes",
                 "plan", "fragmented", "lane", "quick", "attr", "changed", "lit", "__weakref__")

    def __init__(self, registry, prop, obj, key):
        self.registry = registry
        self.prop = prop
        self.obj = obj
        self.key = key
        self.subs = []
        self.target = prop.live_target(obj)
        self.attached = False
        self.meter = prop_class(prop) == "meters"
        self.lit = 0.0        # a meter: when it last read a level (0: silent); the outbox reads it again if quiet
        self.outbox = registry.subscriptions.outbox
        #: Encoded update heads for a float value, per form (indices or extras, plain types or not).
        self.prefixes = {}
        #: Its subscribers grouped by what they are sent (feedback.Fanout); None: to group again,
        #: False: sent one by one (indices that may move unnoticed). Built by the outbox.
        self.plan = None
        self.fragmented = False
        self.lane = None      # the plan's one fan-out, when that is all it has
        self.quick = None     # that fan-out, once its head is known: floats of the plain attribute go the short way
        # A plain attribute of the object itself is read directly (the path of meters and positions).
        self.attr = prop.attr if prop.getter is None and prop.target is None and prop.out is None else None
        #: The Live listener: Live calls it (with no arguments) when the property changes, and it
        #: only marks the hub for the end of the poll. A C-level callable: no Python frame per change.
        self.changed = partial(self.outbox.pending.__setitem__, self, None)

    def attach(self):
        """Add the Live listener; a property Live does not report changes of is refused clearly."""
        name = "add_%s_listener" % self.prop.attr
        try:
            add = getattr(self.target, name)
        except AttributeError:
            ctx = self.registry.ctx
            raise HandlerError("%s: Live %s does not report changes of %s" % (
                ctx.address, ".".join(str(n) for n in ctx.version), self.prop.attr))
        add(self.changed)
        self.attached = True

    def detach(self):
        """Remove the Live listener; a deleted object has already dropped it."""
        if not self.attached:
            return
        self.attached = False
        try:
            remover = getattr(self.target, "remove_%s_listener" % self.prop.attr)
            remover(self.changed)
        except (RuntimeError, AttributeError):
            pass

    def unplan(self):
        """Its subscribers changed (or their caps, types, bundling, indices): group them again."""
        unplan(self)

    def read(self):
        """The current value, as OSC values."""
        try:
            if self.attr is not None:
                value = getattr(self.obj, self.attr)
                return (value,) if value.__class__ is float else (to_osc(value),)
            return self.prop.read(self.obj)
        except RuntimeError:
            return (None,)

    def prefix(self, form, head):
        """Keep the encoded head of a form's float updates (a bounded cache: indices change)."""
        if len(self.prefixes) >= MAX_PREFIXES:
            self.prefixes.clear()
        self.prefixes[form] = head
        return head


class Subscriptions(object):
    """All subscriptions of all clients."""

    def __init__(self, registry):
        self.registry = registry
        self.by_key = {}
        self.hubs = {}
        self.outbox = Outbox(self)
        self.per_client = {}  # client -> number of subscriptions
        self.per_tag_key = {}  # (client, address, object) -> number of tags

    def __len__(self):
        return len(self.by_key)

    def caps(self):
        """(tags per client/property/object, subscriptions per client, subscriptions in all) from the settings."""
        settings = getattr(self.registry.ctx.manager, "settings", None)
        return tuple(getattr(settings, name, default) for name, default in (
            ("max_listen_tags", DEFAULT_CAPS["max_listen_tags"]),
            ("max_subscriptions_per_client", DEFAULT_CAPS["max_subscriptions_per_client"]),
            ("max_subscriptions", DEFAULT_CAPS["max_subscriptions"])))

    def start(self, ctx, prop, obj, address, extra, send_now=True, tags=False):
        """Subscribe ctx.client to prop of obj; sends the current value at once.

        tags=True: ``extra`` are the client's tags (echoed arguments), not part of what is observed,
        so every tag shares the object's one Live listener. Past a cap: CapReached, nothing added.
        """
        kind = ctx.registry.entries[ctx.address].obj
        echo = tuple(ctx.echo)
        client = ctx.client
        object_id = live_id(obj)
        key = (client, address, object_id, tuple(extra))
        tag_key = (client, address, object_id)
        old = self.by_key.get(key)
        if old is not None:
            self._remove(old)
        else:
            max_tags, per_client, total = self.caps()
            if tags and self.per_tag_key.get(tag_key, 0) >= max_tags:
                raise CapReached("at most %d listeners with different extra arguments per client, property and "
                                 "object (max_listen_tags); stop_listen one first" % max_tags)
            if self.per_client.get(client, 0) >= per_client:
                raise CapReached("this client has %d listeners, the most allowed (max_subscriptions_per_client); "
                                 "stop_listen some first" % per_client)
            if len(self.by_key) >= total:
                raise CapReached("the script has %d listeners, the most allowed (max_subscriptions); "
                                 "clients must stop_listen some first" % total)
        # One Live listener per property and object; extras that select what is observed (a
        # device's parameter, a send) tell apart properties reached through one object.
        hub_key = (object_id, prop.name, address, () if tags else tuple(extra))
        hub = self.hubs.get(hub_key)
        if hub is None:
            hub = Hub(self.registry, prop, obj, hub_key)
            hub.attach()
            self.hubs[hub_key] = hub
        sub = Subscription(client, prop, obj, kind, echo, tuple(extra), address, ctx.address)
        sub.hub = hub
        hub.unplan()
        hub.subs.append(sub)
        sub.key = key  # kept: a deleted object may no longer tell its identity
        sub.tag_key = tag_key
        self.by_key[key] = sub
        self.per_client[client] = self.per_client.get(client, 0) + 1
        self.per_tag_key[tag_key] = self.per_tag_key.get(tag_key, 0) + 1
        sub.interval = self.outbox.interval(sub)
        self.outbox.capped += bool(sub.interval)
        self.outbox.watch(ctx.song)
        if send_now:
            self.outbox.first(sub, hub.read())
        return sub

    def stop(self, ctx, prop, obj, address, extra):
        """Unsubscribe ctx.client; unknown subscriptions are ignored, as upstream does."""
        key = (ctx.client, address, live_id(obj), tuple(extra))
        sub = self.by_key.get(key)
        if sub is not None:
            self._remove(sub)

    def stop_gone(self, client, entry, index_args):
        """A stop_listen whose object no longer resolves: drop what that client had there."""
        wanted = tuple(_normal(value) for value in index_args)
        for sub in list(self.by_key.values()):
            if sub.client is client and sub.start_address == entry.address.replace("/stop_listen/", "/start_listen/") \
                    and tuple(_normal(value) for value in sub.echo) == wanted:
                self._remove(sub)

    def _remove(self, sub):
        if self.by_key.pop(sub.key, None) is not None:
            for counts, key in ((self.per_client, sub.client), (self.per_tag_key, sub.tag_key)):
                left = counts.get(key, 1) - 1
                if left > 0:
                    counts[key] = left
                else:
                    counts.pop(key, None)
            if sub.client not in self.per_client:
                self.outbox.forget_client(sub.client)
        if not sub.dead:
            self.outbox.capped -= bool(sub.interval)
        sub.dead = True
        hub = sub.hub
        if hub is not None and sub in hub.subs:
            hub.unplan()
            hub.subs.remove(sub)
            if not hub.subs:
                hub.detach()
                self.hubs.pop(hub.key, None)
                self.outbox.forget(hub)

    def sweep(self):
        """Drop subscriptions whose object was deleted (Live dropped their listeners)."""
        for hub in list(self.hubs.values()):
            if not _alive(hub.obj):
                for sub in list(hub.subs):
                    self.drop(sub)

    def drop(self, sub):
        """Forget a subscription whose object is gone, and tell its client."""
        self._remove(sub)
        try:
            sub.client.send(LISTENER_DROPPED, (sub.start_address,) + sub.echo + sub.extra)
        except Exception:
            pass

    def for_client(self, client):
        """The subscriptions of one client."""
        return [sub for sub in self.by_key.values() if sub.client == client]

    def end_client(self, client):
        """Stop every subscription of one client (it asked, left, or stopped answering); how many."""
        ended = self.for_client(client)
        for sub in ended:
            self._remove(sub)
        return len(ended)

    def clear(self):
        """Remove every Live listener (on disconnect and reload)."""
        for hub in list(self.hubs.values()):
            hub.detach()
        self.hubs.clear()
        self.by_key.clear()
        self.per_client.clear()
        self.per_tag_key.clear()
        self.outbox.clear()

    def unsendable(self, sub, error):
        """An update that cannot be encoded or sent: its subscriber gets one /live/error, the log one line."""
        if sub.failed:
            return
        sub.failed = True
        server = self.registry.ctx.server
        if server is None:
            return
        server.logger.warning("AbletonOSC: a %s update for %r cannot be sent: %s", sub.address, sub.client, error)
        server.send_error(sub.client, "A listener update cannot be sent: %s" % error, sub.address)
