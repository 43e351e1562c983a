"""``_Framework.Util``: the small helpers scripts import from Ableton's framework."""
import contextlib
import functools
from itertools import chain


def clamp(val, minv, maxv):
    """``val`` bounded to ``minv``..``maxv``."""
    return max(minv, min(val, maxv))


def linear(minv, maxv, val):
    """The point ``val`` (0..1) of the way from ``minv`` to ``maxv``."""
    return minv + (maxv - minv) * val


def sign(value):
    """-1.0 for a negative value, else 1.0."""
    return -1.0 if value < 0 else 1.0


def in_range(value, lower_bound, upper_open_bound):
    """Whether ``value`` is an int with ``lower_bound <= value < upper_open_bound``."""
    return isinstance(value, int) and lower_bound <= value < upper_open_bound


def nop(*a, **k):
    """Do nothing."""


def const(value):
    """A function that always returns ``value``."""
    return lambda *a, **k: value


def negate(value):
    """``not value``."""
    return not value


def compose(*funcs):
    """``compose(f, g)(x) == f(g(x))``."""
    return functools.reduce(lambda f, g: lambda *a, **k: f(g(*a, **k)), funcs)


def maybe(fn):
    """``fn`` that passes None through without calling ``fn``."""
    return lambda x: fn(x) if x is not None else None


def find_if(predicate, seq):
    """The first element of ``seq`` that satisfies ``predicate``, or None."""
    for x in seq:
        if predicate(x):
            return x
    return None


def index_if(predicate, seq):
    """The index of the first element that satisfies ``predicate``, or ``len(seq)``."""
    index = 0
    for x in seq:
        if predicate(x):
            break
        index += 1
    return index


def first(seq):
    """``seq[0]``."""
    return seq[0]


def second(seq):
    """``seq[1]``."""
    return seq[1]


def third(seq):
    """``seq[2]``."""
    return seq[2]


def flatten(list_of_lists):
    """The elements of the inner lists, in order, as one iterator."""
    return chain.from_iterable(list_of_lists)


def group(lst, n):
    """``lst`` cut into tuples of ``n`` (an incomplete last group is dropped)."""
    return list(zip(*[lst[i::n] for i in range(n)]))


def product(iter_a, iter_b):
    """Every pair (a, b), as a generator."""
    for a in iter_a:
        for b in iter_b:
            yield a, b


def is_iterable(value):
    """Whether ``value`` can be iterated."""
    try:
        iter(value)
    except TypeError:
        return False
    return True


def recursive_map(fn, element, sequence_type=None):
    """``fn`` applied to the leaves of nested sequences of ``sequence_type`` (default: list and tuple)."""
    if sequence_type is None:
        return recursive_map(fn, element, (list, tuple))
    if isinstance(element, sequence_type):
        return [recursive_map(fn, x, sequence_type) for x in element]
    return fn(element)


def union(a, b):
    """A new dict with ``a``'s items updated by ``b``'s."""
    result = dict(a)
    result.update(b)
    return result


def dict_diff(left, right):
    """The items of ``left`` that ``right`` lacks or holds with another value."""
    missing = object()
    return dict((k, v) for k, v in left.items() if right.get(k, missing) != v)


def to_slice(obj):
    """``obj`` as a slice (an int becomes a one-element slice)."""
    if isinstance(obj, slice):
        return obj
    return slice(obj, obj + 1 if obj != -1 else None)


def mixin(one, *args):
    """A class deriving from all the classes given."""
    if not args:
        return one
    return type("Mixin_" + "_".join(cls.__name__ for cls in (one,) + args), (one,) + args, {})


def memoize(function):
    """Cache ``function``'s results by its positional arguments."""
    memoized = {}

    @functools.wraps(function)
    def wrapper(*args):
        if args not in memoized:
            memoized[args] = function(*args)
        return memoized[args]

    return wrapper


class lazy_attribute(object):
    """A property computed on first access and then stored on the instance."""

    def __init__(self, func, name=None):
        self.func = func
        self.__name__ = name or func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.__name__] = value
        return value


def forward_property(member):
    """``@forward_property('_mixer') def volume(): pass`` reads and writes ``self._mixer.volume``."""

    def decorator(func_or_name):
        name = func_or_name.__name__ if callable(func_or_name) else func_or_name
        return property(lambda self: getattr(getattr(self, member), name),
                        lambda self, value: setattr(getattr(self, member), name, value))

    return decorator


class BooleanContext(object):
    """A flag set to ``value`` inside ``with ctx():`` (``ctx(value)``) and restored after; truthy if set."""

    default_value = False

    def __init__(self, default_value=None, *a, **k):
        super(BooleanContext, self).__init__(*a, **k)
        self._current_value = self.default_value if default_value is None else default_value

    def __bool__(self):
        return bool(self._current_value)

    __nonzero__ = __bool__

    @property
    def value(self):
        """The current value."""
        return self._current_value

    @contextlib.contextmanager
    def __call__(self, update_value=True):
        old, self._current_value = self._current_value, update_value
        try:
            yield
        finally:
            self._current_value = old
