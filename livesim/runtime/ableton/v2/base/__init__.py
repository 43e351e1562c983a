"""``ableton.v2.base``: dependency injection, tasks and small helpers."""
from .dependency import DependencyError, depends, inject
from .live_api_utils import liveobj_valid
from .task import TaskGroup

__all__ = ["DependencyError", "depends", "inject", "liveobj_valid", "TaskGroup", "const"]


def const(value):
    """Return a function that always returns ``value``."""
    return lambda *a, **k: value
