"""The shared base of every livesim ``Live`` class: nodes, handles, properties, listeners, vectors, enums.

Model
-----
State lives in **nodes** (``Node`` subclasses, plain Python objects owned by a ``World``).
Scripts never see nodes: every access returns a fresh **handle**, an instance of the public
class (``Live.Song.Song`` ...) with one slot ``_o`` pointing at the node.  Handles compare
equal when they point at the same node (``_live_ptr`` is the node's stable integer id);
a handle of a deleted node compares equal to ``None`` and raises ``RuntimeError`` on use
(only ``_live_ptr``, ``==`` and ``hash`` keep working, so cleanup code can find it).

    node = SongNode(world)             # Node.__init__(self, world, parent=None, cls=None) sets
                                       # world, parent, cls (the public class), dead, ls, ptr
    handle = wrap(node)                # -> Live.Song.Song instance; wrap(None) is None
    node = unwrap(handle)              # -> node (RuntimeError if deleted)
    kill(node)                         # mark node and node.children() deleted, drop listeners
    revive(node)                       # undo of a deletion
    replace_members(before, after)     # a list of owned nodes changed: kill and revive accordingly
    put, take = membership(owner, owner.items, node, "items")  # an undoable add or delete

Attaching a child: create its node with ``parent=`` the owner, store it on the owner, list it in
the owner's ``children()`` (so deletion reaches it) and notify the owner's collection property
(``notify(track, "devices")``).  Object-valued properties return ``wrap(child_node)``.

Declaring a class
-----------------
Public classes derive from ``LomObject`` (or a subclass) and declare ``__slots__ = ()``.
``__init_subclass__`` sets ``__module__`` to the leaf name Live reports (``"Song"``), registers
the class in ``CLASSES`` by qualified name, and generates the listener triple
``add_<p>_listener`` / ``remove_<p>_listener`` / ``<p>_has_listener`` for every observable
property and every ``event``.  Members:

    name = prop(T, set=False, observe=False, get=None, fset=None, attr=None,
                check=None, avail=None, doc=True, undo=True)
        T: "bool" | "int" | "float" | "str" | "any" | an enum class | a class name such as
           "Track" (object valued; "Track?" = nullable).  Setters convert their argument with
           Boost.Python's rules (bool <- int/bool/None, int <- int/bool, float <- int/bool/float,
           str <- str/bytes) and raise ``ArgumentError`` otherwise; getters of enum
           properties return enum members.
        get(node) / fset(node, value): custom accessors; default reads/writes
           ``node.<attr or name>`` through ``set_value`` (listeners fire only on change).
        check(node) -> str | None: kind-specific refusal; a string is raised as
           ``RuntimeError(text)`` on read, write and add_listener ("Main track has no 'mute' ...").
        avail(version_tuple) -> bool: members a Live version lacks raise AttributeError
           (``since(11, 1)``, ``until(12, 0)``, ``since_except(first, gap_start, gap_end)``
           build these); ``obs_avail`` gates only the listener triple, ``set_avail`` only the
           setter (AttributeError "can't set attribute").  Gating is by the node's world; on
           the class itself by the active world.  Module-level members a version lacks go in a
           module ``GATED`` dict served by a module ``__getattr__`` (see ``Live.Base``).
        doc: False for view/selection state: writes are allowed inside listeners and
           notifications of it do not take the notification lock; never undoable.
        undo: False for document state that Live does not put on the undo stack (transport).
    canonical_parent = parent_prop()  # the owner's handle; ``_live_ptr`` comes from LomObject
    name = event(avail=None)          # listener triple with no property (Clip "notes")
    @method("int arg2, bool Quantized=True", edits=False, label=None, avail=None)
    def name(node, index, quantized): ...   # gets the node and converted arguments
        Arguments are "type name[=default]"; names like ``arg2`` are positional-only, others also
        accept keywords.  ``edits=True`` refuses the call inside a notification and makes it one
        undo step (``label`` names it).  The function returns plain values or handles.

Listeners
---------
``notify(node, name)`` calls the listeners of ``name`` with no arguments.  Bound methods are held
weakly (a collected owner is dropped silently); adding twice raises "Observer already
connected", removing an unknown one "Observer not connected".  While listeners of a document
property run, ``world.lock`` is held: ``check_edit(world)`` (called by every document setter and
edit method) raises "Changes cannot be triggered by notifications. You will need to defer your
response."; during undo/redo it raises "Changes cannot be triggered during undo or redo.".
An exception in a listener goes to ``world.log_exception`` and the other listeners still run.

``set_value(node, name, value, undo=None)`` stores a value, records the undo entry (for
undoable document properties) and notifies when it changed.  Engine updates call it with
``undo=False``.  ``world.history.record(undo_fn, redo_fn, label)`` records other edits.
Ranged setters use ``in_range(world, value, lo, hi, error_text)`` so ``world.clamp_ranges``
applies; ``world.notify_unchanged`` makes ``set_value`` notify equal writes too.

Vectors and enums
-----------------
``vector(cls, items, wrap_fn=wrap)`` builds a snapshot vector of nodes (wrapped on
access; pass ``wrap_fn=None`` for plain values); ``make_vector_class(module, name, doc)`` makes
a vector class (``Live.Base.Vector`` and its siblings): len, int/negative index, slice,
iteration, ``in``, and ``append``/``extend`` that change only the snapshot (as Boost.Python's
indexing suite does); item assignment is refused; a non-int index raises
``TypeError("Invalid index type")``, a bad one ``IndexError("Index out of range")``.
``make_enum(module, qualname, {"name": value})`` builds an int subclass with Boost.Python's
``names``/``values`` dicts and repr ``Song.Quantization.q_bar``.
"""
import ast
import types
import weakref

