"""``_Framework.LogicalDisplaySegment``: a part of a physical display fed by a DisplayDataSource."""


class LogicalDisplaySegment(object):
    """``width`` characters; ``update_callback`` redraws the whole display."""

    def __init__(self, width=None, update_callback=None, *a, **k):
        super(LogicalDisplaySegment, self).__init__(*a, **k)
        self._update_callback = update_callback
        self._width = width
        self._position_identifier = ()
        self._data_source = None

    def set_data_source(self, data_source):
        """Show ``data_source`` (None: blank)."""
        if self._data_source is not None:
            self._data_source.set_update_callback(None)
        self._data_source = data_source
        if data_source is not None:
            data_source.set_update_callback(self.update)
        self.update()

    def data_source(self):
        """The source shown."""
        return self._data_source

    def set_position_identifier(self, position):
        """Where the segment sits (kept for the script)."""
        self._position_identifier = position

    def position_identifier(self):
        """Where the segment sits."""
        return self._position_identifier

    def update(self):
        """Redraw the display."""
        if self._update_callback is not None:
            self._update_callback()

    def display_string(self):
        """The segment's text: the source fitted to the width, then its separator."""
        if self._data_source is None:
            return " " * self._width
        separator = self._data_source.separator or ""
        return self._data_source.adjust_string(self._width - len(separator)) + separator

    def disconnect(self):
        """Let go of the source."""
        self.set_data_source(None)
        self._update_callback = None
