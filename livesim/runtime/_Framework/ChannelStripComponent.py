"""``_Framework.ChannelStripComponent``: one track's controls (volume, pan, sends, mute, solo, arm, select).

Faders and knobs are mapped to the track's mixer parameters through Live's MIDI map
(``connect_to``; a new track or control asks for a rebuild).  Buttons are forwarded to the
script and change the track; their lights follow the track (mute lit while muted, unless
``set_invert_mute_feedback(True)``; solo, arm and select lit while on).
"""
from itertools import chain

from .ControlSurfaceComponent import ControlSurfaceComponent
from .SubjectSlot import subject_slot


def _release(control):
    if control is not None:
        control.release_parameter()


def _light(button, on):
    if button is not None:
        if on:
            button.turn_on()
        else:
            button.turn_off()


class ChannelStripComponent(ControlSurfaceComponent):
    """Controls for one track (None: no track, every control released and every light off)."""

    _active_instances = []

    @staticmethod
    def number_of_arms_pressed():
        """How many strips' momentary arm buttons are held."""
        return len([strip for strip in ChannelStripComponent._active_instances if strip._arm_pressed])

    @staticmethod
    def number_of_solos_pressed():
        """How many strips' momentary solo buttons are held."""
        return len([strip for strip in ChannelStripComponent._active_instances if strip._solo_pressed])

    def __init__(self, *a, **k):
        super(ChannelStripComponent, self).__init__(*a, **k)
        ChannelStripComponent._active_instances.append(self)
        self._track = None
        self._volume_control = None
        self._pan_control = None
        self._send_controls = []
        self._invert_mute_feedback = False
        self._shift_pressed = False
        self._solo_pressed = False
        self._arm_pressed = False
        self._on_selected_track_changed_in_live.subject = self.song().view

    # --- the track -------------------------------------------------------------------------
    def set_track(self, track):
        """Control ``track`` (a Live.Track.Track, or None)."""
        for control in [self._volume_control, self._pan_control] + list(self._send_controls):
            _release(control)
        self._track = track
        is_master = track is not None and track == self.song().master_track
        self._on_mute_changed.subject = track if not is_master else None
        self._on_solo_changed.subject = track if not is_master else None
        armable = track is not None and track in self.song().tracks and track.can_be_armed
        self._on_arm_changed.subject = track if armable else None
        self.update()

    def track(self):
        """The track controlled (None: none)."""
        return self._track

    def set_invert_mute_feedback(self, invert_feedback):
        """Light the mute button while the track plays instead of while it is muted."""
        self._invert_mute_feedback = bool(invert_feedback)
        self._update_mute_light()

    # --- the controls ----------------------------------------------------------------------
    def set_volume_control(self, control):
        """The fader mapped to the track's volume."""
        if control is not self._volume_control:
            _release(self._volume_control)
            self._volume_control = control
            self.update()

    def set_pan_control(self, control):
        """The knob mapped to the track's panning."""
        if control is not self._pan_control:
            _release(self._pan_control)
            self._pan_control = control
            self.update()

    def set_send_controls(self, controls):
        """The knobs mapped to the track's sends, in order (None: no send controls)."""
        for control in self._send_controls:
            _release(control)
        self._send_controls = list(controls or [])
        self.update()

    def set_mute_button(self, button):
        """The button that mutes and unmutes the track."""
        self._mute_value.subject = button
        self.update()

    def set_solo_button(self, button):
        """The button that solos the track (exclusively when the song's exclusive solo is on)."""
        self._solo_value.subject = button
        self._solo_pressed = False
        self.update()

    def set_arm_button(self, button):
        """The button that arms the track (exclusively when the song's exclusive arm is on)."""
        self._arm_value.subject = button
        self._arm_pressed = False
        self.update()

    def set_select_button(self, button):
        """The button that selects the track."""
        self._select_value.subject = button
        self.update()

    def set_shift_button(self, button):
        """While held, solo and arm do the opposite of the song's exclusive setting."""
        self._shift_value.subject = button
        self._shift_pressed = False

    # --- the buttons -----------------------------------------------------------------------
    def _pressed(self, slot, value):
        button = slot.subject
        return value != 0 or not button.is_momentary()

    def _is_mixable(self):
        return self._track is not None and self._track != self.song().master_track

    @subject_slot("value")
    def _mute_value(self, value):
        if self.is_enabled() and self._is_mixable() and self._pressed(self._mute_value, value):
            self._track.mute = not self._track.mute

    @subject_slot("value")
    def _solo_value(self, value):
        if not (self.is_enabled() and self._is_mixable()):
            return
        button = self._solo_value.subject
        self._solo_pressed = value != 0 and button.is_momentary()
        if value != 0 or not button.is_momentary():
            song = self.song()
            expected = 1 if self._solo_pressed else 0
            exclusive = (song.exclusive_solo != self._shift_pressed and
                         (not button.is_momentary() or self.number_of_solos_pressed() == expected))
            new_value = not self._track.solo
            with_selection = self._track.is_part_of_selection
            for track in chain(song.tracks, song.return_tracks):
                if track == self._track or (with_selection and track.is_part_of_selection):
                    track.solo = new_value
                elif exclusive and track.solo:
                    track.solo = False

    @subject_slot("value")
    def _arm_value(self, value):
        if not (self.is_enabled() and self._track is not None and self._track in self.song().tracks and
                self._track.can_be_armed):
            return
        button = self._arm_value.subject
        self._arm_pressed = value != 0 and button.is_momentary()
        if value != 0 or not button.is_momentary():
            song = self.song()
            expected = 1 if self._arm_pressed else 0
            exclusive = (song.exclusive_arm != self._shift_pressed and
                         (not button.is_momentary() or self.number_of_arms_pressed() == expected))
            new_value = not self._track.arm
            with_selection = self._track.is_part_of_selection
            for track in song.tracks:
                if not track.can_be_armed:
                    continue
                if track == self._track or (with_selection and track.is_part_of_selection):
                    track.arm = new_value
                elif exclusive and track.arm:
                    track.arm = False

    @subject_slot("value")
    def _select_value(self, value):
        if self.is_enabled() and self._track is not None and self._pressed(self._select_value, value):
            view = self.song().view
            if view.selected_track != self._track:
                view.selected_track = self._track

    @subject_slot("value")
    def _shift_value(self, value):
        self._shift_pressed = value != 0

    # --- what the lights show --------------------------------------------------------------
    @subject_slot("mute")
    def _on_mute_changed(self):
        self._update_mute_light()

    @subject_slot("solo")
    def _on_solo_changed(self):
        self._update_solo_light()

    @subject_slot("arm")
    def _on_arm_changed(self):
        self._update_arm_light()

    @subject_slot("selected_track")
    def _on_selected_track_changed_in_live(self):
        self._update_select_light()

    def _mixable_track(self):
        song = self.song()
        track = self._track
        return track is not None and track in chain(song.tracks, song.return_tracks)

    def _update_mute_light(self):
        if self.is_enabled():
            on = self._mixable_track() and self._track.mute != self._invert_mute_feedback
            _light(self._mute_value.subject, on)

    def _update_solo_light(self):
        if self.is_enabled():
            _light(self._solo_value.subject, self._mixable_track() and self._track.solo)

    def _update_arm_light(self):
        if self.is_enabled():
            track = self._track
            armed = track is not None and track in self.song().tracks and track.can_be_armed and track.arm
            _light(self._arm_value.subject, armed)

    def _update_select_light(self):
        if self.is_enabled():
            track = self._track
            _light(self._select_value.subject, track is not None and self.song().view.selected_track == track)

    def _connect_parameters(self):
        mixer = self._track.mixer_device
        if self._volume_control is not None:
            self._volume_control.connect_to(mixer.volume)
        if self._pan_control is not None:
            self._pan_control.connect_to(mixer.panning)
        sends = mixer.sends
        for index, control in enumerate(self._send_controls):
            if control is None:
                continue
            if index < len(sends):
                control.connect_to(sends[index])
            else:
                control.release_parameter()

    def update(self):
        """Map the controls to the track (or release them) and refresh the lights."""
        if self.is_enabled() and self._track is not None:
            self._connect_parameters()
        else:
            for control in [self._volume_control, self._pan_control] + list(self._send_controls):
                _release(control)
        self._update_mute_light()
        self._update_solo_light()
        self._update_arm_light()
        self._update_select_light()

    def on_selected_track_changed(self):
        """The surface saw another track selected: refresh the select light."""
        self._update_select_light()

    def disconnect(self):
        """Release the controls and stop following the track."""
        if self in ChannelStripComponent._active_instances:
            ChannelStripComponent._active_instances.remove(self)
        for control in [self._volume_control, self._pan_control] + list(self._send_controls):
            _release(control)
        self._track = None
        self._volume_control = self._pan_control = None
        self._send_controls = []
        super(ChannelStripComponent, self).disconnect()
