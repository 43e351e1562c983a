"""Sets as data: validate a set dict (docs/SETS.md), build a World's model from it, export it back."""
import numbers

from Live import _palette
from Live._device_parameter_model import AutomationState
from Live._devices_model import spec_of
from Live._clip_model import ClipLaunchQuantization, ClipNode, LaunchMode, WarpMode
from Live._clip_slot_model import SlotNode
from Live._envelope_model import new_envelope
from Live._groove_pool_model import build_groove_pool
from Live._mixer_model import crossfade_assignments
from Live._scene_model import SceneNode
from Live._song_model import CueNode, Quantization, SongNode, set_tempo as _set_song_tempo
from Live._track_model import TrackNode, monitoring_states

from livesim.default_set import default_set

TRACK_TYPES = ("midi", "audio", "group")
MONITORING = ("in", "auto", "off")  # Track.monitoring_states 0, 1, 2
CROSSFADE = ("A", "none", "B")  # MixerDevice.crossfade_assignments 0, 1, 2
DEVICE_TYPES = {"undefined": 0, "instrument": 1, "audio_effect": 2, "midi_effect": 4}


def _fail(path, message):
    raise ValueError("%s: %s" % (path, message))


def _num(d, key, path, default, lo=None, hi=None, integer=False):
    v = d.get(key, default)
    if v is None and default is None:
        return None
    t = type(v)
    # plain int and float skip the slower abstract numbers.Real check
    if (t is not float and t is not int and (isinstance(v, bool) or not isinstance(v, numbers.Real))) \
            or integer and not float(v).is_integer():
        _fail("%s.%s" % (path, key), "expected %s, got %r" % ("an integer" if integer else "a number", v))
    if lo is not None and v < lo or hi is not None and v > hi:
        _fail("%s.%s" % (path, key), "%r is outside %s..%s" % (v, lo, hi))
    return int(v) if integer else float(v)


def _bool(d, key, path, default):
    v = d.get(key, default)
    if not isinstance(v, (bool, int)) or isinstance(v, float):
        _fail("%s.%s" % (path, key), "expected true/false, got %r" % (v,))
    return bool(v)


def _str(d, key, path, default):
    v = d.get(key, default)
    if not isinstance(v, str):
        _fail("%s.%s" % (path, key), "expected a string, got %r" % (v,))
    return v


def _list(d, key, path):
    v = d.get(key, [])
    if v is None:
        return []
    if not isinstance(v, list):
        _fail("%s.%s" % (path, key), "expected a list, got %r" % (type(v).__name__,))
    return v


def _obj(v, path):
    if not isinstance(v, dict):
        _fail(path, "expected an object, got %r" % (type(v).__name__,))
    return v


def _color(d, key, path, node):
    v = d.get(key)
    if v is None:
        return
    if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 0xFFFFFF:
        _fail("%s.%s" % (path, key), "expected a colour 0xRRGGBB, got %r" % (v,))
    i = _palette.nearest_index(v)
    node.color_index = i
    node.color = _palette.PALETTE[i]


def build(world, data=None):
    """A SongNode for ``world`` from a set dict (None: Live's default set); ValueError names bad keys."""
    data = _obj(default_set(world.version) if data is None else data, "set")
    song = SongNode(world)
    _song_settings(song, data)
    _groove_pool(world, data)
    _scenes(world, song, _list(data, "scenes", "set") or [{}])
    returns = _returns(world, song, _list(data, "returns", "set"))
    _tracks(world, song, _list(data, "tracks", "set"), len(returns))
    for i, rd in enumerate(returns):
        _devices(world, song.returns[i], rd, "returns[%d]" % i)
        _automated(song.returns[i], rd, "returns[%d]" % i)
    _main_track(world, song, _obj(data.get("master") or {}, "master"))
    _cue_points(world, song, _list(data, "cue_points", "set"))
    _selection(song, data)
    return song


