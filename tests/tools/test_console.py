"""The console: driven for real in a terminal (tmux), and its parts without one."""
import io
import os
import subprocess
import sys
import time
import uuid

import pytest

from abletonosc_client import AbletonOSCClient
from abletonosc_client.catalog import completion_entries
from abletonosc_client.completion import Completer, columns, condensed
from abletonosc_client.lineparse import format_values, parse_line
from abletonosc_client.screen import Screen, load_readline
from tests.tooling import require_tool

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROMPT = "live> "


class Terminal(object):
    """A console running in a detached tmux session on a private tmux server."""

    def __init__(self, tmux, command, env):
        self.tmux = tmux
        self.socket = "abletonosc-test-%s" % uuid.uuid4().hex[:8]
        exports = " ".join("%s=%s" % (k, _quote(v)) for k, v in sorted(env.items()))
        shell = "cd %s && env %s %s" % (_quote(ROOT), exports, " ".join(_quote(word) for word in command))
        self.run("new-session", "-d", "-s", "console", "-x", "160", "-y", "50", shell)

    def run(self, *args):
        return subprocess.run([self.tmux, "-L", self.socket, "-f", os.devnull] + list(args),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                              check=True).stdout

    def keys(self, *keys):
        self.run("send-keys", "-t", "console", *keys)

    def type(self, text):
        self.run("send-keys", "-t", "console", "-l", text)

    def lines(self):
        return [line.rstrip() for line in self.run("capture-pane", "-p", "-t", "console").splitlines()]

    def input_line(self):
        lines = [line for line in self.lines() if line]
        return lines[-1] if lines else ""

    def wait(self, predicate, what, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.lines()):
                return
            time.sleep(0.05)
        raise AssertionError("terminal never showed %s:\n%s" % (what, "\n".join(self.lines())))

    def wait_text(self, text, timeout=30.0):
        self.wait(lambda lines: any(text in line for line in lines), repr(text), timeout)

    def alive(self):
        """Whether the console still runs (its session ends when it exits)."""
        return subprocess.run([self.tmux, "-L", self.socket, "-f", os.devnull, "has-session", "-t", "console"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

    def close(self):
        try:
            self.run("kill-server")
        except subprocess.CalledProcessError:
            pass


def _quote(text):
    return "'%s'" % str(text).replace("'", "'\\''")


@pytest.fixture
def terminal(sim, tmp_path):
    tmux = require_tool("tmux")
    env = {"HOME": str(tmp_path), "PYTHONPATH": ROOT, "TERM": "xterm", "INPUTRC": os.devnull}
    term = Terminal(tmux, [sys.executable, "-m", "abletonosc_client.console", "--port", str(sim.port),
                           "--reply-port", "0", "--timeout", "10"], env)
    try:
        term.wait(lambda lines: any(line.startswith(PROMPT.rstrip()) for line in lines), "the prompt")
        yield term
    finally:
        term.close()


def test_query_completion_listener_and_history(sim, terminal, tmp_path):
    terminal.wait_text("addresses). Type help for help.")
    terminal.type("/live/song/get/tempo")
    terminal.keys("Enter")
    terminal.wait_text("tempo=120.0")

    terminal.type("/live/song/get/te")
    terminal.keys("Tab")
    terminal.wait(lambda lines: terminal.input_line() == PROMPT + "/live/song/get/tempo", "the completed address")
    terminal.keys("C-u")

    terminal.type("/live/")
    terminal.keys("Tab", "Tab")
    terminal.wait_text("/live/clip_slot/")
    assert not any("/live/song/get/tempo" in line for line in terminal.lines()[-12:])
    terminal.keys("C-u")

    terminal.type("/live/clip/get/name ")
    terminal.keys("Tab", "Tab")
    terminal.wait_text("<track_id:T clip_id:i>")
    terminal.keys("C-u")

    terminal.type("/live/song/start_listen/tempo")
    terminal.keys("Enter")
    terminal.wait_text("/live/song/get/tempo tempo=120.0")

    terminal.type("/live/track/get/na")
    terminal.wait(lambda lines: terminal.input_line() == PROMPT + "/live/track/get/na", "the half-typed line")
    with AbletonOSCClient("127.0.0.1", sim.port, reply_port=0) as other:
        other.send("/live/song/set/tempo", 133.0)
    terminal.wait_text("/live/song/get/tempo tempo=133.0")
    terminal.wait(lambda lines: terminal.input_line() == PROMPT + "/live/track/get/na", "the line kept")
    terminal.type("me 0")
    terminal.keys("Enter")
    terminal.wait_text("track_id=0  name='1-MIDI'")

    terminal.type("/live/track/get/name 99")
    terminal.keys("Enter")
    terminal.wait_text("error: Error handling OSC message: No track 99: the set has tracks 0-3 and returns A-B")
    terminal.type("help /live/song/set/tempo")
    terminal.keys("Enter")
    terminal.wait_text("arguments: value:f")

    terminal.type("quit")
    terminal.keys("Enter")
    deadline = time.monotonic() + 10
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not terminal.alive(), "the console did not leave on quit"
    with open(str(tmp_path / ".abletonosc_history")) as handle:
        assert "/live/song/get/tempo" in handle.read()


def test_console_reads_piped_input(sim, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "abletonosc_client.console", "--port", str(sim.port), "--reply-port", "0", "--timeout", "10"],
        input="/live/track/get/name 2\n/live/song/set/tempo 100\n/live/song/get/tempo\n/live/track/get/name *\n",
        env=env, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "track_id=2  name='3-Audio'" in result.stdout
    assert "tempo=100.0" in result.stdout
    assert "/live/track/get/name track_id=3  name='4-Audio'" in result.stdout


def test_verbose_console_shows_the_traffic(sim, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "abletonosc_client", "console", "--port", str(sim.port), "--reply-port", "0",
         "--timeout", "10", "--verbose"], input="/live/song/get/tempo\n", env=env, cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "-> /live/song/get/tempo" in result.stdout
    assert "<- /live/song/get/tempo 120.0" in result.stdout


def test_help_says_when_the_running_live_lacks_an_address(livesim_factory, tmp_path):
    sim = livesim_factory(live_version="11.0.0", env={"ABLETONOSC_REPLY_TO_SOURCE": "true"})
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "abletonosc_client.console", "--port", str(sim.port), "--reply-port", "0", "--timeout", "10"],
        input="help /live/scene/get/tempo_enabled\n", env=env, cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert "Live:      11.1 and later (not in the Live that is running)" in result.stdout


def test_cli_console_without_a_server(tmp_path):
    from tests.tooling import silent_udp_port

    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "abletonosc_client", "console", "--port", str(silent_udp_port()), "--reply-port", "0",
         "--timeout", "0.2"],
        input="help /live/song/get/tempo\nexit\n", env=env, cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "completing from this package's" in result.stdout
    assert "reply:     tempo:f" in result.stdout


