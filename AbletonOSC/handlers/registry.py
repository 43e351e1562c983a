"""The registry: every OSC address the script answers, declared once as data.

Handler modules declare properties (``Prop``) and methods; the registry generates the
``get``/``set``/``start_listen``/``stop_listen`` addresses, dispatches messages (exact
addresses first, then OSC patterns), checks Live versions, coerces arguments, and describes
itself for introspection, console completion and docs/API.md. Building the registry needs no
Live: handler modules import ``Live`` only inside the functions that use it.
"""

from .errors import HandlerError, NotAvailable
from .limits import write_value
from .listeners import CapReached, Subscriptions
from .objects import KINDS, SONG
from .suggest import Suggester, did_you_mean
from .types import COERCE, TYPE_NAMES, ArgumentError, to_osc

from ..osc import compile_pattern, is_pattern

KIND_GET = "get"
KIND_SET = "set"
KIND_START = "start_listen"
KIND_STOP = "stop_listen"
KIND_METHOD = "method"
KIND_STATUS = "status"


class Arg(object):
    """One argument of an address: name, type letter, optional or variadic."""

    __slots__ = ("name", "type", "optional", "variadic")

    def __init__(self, name, type_, optional=False, variadic=False):
        self.name = name
        self.type = type_
        self.optional = optional
        self.variadic = variadic

    def __str__(self):
        suffix = "*" if self.variadic else ("?" if self.optional else "")
        return "%s:%s%s" % (self.name, self.type, suffix)


def parse_signature(text):
    """Parse "name:t name:t? name:t*" into a tuple of Arg."""
    args = []
    for token in (text or "").split():
        name, _, type_ = token.partition(":")
        variadic = type_.endswith("*")
        optional = type_.endswith("?") or variadic
        args.append(Arg(name, type_.rstrip("*?") or "x", optional, variadic))
    return tuple(args)


def signature_text(args):
    """The inverse of parse_signature."""
    return " ".join(str(arg) for arg in args)


class Entry(object):
    """One address: what it does, its arguments and reply, and the function that serves it."""

    __slots__ = (
        "address", "kind", "obj", "args", "reply", "doc", "since", "fn", "echo", "reply_address",
        "prop", "example", "members",
    )

    def __init__(self, address, kind, obj, args, reply, doc, fn, since=None, echo=True,
                 reply_address=None, prop=None, example=None, members=()):
        self.address = address
        self.kind = kind
        self.obj = obj
        self.args = args
        self.reply = reply
        self.doc = doc
        self.fn = fn
        self.since = since
        self.echo = echo
        self.reply_address = reply_address
        self.prop = prop
        self.example = example
        self.members = tuple(members)  # the Live members ("Class.member") this address reaches

    @property
    def full_args(self):
        """Index arguments of the object kind followed by the entry's own arguments."""
        index = tuple(Arg(n, t) for n, t in zip(self.obj.index_names, self.obj.index_types))
        return index + self.args

    def describe(self):
        """A plain dict for introspection and docs."""
        return {
            "address": self.address,
            "kind": self.kind,
            "object": self.obj.name,
            "args": signature_text(self.full_args),
            "reply": self.reply,
            "doc": self.doc,
            "since": ".".join(str(n) for n in self.since) if self.since else "",
            "example": self.example or "",
            "members": list(self.members),
        }


