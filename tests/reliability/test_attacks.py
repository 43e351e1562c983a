"""Hostile single requests: none stalls Live, grows memory without bound or turns the script into a reflector.

Each test sends one attack from one client while a second client checks that it is still
served (its /live/test answered), then that the set is unchanged where the request was refused.
"""
import logging
import select
import socket
import time

import pytest

from AbletonOSC.osc import Typed, encode_bundle, encode_message, IMMEDIATELY
from livesim.default_set import scale_set
from tests.e2e.harness import running_sim
from tests.reliability.test_hostile import capture_log
from tests.transport.helpers import TcpPeer, make_server

#: Generous: a stalled poll took 19 s and more before the matcher was linear.
ANSWER = 5.0


@pytest.fixture(scope="module")
def big():
    """The benchmark's 128-track x 16-scene set, an attacker and a bystander (each its own reply port)."""
    with running_sim(scale_set(128, 16), clients=2, reply_to_source=True) as (sim, (attacker, bystander)):
        yield sim, attacker, bystander


def roomy(client):
    """A client socket that keeps a burst of replies (the default buffer drops some on a loaded machine)."""
    client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 * 1024 * 1024)
    return client


def gather(client, seconds):
    """Receive everything that arrives for `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        client._pump(0.05)


def served(client):
    """The bystander is answered while the attack goes on."""
    assert client.query("/live/test", timeout=ANSWER) == ("ok",)


def test_a_pattern_that_made_a_regular_expression_backtrack_is_answered_at_once(big):
    sim, attacker, bystander = big
    for pattern in ("/live/*/get/*********!", "/live/*/get/" + "?*" * 60 + "!", "//" + "*{a,e,i,o,u}" * 20):
        attacker.send(pattern)
        served(bystander)
        text, address = attacker.expect_error(timeout=ANSWER)
        assert address == pattern and ("Unknown OSC address" in text or "longer than" in text)


def test_a_pattern_argument_is_matched_the_same_way(big):
    sim, attacker, bystander = big
    attacker.send("/live/api/get/addresses", "/live/*/get/*********!")
    served(bystander)
    assert attacker.wait_msg("/live/api/get/addresses", timeout=ANSWER).args == (0, 0)
    attacker.send("/live/api/get/addresses", "/" + "*" * 300)
    assert "longer than" in attacker.expect_error(address="/live/api/get/addresses", timeout=ANSWER)[0]


@pytest.mark.parametrize("props, expected", [
    (("clip.name",) * 1000, "at most 64"),
    (("clip_slot.clip",) * 50, "tracks at a time"),
    (("clip.name", "clip.color", "clip.length", "clip.start_marker", "clip.end_marker", "clip.looping",
      "clip.muted", "clip.is_playing", "clip_slot.has_clip"), "tracks at a time"),
])
def test_bulk_reads_too_large_for_a_reply_are_refused_before_any_work(big, props, expected):
    sim, attacker, bystander = big
    server = sim.host.instance.server
    attacker.send("/live/song/get/track_data", 0, -1, *props)
    served(bystander)
    text = attacker.expect_error(address="/live/song/get/track_data", timeout=ANSWER)[0]
    assert expected in text, text
    assert sim.call(lambda: server._queued_count) == 0  # no sliced work was started


def test_a_bulk_read_that_fits_is_worked_off_while_others_are_served(big):
    sim, attacker, bystander = big
    attacker.send("/live/song/get/track_data", 0, -1, "track.name", "clip.name")
    served(bystander)
    reply = attacker.wait_msg("/live/song/get/track_data", timeout=ANSWER).args
    assert len(reply) == 128 * 17


def dispatch_order(sim):
    """Record the address of every message the script dispatches: (the list, a function that stops it)."""
    server = sim.host.instance.server
    order = []
    dispatch = server._dispatch

    def recording(message, client):
        order.append(message.address)
        dispatch(message, client)

    sim.call(setattr, server, "_dispatch", recording)
    return order, lambda: sim.call(setattr, server, "_dispatch", dispatch)


def test_a_bundle_is_spread_over_polls_and_others_are_served_meanwhile():
    with running_sim(scale_set(16, 4), clients=2, reply_to_source=True) as (sim, (attacker, bystander)):
        order, restore = dispatch_order(sim)
        attacker.send_raw(encode_bundle(IMMEDIATELY, [encode_message("/live/song/create_scene", [-1])] * 500))
        served(bystander)
        assert attacker.query("/live/song/get/num_scenes", timeout=30.0) == (504,)
        restore()
        last = len(order) - 1 - order[::-1].index("/live/song/create_scene")
        assert order.index("/live/test") < last  # answered while the bundle was still being worked off


def test_a_flood_of_separate_datagrams_is_served_in_turns_with_others():
    # The longest budget: the turns are what is tested, not how far a loaded machine reads in 5 ms.
    with running_sim(scale_set(16, 4), clients=2, reply_to_source=True,
                     env={"ABLETONOSC_POLL_BUDGET_MS": "100"}) as (sim, (attacker, bystander)):
        order, restore = dispatch_order(sim)

        def flood_then_ask():
            # Sent from the host thread: the whole flood is in the socket before the bystander asks.
            for _ in range(400):
                attacker.send("/live/song/create_scene", -1)
            bystander.send("/live/test")

        sim.call(flood_then_ask)
        assert bystander.wait_for("/live/test", timeout=ANSWER) == ("ok",)
        assert attacker.query("/live/song/get/num_scenes", timeout=30.0) == (404,)
        restore()
        # Answered after the attacker's share of a poll, long before the flood was worked off.
        assert order.index("/live/test") < 64, order.index("/live/test")
        assert order.count("/live/song/create_scene") == 400


def test_tags_per_client_property_and_object_are_capped_and_share_one_live_listener():
    with running_sim(clients=2, reply_to_source=True) as (sim, (attacker, bystander)):
        roomy(attacker)
        for tag in range(5000):
            attacker.send("/live/song/start_listen/tempo", tag)
        # 5,000 datagrams are a flood: they wait in the socket in arrival order (rate_limit is the
        # remedy), so the bystander is asked once they are served.
        attacker.sync(timeout=60.0)
        served(bystander)
        registry = sim.host.instance.registry
        assert sim.call(lambda: len(registry.subscriptions)) == 4
        assert sim.call(lambda: len(registry.subscriptions.hubs)) == 1
        errors = [m.args[0] for m in attacker.inbox if m.address == "/live/error"]
        assert errors and all("max_listen_tags" in e for e in errors)
        attacker.inbox = []
        bystander.send("/live/song/set/tempo", 133.0)
        bystander.sync()
        gather(attacker, 0.5)
        updates = [m for m in attacker.inbox if m.address == "/live/song/get/tempo" and m.args[-1] == 133.0]
        assert len(updates) == 4


def test_wildcard_starts_are_counted_one_by_one_against_the_caps():
    env = {"ABLETONOSC_MAX_SUBSCRIPTIONS_PER_CLIENT": "300", "ABLETONOSC_MAX_SUBSCRIPTIONS": "500"}
    with running_sim(scale_set(16, 4), clients=3, reply_to_source=True, env=env) as (sim, clients):
        attacker, second, bystander = clients
        registry = sim.host.instance.registry
        roomy(attacker)
        for _ in range(20):
            attacker.send("/live/clip/start_listen/*", "*", 0)
            served(bystander)
            attacker.sync(timeout=30.0)
        assert sim.call(lambda: len(registry.subscriptions)) == 300
        errors = [m.args[0] for m in attacker.inbox if m.address == "/live/error"
                  and "max_subscriptions_per_client" in m.args[0]]
        assert len(errors) == 20  # one per wildcard request, not one per match
        second.send("/live/track/start_listen/*", "*")
        second.sync(timeout=30.0)
        assert sim.call(lambda: len(registry.subscriptions)) == 500
        assert any("max_subscriptions" in m.args[0] for m in second.inbox if m.address == "/live/error")
        assert sim.call(lambda: len(registry.subscriptions.hubs)) <= 500
        # Past the caps more of the same adds nothing: memory stays where it is.
        before = _rss_kib()
        for _ in range(20):
            attacker.send("/live/clip/start_listen/*", "*", 0)
            attacker.sync(timeout=30.0)
        assert sim.call(lambda: len(registry.subscriptions)) == 500
        assert _rss_kib() - before < 8 * 1024


def _rss_kib():
    """This process's resident memory (the script runs in it), KiB; 0 where /proc is missing."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def test_values_live_cannot_hold_are_refused_at_the_door(big):
    sim, attacker, bystander = big
    before = attacker.query("/live/song/get/loop_length")
    for value in (Typed("d", 1e39), Typed("d", float("nan")), float("inf"), Typed("d", -1e300)):
        attacker.send_raw(encode_message("/live/song/set/loop_length", [value]))
        assert "/live/song/set/loop_length" == attacker.expect_error(timeout=ANSWER)[1]
    assert attacker.query("/live/song/get/loop_length") == before
    color = attacker.query("/live/track/get/color", 0)
    attacker.send_raw(encode_message("/live/track/set/color", [0, Typed("h", 2 ** 40)]))
    assert "32 bits" in attacker.expect_error(address="/live/track/set/color", timeout=ANSWER)[0]
    assert attacker.query("/live/track/get/color", 0) == color
    for address, value in (("/live/song/set/clip_trigger_quantization", 99), ("/live/track/set/panning_mode", 7),
                           ("/live/track/set/current_monitoring_state", -1), ("/live/clip/set/warp_mode", 5)):
        index = (0,) * (address.count("/clip/") * 2 + address.count("/track/"))
        index = (1, 0) if "/clip/" in address else index
        attacker.send(address, *(index + (value,)))
        text = attacker.expect_error(address=address, timeout=ANSWER)[0]
        assert "must be" in text, text
    served(bystander)


