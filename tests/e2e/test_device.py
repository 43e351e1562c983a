"""/live/device/*: device properties, parameters (bulk and single), listeners."""
import pytest

pytestmark = pytest.mark.livesim_only


def test_device_name_class_name_type(dev):
    sim, client = dev
    assert client.query("/live/device/get/name", 0, 0) == (0, 0, "Lead")
    assert client.query("/live/device/get/class_name", 0, 0) == (0, 0, "Operator")
    assert client.query("/live/device/get/type", 0, 0) == (0, 0, 1)
    assert client.query("/live/device/get/name", 0, 1) == (0, 1, "Auto Filter")
    assert client.query("/live/device/get/type", 0, 1) == (0, 1, 2)
    assert client.query("/live/device/get/class_name", 1, 0) == (1, 0, "Compressor2")


def test_device_parameters_bulk(dev):
    sim, client = dev
    count = client.query("/live/device/get/num_parameters", 0, 1)
    assert count[:2] == (0, 1) and count[2] > 1
    n = count[2]
    names = client.query("/live/device/get/parameters/name", 0, 1)
    assert names[:2] == (0, 1) and len(names) == 2 + n and names[2] == "Device On"
    values = client.query("/live/device/get/parameters/value", 0, 1)
    minimums = client.query("/live/device/get/parameters/min", 0, 1)
    maximums = client.query("/live/device/get/parameters/max", 0, 1)
    quantized = client.query("/live/device/get/parameters/is_quantized", 0, 1)
    for reply in (values, minimums, maximums, quantized):
        assert reply[:2] == (0, 1) and len(reply) == 2 + n
    assert quantized[2] is True
    for low, value, high in zip(minimums[2:], values[2:], maximums[2:]):
        assert low <= value + 1e-6 and value <= high + 1e-6

    expected = sim.call(lambda: [p.name for p in sim.world.song.tracks[0].devices[1].parameters])
    assert list(names[2:]) == expected


def test_device_set_parameters_bulk(dev):
    sim, client = dev
    minimums = client.query("/live/device/get/parameters/min", 1, 0)[2:]
    original = client.query("/live/device/get/parameters/value", 1, 0)[2:]
    try:
        client.send("/live/device/set/parameters/value", 1, 0, *minimums)
        assert client.query("/live/device/get/parameters/value", 1, 0)[2:] == tuple(
            pytest.approx(v) for v in minimums)
    finally:
        client.send("/live/device/set/parameters/value", 1, 0, *original)
    assert client.query("/live/device/get/parameters/value", 1, 0)[2:] == tuple(pytest.approx(v) for v in original)


def test_device_parameter_single(dev):
    sim, client = dev
    name = client.query("/live/device/get/parameter/name", 0, 1, 3)
    assert name[:3] == (0, 1, 3) and isinstance(name[3], str)
    high = client.query("/live/device/get/parameters/max", 0, 1)[2 + 3]
    low = client.query("/live/device/get/parameters/min", 0, 1)[2 + 3]
    middle = low + (high - low) / 2.0
    original = client.query("/live/device/get/parameter/value", 0, 1, 3)
    try:
        client.send("/live/device/set/parameter/value", 0, 1, 3, middle)
        assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(middle))
        text = client.query("/live/device/get/parameter/value_string", 0, 1, 3)
        assert text[:3] == (0, 1, 3) and isinstance(text[3], str) and text[3]
        expected = sim.call(lambda: str(sim.world.song.tracks[0].devices[1].parameters[3]))
        assert text[3] == expected
    finally:
        client.send("/live/device/set/parameter/value", 0, 1, 3, original[3])
    client.sync()


def test_device_parameter_value_listener(dev):
    sim, client = dev
    original = client.query("/live/device/get/parameter/value", 0, 2, 2)[3]
    try:
        client.send("/live/device/start_listen/parameter/value", 0, 2, 2)
        assert client.wait_for("/live/device/get/parameter/value") == (0, 2, 2, pytest.approx(original))
        assert client.wait_for("/live/device/get/parameter/value_string")[:3] == (0, 2, 2)
        client.send("/live/device/set/parameter/value", 0, 2, 2, 0.25)
        assert client.wait_for("/live/device/get/parameter/value") == (0, 2, 2, pytest.approx(0.25))
        update = client.wait_for("/live/device/get/parameter/value_string")
        assert update[:3] == (0, 2, 2) and isinstance(update[3], str)
        client.send("/live/device/stop_listen/parameter/value", 0, 2, 2)
        client.sync()
        client.send("/live/device/set/parameter/value", 0, 2, 2, 0.5)
        client.assert_nothing("/live/device/get/parameter/value")
        client.assert_nothing("/live/device/get/parameter/value_string")
    finally:
        client.send("/live/device/stop_listen/parameter/value", 0, 2, 2)
        client.send("/live/device/set/parameter/value", 0, 2, 2, original)
    client.sync()