DELETED_TEXT = "Object has been deleted"
LOCK_TEXT = "Changes cannot be triggered by notifications. You will need to defer your response."
UNDO_LOCK_TEXT = "Changes cannot be triggered during undo or redo."
CLASSES = {}

_active = [None]        # the World that Live.Application / Live.Base.Timer use


def active_world():
    """The World made current by World.activate() (None before)."""
    return _active[0]


_activation_hooks = []   # called with each world made current (Live._public follows its version)


def set_active_world(world):
    """Make ``world`` current for module-level Live functions."""
    _active[0] = world
    for hook in _activation_hooks:
        hook(world)


class ArgumentError(TypeError):
    """Boost.Python.ArgumentError: argument types did not match the C++ signature."""


ArgumentError.__module__ = "Boost.Python"


# ---------------------------------------------------------------- versions

def since(*version):
    """Availability predicate: present from ``version`` on."""
    v = tuple(version) + (0,) * (3 - len(version))
    return lambda have: have >= v


def until(*version):
    """Availability predicate: present before ``version`` only."""
    v = tuple(version) + (0,) * (3 - len(version))
    return lambda have: have < v


def since_except(first, gap_start, gap_end):
    """Availability predicate: present from ``first`` on, except in [gap_start, gap_end)."""
    return lambda have: have >= first and not gap_start <= have < gap_end


def _class_version_ok(avail):
    w = _active[0]
    return w is None or avail(w.version)


# ---------------------------------------------------------------- conversion

class _Mismatch(Exception):
    pass


def _to_bool(v):
    if v is None:
        return False
    if isinstance(v, int):
        return bool(v)
    raise _Mismatch


_FLOAT32_MAX = 3.4028234663852886e38


def _to_int(v):
    if isinstance(v, int):
        if not -2 ** 31 <= v < 2 ** 31:
            # Boost.Python's numeric_cast into a C++ int.
            raise OverflowError("bad numeric conversion: %s overflow" % ("positive" if v > 0 else "negative"))
        return int(v)
    raise _Mismatch


def _to_float(v):
    if isinstance(v, (int, float)):
        try:
            f = float(v)
        except OverflowError:
            f = float("inf")
        # Live keeps its values as 32-bit floats and refuses what they cannot hold.
        if f != f or abs(f) > _FLOAT32_MAX:
            raise RuntimeError("Invalid value: %r is not a number Live can hold" % (v,))
        return f
    raise _Mismatch