def test_a_listener_update_that_cannot_be_encoded_never_raises_into_live():
    from livesim.runtime.Live import _lom

    records = []
    with running_sim() as (sim, client), capture_log(records):
        client.send("/live/song/start_listen/loop_length")
        client.wait_msg("/live/song/get/loop_length")
        song = sim.call(lambda: sim.host.instance.song)
        for value in (1e39, 2e39):  # what Live would not hold, forced into the model
            sim.call(_lom.set_value, song._o, "loop_length", value)
        errors = client.errors()
        assert len(errors) == 1 and errors[0][1] == "/live/song/get/loop_length"
        assert len([r for r in records if "cannot be sent" in r]) == 1
        assert "error: Python" not in sim.log_text()
        assert client.query("/live/test") == ("ok",)


def test_setters_are_never_reached_by_a_pattern_in_their_property(big):
    sim, attacker, bystander = big
    names = attacker.query("/live/song/get/track_names", 0, 4)
    attacker.send("/live/track/set/*", "*", "1")
    text, address = attacker.expect_error(timeout=ANSWER)
    assert "Unknown OSC address" in text
    attacker.send("/live/track/*/name", 0)  # the kind segment a pattern: getters only
    assert attacker.wait_msg("/live/track/get/name", timeout=ANSWER).args[0] == 0
    served(bystander)
    assert attacker.query("/live/song/get/track_names", 0, 4) == names
    assert attacker.query("/live/track/get/mute", 0) == (0, False)


