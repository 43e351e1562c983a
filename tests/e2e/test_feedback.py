"""Feedback at display rate: meters and positions while the set plays, collapsed, rate-capped, bundled.

The script runs in livesim on the virtual clock, and its outbox reads the same clock, so rates
are measured in engine time: each step advances one display frame and then lets the script
send what changed (as its poll does), with no dependence on wall-clock timing.
"""
import os
import random
import select
import socket
import subprocess
import time

import pytest

from AbletonOSC.osc import Bundle, decode_packet, encode_message

from tests.tooling import IN_CI, require_tool

from .harness import running_sim

pytestmark = pytest.mark.livesim_only

FRAME = 1.0 / 30
METER = "/live/track/get/output_meter_level"
SONG_TIME = "/live/song/get/current_song_time"
INSTRUMENT = [{"class_name": "InstrumentVector", "type": "instrument"}]


def playing_set(tracks=4):
    """MIDI tracks with an instrument and one sustained chord each, ready to play from scene 0."""
    notes = [[48 + i, float(i), 4.0, 100, False] for i in range(4)]
    return {"tracks": [{"type": "midi", "devices": INSTRUMENT, "clips": [{"length": 8.0, "notes": notes}]}
                       for _ in range(tracks)], "scenes": [{}]}


def outbox(sim):
    return sim.host.instance.registry.subscriptions.outbox


def on_engine_clock(sim):
    """Make the script's outbox measure time on livesim's virtual clock."""
    world = sim.world
    sim.call(lambda: setattr(outbox(sim), "clock", lambda: world.engine.seconds))


def frames(sim, count, flush=True):
    """Advance ``count`` display frames; after each, the script sends (as its next poll would)."""
    world, box = sim.world, outbox(sim)

    def run():
        for _ in range(count):
            world.advance(FRAME)
            if flush:
                box.flush()
    sim.call(run)


def listen_meters(client, tracks):
    for i in range(tracks):
        client.send("/live/track/start_listen/output_meter_level", i)
    client.sync()
    client.take_all(METER)


def meters_heard_playing(sim, client, tracks, count):
    """On the engine's clock: listen to the meters of ``tracks`` tracks, play scene 0 for ``count`` frames,
    and check the meters were heard."""
    on_engine_clock(sim)
    listen_meters(client, tracks)
    client.send("/live/scene/fire", 0)
    client.sync()
    frames(sim, count)
    assert client.take_all(METER)


def by_track(updates):
    out = {}
    for track, value in updates:
        out.setdefault(track, []).append(value)
    return out


def test_meters_rise_while_a_clip_plays_and_reach_zero_after_stop():
    with running_sim(playing_set(4)) as (sim, client):
        on_engine_clock(sim)
        listen_meters(client, 4)
        client.send("/live/song/start_listen/current_song_time")
        client.send("/live/scene/fire", 0)
        client.sync()
        frames(sim, 30)
        meters = by_track(client.take_all(METER))
        assert sorted(meters) == [0, 1, 2, 3]
        assert all(0.0 < max(values) <= 1.0 for values in meters.values())
        times = [args[0] for args in client.take_all(SONG_TIME)]
        assert len(times) >= 29 and times == sorted(times)
        client.send("/live/song/stop_playing")
        client.sync()
        frames(sim, 10)
        after = by_track(client.take_all(METER))
        assert sorted(after) == [0, 1, 2, 3]
        assert all(values[-1] == 0.0 and values == sorted(values, reverse=True) for values in after.values())
        frames(sim, 10)
        assert client.take_all(METER) == []                 # silent meters send nothing more


def test_a_meter_that_goes_quiet_silently_still_ends_on_zero():
    with running_sim(playing_set(2)) as (sim, client):
        meters_heard_playing(sim, client, 2, 5)

        def stop_without_telling():
            # a Live that does not report the meter's fall to silence (upstream issue 70)
            sim.world.song.stop_playing()
            meters = sim.world.engine.meters
            for track in list(meters.values):
                meters.forget(track)
        sim.call(stop_without_telling)
        frames(sim, 12)                                      # 0.4 s: longer than the settle time
        finals = by_track(client.take_all(METER))
        assert finals == {0: [0.0], 1: [0.0]}