class Prop(object):
    """A Live property exposed over OSC.

    name     the OSC name (and the Live attribute unless ``attr`` is given)
    type     type letter of the value (i f b s), or "o" for objects mapped by ``out``
    access   letters: g get, s set, l listen
    target   obj -> the Live object that holds ``attr`` (default: the object itself)
    out      Live value -> OSC value(s) (default: types.to_osc); may return a tuple
    since    the first Live version (major, minor[, bugfix]) that has it
    member   the Live member(s) it reaches, "Class.member" or a tuple of them (default: the kind's
             class and ``attr``)
    strict   True: where Live refuses the property for this object, answer Live's error text
             (upstream's addresses answer nil instead, and so do ours for index references)
    limits   (low, high): the values Live takes, named in the error when it refuses one
    values   the values Live holds (an enum's members): a range(low, high + 1) or a tuple;
             others are refused before Live is touched
    """

    __slots__ = ("name", "type", "access", "attr", "target", "out", "since", "doc", "getter", "listen_echo",
                 "member", "strict", "limits", "values")

    def __init__(self, name, type_, access="gsl", attr=None, target=None, out=None, since=None, doc="",
                 getter=None, listen_echo=True, member=None, strict=False, limits=None, values=None):
        self.name = name
        self.type = type_
        self.access = access
        self.attr = attr or name
        self.target = target
        self.out = out
        self.since = since
        self.doc = doc
        self.getter = getter
        # Upstream's device name/class_name/type updates carry no indices; kept for compatibility.
        self.listen_echo = listen_echo
        self.member = member
        self.strict = strict
        self.limits = limits  # (low, high) Live accepts, named when it refuses a value (device parameters know theirs)
        self.values = values

    def live_target(self, obj):
        """The Live object that holds this property."""
        return self.target(obj) if self.target is not None else obj

    def read(self, obj):
        """The property's current value as OSC values (a tuple)."""
        if self.getter is not None:
            value = self.getter(obj)
        else:
            value = getattr(self.live_target(obj), self.attr)
        if self.out is not None:
            value = self.out(value)
            if isinstance(value, tuple):
                return value
            return (value,)
        return (to_osc(value),)


class Context(object):
    """What a handler may use: the Live set, the asking client, the server and manager."""

    __slots__ = ("song", "application", "client", "server", "manager", "registry", "address", "version", "echo")

    def __init__(self, registry):
        self.registry = registry
        self.song = None
        self.application = None
        self.client = None
        self.server = None
        self.manager = None
        self.address = None
        self.echo = ()
        self.version = (99, 0, 0)


class _Mismatch(ArgumentError):
    """Wrong argument count; under a wildcard such matches are skipped silently."""


