"""``_Framework.PhysicalDisplayElement``: a character display written with sysex.

The display is ``width_in_chars`` wide and split into ``num_segments`` equal segments, each
fed by a DisplayDataSource.  A change redraws it: ``header + characters + tail`` goes out
through ``send_midi``; characters go through the translation table (a dict of character to
byte; without one, ASCII as it is and anything else as ``?``).
"""
from .ControlElement import ControlElement
from .LogicalDisplaySegment import LogicalDisplaySegment


class PhysicalDisplayElement(ControlElement):
    """Build it inside ``component_guard()``; ``set_message_parts`` before anything is shown."""

    def __init__(self, width_in_chars=None, num_segments=None, *a, **k):
        super(PhysicalDisplayElement, self).__init__(*a, **k)
        self._width = width_in_chars
        self._logical_segments = []
        self._translation_table = None
        self._message_header = None
        self._message_tail = None
        self._message_clear_all = None
        self._block_messages = False
        self._last_sent_message = None
        self.set_num_segments(num_segments)

    def set_num_segments(self, num_segments):
        """Split the display into ``num_segments`` equal segments."""
        if num_segments is None or self._width is None:
            self._logical_segments = []
            return
        if num_segments < 1 or self._width % num_segments:
            raise AssertionError("the width must split into %r segments" % (num_segments,))
        for segment in self._logical_segments:
            segment.disconnect()
        width = self._width // num_segments
        self._logical_segments = [LogicalDisplaySegment(width, self.update) for _ in range(num_segments)]

    def segment(self, index):
        """Segment ``index``."""
        return self._logical_segments[index]

    def set_data_sources(self, data_sources):
        """One source per segment (None: every segment blank)."""
        data_sources = list(data_sources or [])
        for index, segment in enumerate(self._logical_segments):
            segment.set_data_source(data_sources[index] if index < len(data_sources) else None)

    def set_translation_table(self, translation_table):
        """A dict of character to byte; ``'?'`` must be in it (for characters it lacks)."""
        if "?" not in translation_table:
            raise AssertionError("the translation table needs '?'")
        self._translation_table = translation_table

    def set_message_parts(self, header, tail):
        """The bytes before and after the characters."""
        self._message_header = tuple(header)
        self._message_tail = tuple(tail)

    def set_clear_all_message(self, message):
        """The message that blanks the display (sent by ``reset``)."""
        self._message_clear_all = tuple(message)

    def set_block_messages(self, block):
        """While True, nothing is sent."""
        self._block_messages = bool(block)
        if not block:
            self.update()

    def display_string(self):
        """What the segments show, side by side."""
        return "".join(segment.display_string() for segment in self._logical_segments)

    def display_message(self, message):
        """Show ``message`` across the whole display (fitted to the width)."""
        if self._message_header is not None and not self._block_messages:
            self._send_text(message[:self._width].ljust(self._width) if self._width else message)

    def update(self):
        """Send what the segments show."""
        if self._message_header is not None and not self._block_messages and self._logical_segments:
            self._send_text(self.display_string())

    def reset(self):
        """Blank the display."""
        if self._block_messages:
            return
        if self._message_clear_all is not None:
            self.send_midi(self._message_clear_all)
        elif self._message_header is not None and self._width:
            self._send_text(" " * self._width)

    def _translate(self, char):
        table = self._translation_table
        if table is not None:
            return table.get(char, table["?"])
        return ord(char) if ord(char) < 128 else ord("?")

    def _send_text(self, text):
        message = self._message_header + tuple(self._translate(c) for c in text) + self._message_tail
        if message != self._last_sent_message:
            self._last_sent_message = message
            self.send_midi(message)

    def clear_send_cache(self):
        """The next update is sent even if unchanged."""
        self._last_sent_message = None

    def disconnect(self):
        """Let go of the sources."""
        for segment in self._logical_segments:
            segment.disconnect()
        self._logical_segments = []
        super(PhysicalDisplayElement, self).disconnect()
