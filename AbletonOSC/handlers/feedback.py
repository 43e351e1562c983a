"""Listener updates, sent cheaply: collapsed per poll, rate-capped per client, optionally bundled.

Live calls a listener for every change; the script only marks the hub as changed. Once per
poll the outbox sends what changed: each hub's value is read once, encoded once per distinct
payload (subscribers of the same object and form share the bytes), and sent to each of its
subscribers, so many changes of one subscription within a poll reach the client as one update
carrying the latest value. A subscriber is not sent a payload equal to the one it has.

A client may cap the rate of its updates (``/live/api/set/max_rate``): for every subscription,
a class of properties (``meters``, ``positions``), one property, one address or one
subscription; the ``max_rate`` setting gives the defaults. An update that comes too soon waits
until the subscription is due and then sends the value of that moment, so a capped subscriber
always ends on the latest value. A client that opts in (``/live/api/set/bundle 1``) gets each
poll's updates as OSC bundles of up to one datagram each.

Meters: a meter that showed a level and has been quiet for ``SETTLE`` seconds is read again
(Live may not report the fall to silence after playback stops), so its subscribers end on 0.
"""

import heapq
import struct
import time

from ..osc import encode_bundle, encode_message
from ..osc.plain import plain_types
from .errors import HandlerError

#: Property classes a rate cap can name, beside "all", a property name and an address.
POSITIONS = frozenset(("playing_position", "current_song_time"))
CLASSES = ("all", "meters", "positions")
#: Highest rate a cap may name (updates per second).
MAX_RATE = 1000.0
#: Rate caps one client may hold.
MAX_CAPS = 256
#: Bundle audiences (sets of clients sent the same updates) kept beyond two per hub before regrouping.
MAX_AUDIENCES = 64
#: Seconds a lit meter may stay quiet before it is read again.
SETTLE = 0.2
#: Object kinds whose index arguments change only when the song's track, return or scene lists do
#: (or when the object is deleted: then its value cannot be read and it is looked up again).
STABLE_KINDS = frozenset(("track", "clip_slot", "clip", "scene"))
#: The song lists whose changes move those indices.
STRUCTURE = ("tracks", "return_tracks", "scenes")
_BUNDLE_HEAD = encode_bundle(None, ())   # "#bundle", the time tag "immediately"; then the elements
_INT32 = struct.Struct(">i")
_FLOAT = struct.Struct(">f")
_ZERO = (0.0,)       # a float value: encoded once per form, its last 4 bytes replaced by each value
_UNREAD = (None,)   # what Hub.read gives when Live refuses the read (e.g. a deleted object)
_LATER = object()   # held by a fan-out instead of values: read the hub when it is due
_PLAIN = (object(),)  # appended to an echo: the key of the update in plain types


def prop_class(prop):
    """The rate class of a property: "meters", "positions" or None."""
    name = prop.name
    if "meter" in name:
        return "meters"
    if name in POSITIONS:
        return "positions"
    return None


def get_address(address):
    """The get address a subscription replies on, from a start_listen, stop_listen or get address."""
    return address.replace("/start_listen/", "/get/").replace("/stop_listen/", "/get/")


class _SongReads(object):
    """The song, with its lists read once per flush (nothing changes the set while updates go out)."""

    __slots__ = ("_song", "_seen")

    def __init__(self, song):
        self._song = song
        self._seen = {}

    def __getattr__(self, name):
        seen = self._seen
        if name not in seen:
            seen[name] = getattr(self._song, name)
        return seen[name]


