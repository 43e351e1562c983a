"""Clients that stopped answering: the system's ICMP "port unreachable" for a reply, per destination.

A client that quits without ending its listeners leaves the script sending updates to a closed
port. Linux tells which destination refused when the socket asks (``IP_RECVERR``; the refused
datagram's address is read from the socket's error queue). A destination that keeps refusing for
the grace period, and sends nothing meanwhile, has its client's listeners ended (the manager
does that on its tick). macOS and Windows do not say which destination refused a datagram that
an unconnected socket sent: there clients end their listeners themselves
(``/live/api/stop_listen_all``, which the Python client sends when it closes).
"""
import errno
import socket
import sys
import time

_IP_RECVERR = 11  # Linux's values; the socket module does not name them
_IPV6_RECVERR = 25
_MSG_ERRQUEUE = getattr(socket, "MSG_ERRQUEUE", 0x2000)
#: Errors an earlier datagram's refusal leaves on a socket that asked for them.
REFUSED = frozenset((errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.ENETUNREACH))
_MAX_TRACKED = 4096


class Unreachable(object):
    """Destinations (host, port) that refused datagrams, and since when."""

    def __init__(self, sock, family):
        self.since = {}
        self.enabled = False
        if sock is None or not sys.platform.startswith("linux") or not hasattr(sock, "recvmsg"):
            return
        try:
            if family == socket.AF_INET:
                sock.setsockopt(socket.IPPROTO_IP, _IP_RECVERR, 1)
            else:
                sock.setsockopt(socket.IPPROTO_IPV6, _IPV6_RECVERR, 1)
            self.enabled = True
        except (OSError, IOError, AttributeError):
            pass

    def drain(self, sock):
        """Read the socket's error queue, noting each destination that refused; whether there were any."""
        found = False
        if not self.enabled:
            return found
        for _ in range(64):  # bounded: the rest waits for the next error
            try:
                address = sock.recvmsg(1, 512, _MSG_ERRQUEUE)[3]
            except (OSError, IOError, AttributeError):
                break
            if address:
                found = True
                if len(self.since) >= _MAX_TRACKED:
                    self.since.clear()
                self.since.setdefault((address[0], address[1]), time.monotonic())
        return found

    def heard(self, host, port):
        """The destination spoke: it is there."""
        self.since.pop((host, port), None)

    def expired(self, grace):
        """The destinations refusing for ``grace`` seconds or more (forgotten here once returned)."""
        now = time.monotonic()
        gone = [address for address, since in self.since.items() if now - since >= grace]
        for address in gone:
            del self.since[address]
        return gone
