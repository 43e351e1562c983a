"""The control surface Live creates: settings, logging, the OSC transport, polling and reload."""

import importlib
import logging
import logging.handlers
import os
import sys

import Live
from ableton.v2.control_surface import ControlSurface

from . import settings as settings_module
from .osc_server import OSCServer

HERE = os.path.dirname(os.path.abspath(__file__))
LOGGER_NAME = "abletonosc"
NOTIFICATION_ERROR = "Changes cannot be triggered by notifications"


def _setup_logging(settings):
    """Log to logs/abletonosc.log next to the script, rotated by size."""
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.DEBUG)
    # Our own file only while connected: Live's log would otherwise get every line too.
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    try:
        folder = os.path.join(HERE, "logs")
        if not os.path.isdir(folder):
            os.makedirs(folder)
        handler = logging.handlers.RotatingFileHandler(
            os.path.join(folder, "abletonosc.log"), maxBytes=settings.log_max_bytes, backupCount=2,
            encoding="utf-8",
        )
    except (OSError, IOError):
        handler = logging.NullHandler()  # a read-only install folder must not stop the script
    handler.setFormatter(logging.Formatter("(%(asctime)s) [%(levelname)s] %(message)s"))
    handler.setLevel(settings.log_level.upper())
    logger.addHandler(handler)
    return logger, handler


