"""Tasks advanced once per ``update_display`` tick (the model behind ``schedule_message``).

Semantics follow Ableton's ``ableton.v2.base.task``: a ``DelayTask(n)`` counts down one per
update and dies at <= 0; a ``SequenceTask`` moves to its next subtask on the following update;
a ``TaskGroup`` visits tasks appended during its own update in the same pass, and an exception
raised by a task is reported and kills only that task.
"""
import traceback

RUNNING = "running"
PAUSED = "paused"
KILLED = "killed"


class Task(object):
    """Base task: alive until killed; ``update(delta)`` runs ``do_update`` while running."""

    def __init__(self):
        self._killed = False
        self._paused = False

    @property
    def is_killed(self):
        """True once the task has finished or was killed."""
        return self._killed

    @property
    def is_paused(self):
        """True while paused (a paused task is not updated)."""
        return self._paused and not self._killed

    @property
    def is_running(self):
        """True while neither killed nor paused."""
        return not (self._killed or self._paused)

    @property
    def state(self):
        """RUNNING, PAUSED or KILLED."""
        return KILLED if self._killed else (PAUSED if self._paused else RUNNING)

    def kill(self):
        """Stop the task for good (``restart`` brings it back)."""
        self._killed = True

    def pause(self):
        """Stop updating until ``resume``."""
        self._paused = True

    def resume(self):
        """Update again after ``pause``."""
        self._paused = False

    def toggle_pause(self):
        """Pause a running task, resume a paused one."""
        self._paused = not self._paused

    def restart(self):
        """Run again from the start."""
        self._killed = False
        self._paused = False
        self.do_restart()

    def update(self, delta):
        """Advance the task by one tick of ``delta`` seconds."""
        if self.is_running:
            self.do_update(delta)

    def do_update(self, delta):
        """Subclasses do their work here."""

    def do_restart(self):
        """Subclasses reset their state here."""


class FuncTask(Task):
    """Calls ``func()`` once, then dies."""

    def __init__(self, func):
        super(FuncTask, self).__init__()
        self._func = func

    def do_update(self, delta):
        self.kill()
        self._func()


class DelayTask(Task):
    """Waits ``ticks`` updates (counting this one) and dies."""

    def __init__(self, ticks):
        super(DelayTask, self).__init__()
        self._ticks = ticks
        self._remaining = ticks

    def do_restart(self):
        self._remaining = self._ticks

    def do_update(self, delta):
        self._remaining -= 1
        if self._remaining <= 0:
            self.kill()


class WaitTask(Task):
    """Waits ``seconds`` of tick time (each update advances by its delta) and dies."""

    def __init__(self, seconds):
        super(WaitTask, self).__init__()
        self._seconds = seconds
        self._remaining = seconds

    def do_restart(self):
        self._remaining = self._seconds

    def do_update(self, delta):
        self._remaining -= delta
        if self._remaining <= 0:
            self.kill()


class SequenceTask(Task):
    """Runs subtasks one after the other; the next one starts on the following update."""

    def __init__(self, tasks):
        super(SequenceTask, self).__init__()
        self._all_tasks = list(tasks)
        self._tasks = list(tasks)

    def do_restart(self):
        self._tasks = list(self._all_tasks)
        for task in self._tasks:
            task.restart()

    def do_update(self, delta):
        if self._tasks:
            current = self._tasks[0]
            current.update(delta)
            if current.is_killed:
                self._tasks.pop(0)
        if not self._tasks:
            self.kill()


class ParallelTask(Task):
    """Runs subtasks side by side; dies when all have."""

    def __init__(self, tasks):
        super(ParallelTask, self).__init__()
        self._tasks = list(tasks)

    def do_restart(self):
        for task in self._tasks:
            task.restart()

    def do_update(self, delta):
        for task in self._tasks:
            task.update(delta)
        if all(task.is_killed for task in self._tasks):
            self.kill()


class _RepeatTask(Task):
    """Runs a task again each time it finishes, until killed."""

    def __init__(self, task):
        super(_RepeatTask, self).__init__()
        self._task = task

    def do_restart(self):
        self._task.restart()

    def do_update(self, delta):
        self._task.update(delta)
        if self._task.is_killed:
            self._task.restart()


def run(func, *a, **k):
    """A task that calls ``func(*a, **k)`` once."""
    return FuncTask(lambda: func(*a, **k))


def sequence(*tasks):
    """A task running ``tasks`` one after the other."""
    return SequenceTask(tasks)


def parallel(*tasks):
    """A task running ``tasks`` side by side."""
    return ParallelTask(tasks)


def repeat(task):
    """A task running ``task`` again and again, until killed."""
    return _RepeatTask(task)


def loop(*tasks):
    """A task running ``tasks`` in sequence again and again, until killed."""
    return repeat(sequence(*tasks))


def delay(ticks):
    """A task that waits ``ticks`` updates."""
    return DelayTask(ticks)


def wait(seconds):
    """A task that waits ``seconds`` of tick time (0.1 s per update_display)."""
    return WaitTask(seconds)


def _print_error():
    print("Error when executing task")
    traceback.print_exc()


class TaskGroup(Task):
    """A set of tasks updated together; dead tasks are dropped after each pass."""

    def __init__(self, auto_kill=False, on_error=None):
        super(TaskGroup, self).__init__()
        self._tasks = []
        self._auto_kill = auto_kill
        self._on_error = on_error or _print_error

    @property
    def count(self):
        """Number of live tasks."""
        return len([t for t in self._tasks if not t.is_killed])

    def add(self, task):
        """Add a task (or a plain callable, wrapped as a one-shot task); returns the task."""
        if not isinstance(task, Task):
            task = run(task)
        if isinstance(task, TaskGroup) and task._on_error is _print_error:
            task._on_error = self._on_error
        self._tasks.append(task)
        return task

    def clear(self):
        """Kill and drop every task."""
        for task in self._tasks:
            task.kill()
        self._tasks = []

    def do_update(self, delta):
        # Iterating the live list visits tasks appended during this pass.
        for task in self._tasks:
            if task.is_killed:
                continue
            try:
                task.update(delta)
            except Exception:
                self._on_error()
                task.kill()
        # Drop dead tasks in place, from the end: a task another thread appends meanwhile (a
        # script's server thread calling schedule_message) is never lost.
        tasks = self._tasks
        for i in range(len(tasks) - 1, -1, -1):
            if tasks[i].is_killed:
                del tasks[i]
        if self._auto_kill and not self._tasks:
            self.kill()