def _to_str(v):
    if isinstance(v, str):
        return v
    if isinstance(v, bytes):
        return v.decode("utf-8")
    raise _Mismatch


def _to_any(v):
    return v


_SIMPLE = {"bool": _to_bool, "int": _to_int, "float": _to_float, "str": _to_str, "any": _to_any}
_CPP = {"bool": "bool", "int": "int", "float": "double", "str": "TString", "any": "boost::python::api::object"}


def _converter(t):
    """A function converting a Python value to Live type ``t`` (raises _Mismatch)."""
    if isinstance(t, str) and t in _SIMPLE:
        return _SIMPLE[t]
    if isinstance(t, type) and issubclass(t, int):
        enum_cls = t

        def conv_enum(v):
            if not isinstance(v, int):
                raise _Mismatch
            member = enum_cls.values.get(int(v))
            if member is None or member.name == "count":
                raise RuntimeError("Invalid value %d for %s" % (int(v), enum_cls.__qualname__))
            return member
        return conv_enum
    nullable = t.endswith("?")
    cname = t.rstrip("?")

    def conv_obj(v):
        if v is None:
            if nullable:
                return None
            raise _Mismatch
        cls = CLASSES.get(cname)
        if cls is None or not isinstance(v, cls):
            raise _Mismatch
        o = v._o
        if o.dead:
            raise RuntimeError(DELETED_TEXT)
        return o
    return conv_obj


def _pytype_name(v):
    return type(v).__name__


def _cpp_name(t):
    if isinstance(t, str):
        return _CPP.get(t, "TPyHandle<A%s>" % t.rstrip("?").split(".")[-1])
    return t.__name__


def argument_error(owner, name, args, types_):
    """Build Boost.Python's ArgumentError for a call of ``owner.name`` with ``args``."""
    given = ", ".join([owner] + [_pytype_name(a) for a in args])
    wanted = ", ".join(["TPyHandle<A%s>" % owner] + [_cpp_name(t) for t in types_])
    return ArgumentError("Python argument types in\n    %s.%s(%s)\ndid not match C++ signature:\n    %s(%s)"
                         % (owner, name, given, name, wanted))


def _setter_error(owner, value, t):
    return ArgumentError("Python argument types in\n    None.None(%s, %s)\ndid not match C++ signature:\n"
                         "    None(TPyHandle<A%s>, %s)" % (owner, _pytype_name(value), owner, _cpp_name(t)))


# ---------------------------------------------------------------- nodes and handles

class Node(object):
    """State of one Live object; ``cls`` is the public class its handles have."""

    cls = None
    # Defaults on the class (a set builds some 10^4 nodes); kill/revive and add_listener set them per node.
    dead = False
    ls = None

    def __init__(self, world, parent=None, cls=None):
        self.world = world
        self.parent = parent
        if cls is not None:
            self.cls = cls
        self.ptr = world.new_ptr()

    def children(self):
        """Nodes owned by this one (deleted with it)."""
        return ()


def wrap(o):
    """A fresh handle for node ``o`` (None for None)."""
    if o is None:
        return None
    h = _new(o.cls)
    h._o = o
    return h


_new = object.__new__


def unwrap(h):
    """The node behind handle ``h`` (RuntimeError if deleted)."""
    o = h._o
    if o.dead:
        raise RuntimeError(DELETED_TEXT)
    return o


def kill(o):
    """Delete node ``o`` and everything it owns: handles compare equal to None, listeners go."""
    stack = [o]
    while stack:
        n = stack.pop()
        if n.dead:
            continue
        n.dead = True
        n.ls = None
        stack.extend(n.children())


def revive(o):
    """Undo ``kill`` (used by undo of a deletion); a node's ``on_revive()`` then restores its internal links."""
    stack = [o]
    revived = []
    while stack:
        n = stack.pop()
        n.dead = False
        revived.append(n)
        stack.extend(n.children())
    for n in revived:
        hook = getattr(n, "on_revive", None)
        if hook is not None:
            hook()