def test_device_name_listener_payload_is_the_value_only(dev):
    sim, client = dev
    try:
        client.send("/live/device/start_listen/name", 0, 2)
        assert client.wait_for("/live/device/get/name") == ("Reverb",)

        def rename(text):
            sim.world.song.tracks[0].devices[2].name = text

        sim.call(rename, "Big Room")
        assert client.wait_for("/live/device/get/name") == ("Big Room",)
        client.send("/live/device/stop_listen/name", 0, 2)
        client.sync()
        sim.call(rename, "Reverb")
        client.assert_nothing("/live/device/get/name")
    finally:
        client.send("/live/device/stop_listen/name", 0, 2)
        sim.call(lambda: setattr(sim.world.song.tracks[0].devices[2], "name", "Reverb"))
    client.sync()


def test_two_device_name_listeners_are_independent(dev):
    # upstream keyed every device name listener alike: a second start_listen broke the first
    sim, client = dev
    try:
        client.send("/live/device/start_listen/name", 0, 0)
        client.send("/live/device/start_listen/name", 1, 0)
        first = sorted(client.collect("/live/device/get/name", 2))
        assert first == sorted([("Lead",), (client.query("/live/device/get/name", 1, 0)[2],)])
        client.send("/live/device/stop_listen/name", 1, 0)
        client.sync()
        sim.call(lambda: setattr(sim.world.song.tracks[0].devices[0], "name", "Lead 2"))
        assert client.wait_for("/live/device/get/name") == ("Lead 2",)
        sim.call(lambda: setattr(sim.world.song.tracks[1].devices[0], "name", "Squash"))
        client.assert_nothing("/live/device/get/name")
    finally:
        client.send("/live/device/stop_listen/name", 0, 0)
        client.send("/live/device/stop_listen/name", 1, 0)
        sim.call(lambda: setattr(sim.world.song.tracks[0].devices[0], "name", "Lead"))
        sim.call(lambda: setattr(sim.world.song.tracks[1].devices[0], "name", "Compressor"))
    client.sync()
    client.take_all("/live/device/get/name")


def test_device_errors(dev):
    sim, client = dev
    client.send("/live/device/get/name", 0, 9)
    assert client.expect_error("Index out of range")[1] == "/live/device/get/name"
    client.send("/live/device/get/parameter/value", 0, 0, 999)
    assert client.expect_error("Index out of range")[1] == "/live/device/get/parameter/value"
    client.send("/live/device/set/parameter/value", 0, 1, 3, 1000.0)
    client.expect_error(address="/live/device/set/parameter/value")
    client.send("/live/device/get/name", 4, 0)  # a track without devices
    client.expect_error("Index out of range", address="/live/device/get/name")


def test_device_types(dev):
    # LOM: 1 instrument, 2 audio effect, 4 MIDI effect (upstream's README had them swapped)
    sim, client = dev
    assert client.query("/live/device/get/type", 0, 0) == (0, 0, 1)
    assert client.query("/live/device/get/type", 1, 0) == (1, 0, 2)
    assert client.query("/live/device/get/type", 3, 0) == (3, 0, 4)
    assert client.query("/live/device/get/class_name", 3, 0) == (3, 0, "MidiArpeggiator")


def test_device_on_a_return_track(dev):
    sim, client = dev
    assert client.query("/live/device/get/name", "A", 0) == ("A", 0, "Reverb")
    assert client.query("/live/device/get/class_name", "B", 0) == ("B", 0, "Delay")


def test_device_getter_accepts_float_indices(dev):
    sim, client = dev
    assert client.query("/live/device/get/name", 0.0, 1.0) == (0, 1, "Auto Filter")