class Manager(ControlSurface):
    """AbletonOSC's control surface: serves OSC from Live's main thread."""

    def __init__(self, c_instance):
        ControlSurface.__init__(self, c_instance)
        # A typo in the settings must not leave the user without OSC: each bad key is replaced
        # on its own (security keys by their safest choice) and reported below.
        self.settings = settings_module.load()
        self.logger, self.log_handler = _setup_logging(self.settings)
        self.server = None
        self.registry = None
        self.timer = None
        self._deferred = []
        from .handlers.midimap import MidiMappings

        self.midi_mappings = MidiMappings()  # kept across handler reloads
        self._reload_requested = False
        self._ticking = False
        application = Live.Application.get_application()
        self.live_version = (
            application.get_major_version(), application.get_minor_version(), application.get_bugfix_version()
        )
        self.logger.info("Starting AbletonOSC on Live %s", ".".join(str(n) for n in self.live_version))
        for problem in self.settings.problems:
            self.logger.error("Settings: %s", problem)
        from .handlers import build_registry

        self.registry = build_registry()
        self._apply_rate_defaults()
        s = self.settings
        self.server = OSCServer(
            self.registry, host=s.host, port=s.port, reply_port=s.reply_port, reply_to_source=s.reply_to_source,
            tcp_port=settings_module.tcp_port_of(s.tcp_port), poll_budget=s.poll_budget_ms / 1000.0,
            max_datagram=s.max_datagram,
            logger=self.logger, allow=settings_module.parse_allow(s.allow), rate_limit=s.rate_limit,
            max_reply_bytes=s.max_reply_bytes, reply_bytes_per_second=s.reply_bytes_per_second,
            max_tcp_connections=s.max_tcp_connections, tcp_idle_timeout=s.tcp_idle_timeout_s,
            plain_types=s.plain_types,
        )
        try:
            self.server.start()
        except (OSError, IOError) as error:
            message = "AbletonOSC: Couldn't bind to port %d (%s)" % (s.port, _reason(error))
            self.logger.error(message)
            if self.settings.problems:
                message += " - settings: %s" % self.settings.problems[0]
            self.show_message(message)
            self.server = None
            return
        self.registry.bind(self.song, application, self.server, self, self.live_version)
        # The bound ports: 0 in the settings means the system chose one.
        listening = "AbletonOSC: Listening for OSC on port %d" % self.server.port
        if self.server.tcp_port:
            listening += " (TCP %d)" % self.server.tcp_port
        self.logger.info(listening)
        if self.settings.problems:
            # The status bar (and livesim's banner) show the last message: the settings problem.
            listening += " - settings: %s%s" % (self.settings.problems[0], " (and %d more, see the log)"
                                                % (len(self.settings.problems) - 1) if len(self.settings.problems) > 1
                                                else "")
        self.show_message(listening)
        self._start_polling()
        self.server.broadcast("/live/startup", ())

    # ------------------------------------------------------------------ polling
    def _start_polling(self):
        # A Live.Base.Timer polls every few milliseconds; the 100 ms tick (update_display) is the
        # fallback (and also sweeps listeners of deleted objects and ends unreachable clients).
        # poll_interval_ms = 0 polls from the tick only, as upstream AbletonOSC does.
        if self.settings.poll_interval_ms <= 0:
            self.timer = None
            self.logger.info("poll_interval_ms is 0: polling once per tick")
        else:
            self._start_timer()
        self._ticking = True

    def _start_timer(self):
        try:
            self.timer = Live.Base.Timer(callback=self._on_timer, interval=self.settings.poll_interval_ms,
                                         repeat=True)
            self.timer.start()
        except Exception:
            self.logger.warning("Live.Base.Timer unavailable; polling once per tick", exc_info=True)
            self.timer = None

    def _on_timer(self):
        try:
            self.poll()
        except Exception:
            # An exception would stop Live's timer for good; the tick keeps things going anyway.
            self.logger.exception("Error while polling")

    def _tick(self):
        try:
            if self.timer is None or not getattr(self.timer, "running", True):
                self.poll()
            if self.registry is not None:
                self.registry.subscriptions.sweep()
                self._end_unreachable()
        except Exception:
            self.logger.exception("Error in tick")

    def _end_unreachable(self):
        grace = self.settings.unreachable_grace
        if grace < 0 or self.server is None or not self.server.unreachable.since:
            return
        for client in self.server.unreachable_clients(grace):
            ended = self.registry.end_client(client)
            if ended:
                self.logger.info("AbletonOSC: %s:%s stopped answering; its %d listener(s) ended",
                                 client.host, client.port, ended)

    def poll(self):
        """Serve what has arrived, within the time budget; then run deferred work."""
        if self.server is None:
            return 0
        if self._deferred:
            self._run_deferred()
        handled = self.server.poll()
        # Listener updates of this poll (and those a rate cap held back until now) go out together.
        self.registry.subscriptions.outbox.flush()
        if self._reload_requested:
            self._reload_requested = False
            self._reload()
        return handled

    # ------------------------------------------------------------------ writes
    def write(self, fn, *args):
        """Apply a change to the set; inside a Live notification it is retried on the next poll."""
        try:
            fn(*args)
        except RuntimeError as error:
            if NOTIFICATION_ERROR not in str(error):
                raise
            self._deferred.append((fn, args))

    def _run_deferred(self):
        if not self._deferred:
            return
        pending, self._deferred = self._deferred, []
        for fn, args in pending:
            try:
                fn(*args)
            except Exception:
                self.logger.warning("Deferred change failed", exc_info=True)

    # ------------------------------------------------------------------ reload
    def request_reload(self):
        """Reload the handler modules after the current poll (never mid-dispatch)."""
        self._reload_requested = True

    def _reload(self):
        from . import handlers

        self.registry.unbind()
        prefix = handlers.__name__ + "."
        for name in sorted(n for n in sys.modules if n.startswith(prefix)):
            module = sys.modules.get(name)
            if module is not None:
                importlib.reload(module)
        handlers = importlib.reload(handlers)
        self.registry = handlers.build_registry()
        self._apply_rate_defaults()
        self.registry.bind(self.song, Live.Application.get_application(), self.server, self, self.live_version)
        self.server.dispatcher = self.registry
        self.logger.info("Reloaded handlers")
        self.server.broadcast("/live/startup", ())

    def _apply_rate_defaults(self):
        """The max_rate setting's caps, for every client that sets none of its own."""
        from .handlers.feedback import set_defaults

        for problem in set_defaults(self.registry, self.settings.max_rate):
            self.logger.error("Setting max_rate: %s (ignored)", problem)

    def build_midi_map(self, midi_map_handle):
        """Live asks for the script's MIDI map: install the mappings and forwards."""
        ControlSurface.build_midi_map(self, midi_map_handle)
        try:
            self.midi_mappings.build(midi_map_handle, self._c_instance.handle())
        except Exception:
            self.logger.exception("Error building the MIDI map")

    def receive_midi(self, midi_bytes):
        """Live passes forwarded MIDI: on to the clients that asked for it."""
        try:
            self.midi_mappings.received(midi_bytes)
        except Exception:
            self.logger.exception("Error forwarding MIDI")

    def set_log_level(self, level):
        """Change the log file's level."""
        self.settings.log_level = level
        self.log_handler.setLevel(level.upper())

    # ------------------------------------------------------------------ Live's calls
    def update_display(self):
        """Live calls this every 100 ms; the tick runs from it (no scheduled task to make each time)."""
        ControlSurface.update_display(self)
        if self._ticking:
            self._tick()

    def disconnect(self):
        """Live unloads the script: remove every listener, stop polling, close the sockets."""
        self._ticking = False
        if self.timer is not None:
            try:
                self.timer.stop()
            except Exception:
                pass
            self.timer = None
        if self.registry is not None:
            self.registry.unbind()
        if self.server is not None:
            self.server.close()
            self.server = None
        self.logger.info("AbletonOSC disconnected")
        for handler in list(self.logger.handlers):
            self.logger.removeHandler(handler)
            handler.close()
        self.logger.propagate = True
        ControlSurface.disconnect(self)


def _reason(error):
    return getattr(error, "strerror", None) or str(error)
