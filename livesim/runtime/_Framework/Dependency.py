"""``_Framework.Dependency``: the same injection as ``ableton.v2.base.dependency``."""
from ableton.v2.base.dependency import DependencyError, depends, get_dependency, inject  # noqa: F401
