"""Wrong arguments for every address in the registry: always /live/error naming the address.

Cases are generated from each address's signature (build_registry().describe()): a required
argument missing, extra arguments, wrong types, indices out of range or negative, NaN, and
64 KB strings. None may change the set, write a traceback to Live's log, or go unanswered.
"""
import math

import pytest

from AbletonOSC.handlers import build_registry
from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

SERVED = ("get", "set", "method", "start_listen", "stop_listen")
SKIP = {"/live/api/reload"}  # it restarts the handlers; covered in test_lifecycle
HUGE = "x" * 65000  # with the address and other arguments, as much as a datagram holds
VALID = {"T": 0, "D": 0, "i": 0, "f": 0.5, "b": False, "s": "x", "x": 0}
NAN = float("nan")


def _parse(signature):
    args = []
    for token in signature.split():
        name, _, kind = token.partition(":")
        args.append((name, kind.rstrip("*?"), kind.endswith("?") or kind.endswith("*"), kind.endswith("*")))
    return args


def _wrong_type(kind):
    return {"T": "no such track", "D": "no such device", "i": "seven", "f": "fast", "b": "maybe",
            "s": 7}.get(kind)


def cases(entry):
    """(label, args) that must each be refused with /live/error, for one described address."""
    args = _parse(entry["args"])
    required = [a for a in args if not a[2]]
    base = [VALID[kind] for _, kind, optional, _ in args if not optional]
    out = []
    if required:
        out.append(("missing %s" % required[-1][0], tuple(base[:-1])))
    if not any(a[3] for a in args) and entry["kind"] in ("set", "method"):
        out.append(("extra", tuple(base) + tuple(VALID[k] for _, k, _, _ in args[len(base):]) + (1, 2, 3)))
    for position, (name, kind, optional, variadic) in enumerate(args):
        if optional or kind == "x":
            continue
        index = name.endswith("_id") or name in ("track_index", "scene_index") or kind in ("T", "D")

        def with_value(value):
            values = list(base)
            values[position] = value
            return tuple(values)

        wrong = _wrong_type(kind)
        if wrong is not None:
            out.append(("%s wrong type" % name, with_value(wrong)))
        if kind in ("T", "D", "i", "f"):
            out.append(("%s NaN" % name, with_value(NAN)))
        if kind != "s":
            out.append(("%s 64 KB string" % name, with_value(HUGE)))
        # stop_listen on an object that is gone is silent by design: its listeners went with it.
        if index and kind in ("T", "D", "i") and entry["kind"] != "stop_listen":
            out.append(("%s out of range" % name, with_value(9999)))
            out.append(("%s negative" % name, with_value(-9999)))
    return out


def snapshot(song):
    """The set's state, read through the Live API, for before/after comparisons."""
    def track_state(track):
        state = [track.name, track.color, track.mixer_device.volume.value,
                 track.mixer_device.panning.value, [s.value for s in track.mixer_device.sends]]
        for slot in getattr(track, "clip_slots", []):
            clip = slot.clip if slot.has_clip else None
            state.append(None if clip is None else (clip.name, clip.length, clip.looping, clip.color,
                                                    len(clip.get_notes_extended(0, 128, -1e6, 2e6))
                                                    if clip.is_midi_clip else clip.gain))
        for device in track.devices:
            state.append((device.name, device.is_active, [p.value for p in device.parameters]))
        return state

    tracks = list(song.tracks) + list(song.return_tracks) + [song.master_track]
    mutes = [t.mute for t in list(song.tracks) + list(song.return_tracks)]
    return {
        "song": (song.tempo, song.signature_numerator, song.signature_denominator, song.metronome, song.loop,
                 song.loop_start, song.loop_length, song.is_playing, song.record_mode, song.groove_amount,
                 song.clip_trigger_quantization, song.current_song_time, len(song.cue_points)),
        "scenes": [(s.name, s.color) for s in song.scenes],
        "mutes": mutes,
        "tracks": [track_state(t) for t in tracks],
    }


@pytest.fixture(scope="module")
def entries():
    return [e for e in build_registry().describe() if e["kind"] in SERVED and e["address"] not in SKIP]


def test_every_address_refuses_wrong_arguments(entries):
    with running_sim(rich_set()) as (sim, client):
        before = sim.call(lambda: snapshot(sim.host.instance.song))
        unanswered = []
        batch = []

        def check(batch):
            client.sync(timeout=10.0)
            errors = client.errors(sync=False)
            named = {}
            for args in errors:
                if len(args) > 1:
                    named[args[1]] = named.get(args[1], 0) + 1
            for entry, sent in batch:
                got = named.get(entry["address"], 0)
                if got < len(sent):
                    unanswered.append((entry["address"], got, [label for label, _ in sent]))
            client.inbox = []

        for entry in entries:
            sent = cases(entry)
            for _, args in sent:
                client.send(entry["address"], *args)
            batch.append((entry, sent))
            if len(batch) >= 20:
                check(batch)
                batch = []
        check(batch)
        after = sim.call(lambda: snapshot(sim.host.instance.song))
        log = sim.log_text()
    assert unanswered == [], "addresses that did not refuse every wrong call: %s" % "\n".join(
        "%s (%d errors for %s)" % item for item in unanswered)
    assert "Traceback" not in log
    assert before == after
