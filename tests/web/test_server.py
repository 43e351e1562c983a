"""The web view's server without a browser: state, actions, the event stream, the traffic log, bad requests."""
import json
import socket
import time

from livesim.web import server as web_server
from livesim.web.model import SetView
from tests.web.conftest import action, eventually, http, state, web_sim


class _Events(object):
    """A raw event-stream connection; ``read(count)`` returns the next data messages."""

    def __init__(self, web, path="/events"):
        self.sock = socket.create_connection(("127.0.0.1", web.port), timeout=10)
        self.sock.sendall(("GET %s HTTP/1.0\r\nHost: 127.0.0.1:%d\r\n\r\n" % (path, web.port)).encode())
        self.buffer = b""

    def read(self, count=1, timeout=10.0):
        messages = []
        deadline = time.monotonic() + timeout
        while len(messages) < count:
            while b"\n\n" in self.buffer and len(messages) < count:
                block, self.buffer = self.buffer.split(b"\n\n", 1)
                for line in block.split(b"\n"):
                    if line.startswith(b"data: "):
                        messages.append(json.loads(line[6:].decode("utf-8")))
            if len(messages) >= count or time.monotonic() >= deadline:
                break
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            self.buffer += chunk
        return messages

    def close(self):
        self.sock.close()


def _raw(web, data, timeout=10.0):
    """Send raw bytes to the web view; what it answers (until it closes)."""
    sock = socket.create_connection(("127.0.0.1", web.port), timeout=timeout)
    try:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        out = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return out
            out += chunk
    finally:
        sock.close()


def test_the_page_and_its_files_are_served(webpair):
    sim, web, client = webpair
    status, page = http(web, "GET", "/")
    assert status == 200 and "<title>livesim</title>" in page and "livesim.js" in page
    for path in ("/livesim.js", "/livesim.css", "/favicon.svg"):
        assert http(web, "GET", path)[0] == 200
    # Nothing is fetched from the network: the page references only its own files.
    for path in ("/", "/livesim.js", "/livesim.css"):
        text = http(web, "GET", path)[1]
        assert "http://" not in text.replace("http://www.w3.org", "") and "https://" not in text


def test_state_holds_the_default_set(webpair):
    sim, web, client = webpair
    full = state(web)
    assert [t["name"] for t in full["tracks"]] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
    assert [t["kind"] for t in full["tracks"]] == ["midi", "midi", "audio", "audio"]
    assert [t["name"] for t in full["returns"]] == ["A-Reverb", "B-Delay"]
    assert full["master"]["kind"] == "master" and full["song"]["tempo"] == 120.0
    assert len(full["scenes"]) == 8 and all(len(t["slots"]) == 8 for t in full["tracks"])
    assert full["tracks"][0]["slots"][0]["s"] == "empty"
    assert len(full["tracks"][0]["mixer"]["sends"]) == 2
    assert full["devices"]["track"] == full["song"]["selected_track"]


def test_an_osc_change_reaches_the_stream(webpair):
    sim, web, client = webpair
    sock = _Events(web)
    try:
        first = sock.read(1)
        assert "full" in first[0]
        client.send("/live/track/set/volume", 1, 0.5)
        messages = []
        deadline = time.monotonic() + 5
        volume = None
        while volume is None and time.monotonic() < deadline:
            for message in sock.read(1, timeout=1.0):
                messages.append(message)
                for op in message.get("ops", ()):
                    if op[1] == ["tracks", 1]:
                        volume = op[2]["mixer"]["volume"]["v"]
        assert volume == 0.5, messages
    finally:
        sock.close()


def test_actions_change_the_set_through_live_so_listeners_fire(webpair):
    sim, web, client = webpair
    client.send("/live/track/start_listen/volume", 0)
    client.wait_for("/live/track/get/volume")
    volume_id = state(web)["tracks"][0]["mixer"]["volume"]["id"]
    assert action(web, op="param", id=volume_id, value=0.25) == (200, {"ok": True})
    assert client.wait_for("/live/track/get/volume", lambda a: a[1] == 0.25)
    track_id = state(web)["tracks"][2]["id"]
    assert action(web, op="track", id=track_id, prop="mute", value=True)[0] == 200
    assert client.query("/live/track/get/mute", 2) == (2, True)
    assert action(web, op="song", prop="tempo", value=128.5)[0] == 200
    assert client.query("/live/song/get/tempo") == (128.5,)
    assert action(web, op="select_track", id=track_id)[0] == 200
    full = eventually(lambda: state(web), lambda s: s["song"]["selected_track"] == track_id)
    assert full["song"]["selected_track"] == track_id and full["devices"]["n"] == "3-Audio"
    client.send("/live/track/stop_listen/volume", 0)


