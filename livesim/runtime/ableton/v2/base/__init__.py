"""``ableton.v2.base``: dependency injection, tasks and small helpers."""
from .dependency import DependencyError, depends, inject
from .event import SubjectSlot, listens
from .live_api_utils import liveobj_valid
from .task import TaskGroup

__all__ = ["DependencyError", "SubjectSlot", "TaskGroup", "const", "depends", "inject", "listens", "liveobj_valid",
           "nop"]


def const(value):
    """Return a function that always returns ``value``."""
    return lambda *a, **k: value


def nop(*a, **k):
    """Do nothing."""
