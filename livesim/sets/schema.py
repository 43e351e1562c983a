"""Validation of a set file's dict against the set schema (docs/SETS.md); errors name the key path.

Stricter than building a World: unknown keys are errors, so a typo in a hand-written set does
not silently fall back to a default.
"""
from .errors import SetError

TRACK_TYPES = ("midi", "audio", "group")
DEVICE_TYPES = ("instrument", "audio_effect", "midi_effect")
DENOMINATORS = (1, 2, 4, 8, 16)
MONITORING = ("in", "auto", "off")
CROSSFADE = ("A", "none", "B")


def _fail(path, text):
    raise SetError("%s: %s" % (path or "set", text))


def _is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _check(cond, path, text):
    if not cond:
        _fail(path, text)


def _str(v, path):
    _check(isinstance(v, str), path, "expected a string, got %r" % (v,))


def _num(v, path, lo=None, hi=None):
    _check(_is_num(v), path, "expected a number, got %r" % (v,))
    _check(lo is None or v >= lo, path, "must be >= %s, got %r" % (lo, v))
    _check(hi is None or v <= hi, path, "must be <= %s, got %r" % (hi, v))


def _int(v, path, lo=None, hi=None):
    _check(_is_int(v), path, "expected an integer, got %r" % (v,))
    _num(v, path, lo, hi)


def _bool(v, path):
    _check(isinstance(v, bool), path, "expected true or false, got %r" % (v,))


def _color(v, path):
    _int(v, path, 0, 0xFFFFFF)


def _list(v, path):
    _check(isinstance(v, list), path, "expected a list, got %r" % (type(v).__name__,))
    return v


def _object(v, path, fields, required=()):
    _check(isinstance(v, dict), path, "expected an object, got %r" % (type(v).__name__,))
    for key in required:
        _check(key in v, path, "missing key %r" % key)
    for key, value in v.items():
        sub = "%s.%s" % (path, key) if path else key
        check = fields.get(key)
        _check(check is not None, sub, "unknown key (allowed: %s)" % ", ".join(sorted(fields)))
        if value is None and key in _NULLABLE:
            continue
        check(value, sub)


def _list_of(check):
    def validate(v, path):
        for i, item in enumerate(_list(v, path)):
            check(item, "%s[%d]" % (path, i))
    return validate


_NULLABLE = ("tempo", "time_signature", "group", "color")


def _note(v, path):
    if isinstance(v, list):
        _check(len(v) == 5, path, "expected [pitch, start, duration, velocity, mute]")
        pitch, start, duration, velocity, mute = v
        _int(pitch, path + "[0]", 0, 127)
        _num(start, path + "[1]", 0)
        _num(duration, path + "[2]", 0)
        _num(velocity, path + "[3]", 0, 127)
        _bool(mute, path + "[4]")
        return
    _object(v, path, NOTE_FIELDS, required=("pitch", "start_time", "duration"))


NOTE_FIELDS = {
    "pitch": lambda v, p: _int(v, p, 0, 127), "start_time": lambda v, p: _num(v, p, 0),
    "duration": lambda v, p: _num(v, p, 0), "velocity": lambda v, p: _num(v, p, 0, 127), "mute": _bool,
    "probability": lambda v, p: _num(v, p, 0, 1), "velocity_deviation": lambda v, p: _num(v, p, -127, 127),
    "release_velocity": lambda v, p: _num(v, p, 0, 127),
}

CLIP_FIELDS = {
    "name": _str, "color": _color, "length": lambda v, p: _num(v, p, 0), "looping": _bool, "loop_start": _num,
    "loop_end": _num, "start_marker": _num, "end_marker": _num, "notes": _list_of(_note), "audio": _bool,
    "file_path": _str, "warping": _bool, "warp_mode": lambda v, p: _int(v, p, 0, 6), "gain": lambda v, p: _num(v, p, 0, 1),
    "launch_mode": lambda v, p: _int(v, p, 0, 3), "launch_quantization": lambda v, p: _int(v, p, 0, 14),
    "start_time": lambda v, p: _num(v, p, 0), "pitch_coarse": lambda v, p: _int(v, p, -48, 48),
    "pitch_fine": lambda v, p: _num(v, p, -50, 50), "ram_mode": _bool, "muted": _bool, "legato": _bool,
    "velocity_amount": lambda v, p: _num(v, p, 0, 1), "signature_numerator": lambda v, p: _int(v, p, 1, 99),
    "signature_denominator": lambda v, p: _check(v in DENOMINATORS, p, "must be one of 1, 2, 4, 8, 16"),
    "groove": lambda v, p: _int(v, p, 0),
    "envelopes": lambda v, p: _list_of(_envelope)(v, p),
    "end_time": lambda v, p: _num(v, p, 0),
    "warp_markers": _list_of(lambda v, p: _check(isinstance(v, list) and len(v) == 2 and all(_is_num(x) for x in v),
                                                 p, "expected [sample seconds, beat]")),
}


