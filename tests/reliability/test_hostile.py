"""Hostile senders: the bind address, the allow list, the rate limit, the reply bound, file writes."""
import ast
import builtins
import contextlib
import logging
import glob
import os
import tempfile

import pytest

from AbletonOSC.osc_server import address_allowed
from AbletonOSC.settings import parse_allow
from livesim.default_set import scale_set
from tests.e2e.harness import NoReply, OSCClient, running_sim

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "AbletonOSC")


class _Capture(logging.Handler):
    def __init__(self, records):
        logging.Handler.__init__(self, logging.DEBUG)
        self.records = records

    def emit(self, record):
        self.records.append(record.getMessage())


@contextlib.contextmanager
def capture_log(records):
    """Collect the script's log messages (text) into records."""
    handler = _Capture(records)
    logger = logging.getLogger("abletonosc")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def test_allow_setting_parsing_and_matching():
    nets = parse_allow("127.0.0.1, 192.168.1.0/24; ::1")
    assert address_allowed("127.0.0.1", nets)
    assert address_allowed("192.168.1.77", nets)
    assert not address_allowed("192.168.2.1", nets)
    assert not address_allowed("10.0.0.1", nets)
    assert address_allowed("::1", nets)
    assert address_allowed("::ffff:192.168.1.5", nets)  # IPv4 seen through an IPv6 socket
    assert not address_allowed("fe80::1", nets)
    assert not address_allowed("not an address", nets)
    assert parse_allow("") == ()
    assert address_allowed("10.1.2.3", parse_allow("0.0.0.0/0"))
    for bad in ("10.0.0.0/33", "example.com", "1.2.3", "10.0.0.1/x"):
        with pytest.raises(ValueError):
            parse_allow(bad)


def test_host_setting_binds_that_address_only():
    with running_sim(env={"ABLETONOSC_HOST": "127.0.0.1"}) as (sim, client):
        bound = sim.call(lambda: sim.host.instance.server._udp.getsockname())
        assert bound[0] == "127.0.0.1"
        assert client.query("/live/test") == ("ok",)


def test_an_unreadable_allow_list_binds_to_this_computer_only():
    # Settings that cannot be read are all ignored (the defaults run, on port 11000).
    with running_sim(env={"ABLETONOSC_ALLOW": "192.168.1.0/33"}) as (sim, client):
        assert sim.call(lambda: sim.host.instance.settings.host) == "127.0.0.1"
        server = sim.host.instance.server
        if server is not None:  # None when port 11000 is taken on this machine
            assert sim.call(lambda: server._udp.getsockname())[0] == "127.0.0.1"


def test_senders_outside_the_allow_list_are_ignored_and_logged_once():
    records = []
    with running_sim(env={"ABLETONOSC_ALLOW": "10.0.0.0/8, 192.168.1.0/24"}) as (sim, client), \
            capture_log(records):
        for _ in range(5):
            client.send("/live/test")
        with pytest.raises(NoReply):
            client.wait_for("/live/test", timeout=0.5)
        server = sim.host.instance.server
        sim.call(lambda: None)
        assert records.count("AbletonOSC: ignoring 127.0.0.1, which is not in the allow setting") == 1
        assert server.clients == {} or all(k[1] != "127.0.0.1" for k in server.clients)
    with running_sim(env={"ABLETONOSC_ALLOW": "192.168.1.0/24, 127.0.0.0/8"}) as (sim, client):
        assert client.query("/live/test") == ("ok",)