class Registry(object):
    """Every address, in registration order, plus dispatch and listener subscriptions."""

    def __init__(self):
        self.entries = {}
        self.order = []
        self._pattern_cache = {}
        self.ctx = Context(self)
        self.subscriptions = Subscriptions(self)
        self.state = {}  # per-module runtime state (e.g. the beat listener), cleared on unbind
        self._cleanups = []
        self._client_listeners = []  # (list_fn, end_fn) of listeners a module keeps itself
        self._suggester = None  # built on the first unknown address

    # ------------------------------------------------------------------ declaring
    def add(self, address, kind, obj, fn, args="", reply="", doc="", since=None, echo=True,
            reply_address=None, prop=None, example=None, members=()):
        """Register one address; fn(ctx, obj, *args) returns a tuple to reply with, or None.

        ``members`` names the Live members it reaches ("Song.tempo"), for the coverage report.
        """
        if address in self.entries:
            raise ValueError("address registered twice: %s" % address)
        obj = KINDS[obj] if isinstance(obj, str) else obj
        if isinstance(members, str):
            members = (members,)
        if not members and prop is not None:
            members = prop.member or "%s.%s" % (obj.live_class, prop.attr)
            members = (members,) if isinstance(members, str) else tuple(members)
        entry = Entry(address, kind, obj, parse_signature(args), reply,
                      doc, fn, since=since, echo=echo, reply_address=reply_address, prop=prop, example=example,
                      members=members)
        self.entries[address] = entry
        self.order.append(entry)
        self._pattern_cache.clear()
        self._suggester = None
        return entry

    def properties(self, obj, props, prefix=None):
        """Generate get/set/start_listen/stop_listen addresses for each Prop."""
        obj = KINDS[obj] if isinstance(obj, str) else obj
        base = prefix or "/live/%s" % obj.name
        for prop in props:
            self.property(obj, prop, base)

    def property(self, obj, prop, base):
        """Generate the addresses of one Prop under `base` (e.g. /live/track)."""
        obj = KINDS[obj] if isinstance(obj, str) else obj
        type_name = TYPE_NAMES.get(prop.type, prop.type)
        get_address = "%s/get/%s" % (base, prop.name)
        if "g" in prop.access:
            self.add(get_address, KIND_GET, obj, _make_getter(prop), args="", since=prop.since,
                     reply="%s%s:%s" % (_index_reply(obj), prop.name, prop.type),
                     doc=prop.doc or "Get %s (%s)" % (prop.name.replace("_", " "), type_name), prop=prop)
        if "s" in prop.access:
            self.add("%s/set/%s" % (base, prop.name), KIND_SET, obj, _make_setter(prop),
                     args="value:%s" % prop.type, since=prop.since, prop=prop,
                     doc=prop.doc and "Set: " + prop.doc or "Set %s (%s)" % (prop.name.replace("_", " "), type_name))
        if "l" in prop.access:
            self.add("%s/start_listen/%s" % (base, prop.name), KIND_START, obj, _make_start(prop, get_address),
                     since=prop.since, prop=prop, reply_address=get_address,
                     reply="-> %s %s%s:%s" % (get_address, _index_reply(obj), prop.name, prop.type),
                     doc="Send %s now and whenever it changes, to %s" % (prop.name.replace("_", " "), get_address))
            self.add("%s/stop_listen/%s" % (base, prop.name), KIND_STOP, obj, _make_stop(prop, get_address),
                     since=prop.since, prop=prop, doc="Stop listening to %s" % prop.name.replace("_", " "))

    def live_method(self, obj, name, args="", doc="", since=None, attr=None, address=None, reply=None):
        """Register an address that calls a Live method with the coerced arguments."""
        obj = KINDS[obj] if isinstance(obj, str) else obj
        live_name = attr or name

        def call(ctx, target, *values):
            getattr(target, live_name)(*values)

        return self.add(address or "/live/%s/%s" % (obj.name, name), KIND_METHOD, obj, call, args=args, doc=doc,
                        since=since, reply=reply or "", members="%s.%s" % (obj.live_class, live_name))

    def status(self, address, reply, doc):
        """Declare a message the script sends on its own (not dispatched)."""
        entry = Entry(address, KIND_STATUS, SONG, (), reply, doc, None)
        self.order.append(entry)
        return entry

    # ------------------------------------------------------------------ runtime
    def bind(self, song, application, server, manager, version):
        """Attach the running Live set and transport."""
        ctx = self.ctx
        ctx.song = song
        ctx.application = application
        ctx.server = server
        ctx.manager = manager
        ctx.version = tuple(version)

    def on_unbind(self, fn):
        """Call fn() when the registry lets go of the Live set (listeners a module added itself)."""
        self._cleanups.append(fn)

    def client_listeners(self, list_fn, end_fn):
        """Declare listeners a module keeps itself: list_fn(client) -> [(start address, args)], end_fn(client)."""
        self._client_listeners.append((list_fn, end_fn))

    def listeners_of(self, client):
        """(start_listen address, index and extra arguments) of each of a client's listeners."""
        result = [(sub.start_address, sub.echo + sub.extra) for sub in self.subscriptions.for_client(client)]
        for list_fn, _end in self._client_listeners:
            result.extend(list_fn(client))
        return result

    def end_client(self, client):
        """Stop every listener of a client; how many there were."""
        count = self.subscriptions.end_client(client)
        for list_fn, end_fn in self._client_listeners:
            count += len(list_fn(client))
            end_fn(client)
        return count

    def client_closed(self, client):
        """The transport's notice that a client is gone (a TCP connection closed)."""
        self.end_client(client)

    def unbind(self):
        """Remove every Live listener and forget the Live set."""
        self.subscriptions.clear()
        for fn in self._cleanups:
            try:
                fn()
            except Exception:
                pass
        self.state.clear()
        self.ctx.song = None
        self.ctx.application = None

    def available(self, entry):
        """Whether the running Live version has what the entry needs."""
        return entry.since is None or self.ctx.version >= entry.since

    def dispatch(self, message, client):
        """Serve one message (the transport's dispatcher protocol).

        Listener updates never come after a later reply: those waiting go out before the message is
        served, and those it caused right after it.
        """
        outbox = self.subscriptions.outbox
        if outbox.pending:
            outbox.flush()
        try:
            self._serve(message, client)
        finally:
            if outbox.pending:
                outbox.flush()

    def _serve(self, message, client):
        address = message.address
        entry = self.entries.get(address)
        args = message.args
        if entry is not None:
            if "*" in args[:len(entry.obj.index_names)]:
                # Every track (or clip...): worked off one object per turn, other senders in between.
                self._in_turns(self._run_steps(entry, args, client), client, address)
            else:
                self.run(entry, args, client)
            return
        if is_pattern(address):
            matches = self.matching(address)
            if matches:
                self._in_turns(self._match_steps(matches, args, client), client, address)
                return
        self.ctx.server.send_error(client, "Unknown OSC address: %s%s" % (address, self.did_you_mean(address)),
                                   address)

    def did_you_mean(self, address):
        """ "; did you mean /live/song/get/tempo?" for an unknown address near known ones, else ""."""
        if is_pattern(address):
            return ""
        if self._suggester is None:
            self._suggester = Suggester(self.entries)
        return did_you_mean(self._suggester.nearest(address))

    def matching(self, pattern):
        """The dispatchable entries an OSC address pattern matches, in registration order.

        Patterns read, they never rewrite wholesale: a pattern reaches every getter it matches, but
        a setter or a listener start/stop only where its kind segment ("set", "start_listen") is
        literal, a setter only where its property segment is literal too, and never a method.
        """
        cached = self._pattern_cache.get(pattern)
        if cached is None:
            compiled = compile_pattern(pattern)
            by_address = {}
            for entry in self.order:
                if entry.kind not in (KIND_METHOD, KIND_STATUS) and pattern_reaches(compiled, entry):
                    by_address[entry.address] = entry
            cached = [by_address[address] for address in compiled.select(list(by_address))]
            if len(self._pattern_cache) > 256:
                self._pattern_cache.clear()
            self._pattern_cache[pattern] = cached
        return cached

    def _in_turns(self, steps, client, address):
        """Work off a generator in the transport's turns (all at once where it has none)."""
        server = self.ctx.server
        if hasattr(server, "run_sliced"):
            server.run_sliced(client, steps, _ignore, address)
        else:
            for _ in steps:
                pass

    def _run_matches(self, matches, args, client):
        for _ in self._match_steps(matches, args, client):
            pass

    def _match_steps(self, matches, args, client):
        server = self.ctx.server
        said = set()  # a refusal shared by many matches (a cap reached) is said once
        for entry in matches:
            if not self.available(entry):
                continue
            try:
                for _ in self._run_steps(entry, args, client):
                    yield
            except (_Mismatch, NotAvailable):
                continue  # a pattern reaches addresses with other arguments or versions: not an error
            except Exception as error:  # each match in its own error scope
                if isinstance(error, RuntimeError) and entry.kind == KIND_GET:
                    continue  # a property Live refuses for this object (the master's arm): not asked for by name
                text = "Error handling OSC message: %s" % error
                if isinstance(error, CapReached):
                    if text in said:
                        continue
                    said.add(text)
                server.send_error(client, text, entry.address)

    def run(self, entry, args, client):
        """Resolve the object, coerce the arguments, call the entry and send its reply."""
        for _ in self._run_steps(entry, args, client):
            pass

    def _run_steps(self, entry, args, client):
        """run() as a generator that yields after each object (a "*" index reaches many)."""
        ctx = self.ctx
        if entry.since is not None and ctx.version < entry.since:
            raise NotAvailable("%s needs Live %s or later (this is Live %s)"
                               % (entry.address, version_text(entry.since), version_text(ctx.version)))
        ctx.client = client
        ctx.address = entry.address
        obj = entry.obj
        count = len(obj.index_names)
        if len(args) < count:
            raise _missing(entry)
        if len(args) == count + 1 and entry.kind == KIND_METHOD and not entry.args:
            pressed = button_value(args[count])
            if pressed is not None:
                if not pressed:
                    return  # a button's release: one press is one action
                args = args[:count]
        # Most requests are index arguments only (every getter): nothing to coerce.
        values = coerce_args(entry, args[count:]) if (entry.args or len(args) > count) else ()
        try:
            targets = obj.resolve(ctx.song, args[:count]) if count else (((), ctx.song),)
        except (HandlerError, IndexError):
            if entry.kind == KIND_STOP:
                # The object is gone (its listeners went with it): nothing left to stop.
                self.subscriptions.stop_gone(client, entry, args[:count])
                return
            raise
        reply_address = entry.address
        for echo, target in targets:
            ctx.client = client  # again: other senders' messages ran since the last object
            ctx.address = reply_address
            ctx.echo = echo
            result = entry.fn(ctx, target, *values)
            if result is not None:
                if hasattr(result, "__next__"):
                    self._sliced(result, client, reply_address, echo if entry.echo else ())
                else:
                    client.send(reply_address, (echo + tuple(result)) if entry.echo else tuple(result))
            yield

    def _sliced(self, steps, client, address, echo):
        """A handler that is a generator works in slices over polls; its return value is the reply."""
        def done(result):
            if result is not None:
                client.send(address, echo + tuple(result))

        server = self.ctx.server
        if hasattr(server, "run_sliced"):
            server.run_sliced(client, steps, done, address)
            return
        while True:  # a transport without turns: all at once
            try:
                next(steps)
            except StopIteration as stop:
                done(stop.value)
                return

    # ------------------------------------------------------------------ introspection
    def coverage(self):
        """The Live members reachable over OSC, by Live class: {"Song": ["tempo", ...]}.

        An entry reaches its own ``members`` and those its object kind goes through to find the
        object (a track reference reaches Song.tracks, master_track and return_tracks).
        """
        result = {}
        for entry in self.order:
            for member in entry.members + tuple(getattr(entry.obj, "members", ())):
                cls, _, name = member.rpartition(".")
                result.setdefault(cls, set()).add(name)
        for cls in list(result):
            # Reaching members of "X.View" reaches X.view, the object that holds them.
            if cls.endswith(".View"):
                result.setdefault(cls[:-len(".View")], set()).add("view")
        return {cls: sorted(names) for cls, names in sorted(result.items())}

    def describe(self, pattern=None):
        """Every address (matching an optional OSC pattern) as plain dicts, in registration order."""
        entries = self.order
        if pattern:
            wanted = set(compile_pattern(pattern).select([entry.address for entry in entries]))
            entries = [entry for entry in entries if entry.address in wanted]
        return [entry.describe() for entry in entries]


