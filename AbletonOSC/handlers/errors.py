"""Exceptions that handlers raise to answer a request with a clear /live/error."""

from .types import ArgumentError


class HandlerError(Exception):
    """A request that cannot be served; its text is sent to the client as is."""

    expected = True  # a refusal, logged in one line without a traceback


class NotAvailable(HandlerError):
    """The address needs a Live version (or object kind) that this one lacks."""


class NoSuchObject(HandlerError, IndexError):
    """An index past the end of what the set has; the text names what it has."""


__all__ = ["ArgumentError", "HandlerError", "NoSuchObject", "NotAvailable"]
