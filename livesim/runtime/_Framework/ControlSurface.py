"""``_Framework.ControlSurface``: the legacy base class (``song()``/``application()`` are methods)."""
import contextlib
import logging

from ableton.v2.base.event import has_listener_api
from ableton.v2.control_surface.control_surface import SimpleControlSurface, _get_application

logger = logging.getLogger(__name__)


class ControlSurface(SimpleControlSurface):
    """Legacy control surface; follows the track list, scenes and selection through hooks."""

    _SONG_LISTENERS = (("visible_tracks", "_on_track_list_changed"), ("scenes", "_on_scene_list_changed"))
    _VIEW_LISTENERS = (("selected_track", "_on_selected_track_changed"),
                       ("selected_scene", "_on_selected_scene_changed"))

    def __init__(self, c_instance=None, *a, **k):
        self._components_to_grab_layers = []
        super(ControlSurface, self).__init__(c_instance, *a, **k)
        self._highlighting_session_component = None
        self._device_component = None
        self._device_selection_follows_track_selection = False
        self._legacy_listeners = []
        self.log_message("Initializing...")
        song = c_instance.song()
        view = getattr(song, "view", None)
        for subject, table in ((song, self._SONG_LISTENERS), (view, self._VIEW_LISTENERS)):
            for prop, hook in table:
                if has_listener_api(subject, prop):
                    listener = getattr(self, hook)
                    getattr(subject, "add_%s_listener" % prop)(listener)
                    self._legacy_listeners.append((subject, prop, listener))

    def song(self):
        """The current Live.Song.Song."""
        return self._c_instance.song()

    def application(self):
        """Live.Application.Application."""
        return _get_application()

    def log_message(self, *message):
        """Write ``(ClassName) message`` to Live's log."""
        text = "(%s) %s" % (self.__class__.__name__, " ".join(map(str, message)))
        logger.info(text)
        if self._c_instance is not None:
            self._c_instance.log_message(text)

    def set_highlighting_session_component(self, session_component):
        """Let Live highlight ``session_component``'s box (the red ring) from now on."""
        if self._highlighting_session_component is not None:
            self._highlighting_session_component.set_highlighting_callback(None)
        self._highlighting_session_component = session_component
        session_component.set_highlighting_callback(self._set_session_highlight)

    @contextlib.contextmanager
    def component_guard(self):
        """The framework's guard; components built in it grab their layers when it ends."""
        with super(ControlSurface, self).component_guard():
            yield
            if self._guard_depth == 1:
                pending, self._components_to_grab_layers = self._components_to_grab_layers, []
                for component in pending:
                    component._grab_layer()

    def _register_component(self, component):
        super(ControlSurface, self)._register_component(component)
        if getattr(component, "_layer", None) is not None and hasattr(component, "_grab_layer"):
            self._components_to_grab_layers.append(component)

    @property
    def _tasks(self):
        """The surface's task group, updated every tick."""
        return self._task_group

    # --- the device component Live locks -----------------------------------------------------
    def set_device_component(self, device_component):
        """Let Live lock ``device_component`` to a device (the lock button toggles Live's lock)."""
        self._device_component = device_component
        device_component.set_lock_callback(self._toggle_lock)
        self._c_instance.update_locks()

    def set_pad_translations(self, pad_translations):
        """Install drum pad translations (tuples of ``(x, y, note, channel)``) in Live."""
        self._set_pad_translations(pad_translations)

    def _toggle_lock(self):
        self._c_instance.toggle_lock()

    def can_lock_to_devices(self):
        """Whether a device component is set."""
        return self._device_component is not None

    def lock_to_device(self, device):
        """Live locks the surface to ``device``."""
        if self._device_component is not None:
            self._device_component.set_lock_to_device(True, device)

    def unlock_from_device(self, device):
        """Live releases the lock."""
        if self._device_component is not None:
            self._device_component.set_lock_to_device(False, device)

    def restore_bank(self, bank_index):
        """Live restores the locked device's bank."""
        if self._device_component is not None:
            self._device_component.restore_bank(bank_index)

    def _update_device_selection(self):
        # With _device_selection_follows_track_selection: the selected track's selected (or
        # first) device is selected in Live and shown on the device component.
        track = self.song().view.selected_track
        device = track.view.selected_device
        if device is None and len(track.devices) > 0:
            device = track.devices[0]
        if device is not None:
            self.song().view.select_device(device)
        if self._device_component is not None:
            self._device_component.set_device(device)

    def _set_session_highlight(self, track_offset, scene_offset, width, height, include_return_tracks):
        self._c_instance.set_session_highlight(track_offset, scene_offset, width, height, include_return_tracks)

    def _components_hook(self, hook):
        with self.component_guard():
            for component in self.components:
                method = getattr(component, hook, None)
                if method is not None:
                    method()

    def _on_track_list_changed(self):
        """The visible track list changed: each component's ``on_track_list_changed``."""
        self._components_hook("on_track_list_changed")

    def _on_scene_list_changed(self):
        """The scene list changed: each component's ``on_scene_list_changed``."""
        self._components_hook("on_scene_list_changed")

    def _on_selected_track_changed(self):
        """Another track was selected: each component's ``on_selected_track_changed``."""
        if self._device_selection_follows_track_selection:
            self._update_device_selection()
        self._components_hook("on_selected_track_changed")

    def _on_selected_scene_changed(self):
        """Another scene was selected: each component's ``on_selected_scene_changed``."""
        self._components_hook("on_selected_scene_changed")

    def disconnect(self):
        """Remove the listeners, then tear down as the base class does."""
        for subject, prop, listener in self._legacy_listeners:
            try:
                getattr(subject, "remove_%s_listener" % prop)(listener)
            except RuntimeError:
                pass  # the subject is gone
        self._legacy_listeners = []
        self._device_component = None
        if self._highlighting_session_component is not None:
            # The ring disappears with the script that showed it.
            self._highlighting_session_component.set_highlighting_callback(None)
            self._highlighting_session_component = None
            self._c_instance.set_session_highlight(-1, -1, -1, -1, False)
        super(ControlSurface, self).disconnect()