_KIND_WORDS = {KIND_SET: "set", KIND_START: "start_listen", KIND_STOP: "stop_listen"}


def pattern_reaches(compiled, entry):
    """Whether a compiled pattern may reach an entry at all (see Registry.matching)."""
    if entry.kind == KIND_GET:
        return True
    word = _KIND_WORDS.get(entry.kind)
    if word is None or not compiled.fixed:
        return False  # methods never; with '//' the levels do not line up: getters only
    parts = entry.address.split("/")
    if len(parts) != len(compiled.levels) or word not in parts:
        return False
    at = len(parts) - 1 - parts[::-1].index(word)
    if compiled.levels[at].__class__ is not str:
        return False
    return entry.kind != KIND_SET or all(level.__class__ is str for level in compiled.levels[at + 1:])


def button_value(value):
    """A control surface button's value sent with a method (1 press, 0 release): True, False, or None if not one."""
    if value.__class__ is bool:
        return value
    if value.__class__ in (int, float):
        return value != 0
    return None


def _ignore(result):
    return None


def _missing(entry):
    """The error for too few arguments, naming every required one."""
    required = entry.obj.index_names + tuple(arg.name for arg in entry.args if not arg.optional)
    return _Mismatch("%s needs %s" % (entry.address, ", ".join(required)))


