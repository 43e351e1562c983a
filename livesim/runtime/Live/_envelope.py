"""Live.Envelope (Live 12.2+): a clip's automation envelope of one parameter, and its events.

Before 12.2 the same object is ``Live.Clip.AutomationEnvelope`` (insert_step and value_at_time
only); both share ``_EnvelopeBase``.  The state and rules are in Live._envelope_model.
"""
from Live import _lom
from Live._lom import method
from Live._envelope_model import (  # noqa: F401  (the value classes are Live.Envelope's)
    EnvelopeEvent, EnvelopeEventControlCoefficients, EnvelopeNode, delete_events_in_range, events_in_range,
    insert_step)

EnvelopeEventVector = _lom.make_vector_class("Envelope", "EnvelopeEventVector", "A container for holding envelope events.")


class _EnvelopeBase(_lom.LomObject):
    """What every Live version's envelope can do."""

    __slots__ = ()

    @method("float arg2, float arg3, float arg4", edits=True, label="Insert Step")
    def insert_step(o, start, length, value):
        """Set the value to ``value`` from ``start`` for ``length`` beats."""
        insert_step(o, start, length, value)

    @method("float arg2")
    def value_at_time(o, t):
        """The envelope's value at a beat time."""
        return o.value_at(t)


class Envelope(_EnvelopeBase):
    """An automation or modulation envelope (Live 12.2+)."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()

    @method("float arg2, float arg3")
    def events_in_range(o, start, end):
        """The breakpoints in [start, end)."""
        return _lom.vector(EnvelopeEventVector, events_in_range(o, start, end), None)

    @method("float arg2, float arg3", edits=True, label="Delete Envelope Events")
    def delete_events_in_range(o, start, end):
        """Remove the breakpoints in [start, end) (the first one stays)."""
        delete_events_in_range(o, start, end)


EnvelopeNode.cls = Envelope