def replace_members(before, after):
    """A list of owned nodes goes from ``before`` to ``after`` (an edit, its undo or redo): the nodes that left
    are deleted, those back again revived."""
    for n in before:
        if n not in after:
            kill(n)
    for n in after:
        if n.dead:
            revive(n)


def membership(owner, items, node, name):
    """(put, take) for undo: add ``node`` to ``items``, a list of ``owner``'s, or delete it from there.

    Both notify ``owner``'s ``name`` listeners; put revives the node, take kills it.
    """
    def put():
        revive(node)
        items.append(node)
        notify(owner, name)

    def take():
        items.remove(node)
        kill(node)
        notify(owner, name)
    return put, take


def leaf_module(module_name):
    """The module name Live reports for a class defined in ``module_name``: Live._clip_slot -> ClipSlot."""
    leaf = module_name.rsplit(".", 1)[-1]
    if leaf.startswith("_"):
        leaf = "".join(part.capitalize() for part in leaf[1:].split("_"))
    return leaf


class LomObject(object):
    """Base of every Live object class (Live.LomObject.LomObject)."""

    __slots__ = ("_o",)
    _props = {}

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    def __init_subclass__(cls, **kwargs):
        super(LomObject, cls).__init_subclass__(**kwargs)
        cls.__module__ = leaf_module(cls.__module__)
        CLASSES[cls.__qualname__] = cls
        CLASSES.setdefault(cls.__name__, cls)
        props = {}
        for base in reversed(cls.__mro__[1:]):
            props.update(getattr(base, "_props", {}))
        for name, v in list(cls.__dict__.items()):
            if isinstance(v, Prop):
                props[name] = v
                if v.observe:
                    _add_triple(cls, name, v.obs_avail, v.check)
            elif isinstance(v, _Event):
                delattr(cls, name)
                _add_triple(cls, name, v.avail, None)
        cls._props = props

    def __eq__(self, other):
        if other is None:
            return self._o.dead
        if isinstance(other, LomObject):
            return self._o is other._o
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return self._o.ptr

    def __repr__(self):
        return "<%s.%s object at 0x%x>" % (type(self).__module__, type(self).__qualname__, self._o.ptr)


LomObject.__module__ = "LomObject"


# ---------------------------------------------------------------- properties

class Prop(object):
    """A Live property: typed, get-only or settable, optionally observable and version-gated."""

    __slots__ = ("name", "attr", "type", "settable", "observe", "fget", "fset", "check", "avail",
                 "doc", "undo", "conv", "owner", "obs_avail", "set_avail")

    def __init__(self, t, set=False, observe=False, get=None, fset=None, attr=None, check=None,
                 avail=None, doc=True, undo=True, obs_avail=None, set_avail=None):
        self.type = t
        self.settable = set
        self.observe = observe
        self.fget = get
        self.fset = fset
        self.attr = attr
        self.check = check
        self.avail = avail
        self.doc = doc
        self.undo = undo and doc
        self.conv = _converter(t) if set else None
        self.name = None
        self.owner = None
        self.obs_avail = obs_avail or avail
        self.set_avail = set_avail

    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
        if self.attr is None:
            self.attr = name

    def __get__(self, h, cls=None):
        if h is None:
            if self.avail is not None and not _class_version_ok(self.avail):
                raise AttributeError("type object '%s' has no attribute '%s'" % (cls.__name__, self.name))
            return self
        o = h._o
        if o.dead:
            raise RuntimeError(DELETED_TEXT)
        if self.avail is not None and not self.avail(o.world.version):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(h).__name__, self.name))
        if self.check is not None:
            msg = self.check(o)
            if msg:
                raise RuntimeError(msg)
        if self.fget is not None:
            return self.fget(o)
        return getattr(o, self.attr)

    def __set__(self, h, value):
        o = h._o
        if self.avail is not None and not self.avail(o.world.version):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(h).__name__, self.name))
        if not self.settable or self.set_avail is not None and not self.set_avail(o.world.version):
            raise AttributeError("can't set attribute")
        if o.dead:
            raise RuntimeError(DELETED_TEXT)
        try:
            v = self.conv(value)
        except _Mismatch:
            raise _setter_error(self.owner, value, self.type) from None
        if self.check is not None:
            msg = self.check(o)
            if msg:
                raise RuntimeError(msg)
        w = o.world
        if self.doc:
            check_edit(w)
        if self.fset is not None:
            if self.undo:
                w.history.begin(None)
                try:
                    self.fset(o, v)
                finally:
                    w.history.end()
            else:
                self.fset(o, v)
        else:
            set_value(o, self.attr, v, prop=self)


