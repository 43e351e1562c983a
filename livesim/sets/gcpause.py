"""Pausing Python's cyclic garbage collector while a large set of new objects is built.

Opening a set allocates some 10^5 objects and frees few: every automatic collection on the way
walks the growing heap again and finds nothing to free.  The collector runs as usual afterwards.
"""
import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Within the block no automatic collection runs (a collection already disabled stays so)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
