"""Live.Base: vectors, Timer, LimitationError."""
import time

from Live import _lom

Vector = _lom.make_vector_class("Base", "Vector", "A simple container for returning Live objects from Live.")
IntVector = _lom.make_vector_class("Base", "IntVector", "A simple container for returning integers from Live.")
FloatVector = _lom.make_vector_class("Base", "FloatVector", "A simple container for returning floats from Live.")
StringVector = _lom.make_vector_class("Base", "StringVector", "A simple container for returning strings from Live.")
ObjectVector = _lom.make_vector_class("Base", "ObjectVector", "A simple container for returning Python objects from Live.")
_IntU64Vector = _lom.make_vector_class("Base", "IntU64Vector",
                                       "A simple container for returning unsigned long integers from Live.")


class LimitationError(Exception):
    """Raised when an edition limit or an invalid index stops a structural change."""


LimitationError.__module__ = "Live.Base"


class Timer(object):
    """A timer that calls ``callback`` after ``interval`` ms; repeating timers keep going."""

    def __init__(self, callback, interval, repeat=False, start=False):
        if not isinstance(interval, int) or not isinstance(repeat, int) or not isinstance(start, int):
            raise _lom.argument_error("Timer", "__init__", (callback, interval, repeat, start),
                                      ["any", "int", "bool", "bool"])
        self._callback = callback
        self._interval = int(interval)
        self._repeat = bool(repeat)
        self._running = False
        self._due = None
        self._world = None
        if start:
            self.start()

    @property
    def running(self):
        """True while the timer is started."""
        return self._running

    def start(self):
        """Start (or keep running) the timer; the first call is due after one interval."""
        world = _lom.active_world()
        if world is None:
            raise RuntimeError("No Live document is active")
        if not self._running:
            self._world = world
            self._due = world.timer_clock() + self._interval / 1000.0
            self._running = True
            world.add_timer(self)

    def stop(self):
        """Stop the timer."""
        if self._running:
            self._running = False
            if self._world is not None:
                self._world.remove_timer(self)

    def restart(self):
        """Stop and start again, counting the interval from now."""
        self.stop()
        self.start()

    def _fire(self, now):
        """Called by World.run_timers when due; returns True to keep the timer scheduled."""
        if self._repeat:
            self._due = max(self._due + self._interval / 1000.0, now) if self._interval > 0 else now
        else:
            self._running = False
        self._callback()
        return self._repeat and self._running


Timer.__module__ = "Base"


def log(string):
    """Write ``string`` to Live's log (Log.txt) as an info line."""
    if not isinstance(string, str):
        raise _lom.ArgumentError("Python argument types in\n    Base.log(%s)\ndid not match C++ signature:\n"
                                 "    log(std::string)" % type(string).__name__)
    world = _lom.active_world()
    if world is not None and world.log is not None:
        world.log(string)


class _Text(object):
    """A localisable text (Live 12)."""

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")


_Text.__name__ = _Text.__qualname__ = "Text"
_Text.__module__ = "Base"

# Module members some Live versions lack (PEP 562 lookup against the active world's version).
GATED = {"IntU64Vector": (_IntU64Vector, _lom.since(11, 1)), "Text": (_Text, _lom.since(12, 0))}

