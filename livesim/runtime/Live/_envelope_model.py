"""The model of a clip's automation envelopes (Live.Envelope, and Live.Clip.AutomationEnvelope before 12.2).

An envelope is a list of breakpoints (time, value), linear between them; two points at one time
make a jump, so a step is four points.  ``new_envelope`` makes the node of the world's Live
version: its handles are ``Live.Envelope.Envelope`` from 12.2 on, ``Live.Clip.AutomationEnvelope``
before (Live._envelope and Live._clip set the classes).
"""
from Live import _lom


class EnvelopeEventControlCoefficients(object):
    """The curve from an event to the next: a cubic Bezier's control points (x1, y1), (x2, y2) in 0..1.

    livesim's envelopes are linear between breakpoints: the points lie on the diagonal.
    """

    __slots__ = ("_x1", "_y1", "_x2", "_y2")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    x1 = property(lambda self: self._x1, lambda self, v: setattr(self, "_x1", float(v)))
    y1 = property(lambda self: self._y1, lambda self, v: setattr(self, "_y1", float(v)))
    x2 = property(lambda self: self._x2, lambda self, v: setattr(self, "_x2", float(v)))
    y2 = property(lambda self: self._y2, lambda self, v: setattr(self, "_y2", float(v)))


class EnvelopeEvent(object):
    """One breakpoint of an envelope."""

    __slots__ = ("_time", "_value", "_coefficients")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    time = property(lambda self: self._time, lambda self, v: setattr(self, "_time", float(v)))
    value = property(lambda self: self._value, lambda self, v: setattr(self, "_value", float(v)))
    control_coefficients = property(lambda self: self._coefficients,
                                    lambda self, v: setattr(self, "_coefficients", v))


EnvelopeEvent.__module__ = EnvelopeEventControlCoefficients.__module__ = "Envelope"


def _linear():
    c = object.__new__(EnvelopeEventControlCoefficients)
    c._x1, c._y1, c._x2, c._y2 = 1.0 / 3.0, 1.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0
    return c


def _event(time, value):
    e = object.__new__(EnvelopeEvent)
    e._time = time
    e._value = value
    e._coefficients = _linear()
    return e


class EnvelopeNode(_lom.Node):
    """The automation of ``param`` (a parameter node) in ``clip`` (a clip node); Live 12.2+'s kind."""

    def __init__(self, world, clip, param):
        _lom.Node.__init__(self, world, clip)
        self.param = param
        # A new envelope holds the parameter's current value.
        self.points = [(0.0, param.value)]

    def value_at(self, t):
        """The envelope's value at beat ``t``."""
        pts = self.points
        before = [i for i, p in enumerate(pts) if p[0] <= t]
        if not before:
            return pts[0][1]
        i = before[-1]
        if i + 1 >= len(pts):
            return pts[i][1]
        (t0, v0), (t1, v1) = pts[i], pts[i + 1]
        return v0 if t1 == t0 else v0 + (t - t0) * (v1 - v0) / (t1 - t0)

    def set_points(self, pts):
        old = self.points

        def undo():
            self.points = old

        def redo():
            self.points = pts
        self.world.history.record(undo, redo, "Change Envelope")
        self.points = pts


class AutomationEnvelopeNode(EnvelopeNode):
    """An envelope of Live before 12.2 (handles are Live.Clip.AutomationEnvelope)."""


def new_envelope(world, clip, param):
    """A new envelope node of ``param`` in ``clip``, of the kind the world's Live version has."""
    kind = EnvelopeNode if world.version >= (12, 2, 0) else AutomationEnvelopeNode
    return kind(world, clip, param)


def _clamp(o, v):
    p = o.param
    return max(p.min, min(p.max, float(v)))


def insert_step(o, start, length, value):
    """Set the value to ``value`` from ``start`` for ``length`` beats (one undo step)."""
    if length <= 0.0:
        raise RuntimeError("Invalid step length")
    end = start + length
    before, after = o.value_at(start), o.value_at(end)
    kept = [p for p in o.points if not start <= p[0] <= end]
    v = _clamp(o, value)
    pts = sorted(kept + [(start, before), (start, v), (end, v), (end, after)], key=lambda p: p[0])
    o.set_points(pts)


def events_in_range(o, start, end):
    """The breakpoints in [start, end) as EnvelopeEvents."""
    return [_event(t, v) for t, v in o.points if start <= t < end]


def delete_events_in_range(o, start, end):
    """Remove the breakpoints in [start, end) (the first one stays)."""
    o.set_points([p for i, p in enumerate(o.points) if i == 0 or not start <= p[0] < end])
