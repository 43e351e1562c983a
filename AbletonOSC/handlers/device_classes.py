"""/live/device/...: the members of device classes that have their own (Drift, Wavetable, Looper, EQ Eight ...).

They are reached with the same device references as every device address (an index, or a path
"0.1.2" through racks). A device of another class gets Live's own refusal (an AttributeError
naming the member), and an OSC pattern over /live/device skips it; a Live version without the
class is told so before the device is looked at.

A Live chooser is an index with a list of names (``voice_mode_index`` and ``voice_mode_list``):
its address answers the name, is set by index or by name, and its list has a ``_list`` address.
Where several classes share a name (``pitch_bend_range``), one address serves them all.
"""

from .errors import HandlerError, NotAvailable
from .objects import DEVICE, DeviceKind
from .registry import KIND_GET, KIND_METHOD, KIND_SET, KIND_START, KIND_STOP, Prop
from .types import ArgumentError, to_bool, to_int

D12 = (12, 0)


class DeviceClassKind(DeviceKind):
    """A device whose class has one of ``probes``; another device is refused with Live's own error."""

    def __init__(self, classes, probes, target=None):
        self.name = "device_class"
        self.live_class = classes[0]
        self.classes = classes
        self.probes = (probes,) if isinstance(probes, str) else tuple(probes)
        self.target = target

    def resolve(self, song, values):
        result = DEVICE.resolve(song, values)
        for echo, device in result:
            holder = self.target(device) if self.target is not None else device
            error = None
            for probe in self.probes:
                try:
                    getattr(holder, probe)
                    error = None
                    break
                except AttributeError as refusal:
                    error = error or refusal
                except RuntimeError:
                    error = None  # it has the member; Live refuses it for now (the getter answers why)
                    break
            if error is not None and type(device).__name__ in self.classes:
                raise NotAvailable("Device %s of track %s is %s, but this Live version's %s lacks it: %s" % (
                    echo[1], echo[0], type(device).__name__, type(device).__name__, error))
            if error is not None:
                raise NotAvailable("Device %s of track %s (%s) is not %s: %s" % (
                    echo[1], echo[0], device.class_display_name, " or ".join(self.classes), error))
        return result


def _view(device):
    return device.view


class Setting(object):
    """One address name of one or more classes: a value, or a chooser (index + list of names)."""

    def __init__(self, name, attr, type_, access, list_attr=None, view=False, doc=""):
        self.name = name
        self.attr = attr
        self.type = type_
        self.access = access
        self.list_attr = list_attr
        self.view = view
        self.doc = doc
        self.cls = None  # the Live class, set from FAMILIES
        self.since = None
        self.first = None  # the first Live version with the member, when newer than its class

    def members(self):
        cls = self.cls + ".View" if self.view else self.cls
        return tuple("%s.%s" % (cls, name) for name in (self.attr, self.list_attr) if name)

    def holder(self, device):
        return device.view if self.view else device


def pick(group, device):
    """The setting of a group (one address name) that applies to the device's class."""
    for setting in sorted(group, key=lambda item: item.list_attr is None):  # choosers first
        holder = setting.holder(device)
        if hasattr(holder, setting.attr) and (setting.list_attr is None or hasattr(holder, setting.list_attr)):
            return setting
    return group[0]


def value(name, type_, access="gsl", attr=None, view=False, doc="", since=None):
    """A property answered and set as it is (an enum as its number); ``since``: when newer than its class."""
    setting = Setting(name, attr or name, type_, access, view=view, doc=doc)
    setting.first = since
    return setting


def choice(name, attr=None, list_attr=None, doc=""):
    """A chooser: the index ``attr`` (default name_index) into the names of ``list_attr`` (name_list)."""
    return Setting(name, attr or name + "_index", "s", "gsl", list_attr or name + "_list", doc=doc)


def names_of(device, setting):
    return tuple(str(item) for item in getattr(device, setting.list_attr))


def _read(group):
    def get(device):
        setting = pick(group, device)
        holder = setting.holder(device)
        index = getattr(holder, setting.attr)
        if setting.list_attr is None or not hasattr(holder, setting.list_attr):
            return index
        items = names_of(holder, setting)
        return items[index] if 0 <= index < len(items) else None

    return get


def _index_for(device, setting, raw):
    """The index a chooser is set to: a number, or one of its names (case-insensitive)."""
    if isinstance(raw, str) and setting.list_attr is not None and hasattr(device, setting.list_attr):
        items = names_of(device, setting)
        try:
            return int(raw.strip())
        except ValueError:
            pass
        wanted = raw.strip().lower()
        for index, item in enumerate(items):
            if item.lower() == wanted:
                return index
        raise HandlerError("%r is not one of %s" % (raw, ", ".join(items)))
    return to_int(raw, "value")


