"""``livesim --web``: prints the page's address, serves it, stops cleanly, fails clearly on a taken port."""
import json
import re
import signal
import socket
import urllib.request

from tests.e2e.harness import OSCClient
from tests.livesim.test_cli import Proc, printed_port


def test_web_flag_serves_the_page_and_stops_cleanly():
    client = OSCClient("127.0.0.1", 0, bind_port=0)
    proc = Proc("--port", "0", "--reply-port", str(client.port), "--web", "0")
    try:
        lines = proc.read_until("running")
        client.target = ("127.0.0.1", printed_port(lines, "AbletonOSC listening on UDP port "))
        url = re.search(r"web view: (http://127\.0\.0\.1:\d+/)", "".join(lines)).group(1)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert b"<title>livesim</title>" in response.read()
        assert client.query("/live/song/get/tempo") == (120.0,)
        with urllib.request.urlopen(url + "api/state", timeout=10) as response:
            state = json.loads(response.read().decode("utf-8"))
        assert [t["name"] for t in state["full"]["tracks"]] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
        assert any(e["addr"] == "/live/song/get/tempo" and e["kind"] == "request" for e in state["log"])
        code, out, err = proc.finish(signal.SIGTERM)
        assert code == 0 and "Traceback" not in err, err
    finally:
        proc.kill()
        client.close()


def test_a_taken_web_port_is_a_clear_message():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    try:
        code, err = Proc("--port", "0", "--web", str(sock.getsockname()[1])).communicate()
    finally:
        sock.close()
    assert code == 1 and "cannot serve the web view" in err and "--web PORT" in err and "Traceback" not in err


def test_a_bad_web_port_is_a_usage_error():
    code, err = Proc("--web", "http").communicate()
    assert code == 2 and "expected a TCP port" in err