prop = Prop

# Like == and hash, the identity stays readable after deletion (cleanup code keys on it).
LomObject._live_ptr = property(lambda self: self._o.ptr, doc="Stable identity of the Live object.")


def parent_prop():
    """The ``canonical_parent`` property (the owning object's handle)."""
    return Prop("any", get=lambda o: wrap(o.parent))


class _Event(object):
    __slots__ = ("avail",)

    def __init__(self, avail=None):
        self.avail = avail


def event(avail=None):
    """Declare an event-only listener (``add_<name>_listener`` without a property)."""
    return _Event(avail)


def in_range(w, v, lo, hi, text):
    """``v`` if within [lo, hi]; else clamped (world.clamp_ranges) or RuntimeError(text)."""
    if lo <= v <= hi:
        return v
    if w.clamp_ranges:
        return lo if v < lo else hi
    raise RuntimeError(text)


def check_edit(w):
    """Refuse a document change during notifications and undo/redo."""
    if w.history.replaying:
        raise RuntimeError(UNDO_LOCK_TEXT)
    if w.lock:
        raise RuntimeError(LOCK_TEXT)


def set_value(o, name, value, undo=None, prop=None):
    """Store ``value`` as ``o.<name>``; record undo and notify if it changed."""
    old = getattr(o, name)
    if old == value and type(old) is type(value):
        if o.world.notify_unchanged and o.ls is not None:
            notify(o, prop.name if prop is not None else name, prop.doc if prop is not None else True)
        return False
    setattr(o, name, value)
    if prop is None:
        prop = o.cls._props.get(name)
    doc = prop.doc if prop is not None else True
    if undo is None:
        undo = prop.undo if prop is not None else False
    if undo:
        w = o.world

        def undo_fn():
            set_value(o, name, old, undo=False, prop=prop)

        def redo_fn():
            set_value(o, name, value, undo=False, prop=prop)
        w.history.record(undo_fn, redo_fn, name)
    if o.ls is not None:
        notify(o, prop.name if prop is not None else name, doc)
    elif o.world.observer is not None:
        o.world.observer(o, prop.name if prop is not None else name)
    return True


# ---------------------------------------------------------------- listeners

class _Entry(object):
    __slots__ = ("cb", "ref", "func")

    def __init__(self, cb):
        s = getattr(cb, "__self__", None)
        f = getattr(cb, "__func__", None)
        self.cb = cb
        self.ref = None
        self.func = None
        if s is not None and f is not None and not isinstance(s, type):
            try:
                self.ref = weakref.ref(s)
                self.func = f
                self.cb = None
            except TypeError:
                pass

    def target(self):
        if self.cb is not None:
            return self.cb
        s = self.ref()
        return None if s is None else types.MethodType(self.func, s)

    def matches(self, cb):
        if self.cb is not None:
            return self.cb == cb
        return getattr(cb, "__func__", None) is self.func and getattr(cb, "__self__", None) is self.ref()


def _find(o, name, cb):
    entries = o.ls.get(name) if o.ls else None
    if entries:
        for e in entries:
            if e.matches(cb):
                return e
    return None


def add_listener(o, name, cb):
    """Connect ``cb`` to ``o``'s ``name`` notifications."""
    if _find(o, name, cb) is not None:
        raise RuntimeError("Observer already connected")
    if o.ls is None:
        o.ls = {}
    o.ls.setdefault(name, []).append(_Entry(cb))


def remove_listener(o, name, cb):
    """Disconnect ``cb``."""
    e = _find(o, name, cb)
    if e is None:
        raise RuntimeError("Observer not connected")
    o.ls[name].remove(e)