def coerce_args(entry, raw):
    """Convert the arguments after the index arguments to the entry's declared types."""
    spec = entry.args
    values = []
    position = 0
    for arg in spec:
        if arg.variadic:
            convert = COERCE.get(arg.type, COERCE["x"])
            values.extend(convert(value, arg.name) for value in raw[position:])
            position = len(raw)
            break
        if position >= len(raw):
            if arg.optional:
                break
            raise _missing(entry)
        convert = COERCE.get(arg.type)
        values.append(convert(raw[position], arg.name) if convert else raw[position])
        position += 1
    if position < len(raw):
        # Getters echo extra arguments after the value, as upstream does, and listeners key on
        # them; other addresses refuse them.
        if entry.prop is not None and entry.kind in (KIND_GET, KIND_START, KIND_STOP):
            values.extend(raw[position:])
        else:
            raise ArgumentError(
                "%s takes %d argument(s) after the index, got %d" % (entry.address, len(spec), len(raw))
            )
    return values


def _index_reply(obj):
    return "".join("%s:%s " % (name, "i" if t in ("T", "D") else t) for name, t in zip(obj.index_names,
                                                                                           obj.index_types))


def version_text(version):
    """A Live version tuple as text ("11.0.0")."""
    return ".".join(str(n) for n in version)


