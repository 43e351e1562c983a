"""The livesim command line: serves a script, prints where it listens, stops cleanly, fails clearly."""
import gzip
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from AbletonOSC.osc import decode_packet, encode_message
from tests.tooling import udp_request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ECHO_SCRIPT = os.path.join(ROOT, "tests", "livesim", "fixtures", "EchoScript")
START_TIMEOUT = 30.0


class Proc(object):
    """A livesim subprocess whose stdout is read line by line on a thread (no buffering stalls)."""

    def __init__(self, *args):
        self.popen = subprocess.Popen([sys.executable, "-m", "livesim"] + list(args), cwd=ROOT,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        self.lines = queue.Queue()
        self.seen = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.popen.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def read_until(self, marker, timeout=START_TIMEOUT):
        """Lines of stdout up to and including the one containing ``marker``."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self.lines.get(timeout=max(0.0, remaining))
            except queue.Empty:
                line = None
            if line is None:
                self.popen.kill()
                raise AssertionError("no %r from livesim; stdout=%r stderr=%r"
                                     % (marker, self.seen, self.popen.stderr.read()))
            self.seen.append(line)
            if marker in line:
                return list(self.seen)

    def finish(self, sig=signal.SIGTERM):
        """Send ``sig``; return (exit status, rest of stdout, stderr)."""
        self.popen.send_signal(sig)
        err = self.popen.stderr.read()
        self.popen.wait(START_TIMEOUT)
        self._reader.join(START_TIMEOUT)
        rest = []
        while True:
            line = self.lines.get()
            if line is None:
                break
            rest.append(line)
        return self.popen.returncode, "".join(rest), err

    def communicate(self):
        """Wait for a process that exits by itself; return (exit status, stderr)."""
        err = self.popen.stderr.read()
        self.popen.wait(START_TIMEOUT)
        return self.popen.returncode, err

    def kill(self):
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(START_TIMEOUT)


def printed_port(lines, before):
    """The port number livesim printed right after ``before`` (e.g. "listening on UDP port ")."""
    text = "".join(lines)
    assert before in text, text
    return int(re.match(r"\d+", text.split(before, 1)[1]).group(0))


@pytest.fixture
def echo():
    # Port 0: livesim binds ports the system picks and prints them.
    proc = Proc("--script", ECHO_SCRIPT, "--port", "0", "--virtual-clock", "--control-port", "0")
    try:
        lines = proc.read_until("running")
        port = printed_port(lines, "EchoScript listening on UDP port ")
        control_port = printed_port(lines, "control port: UDP 127.0.0.1:")
        assert port > 0 and control_port > 0
        yield proc, lines, port, control_port
    finally:
        proc.kill()


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
    code, out, err = proc.finish(signal.SIGTERM)
    assert code == 0, err
    assert "stopped; EchoScript disconnected" in out
    assert "Traceback" not in err


def test_cli_exits_cleanly_on_sigint(echo):
    code, out, err = echo[0].finish(signal.SIGINT)
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
    opened = decode_packet(udp_request(control_port, encode_message("/livesim/open_set", ["default"])))
    assert opened.address == "/livesim/open_set" and opened.args[0] == "Live's default set"
    assert udp_request(echo[2], b"tempo") == b"120.0"
    unknown = decode_packet(udp_request(control_port, encode_message("/livesim/nope", [])))
    assert unknown.address == "/livesim/error" and unknown.args[0] == "/livesim/nope"


def test_taken_port_is_a_clear_message():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    try:
        code, err = Proc("--script", ECHO_SCRIPT, "--port", str(sock.getsockname()[1])).communicate()
    finally:
        sock.close()
    assert code == 1
    assert "already in use" in err and "Traceback" not in err


def test_unreadable_set_is_a_clear_message(tmp_path):
    broken = tmp_path / "broken.als"
    broken.write_bytes(b"not a set")
    code, err = Proc("--set", str(broken)).communicate()
    assert code == 2
    assert "cannot load the set" in err and "broken.als" in err and "Traceback" not in err
    code, err = Proc("--set", str(tmp_path / "missing.json")).communicate()
    assert code == 2 and "no such set file" in err


def test_bad_json_set_names_the_key(tmp_path):
    path = tmp_path / "set.json"
    path.write_text('{"tracks": [{"type": "video"}]}')
    code, err = Proc("--set", str(path)).communicate()
    assert code == 2 and "tracks[0].type" in err


def test_bad_arguments_are_usage_errors():
    code, err = Proc("--live-version", "9.7").communicate()
    assert code == 2 and "expected a Live version 11.x or 12.x" in err


def test_als_set_is_announced(tmp_path):
    path = str(tmp_path / "one.als")
    with gzip.open(path, "wb") as f:
        f.write(b'<Ableton><LiveSet><Tracks><AudioTrack Id="1"><Name><EffectiveName Value="Drums"/></Name>'
                b'</AudioTrack></Tracks><SceneNames><Scene Value="A"/></SceneNames></LiveSet></Ableton>')
    proc = Proc("--script", ECHO_SCRIPT, "--port", "0", "--set", path)
    try:
        lines = proc.read_until("running")
        assert "1 tracks, 0 return tracks, 1 scenes" in "".join(lines)
    finally:
        code, out, err = proc.finish()
    assert code == 0, err


def test_display_rate_is_checked():
    code, err = Proc("--display-rate", "0").communicate()
    assert code == 2 and "display rate of 1-240 frames per second" in err


def test_a_script_that_fails_to_start_leaves_livesim_running(tmp_path):
    folder = tmp_path / "Failing"
    folder.mkdir()
    (folder / "__init__.py").write_text("def create_instance(c_instance):\n    raise OSError('no controller found')\n")
    proc = Proc("--script", str(folder), "--port", "0", "--control-port", "0")
    try:
        lines = proc.read_until("running")
        control_port = printed_port(lines, "control port: UDP 127.0.0.1:")
        assert not any("listening on UDP port" in line for line in lines)
        log = decode_packet(udp_request(control_port, encode_message("/livesim/log", [40])))
        assert "error: Python: OSError: no controller found" in log.args[0]
        (folder / "__init__.py").write_text("from _Framework.ControlSurface import ControlSurface\n\n"
                                            "def create_instance(c_instance):\n"
                                            "    surface = ControlSurface(c_instance)\n"
                                            "    surface.show_message('fixed')\n"
                                            "    return surface\n")
        reloaded = decode_packet(udp_request(control_port, encode_message("/livesim/reload", [])))
        assert reloaded.address == "/livesim/reload" and reloaded.args == ("fixed",)
        code, out, err = proc.finish(signal.SIGTERM)
        assert code == 0
        assert "the script Failing did not start: OSError: no controller found" in err
        assert "Traceback" not in err
    finally:
        proc.kill()
