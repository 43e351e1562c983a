"""The host: runs one remote script against a World the way Live does.

Lifecycle (fixed order): import the package -> ``create_instance(c_instance)`` ->
``connect_script_instances([instance])`` -> ``can_lock_to_devices()`` -> ``build_midi_map(handle)``
-> ``refresh_state()`` -> ``update_display()`` every tick.  ``build_midi_map`` is called again,
once, after the script called ``c_instance.request_rebuild_midi_map()`` (however often).  Every
call into the script has its own error scope: an exception goes to the log as a traceback and
the host keeps running.

One thread runs the host (Live's main thread): it is the only one that touches the model.
Other threads hand work to it with ``call()``.  ``run()``/``run_forever()`` drive it in real time;
unit tests step it by hand with ``tick()`` and ``run_due_timers()``.
"""
import contextlib
import datetime
import importlib
import importlib.util
import os
import queue
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
RUNTIME_DIR = os.path.join(HERE, "runtime")
PROJECT_ROOT = os.path.dirname(HERE)
DEFAULT_SCRIPT = os.path.join(PROJECT_ROOT, "AbletonOSC")
TICK_INTERVAL = 0.1          # seconds between update_display calls (Live's ~100 ms)
LOG_LEVELS = ("info:", "error:", "warning:", "debug:", "exception:")
MAX_LOG_LINES = 20000


def ensure_runtime_path():
    """Make ``import Live``, ``import ableton``, ``import _Framework`` resolve to livesim's runtime."""
    if RUNTIME_DIR not in sys.path:
        sys.path.insert(0, RUNTIME_DIR)


def timestamp():
    """Log.txt's time stamp: local time, ISO 8601 with microseconds."""
    return datetime.datetime.now().isoformat()


def _script_traceback():
    """The current exception's traceback without the host's own frames (Live shows the script's)."""
    etype, value, tb = sys.exc_info()
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) == _HOST_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(etype, value, tb))


_HOST_FILE = os.path.abspath(__file__)


class ScriptNotFound(Exception):
    """The script path is not a package with an ``__init__.py``."""


class HostStopped(RuntimeError):
    """A ``call()`` could not run because the host loop has ended."""


class _Call(object):
    __slots__ = ("fn", "args", "done", "result", "error")

    def __init__(self, fn, args):
        self.fn = fn
        self.args = args
        self.done = threading.Event()
        self.result = None
        self.error = None


