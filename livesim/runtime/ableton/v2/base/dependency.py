"""Dependency injection: ``inject`` provides values, ``depends`` pulls them into keyword arguments.

Providers form a stack: the innermost active ``inject`` wins.  A dependency without a provider
and without a default raises ``DependencyError``, as Ableton's framework does.
"""
import functools


class DependencyError(Exception):
    """A required dependency is not provided by any active injector."""


_providers = []  # stack of dicts name -> zero-argument callable


def _lookup(name):
    for frame in reversed(_providers):
        if name in frame:
            return frame[name]
    return None


def get_dependency(name, default=None):
    """The value provided for ``name``, or ``default``; DependencyError if neither exists."""
    provider = _lookup(name)
    if provider is not None:
        return provider()
    if default is not None:
        return default
    raise DependencyError("Required dependency %s not provided" % name)


class _Injector(object):
    """Context manager activating a set of providers; re-entrant and nestable."""

    def __init__(self, providers):
        self._providers = providers

    def __enter__(self):
        _providers.append(self._providers)
        return self

    def __exit__(self, *exc):
        # Remove this injector's frame even if inner ones leaked.
        for i in range(len(_providers) - 1, -1, -1):
            if _providers[i] is self._providers:
                del _providers[i]
                break
        return False


def inject(**providers):
    """Return a context manager that provides ``name=callable`` dependencies while active."""
    return _Injector(dict(providers))


def depends(**dependencies):
    """Decorator: fill the named keyword arguments from the active injectors unless given."""

    def decorator(func):
        @functools.wraps(func)
        def wrapper(*a, **explicit):
            for name, default in dependencies.items():
                if name not in explicit:
                    explicit[name] = get_dependency(name, default)
            return func(*a, **explicit)

        return wrapper

    return decorator
