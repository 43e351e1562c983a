"""The World: one simulated Live (a set, its transport engine, undo history, timers)."""
import itertools
import time
import traceback

import livesim  # noqa: F401  (puts livesim/runtime on sys.path)
import Live
from Live import _lom

from livesim import set_builder
from livesim.sets.gcpause import gc_paused
from livesim.engine import DISPLAY_RATE, STEP, Engine
from livesim.versions import DEFAULT_VERSION, parse_version

MAX_UNDO_STEPS = 500


class History(object):
    """Undo/redo: one step per top-level edit, or per begin_undo_step/end_undo_step group."""

    def __init__(self):
        self.undo_steps = []
        self.redo_steps = []
        self.depth = 0
        self.user = 0
        self.cur = None
        self.replaying = False

    def clear(self):
        self.undo_steps = []
        self.redo_steps = []
        self.cur = None

    def begin(self, label):
        """Enter an edit call; the outermost one opens a step."""
        if self.cur is None:
            self.cur = [label, []]
        self.depth += 1

    def end(self):
        """Leave an edit call; closing the outermost one closes its step."""
        self.depth -= 1
        if self.depth == 0 and self.user == 0:
            self._close()

    def begin_user(self):
        """Song.begin_undo_step."""
        self.user += 1
        if self.cur is None:
            self.cur = [None, []]

    def end_user(self):
        """Song.end_undo_step."""
        if self.user:
            self.user -= 1
            if self.user == 0 and self.depth == 0:
                self._close()

    def record(self, undo, redo, label):
        """Add an (undo, redo) pair to the open step (or as a step of its own)."""
        if self.replaying:
            return
        if self.cur is None:
            self._push([label, [(undo, redo)]])
            return
        self.cur[1].append((undo, redo))
        if self.cur[0] is None:
            self.cur[0] = label

    def _close(self):
        cur, self.cur = self.cur, None
        if cur is not None and cur[1]:
            self._push(cur)

    def _push(self, step):
        if step[0] is None:
            step[0] = "Change"
        self.undo_steps.append(step)
        del self.undo_steps[:-MAX_UNDO_STEPS]
        self.redo_steps = []

    def can_undo(self):
        return bool(self.undo_steps)

    def can_redo(self):
        return bool(self.redo_steps)

    def undo(self):
        """Revert the last step; returns its label ("" if there is none)."""
        if not self.undo_steps:
            return ""
        step = self.undo_steps.pop()
        self._replay(reversed([u for u, _ in step[1]]))
        self.redo_steps.append(step)
        return step[0]

    def redo(self):
        """Re-apply the last undone step; returns its label ("" if there is none)."""
        if not self.redo_steps:
            return ""
        step = self.redo_steps.pop()
        self._replay([r for _, r in step[1]])
        self.undo_steps.append(step)
        return step[0]

    def _replay(self, fns):
        self.replaying = True
        try:
            for f in fns:
                f()
        finally:
            self.replaying = False