def _song_settings(song, data):
    """Name, tempo, time signature, quantization, loop, metronome, scale and groove amounts."""
    song.name = _str(data, "name", "set", "")
    song.tempo = _num(data, "tempo", "set", 120.0, 20.0, 999.0)
    song.signature_numerator = _num(data, "signature_numerator", "set", 4, 1, 99, integer=True)
    song.signature_denominator = _num(data, "signature_denominator", "set", 4, 1, 16, integer=True)
    if song.signature_denominator not in (1, 2, 4, 8, 16):
        _fail("set.signature_denominator", "must be 1, 2, 4, 8 or 16")
    q = _num(data, "clip_trigger_quantization", "set", 4, 0, 13, integer=True)
    song.clip_trigger_quantization = Quantization.values[q]
    song.loop = _bool(data, "loop", "set", False)
    song.loop_start = _num(data, "loop_start", "set", 0.0, 0.0)
    song.loop_length = _num(data, "loop_length", "set", 16.0, 0.0)
    song.metronome = _bool(data, "metronome", "set", False)
    song.root_note = _num(data, "root_note", "set", 0, 0, 11, integer=True)
    song.scale_name = _str(data, "scale_name", "set", "Major")
    song.swing_amount = _num(data, "swing_amount", "set", 0.0, 0.0, 1.0)
    song.groove_amount = _num(data, "groove_amount", "set", 1.0, 0.0, 1.3125)
    if data.get("tuning_system") is not None and song.world.version >= (12, 1, 0):
        from Live._tuning_system_model import from_spec
        song.tuning = from_spec(song.world, song, data["tuning_system"])


def _groove_pool(world, data):
    if data.get("groove_pool") is not None:
        build_groove_pool(world, data["groove_pool"])


def _scenes(world, song, scenes):
    for i, sd in enumerate(scenes):
        path = "scenes[%d]" % i
        _obj(sd, path)
        sc = SceneNode(world, song, _str(sd, "name", path, ""))
        _color(sd, "color", path, sc)
        tempo = _num(sd, "tempo", path, None, 20.0, 999.0)
        if tempo is not None:
            sc.tempo_value, sc.tempo_enabled = tempo, True
        sig = sd.get("time_signature")
        if sig is not None:
            if not isinstance(sig, list) or len(sig) != 2 or not all(isinstance(x, int) for x in sig) \
                    or sig[1] not in (1, 2, 4, 8, 16) or not 1 <= sig[0] <= 99:
                _fail(path + ".time_signature", "expected [numerator, denominator], got %r" % (sig,))
            sc.sig_num, sc.sig_den, sc.time_signature_enabled = sig[0], sig[1], True
        song.scenes.append(sc)


def _returns(world, song, returns):
    """The return tracks' nodes and mixers (their devices come after the tracks, as in Live's order)."""
    if len(returns) > 12:
        _fail("set.returns", "at most 12 return tracks")
    for i, rd in enumerate(returns):
        path = "returns[%d]" % i
        _obj(rd, path)
        r = TrackNode(world, song, "return", _str(rd, "name", path, "%s-Return" % chr(65 + i)))
        _color(rd, "color", path, r)
        _mixer(world, r, rd, path, len(returns))
        song.returns.append(r)
    return returns


def _tracks(world, song, tracks, n_returns):
    if not tracks:
        _fail("set.tracks", "a set needs at least one track")
    for i, td in enumerate(tracks):
        t = _track(world, song, _obj(td, "tracks[%d]" % i), i, n_returns)
        song.tracks.append(t)
        _devices(world, t, td, "tracks[%d]" % i)
        _clip_envelopes(world, t, td, "tracks[%d]" % i)
        _automated(t, td, "tracks[%d]" % i)


def _track(world, song, td, i, n_returns):
    """One track: kind, name, colour, group, switches, mixer, clip slots and arrangement clips."""
    path = "tracks[%d]" % i
    kind = _str(td, "type", path, "midi")
    if kind not in TRACK_TYPES:
        _fail(path + ".type", "expected one of %s, got %r" % (", ".join(TRACK_TYPES), kind))
    t = TrackNode(world, song, kind, td.get("name"))
    if "name" in td:
        # a default name ("2-MIDI" at index 1) stays a default name: Live renumbers those
        t.auto_name = _str(td, "name", path, "") == t.default_name(i)
    _color(td, "color", path, t)
    group = td.get("group")
    if group is not None:
        if isinstance(group, bool) or not isinstance(group, int) or not 0 <= group < i \
                or song.tracks[group].kind != "group":
            _fail(path + ".group", "expected the index of an earlier group track, got %r" % (group,))
        t.group = song.tracks[group]
        t.reset_routing()  # a grouped track plays into its group, as Live routes it
    if kind == "group" and td.get("arm"):
        _fail(path + ".arm", "group tracks cannot be armed")
    t.arm = _bool(td, "arm", path, False) if kind != "group" else False
    t.fold_state = _bool(td, "fold_state", path, False)
    _monitoring(t, td, path)
    _mixer(world, t, td, path, n_returns)
    _slots(world, song, t, _list(td, "clips", path), path)
    for j, cd in enumerate(_list(td, "arrangement_clips", path)):
        cpath = "%s.arrangement_clips[%d]" % (path, j)
        if kind == "group":
            _fail(cpath, "group tracks hold no arrangement clips")
        t.arrangement_clips.append(_clip(world, t, cd, cpath, kind, arrangement=True))
    return t