@pytest.mark.parametrize("cap, what, expected", [
    (20.0, ("positions",), 20.0),
    (12.0, ("current_song_time",), 12.0),
    (7.0, ("/live/song/start_listen/current_song_time",), 7.0),
    (0.0, ("all",), 30.0),
])
def test_a_rate_cap_holds_within_ten_percent(cap, what, expected):
    with running_sim(playing_set(1)) as (sim, client):
        on_engine_clock(sim)
        client.send("/live/api/set/max_rate", what[0], cap)
        client.send("/live/song/start_listen/current_song_time")
        client.send("/live/song/start_playing")
        client.sync()
        client.take_all(SONG_TIME)
        frames(sim, 90)                                       # 3 s of song time changing every frame
        count = len(client.take_all(SONG_TIME))
        assert abs(count - expected * 3) <= 0.1 * expected * 3, count
        shown = what[0].replace("/start_listen/", "/get/")
        assert client.query("/live/api/get/max_rate", what[0]) == (shown, cap)


def test_a_cap_per_class_and_per_subscription():
    with running_sim(playing_set(3)) as (sim, client):
        on_engine_clock(sim)
        client.send("/live/api/set/max_rate", "meters", 10)
        client.send("/live/api/set/max_rate", "/live/track/start_listen/output_meter_level", 5, 2)
        listen_meters(client, 3)
        client.send("/live/scene/fire", 0)
        client.sync()
        frames(sim, 90)
        counts = dict((track, len(values)) for track, values in by_track(client.take_all(METER)).items())
        assert 27 <= counts[0] <= 33 and 27 <= counts[1] <= 33, counts
        assert 13 <= counts[2] <= 17, counts
        assert set(client.query("/live/api/get/max_rate")[::2]) >= {"meters", "/live/track/get/output_meter_level"}


def test_the_max_rate_setting_caps_clients_that_set_none():
    with running_sim(playing_set(1), clients=2, reply_to_source=True,
                     env={"ABLETONOSC_MAX_RATE": "positions 10, output_meter_level 0"}) as (sim, (a, b)):
        on_engine_clock(sim)
        b.send("/live/api/set/max_rate", "all", 0)            # a client's own cap wins over the setting
        for client in (a, b):
            client.send("/live/song/start_listen/current_song_time")
            client.sync()
            client.take_all(SONG_TIME)
        a.send("/live/song/start_playing")
        a.sync()
        frames(sim, 60)
        assert 18 <= len(a.take_all(SONG_TIME)) <= 22
        assert len(b.take_all(SONG_TIME)) >= 59
        assert a.query("/live/api/get/max_rate") == ("positions", 10.0, "output_meter_level", 0.0)


def test_a_capped_subscription_ends_on_the_latest_value():
    with running_sim(playing_set(1)) as (sim, client):
        on_engine_clock(sim)
        client.send("/live/api/set/max_rate", "all", 4)
        client.send("/live/song/start_listen/current_song_time")
        client.send("/live/song/start_playing")
        client.sync()
        frames(sim, 20)
        client.send("/live/song/stop_playing")
        client.sync()
        frames(sim, 10)
        times = [args[0] for args in client.take_all(SONG_TIME)]
        final = sim.call(lambda: sim.world.song.current_song_time)
        assert times[-1] == pytest.approx(final) and len(times) <= 5


def test_a_position_whose_clip_is_deleted_before_the_flush_ends_its_listener():
    # The clip moved (its update waits for the flush) and is deleted before the flush reads it.
    with running_sim(playing_set(1)) as (sim, client):
        on_engine_clock(sim)
        client.send("/live/scene/fire", 0)
        client.send("/live/clip/start_listen/playing_position", 0, 0)
        client.sync()
        frames(sim, 3)
        assert client.take_all("/live/clip/get/playing_position")

        def move_then_delete():
            sim.world.advance(FRAME)
            sim.world.song.tracks[0].clip_slots[0].delete_clip()
            outbox(sim).flush()
        sim.call(move_then_delete)
        assert client.wait_for("/live/api/listener_dropped") == ("/live/clip/start_listen/playing_position", 0, 0)


