"""Fixtures of the tools' tests: livesim running the real script."""
import pytest

from livesim.testing import LiveSim


@pytest.fixture
def livesim_factory():
    """Start LiveSim instances (stopped at the end of the test)."""
    started = []

    def start(**options):
        sim = LiveSim(**options)
        sim.start()
        started.append(sim)
        return sim

    yield start
    for sim in reversed(started):
        sim.stop()


@pytest.fixture
def sim(livesim_factory):
    """Live's default set served by the real script."""
    return livesim_factory()