def _write(group):
    def set_(ctx, device, raw):
        setting = pick(group, device)
        holder = setting.holder(device)
        if setting.type == "i" or setting.list_attr is not None:
            result = _index_for(holder, setting, raw)
        elif setting.type == "f":
            result = float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
            if result is None:
                raise ArgumentError("value must be a number, got %r" % (raw,))
        else:
            result = to_bool(raw, "value")
        ctx.manager.write(setattr, holder, setting.attr, result)

    return set_


def _listen(group, props, start):
    def listen(ctx, device, *extra):
        prop = props[pick(group, device).cls]
        address = "/live/device/get/%s" % prop.name
        if start:
            ctx.registry.subscriptions.start(ctx, prop, device, address, extra)
        else:
            ctx.registry.subscriptions.stop(ctx, prop, device, address, extra)

    return listen


def _list_getter(group):
    def get(ctx, device):
        return names_of(device, pick(group, device))

    return get


FAMILIES = [
    ("DriftDevice", D12, [
        choice("voice_mode", doc="Drift's voice mode"), choice("voice_count", doc="Drift's number of voices"),
        value("pitch_bend_range", "i", doc="The pitch bend range in semitones")]
        + [choice("mod_matrix_%s" % slot, doc="A source or target of Drift's modulation matrix")
           for slot in ("filter_source_1", "filter_source_2", "lfo_source", "pitch_source_1", "pitch_source_2",
                        "shape_source", "source_1", "source_2", "source_3", "target_1", "target_2", "target_3")]),
    ("MeldDevice", D12, [
        value("selected_engine", "i", doc="Meld's engine shown: 0 A, 1 B"),
        value("mono_poly", "i", doc="Voicing: 0 mono, 1 poly (Wavetable, Meld; Spectral Resonator: a name)"),
        value("poly_voices", "i", doc="The number of poly voices, as an index of the device's choices"),
        value("unison_voices", "i", doc="Meld's unison voices, as an index of its choices")]),
    ("RoarDevice", D12, [choice("routing_mode", doc="How Roar's shaper stages are routed"),
                         value("env_listen", "b", doc="Whether Roar's envelope input is listened to")]),
    ("ShifterDevice", D12, [choice("pitch_mode", doc="Shifter's pitch mode (internal or MIDI)"),
                            value("pitch_bend_range", "i")]),
    ("DrumCellDevice", D12, [value("gain", "f", doc="Drum Sampler's gain (0..1)")]),
    ("SpectralResonatorDevice", None, [
        choice("frequency_dial_mode", attr="frequency_dial_mode", list_attr="frequency_dial_mode_list",
               doc="Whether the frequency dial shows Hertz or notes"),
        choice("midi_gate", attr="midi_gate", list_attr="midi_gate_list", doc="Spectral Resonator's MIDI gate"),
        choice("mod_mode", attr="mod_mode", list_attr="mod_mode_list", doc="Spectral Resonator's modulation mode"),
        choice("mono_poly", attr="mono_poly", list_attr="mono_poly_list"),
        choice("pitch_mode", attr="pitch_mode", list_attr="pitch_mode_list"),
        value("pitch_bend_range", "i"), value("polyphony", "i", doc="Spectral Resonator's polyphony")]),
    ("HybridReverbDevice", None, [
        choice("ir_category", doc="The impulse responses' category (choosing one selects its first file)"),
        choice("ir_file", doc="The impulse response file, of the category's files"),
        value("ir_attack_time", "f"), value("ir_decay_time", "f"), value("ir_size_factor", "f"),
        value("ir_time_shaping_on", "b")]),
    ("Eq8Device", None, [
        value("edit_mode", "i", doc="EQ Eight's edit mode: 0 A, 1 B"),
        value("global_mode", "i", doc="EQ Eight's mode: 0 stereo, 1 left/right, 2 mid/side"),
        value("oversample", "b", doc="Whether EQ Eight oversamples"),
        value("selected_band", "i", view=True, doc="The band selected in EQ Eight (0-7)")]),
    ("WavetableDevice", None, [
        choice("oscillator_1_wavetable_category", attr="oscillator_1_wavetable_category",
               list_attr="oscillator_wavetable_categories", doc="Oscillator 1's wavetable category"),
        choice("oscillator_2_wavetable_category", attr="oscillator_2_wavetable_category",
               list_attr="oscillator_wavetable_categories", doc="Oscillator 2's wavetable category"),
        choice("oscillator_1_wavetable", attr="oscillator_1_wavetable_index", list_attr="oscillator_1_wavetables",
               doc="Oscillator 1's wavetable, of its category's"),
        choice("oscillator_2_wavetable", attr="oscillator_2_wavetable_index", list_attr="oscillator_2_wavetables",
               doc="Oscillator 2's wavetable, of its category's"),
        value("oscillator_1_effect_mode", "i", doc="0 none, 1 FM, 2 sync and PW, 3 warp and fold"),
        value("oscillator_2_effect_mode", "i", doc="0 none, 1 FM, 2 sync and PW, 3 warp and fold"),
        value("filter_routing", "i", doc="0 serial, 1 parallel, 2 split"),
        value("mono_poly", "i"), value("poly_voices", "i"),
        value("unison_mode", "i", doc="0 none, 1 classic, 2 slow shimmer, 3 fast shimmer, 4 phase sync, "
                                      "5 position spread, 6 random note"),
        value("unison_voice_count", "i", doc="Wavetable's unison voices")]),
    ("CcControlDevice", D12, [choice("custom_bool_target", attr="custom_bool_target",
                                     list_attr="custom_bool_target_list", doc="The MIDI CC the custom switch sends")]
        + [choice("custom_float_target_%d" % i, attr="custom_float_target_%d" % i,
                  list_attr="custom_float_target_%d_list" % i, doc="The MIDI CC a custom control sends")
           for i in range(12)]),
    ("SimplerDevice", None, [
        value("pitch_bend_range", "i", doc="The pitch bend range in semitones (Drift, Shifter, Simpler ...)",
              since=D12),
        value("note_pitch_bend_range", "i", doc="Simpler's per-note (MPE) pitch bend range", since=D12),
        value("can_warp_as", "b", "gl", doc="Whether Simpler can warp its sample as a length"),
        value("can_warp_double", "b", "gl", doc="Whether Simpler can double its sample's tempo"),
        value("can_warp_half", "b", "gl", doc="Whether Simpler can halve its sample's tempo"),
        value("playing_position", "f", "gl", doc="Simpler's play position between the markers (0..1)"),
        value("playing_position_enabled", "b", "gl", doc="Whether Simpler is playing its sample"),
        value("sample_start", "i", "g", view=True, doc="Simpler's playback start in frames (-1: no sample)"),
        value("sample_end", "i", "g", view=True, doc="Simpler's playback end in frames (-1: no sample)"),
        value("sample_loop_start", "i", "g", view=True, doc="Simpler's loop start in frames (-1: no sample)"),
        value("sample_loop_end", "i", "g", view=True, doc="Simpler's loop end in frames (-1: no sample)"),
        value("sample_loop_fade", "i", "g", view=True, doc="Simpler's loop fade in frames (-1: no sample)"),
        value("sample_env_fade_in", "i", "g", view=True, doc="One-shot fade in, in frames (-1: no sample)"),
        value("sample_env_fade_out", "i", "g", view=True, doc="One-shot fade out, in frames (-1: no sample)"),
        value("selected_slice", "i", view=True, doc="The slice selected in Simpler (its frame)")]),
    ("LooperDevice", D12, [
        value("loop_length", "f", "gl", doc="The length of Looper's buffer in beats"),
        value("tempo", "f", "gl", doc="The tempo of Looper's buffer"),
        choice("record_length", doc="Looper's record length ('x': until stopped)"),
        value("overdub_after_record", "b", doc="Whether a fixed-length recording goes on overdubbing")]),
]

