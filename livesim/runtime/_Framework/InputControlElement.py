"""``_Framework.InputControlElement``: a MIDI control Live maps or forwards to the script.

``connect_to(parameter)`` maps the control to a Live parameter; a control with value listeners
has its MIDI forwarded to the script (``receive_value`` calls them).  Either change asks for a
MIDI map rebuild, as in Live's framework, so ``build_midi_map`` installs it.
"""
from ableton.v2.base.dependency import depends

from .NotifyingControlElement import NotifyingControlElement, _ValueListeners

MIDI_NOTE_TYPE = 0
MIDI_CC_TYPE = 1
MIDI_PB_TYPE = 2
MIDI_SYSEX_TYPE = 3
MIDI_INVALID_TYPE = 4
MIDI_MSG_TYPES = (MIDI_NOTE_TYPE, MIDI_CC_TYPE, MIDI_PB_TYPE, MIDI_SYSEX_TYPE, MIDI_INVALID_TYPE)

MIDI_NOTE_ON_STATUS = 144
MIDI_NOTE_OFF_STATUS = 128
MIDI_CC_STATUS = 176
MIDI_PB_STATUS = 224

_STATUS = {MIDI_NOTE_TYPE: MIDI_NOTE_ON_STATUS, MIDI_CC_TYPE: MIDI_CC_STATUS, MIDI_PB_TYPE: MIDI_PB_STATUS}


class InputControlElement(_ValueListeners, NotifyingControlElement):
    """A control bound to (message type, channel, identifier); constructed inside component_guard."""

    @depends(request_rebuild_midi_map=None)
    def __init__(self, msg_type=None, channel=None, identifier=None, sysex_identifier=None,
                 request_rebuild_midi_map=None, *a, **k):
        super(InputControlElement, self).__init__(*a, **k)
        self._msg_type = msg_type
        self._channel = channel
        self._identifier = identifier
        self._original_channel = channel
        self._original_identifier = identifier
        self._sysex_identifier = sysex_identifier
        self._request_rebuild = request_rebuild_midi_map
        self._value_listeners = []
        self._parameter = None
        self._last_sent = None

    def message_type(self):
        """MIDI_NOTE_TYPE, MIDI_CC_TYPE, MIDI_PB_TYPE or MIDI_SYSEX_TYPE."""
        return self._msg_type

    def message_channel(self):
        """MIDI channel 0-15."""
        return self._channel

    def message_identifier(self):
        """CC or note number."""
        return self._identifier

    def original_channel(self):
        """The channel given at construction."""
        return self._original_channel

    def original_identifier(self):
        """The CC or note number given at construction."""
        return self._original_identifier

    def set_channel(self, channel):
        """Listen and send on ``channel`` from the next MIDI map rebuild on."""
        if channel != self._channel:
            self._channel = channel
            self._last_sent = None
            self._rebuild()

    def set_identifier(self, identifier):
        """Use CC or note number ``identifier`` from the next MIDI map rebuild on."""
        if identifier != self._identifier:
            self._identifier = identifier
            self._last_sent = None
            self._rebuild()

    def use_default_message(self):
        """Go back to the channel and number given at construction."""
        if (self._channel, self._identifier) != (self._original_channel, self._original_identifier):
            self._channel, self._identifier = self._original_channel, self._original_identifier
            self._last_sent = None
            self._rebuild()

    def message_sysex_identifier(self):
        """The sysex prefix of a sysex control."""
        return self._sysex_identifier

    def needs_takeover(self):
        """Whether Live should apply takeover when mapping."""
        return True

    def _rebuild(self):
        if self._request_rebuild is not None:
            self._request_rebuild()

    def connect_to(self, parameter):
        """Map this control to a Live DeviceParameter (applied at the next MIDI map rebuild)."""
        if parameter is not self._parameter:
            self._parameter = parameter
            self._rebuild()

    def release_parameter(self):
        """Unmap the parameter."""
        if self._parameter is not None:
            self._parameter = None
            self._rebuild()

    def mapped_parameter(self):
        """The mapped parameter or None."""
        return self._parameter

    # --- the value event: listeners make Live forward this control's MIDI to the script -----
    def add_value_listener(self, listener, identify_sender=False):
        """Call ``listener(value)`` (``listener(value, self)``) when forwarded MIDI arrives."""
        if not self.value_has_listener(listener):
            self._value_listeners.append((listener, identify_sender))
            if len(self._value_listeners) == 1:
                self._rebuild()

    def remove_value_listener(self, listener):
        """Stop calling ``listener``."""
        for entry in self._value_listeners:
            if entry[0] == listener:
                self._value_listeners.remove(entry)
                if not self._value_listeners:
                    self._rebuild()
                return

    def receive_value(self, value):
        """Deliver a forwarded value to the listeners."""
        self.notify_value(value)

    def send_value(self, value, force=False):
        """Send ``value`` as this control's MIDI message (a repeated value only with ``force``)."""
        status = _STATUS.get(self._msg_type)
        if status is None:
            return
        value = int(value)
        if self._msg_type == MIDI_PB_TYPE:
            message = (status | self._channel, value & 127, (value >> 7) & 127)
        else:
            message = (status | self._channel, self._identifier, value)
        if force or message != self._last_sent:
            self.send_midi(message)
            self._last_sent = message

    def clear_send_cache(self):
        """The next value is sent even if it was the last one sent."""
        self._last_sent = None

    def script_wants_forwarding(self):
        """Whether the script listens to this control (then Live forwards its MIDI)."""
        return bool(self._value_listeners)

    def identifier_bytes(self):
        """The (status, data1) keys under which forwarded MIDI reaches this control."""
        status = _STATUS.get(self._msg_type)
        if status is None:
            return []
        if self._msg_type == MIDI_PB_TYPE:
            return [(status | self._channel,)]
        keys = [(status | self._channel, self._identifier)]
        if self._msg_type == MIDI_NOTE_TYPE:
            keys.append((MIDI_NOTE_OFF_STATUS | self._channel, self._identifier))
        return keys

    def install_connections(self, install_translation_callback, install_mapping_callback,
                            install_forwarding_callback):
        """Inside build_midi_map: translate a moved control, map its parameter or forward it."""
        if (self._channel, self._identifier) != (self._original_channel, self._original_identifier):
            install_translation_callback(self._msg_type, self._original_identifier, self._original_channel,
                                         self._identifier, self._channel)
        if self._parameter is not None:
            install_mapping_callback(self, self._parameter, 0, None)
        elif self.script_wants_forwarding():
            install_forwarding_callback(self)

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
        super(InputControlElement, self).disconnect()
