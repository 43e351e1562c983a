"""A small stand-in for the remote script, for unit tests of the client: a few addresses
with the script's reply conventions (echoed indices, /live/error, listeners, /live/startup)."""
import socket
import threading

from AbletonOSC.osc import decode_packet, encode_message


class FakeScript(object):
    """Serves /live/test, song tempo, track names, listeners and reload on a UDP port."""

    def __init__(self, reply_port=None, reply_to_source=False, hold=0):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.reply_port = reply_port
        self.reply_to_source = reply_to_source
        self.tempo = 120.0
        self.names = ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]
        self.listeners = {}  # (get address, args) -> set of client addresses
        self.received = []
        self.silent = False
        # With hold=n, replies are kept until n are due, then sent in reverse order.
        self.hold = hold
        self._held = []
        self._closed = False
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def close(self):
        self._closed = True
        self.sock.sendto(b"", ("127.0.0.1", self.port))
        self._thread.join(2)
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ sending
    def target(self, source):
        if self.reply_to_source:
            return source
        return (source[0], self.reply_port)

    def send(self, client, address, args=()):
        if self.hold:
            self._held.append((client, address, args))
            if len(self._held) >= self.hold:
                held, self._held = self._held, []
                for item in reversed(held):
                    self.sock.sendto(encode_message(item[1], item[2]), item[0])
            return
        self.sock.sendto(encode_message(address, args), client)

    def broadcast(self, address, args=()):
        clients = set(c for subs in self.listeners.values() for c in subs)
        for client in clients:
            self.sock.sendto(encode_message(address, args), client)

    def notify(self, address, args, values):
        for client in self.listeners.get((address, tuple(args)), ()):
            self.sock.sendto(encode_message(address, tuple(args) + tuple(values)), client)

    def set_tempo(self, tempo):
        self.tempo = tempo
        self.notify("/live/song/get/tempo", (), (tempo,))

    def reload(self, to=()):
        """Drop every listener and announce /live/startup, as the script does on reload."""
        self.listeners.clear()
        for client in to:
            self.sock.sendto(encode_message("/live/startup"), client)

    # ------------------------------------------------------------------ serving
    def _loop(self):
        while True:
            data, source = self.sock.recvfrom(65536)
            if self._closed:
                return
            if not data:
                continue
            message = decode_packet(data)
            self.received.append((message.address, tuple(message.args)))
            if self.silent:
                continue
            try:
                self._serve(self.target(source), message.address, tuple(message.args))
            except (ValueError, TypeError, IndexError) as error:
                self.send(self.target(source), "/live/error", ("Error handling OSC message: %s" % error,
                                                               message.address))

    def _serve(self, client, address, args):
        if address == "/live/test":
            self.send(client, address, ("ok",))
        elif address == "/live/application/get/version":
            self.send(client, address, (12, 3))
        elif address == "/live/api/get/version":
            self.send(client, address, ("0.1.0",))
        elif address == "/live/song/get/tempo":
            self.send(client, address, (self.tempo,) + args)
        elif address == "/live/song/set/tempo":
            self.set_tempo(float(args[0]))
        elif address == "/live/song/set/silent_noop":
            pass
        elif address == "/live/track/get/name":
            index = int(args[0])
            if not 0 <= index < len(self.names):
                self.send(client, "/live/error", ("Error handling OSC message: Index out of range", address))
            else:
                self.send(client, address, (args[0], self.names[index]))
        elif address == "/live/song/start_listen/tempo":
            self.listeners.setdefault(("/live/song/get/tempo", args), set()).add(client)
            self.send(client, "/live/song/get/tempo", args + (self.tempo,))
        elif address == "/live/song/stop_listen/tempo":
            self.listeners.get(("/live/song/get/tempo", args), set()).discard(client)
        elif address == "/live/track/start_listen/name":
            index = int(args[0])
            if not 0 <= index < len(self.names):
                self.send(client, "/live/error", ("Error handling OSC message: Index out of range", address))
                return
            self.listeners.setdefault(("/live/track/get/name", args), set()).add(client)
            self.send(client, "/live/track/get/name", (args[0], self.names[index]))
        elif address == "/live/track/stop_listen/name":
            self.listeners.get(("/live/track/get/name", args), set()).discard(client)
        elif address == "/live/api/reload":
            clients = set(c for subs in self.listeners.values() for c in subs) | {client}
            self.reload(clients)
        else:
            self.send(client, "/live/error", ("Unknown OSC address: %s" % address, address))
