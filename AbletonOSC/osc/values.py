"""The values the codec produces and accepts: Message, Bundle, Typed."""
from __future__ import annotations

from operator import itemgetter

from .timetag import IMMEDIATELY, raw_to_seconds, seconds_to_raw


class Message(tuple):
    """One OSC message: an address, a tuple of arguments and their type tags (no ',').

    Without typetags they are inferred as encode_message does, and Typed
    arguments are stored as their plain values (Typed('d', 1.0) -> 1.0, 'd').

    A light tuple subclass (address, args, typetags): decoding builds many.
    """

    __slots__ = ()

    def __new__(cls, address: str, args=(), typetags=None):
        if typetags is None:
            from .encode import plain_args, typetags_for

            typetags = typetags_for(args)
            args = plain_args(args)  # Typed(tag, value) -> value, as decoding gives it
        elif args.__class__ is not tuple:
            args = tuple(args)
        return tuple.__new__(cls, (address, args, typetags))

    address = property(itemgetter(0), doc="The address (or address pattern), a str.")
    args = property(itemgetter(1), doc="The decoded arguments, a tuple.")
    typetags = property(itemgetter(2), doc="The type tags without the leading ','.")

    def __eq__(self, other):
        # Never equal to a plain tuple with the same items.
        return other.__class__ is Message and tuple.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # unhashable, like list

    def __repr__(self):
        return "Message(%r, %r, %r)" % self

    def __reduce__(self):
        return (Message, tuple(self))


class Bundle(object):
    """An OSC bundle: a timetag and a tuple of elements (Message or Bundle)."""

    __slots__ = ("timetag", "elements", "timetag_raw")

    def __init__(self, timetag=IMMEDIATELY, elements=(), timetag_raw=None):
        if timetag_raw is None:
            timetag_raw = seconds_to_raw(timetag)
        else:
            timetag = raw_to_seconds(timetag_raw)
        self.timetag = timetag
        self.timetag_raw = timetag_raw
        self.elements = tuple(elements)

    def __eq__(self, other):
        return other.__class__ is Bundle and self.timetag_raw == other.timetag_raw and self.elements == other.elements

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # unhashable, like list

    def __repr__(self):
        return "Bundle(%r, %r)" % (self.timetag, self.elements)


class Typed(object):
    """An argument with an explicit OSC type tag, e.g. Typed('d', 0.1) or Typed('I')."""

    __slots__ = ("tag", "value")

    def __init__(self, tag: str, value=None):
        self.tag = tag
        self.value = value

    def __eq__(self, other):
        return other.__class__ is Typed and self.tag == other.tag and self.value == other.value

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # unhashable, like list

    def __repr__(self):
        return "Typed(%r, %r)" % (self.tag, self.value)