def test_firing_a_slot_from_the_page_launches_its_clip(webpair):
    sim, web, client = webpair
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    slot = eventually(lambda: state(web)["tracks"][0]["slots"][0], lambda s: s["s"] == "stopped")
    assert slot["s"] == "stopped"
    client.send("/live/track/start_listen/playing_slot_index", 0)
    client.wait_for("/live/track/get/playing_slot_index")
    assert action(web, op="fire_slot", id=slot["id"])[0] == 200
    sim.advance(0.1)
    assert client.wait_for("/live/track/get/playing_slot_index", lambda a: a[1] == 0)
    assert eventually(lambda: state(web)["tracks"][0]["slots"][0]["s"], lambda s: s == "playing") == "playing"
    assert action(web, op="stop_slot", id=slot["id"])[0] == 200
    sim.advance(2.5)  # the stop waits for the next bar
    assert client.wait_for("/live/track/get/playing_slot_index", lambda a: a[1] == -1)
    client.send("/live/track/stop_listen/playing_slot_index", 0)


def test_refused_actions_are_errors_and_the_set_is_unchanged(webpair):
    sim, web, client = webpair
    full = state(web)
    assert action(web, op="nope")[0] == 400
    assert action(web, op="param", id=123456789, value=1)[0] == 400
    assert action(web, op="param", id=full["tracks"][0]["mixer"]["volume"]["id"], value="loud")[0] == 400
    assert action(web, op="param", id=full["tracks"][0]["id"], value=1.0)[0] == 400  # a track is no parameter
    assert action(web, op="track", id=full["tracks"][0]["id"], prop="name", value=True)[0] == 400
    status, reply = action(web, op="track", id=full["master"]["id"], prop="mute", value=True)
    assert status == 409 and "mute" in reply["error"]  # Live's own refusal
    assert action(web, op="song", prop="tempo", value=5000)[0] == 409
    assert client.query("/live/song/get/tempo") == (120.0,)


def test_the_traffic_log_shows_requests_replies_updates_and_errors(webpair):
    sim, web, client = webpair
    client.query("/live/song/get/tempo")
    client.send("/live/song/start_listen/tempo")
    client.wait_for("/live/song/get/tempo")
    client.send("/live/song/set/tempo", 99.0)
    client.wait_for("/live/song/get/tempo", lambda a: a[0] == 99.0)
    client.send("/live/nope")
    client.expect_error("nope")
    client.send("/live/song/stop_listen/tempo")

    def kinds(log):
        return [(e["kind"], e["addr"]) for e in log]
    log = eventually(lambda: state(web) and http(web, "GET", "/api/state")[1]["log"],
                     lambda entries: ("error", "/live/error") in kinds(entries))
    seen = kinds(log)
    assert ("request", "/live/song/get/tempo") in seen
    assert ("reply", "/live/song/get/tempo") in seen
    assert ("request", "/live/song/set/tempo") in seen
    assert ("update", "/live/song/get/tempo") in seen
    assert ("error", "/live/error") in seen
    request = [e for e in log if e["addr"] == "/live/song/set/tempo"][0]
    assert request["args"] == [99.0] and request["dir"] == "in" and request["peer"] == "127.0.0.1:%d" % client.port
    reply = [e for e in log if e["kind"] == "reply"][0]
    assert reply["dir"] == "out" and reply["args"] == [120.0]


