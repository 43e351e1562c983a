"""``_Framework.ClipSlotComponent``: one clip slot's launch button and its light.

Pressing the button fires the slot's clip (or the empty slot: it stops the track, or records
into an armed one), as a click in Live does; a momentary button goes through
``set_fire_button_state`` so the launch mode's gate and toggle work.  The light shows the state:
triggered to play or to record, playing, recording, stopped (a clip that is not playing), or
the record value on an empty slot of an armed track; off otherwise.  With the delete, select or
duplicate button held, the launch button deletes the clip, shows the slot in Live's view or
duplicates it into the next slot instead.
"""
from .ControlSurfaceComponent import ControlSurfaceComponent
from .SubjectSlot import SubjectSlot, subject_slot
from ._feedback import show_value


def _held_listener():
    # A listener of its own for each slot: removing one leaves the others.
    return lambda value: None


class ClipSlotComponent(ControlSurfaceComponent):
    """Build it inside ``component_guard()``; a SceneComponent gives it its clip slot."""

    def __init__(self, *a, **k):
        super(ClipSlotComponent, self).__init__(*a, **k)
        self._clip_slot = None
        self._triggered_to_play_value = 126
        self._triggered_to_record_value = 121
        self._started_value = 127
        self._recording_value = 120
        self._stopped_value = 0
        self._record_button_value = None
        self._has_fired_slot = False
        self._delete_button = None
        self._select_button = None
        self._duplicate_button = None
        # Listening keeps a modifier button forwarded, so its is_pressed() follows it.
        self._modifier_slots = dict((name, self.register_slot(SubjectSlot(listener=_held_listener(), event="value")))
                                    for name in ("delete", "select", "duplicate"))

    # --- the values sent for each state ----------------------------------------------------
    def set_triggered_to_play_value(self, value):
        """The value sent while the clip waits to start."""
        self._triggered_to_play_value = value

    def set_triggered_to_record_value(self, value):
        """The value sent while the slot waits to record."""
        self._triggered_to_record_value = value

    def set_started_value(self, value):
        """The value sent while the clip plays."""
        self._started_value = value

    def set_recording_value(self, value):
        """The value sent while the clip records."""
        self._recording_value = value

    def set_stopped_value(self, value):
        """The value sent for a clip that is not playing."""
        self._stopped_value = value

    def set_record_button_value(self, value):
        """The value sent for an empty slot of an armed track (None: off)."""
        self._record_button_value = value

    # --- the slot ----------------------------------------------------------------------------
    def set_clip_slot(self, clip_slot):
        """Follow ``clip_slot`` (a Live.ClipSlot.ClipSlot, or None)."""
        self._clip_slot = clip_slot
        self._on_slot_has_clip_changed.subject = clip_slot
        self._on_slot_playing_state_changed.subject = clip_slot
        self._on_slot_triggered_changed.subject = clip_slot
        track = clip_slot.canonical_parent if clip_slot is not None else None
        self._on_arm_value_changed.subject = track if track is not None and track.can_be_armed else None
        self._follow_clip()
        self.update()

    def clip_slot(self):
        """The slot followed (None: none)."""
        return self._clip_slot

    def has_clip(self):
        """Whether the slot holds a clip."""
        return self._clip_slot is not None and self._clip_slot.has_clip

    def _follow_clip(self):
        clip = self._clip_slot.clip if self.has_clip() else None
        self._on_clip_playing_state_changed.subject = clip
        self._on_recording_state_changed.subject = clip

    def set_delete_button(self, button):
        """Held, the launch button deletes the clip."""
        self._delete_button = self._modifier_slots["delete"].subject = button

    def set_select_button(self, button):
        """Held, the launch button shows the slot in Live (highlights it)."""
        self._select_button = self._modifier_slots["select"].subject = button

    def set_duplicate_button(self, button):
        """Held, the launch button duplicates the clip into the next slot."""
        self._duplicate_button = self._modifier_slots["duplicate"].subject = button

    def set_launch_button(self, button):
        """The button that launches the slot and shows its state."""
        self._launch_button_value.subject = button
        self.update()

    def update(self):
        """Send the slot's state to the launch button."""
        button = self._launch_button_value.subject
        if not (self.is_enabled() and button is not None):
            return
        show_value(button, self._feedback_value())

    def _feedback_value(self):
        slot = self._clip_slot
        if slot is None:
            return None
        track = slot.canonical_parent
        slot_or_clip = slot.clip if self.has_clip() else slot
        if slot_or_clip.is_triggered:
            return self._triggered_to_record_value if slot_or_clip.will_record_on_start \
                else self._triggered_to_play_value
        if slot_or_clip.is_playing:
            return self._recording_value if slot_or_clip.is_recording else self._started_value
        if self.has_clip():
            return self._stopped_value
        if self._record_button_value is not None and track.can_be_armed and track.arm:
            return self._record_button_value
        return None

    # --- the button ----------------------------------------------------------------------------
    @subject_slot("value")
    def _launch_button_value(self, value):
        if not (self.is_enabled() and self._clip_slot is not None):
            return
        if self._held(self._delete_button):
            if value and self.has_clip():
                self._clip_slot.delete_clip()
        elif self._held(self._select_button):
            if value:
                self.song().view.highlighted_clip_slot = self._clip_slot
        elif self._held(self._duplicate_button):
            if value and self.has_clip():
                track = self._clip_slot.canonical_parent
                track.duplicate_clip_slot(list(track.clip_slots).index(self._clip_slot))
        else:
            self._do_launch_clip(value)

    @staticmethod
    def _held(button):
        return button is not None and button.is_pressed()

    def _do_launch_clip(self, value):
        button = self._launch_button_value.subject
        launched = value != 0 or not button.is_momentary()
        target = self._clip_slot.clip if self.has_clip() else self._clip_slot
        if not self.has_clip():
            self._has_fired_slot = True
        if button.is_momentary():
            target.set_fire_button_state(value != 0)
        elif value != 0:
            target.fire()
        song = self.song()
        if launched and self.has_clip() and song.select_on_launch:
            song.view.highlighted_clip_slot = self._clip_slot

    # --- what Live tells ---------------------------------------------------------------------
    @subject_slot("has_clip")
    def _on_slot_has_clip_changed(self):
        self._follow_clip()
        self.update()

    @subject_slot("playing_status")
    def _on_slot_playing_state_changed(self):
        self.update()

    @subject_slot("is_triggered")
    def _on_slot_triggered_changed(self):
        self.update()

    @subject_slot("playing_status")
    def _on_clip_playing_state_changed(self):
        self.update()

    @subject_slot("is_recording")
    def _on_recording_state_changed(self):
        self.update()

    @subject_slot("arm")
    def _on_arm_value_changed(self):
        self.update()
