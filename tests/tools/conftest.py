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
    """Live's default set served by the real script, replying to each client's own port.

    Clients bind port 0 (``reply_port=0``, ``--reply-port 0``); ``sim.reply_port`` is held by
    the harness, so a program asking for it finds it taken.
    """
    return livesim_factory(env={"ABLETONOSC_REPLY_TO_SOURCE": "true"})