# Methods without arguments: (Live class, first version, method, doc).
METHODS = [
    ("LooperDevice", D12, "record", "Looper: record incoming audio"),
    ("LooperDevice", D12, "overdub", "Looper: play back while adding layers"),
    ("LooperDevice", D12, "play", "Looper: play back without overdubbing"),
    ("LooperDevice", D12, "stop", "Looper: stop"),
    ("LooperDevice", D12, "clear", "Looper: erase the recorded content"),
    ("LooperDevice", D12, "undo", "Looper: erase the last overdub (again: bring it back)"),
    ("LooperDevice", D12, "double_length", "Looper: double the buffer's length"),
    ("LooperDevice", D12, "half_length", "Looper: halve the buffer's length"),
    ("LooperDevice", D12, "double_speed", "Looper: double the playback speed"),
    ("LooperDevice", D12, "half_speed", "Looper: halve the playback speed"),
    ("CcControlDevice", D12, "resend", "CC Control: send every CC value again"),
    ("SimplerDevice", None, "crop", "Simpler: keep only the sample between its markers"),
    ("SimplerDevice", None, "reverse", "Simpler: reverse its sample"),
    ("SimplerDevice", None, "warp_double", "Simpler: double the sample's tempo (it lasts twice the beats)"),
    ("SimplerDevice", None, "warp_half", "Simpler: halve the sample's tempo (it lasts half the beats)"),
]


