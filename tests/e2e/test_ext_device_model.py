"""Device and DeviceParameter beyond upstream: every property and method, and upstream's shapes kept."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only

# Track 0 of the rich set: Operator ("Lead"), AutoFilter, Reverb. Operator's parameter 1
# (Algorithm) is quantized without value items, AutoFilter's parameter 0 (Device On) has them.


def device(sim, track=0, index=1):
    return sim.world.song.tracks[track].devices[index]


def node(handle):
    return handle._o


def test_upstream_device_shapes_are_unchanged(dev):
    sim, client = dev
    assert client.query("/live/device/get/name", 0, 1) == (0, 1, "Auto Filter")
    assert client.query("/live/device/get/class_name", 0, 1) == (0, 1, "AutoFilter")
    assert client.query("/live/device/get/type", 0, 1) == (0, 1, 2)
    n = client.query("/live/device/get/num_parameters", 0, 1)
    assert len(n) == 3
    for name in ("name", "value", "min", "max", "is_quantized"):
        assert len(client.query("/live/device/get/parameters/%s" % name, 0, 1)) == 2 + n[2]
    assert len(client.query("/live/device/get/parameter/value", 0, 1, 3)) == 4
    assert len(client.query("/live/device/get/parameter/value_string", 0, 1, 3)) == 4
    assert len(client.query("/live/device/get/parameter/name", 0, 1, 3)) == 4
    # upstream's device listeners send the value alone
    client.send("/live/device/start_listen/name", 0, 1)
    assert client.wait_for("/live/device/get/name") == ("Auto Filter",)
    client.send("/live/device/stop_listen/name", 0, 1)
    # extra getter arguments are echoed after the value, as upstream does
    assert client.query("/live/device/get/name", 0, 1, "tag") == (0, 1, "Auto Filter", "tag")


def test_device_properties(dev):
    sim, client = dev
    assert client.query("/live/device/get/class_display_name", 0, 1) == (0, 1, "Auto Filter")
    assert client.query("/live/device/get/is_active", 0, 1) == (0, 1, True)
    assert client.query("/live/device/get/can_have_chains", 0, 1) == (0, 1, False)
    assert client.query("/live/device/get/can_have_drum_pads", 0, 1) == (0, 1, False)
    assert client.query("/live/device/get/latency_in_ms", 0, 1) == (0, 1, pytest.approx(0.0))
    assert client.query("/live/device/get/latency_in_samples", 0, 1) == (0, 1, 0)
    assert client.query("/live/device/get/can_compare_ab", 0, 1) == (0, 1, True)
    assert client.query("/live/device/get/is_using_compare_preset_b", 0, 1) == (0, 1, False)
    assert client.query("/live/device/get/is_collapsed", 0, 1) == (0, 1, False)


def test_is_active_listener(dev):
    sim, client = dev
    client.send("/live/device/start_listen/is_active", 0, 2)
    assert client.wait_for("/live/device/get/is_active") == (0, 2, True)
    try:
        client.send("/live/device/set/parameter/value", 0, 2, 0, 0.0)  # Device On
        assert client.wait_for("/live/device/get/is_active") == (0, 2, False)
        client.send("/live/track/set/mute", 0, True)  # muting a track does not switch devices off
        client.send("/live/device/set/parameter/value", 0, 2, 0, 1.0)
        assert client.wait_for("/live/device/get/is_active") == (0, 2, True)
    finally:
        client.send("/live/device/stop_listen/is_active", 0, 2)
        client.send("/live/track/set/mute", 0, False)
        client.send("/live/device/set/parameter/value", 0, 2, 0, 1.0)
    client.sync()
    client.take_all("/live/device/get/is_active")


def test_collapsed_view_listener(dev):
    sim, client = dev
    client.send("/live/device/start_listen/is_collapsed", 0, 1)
    assert client.wait_for("/live/device/get/is_collapsed") == (0, 1, False)
    try:
        client.send("/live/device/set/is_collapsed", 0, 1, True)
        assert client.wait_for("/live/device/get/is_collapsed") == (0, 1, True)
    finally:
        client.send("/live/device/stop_listen/is_collapsed", 0, 1)
        client.send("/live/device/set/is_collapsed", 0, 1, False)
    client.sync()
    client.take_all("/live/device/get/is_collapsed")


def test_compare_ab(dev):
    sim, client = dev
    original = client.query("/live/device/get/parameter/value", 0, 1, 3)[3]
    try:
        client.send("/live/device/save_preset_to_compare_ab_slot", 0, 1)
        client.send("/live/device/set/parameter/value", 0, 1, 3, 0.9)
        client.send("/live/device/start_listen/is_using_compare_preset_b", 0, 1)
        assert client.wait_for("/live/device/get/is_using_compare_preset_b") == (0, 1, False)
        client.send("/live/device/set/is_using_compare_preset_b", 0, 1, True)
        assert client.wait_for("/live/device/get/is_using_compare_preset_b") == (0, 1, True)
        assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(original))
        client.send("/live/device/set/is_using_compare_preset_b", 0, 1, False)
        assert client.wait_for("/live/device/get/is_using_compare_preset_b") == (0, 1, False)
        assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(0.9))
    finally:
        client.send("/live/device/stop_listen/is_using_compare_preset_b", 0, 1)
        client.send("/live/device/set/parameter/value", 0, 1, 3, original)
    client.sync()
    client.take_all("/live/device/get/is_using_compare_preset_b")


def test_store_chosen_bank(dev):
    sim, client = dev
    client.send("/live/device/store_chosen_bank", 0, 1, 2, 3)
    client.sync()
    assert sim.call(lambda: node(device(sim)).chosen_bank) == (2, 3)


def test_num_parameters_listener(dev):
    sim, client = dev
    client.send("/live/device/start_listen/num_parameters", 0, 1)
    n = client.wait_for("/live/device/get/num_parameters")
    assert n[:2] == (0, 1) and n[2] > 1
    client.send("/live/device/stop_listen/num_parameters", 0, 1)
    client.sync()


def test_parameter_properties(dev):
    sim, client = dev
    assert client.query("/live/device/get/parameter/min", 0, 1, 3) == (0, 1, 3, pytest.approx(0.0))
    assert client.query("/live/device/get/parameter/max", 0, 1, 3) == (0, 1, 3, pytest.approx(1.0))
    assert client.query("/live/device/get/parameter/is_quantized", 0, 1, 0) == (0, 1, 0, True)
    assert client.query("/live/device/get/parameter/is_enabled", 0, 1, 3) == (0, 1, 3, True)
    assert client.query("/live/device/get/parameter/original_name", 0, 1, 3) == (0, 1, 3, "Frequency")
    default = sim.call(lambda: device(sim).parameters[3].default_value)
    assert client.query("/live/device/get/parameter/default_value", 0, 1, 3) == (0, 1, 3, pytest.approx(default))
    assert client.query("/live/device/get/parameter/value_items", 0, 1, 0) == (0, 1, 0, "Off", "On")
    assert client.query("/live/device/get/parameter/short_value_items", 0, 1, 0) == (0, 1, 0, "Off", "On")
    assert client.query("/live/device/get/parameter/automation_state", 0, 1, 3) == (0, 1, 3, 0)
    assert client.query("/live/device/get/parameter/state", 0, 1, 3) == (0, 1, 3, 0)
    value = client.query("/live/device/get/parameter/value", 0, 1, 3)[3]
    assert client.query("/live/device/get/parameter/display_value", 0, 1, 3) == (0, 1, 3, pytest.approx(value))
    text = sim.call(lambda: device(sim).parameters[3].str_for_value(0.25))
    assert client.query("/live/device/get/parameter/str_for_value", 0, 1, 3, 0.25) == (0, 1, 3, text)


def test_parameter_errors_carry_lives_text(dev):
    sim, client = dev
    client.send("/live/device/get/parameter/value_items", 0, 1, 3)
    client.expect_error("Only quantized parameters have value items",
                        address="/live/device/get/parameter/value_items")
    client.send("/live/device/get/parameter/default_value", 0, 1, 0)
    client.expect_error("no default value", address="/live/device/get/parameter/default_value")
    client.send("/live/device/get/parameter/min", 0, 1, 999)
    client.expect_error("Index out of range", address="/live/device/get/parameter/min")
    # an OSC pattern skips what does not apply to a parameter, without errors
    client.send("/live/device/get/parameter/*", 0, 1, 3)
    client.sync()
    assert client.errors() == []
    client.inbox = []


def test_display_value_set_and_listen(dev):
    sim, client = dev
    original = client.query("/live/device/get/parameter/value", 0, 1, 4)[3]
    client.send("/live/device/start_listen/parameter/display_value", 0, 1, 4)
    assert client.wait_for("/live/device/get/parameter/display_value") == (0, 1, 4, pytest.approx(original))
    try:
        client.send("/live/device/set/parameter/display_value", 0, 1, 4, 0.4)
        assert client.wait_for("/live/device/get/parameter/display_value") == (0, 1, 4, pytest.approx(0.4))
        assert client.query("/live/device/get/parameter/value", 0, 1, 4) == (0, 1, 4, pytest.approx(0.4))
    finally:
        client.send("/live/device/stop_listen/parameter/display_value", 0, 1, 4)
        client.send("/live/device/set/parameter/value", 0, 1, 4, original)
    client.sync()
    client.take_all("/live/device/get/parameter/display_value")


def test_parameter_name_and_state_listeners(dev):
    sim, client = dev
    from Live import _lom

    def set_node(attr, value, index=5):
        _lom.set_value(node(device(sim).parameters[index]), attr, value, undo=False)

    client.send("/live/device/start_listen/parameter/name", 0, 1, 5)
    assert client.wait_for("/live/device/get/parameter/name") == (0, 1, 5, "Env. Modulation")
    client.send("/live/device/start_listen/parameter/state", 0, 1, 5)
    assert client.wait_for("/live/device/get/parameter/state") == (0, 1, 5, 0)
    client.send("/live/device/start_listen/parameter/automation_state", 0, 1, 5)
    assert client.wait_for("/live/device/get/parameter/automation_state") == (0, 1, 5, 0)
    # a second parameter of the same device is heard on its own
    client.send("/live/device/start_listen/parameter/name", 0, 1, 6)
    assert client.wait_for("/live/device/get/parameter/name") == (0, 1, 6, "Env. Attack")
    try:
        sim.call(set_node, "name", "Env Amount")
        assert client.wait_for("/live/device/get/parameter/name") == (0, 1, 5, "Env Amount")
        sim.call(set_node, "name", "Attack", 6)
        assert client.wait_for("/live/device/get/parameter/name") == (0, 1, 6, "Attack")
        sim.call(set_node, "state", 2)
        assert client.wait_for("/live/device/get/parameter/state") == (0, 1, 5, 2)
        sim.call(set_node, "automation_state", 2)
        assert client.wait_for("/live/device/get/parameter/automation_state") == (0, 1, 5, 2)
        client.send("/live/device/parameter/re_enable_automation", 0, 1, 5)
        assert client.wait_for("/live/device/get/parameter/automation_state") == (0, 1, 5, 1)
    finally:
        for address, index in (("name", 5), ("name", 6), ("state", 5), ("automation_state", 5)):
            client.send("/live/device/stop_listen/parameter/%s" % address, 0, 1, index)
        sim.call(set_node, "name", "Env. Modulation")
        sim.call(set_node, "name", "Env. Attack", 6)
        sim.call(set_node, "state", 0)
        sim.call(set_node, "automation_state", 0)
    client.sync()
    for address in ("name", "state", "automation_state"):
        client.take_all("/live/device/get/parameter/%s" % address)


def test_gestures(dev):
    sim, client = dev
    client.send("/live/device/parameter/begin_gesture", 0, 1, 3)
    client.send("/live/device/set/parameter/value", 0, 1, 3, 0.6)
    client.send("/live/device/parameter/end_gesture", 0, 1, 3)
    assert client.query("/live/device/get/parameter/value", 0, 1, 3) == (0, 1, 3, pytest.approx(0.6))


def test_parameters_bulk_beyond_upstream(dev):
    sim, client = dev
    n = client.query("/live/device/get/num_parameters", 0, 1)[2]
    names = client.query("/live/device/get/parameters/original_name", 0, 1)
    assert names[:2] == (0, 1) and len(names) == 2 + n and names[2] == "Device On"
    enabled = client.query("/live/device/get/parameters/is_enabled", 0, 1)
    assert enabled[2:] == (True,) * n
    defaults = client.query("/live/device/get/parameters/default_value", 0, 1)
    assert defaults[2] is None  # Device On is quantized: Live has no default for it
    assert isinstance(defaults[5], float)
    assert client.query("/live/device/get/parameters/automation_state", 0, 1)[2:] == (0,) * n
    assert client.query("/live/device/get/parameters/state", 0, 1)[2:] == (0,) * n
    values = client.query("/live/device/get/parameters/value", 0, 1)[2:]
    assert client.query("/live/device/get/parameters/display_value", 0, 1)[2:] == tuple(
        pytest.approx(v) for v in values)
    strings = client.query("/live/device/get/parameters/value_string", 0, 1)
    assert strings[2:] == tuple(sim.call(lambda: [str(p) for p in device(sim).parameters]))


MISSING_IN_11_0 = [
    ("/live/device/get/latency_in_ms", (0, 0)),
    ("/live/device/get/can_compare_ab", (0, 0)),
    ("/live/device/set/is_using_compare_preset_b", (0, 0, True)),
    ("/live/device/save_preset_to_compare_ab_slot", (0, 0)),
    ("/live/device/get/parameter/display_value", (0, 0, 1)),
    ("/live/device/set/parameter/display_value", (0, 0, 1, 0.5)),
    ("/live/device/get/parameter/short_value_items", (0, 0, 0)),
    ("/live/device/get/parameters/display_value", (0, 0)),
]


def test_what_live_11_0_lacks_is_a_clear_error():
    with running_sim(rich_set(), live_version="11.0") as (sim, client):
        for address, args in MISSING_IN_11_0:
            client.send(address, *args)
            error = client.expect_error(address=address)
            assert "11.0" in error[0], error
        assert client.query("/live/device/get/parameter/value_items", 0, 0, 0) == (0, 0, 0, "Off", "On")
        assert client.query("/live/device/get/is_active", 0, 0) == (0, 0, True)
        assert client.query("/live/device/get/name", 0, 0) == (0, 0, "Lead")
        assert client.errors() == []
