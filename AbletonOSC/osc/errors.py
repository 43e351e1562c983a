"""The codec's exceptions."""


class OSCDecodeError(ValueError):
    """Bytes that are not a valid OSC packet; says what is wrong and at which byte offset."""

    def __init__(self, reason, offset):
        ValueError.__init__(self, "%s at byte offset %d" % (reason, offset))
        self.reason = reason
        self.offset = offset


class OSCEncodeError(ValueError):
    """A value that cannot be encoded as the OSC type asked for (or inferred)."""


class OSCPatternError(ValueError):
    """An address pattern that is not well formed (e.g. an unclosed '[' or '{')."""