def test_a_value_that_is_not_a_32_bit_float_still_reaches_its_listener():
    # Live reports floats; one that is an int this time, or beyond 32 bits, goes through the encoder,
    # and the floats after it the short way again.
    with running_sim(playing_set(1)) as (sim, client):
        meters_heard_playing(sim, client, 1, 3)
        track = sim.world.song_node.tracks[0]

        def report(value):
            def run():
                track.meter_level = value
                notify(track, "output_meter_level")
                outbox(sim).flush()
            sim.call(run)
        from Live._lom import notify
        sim.call(sim.world.song.stop_playing)     # the engine's own frames no longer move the meter
        for value in (1, 0.25):
            report(value)
            assert client.wait_for(METER) == (0, value)
        report(1e300)                                        # no OSC float holds it: the client is told
        error = client.wait_for("/live/error")
        assert "cannot encode 1e+300" in error[0] and error[1] == METER
        report(0.5)
        assert client.wait_for(METER) == (0, 0.5)


def test_collapsed_updates_always_end_on_the_latest_value():
    rng = random.Random(15)
    with running_sim(playing_set(2)) as (sim, client):
        for track in (0, 1):
            client.send("/live/track/start_listen/volume", track)
        client.send("/live/song/start_listen/current_song_time")
        client.sync()
        client.drain()
        song = sim.world.song
        for _ in range(20):
            steps = [(rng.randrange(2), rng.randrange(1, 100) / 100.0) for _ in range(rng.randrange(1, 12))]

            def burst():
                # many changes between two polls, as Live's engine makes them
                for track, value in steps:
                    song.tracks[track].mixer_device.volume.value = value
                song.current_song_time = rng.randrange(64) * 0.25
                outbox(sim).flush()
            sim.call(burst)
            client.sync()
            volumes = by_track(client.take_all("/live/track/get/volume"))
            for track in volumes:
                assert len(volumes[track]) == 1                   # collapsed: one update per poll
                final = sim.call(lambda: song.tracks[track].mixer_device.volume.value)
                assert volumes[track][-1] == pytest.approx(final)
            times = client.take_all(SONG_TIME)
            assert len(times) <= 1
            if times:
                assert times[-1][0] == sim.call(lambda: song.current_song_time)


def test_subscribers_of_one_value_each_get_it_their_way():
    # Three clients hear the same meters: one bundled and capped, one in plain types, one plain.
    with running_sim(playing_set(2), clients=3, reply_to_source=True) as (sim, (capped, plain_types, plain)):
        on_engine_clock(sim)
        capped.send("/live/api/set/bundle", 1)
        capped.send("/live/api/set/max_rate", "meters", 10)
        plain_types.send("/live/api/set/plain_types", 1)
        for client in (capped, plain_types, plain):
            listen_meters(client, 2)
        plain.send("/live/scene/fire", 0)
        plain.sync()
        frames(sim, 30)
        counts = {}
        for name, client in (("capped", capped), ("plain_types", plain_types), ("plain", plain)):
            counts[name] = dict((track, len(values)) for track, values in by_track(client.take_all(METER)).items())
        assert all(9 <= n <= 11 for n in counts["capped"].values()), counts
        assert counts["plain"] == counts["plain_types"] and all(n >= 25 for n in counts["plain"].values()), counts
        plain.send("/live/song/stop_playing")
        plain.sync()
        frames(sim, 15)
        finals = [by_track(client.take_all(METER)) for client in (capped, plain_types, plain)]
        assert all(sorted(final) == [0, 1] and all(values[-1] == 0.0 for values in final.values())
                   for final in finals), finals