def _monitoring(t, td, path):
    state = td.get("monitoring")
    if state is None:
        return
    if t.kind == "group" or state not in MONITORING:
        _fail(path + ".monitoring", "expected one of %s on a MIDI or audio track, got %r"
              % (", ".join(MONITORING), state))
    t.current_monitoring_state = monitoring_states.values[MONITORING.index(state)]


def _slots(world, song, t, clips, path):
    if len(clips) > len(song.scenes):
        _fail(path + ".clips", "%d clips but only %d scenes" % (len(clips), len(song.scenes)))
    for j in range(len(song.scenes)):
        s = SlotNode(world, t)
        cd = clips[j] if j < len(clips) else None
        if cd is not None:
            if t.kind == "group":
                _fail("%s.clips[%d]" % (path, j), "group tracks hold no clips")
            s.clip = _clip(world, s, cd, "%s.clips[%d]" % (path, j), t.kind)
        t.slots.append(s)


def _clip_envelopes(world, t, td, path):
    """Envelopes of session clips, once the track's devices exist: they automate its parameters."""
    for j, cd in enumerate(_list(td, "clips", path)):
        if cd is None or not cd.get("envelopes"):
            continue
        clip = t.slots[j].clip
        for k, ed in enumerate(_list(cd, "envelopes", "%s.clips[%d]" % (path, j))):
            epath = "%s.clips[%d].envelopes[%d]" % (path, j, k)
            param = _envelope_target(t, _obj(ed, epath), epath)
            if clip.envelope_of(param) is not None:
                _fail(epath, "the clip already has an envelope for this parameter")
            envelope = new_envelope(world, clip, param)
            points = []
            for n, point in enumerate(_list(ed, "points", epath)):
                if not isinstance(point, (list, tuple)) or len(point) != 2 or not all(
                        isinstance(x, numbers.Real) and not isinstance(x, bool) for x in point):
                    _fail("%s.points[%d]" % (epath, n), "expected [time, value], got %r" % (point,))
                points.append((float(point[0]), min(param.max, max(param.min, float(point[1])))))
            if points:
                envelope.points = sorted(points, key=lambda p: p[0])
            clip.envelopes.append(envelope)


def _envelope_target(t, ed, path):
    """The parameter node an envelope spec names: a mixer parameter, or a device's by path and name."""
    mixer = ed.get("mixer")
    if mixer is not None:
        if mixer == "volume":
            return t.mixer.volume
        if mixer == "panning":
            return t.mixer.panning
        index = ed.get("index", 0)
        if mixer == "send" and isinstance(index, int) and 0 <= index < len(t.mixer.sends):
            return t.mixer.sends[index]
        if mixer == "tempo" and t.kind == "main":
            return t.mixer.song_tempo
        _fail(path + ".mixer", "expected volume, panning or send with an index of a send, got %r" % (mixer,))
    node, devices = None, t.devices
    for step in str(ed.get("device", "")).split("."):
        if node is not None:
            chains = node.return_chains if step.startswith("R") else node.chains
            step = step[1:] if step.startswith("R") else step
            if not step.isdigit() or int(step) >= len(chains):
                _fail(path + ".device", "no chain %r on the way to %r" % (step, ed.get("device")))
            devices, node = chains[int(step)].devices, None
            continue
        if not step.isdigit() or int(step) >= len(devices):
            _fail(path + ".device", "no device %r on the way to %r" % (step, ed.get("device")))
        node = devices[int(step)]
    for param in node.parameters:
        if param.name == ed.get("parameter"):
            return param
    _fail(path + ".parameter", "%r has no parameter %r" % (node.name, ed.get("parameter")))


def _automated(t, d, path):
    """Parameters the set's arrangement automation moves show it: ``automation_state`` 1 (playing)."""
    for k, target in enumerate(_list(d, "automated", path)):
        tpath = "%s.automated[%d]" % (path, k)
        _envelope_target(t, _obj(target, tpath), tpath).automation_state = AutomationState.playing