class Host(object):
    """Runs a remote script package against ``world``."""

    def __init__(self, world, script_path=None, tick_interval=TICK_INTERVAL, engine_interval=None,
                 log_file=None, env=None, clock=time.monotonic, instance_identifier=0):
        self.world = world
        self.script_path = os.path.abspath(script_path or DEFAULT_SCRIPT).rstrip(os.sep)
        self.package_name = os.path.basename(self.script_path)
        self.tick_interval = tick_interval
        # Real-time mode advances the engine once per display frame (the world's display rate).
        self.engine_interval = engine_interval or 1.0 / world.display_rate
        self.env = dict(env or {})
        self.clock = clock
        self.instance_identifier = instance_identifier
        self.module = None
        self.instance = None
        self.c_instance = None
        self.capabilities = None
        self.ticks = 0
        self.midi_map_builds = 0
        self.loaded = False
        self.can_lock = False
        #: The device the script is locked to (Live's "Lock to Device"), or None.
        self.locked_device = None
        self._status = ""
        self._log_lines = []
        self._log_lock = threading.Lock()
        self._log_file = None
        self._owns_log_file = False
        if log_file is not None:
            if hasattr(log_file, "write"):
                self._log_file = log_file
            else:
                self._log_file = open(log_file, "a")
                self._owns_log_file = True
        self._calls = queue.Queue()
        self._thread_id = None
        self._running = False
        self._stop = threading.Event()
        self._started = False
        self._next_tick = None
        self._next_engine = None
        #: A livesim.traffic.SocketTap to watch the script's sockets with (set before start()).
        self.socket_tap = None

    def bound_port(self):
        """The UDP port the running script listens on (it chose one when told port 0), or None.

        A script names it as ``server.port`` (AbletonOSC) or ``port``.
        """
        instance = self.instance
        server = getattr(instance, "server", None)
        port = getattr(server, "port", None) if server is not None else getattr(instance, "port", None)
        return port if isinstance(port, int) and port > 0 else None

    # --- the log ---------------------------------------------------------------------------
    def log(self, text):
        """Append a Log.txt line: ``<ISO8601>: <level>: <text>`` (``info:`` when no level is given)."""
        text = str(text)
        if not text.startswith(LOG_LEVELS):
            text = "info: " + text
        line = "%s: %s" % (timestamp(), text)
        with self._log_lock:
            self._log_lines.append(line)
            if len(self._log_lines) > MAX_LOG_LINES:
                del self._log_lines[:len(self._log_lines) - MAX_LOG_LINES]
            if self._log_file is not None:
                self._log_file.write(line + "\n")
                self._log_file.flush()

    def log_python_error(self, text):
        """Log Python error output (a traceback), one ``error: Python:`` line per line."""
        for line in text.rstrip("\n").split("\n"):
            self.log("error: Python: " + line)

    def log_world(self, text):
        """The World's log hook: a multi-line text is a traceback, logged as Python error lines."""
        text = str(text)
        if "\n" in text.rstrip("\n"):
            self.log_python_error(text)
        else:
            self.log(text)

    def log_set_report(self, world):
        """One warning line per kind of adjustment the set loader made to open ``world``'s set (once)."""
        if getattr(world, "set_report_logged", False):
            return
        world.set_report_logged = True
        for line in getattr(world, "set_report", ()):
            self.log("warning: Set: " + line)

    def log_text(self):
        """The log so far."""
        with self._log_lock:
            return "".join(line + "\n" for line in self._log_lines)

    def status_message(self):
        """The latest status-bar text the script showed."""
        if self.c_instance is not None and self.c_instance._livesim_status:
            self._status = self.c_instance._livesim_status
        return self._status

    # --- calling into the script -------------------------------------------------------------
    def _guarded(self, fn, *args):
        try:
            return fn(*args)
        except Exception:
            self.log_python_error(_script_traceback())
            return None

    def call_script(self, name, *args):
        """Call ``instance.<name>(*args)`` in its own error scope (missing method -> logged AttributeError)."""
        if not self.loaded:
            return None
        return self._guarded(lambda: getattr(self.instance, name)(*args))

    def call_optional(self, name, *args):
        """Like ``call_script`` but only if the instance has the method."""
        if not self.loaded or not hasattr(self.instance, name):
            return None
        return self.call_script(name, *args)

    @contextlib.contextmanager
    def _script_env(self):
        saved = dict((key, os.environ.get(key)) for key in self.env)
        os.environ.update(self.env)
        try:
            yield
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value

    def _purge_modules(self):
        prefix = self.package_name + "."
        for name in list(sys.modules):
            if name == self.package_name or name.startswith(prefix):
                del sys.modules[name]

    def _import_package(self):
        init = os.path.join(self.script_path, "__init__.py")
        if not os.path.isfile(init):
            raise ScriptNotFound("no remote script package at %s (missing __init__.py)" % self.script_path)
        self._purge_modules()
        importlib.invalidate_caches()
        spec = importlib.util.spec_from_file_location(self.package_name, init,
                                                      submodule_search_locations=[self.script_path])
        module = importlib.util.module_from_spec(spec)
        sys.modules[self.package_name] = module
        loader = spec.loader if self.socket_tap is None else self.socket_tap.watch(self.package_name, spec.loader)
        try:
            loader.exec_module(module)
        except BaseException:
            sys.modules.pop(self.package_name, None)
            raise
        return module

    def _new_c_instance(self):
        from MidiRemoteScript import MidiRemoteScript

        c_instance = MidiRemoteScript(lambda: self.world.song, self.log, handle=self.instance_identifier + 1,
                                      instance_identifier=self.instance_identifier)
        c_instance._livesim_errors = self.log_python_error
        return c_instance

    def _load(self):
        """Import the package and run the start-up lifecycle."""
        self.loaded = False
        self.instance = None
        self.module = None
        self.locked_device = None
        self.c_instance = self._new_c_instance()
        self.log('MidiRemoteScript %d [Control Surface="%s"]' % (self.instance_identifier, self.package_name))
        try:
            self.module = self._import_package()
        except ScriptNotFound:
            raise
        except Exception:
            self.log_python_error(_script_traceback())
            return
        if hasattr(self.module, "get_capabilities"):
            # Live reads it when scanning scripts (controller ids, ports); optional.
            self.capabilities = self._guarded(self.module.get_capabilities)
        try:
            with self._script_env():
                self.instance = self.module.create_instance(self.c_instance)
        except Exception:
            self.log_python_error(_script_traceback())
            return
        self.loaded = True
        if self.env.get("ABLETONOSC_PORT") == "0" and self.bound_port():
            # Told to take any free port: a restart (reload, another set) binds this one again.
            self.env["ABLETONOSC_PORT"] = str(self.bound_port())
        self.call_script("connect_script_instances", [self.instance])
        self.can_lock = bool(self.call_script("can_lock_to_devices"))
        # A rebuild requested before the first map is served by it.
        self.c_instance._livesim_rebuild_requested = False
        self._build_midi_map()
        self.call_script("refresh_state")
        self.serve_requests()

    def _build_midi_map(self):
        # The handle is valid only during this call; closing it installs the script's MIDI map.
        from Live import _midi_map as MidiMap

        self.midi_map_builds += 1
        handle = MidiMap._new_handle(self)
        try:
            self.call_script("build_midi_map", handle)
        finally:
            MidiMap._close_handle(handle)

    def serve_requests(self):
        """Do what the script asked of Live since the last call: toggle its device lock, rebuild its MIDI map."""
        if not self.loaded:
            return
        if self.c_instance._livesim_lock_requested:
            self.c_instance._livesim_lock_requested = False
            self._toggle_lock()
        if self.c_instance._livesim_rebuild_requested:
            self.c_instance._livesim_rebuild_requested = False
            self._build_midi_map()

    def _toggle_lock(self):
        # Live locks a surface that can lock to the appointed (blue hand) device, or unlocks it.
        if not self.can_lock:
            return
        if self.locked_device is not None:
            device, self.locked_device = self.locked_device, None
            self.call_script("unlock_from_device", device)
            return
        device = self.world.song.appointed_device
        if device is not None:
            self.locked_device = device
            self.call_script("lock_to_device", device)

    # --- lifecycle -----------------------------------------------------------------------------
    def start(self):
        """Load the script and run its start-up lifecycle (once); this thread becomes the host thread."""
        if self._started:
            return
        self._thread_id = threading.get_ident()
        ensure_runtime_path()
        self._attach(self.world)
        self._started = True
        self._load()
        now = self.clock()
        self._next_tick = now + self.tick_interval
        self._next_engine = now + self.engine_interval

    def reload_script(self):
        """What Live does on a slot toggle: disconnect, purge the package's modules, import, create again."""
        self.log('Reloading MidiRemoteScript [Control Surface="%s"]' % self.package_name)
        self._restart(self.world)

    def open_set(self, world):
        """What Live does when another set is opened: the script restarts against ``world``'s song."""
        self.log("Loading a new Live Set")
        self._restart(world)

    def _restart(self, world):
        self.status_message()  # the status bar keeps its text across the restart
        self.call_script("disconnect")
        self._purge_modules()
        self._attach(world)
        self._load()

    def _attach(self, world):
        # One clock for ticks and Live.Base.Timer: a timer is due when the host's clock says so.
        self.world = world
        world.log = self.log_world
        self.log_set_report(world)
        world.timer_clock = self.clock
        world.activate()

    def shutdown(self):
        """Disconnect the script (Live closing); safe to call more than once."""
        if self.loaded:
            self.status_message()
            self.call_script("disconnect")
            self.loaded = False
            self.instance = None
        if self.socket_tap is not None:
            self.socket_tap.close()  # later imports of the package are not tapped
        if self._owns_log_file and self._log_file is not None:
            with self._log_lock:
                self._log_file.close()
                self._log_file = None

    def tick(self):
        """One ``update_display()``, then a pending MIDI map rebuild."""
        self.ticks += 1
        self.call_script("update_display")
        self.serve_requests()

    def run_due_timers(self, now=None):
        """Run the Live.Base.Timer callbacks due at ``now`` (default: the clock)."""
        self.world.run_timers(self.clock() if now is None else now)
        self.serve_requests()

    def step(self, now=None):
        """One real-time iteration: engine step, due timers, due tick; returns seconds until the next."""
        now = self.clock() if now is None else now
        if not self.world.virtual_clock and now >= self._next_engine:
            self.world.sync(now)
            self._next_engine = self._advance_deadline(self._next_engine, self.engine_interval, now)
        self.run_due_timers(now)
        if now >= self._next_tick:
            self.tick()
            self._next_tick = self._advance_deadline(self._next_tick, self.tick_interval, now)
        due = [self._next_tick]
        if not self.world.virtual_clock:
            due.append(self._next_engine)
        timer_due = self.world.next_timer_due()
        if timer_due is not None:
            due.append(timer_due)
        return max(0.0, min(due) - self.clock())

    @staticmethod
    def _advance_deadline(deadline, interval, now):
        deadline += interval
        if deadline <= now:
            # Fell behind (a slow call): do not burst to catch up, as Live does not.
            deadline = now + interval
        return deadline

    # --- the loop and cross-thread calls -------------------------------------------------------
    def run(self, seconds=None, on_ready=None):
        """Drive the host in real time on this thread for ``seconds`` (None: until ``stop()``).

        ``on_ready()`` is called once the script is started and ``call()`` requests are served.
        """
        self._thread_id = threading.get_ident()
        self.start()
        self._running = True
        if on_ready is not None:
            on_ready()
        deadline = None if seconds is None else self.clock() + seconds
        try:
            while not self._stop.is_set():
                timeout = self.step()
                if deadline is not None:
                    remaining = deadline - self.clock()
                    if remaining <= 0:
                        break
                    timeout = min(timeout, remaining)
                self._serve_calls(timeout)
        finally:
            self._running = False
            self._fail_pending_calls()

    def run_forever(self, on_ready=None):
        """Drive the host until ``stop()``."""
        self.run(None, on_ready)

    def stop(self, wake=True):
        """Ask the loop to end (thread-safe); it wakes at once.

        From a signal handler pass ``wake=False``: the loop then ends within one tick, and the
        handler takes no lock the interrupted loop may hold.
        """
        self._stop.set()
        if wake:
            self._calls.put(None)

    def _serve_calls(self, timeout):
        try:
            item = self._calls.get(timeout=timeout) if timeout > 0 else self._calls.get_nowait()
        except queue.Empty:
            return
        while True:
            if item is not None:  # None only wakes the loop
                self._run_call(item)
            try:
                item = self._calls.get_nowait()
            except queue.Empty:
                return

    def _run_call(self, item):
        try:
            item.result = item.fn(*item.args)
        except BaseException as exc:  # re-raised in the calling thread
            item.error = exc
        finally:
            item.done.set()
        self.serve_requests()

    def _fail_pending_calls(self):
        while True:
            try:
                item = self._calls.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                item.error = HostStopped("the livesim host has stopped")
                item.done.set()

    def submit(self, fn, *args):
        """Queue ``fn(*args)`` for the host thread without waiting; returns the pending call.

        The call's ``done`` event is set once it ran (``result`` / ``error`` hold the outcome).
        Unlike ``call()`` it never runs ``fn`` on the calling thread: HostStopped if the loop is not running.
        """
        if not self._running:
            raise HostStopped("the livesim host is not running")
        item = _Call(fn, args)
        self._calls.put(item)
        return item

    def call(self, fn, *args):
        """Run ``fn(*args)`` on the host thread and return its result (its exception is re-raised)."""
        if not self._running or threading.get_ident() == self._thread_id:
            return fn(*args)
        item = _Call(fn, args)
        self._calls.put(item)
        while not item.done.wait(0.05):
            if not self._running:
                if not item.done.is_set():
                    raise HostStopped("the livesim host has stopped")
        if item.error is not None:
            raise item.error
        return item.result