class Outbox(object):
    """Listener updates waiting for the end of the poll, and subscriptions waiting for their rate cap."""

    def __init__(self, subscriptions):
        self.subscriptions = subscriptions
        self.pending = {}          # hub -> None, in the order Live reported them (each Hub.changed adds)
        # Fan-outs and subscriptions held back by a rate cap, by when they are due: caps keep to a grid,
        # so many share a moment, and holding one is an append.
        self.waiting = []          # heap of the moments something is due
        self.held = {}             # moment -> the fan-outs and subscriptions due then
        self.lit = set()           # meter hubs that showed a level (hub.lit: when they last did; 0: silent)
        self.defaults = {}         # rate caps of the max_rate setting: {what: hz}
        self.queues = {}           # audience (bundling clients) -> the bundle elements of this flush they all get
        self.clock = time.monotonic
        self.epoch = 0             # counts changes of the song's track, return and scene lists
        self.capped = 0            # subscriptions with a rate cap
        self._watched = None
        self._next_settle = 0.0

    # ------------------------------------------------------------------ structure
    def watch(self, song):
        """Follow the song's lists, so indices are looked up again only after they change."""
        if self._watched is not None or song is None:
            return
        for name in STRUCTURE:
            try:
                getattr(song, "add_%s_listener" % name)(self.restructured)
            except (AttributeError, RuntimeError):
                pass
        self._watched = song

    def restructured(self):
        """Live: tracks, returns or scenes were added, deleted or moved."""
        self.epoch += 1
        self.replan()

    def unwatch(self):
        """Stop following the song's lists (on disconnect and reload)."""
        song, self._watched = self._watched, None
        if song is None:
            return
        for name in STRUCTURE:
            try:
                getattr(song, "remove_%s_listener" % name)(self.restructured)
            except (AttributeError, RuntimeError):
                pass
        self.epoch += 1
        self.replan()

    def replan(self):
        """Indices, caps or a client's bundling or types changed: every hub groups its subscribers again."""
        for hub in list(self.subscriptions.hubs.values()):
            hub.unplan()
        # No fan-out holds the audiences any more: those of the plans to come are made anew.
        self.queues = dict((audience, queue) for audience, queue in self.queues.items() if queue)

    def queue(self, audience):
        """The list where the updates of a flush collect that every client of ``audience`` (a tuple) is
        sent in its bundles: one append per update, however many clients (sent and emptied by the flush)."""
        queue = self.queues.get(audience)
        if queue is None:
            queue = self.queues[audience] = []
        return queue

    # ------------------------------------------------------------------ sending
    def flush(self):
        """Send what changed since the last flush and what is due; returns the updates sent."""
        now = self.clock()
        if self.lit and now >= self._next_settle:
            self._settle(now)
        waiting = self.waiting
        pending = self.pending
        if not pending and not (waiting and waiting[0] <= now):
            return 0
        if len(self.queues) > MAX_AUDIENCES + 2 * len(self.subscriptions.hubs):
            self.replan()      # audiences of plans long gone: made again for the plans of now
        ctx = self.subscriptions.registry.ctx
        flush = _Flush(self, now, _SongReads(ctx.song) if ctx.song is not None else None)
        if pending:
            # The hubs' listeners hold this dict: it stays, and what changes during the flush waits in it.
            changed = list(pending)
            pending.clear()
            flush.hubs(changed)
        if waiting and waiting[0] <= now:
            flush.due(waiting)
        if self.queues:
            flush.send_bundles()
        return flush.sent

    def first(self, sub, values):
        """Send a new subscription's current value at once (not capped, not collapsed)."""
        data = encode_update(sub, sub.payload(values))
        sub.last = data
        now = self.clock()
        sub.due = next_turn(now, sub.interval) if sub.interval else 0.0
        sub.client.send_packet(data)
        if sub.hub is not None and sub.hub.meter and _lit(values):
            sub.hub.lit = now
            self.lit.add(sub.hub)

    def hold(self, item):
        """Keep a capped subscription (or fan-out) until it is due."""
        item.waiting = True
        due = item.due
        items = self.held.get(due)
        if items is None:
            items = self.held[due] = []
            heapq.heappush(self.waiting, due)
        items.append(item)

    def _settle(self, now):
        self._next_settle = now + SETTLE / 2
        for hub in list(self.lit):
            if not hub.lit or not hub.subs:
                self.lit.discard(hub)           # silent now, or no longer heard
            elif now - hub.lit >= SETTLE:
                hub.lit = now
                self.pending[hub] = None        # read again; unchanged values are not resent

    def forget(self, hub):
        """A hub without subscribers."""
        self.pending.pop(hub, None)
        self.lit.discard(hub)

    def forget_client(self, client):
        """A client without subscriptions (its audiences go with the next regrouping)."""
        queue = self.queues.get((client,))
        if not queue:
            self.queues.pop((client,), None)

    def clear(self):
        """Drop everything waiting (on disconnect and reload)."""
        self.unwatch()
        self.pending.clear()
        self.waiting = []
        self.held = {}
        self.lit.clear()
        self.queues.clear()
        self.capped = 0

    # ------------------------------------------------------------------ rate caps
    def interval(self, sub):
        """Seconds between two updates of a subscription (0: no cap)."""
        rate = self.rate_for(sub.client, sub)
        return 1.0 / rate if rate > 0 else 0.0

    def rate_for(self, client, sub):
        """The cap that applies to a subscription: the client's most specific one, else the setting's."""
        keys = (("sub", sub.address, sub.echo + sub.extra), sub.address, sub.prop.name, prop_class(sub.prop), "all")
        for caps in (getattr(client, "rates", None), self.defaults):
            if caps:
                for key in keys:
                    rate = caps.get(key)
                    if rate is not None:
                        return rate
        return 0.0

    def recap(self, client):
        """Apply a client's changed caps to its subscriptions."""
        self.replan()
        for sub in self.subscriptions.for_client(client):
            self.capped -= bool(sub.interval)
            sub.interval = self.interval(sub)
            self.capped += bool(sub.interval)
            if not sub.interval:
                sub.due = 0.0


