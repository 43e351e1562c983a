"""A 128-track, 16-scene set with a named clip in every slot (livesim.default_set.scale_set).

The script runs in a livesim subprocess. Measured: reading the whole set's state with
/live/song/get/track_data over UDP in pages that fit a datagram and over TCP in one reply; the
listener fan-out when 4 clients each listen to 100 track volumes and all 100 change (one bundle of
100 /live/track/set/volume); the resident memory of livesim plus the script for the set, and per
listener with 10,000 subscriptions.
"""
import socket
import time

from bench._live import Client, LiveProcess, decode_packet, encode_message

TRACKS, SCENES = 128, 16
PROPERTIES = ("track.name", "track.volume", "track.mute", "clip_slot.has_clip", "clip.name", "clip.length")
PAGE = 32  # tracks per UDP request: about 20 KB of reply


def read_udp(process):
    """(seconds, bytes, requests) to read every track's PROPERTIES in pages over UDP."""
    client = Client(process.port)
    try:
        client.sock.settimeout(5.0)
        start = time.perf_counter()
        total = 0
        pages = range(0, TRACKS, PAGE)
        for first in pages:
            client.send("/live/song/get/track_data", first, first + PAGE, *PROPERTIES)
        for _ in pages:
            total += len(client.sock.recv(1 << 17))
        return time.perf_counter() - start, total, len(pages)
    finally:
        client.close()


def read_tcp(process, port):
    """(seconds, bytes) to read every track's PROPERTIES in one reply over TCP (SLIP)."""
    from AbletonOSC.osc import SlipDecoder, slip_encode

    sock = socket.create_connection(("127.0.0.1", port))
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        decoder = SlipDecoder(1 << 24)
        start = time.perf_counter()
        sock.sendall(slip_encode(encode_message("/live/song/get/track_data", (0, -1) + PROPERTIES)))
        while True:
            data = sock.recv(1 << 20)
            if not data:
                raise RuntimeError("the script closed the TCP connection")
            packets = decoder.feed(data)
            if packets:
                return time.perf_counter() - start, len(packets[0])
    finally:
        sock.close()


def fan_out(process, clients=4, tracks=100):
    """Seconds from sending 100 volume changes to receiving all clients x tracks notifications."""
    listeners = [Client(process.port) for _ in range(clients)]
    editor = Client(process.port)
    try:
        for client in listeners:
            for track in range(tracks):
                client.send("/live/track/start_listen/volume", track)
            got = 0
            client.sock.settimeout(5.0)
            while got < tracks:
                client.sock.recv(1 << 16)
                got += 1
        from AbletonOSC.osc import Message, encode_bundle

        bundle = encode_bundle(None, [Message("/live/track/set/volume", (t, 0.5)) for t in range(tracks)])
        start = time.perf_counter()
        editor.sock.sendto(bundle, editor.target)
        for client in listeners:
            got = 0
            while got < tracks:
                packet = decode_packet(client.sock.recv(1 << 16))
                if packet.address == "/live/track/get/volume":
                    got += 1
        elapsed = time.perf_counter() - start
        for client in listeners:
            for track in range(tracks):
                client.send("/live/track/stop_listen/volume", track)
        return elapsed
    finally:
        for client in listeners + [editor]:
            client.close()


def memory_per_listener(process, target=10000):
    """(KiB before, KiB after, subscriptions) for clients listening to every clip's name."""
    per_client = TRACKS * SCENES
    count = (target + per_client - 1) // per_client
    before = process.rss_kib()
    clients = [Client(process.port) for _ in range(count)]
    try:
        for client in clients:
            for scene in range(SCENES):  # "*" selects every track; clip indices are explicit
                client.send("/live/clip/start_listen/name", "*", scene)
            client.sock.settimeout(10.0)
            for _ in range(per_client):
                client.sock.recv(1 << 16)
        time.sleep(0.5)
        return before, process.rss_kib(), count * per_client
    finally:
        for client in clients:
            for scene in range(SCENES):
                client.send("/live/clip/stop_listen/name", "*", scene)
            client.close()


def run():
    """Rows: state reads (UDP pages, TCP), fan-out, memory."""
    from livesim.default_set import scale_set

    settings = {"reply_to_source": "true", "tcp_port": -1}  # -1: any free port, read back
    rows = []
    with LiveProcess(scale_set(TRACKS, SCENES), settings) as process:
        base_rss = process.rss_kib()
        read_udp(process)  # warm up
        seconds, size, pages = read_udp(process)
        rows.append({"benchmark": "scale", "case": "state read, UDP, %d pages of %d tracks" % (pages, PAGE),
                     "ms": seconds * 1000.0, "bytes": size})
        read_tcp(process, process.tcp_port)
        seconds, size = read_tcp(process, process.tcp_port)
        rows.append({"benchmark": "scale", "case": "state read, TCP, one reply", "ms": seconds * 1000.0,
                     "bytes": size})
        seconds = fan_out(process)
        rows.append({"benchmark": "scale", "case": "fan-out: 100 changes x 4 clients = 400 updates",
                     "ms": seconds * 1000.0})
        before, after, subs = memory_per_listener(process)
        rows.append({"benchmark": "scale", "case": "resident memory, livesim + script + set", "KiB": base_rss})
        rows.append({"benchmark": "scale", "case": "memory per listener (%d subscriptions)" % subs,
                     "bytes": int((after - before) * 1024 / subs)})
    return rows