ENVELOPE_FIELDS = {
    "device": _str, "parameter": _str, "index": lambda v, p: _int(v, p, 0),
    "mixer": lambda v, p: _check(v in ("volume", "panning", "send"), p, "expected volume, panning or send"),
    "points": _list_of(lambda v, p: _check(isinstance(v, list) and len(v) == 2 and all(_is_num(x) for x in v),
                                           p, "expected [time, value]")),
}


def _envelope(v, path):
    _object(v, path, ENVELOPE_FIELDS, required=("points",))
    _check(("mixer" in v) != ("device" in v), path, "expected a 'mixer' or a 'device' target")
    _check("device" not in v or "parameter" in v, path, "a device target names its 'parameter'")


TARGET_FIELDS = dict(ENVELOPE_FIELDS, mixer=lambda v, p: _check(v in ("volume", "panning", "send", "tempo"), p,
                                                                 "expected volume, panning, send or tempo"))
del TARGET_FIELDS["points"]


def _target(v, path):
    """A parameter named as an envelope names it (the main track's tempo too)."""
    _object(v, path, TARGET_FIELDS)
    _check(("mixer" in v) != ("device" in v), path, "expected a 'mixer' or a 'device' target")
    _check("device" not in v or "parameter" in v, path, "a device target names its 'parameter'")


def _clip(v, path):
    _object(v, path, CLIP_FIELDS)
    if v.get("length") is not None:
        _check(v["length"] > 0, path + ".length", "must be > 0")
    if v.get("audio") and v.get("notes"):
        _fail(path + ".notes", "an audio clip has no notes")


def _slot(v, path):
    if v is not None:
        _clip(v, path)


def _arrangement_clip(v, path):
    _clip(v, path)
    _check("start_time" in v, path, "missing key 'start_time'")
    if "end_time" in v:
        _check(v["end_time"] > v["start_time"], path + ".end_time", "must be after start_time")


PARAMETER_FIELDS = {
    "name": _str, "value": _num, "min": _num, "max": _num, "is_quantized": _bool,
    "value_items": _list_of(_str),
}


def _parameter(v, path):
    _object(v, path, PARAMETER_FIELDS, required=("name",))
    lo, hi, value = v.get("min"), v.get("max"), v.get("value")
    if lo is not None and hi is not None:
        _check(lo <= hi, path, "min %r is above max %r" % (lo, hi))
        if value is not None:
            _check(lo <= value <= hi, path + ".value", "%r is outside [%r, %r]" % (value, lo, hi))


def _device(v, path):
    _object(v, path, DEVICE_FIELDS, required=("class_name",))
    if "type" in v:
        _check(v["type"] in DEVICE_TYPES, path + ".type", "expected one of %s" % ", ".join(DEVICE_TYPES))


CHAIN_FIELDS = {
    "name": _str, "color": _color, "devices": lambda v, p: _list_of(_device)(v, p), "mute": _bool, "solo": _bool,
    "volume": lambda v, p: _num(v, p, 0, 1), "panning": lambda v, p: _num(v, p, -1, 1),
}
DRUM_CHAIN_FIELDS = dict(CHAIN_FIELDS, out_note=lambda v, p: _int(v, p, 0, 127),
                         choke_group=lambda v, p: _int(v, p, 0, 16))


def _chain(v, path):
    _object(v, path, CHAIN_FIELDS)


def _drum_chain(v, path):
    _object(v, path, DRUM_CHAIN_FIELDS)


def _drum_pad(v, path):
    _object(v, path, {"note": lambda v, p: _int(v, p, 0, 127), "name": _str, "mute": _bool, "solo": _bool,
                      "chains": _list_of(_drum_chain)}, required=("note",))


DEVICE_FIELDS = {
    "name": _str, "class_name": _str, "type": _str, "parameters": _list_of(_parameter), "chains": _list_of(_chain),
    "return_chains": _list_of(_chain), "drum_pads": _list_of(_drum_pad), "sample": _str,
}

_MIXER_FIELDS = {
    "name": _str, "color": _color, "volume": lambda v, p: _num(v, p, 0, 1), "panning": lambda v, p: _num(v, p, -1, 1),
    "mute": _bool, "solo": _bool, "sends": _list_of(lambda v, p: _num(v, p, 0, 1)), "devices": _list_of(_device),
    "automated": _list_of(_target),
}

TRACK_FIELDS = dict(_MIXER_FIELDS, **{
    "type": _str, "group": lambda v, p: _int(v, p, 0), "arm": _bool, "fold_state": _bool,
    "monitoring": lambda v, p: _check(v in MONITORING, p, "expected one of %s" % ", ".join(MONITORING)),
    "crossfade": lambda v, p: _check(v in CROSSFADE, p, "expected one of %s" % ", ".join(CROSSFADE)),
    "clips": _list_of(_slot), "arrangement_clips": _list_of(_arrangement_clip),
})

