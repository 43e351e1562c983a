"""The livesim command line: serves a script, prints where it listens, stops cleanly, fails clearly."""
import gzip
import os
import select
import signal
import socket
import subprocess
import sys
import time

import pytest

from AbletonOSC.osc import decode_packet, encode_message
from livesim.testing import free_udp_port

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ECHO_SCRIPT = os.path.join(ROOT, "tests", "livesim", "fixtures", "EchoScript")
START_TIMEOUT = 30.0


def spawn(*args):
    return subprocess.Popen([sys.executable, "-m", "livesim"] + list(args), cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True)


def read_until(proc, marker, timeout=START_TIMEOUT):
    """Lines of stdout up to and including the one containing ``marker``."""
    lines = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if marker in line:
                return lines
        elif proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError("no %r from livesim; stdout=%r stderr=%r" % (marker, lines, proc.stderr.read()))


def udp_request(port, payload, timeout=5.0):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.settimeout(timeout)
        sock.bind(("127.0.0.1", 0))
        sock.sendto(payload, ("127.0.0.1", port))
        return sock.recvfrom(65536)[0]
    finally:
        sock.close()


def finish(proc, sig=signal.SIGTERM):
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=START_TIMEOUT)
    return proc.returncode, out, err


@pytest.fixture
def echo():
    port, reply_port, control_port = free_udp_port(), free_udp_port(), free_udp_port()
    proc = spawn("--script", ECHO_SCRIPT, "--port", str(port), "--reply-port", str(reply_port),
                 "--virtual-clock", "--control-port", str(control_port))
    try:
        lines = read_until(proc, "running")
        yield proc, lines, port, control_port
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_cli_serves_the_script_and_prints_where_it_listens(echo):
    proc, lines, port, _ = echo
    text = "".join(lines)
    assert "set: default (Live's default set)" in text
    assert "EchoScript listening on UDP port %d" % port in text
    assert "status: EchoScript: listening on UDP port %d" % port in text
    assert udp_request(port, b"hello") == b"hello"
    assert udp_request(port, b"tempo") == b"120.0"


def test_cli_exits_cleanly_on_sigterm(echo):
    proc = echo[0]
    code, out, err = finish(proc, signal.SIGTERM)
    assert code == 0, err
    assert "stopped; EchoScript disconnected" in out
    assert "Traceback" not in err


def test_cli_exits_cleanly_on_sigint(echo):
    code, out, err = finish(echo[0], signal.SIGINT)
    assert code == 0, err
    assert "Traceback" not in err


def test_control_port_ticks_advances_and_reports(echo):
    _, _, _, control_port = echo
    tick = decode_packet(udp_request(control_port, encode_message("/livesim/tick", [3])))
    assert tick.address == "/livesim/tick" and tick.args[0] >= 3
    status = decode_packet(udp_request(control_port, encode_message("/livesim/status", [])))
    assert status.address == "/livesim/status"
    assert status.args[0].startswith("EchoScript: listening") and status.args[1] == "12.3.6"
    advance = decode_packet(udp_request(control_port, encode_message("/livesim/advance", [1.0])))
    assert advance.address == "/livesim/advance" and advance.args == (0.0,)  # transport stopped
    unknown = decode_packet(udp_request(control_port, encode_message("/livesim/nope", [])))
    assert unknown.address == "/livesim/error" and unknown.args[0] == "/livesim/nope"


def test_taken_port_is_a_clear_message():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    try:
        proc = spawn("--script", ECHO_SCRIPT, "--port", str(sock.getsockname()[1]))
        out, err = proc.communicate(timeout=START_TIMEOUT)
    finally:
        sock.close()
    assert proc.returncode == 1
    assert "already in use" in err and "Traceback" not in err


def test_unreadable_set_is_a_clear_message(tmp_path):
    broken = tmp_path / "broken.als"
    broken.write_bytes(b"not a set")
    proc = spawn("--set", str(broken))
    out, err = proc.communicate(timeout=START_TIMEOUT)
    assert proc.returncode == 2
    assert "cannot load the set" in err and "broken.als" in err and "Traceback" not in err
    proc = spawn("--set", str(tmp_path / "missing.json"))
    out, err = proc.communicate(timeout=START_TIMEOUT)
    assert proc.returncode == 2 and "no such set file" in err


def test_bad_json_set_names_the_key(tmp_path):
    path = tmp_path / "set.json"
    path.write_text('{"tracks": [{"type": "video"}]}')
    proc = spawn("--set", str(path))
    out, err = proc.communicate(timeout=START_TIMEOUT)
    assert proc.returncode == 2 and "tracks[0].type" in err


def test_bad_arguments_are_usage_errors():
    proc = spawn("--live-version", "9.7")
    out, err = proc.communicate(timeout=START_TIMEOUT)
    assert proc.returncode == 2 and "expected a Live version 11.x or 12.x" in err


def test_als_set_is_announced(tmp_path):
    path = str(tmp_path / "one.als")
    with gzip.open(path, "wb") as f:
        f.write(b'<Ableton><LiveSet><Tracks><AudioTrack Id="1"><Name><EffectiveName Value="Drums"/></Name>'
                b'</AudioTrack></Tracks><SceneNames><Scene Value="A"/></SceneNames></LiveSet></Ableton>')
    port = free_udp_port()
    proc = spawn("--script", ECHO_SCRIPT, "--port", str(port), "--set", path)
    try:
        lines = read_until(proc, "running")
        assert "1 tracks, 0 return tracks, 1 scenes" in "".join(lines)
    finally:
        code, out, err = finish(proc)
    assert code == 0, err