def _main_track(world, song, md):
    master = TrackNode(world, song, "main", "Main" if world.version >= (12, 0, 0) else "Master")
    _mixer(world, master, md, "master", 0)
    master.mixer.song_tempo.value = song.tempo
    master.mixer.song_tempo.on_change = lambda p: _set_song_tempo(song, p.value)
    song.master = master
    _devices(world, master, md, "master")
    _automated(master, md, "master")


def _cue_points(world, song, cues):
    for i, cd in enumerate(cues):
        path = "cue_points[%d]" % i
        _obj(cd, path)
        song.cue_points.append(CueNode(world, song, _str(cd, "name", path, ""), _num(cd, "time", path, 0.0, 0.0)))


def _selection(song, data):
    song.view.selected_track = song.tracks[0]
    song.view.selected_scene = song.scenes[0]
    sel = data.get("selected_track")
    if sel is not None:
        if not isinstance(sel, int) or not 0 <= sel < len(song.tracks):
            _fail("set.selected_track", "expected a track index, got %r" % (sel,))
        song.view.selected_track = song.tracks[sel]
    sel = data.get("selected_scene")
    if sel is not None:
        if not isinstance(sel, int) or not 0 <= sel < len(song.scenes):
            _fail("set.selected_scene", "expected a scene index, got %r" % (sel,))
        song.view.selected_scene = song.scenes[sel]


def _mixer(world, t, d, path, n_returns):
    m = t.mixer
    m.volume.value = _num(d, "volume", path, 0.85, 0.0, 1.0)
    m.panning.value = _num(d, "panning", path, 0.0, -1.0, 1.0)
    crossfade = d.get("crossfade")
    if crossfade is not None:
        if crossfade not in CROSSFADE or t.kind in ("main", "return"):
            _fail(path + ".crossfade", "expected one of %s on a track, got %r" % (", ".join(CROSSFADE), crossfade))
        m.crossfade_assign = crossfade_assignments.values[CROSSFADE.index(crossfade)]
    if t.kind != "main":
        t.mute = _bool(d, "mute", path, False)
        t.solo = _bool(d, "solo", path, False)
        sends = _list(d, "sends", path)
        if len(sends) > n_returns:
            _fail(path + ".sends", "%d sends but only %d return tracks" % (len(sends), n_returns))
        for i in range(n_returns):
            v = sends[i] if i < len(sends) else 0.0
            if isinstance(v, bool) or not isinstance(v, numbers.Real) or not 0.0 <= v <= 1.0:
                _fail("%s.sends[%d]" % (path, i), "expected a number in 0..1, got %r" % (v,))
            m.add_send(i, float(v))


def _devices(world, t, d, path):
    specs = _list(d, "devices", path)
    for i, spec in enumerate(specs):
        dpath = "%s.devices[%d]" % (path, i)
        _obj(spec, dpath)
        _str(spec, "name", dpath, "")
        if "type" in spec and spec["type"] not in DEVICE_TYPES:
            _fail(dpath + ".type", "expected one of %s, got %r" % (", ".join(DEVICE_TYPES), spec["type"]))
        for j, p in enumerate(_list(spec, "parameters", dpath)):
            _obj(p, "%s.parameters[%d]" % (dpath, j))
    builder = world.device_builder()
    if builder is None:
        t.device_specs = list(specs)
        return
    for spec in specs:
        node = builder(world, spec, t)
        if node is None:
            continue
        t.devices.append(node)
    if t.devices:
        t.view.selected_device = t.devices[0]


def _notes(clip, notes, path):
    for i, n in enumerate(notes):
        npath = "%s.notes[%d]" % (path, i)
        if isinstance(n, (list, tuple)):
            if not 3 <= len(n) <= 5:
                _fail(npath, "expected [pitch, start, duration, velocity, mute]")
            pitch, start, dur = n[0], n[1], n[2]
            vel = n[3] if len(n) > 3 else 100.0
            mute = n[4] if len(n) > 4 else False
            extra = {}
        elif isinstance(n, dict):
            pitch, start, dur = n.get("pitch"), n.get("start_time"), n.get("duration")
            vel, mute = n.get("velocity", 100.0), n.get("mute", False)
            extra = n
        else:
            _fail(npath, "expected a list or an object")
        if isinstance(pitch, bool) or not isinstance(pitch, int) or not 0 <= pitch <= 127:
            _fail(npath, "pitch must be an integer 0..127, got %r" % (pitch,))
        for name, v in (("start_time", start), ("duration", dur), ("velocity", vel)):
            t = type(v)
            if t is not float and t is not int and (isinstance(v, bool) or not isinstance(v, numbers.Real)):
                _fail("%s.%s" % (npath, name), "expected a number, got %r" % (v,))
        if dur <= 0:
            _fail(npath + ".duration", "must be > 0")
        clip.add_note(pitch, start, dur, vel, bool(mute), extra.get("probability", 1.0),
                      extra.get("velocity_deviation", 0.0), extra.get("release_velocity", 64.0))