def unavailable(ctx, prop, error, what=None):
    """NotAvailable for a Live member the running version lacks (an AttributeError naming it)."""
    name = what or prop.attr
    if name not in str(error):
        return error
    return NotAvailable("%s is not available in Live %s: it has no %s" % (
        ctx.address, version_text(ctx.version), name))


def _make_getter(prop):
    def get(ctx, obj, *extra):
        try:
            values = prop.read(obj)
        except RuntimeError:
            # Live raises RuntimeError where a property does not apply. Upstream answers nil, and so
            # do we on its addresses with index references; otherwise Live's own text is the answer.
            if prop.strict or (ctx.echo and isinstance(ctx.echo[0], str)):
                raise
            values = (None,)
        except AttributeError as error:
            raise unavailable(ctx, prop, error)
        return values + tuple(to_osc(v) for v in extra)

    return get


def _make_setter(prop):
    coerce = COERCE.get(prop.type)

    def set_(ctx, obj, value):
        if prop.values is not None and value not in prop.values:
            raise ArgumentError("%s must be %s, got %r" % (prop.name, _values_text(prop.values), value))
        try:
            write_value(ctx, prop.live_target(obj), prop.attr, value, prop.name, prop.limits)
        except AttributeError as error:
            raise unavailable(ctx, prop, error)

    if coerce is None:
        raise ValueError("property %s of type %s cannot be set generically" % (prop.name, prop.type))
    return set_


def _values_text(values):
    if isinstance(values, range):
        return "from %d to %d" % (values[0], values[-1])
    return "one of %s" % ", ".join(str(v) for v in values)


def _make_start(prop, get_address):
    def start(ctx, obj, *extra):
        ctx.registry.subscriptions.start(ctx, prop, obj, get_address, extra, tags=True)

    return start


def _make_stop(prop, get_address):
    def stop(ctx, obj, *extra):
        ctx.registry.subscriptions.stop(ctx, prop, obj, get_address, extra)

    return stop
