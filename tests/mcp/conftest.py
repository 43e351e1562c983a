"""Fixtures of the MCP server's tests: livesim running the script, and MCP sessions with `abletonosc mcp`."""
import socket

import pytest

from livesim.testing import LiveSim
from tests.mcp.session import McpSession, require_sdk, server_command

REPLY_TO_SOURCE = {"ABLETONOSC_REPLY_TO_SOURCE": "true"}


@pytest.fixture(scope="module", params=["stdio", "http"])
def transport(request):
    require_sdk()
    return request.param


@pytest.fixture(scope="module")
def sim(transport):
    """Live's default set served by the real script, replying to each sender's port."""
    with LiveSim(env=REPLY_TO_SOURCE) as running:
        yield running


@pytest.fixture(scope="module")
def session_factory(transport):
    """Start `abletonosc mcp` sessions over this module's transport (closed at the end)."""
    sessions = []

    def start(port, *options):
        session = McpSession(transport, server_command(port, *options)).start()
        sessions.append(session)
        return session

    yield start
    for session in reversed(sessions):
        session.close()


@pytest.fixture(scope="module")
def mcp(sim, session_factory):
    """A session with a server reaching the script in livesim."""
    return session_factory(sim.port)


@pytest.fixture
def silent_port():
    """A UDP port bound here that never answers: a computer where AbletonOSC is not running."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    yield sock.getsockname()[1]
    sock.close()
