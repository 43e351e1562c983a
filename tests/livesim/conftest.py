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