def test_bad_http_requests_get_an_error_and_livesim_goes_on(webpair):
    sim, web, client = webpair
    assert _raw(web, b"GARBAGE\r\n\r\n").startswith(b"HTTP/1.0 400")
    assert _raw(web, b"GET / HTTP/9.9\r\n\r\n").split(b" ")[1] in (b"400", b"505")
    assert _raw(web, b"BREW / HTTP/1.0\r\n\r\n").split(b" ")[1] == b"501"
    assert _raw(web, b"GET /" + b"a" * 70000 + b" HTTP/1.0\r\n\r\n").split(b" ")[1] == b"414"
    assert _raw(web, b"\x00\xff\xfe binary \r\n\r\n").split(b" ")[1] == b"400"
    assert _raw(web, b"") == b""  # a connection closed at once
    assert _raw(web, b"GET / HTTP/1.0\r\nHost: 127.0.0.1").split(b" ")[1] == b"200"  # the headers cut short
    assert _raw(web, b"GET /../../etc/passwd HTTP/1.0\r\n\r\n").split(b" ")[1] == b"404"
    assert _raw(web, b"GET /static/../cli.py HTTP/1.0\r\n\r\n").split(b" ")[1] == b"404"
    assert http(web, "GET", "/nope")[0] == 404
    assert http(web, "POST", "/api/action", b"{}")[0] == 415  # no JSON content type: no cross-site form posts
    assert http(web, "POST", "/api/action", b"{not json", {"Content-Type": "application/json"})[0] == 400
    assert http(web, "POST", "/api/action", b"\xff\xfe", {"Content-Type": "application/json"})[0] == 400
    assert http(web, "POST", "/api/action", b"[1, 2]", {"Content-Type": "application/json"})[0] == 400
    assert http(web, "POST", "/api/nope", b"{}", {"Content-Type": "application/json"})[0] == 404
    big = b"{" + b" " * (web_server.MAX_BODY + 10) + b"}"
    assert http(web, "POST", "/api/action", big, {"Content-Type": "application/json"})[0] == 413
    no_length = b"POST /api/action HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\r\n{}"
    assert _raw(web, no_length).split(b" ")[1] == b"411"
    # Another site (DNS rebinding, or a page elsewhere posting to us) is refused.
    assert http(web, "GET", "/api/state", headers={"Host": "evil.example:%d" % web.port})[0] == 403
    assert action(web, op="play")[0] == 200
    status, _ = http(web, "POST", "/api/action", b'{"op": "stop"}',
                     {"Content-Type": "application/json", "Origin": "http://evil.example"})
    assert status == 403
    # A client that connects and says nothing holds only its own connection.
    idle = socket.create_connection(("127.0.0.1", web.port))
    try:
        assert client.query("/live/song/get/tempo") == (120.0,)
        assert http(web, "GET", "/")[0] == 200
        assert state(web)["song"]["playing"] is True
    finally:
        idle.close()
    assert "Traceback" not in sim.log_text()


def test_a_stalled_page_is_resynchronised_and_does_not_hold_up_the_others(webpair, monkeypatch):
    sim, web, client = webpair
    monkeypatch.setattr(web_server, "MAX_QUEUE_BYTES", 20000)
    stalled = [_Events(web) for _ in range(3)]
    for events in stalled:
        events.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    try:
        reader = _Events(web)
        mirror = reader.read(1)[0]["full"]
        for i in range(400):
            client.send("/live/track/set/name", i % 4, "name %d " % i + "x" * 1000)
            client.send("/live/track/set/volume", i % 4, (i % 100) / 100.0)
        assert client.query("/live/song/get/tempo") == (120.0,)
        final = "name 399 " + "x" * 1000
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and mirror["tracks"][3]["name"] != final:
            for message in reader.read(1, timeout=1.0):
                if "full" in message:
                    mirror = message["full"]
                for op in message.get("ops", ()):
                    mirror = web_server.apply_op(mirror, op)
        assert mirror["tracks"][3]["name"] == final  # the reading page has every change
        reader.close()
        overflowed = [s for s in web._streams if s.dropped]
        assert overflowed, "a page that does not read must have its queue dropped"
        assert all(s.size <= 20000 + 5000 for s in web._streams)
        assert client.query("/live/song/get/tempo") == (120.0,)
    finally:
        for events in stalled:
            events.close()


