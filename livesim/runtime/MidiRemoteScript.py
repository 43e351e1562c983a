"""``MidiRemoteScript``: the ``c_instance`` Live hands to ``create_instance``.

It offers what Live's offers (song, status bar, log, MIDI map requests, MIDI out, session box,
locks, preferences) and no ``application()``.  Members starting with ``_livesim`` are the
host's side and not part of Live's interface.
"""


class Preferences(dict):
    """A script's preferences entry; Live serialises it through the registered serializer."""

    def __init__(self):
        super(Preferences, self).__init__()
        self._serializer = None

    def set_serializer(self, serializer):
        """Register the callable that produces the value to save."""
        self._serializer = serializer


class MidiRemoteScript(object):
    """One control-surface slot's connection to Live."""

    def __init__(self, song_getter, log, handle=1, instance_identifier=0, max_sent_midi=1000):
        self._livesim_song = song_getter
        self._livesim_log = log
        self._livesim_handle = handle
        self._livesim_identifier = instance_identifier
        self._livesim_status = ""
        self._livesim_rebuild_requested = False
        self._livesim_sent_midi = []
        self._livesim_max_sent_midi = max_sent_midi
        self._livesim_session_highlight = None
        self._livesim_controlled_track = None
        self._livesim_feedback_channels = []
        self._livesim_preferences = {}
        self._livesim_lock_toggles = 0
        self._livesim_lock_requested = False
        # (status 0xB0 or 0x90, channel, number) -> (channel, number), for the MIDI map being built
        self._livesim_translations = {}
        self._livesim_errors = None  # set by the host: callable(text) for framework errors

    # --- Live's interface ----------------------------------------------------------------
    def song(self):
        """The current Live.Song.Song."""
        return self._livesim_song()

    def show_message(self, message):
        """Show ``message`` in the status bar."""
        self._livesim_status = str(message)

    def log_message(self, message):
        """Write ``message`` to Log.txt as a RemoteScriptMessage."""
        self._livesim_log("info: RemoteScriptMessage: %s" % (message,))

    def request_rebuild_midi_map(self):
        """Ask Live to call build_midi_map soon (asynchronously, coalesced)."""
        self._livesim_rebuild_requested = True

    def send_midi(self, midi_event_bytes):
        """Send a MIDI message (a tuple of ints 0-255) to the surface's output port."""
        if not isinstance(midi_event_bytes, tuple):
            raise TypeError("send_midi expects a tuple of ints")
        for byte in midi_event_bytes:
            if not isinstance(byte, int) or not 0 <= byte <= 255:
                raise ValueError("MIDI bytes must be ints in 0..255")
        self._livesim_sent_midi.append(midi_event_bytes)
        del self._livesim_sent_midi[:-self._livesim_max_sent_midi]

    def handle(self):
        """The script handle used with Live.MidiMap.forward_midi_*."""
        return self._livesim_handle

    def instance_identifier(self):
        """The slot's identifier."""
        return self._livesim_identifier

    def preferences(self, key):
        """The preferences entry ``key`` (a dict with ``set_serializer``)."""
        return self._livesim_preferences.setdefault(key, Preferences())

    def set_session_highlight(self, track_offset, scene_offset, width, height, include_return_tracks,
                              include_rack_chains=False):
        """Show the session box (the red ring)."""
        self._livesim_session_highlight = (track_offset, scene_offset, width, height, bool(include_return_tracks),
                                           bool(include_rack_chains))

    def set_cc_translation(self, cc, channel, translated_cc, translated_channel):
        """Translate an incoming CC (part of the MIDI map being built)."""
        self._livesim_translations[(0xB0, channel, cc)] = (translated_channel, translated_cc)

    def set_note_translation(self, note, channel, translated_note, translated_channel):
        """Translate an incoming note (part of the MIDI map being built)."""
        self._livesim_translations[(0x90, channel, note)] = (translated_channel, translated_note)

    def set_pad_translation(self, pad_translation):
        """Install pad translations."""

    def set_feedback_channels(self, channels):
        """Channels on which Live sends feedback."""
        self._livesim_feedback_channels = list(channels)

    def set_feedback_velocity(self, velocity):
        """Velocity of feedback notes."""

    def set_controlled_track(self, track):
        """Take control of ``track`` (auto-arm)."""
        self._livesim_controlled_track = track

    def release_controlled_track(self):
        """Give the controlled track back."""
        self._livesim_controlled_track = None

    def update_locks(self):
        """Live re-reads the device locks."""

    def toggle_lock(self):
        """Toggle the device lock: Live then calls the script's lock_to_device or unlock_from_device."""
        self._livesim_lock_toggles += 1
        self._livesim_lock_requested = True

    # --- the host's side -----------------------------------------------------------------
    def _livesim_python_error(self, text):
        # Framework errors (a scheduled task that raised) go to the log like Python's stderr.
        if self._livesim_errors is not None:
            self._livesim_errors(text)
        else:
            self._livesim_log("error: Python: %s" % text)