RETURN_FIELDS = dict(_MIXER_FIELDS)

MASTER_FIELDS = {"name": _str, "color": _color, "volume": _MIXER_FIELDS["volume"],
                 "panning": _MIXER_FIELDS["panning"], "devices": _list_of(_device),
                 "automated": _MIXER_FIELDS["automated"]}


def _time_signature(v, path):
    _check(isinstance(v, list) and len(v) == 2, path, "expected [numerator, denominator]")
    _int(v[0], path + "[0]", 1, 99)
    _check(v[1] in DENOMINATORS, path + "[1]", "denominator must be one of 1, 2, 4, 8, 16")


SCENE_FIELDS = {"name": _str, "color": _color, "tempo": lambda v, p: _num(v, p, 20, 999),
                "time_signature": _time_signature}

CUE_FIELDS = {"name": _str, "time": lambda v, p: _num(v, p, 0)}

SET_FIELDS = {
    "name": _str, "tempo": lambda v, p: _num(v, p, 20, 999), "signature_numerator": lambda v, p: _int(v, p, 1, 99),
    "signature_denominator": lambda v, p: _check(v in DENOMINATORS, p, "must be one of 1, 2, 4, 8, 16"),
    "scenes": _list_of(lambda v, p: _object(v, p, SCENE_FIELDS)),
    "tracks": _list_of(lambda v, p: _object(v, p, TRACK_FIELDS)),
    "returns": _list_of(lambda v, p: _object(v, p, RETURN_FIELDS)),
    "master": lambda v, p: _object(v, p, MASTER_FIELDS),
    "cue_points": _list_of(lambda v, p: _object(v, p, CUE_FIELDS, required=("time",))),
    "clip_trigger_quantization": lambda v, p: _int(v, p, 0, 13), "loop": _bool,
    "loop_start": lambda v, p: _num(v, p, 0), "loop_length": lambda v, p: _num(v, p, 0),
    "metronome": _bool, "root_note": lambda v, p: _int(v, p, 0, 11), "scale_name": _str,
    "swing_amount": _num, "groove_amount": _num, "selected_track": lambda v, p: _int(v, p, 0),
    "selected_scene": lambda v, p: _int(v, p, 0),
    # Grooves are checked by the World's builder (Live.GroovePool).
    "groove_pool": _list_of(lambda v, p: _check(isinstance(v, dict), p, "expected an object")),
    # Checked by the World's builder (Live._tuning_system_model.from_spec).
    "tuning_system": lambda v, p: _check(isinstance(v, dict), p, "expected an object"),
}


def validate_set(data):
    """Check ``data`` against the set schema; raise SetError naming the first bad key path."""
    _object(data, "", SET_FIELDS)
    scenes = len(data.get("scenes", []))
    tracks = data.get("tracks", [])
    returns = len(data.get("returns", []))
    _check(returns <= 12, "returns", "Live allows at most 12 return tracks")
    grooves = len(data.get("groove_pool", []))
    for i, track in enumerate(tracks):
        path = "tracks[%d]" % i
        kind = track.get("type", "midi")
        _check(kind in TRACK_TYPES, path + ".type", "expected one of %s, got %r" % (", ".join(TRACK_TYPES), kind))
        group = track.get("group")
        if group is not None:
            _check(group < i and tracks[group].get("type") == "group", path + ".group",
                   "%r is not the index of an earlier group track" % group)
        clips = track.get("clips", [])
        _check(len(clips) <= scenes, path + ".clips", "%d clip slots but the set has %d scenes" % (len(clips), scenes))
        if kind == "group":
            _check(not any(clips), path + ".clips", "a group track holds no clips")
            _check(not track.get("arrangement_clips"), path + ".arrangement_clips", "a group track holds no clips")
            _check(not track.get("arm"), path + ".arm", "a group track cannot be armed")
            _check("monitoring" not in track, path + ".monitoring", "a group track has no monitoring state")
        for key in ("clips", "arrangement_clips"):
            for j, clip in enumerate(track.get(key, [])):
                if clip is not None and kind == "midi" and clip.get("audio"):
                    _fail("%s.%s[%d].audio" % (path, key, j), "a MIDI track holds MIDI clips only")
                if clip is not None and kind == "audio" and clip.get("notes"):
                    _fail("%s.%s[%d].notes" % (path, key, j), "an audio track holds audio clips only")
        _check(len(track.get("sends", [])) <= returns, path + ".sends", "more sends than return tracks")
        for key in ("clips", "arrangement_clips"):
            for j, clip in enumerate(track.get(key, [])):
                if clip is not None and clip.get("groove") is not None:
                    _check(clip["groove"] < grooves, "%s.%s[%d].groove" % (path, key, j),
                           "%r is not an index into groove_pool" % clip["groove"])
    return data
