"""Bodies of the fixtures that serve a set of their own: ``yield from serving(SET)`` and ``yield from checked(pair)``."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim


def serving(set_data):
    """A module fixture's body: (sim, client) serving set_data in livesim; skipped against a real Live."""
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(set_data) as pair:
        yield pair


def checked(pair):
    """A test fixture's body: the pair drained before the test and checked for stray /live/error after it."""
    sim, client = pair
    client.drain()
    yield sim, client
    leftover = client.errors()
    assert leftover == [], "unexpected /live/error: %r" % leftover
