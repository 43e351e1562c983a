"""``livesim``: run a remote script (AbletonOSC by default) against a simulated Live set.

With no arguments it serves Live's default set with AbletonOSC on UDP 11000, replying on
11001, as AbletonOSC does inside a freshly started Live.
"""
import argparse
import errno
import os
import re
import signal
import socket
import sys

from .host import DEFAULT_SCRIPT, Host, ScriptNotFound
from .sets import SetError, describe_set, load_set, summary
from .versions import parse_version
from .world import DISPLAY_RATE, World

SUPPORTED_MAJORS = (11, 12)


def _live_version(text):
    match = re.match(r"^(\d+)\.(\d+)(?:\.(\d+))?$", text)
    if not match or int(match.group(1)) not in SUPPORTED_MAJORS:
        raise argparse.ArgumentTypeError("expected a Live version 11.x or 12.x such as 12.3.6, got %r" % text)
    return text if match.group(3) else text + ".0"


def _port(text, lowest=1):
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not lowest <= value < 65536:
        raise argparse.ArgumentTypeError("expected a UDP port %d-65535, got %r" % (lowest, text))
    return value


def _web_port(text):
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value < 65536:
        raise argparse.ArgumentTypeError("expected a TCP port 0-65535 (0: any free port), got %r" % text)
    return value


def _listen_port(text):
    """A port to listen on: 0 lets the system pick a free one (printed once bound)."""
    return _port(text, 0)


def _display_rate(text):
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 1.0 <= value <= 240.0:
        raise argparse.ArgumentTypeError("expected a display rate of 1-240 frames per second, got %r" % text)
    return value


def build_parser():
    """The command-line parser."""
    parser = argparse.ArgumentParser(
        prog="livesim", description="A headless Ableton Live: runs a remote script against a simulated Live set.")
    parser.add_argument("--set", default="default", metavar="default|FILE.json|FILE.als",
                        help="the Live set to serve (default: Live's default new set)")
    parser.add_argument("--strict", action="store_true",
                        help="refuse an .als set that livesim would have to adjust to open")
    parser.add_argument("--script", default=DEFAULT_SCRIPT, metavar="PATH",
                        help="the remote script package folder (default: the project's AbletonOSC)")
    parser.add_argument("--port", type=_listen_port, default=11000,
                        help="the script's OSC port (ABLETONOSC_PORT); 0: any free port, printed once bound")
    parser.add_argument("--reply-port", type=_port, default=11001,
                        help="the port the script replies to (ABLETONOSC_REPLY_PORT)")
    parser.add_argument("--live-version", type=_live_version, default="12.3.6",
                        help="the Live version to simulate (11.0 ... 12.3.6; default 12.3.6)")
    parser.add_argument("--virtual-clock", action="store_true",
                        help="engine time moves only on /livesim/advance (needs --control-port)")
    parser.add_argument("--control-port", type=_listen_port, default=None, metavar="N",
                        help="serve livesim's own OSC control port on 127.0.0.1:N (0: any free port, printed)")
    parser.add_argument("--display-rate", type=_display_rate, default=DISPLAY_RATE, metavar="HZ",
                        help="frames per second at which meters, song time and clip positions move "
                             "(default %d)" % DISPLAY_RATE)
    parser.add_argument("--log", default=None, metavar="FILE", help="append the Log.txt-style log to FILE")
    parser.add_argument("--web", type=_web_port, nargs="?", const=8011, default=None, metavar="PORT",
                        help="serve the live view in the browser on http://127.0.0.1:PORT/ (default 8011)")
    return parser