def notify(o, name, doc=True):
    """Call ``o``'s listeners of ``name``; document notifications hold the notification lock."""
    observer = o.world.observer
    if observer is not None:  # livesim's own views (the web page) see every change, listened to or not
        observer(o, name)
    ls = o.ls
    if not ls:
        return
    entries = ls.get(name)
    if not entries:
        return
    w = o.world
    if doc:
        w.lock += 1
    try:
        for e in list(entries):
            cb = e.target()
            if cb is None:
                try:
                    entries.remove(e)
                except ValueError:
                    pass
                continue
            try:
                cb()
            except Exception:
                w.log_exception("listener of %s.%s" % (o.cls.__name__, name))
    finally:
        if doc:
            w.lock -= 1


class _ListenerMethod(object):
    __slots__ = ("prop_name", "kind", "avail", "check", "owner")

    def __init__(self, prop_name, kind, avail, check):
        self.prop_name = prop_name
        self.kind = kind
        self.avail = avail
        self.check = check

    def __get__(self, h, cls=None):
        if h is None:
            if self.avail is not None and not _class_version_ok(self.avail):
                raise AttributeError(self.prop_name)
            return self
        o = h._o
        if self.avail is not None and not self.avail(o.world.version):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(h).__name__, self._name()))
        name = self.prop_name
        kind = self.kind
        owner = type(h).__name__
        meth = self._name()
        check = self.check

        def call(*args):
            if len(args) != 1:
                raise argument_error(owner, meth, args, ["any"])
            cb = args[0]
            if kind == "add":
                if o.dead:
                    raise RuntimeError(DELETED_TEXT)
                if check is not None:
                    msg = check(o)
                    if msg:
                        raise RuntimeError(msg)
                add_listener(o, name, cb)
            elif kind == "remove":
                remove_listener(o, name, cb)
            else:
                return _find(o, name, cb) is not None
        call.__name__ = meth
        return call

    def _name(self):
        if self.kind == "has":
            return "%s_has_listener" % self.prop_name
        return "%s_%s_listener" % (self.kind, self.prop_name)


def _add_triple(cls, name, avail, check):
    for kind in ("add", "remove", "has"):
        lm = _ListenerMethod(name, kind, avail, check)
        setattr(cls, lm._name(), lm)


# ---------------------------------------------------------------- methods

_NODEF = object()


def _parse_args(spec):
    out = []
    for part in [p.strip() for p in spec.split(",") if p.strip()]:
        decl, _, default = part.partition("=")
        t, name = decl.split()
        d = _NODEF
        if default:
            d = ast.literal_eval(default.strip())
        out.append((t, name, d))
    return out


class Method(object):
    """A Live method: converts its arguments like Boost.Python, gated by version and edit rules."""

    __slots__ = ("fn", "args", "convs", "edits", "label", "avail", "name", "owner")

    def __init__(self, fn, spec, edits, label, avail):
        self.fn = fn
        self.args = _parse_args(spec)
        self.convs = [_converter(t) for t, _, _ in self.args]
        self.edits = edits
        self.label = label
        self.avail = avail
        self.name = fn.__name__

    def __set_name__(self, owner, name):
        self.owner = owner.__name__

    def __get__(self, h, cls=None):
        if h is None:
            if self.avail is not None and not _class_version_ok(self.avail):
                raise AttributeError(self.name)
            return self
        o = h._o
        if self.avail is not None and not self.avail(o.world.version):
            raise AttributeError("'%s' object has no attribute '%s'" % (type(h).__name__, self.name))

        def call(*args, **kwargs):
            return self.call(o, args, kwargs)
        call.__name__ = self.name
        return call

    def call(self, o, args, kwargs):
        if o.dead:
            raise RuntimeError(DELETED_TEXT)
        spec = self.args
        n = len(spec)
        if len(args) > n:
            raise argument_error(self.owner, self.name, args, [t for t, _, _ in spec])
        values = list(args)
        if kwargs or len(values) < n:
            for i in range(len(values), n):
                t, pname, d = spec[i]
                if pname in kwargs and not pname.startswith("arg"):
                    values.append(kwargs.pop(pname))
                elif d is not _NODEF:
                    values.append(d)
                else:
                    raise argument_error(self.owner, self.name, args, [t for t, _, _ in spec])
            if kwargs:
                raise argument_error(self.owner, self.name, args, [t for t, _, _ in spec])
        convs = self.convs
        try:
            for i in range(len(args)):
                values[i] = convs[i](values[i])
            for i in range(len(args), n):
                if values[i] is not spec[i][2]:
                    values[i] = convs[i](values[i])
        except _Mismatch:
            raise argument_error(self.owner, self.name, values, [t for t, _, _ in spec]) from None
        if not self.edits:
            return self.fn(o, *values)
        w = o.world
        check_edit(w)
        w.history.begin(self.label or self.name)
        try:
            return self.fn(o, *values)
        finally:
            w.history.end()


