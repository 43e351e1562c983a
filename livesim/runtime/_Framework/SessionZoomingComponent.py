"""``_Framework.SessionZoomingComponent``: the session overview on a button matrix.

While zoomed out (the zoom button held, or toggled by a toggle button) the session is
disabled and each matrix button stands for a block of the set the size of the session ring:
button (x, y) is tracks ``x * width ...`` and scenes ``y * height ...``.  Pressing it moves the
ring there.  A block shows the selected value where the ring is, the playing value if one of
its clips plays, the stopped value if it holds clips, the empty value if it holds none, and is
off outside the set.
"""
from .CompoundComponent import CompoundComponent
from .SubjectSlot import subject_slot
from ._feedback import show_value


class SessionZoomingComponent(CompoundComponent):
    """The overview of ``session`` (a SessionComponent)."""

    def __init__(self, session=None, enable_skinning=False, *a, **k):
        super(SessionZoomingComponent, self).__init__(*a, **k)
        self._session = session
        self._is_zoomed_out = False
        self._empty_value = 0
        self._stopped_value = 100
        self._playing_value = 127
        self._selected_value = 64
        self.register_slot(session, self._on_session_offset_changed, "offset")

    def set_button_matrix(self, buttons):
        """The matrix showing the blocks."""
        self._matrix_value.subject = buttons
        self.update()

    def set_zoom_button(self, button):
        """Held (or toggled) to show the overview."""
        self._zoom_value.subject = button
        self._is_zoomed_out = False
        self.update()

    def set_empty_value(self, value):
        """A block without clips."""
        self._empty_value = value

    def set_stopped_value(self, value):
        """A block with clips, none playing."""
        self._stopped_value = value

    def set_playing_value(self, value):
        """A block with a playing clip."""
        self._playing_value = value

    def set_selected_value(self, value):
        """The block the ring is on."""
        self._selected_value = value

    def is_zoomed_out(self):
        """Whether the overview is shown."""
        return self._is_zoomed_out

    @subject_slot("value")
    def _zoom_value(self, value):
        if not self.is_enabled():
            return
        button = self._zoom_value.subject
        if button.is_momentary():
            zoomed = value != 0
        elif value != 0:
            zoomed = not self._is_zoomed_out
        else:
            return
        if zoomed != self._is_zoomed_out:
            self._is_zoomed_out = zoomed
            self._session.set_enabled(not zoomed)
            self.update()

    @subject_slot("value")
    def _matrix_value(self, value, x, y, is_momentary):
        if self.is_enabled() and self._is_zoomed_out and (value != 0 or not is_momentary):
            width, height = self._session.width(), self._session.height()
            self._session.set_offsets(x * width, y * height)

    def _on_session_offset_changed(self):
        self.update()

    def _block_value(self, x, y):
        session = self._session
        width, height = session.width(), session.height()
        tracks = session.tracks_to_use()
        num_scenes = len(self.song().scenes)
        first_track, first_scene = x * width, y * height
        if first_track >= len(tracks) or first_scene >= num_scenes:
            return None
        if first_track == session.track_offset() and first_scene == session.scene_offset():
            return self._selected_value
        has_clips = False
        for track in tracks[first_track:first_track + width]:
            for slot in track.clip_slots[first_scene:first_scene + height]:
                if slot.has_clip:
                    if slot.clip.is_playing:
                        return self._playing_value
                    has_clips = True
        return self._stopped_value if has_clips else self._empty_value

    def update(self):
        """Show the overview while zoomed out."""
        matrix = self._matrix_value.subject
        if not (self.is_enabled() and self._is_zoomed_out and matrix is not None):
            return
        for button, (x, y) in matrix.iterbuttons():
            if button is not None:
                show_value(button, self._block_value(x, y))
