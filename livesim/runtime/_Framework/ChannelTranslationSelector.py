"""``_Framework.ChannelTranslationSelector``: modes that move controls to other MIDI channels.

In mode ``i`` every control given to ``set_controls_to_translate`` listens and sends on its
original channel + ``i`` (modulo 16), so one set of knobs serves several mappings (Live's own
MIDI mappings on those channels, or other controls of the script).
"""
from .ModeSelectorComponent import ModeSelectorComponent


class ChannelTranslationSelector(ModeSelectorComponent):
    """``num_modes`` modes (0: as many as mode buttons)."""

    def __init__(self, num_modes=0, *a, **k):
        super(ChannelTranslationSelector, self).__init__(*a, **k)
        self._controls_to_translate = None
        self._initial_num_modes = num_modes

    def set_controls_to_translate(self, controls):
        """A tuple of controls whose channel follows the mode (None: none)."""
        if controls is not None and not isinstance(controls, tuple):
            raise AssertionError("controls to translate must be a tuple")
        self._controls_to_translate = controls

    def number_of_modes(self):
        """``num_modes``, or the number of mode buttons when it is 0."""
        result = self._initial_num_modes
        if result == 0 and self._modes_buttons:
            result = len(self._modes_buttons)
        return result

    def update(self):
        """Put every control on its channel for the mode."""
        super(ChannelTranslationSelector, self).update()
        for control in self._controls_to_translate or ():
            control.use_default_message()
            if self.is_enabled():
                control.set_channel((control.message_channel() + self._mode_index) % 16)