def method(spec="", edits=False, label=None, avail=None):
    """Decorator declaring a Live method on a LomObject class body (see module docstring)."""
    def deco(fn):
        return Method(fn, spec, edits, label, avail)
    return deco


# ---------------------------------------------------------------- vectors

class VectorBase(object):
    """Read-only snapshot sequence returned by Live (Boost.Python indexing suite)."""

    __slots__ = ("_items", "_wrap")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        if isinstance(i, int):
            items = self._items
            if not -len(items) <= i < len(items):
                raise IndexError("Index out of range")
            x = items[i]
            w = self._wrap
            return x if w is None else w(x)
        if isinstance(i, slice):
            return vector(type(self), self._items[i], self._wrap)
        raise TypeError("Invalid index type")

    def __iter__(self):
        w = self._wrap
        if w is None:
            return iter(self._items)
        return (w(x) for x in self._items)

    def __contains__(self, x):
        for y in self:
            if y == x:
                return True
        return False

    def __repr__(self):
        return "<%s.%s object with %d items>" % (type(self).__module__, type(self).__name__, len(self._items))

    def append(self, x):
        """Add an item to this snapshot (Live itself is not changed)."""
        self._items.append(x._o if self._wrap is not None and isinstance(x, LomObject) else x)

    def extend(self, xs):
        """Add several items to this snapshot."""
        for x in xs:
            self.append(x)

    def __setitem__(self, i, v):
        raise TypeError("'%s' object does not support item assignment" % type(self).__name__)

    def __delitem__(self, i):
        raise TypeError("'%s' object does not support item deletion" % type(self).__name__)


def vector(cls, items, wrap_fn=wrap):
    """A ``cls`` vector holding ``items`` (nodes wrapped on access, or plain values if wrap_fn is None)."""
    v = _new(cls)
    v._items = list(items)
    v._wrap = wrap_fn
    return v


def make_vector_class(module, name, doc):
    """A vector class reporting ``module``.``name`` (siblings, not subclasses, of Base.Vector)."""
    cls = type(name, (VectorBase,), {"__slots__": (), "__doc__": doc})
    cls.__module__ = module
    return cls


# ---------------------------------------------------------------- enums

class LiveEnum(int):
    """Base of Boost.Python-style enums: int subclasses with names/values dicts."""

    names = {}
    values = {}
    name = None

    @classmethod
    def _make(cls, value, name):
        m = int.__new__(cls, value)
        m.name = name
        return m

    def __repr__(self):
        return "%s.%s.%s" % (type(self).__module__, type(self).__qualname__, self.name or int(self))

    def __str__(self):
        return self.name if self.name is not None else str(int(self))

    def __reduce__(self):
        return (int, (int(self),))


def make_enum(module, qualname, members):
    """Build an enum class ``module``.``qualname`` with ``members`` {name: int}."""
    cls = type(qualname.split(".")[-1], (LiveEnum,), {})
    cls.__module__ = module
    cls.__qualname__ = qualname
    cls.names = {}
    cls.values = {}
    for n, v in members.items():
        m = cls._make(v, n)
        cls.names[n] = m
        cls.values.setdefault(v, m)
        setattr(cls, n, m)
    return cls
