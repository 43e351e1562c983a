"""``_Framework.ControlSurfaceComponent``: the legacy component (``song()`` is a method)."""
from ableton.v2.base.dependency import DependencyError, depends, get_dependency
from ableton.v2.base.task import TaskGroup
from ableton.v2.control_surface.control_surface import _get_application

from .SubjectSlot import SlotManager, Subject


class ControlSurfaceComponent(SlotManager, Subject):
    """Must be constructed inside ``surface.component_guard()``; its subject slots end with it."""

    @depends(register_component=None, song=None)
    def __init__(self, name="", register_component=None, song=None, layer=None, is_enabled=True, *a, **k):
        super(ControlSurfaceComponent, self).__init__(*a, **k)
        self.name = name
        self._song = song
        self._layer = layer
        self._is_enabled = is_enabled
        self._tasks_group = None
        try:
            self._parent_task_group = get_dependency("parent_task_group")
        except DependencyError:
            self._parent_task_group = None
        register_component(self)

    @property
    def _tasks(self):
        # A child of the surface's task group, made on first use: updated every tick.
        if self._tasks_group is None:
            self._tasks_group = TaskGroup()
            if self._parent_task_group is not None:
                self._parent_task_group.add(self._tasks_group)
        return self._tasks_group

    def song(self):
        """The Live.Song.Song."""
        return self._song

    def application(self):
        """Live.Application.Application."""
        return _get_application()

    def is_enabled(self):
        """Whether the component is enabled."""
        return self._is_enabled

    def set_enabled(self, enable):
        """Enable or disable, then update."""
        enable = bool(enable)
        if enable != self._is_enabled:
            self._is_enabled = enable
            self.on_enabled_changed()
            self.update()

    def on_enabled_changed(self):
        """Hook for subclasses."""

    def update(self):
        """Refresh; subclasses override."""

    def on_track_list_changed(self):
        """Hook: the surface saw the visible track list change."""

    def on_scene_list_changed(self):
        """Hook: the surface saw the scene list change."""

    def on_selected_track_changed(self):
        """Hook: the surface saw another track selected."""

    def on_selected_scene_changed(self):
        """Hook: the surface saw another scene selected."""

    def disconnect(self):
        """Release what the component holds: its subject slots, listeners and tasks."""
        if self._tasks_group is not None:
            self._tasks_group.kill()
            self._tasks_group = None
        super(ControlSurfaceComponent, self).disconnect()
