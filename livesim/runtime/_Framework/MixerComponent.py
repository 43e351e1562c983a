"""``_Framework.MixerComponent``: channel strips over a bank of tracks, the returns, the master and the
selected track.

Strip ``i`` controls ``tracks_to_use()[track_offset + i]`` (the song's visible tracks); a
session component given the mixer (``session.set_mixer(mixer)``) moves the offset with its ring.
Strips without a track release their controls and put their lights out.
"""
from .ChannelStripComponent import ChannelStripComponent
from .CompoundComponent import CompoundComponent
from .SubjectSlot import subject_slot


class MixerComponent(CompoundComponent):
    """``num_tracks`` strips following the track offset and ``num_returns`` return strips."""

    def __init__(self, num_tracks=0, num_returns=0, auto_name=False, invert_mute_feedback=False, *a, **k):
        super(MixerComponent, self).__init__(*a, **k)
        self._track_offset = 0
        self._send_index = 0
        self._send_controls = None
        self._channel_strips = [self._create_strip() for _ in range(num_tracks)]
        self._return_strips = [self._create_strip() for _ in range(num_returns)]
        self._master_strip = self._create_strip()
        self._selected_strip = self._create_strip()
        for strip in self._channel_strips + self._return_strips + [self._master_strip, self._selected_strip]:
            self.register_components(strip)
            strip.set_invert_mute_feedback(invert_mute_feedback)
        self._master_strip.set_track(self.song().master_track)
        self._selected_strip.set_track(self.song().view.selected_track)
        self._reassign_tracks()
        if auto_name:
            self._auto_name()

    def _create_strip(self):
        """A new strip; subclasses return their own ChannelStripComponent."""
        return ChannelStripComponent()

    def _auto_name(self):
        self.name = "Mixer"
        self._master_strip.name = "Master_Channel_Strip"
        self._selected_strip.name = "Selected_Channel_Strip"
        for index, strip in enumerate(self._channel_strips):
            strip.name = "Channel_Strip_%d" % index
        for index, strip in enumerate(self._return_strips):
            strip.name = "Return_Strip_%d" % index

    # --- the strips ------------------------------------------------------------------------
    def channel_strip(self, index):
        """Strip ``index`` of the bank."""
        return self._channel_strips[index]

    def return_strip(self, index):
        """The strip of return track ``index``."""
        return self._return_strips[index]

    def master_strip(self):
        """The master track's strip."""
        return self._master_strip

    def selected_strip(self):
        """The strip following the selected track."""
        return self._selected_strip

    def tracks_to_use(self):
        """The tracks the bank moves over: the song's visible tracks."""
        return self.song().visible_tracks

    def track_offset(self):
        """Index of the first strip's track in ``tracks_to_use()``."""
        return self._track_offset

    def set_track_offset(self, new_offset):
        """Make strip 0 control ``tracks_to_use()[new_offset]``."""
        if new_offset < 0:
            raise AssertionError("the track offset must be >= 0")
        if new_offset != self._track_offset:
            self._track_offset = new_offset
            self._reassign_tracks()

    def _reassign_tracks(self):
        tracks = self.tracks_to_use()
        returns = self.song().return_tracks
        for index, strip in enumerate(self._channel_strips):
            track_index = self._track_offset + index
            strip.set_track(tracks[track_index] if track_index < len(tracks) else None)
        for index, strip in enumerate(self._return_strips):
            strip.set_track(returns[index] if index < len(returns) else None)
        self._update_bank_lights()

    # --- controls for every strip at once (None or a shorter list releases the rest) ----------
    def _per_strip(self, setter, controls):
        controls = list(controls or [])
        for index, strip in enumerate(self._channel_strips):
            getattr(strip, setter)(controls[index] if index < len(controls) else None)

    def set_volume_controls(self, controls):
        """One volume fader per strip."""
        self._per_strip("set_volume_control", controls)

    def set_pan_controls(self, controls):
        """One pan knob per strip."""
        self._per_strip("set_pan_control", controls)

    @property
    def num_sends(self):
        """How many sends the tracks have (one per return track)."""
        return len(self.song().return_tracks)

    @property
    def send_index(self):
        """The send ``set_send_controls`` controls (None: none)."""
        return self._send_index

    @send_index.setter
    def send_index(self, index):
        if index is not None and not 0 <= index < max(1, self.num_sends):
            raise IndexError("send index out of range")
        if index != self._send_index:
            self._send_index = index
            self.set_send_controls(self._send_controls)

    def set_send_controls(self, controls):
        """One send knob per strip, all on the send ``send_index``."""
        self._send_controls = controls
        controls = list(controls or [])
        for index, strip in enumerate(self._channel_strips):
            control = controls[index] if index < len(controls) else None
            if self._send_index is None or control is None:
                strip.set_send_controls(None)
            else:
                strip.set_send_controls((None,) * self._send_index + (control,))

    def set_mute_buttons(self, buttons):
        """One mute button per strip."""
        self._per_strip("set_mute_button", buttons)

    def set_solo_buttons(self, buttons):
        """One solo button per strip."""
        self._per_strip("set_solo_button", buttons)

    def set_arm_buttons(self, buttons):
        """One arm button per strip."""
        self._per_strip("set_arm_button", buttons)

    def set_track_select_buttons(self, buttons):
        """One select button per strip."""
        self._per_strip("set_select_button", buttons)

    def set_shift_button(self, button):
        """The shift button every strip reads."""
        for strip in self._channel_strips:
            strip.set_shift_button(button)

    # --- master controls -------------------------------------------------------------------
    def set_crossfader_control(self, control):
        """The fader mapped to the crossfader."""
        if control is not None:
            control.connect_to(self.song().master_track.mixer_device.crossfader)

    def set_prehear_volume_control(self, control):
        """The knob mapped to the cue (preview) volume."""
        if control is not None:
            control.connect_to(self.song().master_track.mixer_device.cue_volume)

    # --- track selection and banking -------------------------------------------------------
    def set_select_buttons(self, next_button, prev_button):
        """Buttons that select the next and the previous track (returns and master included)."""
        self._next_track_value.subject = next_button
        self._prev_track_value.subject = prev_button

    def set_bank_buttons(self, up_button, down_button):
        """Buttons that move the strips a whole bank right (up) or left (down)."""
        self._bank_up_value.subject = up_button
        self._bank_down_value.subject = down_button
        self._update_bank_lights()

    def _is_press(self, slot, value):
        return self.is_enabled() and (value != 0 or not slot.subject.is_momentary())

    def _all_tracks(self):
        song = self.song()
        return list(song.visible_tracks) + list(song.return_tracks) + [song.master_track]

    def _select_by(self, step):
        view = self.song().view
        tracks = self._all_tracks()
        selected = view.selected_track
        if selected in tracks:
            index = tracks.index(selected) + step
            if 0 <= index < len(tracks):
                view.selected_track = tracks[index]

    @subject_slot("value")
    def _next_track_value(self, value):
        if self._is_press(self._next_track_value, value):
            self._select_by(1)

    @subject_slot("value")
    def _prev_track_value(self, value):
        if self._is_press(self._prev_track_value, value):
            self._select_by(-1)

    @subject_slot("value")
    def _bank_up_value(self, value):
        if self._is_press(self._bank_up_value, value):
            new_offset = self._track_offset + len(self._channel_strips)
            if len(self.tracks_to_use()) > new_offset:
                self.set_track_offset(new_offset)

    @subject_slot("value")
    def _bank_down_value(self, value):
        if self._is_press(self._bank_down_value, value):
            self.set_track_offset(max(0, self._track_offset - len(self._channel_strips)))

    def _update_bank_lights(self):
        if not self.is_enabled():
            return
        up, down = self._bank_up_value.subject, self._bank_down_value.subject
        if up is not None:
            up.set_light(len(self.tracks_to_use()) > self._track_offset + len(self._channel_strips))
        if down is not None:
            down.set_light(self._track_offset > 0)

    # --- what Live tells the surface -------------------------------------------------------
    def on_track_list_changed(self):
        """Tracks were added, removed or folded: reassign the strips."""
        self._reassign_tracks()

    def on_selected_track_changed(self):
        """Another track was selected: the selected strip follows it."""
        self._selected_strip.set_track(self.song().view.selected_track)

    def update(self):
        """Refresh the strips and the bank lights."""
        super(MixerComponent, self).update()
        self._update_bank_lights()
