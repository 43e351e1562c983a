"""The control port: a small OSC interface to the host itself (virtual clock and inspection).

    /livesim/advance <seconds>   advance engine time; replies /livesim/advance <song time>
    /livesim/tick [<n>]          run n update_display ticks (default 1); replies /livesim/tick <tick count>
    /livesim/status              replies /livesim/status <status message> <Live version> <tick count>
    /livesim/log [<lines>]       replies /livesim/log <last lines of the log>
    /livesim/reload              reload the script; replies /livesim/reload <status message>
    /livesim/open_set [<set>]    open another set (default|FILE.json|FILE.als): the script restarts;
                                 replies /livesim/open_set <what the set holds> <status message>
Replies go to the sender; a failure replies /livesim/error <address> <reason>.  Requests are
received on a thread of their own and run on the host thread through ``host.call``.
"""
import os
import socket
import sys
import threading

from .sets import describe_set, load_set
from .world import World


def _codec():
    try:
        from AbletonOSC import osc
    except ImportError:
        sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        from AbletonOSC import osc
    return osc


class ControlPort(object):
    """Serves control requests on UDP ``address:port``."""

    def __init__(self, host, port, address="127.0.0.1"):
        self.host = host
        self.osc = _codec()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            self.sock.bind((address, port))
        except OSError:
            self.sock.close()
            raise
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="livesim-control", daemon=True)

    def start(self):
        """Start serving in the background."""
        self._thread.start()
        return self

    def close(self):
        """Stop serving and close the socket."""
        self._closed.set()
        if self._thread.is_alive():
            self._thread.join(2.0)
        self.sock.close()

    def _serve(self):
        while not self._closed.is_set():
            try:
                data, sender = self.sock.recvfrom(65536)
            except socket.timeout:
                continue
            except OSError:
                return
            for reply in self._replies(data):
                try:
                    self.sock.sendto(reply, sender)
                except OSError:
                    pass  # the sender went away

    def _messages(self, packet):
        if isinstance(packet, self.osc.Bundle):
            for element in packet.elements:
                for message in self._messages(element):
                    yield message
        else:
            yield packet

    def _replies(self, data):
        osc = self.osc
        try:
            packet = osc.decode_packet(data)
        except osc.OSCDecodeError as exc:
            return [osc.encode_message("/livesim/error", ["", "malformed OSC: %s" % exc])]
        replies = []
        for message in self._messages(packet):
            try:
                address, args = self.host.call(self.handle, message.address, list(message.args))
            except Exception as exc:
                address, args = "/livesim/error", [message.address, "%s: %s" % (type(exc).__name__, exc)]
            replies.append(osc.encode_message(address, args))
        return replies

    def handle(self, address, args):
        """Run one control request on the host thread; returns (reply address, reply args)."""
        host = self.host
        if address == "/livesim/advance":
            seconds = float(args[0]) if args else host.tick_interval
            host.world.advance(seconds)
            return address, [float(host.world.song.current_song_time)]
        if address == "/livesim/tick":
            count = int(args[0]) if args else 1
            for _ in range(count):
                host.tick()
            return address, [host.ticks]
        if address == "/livesim/status":
            version = ".".join(str(v) for v in host.world.version)
            return address, [host.status_message(), version, host.ticks]
        if address == "/livesim/log":
            count = int(args[0]) if args else 20
            lines = host.log_text().splitlines()[-count:]
            return address, ["\n".join(lines)]
        if address == "/livesim/reload":
            host.reload_script()
            return address, [host.status_message()]
        if address == "/livesim/open_set":
            spec = str(args[0]) if args else "default"
            report = []
            data = load_set(spec, version=host.world.version, report=report)
            host.open_set(World(set_data=data, live_version=host.world.version,
                                virtual_clock=host.world.virtual_clock, display_rate=host.world.display_rate,
                                set_report=report))
            return address, [describe_set(data), host.status_message()]
        return "/livesim/error", [address, "unknown control address"]
