"""``_Framework.DeviceComponent``: a bank of encoders on a device's parameters.

The parameters are in banks of eight: a rack's eight macros, or any other device's parameters
after "Device On" in their order (Live's curated banks for its own devices are not modelled).
Encoders are mapped through Live's MIDI map; bank buttons choose a bank (the bank is
remembered per device), the on/off button toggles "Device On", the lock button asks Live to
lock the surface to the device (``set_lock_callback``; Live then calls ``lock_to_device``).
"""
from .ControlSurfaceComponent import ControlSurfaceComponent
from .SubjectSlot import subject_slot, subject_slot_group

BANK_SIZE = 8


def _light(button, on):
    if button is not None:
        button.set_light(bool(on))


class DeviceComponent(ControlSurfaceComponent):
    """Build it inside ``component_guard()``; ``surface.set_device_component`` lets Live lock it."""

    __subject_events__ = ("device",)

    def __init__(self, device_selection_follows_track_selection=False, *a, **k):
        super(DeviceComponent, self).__init__(*a, **k)
        self._device = None
        self._parameter_controls = []
        self._bank_buttons = []
        self._bank_index = 0
        self._remembered_banks = []
        self._locked_to_device = False
        self._lock_callback = None
        self._device_selection_follows_track_selection = device_selection_follows_track_selection
        if device_selection_follows_track_selection:
            self._on_selected_track_changed_in_live.subject = self.song().view
            self._on_selected_track_changed_in_live()

    # --- the device ------------------------------------------------------------------------
    def device(self):
        """The device controlled (None: none)."""
        return self._device

    def set_device(self, device):
        """Control ``device`` (ignored while locked to another one)."""
        if self._locked_to_device or device == self._device:
            return
        self._remember_bank()
        self._device = device
        self._bank_index = self._remembered_bank(device)
        self._on_device_on_changed.subject = self._on_off_parameter()
        self.update()
        self.notify_device()

    def _remember_bank(self):
        if self._device is None:
            return
        self._remembered_banks = [entry for entry in self._remembered_banks if entry[0] != self._device]
        self._remembered_banks.append((self._device, self._bank_index))

    def _remembered_bank(self, device):
        for remembered, bank in self._remembered_banks:
            if remembered == device:
                return bank
        return 0

    def _on_off_parameter(self):
        if self._device is None:
            return None
        parameters = self._device.parameters
        return parameters[0] if parameters else None

    def banks(self):
        """The device's parameter banks (lists of up to eight parameters)."""
        if self._device is None:
            return []
        parameters = list(self._device.parameters)[1:]
        if self._device.can_have_chains:
            return [parameters[:BANK_SIZE]]
        return [parameters[i:i + BANK_SIZE] for i in range(0, len(parameters), BANK_SIZE)] or [[]]

    def number_of_parameter_banks(self):
        """How many banks the device has (0 without a device)."""
        return len(self.banks())

    def bank_index(self):
        """The bank shown."""
        return self._bank_index

    def _set_bank(self, index):
        if self._device is not None and 0 <= index < self.number_of_parameter_banks() and index != self._bank_index:
            self._bank_index = index
            self.update()

    def restore_bank(self, bank_index):
        """Show bank ``bank_index`` (Live calls it through the surface after locking)."""
        self._set_bank(bank_index)

    # --- controls ----------------------------------------------------------------------------
    def set_parameter_controls(self, controls):
        """The encoders mapped to the bank's parameters, in order."""
        for control in self._parameter_controls:
            if control is not None:
                control.release_parameter()
        self._parameter_controls = list(controls or [])
        self.update()

    def set_bank_buttons(self, buttons):
        """One button per bank: pressing it shows that bank; the current bank's is lit."""
        self._bank_buttons = list(buttons or [])
        self._bank_value.replace_subjects([b for b in self._bank_buttons if b is not None],
                                          [i for i, b in enumerate(self._bank_buttons) if b is not None])
        self.update()

    def set_bank_nav_buttons(self, down_button, up_button):
        """Buttons that show the previous (down) and the next (up) bank; lit while they can move."""
        self._bank_down_value.subject = down_button
        self._bank_up_value.subject = up_button
        self.update()

    def set_on_off_button(self, button):
        """The button that turns the device on and off; lit while on."""
        self._on_off_value.subject = button
        self.update()

    def set_lock_button(self, button):
        """The button that locks the surface to the device; lit while locked."""
        self._lock_value.subject = button
        self.update()

    def set_lock_callback(self, callback):
        """What the lock button calls (the surface's lock toggle)."""
        self._lock_callback = callback

    def set_lock_to_device(self, lock, device):
        """Lock to ``device`` (or unlock from it)."""
        if lock:
            self._locked_to_device = False
            self.set_device(device)
            self._locked_to_device = True
        elif device == self._device:
            self._locked_to_device = False
        self.update()

    def is_locked(self):
        """Whether the component is locked to its device."""
        return self._locked_to_device

    def _pressed(self, button, value):
        return self.is_enabled() and (value != 0 or not button.is_momentary())

    @subject_slot_group("value")
    def _bank_value(self, value, index):
        if self._pressed(self._bank_buttons[index], value):
            self._set_bank(index)

    @subject_slot("value")
    def _bank_down_value(self, value):
        if self._pressed(self._bank_down_value.subject, value):
            self._set_bank(self._bank_index - 1)

    @subject_slot("value")
    def _bank_up_value(self, value):
        if self._pressed(self._bank_up_value.subject, value):
            self._set_bank(self._bank_index + 1)

    @subject_slot("value")
    def _on_off_value(self, value):
        parameter = self._on_off_parameter()
        if self._pressed(self._on_off_value.subject, value) and parameter is not None and parameter.is_enabled:
            parameter.value = 0.0 if parameter.value else 1.0

    @subject_slot("value")
    def _lock_value(self, value):
        if self._pressed(self._lock_value.subject, value) and self._lock_callback is not None:
            self._lock_callback()

    # --- what Live tells ---------------------------------------------------------------------
    @subject_slot("value")
    def _on_device_on_changed(self):
        self._update_on_off_light()

    @subject_slot("selected_track")
    def _on_selected_track_changed_in_live(self):
        track = self.song().view.selected_track
        self._on_selected_device_changed.subject = track.view
        self._on_selected_device_changed()

    @subject_slot("selected_device")
    def _on_selected_device_changed(self):
        track = self.song().view.selected_track
        self.set_device(track.view.selected_device)

    # --- the lights and the mapping ----------------------------------------------------------
    def _update_on_off_light(self):
        if self.is_enabled():
            parameter = self._on_off_parameter()
            _light(self._on_off_value.subject, parameter is not None and parameter.value != 0)

    def update(self):
        """Map the encoders to the bank's parameters and refresh the lights."""
        bank = []
        if self.is_enabled() and self._device is not None:
            banks = self.banks()
            bank = banks[self._bank_index] if self._bank_index < len(banks) else []
        for index, control in enumerate(self._parameter_controls):
            if control is None:
                continue
            if index < len(bank):
                control.connect_to(bank[index])
            else:
                control.release_parameter()
        if not self.is_enabled():
            return
        count = self.number_of_parameter_banks()
        for index, button in enumerate(self._bank_buttons):
            _light(button, self._device is not None and index == self._bank_index and index < count)
        _light(self._bank_down_value.subject, self._device is not None and self._bank_index > 0)
        _light(self._bank_up_value.subject, self._device is not None and self._bank_index + 1 < count)
        _light(self._lock_value.subject, self._locked_to_device)
        self._update_on_off_light()

    def disconnect(self):
        """Release the encoders."""
        for control in self._parameter_controls:
            if control is not None:
                control.release_parameter()
        self._parameter_controls = []
        self._device = None
        super(DeviceComponent, self).disconnect()
