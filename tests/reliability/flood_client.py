"""A flooding OSC client, run as its own process: N clients keep a window of queries outstanding.

    python flood_client.py PORT TOTAL CLIENTS WINDOW  ->  prints JSON {"sent", "answered", "errors"}

Only datagrams the socket accepted are counted as sent; a window that stalls for a second is
refilled (what it waited for counts as lost).
"""
import json
import os
import select
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from AbletonOSC.osc import decode_packet, encode_message  # noqa: E402

QUERIES = [
    ("/live/song/get/tempo", ()), ("/live/track/get/volume", (1,)), ("/live/track/get/name", (0,)),
    ("/live/clip_slot/get/has_clip", (0, 0)), ("/live/scene/get/name", (2,)), ("/live/song/get/is_playing", ()),
    ("/live/device/get/name", ("A", 0)), ("/live/track/get/mute", (3,)),
]


def main(port, total, clients, window):
    requests = [encode_message(a, args) for a, args in QUERIES]
    socks = []
    for _ in range(clients):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 21)
        sock.bind(("127.0.0.1", 0))
        sock.setblocking(False)
        socks.append(sock)
    target = ("127.0.0.1", port)
    per_client = total // clients
    sent = [0] * clients
    outstanding = [0] * clients
    answered = errors = 0
    last_reply = time.monotonic()

    def fill(n):
        while outstanding[n] < window and sent[n] < per_client:
            try:
                socks[n].sendto(requests[sent[n] % len(requests)], target)
            except (BlockingIOError, InterruptedError):
                return
            sent[n] += 1
            outstanding[n] += 1

    for n in range(clients):
        fill(n)
    while any(outstanding):
        ready, _, _ = select.select(socks, [], [], 0.2)
        if not ready:
            if time.monotonic() - last_reply > 2.0:
                break  # whatever is outstanding now is lost
            continue
        for sock in ready:
            n = socks.index(sock)
            while True:
                try:
                    data = sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    break
                last_reply = time.monotonic()
                if decode_packet(data).address == "/live/error":
                    errors += 1
                answered += 1
                outstanding[n] -= 1
            fill(n)
    print(json.dumps({"sent": sum(sent), "answered": answered, "errors": errors}))


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:5]])
