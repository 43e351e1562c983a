"""``_Framework.TransportComponent``: transport buttons driving the song.

Play starts the song (``play_toggle_model_transform`` maps what a press asks for; the default
``const(True)`` never stops it), stop stops it, record, overdub, arrangement overdub,
metronome, loop and punch in/out toggle the song's property and light while it is on, nudge
buttons hold the nudge while pressed, tap tempo taps.
"""
from .CompoundComponent import CompoundComponent
from .SubjectSlot import subject_slot
from .ToggleComponent import ToggleComponent
from .Util import const


class TransportComponent(CompoundComponent):
    """The song's transport on buttons."""

    def __init__(self, play_toggle_model_transform=const(True), *a, **k):
        super(TransportComponent, self).__init__(*a, **k)
        song = self.song()
        self._play_toggle = ToggleComponent("is_playing", song, model_transform=play_toggle_model_transform)
        self._record_toggle = ToggleComponent("record_mode", song)
        self._overdub_toggle = ToggleComponent("overdub", song)
        self._arrangement_overdub_toggle = ToggleComponent("arrangement_overdub", song)
        self._metronome_toggle = ToggleComponent("metronome", song)
        self._loop_toggle = ToggleComponent("loop", song)
        self._punch_in_toggle = ToggleComponent("punch_in", song)
        self._punch_out_toggle = ToggleComponent("punch_out", song)
        self._nudge_up_toggle = ToggleComponent("nudge_up", song, is_momentary=True)
        self._nudge_down_toggle = ToggleComponent("nudge_down", song, is_momentary=True)
        self.register_components(self._play_toggle, self._record_toggle, self._overdub_toggle,
                                 self._arrangement_overdub_toggle, self._metronome_toggle, self._loop_toggle,
                                 self._punch_in_toggle, self._punch_out_toggle, self._nudge_up_toggle,
                                 self._nudge_down_toggle)

    def set_play_button(self, button):
        """The button that starts the song; lit while it plays."""
        self._play_toggle.set_toggle_button(button)

    def set_stop_button(self, button):
        """The button that stops the song."""
        self._stop_value.subject = button

    def set_record_button(self, button):
        """The button that toggles arrangement recording."""
        self._record_toggle.set_toggle_button(button)

    def set_overdub_button(self, button):
        """The button that toggles MIDI arrangement overdub (``song.overdub``)."""
        self._overdub_toggle.set_toggle_button(button)

    def set_arrangement_overdub_button(self, button):
        """The button that toggles ``song.arrangement_overdub``."""
        self._arrangement_overdub_toggle.set_toggle_button(button)

    def set_metronome_button(self, button):
        """The button that toggles the metronome."""
        self._metronome_toggle.set_toggle_button(button)

    def set_loop_button(self, button):
        """The button that toggles the arrangement loop."""
        self._loop_toggle.set_toggle_button(button)

    def set_punch_buttons(self, in_button, out_button):
        """The buttons that toggle punch in and punch out."""
        self._punch_in_toggle.set_toggle_button(in_button)
        self._punch_out_toggle.set_toggle_button(out_button)

    def set_nudge_buttons(self, up_button, down_button):
        """The buttons that nudge the tempo up and down while held."""
        self._nudge_up_toggle.set_toggle_button(up_button)
        self._nudge_down_toggle.set_toggle_button(down_button)

    def set_tap_tempo_button(self, button):
        """The button that taps the tempo."""
        self._tap_tempo_value.subject = button

    @subject_slot("value")
    def _stop_value(self, value):
        button = self._stop_value.subject
        if self.is_enabled() and (value != 0 or not button.is_momentary()):
            self.song().is_playing = False

    @subject_slot("value")
    def _tap_tempo_value(self, value):
        button = self._tap_tempo_value.subject
        if self.is_enabled() and (value != 0 or not button.is_momentary()):
            self.song().tap_tempo()