def test_a_new_subscriber_does_not_make_the_others_hear_a_value_again():
    with running_sim(playing_set(1), clients=2, reply_to_source=True) as (sim, (first, later)):
        on_engine_clock(sim)
        first.send("/live/song/start_listen/current_song_time")
        first.send("/live/song/start_playing")
        first.sync()
        frames(sim, 3)
        sim.call(sim.world.song.stop_playing)
        frames(sim, 2)
        first.take_all(SONG_TIME)
        later.send("/live/song/start_listen/current_song_time")
        later.sync()
        assert len(later.take_all(SONG_TIME)) == 1              # its first value, at once

        def notify_unchanged():
            # Live may call a listener when the value did not change
            for hub in list(outbox(sim).subscriptions.hubs.values()):
                hub.changed()
        sim.call(notify_unchanged)
        frames(sim, 3)
        assert first.take_all(SONG_TIME) == [] and later.take_all(SONG_TIME) == []


def test_a_subscriber_joining_between_turns_keeps_the_cap_and_the_latest_value():
    with running_sim(playing_set(1), clients=2, reply_to_source=True) as (sim, (first, later)):
        on_engine_clock(sim)
        for client in (first, later):
            client.send("/live/api/set/max_rate", "all", 4)
        first.send("/live/song/start_listen/current_song_time")
        first.send("/live/song/start_playing")
        first.sync()
        first.take_all(SONG_TIME)
        frames(sim, 3)                           # 0.1 s: the change waits for the turn at 0.25 s
        later.send("/live/song/start_listen/current_song_time")
        joined = later.take_all(SONG_TIME)
        assert len(joined) == 1                  # its first value, at once
        frames(sim, 6)                           # 0.3 s: one turn for both
        sim.call(sim.world.song.stop_playing)
        frames(sim, 15)                          # 0.8 s: the stop's value on the next turn
        final = sim.call(lambda: sim.world.song.current_song_time)
        heard = [[args[0] for args in client.take_all(SONG_TIME)] for client in (first, later)]
        assert heard[0][-1] == pytest.approx(final) and heard[1][-1] == pytest.approx(final), heard
        assert heard[0][-len(heard[1]):] == heard[1] and len(heard[0]) <= 4, heard
        assert all(a != b for values in heard for a, b in zip(values, values[1:]))   # nothing sent twice


