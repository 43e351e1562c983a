"""``Component``: a part of a control surface, registered with it at construction."""
from ..base.dependency import DependencyError, depends, get_dependency
from ..base.event import disconnect_listeners
from ..base.task import TaskGroup


class _ComponentTasks(object):
    """A component's tasks: a child of the surface's task group, made on first use (updated every tick)."""

    _tasks_group = None
    _parent_task_group = None

    def _join_surface_tasks(self):
        # The surface under construction provides its task group (none outside a component guard).
        try:
            self._parent_task_group = get_dependency("parent_task_group")
        except DependencyError:
            self._parent_task_group = None

    @property
    def _tasks(self):
        if self._tasks_group is None:
            self._tasks_group = TaskGroup()
            if self._parent_task_group is not None:
                self._parent_task_group.add(self._tasks_group)
        return self._tasks_group

    def _end_tasks(self):
        if self._tasks_group is not None:
            self._tasks_group.kill()
            self._tasks_group = None


class Component(_ComponentTasks):
    """Must be constructed inside ``surface.component_guard()``, which provides its dependencies."""

    @depends(register_component=None, song=None)
    def __init__(self, name="", parent=None, register_component=None, song=None, layer=None, is_enabled=True,
                 *a, **k):
        super(Component, self).__init__(*a, **k)
        self.name = name
        self._parent = parent
        self._song = song
        self._layer = layer
        self._is_enabled = is_enabled
        self._join_surface_tasks()
        register_component(self)

    @property
    def song(self):
        """The Live.Song.Song this component works on."""
        return self._song

    @property
    def application(self):
        """Live.Application.Application."""
        import Live

        return Live.Application.get_application()

    @property
    def canonical_parent(self):
        """The parent component, if any."""
        return self._parent

    @property
    def parent(self):
        """The parent component, if any."""
        return self._parent

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
        """Refresh what this component shows; subclasses override."""

    def disconnect(self):
        """Release what the component holds: its listeners and tasks."""
        disconnect_listeners(self)
        self._end_tasks()
