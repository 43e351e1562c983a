"""``_Framework.InputControlElement``: a MIDI control Live maps or forwards to the script."""
from ableton.v2.base.dependency import depends

MIDI_NOTE_TYPE = 0
MIDI_CC_TYPE = 1
MIDI_PB_TYPE = 2
MIDI_SYSEX_TYPE = 3
MIDI_INVALID_TYPE = 4

_STATUS = {MIDI_NOTE_TYPE: 0x90, MIDI_CC_TYPE: 0xB0, MIDI_PB_TYPE: 0xE0}


class InputControlElement(object):
    """A control bound to (message type, channel, identifier); constructed inside component_guard."""

    @depends(send_midi=None, register_control=None)
    def __init__(self, msg_type=None, channel=None, identifier=None, send_midi=None, register_control=None,
                 *a, **k):
        super(InputControlElement, self).__init__(*a, **k)
        self._msg_type = msg_type
        self._channel = channel
        self._identifier = identifier
        self._send_midi = send_midi
        self._value_listeners = []
        self._parameter = None
        self._last_sent = None
        register_control(self)

    def message_type(self):
        """MIDI_NOTE_TYPE, MIDI_CC_TYPE, MIDI_PB_TYPE or MIDI_SYSEX_TYPE."""
        return self._msg_type

    def message_channel(self):
        """MIDI channel 0-15."""
        return self._channel

    def message_identifier(self):
        """CC or note number."""
        return self._identifier

    def needs_takeover(self):
        """Whether Live should apply takeover when mapping."""
        return True

    def connect_to(self, parameter):
        """Map this control to a Live DeviceParameter (applied at the next MIDI map rebuild)."""
        self._parameter = parameter

    def release_parameter(self):
        """Unmap the parameter."""
        self._parameter = None

    def mapped_parameter(self):
        """The mapped parameter or None."""
        return self._parameter

    def add_value_listener(self, listener, identify_sender=False):
        """Call ``listener(value)`` when forwarded MIDI arrives for this control."""
        if listener not in self._value_listeners:
            self._value_listeners.append(listener)

    def remove_value_listener(self, listener):
        """Stop calling ``listener``."""
        if listener in self._value_listeners:
            self._value_listeners.remove(listener)

    def value_has_listener(self, listener):
        """Whether ``listener`` is registered."""
        return listener in self._value_listeners

    def receive_value(self, value):
        """Deliver a forwarded value to the listeners."""
        for listener in list(self._value_listeners):
            listener(value)

    def send_value(self, value, force=False):
        """Send ``value`` as this control's MIDI message."""
        status = _STATUS.get(self._msg_type)
        if status is None or self._send_midi is None:
            return
        message = (status | self._channel, self._identifier, int(value))
        if force or message != self._last_sent:
            self._send_midi(message)
            self._last_sent = message

    def install_connections(self, midi_map_handle, script_handle, forwarding_registry):
        """Map the parameter or forward the MIDI to the script (inside build_midi_map)."""
        import Live

        status = _STATUS.get(self._msg_type)
        if status is None:
            return
        if self._parameter is not None and self._msg_type == MIDI_CC_TYPE:
            Live.MidiMap.map_midi_cc(midi_map_handle, self._parameter, self._channel, self._identifier,
                                     self.message_map_mode(), not self.needs_takeover())
        elif self._parameter is not None and self._msg_type == MIDI_NOTE_TYPE:
            Live.MidiMap.map_midi_note(midi_map_handle, self._parameter, self._channel, self._identifier)
        elif self._value_listeners:
            if self._msg_type == MIDI_CC_TYPE:
                Live.MidiMap.forward_midi_cc(script_handle, midi_map_handle, self._channel, self._identifier)
            elif self._msg_type == MIDI_NOTE_TYPE:
                Live.MidiMap.forward_midi_note(script_handle, midi_map_handle, self._channel, self._identifier)
                forwarding_registry[(0x80 | self._channel, self._identifier)] = self
            forwarding_registry[(status | self._channel, self._identifier)] = self

    def message_map_mode(self):
        """Live.MidiMap.MapMode used when mapping (absolute by default)."""
        import Live

        return Live.MidiMap.MapMode.absolute

    def suggest_map_mode(self, cc_no, channel):
        """This control's map mode if it is (cc_no, channel), else None."""
        if self._msg_type == MIDI_CC_TYPE and self._identifier == cc_no and self._channel == channel:
            return self.message_map_mode()
        return None

    def disconnect(self):
        """Drop listeners and the mapping."""
        self._value_listeners = []
        self._parameter = None
