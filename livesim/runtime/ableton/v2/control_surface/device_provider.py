"""``DeviceProvider``: follows the selected track's selected device and appoints it.

Like Ableton's, it listens to ``song.appointed_device``, ``song.view.selected_track`` and the
selected track's ``view.selected_device`` and writes ``song.appointed_device``.  It touches
only what the model offers, so a partial model does not stop a surface from starting.
"""


def _has_listener_api(obj, name):
    return obj is not None and hasattr(obj, "add_%s_listener" % name) and hasattr(obj, "remove_%s_listener" % name)


class DeviceProvider(object):
    """Keeps ``device`` in step with Live's selection."""

    def __init__(self, song=None, *a, **k):
        super(DeviceProvider, self).__init__(*a, **k)
        self._song = song
        self._device = None
        self._locked = False
        self._subscriptions = []
        self._track_view = None
        self._subscribe(song, "appointed_device", self._on_appointed_device_changed)
        view = getattr(song, "view", None)
        self._subscribe(view, "selected_track", self._on_selected_track_changed)
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

    def _subscribe(self, subject, name, listener):
        if _has_listener_api(subject, name):
            getattr(subject, "add_%s_listener" % name)(listener)
            self._subscriptions.append((subject, name, listener))

    def _unsubscribe(self, subject, name, listener):
        entry = (subject, name, listener)
        for i, (s, n, cb) in enumerate(self._subscriptions):
            if s is subject and n == name and cb == listener:
                del self._subscriptions[i]
                try:
                    getattr(s, "remove_%s_listener" % n)(cb)
                except RuntimeError:
                    pass  # the subject was deleted with its listeners
                return entry
        return None

    def _selected_track(self):
        view = getattr(self._song, "view", None)
        return getattr(view, "selected_track", None)

    def _listen_to_selected_track(self):
        if self._track_view is not None:
            self._unsubscribe(self._track_view, "selected_device", self._on_selected_device_changed)
            self._track_view = None
        track = self._selected_track()
        track_view = getattr(track, "view", None) if track is not None else None
        if _has_listener_api(track_view, "selected_device"):
            self._track_view = track_view
            self._subscribe(track_view, "selected_device", self._on_selected_device_changed)

    def _on_appointed_device_changed(self):
        if not self._locked:
            self._device = getattr(self._song, "appointed_device", None)

    def _on_selected_track_changed(self):
        self._listen_to_selected_track()
        self.update_device_selection()

    def _on_selected_device_changed(self):
        self.update_device_selection()

    def update_device_selection(self):
        """Appoint the selected track's selected device (or its first device)."""
        track = self._selected_track()
        if track is None or self._locked:
            return
        track_view = getattr(track, "view", None)
        device = getattr(track_view, "selected_device", None)
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
        for subject, name, listener in list(self._subscriptions):
            self._unsubscribe(subject, name, listener)
        self._subscriptions = []
        self._track_view = None
