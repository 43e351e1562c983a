"""The groove pool and clips' grooves (beyond upstream), sent as indices and names."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.set_fixtures import checked, serving

pytestmark = pytest.mark.livesim_only

GROOVES = [
    {"name": "Swing 16ths", "base": 3, "timing_amount": 0.5},
    {"name": "MPC 8", "base": 1, "quantization_amount": 0.25, "random_amount": 0.1, "velocity_amount": -0.5},
]


def groove_set():
    return {"tracks": [{"type": "midi", "clips": [{"name": "Beat", "length": 4.0}, None]},
                       {"type": "audio", "clips": [{"name": "Loop", "file_path": "loop.wav"}]}],
            "scenes": [{}, {}],
            "groove_pool": [dict(g) for g in GROOVES]}


@pytest.fixture(scope="module")
def grooves():
    yield from serving(groove_set())


@pytest.fixture
def gr(grooves):
    yield from checked(grooves)


def test_groove_pool_names(gr):
    sim, client = gr
    assert client.query("/live/song/get/groove_pool") == ("Swing 16ths", "MPC 8")


def test_groove_properties(gr):
    sim, client = gr
    assert client.query("/live/groove/get/name", 1) == (1, "MPC 8")
    assert client.query("/live/groove/get/base", 0) == (0, 3)
    assert client.query("/live/groove/get/base", 1) == (1, 1)
    assert client.query("/live/groove/get/timing_amount", 0) == (0, pytest.approx(0.5))
    assert client.query("/live/groove/get/quantization_amount", 1) == (1, pytest.approx(0.25))
    assert client.query("/live/groove/get/random_amount", 1) == (1, pytest.approx(0.1))
    assert client.query("/live/groove/get/velocity_amount", 1) == (1, pytest.approx(-0.5))


def test_groove_setters_and_listeners(gr):
    sim, client = gr
    client.send("/live/groove/start_listen/timing_amount", 0)
    assert client.wait_for("/live/groove/get/timing_amount") == (0, pytest.approx(0.5))
    client.send("/live/groove/start_listen/name", 1)
    assert client.wait_for("/live/groove/get/name") == (1, "MPC 8")
    try:
        client.send("/live/groove/set/timing_amount", 0, 0.75)
        assert client.wait_for("/live/groove/get/timing_amount") == (0, pytest.approx(0.75))
        client.send("/live/groove/set/name", 1, "MPC 8 Tight")
        assert client.wait_for("/live/groove/get/name") == (1, "MPC 8 Tight")
        assert client.query("/live/song/get/groove_pool") == ("Swing 16ths", "MPC 8 Tight")
        client.send("/live/groove/set/base", 1, 4)
        assert client.query("/live/groove/get/base", 1) == (1, 4)
        client.send("/live/groove/set/velocity_amount", 1, 0.2)
        assert client.query("/live/groove/get/velocity_amount", 1) == (1, pytest.approx(0.2))
        client.send("/live/groove/set/random_amount", 1, 2.0)
        client.expect_error("out of range", address="/live/groove/set/random_amount")
    finally:
        client.send("/live/groove/stop_listen/timing_amount", 0)
        client.send("/live/groove/stop_listen/name", 1)
        client.send("/live/groove/set/timing_amount", 0, 0.5)
        client.send("/live/groove/set/name", 1, "MPC 8")
        client.send("/live/groove/set/base", 1, 1)
        client.send("/live/groove/set/velocity_amount", 1, -0.5)
    client.sync()
    client.take_all("/live/groove/get/timing_amount")
    client.take_all("/live/groove/get/name")


def test_groove_errors(gr):
    sim, client = gr
    client.send("/live/groove/get/name", 2)
    client.expect_error("No groove 2", address="/live/groove/get/name")
    client.send("/live/groove/set/name", -1, "x")
    client.expect_error("No groove", address="/live/groove/set/name")


def test_clip_groove(gr):
    sim, client = gr
    assert client.query("/live/clip/get/groove", 0, 0) == (0, 0, -1)
    assert client.query("/live/clip/get/has_groove", 0, 0) == (0, 0, False)
    client.send("/live/clip/start_listen/groove", 0, 0)
    assert client.wait_for("/live/clip/get/groove") == (0, 0, -1)
    try:
        client.send("/live/clip/set/groove", 0, 0, 1)
        assert client.wait_for("/live/clip/get/groove") == (0, 0, 1)
        assert client.query("/live/clip/get/has_groove", 0, 0) == (0, 0, True)
        assert sim.call(lambda: sim.world.song.tracks[0].clip_slots[0].clip.groove.name) == "MPC 8"
        client.send("/live/clip/set/groove", 0, 0, 0)
        assert client.wait_for("/live/clip/get/groove") == (0, 0, 0)
        client.send("/live/clip/set/groove", 1, 0, 1)
        assert client.query("/live/clip/get/groove", 1, 0) == (1, 0, 1)
        client.send("/live/clip/set/groove", 0, 0, 5)
        client.expect_error("No groove 5", address="/live/clip/set/groove")
        # Live refuses clip.groove = None: -1 on a clip with a groove says so clearly
        client.send("/live/clip/set/groove", 0, 0, -1)
        error = client.expect_error(address="/live/clip/set/groove")
        assert "groove" in error[0].lower()
        assert client.query("/live/clip/get/groove", 0, 0) == (0, 0, 0)
    finally:
        client.send("/live/clip/stop_listen/groove", 0, 0)
    client.sync()
    client.take_all("/live/clip/get/groove")
    # an empty slot has no clip to set
    client.send("/live/clip/set/groove", 0, 1, -1)
    client.expect_error("No clip", address="/live/clip/set/groove")


def test_clip_groove_minus_one_without_a_groove_is_accepted():
    with running_sim(groove_set()) as (sim, client):
        client.send("/live/clip/set/groove", 0, 0, -1)
        assert client.query("/live/clip/get/groove", 0, 0) == (0, 0, -1)
        assert client.errors() == []


def test_groove_pool_listener_and_empty_pool():
    with running_sim() as (sim, client):
        assert client.query("/live/song/get/groove_pool") == ()
        client.send("/live/groove/get/name", 0)
        client.expect_error("No groove 0", address="/live/groove/get/name")
        client.send("/live/song/start_listen/groove_pool")
        assert client.wait_for("/live/song/get/groove_pool") == ()
        client.send("/live/song/stop_listen/groove_pool")
        client.sync()
        assert client.errors() == []


def test_grooves_under_live_11():
    with running_sim(groove_set(), live_version="11.0") as (sim, client):
        assert client.query("/live/song/get/groove_pool") == ("Swing 16ths", "MPC 8")
        client.send("/live/clip/set/groove", 0, 0, 0)
        assert client.query("/live/clip/get/groove", 0, 0) == (0, 0, 0)
        assert client.errors() == []


def test_arrangement_clip_groove():
    data = groove_set()
    data["tracks"][0]["arrangement_clips"] = [{"name": "A1", "start_time": 0.0, "length": 4.0}]
    with running_sim(data) as (sim, client):
        assert client.query("/live/arrangement_clip/get/groove", 0, 0) == (0, 0, -1)
        client.send("/live/arrangement_clip/set/groove", 0, 0, 1)
        assert client.query("/live/arrangement_clip/get/groove", 0, 0) == (0, 0, 1)
        assert client.errors() == []