def _clip(world, parent, cd, path, kind, arrangement=False):
    _obj(cd, path)
    is_audio = _bool(cd, "audio", path, kind == "audio")
    if is_audio != (kind == "audio"):
        _fail(path + ".audio", "an %s clip cannot sit on a %s track" % ("audio" if is_audio else "MIDI", kind))
    length = _num(cd, "length", path, 4.0, 0.0)
    if length <= 0:
        _fail(path + ".length", "must be > 0")
    start = _num(cd, "start_time", path, 0.0, 0.0) if arrangement else 0.0
    end = _num(cd, "end_time", path, None, 0.0) if arrangement else None
    if end is not None and end <= start:
        _fail(path + ".end_time", "must be after start_time")
    c = ClipNode(world, parent, is_audio=is_audio, length=length, name=_str(cd, "name", path, ""),
                 arrangement=arrangement, start_time=start)
    _color(cd, "color", path, c)
    c.looping = _bool(cd, "looping", path, True)
    c.loop_start = _num(cd, "loop_start", path, 0.0)
    c.loop_end = _num(cd, "loop_end", path, c.loop_start + length)
    c.start_marker = _num(cd, "start_marker", path, 0.0)
    c.end_marker = _num(cd, "end_marker", path, c.start_marker + length)
    if c.loop_end <= c.loop_start:
        _fail(path + ".loop_end", "must be after loop_start")
    if c.end_marker <= c.start_marker:
        _fail(path + ".end_marker", "must be after start_marker")
    if end is not None and abs(end - start - c.length) > 1e-9:
        c.span = end - start
    c.muted = _bool(cd, "muted", path, False)
    c.legato = _bool(cd, "legato", path, False)
    c.velocity_amount = _num(cd, "velocity_amount", path, 0.0, 0.0, 1.0)
    groove = cd.get("groove")
    if groove is not None:
        pool = getattr(world, "groove_pool_node", None)
        grooves = pool.grooves if pool is not None else []
        if isinstance(groove, bool) or not isinstance(groove, int) or not 0 <= groove < len(grooves):
            _fail(path + ".groove", "expected an index into groove_pool, got %r" % (groove,))
        c.groove = grooves[groove]
    c.signature_numerator = _num(cd, "signature_numerator", path, 4, 1, 99, integer=True)
    c.signature_denominator = _num(cd, "signature_denominator", path, 4, 1, 16, integer=True)
    c.launch_mode = LaunchMode.values[_num(cd, "launch_mode", path, 0, 0, 3, integer=True)]
    c.launch_quantization = ClipLaunchQuantization.values[_num(cd, "launch_quantization", path, 0, 0, 14,
                                                               integer=True)]
    if is_audio:
        c.file_path = _str(cd, "file_path", path, "")
        c.warping = _bool(cd, "warping", path, True)
        c.warp_mode = WarpMode.values.get(_num(cd, "warp_mode", path, 0, 0, 6, integer=True), WarpMode.beats)
        c.gain = _num(cd, "gain", path, 0.4, 0.0, 1.0)
        c.pitch_coarse = _num(cd, "pitch_coarse", path, 0, -48, 48, integer=True)
        c.pitch_fine = _num(cd, "pitch_fine", path, 0.0, -50.0, 49.0)
        c.ram_mode = _bool(cd, "ram_mode", path, False)
        markers = _list(cd, "warp_markers", path)
        if markers:
            c.markers = _warp_markers(markers, path + ".warp_markers")
        if cd.get("notes"):
            _fail(path + ".notes", "audio clips have no notes")
    else:
        _notes(c, _list(cd, "notes", path), path)
    return c