def _udp_port_problem(port):
    """Why the script could not bind UDP ``port`` on any interface, or None."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind(("0.0.0.0", port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return "is already in use (is Live, AbletonOSC or another livesim running?)"
        return "cannot be opened (%s)" % (exc.strerror or exc)
    finally:
        sock.close()
    return None


def _say(text, stream=None):
    stream = stream or sys.stdout
    stream.write("livesim: %s\n" % text)
    stream.flush()


def _fail(text, code=1):
    _say(text, sys.stderr)
    return code


def _last_error(host):
    lines = [line.split("error: Python: ", 1)[1] for line in host.log_text().splitlines() if "error: Python: " in line]
    return lines[-1].strip() if lines else "no error logged"


def main(argv=None):
    """Run livesim; returns the process exit status."""
    args = build_parser().parse_args(argv)
    report = []
    try:
        set_data = load_set(args.set, strict=args.strict, version=parse_version(args.live_version), report=report)
    except SetError as exc:
        return _fail("cannot load the set: %s" % exc, 2)
    script = os.path.abspath(args.script)
    if not os.path.isfile(os.path.join(script, "__init__.py")):
        return _fail("no remote script package at %s (a folder with __init__.py)" % script, 2)
    problem = _udp_port_problem(args.port) if args.port else None
    if problem:
        return _fail("UDP port %d %s; choose another with --port" % (args.port, problem))
    if args.virtual_clock and args.control_port is None:
        _say("note: with --virtual-clock and no --control-port, engine time stands still")

    try:
        world = World(set_data=set_data, live_version=args.live_version, virtual_clock=args.virtual_clock,
                      display_rate=args.display_rate, set_report=report)
    except (ValueError, KeyError, TypeError) as exc:
        return _fail("cannot build the set %s: %s" % (args.set, exc), 2)
    try:
        host = Host(world, script_path=script, log_file=args.log,
                    env={"ABLETONOSC_PORT": str(args.port), "ABLETONOSC_REPLY_PORT": str(args.reply_port)})
    except OSError as exc:
        return _fail("cannot open the log file: %s" % exc, 2)

    control = web = None
    if args.web is not None:
        try:
            from .web import WebView

            web = WebView(host, args.web)  # before the script starts: its sockets are tapped for the traffic log
        except OSError as exc:
            return _fail("cannot serve the web view on 127.0.0.1:%d: %s; choose another with --web PORT"
                         % (args.web, exc.strerror or exc))
    previous = {}

    def on_signal(signum, frame):
        host.stop(wake=False)

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, on_signal)
    try:
        try:
            host.start()
        except ScriptNotFound as exc:
            return _fail(str(exc), 2)
        if not host.loaded:
            # Live keeps running with the slot empty; so does livesim (/livesim/reload tries again).
            _say("the script %s did not start: %s (the log has the traceback%s); livesim keeps running"
                 % (host.package_name, _last_error(host), ": " + args.log if args.log else ""), sys.stderr)
        if args.control_port is not None:
            try:
                from .control import ControlPort

                control = ControlPort(host, args.control_port).start()
            except OSError as exc:
                return _fail("cannot open the control port %d: %s" % (args.control_port, exc.strerror or exc))
        _say("Live %s (%s clock), set: %s (%s%s)" % (
            args.live_version, "virtual" if args.virtual_clock else "real-time", args.set, describe_set(set_data),
            "; " + summary(len(report)) if report else ""))
        if host.loaded:
            _say("%s listening on UDP port %d, replying to port %d"
                 % (host.package_name, host.bound_port() or args.port, args.reply_port))
        status = host.status_message()
        if status:
            _say("status: %s" % status)
        if control is not None:
            _say("control port: UDP 127.0.0.1:%d (/livesim/advance, /livesim/tick, /livesim/status)" % control.port)
        if args.log:
            _say("log: %s" % os.path.abspath(args.log))
        if web is not None:
            _say("web view: %s" % web.start().url)
        _say("running; Ctrl-C or SIGTERM stops")
        host.run_forever()
        host.shutdown()
        _say("stopped; %s disconnected" % host.package_name)
        return 0
    finally:
        if web is not None:
            web.close()
        if control is not None:
            control.close()
        host.shutdown()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
