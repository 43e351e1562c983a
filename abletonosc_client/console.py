"""The interactive console: ``python -m abletonosc_client.console [--host H] [--port P] [--reply-port R] [--verbose]``.

Type an address and its arguments (``/live/clip/get/name 0 1``); Tab completes addresses and
shows argument names; ``help ADDRESS`` describes one; listener updates appear as they arrive.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
from typing import Any, List, Optional

from AbletonOSC.handlers.suggest import Suggester, did_you_mean
from AbletonOSC.osc import is_pattern

from .addresses import listen_addresses
from .catalog import AddressInfo, by_address, describe_from_server, from_server, load
from .client import AbletonOSCClient
from .completion import Completer, columns, condensed
from .errors import OSCError, OSCTimeout, ReplyPortInUse
from .lineparse import format_values, parse_line, quoting_hint
from .screen import Screen, load_readline
from .wire import BARRIER

PROMPT = "live> "
HISTORY_FILE = ".abletonosc_history"
HISTORY_LENGTH = 2000
HELP = """Type an OSC address and its arguments, e.g. /live/clip/get/name 0 1
  arguments: 3 (int), 0.5 (float), True/False, None, 'quoted string', 0x1AFF2F
  Tab completes addresses and shows an address's arguments; ↑/↓ recall history
  help ADDRESS   what the address takes and answers
  quit, exit, Ctrl-D   leave"""


def history_path() -> str:
    """The history file in the user's home."""
    return os.path.join(os.path.expanduser("~"), HISTORY_FILE)


class Console(object):
    """One console session on a client."""

    def __init__(self, client: AbletonOSCClient, entries: List[AddressInfo], screen: Screen,
                 timeout: float = 1.0, verbose: bool = False) -> None:
        self.client = client
        self.entries = by_address(entries)
        self.screen = screen
        self.timeout = timeout
        self.verbose = verbose
        self.completer = Completer(entries)
        self._matches = []  # type: List[str]
        client.on("/live/error", lambda text="", address="", *rest: screen.show("error: %s (%s)" % (text, address)))
        client.on("/live/startup", self._started)
        client.on("/live/api/listener_dropped",
                  lambda *values: screen.show("listener dropped (its object was deleted): %s" % format_values(values)))
        if verbose:
            client.monitor(lambda address, values: screen.show("<- %s %s" % (address, format_values(values))))
        else:
            client.on_unhandled(lambda address, values: screen.show("%s %s" % (address, format_values(values))))

    def _started(self, *values: object) -> None:
        self.screen.show("AbletonOSC (re)started; listeners restored")
        try:
            entries = from_server(self.client, self.timeout)
        except (OSCError, OSCTimeout, OSError):
            return
        # The script that just started may be another version: complete what it answers.
        self.entries = by_address(entries)
        self.completer.update(entries)

    # ------------------------------------------------------------------ readline
    def install_readline(self) -> None:
        """Completion and history, when readline is there."""
        readline = self.screen.readline
        if readline is None:
            return
        try:
            readline.set_completer(self._complete)
            readline.set_completer_delims(" \t\n")
            readline.set_completion_display_matches_hook(self._display_matches)
            if "libedit" in (getattr(readline, "__doc__", "") or ""):
                readline.parse_and_bind("bind ^I rl_complete")  # macOS's libedit
            else:
                # Tab completes; a second Tab lists (show-all-if-ambiguous would insert and list
                # in one go, which the condensed listing cannot redraw).
                readline.parse_and_bind("tab: complete")
            readline.set_history_length(HISTORY_LENGTH)
            if os.path.exists(history_path()):
                readline.read_history_file(history_path())
        except (AttributeError, OSError, IOError):
            pass  # a partial readline (e.g. pyreadline3) still reads lines

    def save_history(self) -> None:
        """Write the history file (best effort)."""
        readline = self.screen.readline
        if readline is None:
            return
        try:
            readline.write_history_file(history_path())
        except (AttributeError, OSError, IOError):
            pass

    def _display_matches(self, typed: str, matches: List[str], longest: int) -> None:
        # Readline calls this instead of listing the matches itself: list them condensed, then
        # draw the prompt and the typed line again.
        width = shutil.get_terminal_size((80, 24)).columns
        self.screen.stream.write("\n" + columns(condensed(typed, matches), width) + "\n")
        self.screen.stream.write(self.screen.prompt + self.screen.line_buffer())
        self.screen.stream.flush()

    def _complete(self, text: str, state: int) -> Optional[str]:
        readline = self.screen.readline
        if readline is None:
            return None
        if state == 0:
            line = readline.get_line_buffer()
            self._matches = self.completer.candidates(line[:readline.get_begidx()], text)
        return self._matches[state] if state < len(self._matches) else None

    # ------------------------------------------------------------------ commands
    def run(self) -> int:
        """Read and run lines until quit, exit or end of input."""
        self.install_readline()
        try:
            while True:
                try:
                    line = self.screen.read()
                except EOFError:
                    self.screen.show("")
                    return 0
                except KeyboardInterrupt:
                    self.screen.show("")
                    continue
                try:
                    if not self.execute(line):
                        return 0
                except KeyboardInterrupt:
                    self.screen.show("interrupted")
        finally:
            self.save_history()

    def execute(self, line: str) -> bool:
        """Run one line; False to leave."""
        line = line.strip()
        if not line:
            return True
        if line in ("quit", "exit"):
            return False
        if line == "help" or line.startswith("help "):
            self.help(line[4:].strip())
            return True
        if not line.startswith("/"):
            self.screen.show("An OSC address starts with '/'; type help for help")
            return True
        try:
            address, args = parse_line(line)
        except ValueError as error:
            self.screen.show("cannot read that line: %s" % error)
            return True
        entry = self.entries.get(address)
        if entry is not None and entry.kind in ("set", "method"):
            quoted = quoting_hint(line, entry.args)
            if quoted is not None:
                self.screen.show("%s takes %s; text with spaces needs quotes: %s"
                                 % (address, entry.args, quoted))
                return True
        try:
            self.send(address, args)
        except OSCError as error:
            self.screen.show("error: %s" % error.text)
        except OSCTimeout as error:
            self.screen.show("timeout: %s" % error)
        except (OSError, ValueError) as error:
            self.screen.show("cannot send: %s" % error)
        # What the line caused (a listener's first value, an error) prints before the next prompt.
        self.client.wait_callbacks(self.timeout)
        return True

    def send(self, address: str, args: tuple) -> None:
        """Query, listen or send, as the address calls for; print what comes back."""
        entry = self.entries.get(address)
        if self.verbose:
            self.screen.show("-> %s %s" % (address, format_values(args)))
        if is_pattern(address) or "*" in args:
            # Answered once per match: show every reply, each with its address.
            for reply_address, values in self.client.query_all(address, *args, timeout=self.timeout):
                known = self.entries.get(reply_address)
                self.screen.show("%s %s" % (reply_address, format_values(values, known.reply if known else None)))
            return
        if entry is not None and entry.kind == "start_listen":
            self.client.listen(address, self._printer(address), *args, wait=True, timeout=self.timeout)
            return
        if entry is not None and entry.kind == "stop_listen":
            self.client.unlisten(address, *args)
            self._barrier()
            return
        if entry is None or entry.replies:
            values = self.client.query(address, *args, timeout=self.timeout)
            self.screen.show(format_values(values, entry.reply if entry else None))
            return
        self.client.send(address, *args)
        self._barrier()

    def _printer(self, address: str) -> Any:
        get_address = listen_addresses(address)[0]
        reply = self.entries.get(get_address)
        signature = reply.reply if reply is not None else None
        return lambda *values: self.screen.show("%s %s" % (get_address, format_values(values, signature)))

    def _barrier(self) -> None:
        # The script answers in order: once this is answered, any error from the line before
        # has arrived and been printed.
        try:
            self.client.query(BARRIER, timeout=self.timeout, probe=False)
        except (OSCError, OSCTimeout):
            pass

    def suggestions(self, address: str) -> str:
        """ "; did you mean ..." for an unknown address: the nearest known ones, else those it begins."""
        near = Suggester(self.entries).nearest(address)
        if not near:
            near = tuple(a for a in sorted(self.entries) if a.startswith(address))[:8]
        return did_you_mean(near)

    def help(self, address: str) -> None:
        """Describe an address (from the server when it answers), or the console."""
        if not address:
            self.screen.show(HELP)
            return
        info = None  # type: Optional[AddressInfo]
        try:
            info = describe_from_server(self.client, address, timeout=min(self.timeout, 0.5))
        except (OSCError, OSCTimeout, OSError):
            info = None
        if info is None:
            info = self.entries.get(address)
        if info is None:
            self.screen.show("unknown address: %s%s" % (address, self.suggestions(address)))
            return
        lines = ["%s  (%s)" % (info.address, info.kind),
                 "  arguments: %s" % (info.args or "none"),
                 "  reply:     %s" % (info.reply or "none")]
        if info.doc:
            lines.append("  %s" % info.doc)
        versions = "%s and later" % info.since if info.since else "all versions"
        if info.available is False:
            versions += " (not in the Live that is running)"
        lines.append("  Live:      %s" % versions)
        self.screen.show("\n".join(lines))


