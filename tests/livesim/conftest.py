"""Fixtures of livesim's model tests: a fresh World with Live's default set on a virtual clock."""
import pytest

from livesim.world import World


@pytest.fixture
def world():
    w = World(virtual_clock=True)
    w.activate()
    return w


@pytest.fixture
def song(world):
    return world.song


@pytest.fixture
def hosted_script():
    """``hosted_script(path, set_data)``: a Host running the script package at ``path`` on a virtual
    clock, started and ticked once; shut down after the test."""
    from livesim.host import Host

    hosts = []

    def start(script_path, set_data=None):
        w = World(set_data=set_data, virtual_clock=True)
        w.activate()
        host = Host(w, script_path=script_path)
        hosts.append(host)
        host.start()
        assert host.instance is not None, host.log_text()
        host.tick()
        return host

    yield start
    for host in hosts:
        host.shutdown()
