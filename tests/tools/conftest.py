"""Fixtures of the tools' tests: a livesim running the real script."""
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _script_ready():
    return os.path.exists(os.path.join(ROOT, "AbletonOSC", "osc_server.py"))


@pytest.fixture
def livesim_factory():
    """Start LiveSim instances (stopped at the end of the test)."""
    if not _script_ready():
        pytest.skip("the script's transport (AbletonOSC/osc_server.py) is not in this tree")
    from livesim.testing import LiveSim

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
