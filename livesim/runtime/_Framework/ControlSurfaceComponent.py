"""``_Framework.ControlSurfaceComponent``: the legacy component (``song()`` is a method)."""
from ableton.v2.base.dependency import depends
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
        register_component(self)

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
        """Release what the component holds: its subject slots and listeners."""
        super(ControlSurfaceComponent, self).disconnect()
