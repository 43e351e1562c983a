"""Codec speed: messages per second, ours against python-osc, both directions.

python-osc is measured on its public fast paths: decoding is OscMessage(dgram)
(which parses the whole datagram on construction), encoding is
OscMessageBuilder(address) + add_arg(value) per argument + build().
"""
from __future__ import annotations

import timeit

from AbletonOSC.osc import decode_packet, encode_message


def cases():
    """The four benchmark messages: (name, address, args)."""
    notes = [3, 1]
    for n in range(64):
        notes += [36 + n % 24, n * 0.25, 0.25, 64 + n % 64, n % 5 == 0]
    return [
        ("tempo (1 float)", "/live/song/set/tempo", [120.0]),
        ("clip name (i i s)", "/live/clip/get/name", [3, 2, "Bass loop"]),
        ("64 notes (322 args)", "/live/clip/get/notes", notes),
        ("32 track names", "/live/song/get/track_names", ["Track %d" % (i + 1) for i in range(32)]),
    ]


def rate(fn, seconds=0.2, repeat=5):
    """Best calls per second of fn over a few timed batches."""
    timer = timeit.Timer(fn)
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= seconds / repeat:
            break
        number *= 2
    best = min([elapsed] + timer.repeat(repeat - 1, number))
    return number / best


def run():
    """Measure every case; return rows for the bench table."""
    try:
        from pythonosc.osc_message import OscMessage
        from pythonosc.osc_message_builder import OscMessageBuilder
    except ImportError:
        OscMessage = OscMessageBuilder = None
    rows = []
    for name, address, args in cases():
        data = encode_message(address, args)

        def ours_encode(address=address, args=args):
            return encode_message(address, args)

        def ours_decode(data=data):
            return decode_packet(data)

        def ref_encode(address=address, args=args):
            builder = OscMessageBuilder(address)
            for arg in args:
                builder.add_arg(arg)
            return builder.build().dgram

        def ref_decode(data=data):
            return OscMessage(data).params

        for direction, ours, ref in (("decode", ours_decode, ref_decode),
                                     ("encode", ours_encode, ref_encode)):
            ours_rate = rate(ours)
            row = {"benchmark": "codec " + direction, "case": name, "bytes": len(data),
                   "ours msg/s": ours_rate}
            if OscMessage is not None:
                ref_rate = rate(ref)
                row["python-osc msg/s"] = ref_rate
                row["ratio"] = ours_rate / ref_rate
            rows.append(row)
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