class World(object):
    """One simulated Live: the set scripts see as ``song``, its engine, timers and log.

    Behaviours not yet measured on a real Live are switchable per world:
    ``clamp_ranges`` (False: an out-of-range tempo or parameter value raises RuntimeError;
    True: it is clamped) and ``notify_unchanged`` (False: listeners fire only when a value
    changes; True: every write notifies).
    """

    log = None
    #: observer(node, name) called for every notification (livesim.web follows the set with it).
    observer = None
    clamp_ranges = False
    notify_unchanged = False
    #: Live's preferences (Record/Warp/Launch): Exclusive Arm and Exclusive Solo, on by default.
    exclusive_arm = True
    exclusive_solo = True

    def __init__(self, set_data=None, live_version=DEFAULT_VERSION, virtual_clock=False, display_rate=DISPLAY_RATE,
                 set_report=()):
        self.version = parse_version(live_version)
        self.virtual_clock = bool(virtual_clock)
        if not 1.0 <= float(display_rate) <= 240.0:
            raise ValueError("display_rate must be 1-240 frames per second, not %r" % (display_rate,))
        #: Frames per second at which meters, song time and clip positions notify.
        self.display_rate = float(display_rate)
        self.lock = 0
        self.history = History()
        self.exceptions = []
        self.timer_clock = time.monotonic
        #: new_ptr() -> a fresh stable identity for a Live object (its ``_live_ptr``); a C-level counter,
        #: as every node built calls it.
        self.new_ptr = itertools.count(0x10008, 8).__next__
        self._timers = []
        self._last_sync = None
        self._application = None
        self._device_builder = False
        self.engine = Engine(self)
        with gc_paused():
            self.song_node = set_builder.build(self, set_data)
        self.engine.shown_time = self.song_node.current_song_time
        self.song = _lom.wrap(self.song_node)
        self.history.clear()
        # What the set loader adjusted to open the set file (the host logs it).
        self.set_report = list(set_report)

    def set_preference(self, name, value):
        """Change one of Live's preferences (``exclusive_arm``, ``exclusive_solo``) as a user would."""
        if name not in ("exclusive_arm", "exclusive_solo"):
            raise ValueError("no such preference: %r" % (name,))
        if getattr(self, name) != bool(value):
            setattr(self, name, bool(value))
            _lom.notify(self.song_node, name)

    # -- application and device hooks
    @property
    def application(self):
        """Live.Application.Application for this world."""
        if self._application is None:
            from Live._application_model import make_application
            self._application = make_application(self)
        return self._application

    def device_builder(self):
        """``build_device(world, spec, parent)`` from Live._devices_model, or None."""
        if self._device_builder is False:
            try:
                from Live._devices_model import build_device
            except ImportError:
                build_device = None
            self._device_builder = build_device
        return self._device_builder

    def groove_pool(self):
        """Live.GroovePool.GroovePool for this world."""
        from Live._groove_pool_model import make_groove_pool
        return make_groove_pool(self)

    def receive_midi(self, status, data1, data2=0):
        """Play a MIDI message arriving from a control surface (mapped parameters move, forwards reach scripts)."""
        from Live._midi_map import receive_midi
        return receive_midi(self, status, data1, data2)

    def activate(self):
        """Make this the world Live.Application.get_application() and Live.Base.Timer use."""
        _lom.set_active_world(self)

    # -- engine time
    def advance(self, seconds):
        """Move engine time forward (steps of at most 10 ms): song time, launches, positions, listeners."""
        if seconds < 0:
            raise ValueError("cannot advance by a negative time")
        self.engine.advance(seconds, frame_at_end=True)

    def sync(self, now):
        """Realtime mode: advance by the wall-clock time since the last sync (no-op in virtual mode)."""
        if self.virtual_clock:
            return
        last = self._last_sync
        self._last_sync = now
        if last is not None and now > last:
            self.engine.advance(now - last)

    # -- timers (always wall clock)
    def add_timer(self, timer):
        """Register a started Live.Base.Timer."""
        if timer not in self._timers:
            self._timers.append(timer)

    def remove_timer(self, timer):
        """Forget a stopped Live.Base.Timer."""
        if timer in self._timers:
            self._timers.remove(timer)

    def run_timers(self, now):
        """Call the callbacks of timers due at ``now``; a raising callback stops its timer."""
        due = sorted((t for t in self._timers if t._running and t._due <= now), key=lambda t: t._due)
        for t in due:
            if not t._running:
                continue
            try:
                t._fire(now)
            except Exception:
                t.stop()
                self.log_exception("Live.Base.Timer callback")
            if not t._running:
                self.remove_timer(t)

    def next_timer_due(self):
        """When the next started timer is due (None if none is)."""
        dues = [t._due for t in self._timers if t._running]
        return min(dues) if dues else None

    # -- logging
    def log_exception(self, where):
        """Write the current exception's traceback through ``self.log``."""
        text = "Exception in %s:\n%s" % (where, traceback.format_exc())
        self.exceptions.append(text)
        if self.log is not None:
            self.log(text)


__all__ = ["World", "History", "parse_version", "DEFAULT_VERSION", "STEP", "DISPLAY_RATE"]