def test_rate_limit_drops_the_excess_before_decoding_and_recovers():
    records = []
    with running_sim(env={"ABLETONOSC_RATE_LIMIT": "50"}) as (sim, client), capture_log(records):
        server = sim.host.instance.server
        handled = []
        handle = server.handle_datagram

        def counting(data, source):
            handled.append(1)
            handle(data, source)

        sim.call(setattr, server, "handle_datagram", counting)

        def burst():
            # Sent from the host thread, so no poll runs (and no bucket refills) in the middle of it.
            for _ in range(500):
                client.send("/live/song/get/tempo")

        sim.call(burst)
        replies = 0
        try:
            while True:
                client.wait_for("/live/song/get/tempo", timeout=1.0)
                replies += 1
        except NoReply:
            pass
        # A burst of one second's worth, plus what refilled while the burst was read; logged once.
        assert 40 <= replies <= 200, replies
        assert len(handled) == replies  # the rest never reached the decoder
        # What the socket buffer held beyond the limit was dropped (a small buffer may drop some first).
        dropped = sim.call(lambda: server._buckets["127.0.0.1"].dropped)
        assert 0 < dropped <= 500 - replies
        assert len([r for r in records if "more than rate_limit" in r]) == 1
        sim.call(setattr, server, "handle_datagram", handle)
        assert client.query("/live/song/get/tempo", timeout=3.0) == (120.0,)


def test_replies_to_one_request_are_bounded():
    limit = 2000
    with running_sim(scale_set(64, 1), env={"ABLETONOSC_MAX_REPLY_BYTES": str(limit)}) as (sim, client):
        request = b"/live/track/get/name\x00\x00\x00\x00,s\x00\x00*\x00\x00\x00"
        client.send_raw(request)
        client.sync()
        client._pump(0.2)
        names = [m for m in client.inbox if m.address == "/live/track/get/name"]
        errors = [m.args for m in client.inbox if m.address == "/live/error"]
        assert 0 < len(names) < 64
        assert len(errors) == 1 and "max_reply_bytes" in errors[0][0]
        from AbletonOSC.osc import encode_message
        sent = sum(len(encode_message(m.address, m.args)) for m in names)
        assert sent <= limit


def test_no_handler_evaluates_code_or_opens_files_outside_temp():
    calls = set()
    for path in glob.glob(os.path.join(SCRIPT, "**", "*.py"), recursive=True):
        tree = ast.parse(open(path).read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in ("eval", "exec", "compile", "__import__", "open"):
                    calls.add((os.path.relpath(path, SCRIPT), node.func.id))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in ("os", "io", "tempfile",
                                                                                           "shutil"):
                if node.func.attr in ("open", "fdopen", "mkstemp", "replace", "rename", "remove", "unlink"):
                    calls.add((os.path.relpath(path, SCRIPT), node.func.attr))
    # The codec compiles its decode/encode plans from fixed snippets chosen by typetag letters
    # (no text from a packet is put into the source); export/structure writes to the temp folder
    # through an exclusively created file renamed into place; the log goes through logging.
    song = os.path.join("handlers", "song.py")
    expected = {(song, "mkstemp"), (song, "fdopen"), (song, "replace"), (song, "unlink"), ("settings.py", "open")}
    for codec in ("decode.py", "encode.py"):
        expected |= {(os.path.join("osc", codec), "exec"), (os.path.join("osc", codec), "compile")}
    assert calls == expected, calls  # settings.py reads its INI files


def test_export_structure_never_follows_a_planted_link(tmp_path):
    import tempfile

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    folder = tmp_path / "temp"
    folder.mkdir()
    target = folder / "abletonosc-song-structure.json"
    os.symlink(str(victim), str(target))
    with running_sim() as (sim, client):
        saved = tempfile.tempdir
        sim.call(setattr, tempfile, "tempdir", str(folder))
        try:
            # It takes no path: a path given is refused, not used.
            client.send("/live/song/export/structure", "/tmp/../etc/abletonosc-test")
            client.expect_error(address="/live/song/export/structure", timeout=5.0)
            assert client.query("/live/song/export/structure", timeout=5.0) == (1,)
        finally:
            sim.call(setattr, tempfile, "tempdir", saved)
    assert victim.read_text() == "precious"
    assert not os.path.islink(str(target))
    assert target.read_text().startswith("{")
    assert sorted(os.listdir(str(folder))) == ["abletonosc-song-structure.json"]  # no temporary left behind
    if hasattr(os, "getuid"):
        assert os.stat(str(target)).st_mode & 0o077 == 0  # readable by this user only