def next_turn(now, interval):
    """When a capped subscription may next be sent: the next tick of its cap's grid after ``now``.

    On one grid every subscription with the same cap takes its turn at the same moments, so the
    subscribers of one value keep sharing one fan-out; the rate is the cap however polls fall.
    """
    return (now // interval + 1.0) * interval


class Fanout(object):
    """The subscribers of one hub that get the same bytes at the same moments: one payload, one turn.

    They share the payload's form (indices or extras, types), the rate cap and its next turn, the
    bundling and the update they were last sent, so a hub's change costs one encoding and one
    compare per fan-out and one call per subscriber (an append to a bundle, or a send).
    """

    __slots__ = ("hub", "subs", "sends", "count", "queue", "route", "form", "head", "size", "interval", "bundle",
                 "last", "due", "held", "waiting", "dead")

    def __init__(self, hub, form, interval, bundle, last, due):
        self.hub = hub
        self.subs = []
        self.sends = []        # per subscriber: its client (sent one datagram each)
        self.count = 0         # its subscribers
        self.queue = None      # bundling: its audience's queue (one append for every subscriber)
        self.route = None      # not bundling: how the server sends to its clients (OSCServer.route)
        self.form = form
        self.head = None       # the encoded update less its float value (for single float values)
        self.size = None       # the bundle element's size prefix of such an update
        self.interval = interval
        self.bundle = bundle
        self.last = last       # the update every subscriber here has (bytes; None: none yet)
        self.due = due
        self.held = None       # values read while not due, sent when due (unless a newer read comes);
        #                        _LATER: a change came before its turn, to be read when due
        self.waiting = False   # held by the outbox until due
        self.dead = False      # replaced: its subscribers' state went back to them


def unplan(hub):
    """Hand a hub's fan-outs' state back to its subscriptions (they will be grouped again)."""
    plan, hub.plan = hub.plan, None
    hub.lane = hub.quick = None
    if not plan:
        return
    for fan in plan:
        fan.dead = True
        for sub in fan.subs:
            sub.last = fan.last
            sub.due = fan.due
        if fan.waiting and fan.held is not None:
            hub.outbox.pending[hub] = None      # read again after regrouping, and sent when due


class _Flush(object):
    """One flush: per hub one read, one locate per index form, one encoding per distinct payload."""

    __slots__ = ("outbox", "now", "song", "sent")

    def __init__(self, outbox, now, song):
        self.outbox = outbox
        self.now = now
        self.song = song
        self.sent = 0

    def hubs(self, pending):
        """Read each changed hub once and send its value to its fan-outs (or subscribers) that are due."""
        now = self.now
        outbox = self.outbox
        lit = outbox.lit
        pack = _FLOAT.pack
        get, real = getattr, float          # locals: a name looked up once, not once per hub
        sent = 0
        for hub in pending:
            fan = hub.quick
            if fan is None:
                plan = hub.plan
                if plan is None:
                    if not hub.subs:
                        continue
                    plan = self.plan(hub)
                    if plan is None:
                        continue
                fan = hub.lane
                if fan is None or fan.head is None or hub.attr is None:
                    self.other(hub, plan)
                    continue
                hub.quick = fan
            # The usual case at display rate (meters, positions, song time), the short way: the hub's
            # one fan-out, whose head is known, and a float read from a plain attribute.
            if fan.due > now:
                # Capped and not due: read when it is, with the value of then.
                fan.held = _LATER
                if not fan.waiting:
                    outbox.hold(fan)
                continue
            try:
                value = get(hub.obj, hub.attr)
            except Exception:
                hub.quick = None
                self.other(hub, hub.plan)   # read again the careful way: a refusal or an error is handled there
                continue
            if value.__class__ is not real:
                hub.quick = None
                self.other(hub, hub.plan)
                continue
            if hub.meter:
                if value:
                    if not hub.lit:
                        lit.add(hub)
                    hub.lit = now
                else:
                    hub.lit = 0.0
            try:
                data = fan.head + pack(value)
            except (OverflowError, struct.error):   # beyond 32 bits: the encoder decides, or explains
                self.other(hub, hub.plan, (value,))
                continue
            if data != fan.last:
                fan.last = data
                if fan.interval:
                    fan.held = None
                    fan.due = next_turn(now, fan.interval)
                if fan.bundle:
                    fan.queue.append(fan.size + data)
                    sent += fan.count
                else:
                    sent += _deliver(fan, data)
            elif fan.held is not None:
                fan.held = None         # read when due, and unchanged: nothing to send
        self.sent += sent

    def other(self, hub, plan, values=None):
        """A hub off the short way: read through Hub.read (unless ``values`` were read), then sent to each of
        the fan-outs of its ``plan`` that is due, or subscriber by subscriber."""
        if values is None:
            try:
                values = hub.read()
            except Exception as error:  # never out of the flush: the other hubs' updates still go
                for sub in list(hub.subs):
                    self.outbox.subscriptions.unsendable(sub, error)
                return
        if hub.meter:
            if _lit(values):
                self.outbox.lit.add(hub)
                hub.lit = self.now
            else:
                hub.lit = 0.0
        if plan is False or values == _UNREAD:
            if plan:
                hub.unplan()    # one by one: indices are looked up, deleted objects dropped
            self.each(hub, values)
            return
        self.fan(hub, plan, values)

    def due(self, waiting):
        """Send what a rate cap held back and is now due: a fan-out's kept value, a subscription's hub read again."""
        now = self.now
        outbox = self.outbox
        held = outbox.held
        again = {}
        while waiting and waiting[0] <= now:
            for item in held.pop(heapq.heappop(waiting)):
                if item.__class__ is Fanout:
                    if item.dead or not item.waiting:
                        continue
                    if item.held is None:
                        item.waiting = False            # sent meanwhile: nothing more to say
                    elif item.due > now:
                        outbox.hold(item)               # sent meanwhile and held again: its next turn
                    else:
                        item.waiting = False
                        values, item.held = item.held, None
                        if values is _LATER:
                            again[item.hub] = None      # read now, and sent to every fan-out due
                        else:
                            self.fan(item.hub, (item,), values)
                else:
                    item.waiting = False
                    if not item.dead:
                        again[item.hub] = None          # read once for every subscriber due
        if again:
            self.hubs(again)

    def plan(self, hub):
        """Group a hub's subscribers into fan-outs; False: they are sent one by one; None: none is left."""
        epoch = self.outbox.epoch
        fans = {}
        forms = {}
        bases = set()
        located = None
        for sub in list(hub.subs):
            echo = sub.echo
            if echo:
                if sub.kind.name not in STABLE_KINDS:
                    hub.plan = False     # indices that can move unnoticed: looked up on every update
                    return False
                if sub.epoch != epoch:
                    if located is None:
                        located = {}
                    echo = self.locate(sub, epoch, located)
                    if echo is None:
                        self.outbox.subscriptions.drop(sub)
                        continue
            client = sub.client
            form = echo or sub.extra
            if client.plain:
                form = form + _PLAIN
            form = forms.setdefault(form, form)     # one object per form: compared by identity
            interval = sub.interval
            bundle = bool(client.bundle)
            due = sub.due if interval else 0.0
            key = (form, interval, bundle, sub.last, due)
            fan = fans.get(key)
            if fan is None:
                fan = fans[key] = Fanout(hub, form, interval, bundle, sub.last, due)
                bases.add(key[:3])
            fan.subs.append(sub)
            fan.sends.append(client)
        if not fans:
            return None
        plan = hub.plan = list(fans.values())
        for fan in plan:
            fan.count = len(fan.subs)
            if fan.bundle:
                fan.queue = self.outbox.queue(tuple(fan.sends))
            else:
                fan.route = fan.sends[0].server.route(fan.sends)
        hub.fragmented = len(bases) < len(plan)
        hub.lane = plan[0] if len(plan) == 1 else None
        return plan

    def fan(self, hub, plan, values):
        """Send a hub's values to each of its fan-outs that is due; hold the others with the values."""
        now = self.now
        value = values[0] if len(values) == 1 else None
        fast = value.__class__ is float
        form0 = data0 = element0 = None     # the first form's bytes (usually the only form)
        sent = 0
        for fan in plan:
            interval = fan.interval
            if interval and fan.due > now:
                fan.held = values               # capped: sent when due, unless a newer read replaces it
                if not fan.waiting:
                    self.outbox.hold(fan)
                continue
            fan.held = None
            if fan.form is form0:
                data = data0
            else:
                head = fan.head if fast else None
                try:
                    # A single float (meters, positions, song time): the form's encoded head and the value.
                    data = head + _FLOAT.pack(value) if head is not None else self.encode(fan, values, fast)
                except (OverflowError, struct.error):  # beyond 32 bits: the encoder decides, or explains
                    data = self.encode(fan, values, False)
                if data is None:
                    continue
                if form0 is None:
                    form0, data0 = fan.form, data
            if data == fan.last:
                continue
            fan.last = data
            if interval:
                fan.due = next_turn(now, interval)
            if fan.bundle and data is data0:
                if element0 is None:
                    element0 = _INT32.pack(len(data)) + data
                fan.queue.append(element0)    # subscribers of other forms share the bundle element
                sent += len(fan.sends)
            else:
                sent += _deliver(fan, data)
        self.sent += sent
        if hub.fragmented and _converged(hub.plan):
            hub.unplan()        # its subscribers have caught up with each other: one fan-out again

    def encode(self, fan, values, fast):
        """A fan-out's update as bytes (None: it cannot be encoded; each subscriber is told once)."""
        try:
            data, head = _encoded(fan.hub, fan.subs[0], fan.form, values, fast)
        except Exception as error:
            for sub in fan.subs:
                self.outbox.subscriptions.unsendable(sub, error)
            return None
        if head is not None:
            fan.head = head
            fan.size = _INT32.pack(len(head) + 4)
        return data

    def each(self, hub, values):
        """Send a hub's values subscriber by subscriber: indices looked up again, deleted objects dropped."""
        now = self.now
        outbox = self.outbox
        epoch = outbox.epoch
        subs = hub.subs
        due = [sub for sub in subs if sub.due <= now]
        for sub in subs:
            if sub.due > now and not sub.waiting:
                outbox.hold(sub)            # capped: sent when due, with the value of then
        fast = len(values) == 1 and values[0].__class__ is float
        unread = values == _UNREAD
        encoded = {}         # form -> bytes
        located = None       # echo -> the object's indices now (None: gone)
        gone = []
        sent = 0
        for sub in due:
            echo = sub.echo
            if echo and (sub.epoch != epoch or unread):
                if located is None:
                    located = {}
                echo = self.locate(sub, epoch, located)
                if echo is None:
                    gone.append(sub)
                    continue
            client = sub.client
            form = echo or sub.extra           # the payload: indices or extras, then the value
            if client.plain:
                form = form + _PLAIN          # the same value, in plain types
            data = encoded.get(form)
            if data is None:
                try:
                    data = encoded[form] = _encoded(hub, sub, form, values, fast)[0]
                except Exception as error:
                    outbox.subscriptions.unsendable(sub, error)
                    continue
            if data == sub.last:
                continue
            sub.last = data
            if sub.interval:
                sub.due = next_turn(now, sub.interval)
            if client.bundle:
                outbox.queue((client,)).append(_INT32.pack(len(data)) + data)
            else:
                try:
                    client.send_packet(data)
                except Exception as error:
                    _log_send(outbox.subscriptions, client, error)
            sent += 1
        for sub in gone:
            outbox.subscriptions.drop(sub)
        self.sent += sent

    def locate(self, sub, epoch, located):
        """The subscription's object's current indices (found once per hub and form); None: gone."""
        echo = sub.echo
        where = located.get(echo, False)
        if where is False:
            where = located[echo] = sub.kind.locate(self.song, sub.obj, echo)
        if where is None:
            return None
        sub.echo = where
        if sub.kind.name in STABLE_KINDS:
            sub.epoch = epoch           # found again only after the song's lists change
        return where

    def send_bundles(self):
        """Send each bundling client its updates of this flush, as few bundles as fit; clients sent the
        same updates share the bundles' bytes."""
        queues = self.outbox.queues
        mine = {}            # client -> the queues of the audiences it is in that have updates
        for audience, queue in queues.items():
            if queue:
                for client in audience:
                    lists = mine.get(client)
                    if lists is None:
                        mine[client] = [queue]
                    else:
                        lists.append(queue)
        packed = {}          # (queues, size limit) -> bundles
        try:
            for client, lists in mine.items():
                limit = client.server.max_datagram
                key = (tuple(map(id, lists)), limit)
                bundles = packed.get(key)
                if bundles is None:
                    elements = lists[0] if len(lists) == 1 else [e for queue in lists for e in queue]
                    bundles = packed[key] = list(pack_bundles(elements, limit))
                for bundle in bundles:
                    try:
                        client.send_packet(bundle)
                    except Exception as error:   # e.g. one update too large for a datagram: the rest still go
                        _log_send(self.outbox.subscriptions, client, error)
        finally:
            for queue in queues.values():
                del queue[:]


def _encoded(hub, sub, form, values, fast):
    """(bytes, head) of an update in ``form``: a single float as the form's cached head and the packed
    value (head None when it went through the encoder); raises what the encoder cannot encode."""
    if fast:
        try:
            head = hub.prefixes.get(form)
            if head is None:
                head = hub.prefix(form, encode_update(sub, sub.payload(_ZERO))[:-4])
            return head + _FLOAT.pack(values[0]), head
        except Exception:  # e.g. a float beyond 32 bits: the encoder decides, or explains
            pass
    return encode_update(sub, sub.payload(values)), None


def _deliver(fan, data):
    """Give an update to a fan-out's subscribers (appended to their bundles, or sent); how many."""
    sends = fan.sends
    if fan.bundle:
        fan.queue.append(_INT32.pack(len(data)) + data)
    else:
        sends[0].server.send_each(data, sends, fan.route)
    return len(sends)


def _converged(plan):
    """Whether a hub's fan-outs that were apart (another last update or turn) now agree."""
    state = {}
    for fan in plan:
        if fan.held is not None:
            return False        # a value still waits for its turn
        if state.setdefault((fan.form, fan.interval, fan.bundle), (fan.last, fan.due)) != (fan.last, fan.due):
            return False
    return True


def encode_update(sub, args):
    """A subscription's update as OSC bytes, in the client's types."""
    if sub.client.plain:
        args = plain_types(args)
    return encode_message(sub.address, args)


def pack_bundles(elements, limit):
    """Bundle elements (a size, then an encoded message) as bundles of at most ``limit`` bytes each.

    A message too big for ``limit`` alone goes in a bundle of its own (and fails to send as any
    reply that size would).
    """
    if elements and sum(map(len, elements)) + len(_BUNDLE_HEAD) <= limit:
        yield _BUNDLE_HEAD + b"".join(elements)     # the usual case: one bundle holds them all
        return
    chunk, size = [_BUNDLE_HEAD], len(_BUNDLE_HEAD)
    for element in elements:
        if size + len(element) > limit and len(chunk) > 1:
            yield b"".join(chunk)
            chunk, size = [_BUNDLE_HEAD], len(_BUNDLE_HEAD)
        chunk.append(element)
        size += len(element)
    if len(chunk) > 1:
        yield b"".join(chunk)


def _lit(values):
    return bool(values) and isinstance(values[-1], (int, float)) and values[-1] != 0


def _log_send(subscriptions, client, error):
    server = subscriptions.registry.ctx.server
    if server is not None:
        server.logger.warning("AbletonOSC: listener update to %r not sent: %s", client, error)


# ---------------------------------------------------------------------- the addresses

def parse_rate(text):
    """A rate in updates per second from an OSC argument (0: no cap)."""
    try:
        rate = float(text)
    except (TypeError, ValueError):
        raise HandlerError("max_rate must be a number of updates per second (0: no cap), got %r" % (text,))
    if not 0.0 <= rate <= MAX_RATE:
        raise HandlerError("max_rate must be between 0 (no cap) and %d updates per second, got %s"
                           % (MAX_RATE, text))
    return rate


def cap_key(registry, what, index_args=()):
    """The key a cap is stored under: a class, a property name, a get address, or one subscription."""
    what = str(what).strip()
    if what in CLASSES:
        if index_args:
            raise HandlerError("max_rate %s takes no index arguments" % what)
        return what
    if what.startswith("/"):
        address = get_address(what)
        start = address.replace("/get/", "/start_listen/")
        if start not in registry.entries:
            raise HandlerError("max_rate: %s is not a listenable address (see /live/api/get/addresses "
                               "/live/*/start_listen/*)" % what)
        if index_args:
            return ("sub", address, tuple(_normal(v) for v in index_args))
        return address
    if what in listenable_names(registry):
        if index_args:
            raise HandlerError("max_rate %s: index arguments need an address, e.g. "
                               "/live/track/start_listen/%s" % (what, what))
        return what
    raise HandlerError("max_rate: %r is not all, meters, positions, a listenable property or a start_listen "
                       "address" % what)


def listenable_names(registry):
    """The names of every property a client can listen to."""
    names = registry.state.get("listenable")
    if names is None:
        names = registry.state["listenable"] = frozenset(
            entry.prop.name for entry in registry.order if entry.kind == "start_listen" and entry.prop is not None)
    return names


def _normal(value):
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def _describe(key):
    if isinstance(key, tuple):
        return (key[1],) + key[2]
    return (key,)


def set_defaults(registry, text):
    """Install the max_rate setting's caps; returns the problems found (names it does not know)."""
    from ..settings import parse_rates

    defaults, problems = {}, []
    for what, rate in parse_rates(text or ""):
        try:
            defaults[cap_key(registry, what)] = rate
        except HandlerError as error:
            problems.append(str(error))
    registry.subscriptions.outbox.defaults = defaults
    return problems


def get_max_rate(ctx, song, what=None, *index_args):
    """The client's rate caps (what, hz pairs), or the cap that applies to one class/property/address."""
    rates = getattr(ctx.client, "rates", None) or {}
    if what is None:
        flat = []
        for key, rate in list(rates.items()) + [(k, r) for k, r in ctx.registry.subscriptions.outbox.defaults.items()
                                                if k not in rates]:
            flat.extend(_describe(key) + (rate,))
        return tuple(flat)
    key = cap_key(ctx.registry, what, index_args)
    rate = rates.get(key)
    if rate is None:
        rate = ctx.registry.subscriptions.outbox.defaults.get(key, 0.0)
    return _describe(key) + (rate,)


def set_max_rate(ctx, song, what, rate, *index_args):
    key = cap_key(ctx.registry, what, index_args)
    rate = parse_rate(rate)
    client = ctx.client
    rates = client.rates
    if rates is None:
        rates = client.rates = {}
    if key not in rates and len(rates) >= MAX_CAPS:
        raise HandlerError("max_rate: a client may hold %d caps; set a class or an address instead" % MAX_CAPS)
    rates[key] = rate
    ctx.registry.subscriptions.outbox.recap(client)


def get_bundle(ctx, song):
    return (bool(ctx.client.bundle),)


def set_bundle(ctx, song, on):
    ctx.client.bundle = bool(on)
    ctx.registry.subscriptions.outbox.replan()


def register(reg):
    reg.add("/live/api/get/max_rate", "get", "song", get_max_rate, args="what:s? index:x*", echo=False,
            reply="(what:s index:x* max_rate:f)*",
            doc="This client's rate caps (and the max_rate setting's), or the cap that applies to one class "
                "(all, meters, positions), property or address", example="/live/api/get/max_rate meters")
    reg.add("/live/api/set/max_rate", "set", "song", set_max_rate, args="what:s max_rate:f index:x*",
            example="/live/api/set/max_rate meters 20",
            doc="Cap this client's listener updates at max_rate per second (0: no cap) for all, meters, "
                "positions (playing_position, current_song_time), one property (output_meter_level), one "
                "address (/live/track/start_listen/volume) or, with index arguments, one subscription; "
                "a held-back update sends the latest value when due")
    reg.add("/live/api/get/bundle", "get", "song", get_bundle, reply="on:b", echo=False,
            doc="Whether this client's listener updates come as OSC bundles")
    reg.add("/live/api/set/bundle", "set", "song", set_bundle, args="on:b", example="/live/api/set/bundle 1",
            doc="1: this client's listener updates of each poll come as OSC bundles of at most one datagram "
                "each (fewer packets; Pd vanilla and some apps read no bundles); 0: one message per update")