def test_a_bad_security_setting_falls_back_to_the_safest_choice_alone():
    env = {"ABLETONOSC_HOST": "127.0.0.1", "ABLETONOSC_RATE_LIMIT": "fast"}
    with running_sim(env=env) as (sim, client):
        server = sim.host.instance.server
        assert sim.call(lambda: server._udp.getsockname())[0] == "127.0.0.1"
        assert sim.call(lambda: server.rate_limit) == 500
        assert "settings" in sim.status_message() and "rate_limit" in sim.status_message()
        assert client.query("/live/test") == ("ok",)


def test_reply_bytes_per_source_are_limited_per_second_with_one_notice():
    env = {"ABLETONOSC_REPLY_BYTES_PER_SECOND": "20000"}
    with running_sim(scale_set(64, 4), env=env) as (sim, client):
        roomy(client).sync()
        for _ in range(30):
            client.send("/live/clip/get/name", "*", 0)
        gather(client, 1.5)
        names = [m for m in client.inbox if m.address == "/live/clip/get/name"]
        notices = [m for m in client.inbox if m.address == "/live/error" and "reply_bytes_per_second" in m.args[0]]
        sent = sum(len(encode_message(m.address, m.args)) for m in names)
        assert 0 < len(names) < 30 * 64 and len(notices) == 1
        assert sent <= 20000 * 3  # one second's burst, plus what refilled while the test ran


def test_log_lines_cannot_be_forged_and_refusals_carry_no_traceback():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(logging.DEBUG)
    try:
        with running_sim() as (sim, client):
            logging.getLogger("abletonosc").addHandler(handler)
            client.send("/live/track/get/name", 99)  # an expected refusal: bad index
            client.expect_error(address="/live/track/get/name")
            client.send("/live/fake\n(2026-01-01) [ERROR] forged", 1)
            client.expect_error()
            client.send("/live/clip/get/name", 0, 0)  # no clip there (slot empty in the default set)
            client.sync()
    finally:
        logging.getLogger("abletonosc").removeHandler(handler)
    for record in records:
        text = record.getMessage()
        assert "\n" not in text and "\r" not in text, text
    refusals = [r for r in records if "Error handling OSC message" in r.getMessage()]
    assert refusals and all(not r.exc_info for r in refusals)


def test_tcp_connections_are_capped_and_idle_ones_closed_oldest_first():
    server = make_server(tcp_port=0, max_tcp_connections=3, tcp_idle_timeout=60.0)
    try:
        peers = []
        for number in range(3):
            peers.append(TcpPeer(server))
            _poll_until(server, lambda: len(server._connections) == number + 1)
        for peer in peers[1:]:
            peer.send("/echo", [1])
            assert peer.receive(server) == [("/echo", (1,))]
        newcomer = TcpPeer(server)
        _poll_until(server, lambda: newcomer_served(server, newcomer))
        assert len(server._connections) == 3
        assert _closed(peers[0])  # the one that never spoke went first
        for peer in peers[1:]:
            assert not _closed(peer)
        server.tcp_idle_timeout = 0.2
        time.sleep(0.3)
        server.poll()
        assert server._connections == []
        for peer in peers + [newcomer]:
            peer.close()
    finally:
        server.close()


def newcomer_served(server, peer):
    peer.send("/echo", [7])
    return peer.receive(server) == [("/echo", (7,))]


def _poll_until(server, condition):
    deadline = time.monotonic() + ANSWER
    while not condition():
        assert time.monotonic() < deadline
        server.poll()
        select.select([server._listener], [], [], 0.02)


def _closed(peer):
    ready = select.select([peer.sock], [], [], 0.5)[0]
    if not ready:
        return False
    try:
        return peer.sock.recv(1) == b""
    except OSError:
        return True
