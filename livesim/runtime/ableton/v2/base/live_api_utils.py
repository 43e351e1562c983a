"""Helpers over Live objects."""


def liveobj_valid(obj):
    """True if ``obj`` is a live (not deleted) Live object; deleted ones compare equal to None."""
    return obj != None  # noqa: E711 -- Live's deleted wrappers compare equal to None