def build_parser() -> argparse.ArgumentParser:
    """The console's options (shared with `abletonosc console`)."""
    parser = argparse.ArgumentParser(prog="abletonosc console", description="An interactive OSC console for AbletonOSC")
    add_connection_options(parser)
    parser.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for a reply (default 1.0)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every message sent and received")
    return parser


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """--host, --port, --reply-port."""
    parser.add_argument("--host", default="127.0.0.1", help="the computer running Live (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=11000, help="AbletonOSC's port (default 11000)")
    parser.add_argument("--reply-port", type=int, default=11001,
                        help="the port replies come to (default 11001; 0 = any free port, when the script "
                             "replies to the sender's port)")


def main(argv: Optional[List[str]] = None) -> int:
    """Run the console."""
    options = build_parser().parse_args(argv)
    return run_console(options)


def run_console(options: argparse.Namespace) -> int:
    """Connect, load the address catalogue, and run the console."""
    try:
        client = AbletonOSCClient(options.host, options.port, options.reply_port)
    except OSError as error:
        print(error.strerror if isinstance(error, ReplyPortInUse) else
              "cannot listen for replies on UDP port %d: %s" % (options.reply_port, error), file=sys.stderr)
        return 1
    readline = load_readline()
    screen = Screen(PROMPT, readline)
    try:
        entries, source = load(client, timeout=options.timeout)
        if source == "server":
            version = ""
            try:
                version = " %s" % client.query_value("/live/api/get/version", timeout=options.timeout)
            except (OSCError, OSCTimeout):
                pass
            screen.show("AbletonOSC%s at %s:%d (%d addresses). Type help for help."
                        % (version, options.host, options.port, len(entries)))
        else:
            screen.show("No answer from AbletonOSC at %s:%d yet; completing from this package's %d addresses. "
                        "Type help for help." % (options.host, options.port, len(entries)))
        if readline is None:
            screen.show("(no readline here: line editing and completion are off)")
        return Console(client, entries, screen, options.timeout, options.verbose).run()
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main())
