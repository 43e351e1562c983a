"""The test harness: a running livesim with a remote script, in a background thread.

    with LiveSim(set_data=None, live_version="12.3.6", virtual_clock=True) as sim:
        sim.port, sim.reply_port      # the script's OSC ports (chosen by the system, never guessed)
        sim.replies                   # the socket bound to reply_port, unless one was given
        sim.call(fn, *args)           # run on the host thread (Live's main thread)
        sim.advance(seconds)          # move engine time (virtual clock)

The background thread plays Live's main thread: it creates the script, ticks it every 100 ms,
runs its timers, serves ``call()`` requests, and disconnects the script on exit.  A script
that fails to start raises ``ScriptFailed`` with the log (``check_started=False`` allows it).
"""
import os
import socket
import threading

from .host import Host
from .sets import load_set
from .versions import parse_version
from .world import DISPLAY_RATE, World

START_TIMEOUT = 30.0


class ScriptFailed(RuntimeError):
    """The remote script's package failed to import or its create_instance raised."""


def make_world(set_data=None, live_version="12.3.6", virtual_clock=False, display_rate=DISPLAY_RATE, strict=False):
    """A World from None/"default", a set dict, or a path to a .json or .als set (adjustments logged)."""
    report = []
    if isinstance(set_data, str) or hasattr(set_data, "__fspath__"):
        set_data = load_set(os.fspath(set_data), strict=strict, version=parse_version(live_version), report=report)
    return World(set_data=set_data, live_version=live_version, virtual_clock=virtual_clock,
                 display_rate=display_rate, set_report=report)


class LiveSim(object):
    """A World plus a Host running a remote script in a background thread."""

    def __init__(self, set_data=None, live_version="12.3.6", virtual_clock=True, script_path=None, env=None,
                 port=0, reply_port=None, tick_interval=0.1, check_started=True, display_rate=DISPLAY_RATE):
        # Port 0: the script binds a port the system picks, read back once it started. A reply
        # port not given is a socket bound here and held (port 0 again): no port is guessed free.
        self.port = port or 0
        self.replies = None
        if not reply_port:
            self.replies = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.replies.bind(("127.0.0.1", 0))
            reply_port = self.replies.getsockname()[1]
        self.reply_port = reply_port
        script_env = {"ABLETONOSC_PORT": str(self.port), "ABLETONOSC_REPLY_PORT": str(self.reply_port)}
        script_env.update(env or {})
        self.world = make_world(set_data, live_version, virtual_clock, display_rate)
        self.host = Host(self.world, script_path=script_path, tick_interval=tick_interval, env=script_env)
        self.check_started = check_started
        self._thread = None
        self._ready = threading.Event()
        self._error = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        """Start the host thread and wait until the script is created and the loop runs."""
        self._thread = threading.Thread(target=self._main, name="livesim-main", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise RuntimeError("livesim did not start within %.0f s" % START_TIMEOUT)
        if self._error is not None:
            self.stop()  # joins the ended thread and raises its error
        if self.check_started and not self.host.loaded:
            self.stop()
            raise ScriptFailed("the remote script %s did not start; its log:\n%s"
                               % (self.host.package_name, self.host.log_text()))
        if not self.port:
            self.port = self.call(self.host.bound_port) or 0

    def _main(self):
        try:
            self.host.run_forever(on_ready=self._ready.set)
        except BaseException as exc:
            self._error = exc
        finally:
            self._ready.set()
            self.host.shutdown()

    def close_replies(self):
        """Close the reply socket held here (if any)."""
        if self.replies is not None:
            self.replies.close()
            self.replies = None

    def stop(self):
        """Stop the loop, disconnect the script and join the thread."""
        if self._thread is None:
            self.close_replies()
            return
        self.host.stop()
        self._thread.join(START_TIMEOUT)
        self._thread = None
        self.close_replies()
        error, self._error = self._error, None
        if error is not None:
            raise error

    def call(self, fn, *args):
        """Run ``fn(*args)`` on the host thread; return its result or re-raise its exception."""
        return self.host.call(fn, *args)

    def advance(self, seconds):
        """Advance engine time by ``seconds`` on the host thread (virtual clock)."""
        return self.call(self.world.advance, seconds)

    def tick(self):
        """Run one extra update_display on the host thread."""
        return self.call(self.host.tick)

    def open_set(self, set_data=None):
        """Open another set (None, a dict or a path) as Live does: the script restarts against it."""
        world = make_world(set_data, self.world.version, self.world.virtual_clock, self.world.display_rate)
        self.call(self.host.open_set, world)
        self.world = world

    def reload_script(self):
        """Reload the script as Live does on set load or slot toggle."""
        return self.call(self.host.reload_script)

    def status_message(self):
        """The latest status-bar text."""
        return self.call(self.host.status_message)

    def log_text(self):
        """The Log.txt content so far."""
        return self.host.log_text()