def _groups():
    """The settings of FAMILIES grouped by address name, in declaration order."""
    groups = {}
    order = []
    for cls, since, settings in FAMILIES:
        for setting in settings:
            setting.cls = cls
            setting.since = setting.first or since
            if setting.name not in groups:
                groups[setting.name] = []
                order.append(setting.name)
            groups[setting.name].append(setting)
    return [groups[name] for name in order]


def _since(versions):
    return None if any(v is None for v in versions) else min(versions)


def _call(name):
    def call(ctx, device):
        ctx.manager.write(getattr(device, name))

    return call


def _parameter(device, param_id):
    parameters = device.parameters
    if not 0 <= param_id < len(parameters):
        raise HandlerError("param_id %d is out of range (the device has %d parameters)" % (param_id, len(parameters)))
    return parameters[param_id]


def warp_as(ctx, simpler, beats):
    ctx.manager.write(simpler.warp_as, beats)


def guess_playback_length(ctx, simpler):
    return (float(simpler.guess_playback_length()),)


def add_modulation_target(ctx, device, param_id):
    return (param_id, int(device.add_parameter_to_modulation_matrix(_parameter(device, param_id))))


def is_modulatable(ctx, device, param_id):
    return (param_id, bool(device.is_parameter_modulatable(_parameter(device, param_id))))


def get_modulation(ctx, device, target, source):
    return (target, source, float(device.get_modulation_value(target, source)))


def set_modulation(ctx, device, target, source, amount):
    ctx.manager.write(device.set_modulation_value, target, source, amount)


def get_target_name(ctx, device, target):
    return (target, device.get_modulation_target_parameter_name(target))


def get_target_names(ctx, device):
    return tuple(str(name) for name in device.visible_modulation_target_names)


def export_to_clip_slot(ctx, device, scene_id, *track):
    from .song import track_ref

    song = ctx.song
    if track:
        from .objects import parse_track_ref, track_for_ref
        target = track_for_ref(song, parse_track_ref(track[0]))
    else:
        target = device.canonical_parent
        while not hasattr(target, "clip_slots"):
            target = target.canonical_parent
    slots = target.clip_slots
    if not 0 <= scene_id < len(slots):
        raise HandlerError("scene_id %d is out of range (the track has %d clip slots)" % (scene_id, len(slots)))
    device.export_to_clip_slot(slots[scene_id])
    return (track_ref(song, target), scene_id)


