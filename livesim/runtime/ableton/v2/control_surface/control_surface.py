"""``ControlSurface``: the base class a remote script's object derives from.

``SimpleControlSurface`` holds the lifecycle Live drives (``build_midi_map``, ``refresh_state``,
``update_display``, ``receive_midi``, ``disconnect`` ...), ``schedule_message`` with Live's tick
semantics and ``component_guard``; ``ControlSurface`` adds the device provider.
"""
import builtins
import contextlib
import traceback

from ..base.dependency import inject
from ..base.event import disconnect_listeners
from ..base.task import DelayTask, TaskGroup, run, sequence
from . import defaults
from .device_provider import DeviceProvider

SYSEX_START = 240
# The message types of control elements (as _Framework.InputControlElement numbers them).
_MIDI_NOTE_TYPE, _MIDI_CC_TYPE, _MIDI_PB_TYPE = 0, 1, 2


def _control_surfaces():
    # Live keeps the list of running surfaces in builtins; scripts read __builtins__['control_surfaces'].
    surfaces = getattr(builtins, "control_surfaces", None)
    if surfaces is None:
        surfaces = []
        builtins.control_surfaces = surfaces
    return surfaces


def _get_application():
    import Live

    return Live.Application.get_application()


class SimpleControlSurface(object):
    """Control surface without a device provider."""

    preferences_key = None

    def __init__(self, c_instance=None, *a, **k):
        super(SimpleControlSurface, self).__init__(*a, **k)
        self._c_instance = c_instance
        self._components = []
        self._controls = []
        self._timer_callbacks = []
        self._pad_translations = None
        self._guard_depth = 0
        self._suppressed_rebuild_requests = 0
        self._midi_buffer = None
        self._is_sending_scheduled_messages = False
        self._midi_map_handle = None
        self._forwarding_registry = {}
        self._task_group = TaskGroup(auto_kill=False, on_error=self._report_task_error)
        # Touched at construction, as Live's framework does: a c_instance must offer it.
        set_session_highlight = c_instance.set_session_highlight
        self._injector = inject(
            register_component=lambda: self._register_component,
            register_control=lambda: self._register_control,
            song=lambda: self._c_instance.song(),
            send_midi=lambda: self._send_midi,
            show_message=lambda: self.show_message,
            request_rebuild_midi_map=lambda: self.request_rebuild_midi_map,
            parent_task_group=lambda: self._task_group,
            set_pad_translations=lambda: self._set_pad_translations,
            set_session_highlight=lambda: set_session_highlight,
        )
        _control_surfaces().append(self)

    # --- the Live document -------------------------------------------------------------
    @property
    def song(self):
        """The current Live.Song.Song."""
        return self._c_instance.song()

    @property
    def application(self):
        """Live.Application.Application."""
        return _get_application()

    @property
    def components(self):
        """The registered components."""
        return tuple(self._components)

    @property
    def controls(self):
        """The registered control elements."""
        return tuple(self._controls)

    def instance_identifier(self):
        """The slot's instance identifier."""
        return self._c_instance.instance_identifier()

    def show_message(self, message):
        """Show ``message`` in Live's status bar."""
        self._c_instance.show_message(message)

    # --- registration ------------------------------------------------------------------
    def _register_component(self, component):
        self._components.append(component)

    def _register_control(self, control):
        self._controls.append(control)

    def _set_pad_translations(self, pad_translations):
        self._pad_translations = pad_translations
        self._c_instance.set_pad_translation(pad_translations)

    # --- the guard ---------------------------------------------------------------------
    @contextlib.contextmanager
    def component_guard(self):
        """Provide the framework's dependencies; coalesce MIDI map rebuilds and outgoing MIDI."""
        if self._guard_depth:
            self._guard_depth += 1
            try:
                yield
            finally:
                self._guard_depth -= 1
            return
        self._guard_depth = 1
        self._suppressed_rebuild_requests = 0
        self._midi_buffer = []
        try:
            with self._injector:
                yield
        finally:
            self._guard_depth = 0
            buffered, self._midi_buffer = self._midi_buffer, None
            requests, self._suppressed_rebuild_requests = self._suppressed_rebuild_requests, 0
            if self._c_instance is not None:
                for message in buffered:
                    self._c_instance.send_midi(message)
                if requests:
                    self._c_instance.request_rebuild_midi_map()

    @property
    def _in_component_guard(self):
        return self._guard_depth > 0

    def request_rebuild_midi_map(self):
        """Ask Live to call build_midi_map later; one request per guarded block."""
        if self._in_component_guard:
            self._suppressed_rebuild_requests += 1
        else:
            self._c_instance.request_rebuild_midi_map()

    def _send_midi(self, midi_event_bytes, optimized=True):
        """Send MIDI; inside the guard, non-sysex messages are de-duplicated per (status, data1)."""
        midi_event_bytes = tuple(midi_event_bytes)
        if self._midi_buffer is not None and optimized and midi_event_bytes[0] != SYSEX_START:
            key = midi_event_bytes[:2]
            self._midi_buffer = [m for m in self._midi_buffer if m[0] == SYSEX_START or m[:2] != key]
            self._midi_buffer.append(midi_event_bytes)
        elif self._midi_buffer is not None:
            self._midi_buffer.append(midi_event_bytes)
        else:
            self._c_instance.send_midi(midi_event_bytes)
        return True

    # --- scheduling --------------------------------------------------------------------
    def schedule_message(self, delay_in_ticks, callback, parameter=None):
        """Call ``callback`` (with ``parameter`` if truthy) after ``delay_in_ticks`` ticks."""
        if not self._is_sending_scheduled_messages:
            delay_in_ticks -= 1

        def message():
            if parameter:
                callback(parameter)
            else:
                callback()

        if delay_in_ticks:
            task = sequence(DelayTask(delay_in_ticks), run(message))
        else:
            task = run(message)
        self._task_group.add(task)

    def _register_timer_callback(self, callback):
        """Call ``callback()`` on every update_display tick."""
        if callback not in self._timer_callbacks:
            self._timer_callbacks.append(callback)

    def _unregister_timer_callback(self, callback):
        """Stop calling ``callback`` on ticks."""
        if callback in self._timer_callbacks:
            self._timer_callbacks.remove(callback)

    def _report_task_error(self):
        text = "Error when executing task\n" + traceback.format_exc()
        report = getattr(self._c_instance, "_livesim_python_error", None)
        if report is not None:
            report(text)
        else:
            print(text)

    # --- what Live calls ---------------------------------------------------------------
    def update_display(self):
        """Live's ~100 ms tick: run timer callbacks and due scheduled messages."""
        with self.component_guard():
            for callback in list(self._timer_callbacks):
                callback()
            self._is_sending_scheduled_messages = True
            try:
                self._task_group.update(defaults.TIMER_DELAY)
            finally:
                self._is_sending_scheduled_messages = False

    def refresh_state(self):
        """Re-send the whole state (Live calls this after connecting)."""
        self.update()

    def update(self):
        """Update every component."""
        with self.component_guard():
            for component in self._components:
                component.update()

    def port_settings_changed(self):
        """The MIDI ports changed: refresh."""
        self.refresh_state()

    def connect_script_instances(self, instanciated_scripts):
        """Called with every running script once all are created."""

    def can_lock_to_devices(self):
        """Whether this surface can lock to a device."""
        return False

    def lock_to_device(self, device):
        """Lock to ``device``."""

    def unlock_from_device(self, device):
        """Release a device lock."""

    def toggle_lock(self):
        """Toggle the device lock."""
        self._c_instance.toggle_lock()

    def restore_bank(self, bank_index):
        """Restore a parameter bank after locking."""

    def suggest_input_port(self):
        """The MIDI input port name Live should pre-select ('' = none)."""
        return ""

    def suggest_output_port(self):
        """The MIDI output port name Live should pre-select ('' = none)."""
        return ""

    def suggest_map_mode(self, cc_no, channel):
        """The map mode for a CC the user maps manually (-1 = Live's choice)."""
        for control in self._controls:
            mode = getattr(control, "suggest_map_mode", None)
            if mode is not None:
                suggested = mode(cc_no, channel)
                if suggested is not None:
                    return suggested
        return -1

    def suggest_needs_takeover(self, cc_no, channel):
        """Whether a manually mapped CC needs takeover."""
        return True

    def supports_pad_translation(self):
        """Whether pad translations are installed."""
        return self._pad_translations is not None

    def build_midi_map(self, midi_map_handle):
        """Let every control install its translation, mapping or forwarding."""
        self._midi_map_handle = midi_map_handle
        self._forwarding_registry = {}
        try:
            with self.component_guard():
                for control in self._controls:
                    install = getattr(control, "install_connections", None)
                    if install is not None:
                        install(self._translate_message, self._install_mapping, self._install_forwarding)
        finally:
            self._midi_map_handle = None

    def _translate_message(self, msg_type, from_identifier, from_channel, to_identifier, to_channel):
        if msg_type == _MIDI_CC_TYPE:
            self._c_instance.set_cc_translation(from_identifier, from_channel, to_identifier, to_channel)
        elif msg_type == _MIDI_NOTE_TYPE:
            self._c_instance.set_note_translation(from_identifier, from_channel, to_identifier, to_channel)

    def _install_mapping(self, control, parameter, feedback_delay, feedback_map):
        import Live

        msg_type, channel = control.message_type(), control.message_channel()
        if msg_type == _MIDI_CC_TYPE:
            return Live.MidiMap.map_midi_cc(self._midi_map_handle, parameter, channel, control.message_identifier(),
                                            control.message_map_mode(), not control.needs_takeover())
        if msg_type == _MIDI_NOTE_TYPE:
            return Live.MidiMap.map_midi_note(self._midi_map_handle, parameter, channel,
                                              control.message_identifier())
        if msg_type == _MIDI_PB_TYPE:
            return Live.MidiMap.map_midi_pitchbend(self._midi_map_handle, parameter, channel,
                                                   not control.needs_takeover())
        return False

    def _install_forwarding(self, control):
        import Live

        msg_type, channel, handle = control.message_type(), control.message_channel(), self._c_instance.handle()
        if msg_type == _MIDI_CC_TYPE:
            success = Live.MidiMap.forward_midi_cc(handle, self._midi_map_handle, channel,
                                                   control.message_identifier())
        elif msg_type == _MIDI_NOTE_TYPE:
            success = Live.MidiMap.forward_midi_note(handle, self._midi_map_handle, channel,
                                                     control.message_identifier())
        elif msg_type == _MIDI_PB_TYPE:
            success = Live.MidiMap.forward_midi_pitchbend(handle, self._midi_map_handle, channel)
        else:
            success = False
        if success:
            for key in control.identifier_bytes():
                self._forwarding_registry[key] = control
        return success

    def receive_midi(self, midi_bytes):
        """Route forwarded MIDI to the control registered for it."""
        midi_bytes = tuple(midi_bytes)
        with self.component_guard():
            if midi_bytes and midi_bytes[0] == SYSEX_START:
                self.handle_sysex(midi_bytes)
                return
            status = midi_bytes[0]
            if status & 0xF0 == 0xE0:
                # Pitch bend: one control per channel, a 14-bit value.
                control = self._forwarding_registry.get((status,))
                value = midi_bytes[1] | (midi_bytes[2] << 7) if len(midi_bytes) > 2 else 0
            else:
                key = (status, midi_bytes[1]) if len(midi_bytes) > 1 else (status,)
                control = self._forwarding_registry.get(key)
                # A note-off (or a note-on of velocity 0) is a release: value 0.
                value = midi_bytes[-1] if len(midi_bytes) > 2 and status & 0xF0 != 0x80 else 0
            if control is not None:
                control.receive_value(value)

    def handle_sysex(self, midi_bytes):
        """Incoming sysex; subclasses override."""

    def disconnect(self):
        """Tear down: disconnect components and controls, drop pending scheduled messages."""
        with self.component_guard():
            for component in self._components:
                component.disconnect()
            for control in self._controls:
                disconnect = getattr(control, "disconnect", None)
                if disconnect is not None:
                    disconnect()
        disconnect_listeners(self)
        self._components = []
        self._controls = []
        self._timer_callbacks = []
        surfaces = _control_surfaces()
        if self in surfaces:
            surfaces.remove(self)
        self._task_group.clear()


class ControlSurface(SimpleControlSurface):
    """Control surface with a device provider following Live's selected device."""

    def __init__(self, *a, **k):
        super(ControlSurface, self).__init__(*a, **k)
        self._device_provider = None
        self._init_device_provider()

    def _init_device_provider(self):
        with self.component_guard():
            self._device_provider = DeviceProvider(song=self._c_instance.song())
        self._c_instance.update_locks()

    @property
    def device_provider(self):
        """The DeviceProvider following the appointed device."""
        return self._device_provider

    def disconnect(self):
        """Disconnect the device provider, then everything else."""
        if self._device_provider is not None:
            self._device_provider.disconnect()
            self._device_provider = None
        super(ControlSurface, self).disconnect()
