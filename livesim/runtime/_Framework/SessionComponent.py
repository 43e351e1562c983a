"""``_Framework.SessionComponent``: the session ring, the box of tracks x scenes a controller shows.

The box starts at (track 0, scene 0) and is ``num_tracks`` wide and ``num_scenes`` high.
``set_offsets`` moves it over ``song.visible_tracks`` and ``song.scenes``; as in Live's
framework an offset at or past the end of its list is ignored (that axis keeps its offset), and
a negative one is an AssertionError.  The surface passes the component to
``set_highlighting_session_component``; from then on every move redraws the box Live
highlights (``c_instance.set_session_highlight``).  Listeners of ``offset`` are called after
each move.

Inside the box: one SceneComponent per row (``scene(i)``) holding one ClipSlotComponent per
column, launch buttons for clips (a ButtonMatrixElement) and scenes, stop buttons per track and
for all clips, bank buttons that move the box, and a mixer (``set_mixer``) whose strips follow
the box's track offset.
"""
from .CompoundComponent import CompoundComponent
from .SceneComponent import SceneComponent
from .SubjectSlot import subject_slot, subject_slot_group
from ._feedback import show_value


def _in_order(buttons):
    # A ButtonMatrixElement (row by row) or, as older scripts pass, a tuple of buttons.
    if buttons is None:
        return []
    if hasattr(buttons, "iterbuttons"):
        return [button for button, _ in buttons.iterbuttons()]
    return list(buttons)


