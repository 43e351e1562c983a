"""What both clients share on the wire: the socket, bundles, the messages of a packet, and
the addresses and time limits they rely on."""
from __future__ import annotations

import errno
import socket
from typing import Any, Iterable, List, Sequence, Tuple

from .errors import ReplyPortInUse

from AbletonOSC.osc import Bundle, encode_bundle, encode_message, is_pattern, pattern_matches

TEST = "/live/test"
#: Ends every listener of the sending client; sent on close.
STOP_LISTEN_ALL = "/live/api/stop_listen_all"
# Answered by every AbletonOSC, upstream's too, and changes nothing: marks "all before it is served".
BARRIER = "/live/application/get/version"
DEFAULT_TIMEOUT = 1.0
PROBE_TIMEOUT = 0.5
RECV_SIZE = 65536


def barrier_for(address: str) -> str:
    """A barrier address whose answer a pattern request cannot take for its own."""
    if is_pattern(address) and pattern_matches(address, BARRIER):
        return TEST  # methods never answer patterns, so /live/test's 'ok' is the barrier's
    return BARRIER


def open_socket(reply_port: int) -> socket.socket:
    """A UDP socket bound to the reply port (0: an ephemeral one) on every interface.

    ReplyPortInUse (an OSError) when another program has the port, naming it when the system tells.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind(("0.0.0.0", reply_port))
    except OSError as error:
        sock.close()
        if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", 10048), 10048):
            raise ReplyPortInUse(reply_port, error)
        raise
    return sock


def bundle_of(messages: Iterable[Tuple[str, Sequence[Any]]]) -> bytes:
    """One OSC bundle (timetag: immediately) of (address, args) pairs."""
    return encode_bundle(None, [encode_message(address, tuple(args)) for address, args in messages])


def messages_of(packet: Any) -> List[Any]:
    """The messages of a decoded packet, bundles flattened in order."""
    if isinstance(packet, Bundle):
        result = []  # type: List[Any]
        for element in packet.elements:
            result.extend(messages_of(element))
        return result
    return [packet]
