"""``_Framework.DisplayDataSource``: a string a display segment shows, and how it is fitted."""


def adjust_string_crop(original, length):
    """``original`` cut or padded with spaces to ``length``."""
    return original[:length].ljust(length)


def adjust_string(original, length):
    """``original`` fitted to ``length``: too long, it loses spaces, then vowels (from the end),
    then its tail; short, it is padded with spaces."""
    result = original
    for removable in (" ", "aeiou"):
        index = len(result) - 1
        while len(result) > length and index > 0:
            if result[index] in removable:
                result = result[:index] + result[index + 1:]
            index -= 1
    return adjust_string_crop(result, length)


class DisplayDataSource(object):
    """Holds a string; the segment it feeds is redrawn when it changes."""

    def __init__(self, display_string="", separator=None, *a, **k):
        super(DisplayDataSource, self).__init__(*a, **k)
        self._display_string = display_string
        self._separator = separator
        self._update_callback = None
        self._in_update = False

    @property
    def separator(self):
        """Text shown after the string (None: none)."""
        return self._separator

    def set_update_callback(self, update_callback):
        """What to call when the string changes (the segment's update)."""
        self._update_callback = update_callback

    def set_display_string(self, new_string):
        """Show ``new_string``."""
        new_string = str(new_string)
        if new_string != self._display_string:
            self._display_string = new_string
            self.update()

    def clear(self):
        """Show nothing."""
        self.set_display_string("")

    def update(self):
        """Redraw the segment."""
        if self._update_callback is not None and not self._in_update:
            self._in_update = True
            try:
                self._update_callback()
            finally:
                self._in_update = False

    def display_string(self):
        """The string."""
        return self._display_string

    def adjust_string(self, width):
        """The string fitted to ``width`` characters."""
        return adjust_string(self._display_string, width)