def register(reg):
    for group in _groups():
        first = group[0]
        classes = tuple(setting.cls for setting in group)
        members = sum((setting.members() for setting in group), ())
        kind = DeviceClassKind(classes, [setting.attr for setting in group], _view if first.view else None)
        since = _since([setting.since for setting in group])
        doc = next((setting.doc for setting in group if setting.doc), "")
        # Setting goes through _write (indices or names), listening through _listen (each class its
        # own Live attribute): the registry generates the getter only.
        getter = _read(group)
        props = dict((setting.cls, Prop(first.name, first.type, "gl", attr=setting.attr, getter=getter,
                                        target=_view if first.view else None, strict=True, member=members))
                     for setting in group)
        reg.properties(kind, [Prop(first.name, first.type, "g", attr=first.attr, getter=getter, since=since,
                                   target=_view if first.view else None, strict=True, member=members, doc=doc)],
                       prefix="/live/device")
        if "l" in first.access:
            get_address = "/live/device/get/%s" % first.name
            reg.add("/live/device/start_listen/%s" % first.name, KIND_START, kind, _listen(group, props, True),
                    since=since, members=members, reply_address=get_address,
                    reply="-> %s track_id:i device_id:i %s:%s" % (get_address, first.name, first.type),
                    doc="Send %s now and whenever it changes, to %s" % (first.name.replace("_", " "), get_address))
            reg.add("/live/device/stop_listen/%s" % first.name, KIND_STOP, kind, _listen(group, props, False),
                    since=since, members=members, doc="Stop listening to %s" % first.name.replace("_", " "))
        if "s" in first.access:
            chooser = any(setting.list_attr for setting in group)
            reg.add("/live/device/set/%s" % first.name, KIND_SET, kind, _write(group), since=since,
                    args="value:%s" % ("x" if chooser else first.type), members=members,
                    doc="Set: %s" % (doc or first.name.replace("_", " ")) + (" (an index or a name)" if chooser else ""))
        listed = [setting for setting in group if setting.list_attr]
        if listed:
            reg.add("/live/device/get/%s_list" % first.name, KIND_GET,
                    DeviceClassKind(tuple(s.cls for s in listed), [s.list_attr for s in listed]),
                    _list_getter(listed), since=_since([s.since for s in listed]),
                    reply="track_id:i device_id:i name:s*",
                    members=tuple("%s.%s" % (s.cls, s.list_attr) for s in listed),
                    doc="The names %s chooses from" % first.name.replace("_", " "))
    for cls, since, name, doc in METHODS:
        reg.add("/live/device/%s" % name, KIND_METHOD, DeviceClassKind((cls,), name), _call(name), since=since,
                members="%s.%s" % (cls, name), doc=doc)
    _register_wavetable(reg)
    reg.add("/live/device/warp_as", KIND_METHOD, DeviceClassKind(("SimplerDevice",), "warp_as"), warp_as,
            args="beats:f", members="SimplerDevice.warp_as",
            doc="Simpler: warp the sample between its markers to last this many beats")
    reg.add("/live/device/get/guess_playback_length", KIND_GET,
            DeviceClassKind(("SimplerDevice",), "guess_playback_length"), guess_playback_length,
            reply="track_id:i device_id:i beats:f", members="SimplerDevice.guess_playback_length",
            doc="Simpler: the beats its sample lasts between the markers")
    looper = DeviceClassKind(("LooperDevice",), "export_to_clip_slot")
    reg.add("/live/device/export_to_clip_slot", KIND_METHOD, looper, export_to_clip_slot, since=D12,
            args="scene_id:i target_track_id:T?", members=("LooperDevice.export_to_clip_slot", "Track.clip_slots"),
            reply="track_id:i device_id:i clip_track_id:T clip_id:i",
            doc="Looper: put its buffer into a clip slot as an audio clip (default: of Looper's own track); "
                "answers the new clip's track and slot")


def _register_wavetable(reg):
    def kind(member):
        return DeviceClassKind(("WavetableDevice",), member)

    reg.add("/live/device/get/visible_modulation_target_names", KIND_GET, kind("visible_modulation_target_names"),
            get_target_names, reply="track_id:i device_id:i name:s*",
            members="WavetableDevice.visible_modulation_target_names",
            doc="Wavetable: the parameters shown in the modulation matrix, by target index")
    reg.add("/live/device/add_parameter_to_modulation_matrix", KIND_METHOD, kind("add_parameter_to_modulation_matrix"),
            add_modulation_target, args="param_id:i", reply="track_id:i device_id:i param_id:i target_index:i",
            members="WavetableDevice.add_parameter_to_modulation_matrix",
            doc="Wavetable: show a parameter in the modulation matrix; answers its target index")
    reg.add("/live/device/get/is_parameter_modulatable", KIND_GET, kind("is_parameter_modulatable"), is_modulatable,
            args="param_id:i", reply="track_id:i device_id:i param_id:i modulatable:b",
            members="WavetableDevice.is_parameter_modulatable",
            doc="Wavetable: whether a parameter can be a modulation target")
    reg.add("/live/device/get/modulation_value", KIND_GET, kind("get_modulation_value"), get_modulation,
            args="target_index:i source:i", reply="track_id:i device_id:i target_index:i source:i amount:f",
            members="WavetableDevice.get_modulation_value",
            doc="Wavetable: a modulation amount (source: 0 amp env, 1 env 2, 2 env 3, 3 LFO 1, 4 LFO 2, "
                "5 velocity, 6 note, 7 pitch bend, 8 pressure, 9 mod wheel, 10 random)")
    reg.add("/live/device/set/modulation_value", KIND_SET, kind("set_modulation_value"), set_modulation,
            args="target_index:i source:i amount:f", members="WavetableDevice.set_modulation_value",
            doc="Wavetable: set a modulation amount (-1..1)")
    reg.add("/live/device/get/modulation_target_parameter_name", KIND_GET,
            kind("get_modulation_target_parameter_name"), get_target_name, args="target_index:i",
            reply="track_id:i device_id:i target_index:i name:s",
            members="WavetableDevice.get_modulation_target_parameter_name",
            doc="Wavetable: the name of the parameter at a target index of the modulation matrix")
