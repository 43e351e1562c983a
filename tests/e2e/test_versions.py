"""Live versions: under an older Live, what it lacks is refused clearly; the rest works."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim

pytestmark = pytest.mark.livesim_only

# Addresses whose Live members Live 11.0 does not have (LiveTree-11.0.0 vs 12.3.6).
MISSING_IN_11_0 = [
    ("/live/song/get/is_ableton_link_enabled", ()),
    ("/live/song/set/is_ableton_link_enabled", (1,)),
    ("/live/song/start_listen/is_ableton_link_enabled", ()),
    ("/live/scene/get/tempo_enabled", (0,)),
    ("/live/scene/set/tempo_enabled", (0, 1)),
    ("/live/scene/get/time_signature_numerator", (0,)),
    ("/live/scene/set/time_signature_numerator", (0, 3)),
    ("/live/scene/get/time_signature_denominator", (0,)),
    ("/live/scene/get/time_signature_enabled", (0,)),
    ("/live/scene/start_listen/tempo", (0,)),
    ("/live/scene/start_listen/name", None),  # placeholder replaced below (available: must work)
    ("/live/clip/start_listen/start_time", (0, 0)),
    ("/live/application/get/average_process_usage", ()),
]
MISSING_IN_11_0 = [item for item in MISSING_IN_11_0 if item[1] is not None]


@pytest.fixture(scope="module")
def live11():
    if REAL_TARGET is not None:
        pytest.skip("simulates another Live version")
    with running_sim(live_version="11.0") as pair:
        sim, client = pair
        client.send("/live/clip_slot/create_clip", 0, 0, 4)
        client.sync()
        yield pair


@pytest.mark.parametrize("address,args", MISSING_IN_11_0, ids=[a for a, _ in MISSING_IN_11_0])
def test_what_live_11_0_lacks_is_a_clear_error(live11, address, args):
    sim, client = live11
    client.drain()
    client.send(address, *args)
    error = client.expect_error(address=address)
    assert "11.0" in error[0], "the error should name the Live version: %r" % (error,)
    assert "Unknown OSC address" not in error[0]
    assert "object has no attribute" not in error[0], error


def test_live_11_0_serves_what_it_has(live11):
    sim, client = live11
    client.drain()
    assert client.query("/live/application/get/version") == (11, 0)
    assert client.query("/live/song/get/tempo") == (pytest.approx(120.0),)
    assert client.query("/live/track/get/name", 0) == (0, "1-MIDI")
    assert client.query("/live/clip/get/name", 0, 0) == (0, 0, "")
    assert client.query("/live/scene/get/name", 0) == (0, "")
    client.send("/live/scene/start_listen/name", 1)
    assert client.wait_for("/live/scene/get/name") == (1, "")
    client.send("/live/scene/stop_listen/name", 1)
    assert client.errors() == []


def test_live_11_0_introspection_says_what_is_unavailable(live11):
    sim, client = live11
    client.drain()
    reply = client.query("/live/api/get/address", "/live/scene/get/tempo_enabled")
    assert reply[-1] == "no"
    assert reply[-2].startswith("11.")
    assert client.query("/live/api/get/address", "/live/scene/get/name")[-1] == "yes"


def test_live_11_0_wildcards_skip_what_is_unavailable(live11):
    sim, client = live11
    client.drain()
    client.send("/live/scene/get/*", 0)
    assert client.wait_for("/live/scene/get/name") == (0, "")
    assert client.errors() == []


@pytest.mark.parametrize("version", ["11.3.43", "12.0", "12.1.5"])
def test_other_versions_start_and_report_their_version(version):
    with running_sim(live_version=version) as (sim, client):
        major_minor = tuple(int(p) for p in version.split(".")[:2])
        assert client.query("/live/application/get/version") == major_minor
        assert client.query("/live/song/get/num_tracks") == (4,)
        assert client.errors() == []
