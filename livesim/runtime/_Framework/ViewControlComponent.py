"""``_Framework.ViewControlComponent``: buttons that move Live's track and scene selection."""
from .ControlSurfaceComponent import ControlSurfaceComponent
from .SubjectSlot import subject_slot


class ViewControlComponent(ControlSurfaceComponent):
    """Next/previous track (returns and the main track included) and scene; lit while they can move."""

    def set_next_track_button(self, button):
        """Select the track after the selected one."""
        self._next_track_value.subject = button
        self.update()

    def set_prev_track_button(self, button):
        """Select the track before the selected one."""
        self._prev_track_value.subject = button
        self.update()

    def set_next_scene_button(self, button):
        """Select the scene after the selected one."""
        self._next_scene_value.subject = button
        self.update()

    def set_prev_scene_button(self, button):
        """Select the scene before the selected one."""
        self._prev_scene_value.subject = button
        self.update()

    def _tracks(self):
        song = self.song()
        return list(song.visible_tracks) + list(song.return_tracks) + [song.master_track]

    def _neighbour(self, items, selected, step):
        if selected in items:
            index = items.index(selected) + step
            if 0 <= index < len(items):
                return items[index]
        return None

    def _scroll_track(self, step):
        view = self.song().view
        track = self._neighbour(self._tracks(), view.selected_track, step)
        if track is not None:
            view.selected_track = track

    def _scroll_scene(self, step):
        view = self.song().view
        scene = self._neighbour(list(self.song().scenes), view.selected_scene, step)
        if scene is not None:
            view.selected_scene = scene

    def _pressed(self, slot, value):
        return self.is_enabled() and (value != 0 or not slot.subject.is_momentary())

    @subject_slot("value")
    def _next_track_value(self, value):
        if self._pressed(self._next_track_value, value):
            self._scroll_track(1)

    @subject_slot("value")
    def _prev_track_value(self, value):
        if self._pressed(self._prev_track_value, value):
            self._scroll_track(-1)

    @subject_slot("value")
    def _next_scene_value(self, value):
        if self._pressed(self._next_scene_value, value):
            self._scroll_scene(1)

    @subject_slot("value")
    def _prev_scene_value(self, value):
        if self._pressed(self._prev_scene_value, value):
            self._scroll_scene(-1)

    def on_selected_track_changed(self):
        """The selection moved: refresh the lights."""
        self.update()

    def on_selected_scene_changed(self):
        """The selection moved: refresh the lights."""
        self.update()

    def on_track_list_changed(self):
        """Tracks came or went: refresh the lights."""
        self.update()

    def on_scene_list_changed(self):
        """Scenes came or went: refresh the lights."""
        self.update()

    def update(self):
        """Light each button whose move is possible."""
        if not self.is_enabled():
            return
        view = self.song().view
        tracks, scenes = self._tracks(), list(self.song().scenes)
        for slot, items, selected, step in (
                (self._next_track_value, tracks, view.selected_track, 1),
                (self._prev_track_value, tracks, view.selected_track, -1),
                (self._next_scene_value, scenes, view.selected_scene, 1),
                (self._prev_scene_value, scenes, view.selected_scene, -1)):
            if slot.subject is not None:
                slot.subject.set_light(self._neighbour(items, selected, step) is not None)