def test_screen_without_readline_reprints_the_prompt():
    out = io.StringIO()
    screen = Screen(PROMPT, None, out)
    screen.show("plain")
    screen.reading = True
    screen.show("update")
    assert out.getvalue() == "plain\n\nupdate\n" + PROMPT


def test_no_readline_module_means_plain_input(monkeypatch):
    monkeypatch.setitem(sys.modules, "readline", None)
    assert load_readline() is None


def test_completer():
    completer = Completer(completion_entries())
    addresses = sorted(entry.address for entry in completion_entries())
    assert "/live/song/get/tempo" in completer.candidates("", "/live/song/get/te")
    assert completer.candidates("", "/live/song/get/te") == [a for a in addresses if a.startswith("/live/song/get/te")]
    assert "quit" in completer.candidates("", "q")
    assert completer.candidates("/live/clip/get/name 0 ", "") == ["<clip_id:i>", "=> track_id:i clip_id:i name:s"]
    assert completer.candidates("/live/song/set/metronome ", "t") == ["True"]
    assert completer.candidates("/live/song/get/tempo ", "") == []
    assert completer.candidates("help ", "/live/test") == ["/live/test"]


def test_condensed_listing():
    matches = ["/live/song/get/tempo", "/live/song/set/tempo", "/live/test", "/live/track/get/name"]
    assert condensed("/live/", matches) == ["/live/song/", "/live/test", "/live/track/"]
    assert condensed("/live/song/get/", matches[:1]) == ["/live/song/get/tempo"]
    assert condensed("", ["<track_id:T>", "=> x:i"]) == ["<track_id:T>", "=> x:i"]
    assert columns(["a", "b", "c"], 6) == "a  c\nb"


def test_line_parsing_and_formatting():
    assert parse_line("/live/track/set/name 0 'My Track'") == ("/live/track/set/name", (0, "My Track"))
    assert parse_line('/x 1.5 True false None "7" 0x1AFF2F word') == (
        "/x", (1.5, True, False, None, "7", 0x1AFF2F, "word"))
    with pytest.raises(ValueError):
        parse_line("/x 'unclosed")
    assert format_values((2, "3-Audio"), "track_id:i name:s") == "track_id=2  name='3-Audio'"
    assert format_values((1, 2, 3), "name:s*") == "1 2 3"


def test_unquoted_text_gets_a_quoting_hint_and_typos_a_suggestion(sim, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "abletonosc_client.console", "--port", str(sim.port), "--reply-port", "0", "--timeout", "10"],
        input="/live/track/set/name 0 My Drums\nhelp /live/song/get/tmpo\n/live/song/get/tmpo\n"
              "/live/track/set/name 0 'My Drums'\n/live/track/get/name 0\n",
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "/live/track/set/name takes track_id:T value:s; text with spaces needs quotes: " \
           "/live/track/set/name 0 'My Drums'" in out
    assert "unknown address: /live/song/get/tmpo; did you mean /live/song/get/tempo?" in out
    assert "Unknown OSC address: /live/song/get/tmpo; did you mean /live/song/get/tempo?" in out
    assert "track_id=0  name='My Drums'" in out


def test_quitting_the_console_ends_its_listeners(sim, tmp_path):
    env = dict(os.environ, HOME=str(tmp_path), PYTHONPATH=ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "abletonosc_client.console", "--port", str(sim.port), "--reply-port", "0",
         "--timeout", "10"],
        input="/live/song/start_listen/tempo\n/live/track/start_listen/mute 1\n/live/api/get/listeners\nquit\n",
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "/live/song/start_listen/tempo" in result.stdout and "/live/track/start_listen/mute" in result.stdout
    # Answered after what the console sent last (one socket, served in order): its stop has been served.
    from AbletonOSC.osc import encode_message
    from tests.tooling import udp_request

    assert udp_request(sim.port, encode_message("/live/test", ())).startswith(b"/live/test")
    assert sim.call(lambda: len(sim.host.instance.registry.subscriptions)) == 0
