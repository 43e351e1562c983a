"""``_Framework.SessionComponent``: the session ring, the box of tracks x scenes a controller shows.

The box starts at (track 0, scene 0) and is ``num_tracks`` wide and ``num_scenes`` high.
``set_offsets`` moves it over ``song.visible_tracks`` and ``song.scenes``; as in Live's
framework an offset at or past the end of its list is ignored (that axis keeps its offset), and
a negative one is an AssertionError.  The surface passes the component to
``set_highlighting_session_component``; from then on every move redraws the box Live
highlights (``c_instance.set_session_highlight``).  Listeners of ``offset`` are called after
each move.  Buttons, scene and clip slot components are not modelled.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent


class SessionComponent(ControlSurfaceComponent):
    """A session ring of ``num_tracks`` x ``num_scenes``; build it inside ``component_guard()``."""

    def __init__(self, num_tracks=0, num_scenes=0, auto_name=False, enable_skinning=False, *a, **k):
        super(SessionComponent, self).__init__(*a, **k)
        if num_tracks < 0 or num_scenes < 0:
            raise AssertionError("a session ring cannot have a negative size")
        self._num_tracks = num_tracks
        self._num_scenes = num_scenes
        self._track_offset = 0
        self._scene_offset = 0
        self._show_highlight = num_tracks > 0 and num_scenes > 0
        self._highlighting_callback = None
        self._offset_listeners = []

    # --- the box ---------------------------------------------------------------------
    def width(self):
        """Number of tracks in the box."""
        return self._num_tracks

    def height(self):
        """Number of scenes in the box."""
        return self._num_scenes

    def track_offset(self):
        """Index of the box's first track in ``tracks_to_use()``."""
        return self._track_offset

    def scene_offset(self):
        """Index of the box's first scene."""
        return self._scene_offset

    def tracks_to_use(self):
        """The tracks the box moves over: the song's visible tracks."""
        return self.song().visible_tracks

    def set_offsets(self, track_offset, scene_offset):
        """Move the box; an offset at or past the end of its list leaves that axis where it is."""
        if track_offset < 0 or scene_offset < 0:
            raise AssertionError("session offsets must be >= 0")
        track_increment = scene_increment = 0
        if len(self.tracks_to_use()) > track_offset:
            track_increment = track_offset - self._track_offset
        if len(self.song().scenes) > scene_offset:
            scene_increment = scene_offset - self._scene_offset
        if track_increment or scene_increment:
            self._track_offset += track_increment
            self._scene_offset += scene_increment
            self.notify_offset()
            self._do_show_highlight()

    # --- the highlight ---------------------------------------------------------------
    def set_show_highlight(self, show_highlight):
        """Show or hide the box in Live."""
        if self._show_highlight != bool(show_highlight):
            self._show_highlight = bool(show_highlight)
            self._do_show_highlight()

    def set_highlighting_callback(self, callback):
        """Called by the surface: ``callback(track, scene, width, height, include_returns)`` draws the box."""
        if self._highlighting_callback != callback:
            self._highlighting_callback = callback
            self._do_show_highlight()

    def _do_show_highlight(self):
        if self._highlighting_callback is None:
            return
        return_tracks = self.song().return_tracks
        include_returns = len(return_tracks) > 0 and return_tracks[0] in self.tracks_to_use()
        if self._show_highlight:
            self._highlighting_callback(self._track_offset, self._scene_offset, self._num_tracks,
                                        self._num_scenes, include_returns)
        else:
            self._highlighting_callback(-1, -1, -1, -1, include_returns)

    def on_track_list_changed(self):
        """The track list changed: redraw the box."""
        self._do_show_highlight()

    def on_scene_list_changed(self):
        """The scene list changed: redraw the box."""
        self._do_show_highlight()

    # --- the offset event ------------------------------------------------------------
    def add_offset_listener(self, listener, identify_sender=False):
        """Call ``listener()`` (``listener(self)`` with ``identify_sender``) after every move."""
        if self.offset_has_listener(listener):
            raise RuntimeError("Listener already added")
        self._offset_listeners.append((listener, identify_sender))

    def remove_offset_listener(self, listener):
        """Stop calling ``listener``."""
        for entry in self._offset_listeners:
            if entry[0] == listener:
                self._offset_listeners.remove(entry)
                return
        raise RuntimeError("Listener not connected")

    def offset_has_listener(self, listener):
        """Whether ``listener`` listens to moves."""
        return any(entry[0] == listener for entry in self._offset_listeners)

    def notify_offset(self):
        """Call the offset listeners."""
        for listener, identify_sender in list(self._offset_listeners):
            if identify_sender:
                listener(self)
            else:
                listener()

    def disconnect(self):
        """Forget listeners and the highlighting callback."""
        self._offset_listeners = []
        self._highlighting_callback = None
        super(SessionComponent, self).disconnect()
