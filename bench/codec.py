"""Codec speed: messages per second, ours against python-osc, both directions.

python-osc is measured on its public fast paths: decoding is OscMessage(dgram)
(which parses the whole datagram on construction) and reading .params,
encoding is OscMessageBuilder(address) + add_arg(value) per argument + build().
Ours: decode_packet(dgram) and encode_message(address, args).
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


def _batch(timer, seconds):
    """A call count for which one timed batch takes about seconds."""
    number = 1
    while timer.timeit(number) < seconds:
        number *= 2
    return number


def rates(first, second, seconds=0.03, rounds=9):
    """Best calls per second of two functions, timed in alternating batches.

    Alternating keeps both measurements under the same machine load, so the ratio
    holds even when other work comes and goes; the best batch of each is kept.
    """
    timers = [timeit.Timer(first), timeit.Timer(second)]
    numbers = [_batch(t, seconds) for t in timers]
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for k in (0, 1):
            best[k] = min(best[k], timers[k].timeit(numbers[k]) / numbers[k])
    return 1.0 / best[0], 1.0 / best[1]


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

        for direction, ours, ref, path in (
                ("decode", ours_decode, ref_decode, "OscMessage(dgram).params"),
                ("encode", ours_encode, ref_encode, "OscMessageBuilder: add_arg, build")):
            row = {"benchmark": "codec " + direction, "case": name, "bytes": len(data)}
            if OscMessage is None:
                row["ours msg/s"] = rates(ours, ours)[0]
                row["python-osc path"] = "(python-osc not installed)"
            else:
                row["ours msg/s"], row["python-osc msg/s"] = rates(ours, ref)
                row["ratio"] = row["ours msg/s"] / row["python-osc msg/s"]
                row["python-osc path"] = path
            rows.append(row)
    return rows


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
