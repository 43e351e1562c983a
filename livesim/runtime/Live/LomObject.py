"""Live.LomObject: the base class of all Live objects."""
from Live._lom import LomObject  # noqa: F401
