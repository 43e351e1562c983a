"""``_Framework.ControlSurfaceComponent``: the legacy component (``song()`` is a method)."""
from ableton.v2.base.dependency import depends
from ableton.v2.control_surface.component import _ComponentTasks
from ableton.v2.control_surface.control_surface import _get_application

from .SubjectSlot import SlotManager, Subject


class ControlSurfaceComponent(SlotManager, Subject, _ComponentTasks):
    """Must be constructed inside ``surface.component_guard()``; its subject slots end with it."""

    @depends(register_component=None, song=None)
    def __init__(self, name="", register_component=None, song=None, layer=None, is_enabled=True, *a, **k):
        super(ControlSurfaceComponent, self).__init__(*a, **k)
        self.name = name
        self._song = song
        self._layer = layer
        self._has_layer = False
        self._is_enabled = is_enabled
        self._join_surface_tasks()
        register_component(self)

    # --- the layer ---------------------------------------------------------------------------
    @property
    def layer(self):
        """The Layer of controls the component owns while enabled (None: none)."""
        return self._layer

    @layer.setter
    def layer(self, new_layer):
        if new_layer is not self._layer:
            self._release_layer()
            self._layer = new_layer
            self._grab_layer()

    def _grab_layer(self):
        # A layer given to the constructor is grabbed when the surface's guard ends, once the
        # component is whole.
        if self._layer is not None and self._is_enabled and not self._has_layer:
            self._has_layer = True
            self._layer.grab(self)

    def _release_layer(self):
        if self._layer is not None and self._has_layer:
            self._has_layer = False
            self._layer.release(self)

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
            if enable:
                self._grab_layer()
            else:
                self._release_layer()
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
        """Release what the component holds: its layer, subject slots, listeners and tasks."""
        self._release_layer()
        self._end_tasks()
        super(ControlSurfaceComponent, self).disconnect()
