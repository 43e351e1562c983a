"""Fixtures of the end-to-end suite: a running script (in livesim or a real Live) and a client.

    sim           module-scoped LiveSim serving Live's default set (None against a real Live)
    client        the module's OSCClient, drained before each test; after the test, any
                  /live/error it did not consume fails the test (at teardown)
    fresh_sim     a LiveSim of its own for one test (livesim only)
    fresh_client  the client of fresh_sim
    rich          module-scoped (sim, client) serving the rich test set (tests/e2e/sets.py)
    dev           that pair, drained before each test and checked for stray errors after
    rich_pair     (sim, client) of a fresh rich set for one test, checked after it

Tests marked ``livesim_only`` (virtual clock, direct state access, custom sets, Live
versions) are skipped when ABLETONOSC_TARGET points the suite at a running Live.
"""
import pytest

from tests.e2e.harness import REAL_TARGET, NoReply, OSCClient, running_sim
from tests.e2e.set_fixtures import checked, serving
from tests.e2e.sets import rich_set


def pytest_configure(config):
    config.addinivalue_line("markers", "livesim_only: needs livesim-only controls; skipped against a real Live")
    config.addinivalue_line("markers", "allow_errors: the test may leave /live/error messages unconsumed")


@pytest.fixture(autouse=True)
def _only_in_livesim(request):
    if REAL_TARGET is not None and request.node.get_closest_marker("livesim_only") is not None:
        pytest.skip("needs livesim (ABLETONOSC_TARGET points at a running Live)")


@pytest.fixture(scope="module")
def _module_sim_and_client():
    if REAL_TARGET is not None:
        host, port, reply_port = REAL_TARGET
        client = OSCClient(host, port, bind_port=reply_port, bind_host="0.0.0.0")
        try:
            yield None, client
        finally:
            client.close()
        return
    with running_sim() as pair:
        yield pair


@pytest.fixture(scope="module")
def sim(_module_sim_and_client):
    return _module_sim_and_client[0]


def _check_clean(request, client, sim=None):
    watch = getattr(sim, "e2e_watch", None)
    if watch is not None:
        problems = watch.take()
        if problems:
            pytest.fail("the script reported failures of its own:\n" + "\n".join(problems), pytrace=False)
    if request.node.get_closest_marker("allow_errors") is not None:
        client.drain()
        return
    try:
        leftover = client.errors()
    except NoReply:
        return  # the script stopped answering: the test itself reports that
    finally:
        client.inbox = []
    if leftover:
        pytest.fail("unexpected /live/error during the test: %r" % (leftover,), pytrace=False)


@pytest.fixture
def client(request, _module_sim_and_client):
    sim, osc = _module_sim_and_client
    osc.drain()
    if sim is not None:
        sim.e2e_watch.take()
    yield osc
    _check_clean(request, osc, sim)


@pytest.fixture
def fresh_pair(request):
    if REAL_TARGET is not None:
        pytest.skip("needs livesim (ABLETONOSC_TARGET points at a running Live)")
    with running_sim() as (sim, osc):
        yield sim, osc
        _check_clean(request, osc, sim)


@pytest.fixture
def fresh_sim(fresh_pair):
    return fresh_pair[0]


@pytest.fixture
def fresh_client(fresh_pair):
    return fresh_pair[1]


@pytest.fixture(scope="module")
def rich():
    yield from serving(rich_set())


@pytest.fixture
def dev(rich):
    yield from checked(rich)


@pytest.fixture
def rich_pair(request):
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    with running_sim(rich_set()) as (sim, osc):
        osc.drain()
        yield sim, osc
        assert osc.errors() == []