def test_too_many_pages_are_refused_with_an_error(webpair, monkeypatch):
    sim, web, client = webpair
    monkeypatch.setattr(web_server, "MAX_STREAMS", 2)
    socks = [_Events(web) for _ in range(2)]
    try:
        for sock in socks:
            assert "full" in sock.read(1)[0]
        assert http(web, "GET", "/events")[0] == 503
    finally:
        for sock in socks:
            sock.close()


def test_the_view_follows_a_newly_opened_set(webpair):
    sim, web, client = webpair
    from tests.e2e.sets import rich_set

    sock = _Events(web)
    try:
        assert "full" in sock.read(1)[0]
        sim.open_set(rich_set())
        full = eventually(lambda: state(web), lambda s: s["tracks"][0]["name"] == "Synth")
        assert [t["name"] for t in full["tracks"]] == ["Synth", "Drums", "Group", "In Group 1", "In Group 2"]
        assert full["tracks"][2]["kind"] == "group" and full["tracks"][3]["group"] == full["tracks"][2]["id"]
    finally:
        sock.close()


def test_racks_are_expanded_in_the_devices_of_the_selected_track():
    rack_set = {"tracks": [{"type": "midi", "name": "Keys", "devices": [
        {"class_name": "InstrumentGroupDevice", "name": "Layers", "chains": [
            {"name": "Low", "devices": [{"class_name": "Operator", "type": "instrument"}]},
            {"name": "High", "devices": [{"class_name": "AutoFilter", "type": "audio_effect"}]}]}]}],
        "selected_track": 0}
    with web_sim(rack_set) as (sim, web, client):
        devices = state(web)["devices"]
        rack = devices["items"][0]
        assert devices["n"] == "Keys" and rack["n"] == "Layers"
        assert [c["n"] for c in rack["chains"]] == ["Low", "High"]
        assert rack["chains"][0]["devices"][0]["cls"] == "Operator"
        assert rack["params"] and rack["chains"][1]["devices"][0]["params"]
        param = rack["chains"][1]["devices"][0]["params"][1]
        assert action(web, op="param", id=param["id"], value=param["min"])[0] == 200
        low = client.query("/live/device/get/parameters/value", 0, 0)
        assert low  # the rack's own parameters still answer over OSC


def test_flush_reports_only_what_changed():
    with web_sim() as (sim, web, client):
        view = SetView(sim.host)

        def flush():
            return sim.call(view.flush, False, 0.0)
        assert flush()[0][1] == []  # the first flush is the whole state
        assert flush() == []
        client.send("/live/track/set/mute", 3, 1)
        client.query("/live/track/get/mute", 3)
        ops = flush()
        assert [op[:2] for op in ops] == [["+", ["tracks", 3]]] and ops[0][2]["mute"] is True
        client.send("/live/song/create_scene", -1)
        client.query("/live/song/get/num_scenes")
        ops = flush()
        assert ops[0][1] == [] and len(ops[0][2]["scenes"]) == 9  # a new scene: the whole state again
        sim.call(view.detach)


def test_a_snapshot_reads_the_slots_in_turns_and_sees_changes_made_between_them():
    from livesim.default_set import scale_set

    with web_sim(scale_set(40, 4)) as (sim, web, client):
        view = SetView(sim.host)
        whole = sim.call(view.flush, True, 0.0)[0][2]
        assert view.reading and all(t["slots"] == [] for t in whole["tracks"])
        first = sim.call(view.fill_slots)
        assert [op[1] for op in first] == [["tracks", i, "slots"] for i in range(16)]
        client.send("/live/clip/set/name", 39, 0, "late")  # a slot not read yet
        client.send("/live/clip/set/name", 0, 0, "early")  # one read already: the next flush has it
        client.query("/live/clip/get/name", 0, 0)
        rest = sim.call(view.fill_slots) + sim.call(view.fill_slots)
        assert not view.reading and rest[-1][1] == ["tracks", 39, "slots"] and rest[-1][2][0]["n"] == "late"
        assert ["=", ["tracks", 0, "slots", 0]] in [op[:2] for op in sim.call(view.flush, False, 0.0)]
        sim.call(view.detach)
        assert eventually(lambda: state(web)["tracks"][39]["slots"][0]["n"], lambda n: n == "late") == "late"
