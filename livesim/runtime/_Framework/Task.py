"""``_Framework.Task``: tasks advanced once per ``update_display`` tick (as ``ableton.v2.base.task``).

A component's ``_tasks`` (and the surface's) is a TaskGroup updated every tick:
``self._tasks.add(Task.sequence(Task.wait(0.5), Task.run(self._blink)))``.
"""
from ableton.v2.base.task import (KILLED, PAUSED, RUNNING, DelayTask, FuncTask, ParallelTask,  # noqa: F401
                                  SequenceTask, Task, TaskGroup, WaitTask, delay, loop, parallel, repeat, run,
                                  sequence, wait)