def _warp_markers(markers, path):
    """[[sample seconds, beat], ...] as the clip's (seconds, beat) pairs, both increasing."""
    pts = []
    for i, m in enumerate(markers):
        if not isinstance(m, (list, tuple)) or len(m) != 2 or not all(
                isinstance(x, numbers.Real) and not isinstance(x, bool) for x in m):
            _fail("%s[%d]" % (path, i), "expected [sample seconds, beat], got %r" % (m,))
        if pts and (m[0] <= pts[-1][0] or m[1] <= pts[-1][1]):
            _fail("%s[%d]" % (path, i), "warp markers must increase in both time and beat")
        pts.append((float(m[0]), float(m[1])))
    return pts


# ------------------------------------------------------------------ export

def _clip_data(c):
    d = {"name": c.name, "color": c.color, "length": c.length, "looping": c.looping, "loop_start": c.loop_start,
         "loop_end": c.loop_end, "start_marker": c.start_marker, "end_marker": c.end_marker, "muted": c.muted,
         "launch_mode": int(c.launch_mode), "launch_quantization": int(c.launch_quantization)}
    if c.is_audio:
        d.update({"audio": True, "file_path": c.file_path, "warping": c.warping, "warp_mode": int(c.warp_mode),
                  "gain": c.gain, "pitch_coarse": c.pitch_coarse, "pitch_fine": c.pitch_fine})
        if c.markers:
            d["warp_markers"] = [[sec, beat] for sec, beat in c.markers]
    else:
        d["notes"] = [{"pitch": n.pitch, "start_time": n.start_time, "duration": n.duration, "velocity": n.velocity,
                       "mute": n.mute, "probability": n.probability, "velocity_deviation": n.velocity_deviation,
                       "release_velocity": n.release_velocity} for n in c.sorted_notes()]
    if c.arrangement:
        d["start_time"] = c.start_time
        if c.span is not None:
            d["end_time"] = c.end_time()
    return d


def _device_specs(t):
    if not t.devices:
        return list(getattr(t, "device_specs", []))
    return [spec_of(d) for d in t.devices]


def export(world):
    """The world's current set as a set dict (the schema of docs/SETS.md)."""
    song = world.song_node
    index = dict((t, i) for i, t in enumerate(song.tracks))
    data = {"name": song.name, "tempo": song.tempo, "signature_numerator": song.signature_numerator,
            "signature_denominator": song.signature_denominator,
            "clip_trigger_quantization": int(song.clip_trigger_quantization), "scenes": [], "tracks": [],
            "returns": [], "cue_points": []}
    for sc in song.scenes:
        data["scenes"].append({"name": sc.name, "color": sc.color if sc.color_index is not None else None,
                               "tempo": sc.tempo_value if sc.tempo_enabled else None,
                               "time_signature": [sc.sig_num, sc.sig_den] if sc.time_signature_enabled else None})
        if data["scenes"][-1]["color"] is None:
            del data["scenes"][-1]["color"]
    for t in song.tracks:
        td = {"type": t.kind, "name": t.name, "color": t.color, "group": index.get(t.group),
              "mute": t.mute, "solo": t.solo, "arm": t.arm, "fold_state": t.fold_state,
              "volume": t.mixer.volume.value, "panning": t.mixer.panning.value,
              "sends": [p.value for p in t.mixer.sends], "devices": _device_specs(t),
              "clips": [(_clip_data(s.clip) if s.clip is not None else None) for s in t.slots],
              "arrangement_clips": [_clip_data(c) for c in sorted(t.arrangement_clips, key=lambda c: c.start_time)]}
        td["crossfade"] = CROSSFADE[int(t.mixer.crossfade_assign)]
        if t.kind != "group":
            td["monitoring"] = MONITORING[int(t.current_monitoring_state)]
        data["tracks"].append(td)
    for r in song.returns:
        data["returns"].append({"name": r.name, "color": r.color, "volume": r.mixer.volume.value,
                                "panning": r.mixer.panning.value, "mute": r.mute, "solo": r.solo,
                                "sends": [p.value for p in r.mixer.sends], "devices": _device_specs(r)})
    m = song.master
    data["master"] = {"name": m.name, "volume": m.mixer.volume.value, "panning": m.mixer.panning.value,
                      "devices": _device_specs(m)}
    data["cue_points"] = [{"name": c.name, "time": c.time} for c in sorted(song.cue_points, key=lambda c: c.time)]
    return data


__all__ = ["build", "export"]
