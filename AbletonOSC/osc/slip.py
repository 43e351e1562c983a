"""SLIP framing for OSC over stream transports (OSC 1.1, double-END style)."""
from __future__ import annotations

END = b"\xc0"
ESC = b"\xdb"
ESC_END = b"\xdb\xdc"
ESC_ESC = b"\xdb\xdd"

#: Frames larger than this (after unescaping) are dropped by default.
DEFAULT_MAX_PACKET = 1 << 20


def slip_encode(packet: bytes) -> bytes:
    """Frame one packet: END, the escaped packet, END."""
    return END + packet.replace(ESC, ESC_ESC).replace(END, ESC_END) + END


class SlipDecoder(object):
    """Split a byte stream into packets; frames over max_packet bytes are dropped."""

    __slots__ = ("max_packet", "dropped", "_buffer", "_skipping")

    def __init__(self, max_packet: int = DEFAULT_MAX_PACKET):
        self.max_packet = max_packet
        #: Frames dropped so far (too large, or a bad escape sequence).
        self.dropped = 0
        self._buffer = bytearray()
        self._skipping = False

    def feed(self, data: bytes) -> list:
        """Add received bytes; return the packets completed by them (possibly none)."""
        buffer = self._buffer
        buffer += data
        if END not in data:
            self._check_size()
            return []
        frames = buffer.split(END)
        self._buffer = bytearray(frames.pop())
        packets = []
        for frame in frames:
            if self._skipping:
                # The rest of a frame already dropped for its size.
                self._skipping = False
                continue
            if not frame:
                continue
            packet = self._unescape(bytes(frame))
            if packet is not None:
                packets.append(packet)
        self._check_size()
        return packets

    def _check_size(self):
        # Escaped bytes may be up to twice the packet size, never more.
        if len(self._buffer) > 2 * self.max_packet:
            del self._buffer[:]
            if not self._skipping:
                self._skipping = True
                self.dropped += 1

    def _unescape(self, frame):
        escapes = frame.count(ESC)
        if escapes:
            if escapes != frame.count(ESC_END) + frame.count(ESC_ESC):
                self.dropped += 1
                return None
            frame = frame.replace(ESC_END, END).replace(ESC_ESC, ESC)
        if len(frame) > self.max_packet:
            self.dropped += 1
            return None
        return frame
