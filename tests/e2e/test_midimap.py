"""/live/midimap/*: MIDI CCs arriving at the script move device parameters."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only


@pytest.fixture
def rich():
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data and MIDI input")
    with running_sim(rich_set()) as pair:
        yield pair


def _cc(sim, channel, cc, value):
    return sim.call(sim.world.receive_midi, 0xB0 | channel, cc, value)


def test_map_cc_moves_the_parameter(rich):
    sim, client = rich
    low = client.query("/live/device/get/parameters/min", 0, 1)[2 + 3]
    high = client.query("/live/device/get/parameters/max", 0, 1)[2 + 3]
    client.send("/live/midimap/map_cc", 0, 1, 3, 0, 20)
    client.sync()
    sim.tick()  # Live rebuilds the MIDI map after the script asks
    assert _cc(sim, 0, 20, 127) == 1
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(high))
    _cc(sim, 0, 20, 0)
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(low))
    _cc(sim, 1, 20, 127)  # another channel: not mapped
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(low))
    assert client.errors() == []


def test_map_cc_is_heard_by_a_parameter_listener(rich):
    sim, client = rich
    client.send("/live/midimap/map_cc", 0, 2, 2, 3, 7)
    client.send("/live/device/start_listen/parameter/value", 0, 2, 2)
    client.wait_for("/live/device/get/parameter/value")
    client.sync()
    sim.tick()
    _cc(sim, 3, 7, 127)
    _cc(sim, 3, 7, 0)  # one of the two is a change, whatever the value was
    updates = client.take_all("/live/device/get/parameter/value")
    low = client.query("/live/device/get/parameters/min", 0, 2)[2 + 2]
    assert updates and updates[-1] == (0, 2, 2, pytest.approx(low))
    client.take_all("/live/device/get/parameter/value_string")


def test_map_cc_lists_and_unmaps(rich):
    sim, client = rich
    client.send("/live/midimap/map_cc", 0, 1, 3, 0, 20)
    client.send("/live/midimap/map_cc", 1, 0, 1, 2, 21)
    mappings = client.query("/live/midimap/get/mappings")
    assert mappings == (0, 20, 0, 1, 3, 2, 21, 1, 0, 1)
    client.send("/live/midimap/unmap_cc", 0, 20)
    assert client.query("/live/midimap/get/mappings") == (2, 21, 1, 0, 1)
    client.sync()
    sim.tick()
    before = client.query("/live/device/get/parameter/value", 0, 1, 3)
    _cc(sim, 0, 20, 64)
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == before


def test_map_cc_bad_arguments(rich):
    sim, client = rich
    client.send("/live/midimap/map_cc", 0, 1, 3, 16, 20)
    assert "channel" in client.expect_error(address="/live/midimap/map_cc")[0]
    client.send("/live/midimap/map_cc", 0, 1, 3, 0, 128)
    assert "cc" in client.expect_error(address="/live/midimap/map_cc")[0]
    client.send("/live/midimap/map_cc", 0, 1, 999, 0, 20)
    client.expect_error("Index out of range", address="/live/midimap/map_cc")


def test_map_cc_again_replaces_the_mapping(rich):
    sim, client = rich
    client.send("/live/midimap/map_cc", 0, 1, 3, 0, 30)
    client.send("/live/midimap/map_cc", 0, 2, 2, 0, 30)  # same channel and CC: replaces
    assert client.query("/live/midimap/get/mappings") == (0, 30, 0, 2, 2)
    client.sync()
    sim.tick()
    before = client.query("/live/device/get/parameter/value", 0, 1, 3)
    _cc(sim, 0, 30, 0)
    _cc(sim, 0, 30, 127)
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == before
    high = client.query("/live/device/get/parameters/max", 0, 2)[2 + 2]
    assert client.query("/live/device/get/parameter/value", 0, 2, 2) == (0, 2, 2, pytest.approx(high))


def test_mappings_survive_a_reload(rich):
    sim, client = rich
    client.send("/live/midimap/map_cc", 1, 0, 1, 5, 40)
    client.send("/live/api/reload")
    client.wait_for("/live/startup")
    assert client.query("/live/midimap/get/mappings") == (5, 40, 1, 0, 1)
    sim.tick()
    _cc(sim, 5, 40, 0)
    low = client.query("/live/device/get/parameters/min", 1, 0)[2 + 1]
    assert client.query("/live/device/get/parameter/value", 1, 0, 1) == (1, 0, 1, pytest.approx(low))


# ---------------------------------------------------------------------- notes, pitch bend, forwarding

def test_map_note_toggles_and_pitchbend_scales(rich):
    sim, client = rich
    client.send("/live/midimap/map_note", 0, 1, 0, 0, 36)        # Device On
    client.send("/live/midimap/map_pitchbend", 0, 1, 3, 2)
    client.sync()
    sim.tick()
    assert client.query("/live/device/get/parameter/value", 0, 1, 0) == (0, 1, 0, 1.0)
    assert sim.call(sim.world.receive_midi, 0x90, 36, 100) == 1
    assert client.query("/live/device/get/parameter/value", 0, 1, 0) == (0, 1, 0, 0.0)
    sim.call(sim.world.receive_midi, 0x90, 36, 100)
    assert client.query("/live/device/get/parameter/value", 0, 1, 0) == (0, 1, 0, 1.0)
    high = client.query("/live/device/get/parameters/max", 0, 1)[2 + 3]
    assert sim.call(sim.world.receive_midi, 0xE2, 0x7F, 0x7F) == 1
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(high))
    assert client.query("/live/midimap/get/all_mappings") == ("note", 0, 36, 0, 1, 0, False,
                                                              "pitchbend", 2, 0, 0, 1, 3, False)
    client.send("/live/midimap/unmap_pitchbend", 2)
    client.send("/live/midimap/unmap_note", 0, 36)
    assert client.query("/live/midimap/get/all_mappings") == ()
    client.send("/live/midimap/unmap_note", 0, 36)
    client.expect_error("No mapping of note", address="/live/midimap/unmap_note")


def test_mappings_survive_live_rebuilding_the_map(rich):
    sim, client = rich
    client.send("/live/midimap/map_cc", 0, 1, 3, 0, 20)
    client.sync()
    sim.tick()
    for _ in range(3):   # another script, a device change...: Live builds every map again
        sim.call(sim.host._build_midi_map)
    assert _cc(sim, 0, 20, 127) == 1


def test_feedback_sends_the_value_to_the_controller(rich):
    sim, client = rich
    client.send("/live/device/set/parameter/value", 0, 1, 3, 0.0)
    client.send("/live/midimap/map_cc", 0, 1, 3, 5, 30, True)
    client.sync()
    sim.tick()
    sent = sim.call(lambda: list(sim.host.c_instance._livesim_sent_midi))
    assert sent and sent[-1][:2] == (0xB5, 30)
    assert client.query("/live/midimap/get/all_mappings")[-1] is True


def test_forwarded_midi_reaches_the_client(rich):
    sim, client = rich
    client.send("/live/midimap/forward", "note", 9, 38)
    client.send("/live/midimap/forward", "cc", 0, 64)
    client.sync()
    sim.tick()
    sim.call(sim.world.receive_midi, 0x99, 38, 110)
    assert client.wait_for("/live/midimap/received") == (0x99, 38, 110)
    sim.call(sim.world.receive_midi, 0x99, 40, 110)                  # another note: not forwarded
    sim.call(sim.world.receive_midi, 0xB0, 64, 127)
    assert client.wait_for("/live/midimap/received") == (0xB0, 64, 127)
    client.send("/live/midimap/stop_forward", "note", 9, 38)
    client.sync()
    sim.tick()
    sim.call(sim.world.receive_midi, 0x99, 38, 110)
    client.assert_nothing("/live/midimap/received")
    client.send("/live/midimap/forward", "sysex", 0)
    client.expect_error("kind must be cc, note or pitchbend", address="/live/midimap/forward")
    # A forward is one of the client's listeners: listed, and ended with them.
    listed = client.query("/live/api/get/listeners")
    assert "/live/midimap/forward" in listed and "cc" in listed
    client.send("/live/api/stop_listen_all")
    client.sync()
    sim.tick()
    sim.call(sim.world.receive_midi, 0xB0, 64, 127)
    client.assert_nothing("/live/midimap/received")