def _raw_listener(sim, tracks, bundle=True):
    """A raw UDP socket subscribed to the meters of ``tracks`` tracks (a count or the indices; replies come
    to its port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    target = ("127.0.0.1", sim.port)
    sock.sendto(encode_message("/live/api/set/bundle", (1 if bundle else 0,)), target)
    for i in (range(tracks) if isinstance(tracks, int) else tracks):
        sock.sendto(encode_message("/live/track/start_listen/output_meter_level", (i,)), target)
    sock.sendto(encode_message("/live/scene/fire", (0,)), target)
    return sock


def _datagrams(sock, quiet=0.3):
    out = []
    while select.select([sock], [], [], quiet)[0]:
        out.append(sock.recv(1 << 17))
    return out


def test_updates_to_one_address_keep_to_its_byte_rate():
    # Two clients on one computer share its reply_bytes_per_second, listener updates included.
    env = {"ABLETONOSC_REPLY_BYTES_PER_SECOND": "4096"}
    with running_sim(playing_set(16), reply_to_source=True, env=env) as (sim, _client):
        on_engine_clock(sim)
        socks = [_raw_listener(sim, 16, bundle=False) for _ in range(2)]
        try:
            first = [_datagrams(sock) for sock in socks]
            frames(sim, 60)                    # 2 s of engine time, far less of the wall clock
            later = [decode_packet(data) for sock in socks for data in _datagrams(sock)]
        finally:
            for sock in socks:
                sock.close()
        assert all(first)
        meters = [m for m in later if m.address == METER]
        notices = [m for m in later if m.address == "/live/error" and "reply_bytes_per_second" in m.args[0]]
        # 48 bytes an update: one second's burst and what refilled while the test ran, not 2 x 16 x 60
        assert meters and len(meters) * 48 <= 4096 * 3 and len(notices) == 1, (len(meters), notices)


def test_bundled_updates_decode_with_python_osc():
    pythonosc = pytest.importorskip("pythonosc.osc_bundle")
    with running_sim(playing_set(8), reply_to_source=True) as (sim, _client):
        on_engine_clock(sim)
        sock = _raw_listener(sim, 8)
        try:
            _datagrams(sock)                                       # the first values, one message each
            frames(sim, 10)
            packets = _datagrams(sock)
        finally:
            sock.close()
        assert packets and all(pythonosc.OscBundle.dgram_is_bundle(p) for p in packets)
        seen = []
        for data in packets:
            for content in pythonosc.OscBundle(data):
                seen.append((content.address, content.params[0]))
        assert {track for address, track in seen if address == METER} == set(range(8))
        # one bundle per poll: each of the 10 flushes sent one
        assert len(packets) == 10


def test_bundling_clients_get_what_each_subscribed_and_share_the_bytes_of_the_same():
    with running_sim(playing_set(6), reply_to_source=True) as (sim, _client):
        on_engine_clock(sim)
        wanted = [range(0, 4), range(2, 6), range(0, 4)]     # the first and the last hear the same meters
        socks = [_raw_listener(sim, tracks) for tracks in wanted]
        try:
            for sock in socks:
                _datagrams(sock)
            frames(sim, 6)
            packets = [_datagrams(sock) for sock in socks]
        finally:
            for sock in socks:
                sock.close()
        heard = []
        for received in packets:
            assert received and all(isinstance(decode_packet(data), Bundle) for data in received)
            heard.append(by_track(tuple(m.args) for data in received for m in decode_packet(data).elements))
        for tracks, meters in zip(wanted, heard):
            assert set(meters) == set(tracks)
            assert all(len(values) == 6 for values in meters.values())    # a new level each frame, each once
        assert heard[1][2] == heard[0][2] and heard[1][3] == heard[0][3]   # the shared tracks, the same values
        assert packets[0] == packets[2]


def test_bundle_audiences_stay_bounded_while_subscribers_come_and_go():
    # Each set of clients sent the same updates collects them in one list; sets of clients come and
    # go with the subscriptions, and what the outbox keeps stays within its bound.
    from AbletonOSC.handlers.feedback import MAX_AUDIENCES

    rng = random.Random(7)
    with running_sim(playing_set(2), clients=6, reply_to_source=True) as (sim, clients):
        on_engine_clock(sim)
        for client in clients:
            client.send("/live/api/set/bundle", 1)
        client.send("/live/scene/fire", 0)
        most = 0
        for _ in range(120):
            chosen = rng.sample(clients, rng.randint(1, len(clients)))   # in another order each time
            for client in chosen:
                client.send("/live/track/start_listen/output_meter_level", 0)
                client.sync()
            frames(sim, 1)
            for client in chosen:
                client.send("/live/track/stop_listen/output_meter_level", 0)
                client.sync()
            most = max(most, sim.call(lambda: len(outbox(sim).queues)))
        # the churn reached the bound (two per hub beyond MAX_AUDIENCES), and a flush adds at most its fan-outs
        assert MAX_AUDIENCES <= most <= MAX_AUDIENCES + 2 + len(clients), most
        for client in clients:
            assert client.take_all(METER)     # every client heard its meters while it listened


def test_bundles_split_at_the_datagram_size():
    env = {"ABLETONOSC_MAX_DATAGRAM": "400"}
    with running_sim(playing_set(24), reply_to_source=True, env=env) as (sim, _client):
        on_engine_clock(sim)
        sock = _raw_listener(sim, 24)
        try:
            _datagrams(sock)
            frames(sim, 1)
            packets = _datagrams(sock)
        finally:
            sock.close()
        assert len(packets) >= 3 and all(len(p) <= 400 for p in packets)
        tracks = set()
        for data in packets:
            packet = decode_packet(data)
            assert isinstance(packet, Bundle)
            tracks.update(m.args[0] for m in packet.elements)
        assert tracks == set(range(24))


def _udp_port_of(pid, timeout=5.0):
    """The UDP port a process bound (it asked for port 0), found through /proc."""
    if not os.path.isdir("/proc/%d/fd" % pid):
        message = "needs /proc to find the port oscdump bound"
        if IN_CI:
            pytest.fail(message + "; CI must have it", pytrace=False)
        pytest.skip(message)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        inodes = set()
        for fd in os.listdir("/proc/%d/fd" % pid):
            try:
                target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
            except OSError:
                continue            # closed meanwhile: the process is still starting
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        for table in ("/proc/net/udp", "/proc/net/udp6"):
            if not os.path.exists(table):
                continue
            with open(table) as lines:
                for line in lines:
                    fields = line.split()
                    if len(fields) > 9 and fields[9] in inodes:
                        return int(fields[1].rsplit(":", 1)[1], 16)
        time.sleep(0.05)
    raise AssertionError("oscdump bound no UDP port")


def test_bundled_updates_decode_with_liblo():
    from livesim.testing import LiveSim

    path = require_tool("oscdump")
    proc = subprocess.Popen([path, "-L", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        port = _udp_port_of(proc.pid)
        # Replies go to the sender's address on reply_port: oscdump's.
        with LiveSim(playing_set(4), virtual_clock=True, reply_port=port) as sim:
            on_engine_clock(sim)
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            sock.bind(("127.0.0.1", 0))
            try:
                for address, args in [("/live/api/set/bundle", (1,))] + [
                        ("/live/track/start_listen/output_meter_level", (i,)) for i in range(4)] + [
                        ("/live/scene/fire", (0,))]:
                    sock.sendto(encode_message(address, args), ("127.0.0.1", sim.port))
                first = _lines(proc, until=lambda lines: sum(METER in line for line in lines) >= 4)
                frames(sim, 5)
                lines = _lines(proc, until=lambda lines: sum(METER in line for line in lines) >= 20)
            finally:
                sock.close()
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    first = [line for line in first if METER in line]
    later = [line for line in lines if METER in line]
    # oscdump prints each message after a time tag; the messages of one bundle share the bundle's
    stamps = {}
    for line in later:
        stamp, address, types, track, value = line.split()
        assert (address, types) == (METER, "if") and 0.0 <= float(value) <= 1.0
        stamps.setdefault(stamp, set()).add(int(track))
    assert len({line.split()[0] for line in first}) == 4        # the first values: one message each
    assert len(stamps) <= 6 and all(tracks == {0, 1, 2, 3} for tracks in stamps.values())


def _lines(proc, until, timeout=10.0):
    """oscdump's output lines until ``until(lines)`` holds (or the timeout)."""
    data = b""
    deadline = time.monotonic() + timeout
    while not until(data.decode("utf-8", "replace").splitlines()) and time.monotonic() < deadline:
        if select.select([proc.stdout], [], [], 0.1)[0]:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            data += chunk
    return data.decode("utf-8", "replace").splitlines()


def test_max_rate_and_bundle_refuse_what_they_cannot_do(client):
    client.send("/live/api/set/max_rate", "loudness", 10)
    assert "not all, meters, positions" in client.wait_for("/live/error")[0]
    client.send("/live/api/set/max_rate", "meters", 5000)
    assert "between 0 (no cap) and 1000" in client.wait_for("/live/error")[0]
    client.send("/live/api/set/max_rate", "/live/track/start_listen/nope", 10)
    assert "not a listenable address" in client.wait_for("/live/error")[0]
    assert client.query("/live/api/get/bundle") == (False,)
    client.send("/live/api/set/bundle", 1)
    assert client.query("/live/api/get/bundle") == (True,)
    client.send("/live/api/set/bundle", 0)
    client.send("/live/api/set/max_rate", "meters", 0)
    assert client.query("/live/api/get/max_rate", "meters") == ("meters", 0.0)