class SessionComponent(CompoundComponent):
    """A session ring of ``num_tracks`` x ``num_scenes``; build it inside ``component_guard()``."""

    __subject_events__ = ("offset",)
    scene_component_type = SceneComponent

    def __init__(self, num_tracks=0, num_scenes=0, auto_name=False, enable_skinning=False, *a, **k):
        super(SessionComponent, self).__init__(*a, **k)
        if num_tracks < 0 or num_scenes < 0:
            raise AssertionError("a session ring cannot have a negative size")
        self._num_tracks = num_tracks
        self._num_scenes = num_scenes
        self._track_offset = 0
        self._scene_offset = 0
        self._track_banking_increment = 1
        self._show_highlight = num_tracks > 0 and num_scenes > 0
        self._highlighting_callback = None
        self._mixer = None
        self._stop_track_clip_buttons = []
        self._stop_clip_value = 127
        self._stop_clip_triggered_value = 127
        self._selected_scene = self._create_scene()
        self._scenes = [self._create_scene() for _ in range(num_scenes)]
        self.register_components(self._selected_scene, *self._scenes)
        self._reassign_scenes()
        self._reassign_tracks()
        self.on_selected_scene_changed()

    def _create_scene(self):
        """A new row of ``scene_component_type``."""
        return self.scene_component_type(num_slots=self._num_tracks, tracks_to_use_callback=self.tracks_to_use)

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

    def scene(self, index):
        """The SceneComponent of row ``index``."""
        return self._scenes[index]

    def selected_scene(self):
        """The SceneComponent following the selected scene."""
        return self._selected_scene

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
            self._reassign_scenes()
            self._reassign_tracks()
            self.notify_offset()
            self._do_show_highlight()

    def set_track_banking_increment(self, increment):
        """How many tracks the track bank buttons move the box."""
        if increment <= 0:
            raise AssertionError("the banking increment must be > 0")
        self._track_banking_increment = increment

    def set_mixer(self, mixer):
        """Let ``mixer``'s strips follow the box's track offset (None: stop)."""
        self._mixer = mixer
        if mixer is not None:
            mixer.set_track_offset(self._track_offset)

    def _reassign_scenes(self):
        scenes = self.song().scenes
        for index, scene in enumerate(self._scenes):
            scene_index = self._scene_offset + index
            scene.set_scene(scenes[scene_index] if scene_index < len(scenes) else None)
            scene.set_track_offset(self._track_offset)
        self._selected_scene.set_track_offset(self._track_offset)
        self._update_bank_lights()

    def _reassign_tracks(self):
        tracks = self.tracks_to_use()
        box = tracks[self._track_offset:self._track_offset + self._num_tracks]
        self._on_fired_slot_index_changed.replace_subjects(box, range(len(box)))
        self._on_playing_slot_index_changed.replace_subjects(box, range(len(box)))
        if self._mixer is not None:
            self._mixer.set_track_offset(self._track_offset)
        self._update_stop_track_lights()
        self._update_bank_lights()

    # --- launch buttons ----------------------------------------------------------------
    def set_clip_launch_buttons(self, buttons):
        """A ButtonMatrixElement of ``width() x height()``: button (x, y) launches slot x of row y."""
        if buttons is not None and (buttons.width() != self._num_tracks or buttons.height() != self._num_scenes):
            raise AssertionError("the clip launch matrix must be %d x %d" % (self._num_tracks, self._num_scenes))
        for y, scene in enumerate(self._scenes):
            for x in range(self._num_tracks):
                scene.clip_slot(x).set_launch_button(buttons.get_button(x, y) if buttons is not None else None)

    def set_scene_launch_buttons(self, buttons):
        """One button per row (a one-row ButtonMatrixElement or a tuple), launching its scene."""
        buttons = _in_order(buttons)
        for index, scene in enumerate(self._scenes):
            scene.set_launch_button(buttons[index] if index < len(buttons) else None)

    # --- scene selection -------------------------------------------------------------------
    def set_select_buttons(self, next_button, prev_button):
        """Buttons that select the next and the previous scene in Live (lit while they can)."""
        self._next_scene_value.subject = next_button
        self._prev_scene_value.subject = prev_button
        self._update_select_lights()

    def _select_scene_by(self, step):
        view = self.song().view
        scenes = list(self.song().scenes)
        if view.selected_scene in scenes:
            index = scenes.index(view.selected_scene) + step
            if 0 <= index < len(scenes):
                view.selected_scene = scenes[index]

    @subject_slot("value")
    def _next_scene_value(self, value):
        if self._pressed(self._next_scene_value.subject, value):
            self._select_scene_by(1)

    @subject_slot("value")
    def _prev_scene_value(self, value):
        if self._pressed(self._prev_scene_value.subject, value):
            self._select_scene_by(-1)

    def _update_select_lights(self):
        if not self.is_enabled():
            return
        scenes = list(self.song().scenes)
        selected = self.song().view.selected_scene
        index = scenes.index(selected) if selected in scenes else -1
        if self._next_scene_value.subject is not None:
            self._next_scene_value.subject.set_light(0 <= index < len(scenes) - 1)
        if self._prev_scene_value.subject is not None:
            self._prev_scene_value.subject.set_light(index > 0)

    # --- stop buttons --------------------------------------------------------------------
    def set_stop_all_clips_button(self, button):
        """The button that stops every clip."""
        self._stop_all_value.subject = button

    def set_stop_track_clip_buttons(self, buttons):
        """One button per column (a one-row ButtonMatrixElement or a tuple), stopping its track."""
        buttons = _in_order(buttons)
        self._stop_track_clip_buttons = buttons
        self._on_stop_track_value.replace_subjects([b for b in buttons if b is not None],
                                                   [i for i, b in enumerate(buttons) if b is not None])
        self._update_stop_track_lights()

    def set_stop_track_clip_value(self, value):
        """The value a stop button shows while its track plays a clip."""
        self._stop_clip_value = value
        self._update_stop_track_lights()

    def set_stop_clip_triggered_value(self, value):
        """The value a stop button shows while its track is about to stop."""
        self._stop_clip_triggered_value = value
        self._update_stop_track_lights()

    def _pressed(self, button, value):
        return self.is_enabled() and (value != 0 or not button.is_momentary())

    @subject_slot("value")
    def _stop_all_value(self, value):
        if self._pressed(self._stop_all_value.subject, value):
            self.song().stop_all_clips()

    @subject_slot_group("value")
    def _on_stop_track_value(self, value, index):
        tracks = self.tracks_to_use()
        track_index = self._track_offset + index
        if self._pressed(self._stop_track_clip_buttons[index], value) and track_index < len(tracks):
            tracks[track_index].stop_all_clips()

    @subject_slot_group("fired_slot_index")
    def _on_fired_slot_index_changed(self, index):
        self._update_stop_track_light(index)

    @subject_slot_group("playing_slot_index")
    def _on_playing_slot_index_changed(self, index):
        self._update_stop_track_light(index)

    def _update_stop_track_light(self, index):
        if not self.is_enabled() or index >= len(self._stop_track_clip_buttons):
            return
        button = self._stop_track_clip_buttons[index]
        if button is None:
            return
        tracks = self.tracks_to_use()
        track_index = self._track_offset + index
        value = None
        if track_index < len(tracks) and tracks[track_index].clip_slots:
            track = tracks[track_index]
            if track.fired_slot_index == -2:
                value = self._stop_clip_triggered_value
            elif track.playing_slot_index >= 0:
                value = self._stop_clip_value
        show_value(button, value)

    def _update_stop_track_lights(self):
        for index in range(len(self._stop_track_clip_buttons)):
            self._update_stop_track_light(index)

    # --- bank buttons --------------------------------------------------------------------
    def set_track_bank_buttons(self, right_button, left_button):
        """Buttons that move the box right and left by the banking increment."""
        self._bank_right_value.subject = right_button
        self._bank_left_value.subject = left_button
        self._update_bank_lights()

    def set_scene_bank_buttons(self, down_button, up_button):
        """Buttons that move the box one scene down and up."""
        self._bank_down_value.subject = down_button
        self._bank_up_value.subject = up_button
        self._update_bank_lights()

    def set_page_left_button(self, page_left_button):
        """A button that moves the box one whole width left."""
        self._page_left_value.subject = page_left_button
        self._update_bank_lights()

    def set_page_right_button(self, page_right_button):
        """A button that moves the box one whole width right."""
        self._page_right_value.subject = page_right_button
        self._update_bank_lights()

    def set_page_up_button(self, page_up_button):
        """A button that moves the box one whole height up."""
        self._page_up_value.subject = page_up_button
        self._update_bank_lights()

    def set_page_down_button(self, page_down_button):
        """A button that moves the box one whole height down."""
        self._page_down_value.subject = page_down_button
        self._update_bank_lights()

    @subject_slot("value")
    def _page_left_value(self, value):
        if self._pressed(self._page_left_value.subject, value):
            self.set_offsets(max(0, self._track_offset - self._num_tracks), self._scene_offset)

    @subject_slot("value")
    def _page_right_value(self, value):
        if self._pressed(self._page_right_value.subject, value):
            self.set_offsets(self._track_offset + self._num_tracks, self._scene_offset)

    @subject_slot("value")
    def _page_up_value(self, value):
        if self._pressed(self._page_up_value.subject, value):
            self.set_offsets(self._track_offset, max(0, self._scene_offset - self._num_scenes))

    @subject_slot("value")
    def _page_down_value(self, value):
        if self._pressed(self._page_down_value.subject, value):
            self.set_offsets(self._track_offset, self._scene_offset + self._num_scenes)

    @subject_slot("value")
    def _bank_right_value(self, value):
        if self._pressed(self._bank_right_value.subject, value):
            self.set_offsets(self._track_offset + self._track_banking_increment, self._scene_offset)

    @subject_slot("value")
    def _bank_left_value(self, value):
        if self._pressed(self._bank_left_value.subject, value):
            self.set_offsets(max(0, self._track_offset - self._track_banking_increment), self._scene_offset)

    @subject_slot("value")
    def _bank_down_value(self, value):
        if self._pressed(self._bank_down_value.subject, value):
            self.set_offsets(self._track_offset, self._scene_offset + 1)

    @subject_slot("value")
    def _bank_up_value(self, value):
        if self._pressed(self._bank_up_value.subject, value):
            self.set_offsets(self._track_offset, max(0, self._scene_offset - 1))

    def _update_bank_lights(self):
        if not self.is_enabled():
            return
        right = len(self.tracks_to_use()) > self._track_offset + 1
        down = len(self.song().scenes) > self._scene_offset + 1
        can_move = (
            (self._bank_right_value, right), (self._bank_left_value, self._track_offset > 0),
            (self._bank_down_value, down), (self._bank_up_value, self._scene_offset > 0),
            (self._page_right_value, len(self.tracks_to_use()) > self._track_offset + self._num_tracks),
            (self._page_left_value, self._track_offset > 0),
            (self._page_down_value, len(self.song().scenes) > self._scene_offset + self._num_scenes),
            (self._page_up_value, self._scene_offset > 0),
        )
        for slot, on in can_move:
            if slot.subject is not None:
                slot.subject.set_light(on)

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

    # --- what Live tells the surface -------------------------------------------------
    def on_track_list_changed(self):
        """The track list changed: reassign the box's tracks and redraw it."""
        self._reassign_scenes()
        self._reassign_tracks()
        self._do_show_highlight()

    def on_scene_list_changed(self):
        """The scene list changed: reassign the rows and redraw the box."""
        self._reassign_scenes()
        self._do_show_highlight()
        self._update_select_lights()

    def on_selected_scene_changed(self):
        """Another scene was selected: the selected scene component follows it."""
        self._selected_scene.set_scene(self.song().view.selected_scene)
        self._update_select_lights()

    def update(self):
        """Refresh the rows, the stop and the bank lights."""
        super(SessionComponent, self).update()
        self._update_stop_track_lights()
        self._update_bank_lights()
        self._update_select_lights()

    def disconnect(self):
        """Forget listeners and the highlighting callback."""
        self._highlighting_callback = None
        self._mixer = None
        super(SessionComponent, self).disconnect()
