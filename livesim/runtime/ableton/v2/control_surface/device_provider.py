"""``DeviceProvider``: follows the selected track's selected device and appoints it.

Like Ableton's, it listens to ``song.appointed_device``, ``song.view.selected_track`` and the
selected track's ``view.selected_device`` and writes ``song.appointed_device``.  It touches
only what the model offers, so a partial model does not stop a surface from starting.
"""
from ..base.event import disconnect_listeners, has_listener_api, listens


def _offering(subject, event):
    return subject if has_listener_api(subject, event) else None


class DeviceProvider(object):
    """Keeps ``device`` in step with Live's selection."""

    def __init__(self, song=None, *a, **k):
        super(DeviceProvider, self).__init__(*a, **k)
        self._song = song
        self._device = None
        self._locked = False
        self._on_appointed_device_changed.subject = _offering(song, "appointed_device")
        self._on_selected_track_changed.subject = _offering(getattr(song, "view", None), "selected_track")
        self._listen_to_selected_track()
        self.update_device_selection()

    @property
    def device(self):
        """The device currently provided."""
        return self._device

    @property
    def is_locked_to_device(self):
        """True while locked."""
        return self._locked

    def lock_to_device(self, device):
        """Provide ``device`` regardless of selection."""
        self._locked = True
        self._device = device

    def unlock_from_device(self, device):
        """Follow the selection again."""
        self._locked = False
        self.update_device_selection()

    def _selected_track(self):
        return getattr(getattr(self._song, "view", None), "selected_track", None)

    def _listen_to_selected_track(self):
        track_view = getattr(self._selected_track(), "view", None)
        self._on_selected_device_changed.subject = _offering(track_view, "selected_device")

    @listens("appointed_device")
    def _on_appointed_device_changed(self):
        if not self._locked:
            self._device = getattr(self._song, "appointed_device", None)

    @listens("selected_track")
    def _on_selected_track_changed(self):
        self._listen_to_selected_track()
        self.update_device_selection()

    @listens("selected_device")
    def _on_selected_device_changed(self):
        self.update_device_selection()

    def update_device_selection(self):
        """Appoint the selected track's selected device (or its first device)."""
        track = self._selected_track()
        if track is None or self._locked:
            return
        device = getattr(getattr(track, "view", None), "selected_device", None)
        devices = getattr(track, "devices", None)
        if device is None and devices is not None and len(devices) > 0:
            device = devices[0]
        song_view = getattr(self._song, "view", None)
        if device is not None and hasattr(song_view, "select_device"):
            song_view.select_device(device, False)
        if hasattr(self._song, "appointed_device") and getattr(self._song, "appointed_device") != device:
            self._song.appointed_device = device
        self._device = device

    def disconnect(self):
        """Remove every listener."""
        disconnect_listeners(self)
