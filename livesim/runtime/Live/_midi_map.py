"""Live.MidiMap: mapping MIDI from a control surface to parameters, and forwarding it to the script.

Handles.  Live gives ``build_midi_map(midi_map_handle)`` an int that is valid only during that
call.  The host opens one with ``_new_handle(owner)`` (``owner``: the Host running the script,
or a World) and closes it with ``_close_handle(handle)`` when the call returns; closing
installs what was mapped as that script's whole MIDI map (replacing its previous one).
Calls with a handle that is not open raise ``RuntimeError(HANDLE_TEXT)``.

Inspecting and playing.  ``world.midi_mappings`` lists the installed ``Mapping``s,
``world.midi_forwards`` the installed ``Forward``s.  ``receive_midi(world, status, data1,
data2)`` plays one incoming message: mapped parameters move (absolute CCs scale 0..127 onto
min..max, relative modes step, notes toggle, pitch bend scales 0..16383) and forwarded messages
reach the script's ``receive_midi(midi_bytes)`` through the host.  Feedback requested with
``send_feedback_for_parameter`` goes out through the owner's ``c_instance.send_midi`` as the
mapped CC's current value.  Translations the script sets while building its map
(``c_instance.set_cc_translation``/``set_note_translation``) apply to incoming messages first.
"""
import collections

from Live import _lom
from Live._device_parameter_model import take_over

MapMode = _lom.make_enum("MidiMap", "MapMode", {
    "absolute": 0, "relative_signed_bit": 1, "relative_binary_offset": 2, "relative_two_compliment": 3,
    "relative_signed_bit2": 4, "absolute_14_bit": 5, "relative_smooth_signed_bit": 6,
    "relative_smooth_binary_offset": 7, "relative_smooth_two_compliment": 8, "relative_smooth_signed_bit2": 9})
HANDLE_TEXT = "Invalid MIDI map handle: MIDI maps can only be changed inside build_midi_map"
CC, NOTE, PITCHBEND = "cc", "note", "pitchbend"

Mapping = collections.namedtuple("Mapping", "kind param channel number map_mode avoid_takeover sensitivity feedback "
                                            "owner")
Forward = collections.namedtuple("Forward", "kind channel number consume script_handle owner")


class _Build(object):
    __slots__ = ("owner", "world", "mappings", "forwards", "feedback")

    def __init__(self, owner, world):
        self.owner = owner
        self.world = world
        self.mappings = []
        self.forwards = []
        self.feedback = []


_open = {}
_next = [0x4D00]


def _world_of(owner):
    return getattr(owner, "world", owner)


def _new_handle(owner):
    """Open a MIDI map handle for ``owner`` (a Host or a World); returns the int Live passes."""
    _next[0] += 1
    _open[_next[0]] = _Build(owner, _world_of(owner))
    getattr(getattr(owner, "c_instance", None), "_livesim_translations", {}).clear()  # a new map, new translations
    return _next[0]


def _close_handle(handle):
    """Close ``handle``: what was mapped through it becomes the owner's MIDI map."""
    b = _open.pop(handle, None)
    if b is None:
        return
    w = b.world
    w.midi_mappings = [m for m in getattr(w, "midi_mappings", []) if m.owner is not b.owner] + b.mappings
    w.midi_forwards = [f for f in getattr(w, "midi_forwards", []) if f.owner is not b.owner] + b.forwards
    w.midi_feedback = list(getattr(w, "midi_feedback", [])) + b.feedback
    translations = getattr(getattr(b.owner, "c_instance", None), "_livesim_translations", None)
    if translations is not None:
        tables = dict(getattr(w, "midi_translations", {}))
        tables[b.owner] = dict(translations)
        w.midi_translations = tables
    send = getattr(getattr(b.owner, "c_instance", None), "send_midi", None)
    if send is not None:
        for p in b.feedback:
            for m in b.mappings:
                if m.param is p and m.kind == CC:
                    send((0xB0 | m.channel, m.number, _cc_value(p)))


def _cc_value(p):
    """The 0..127 value a mapped CC reports for parameter node ``p``."""
    span = p.max - p.min
    return int(round(127.0 * (p.value - p.min) / span)) if span > 0 else 0


# ---------------------------------------------------------------- argument checks

def _arg_error(name, args, types):
    """Boost.Python's ArgumentError for a module function of MidiMap."""
    given = ", ".join(_lom._pytype_name(a) for a in args)
    wanted = ", ".join(_lom._cpp_name(t) for t in types)
    return _lom.ArgumentError("Python argument types in\n    MidiMap.%s(%s)\ndid not match C++ signature:\n    %s(%s)"
                              % (name, given, name, wanted))


def _build(name, handle, args, types):
    if not isinstance(handle, int) or isinstance(handle, bool):
        raise _arg_error(name, args, types)
    b = _open.get(handle)
    if b is None:
        raise RuntimeError(HANDLE_TEXT)
    return b


def _param(name, p, args, types):
    cls = _lom.CLASSES.get("DeviceParameter")
    if not isinstance(p, cls):
        raise _arg_error(name, args, types)
    return _lom.unwrap(p)


def _ints(name, values, args, types):
    for v in values:
        if not isinstance(v, int):
            raise _arg_error(name, args, types)


def _valid(channel, number):
    return 0 <= channel <= 15 and 0 <= number <= 127


def _map(b, kind, param, channel, number, mode, avoid, sensitivity, feedback):
    if not _valid(channel, number):
        return False
    for m in b.mappings:
        if m.kind == kind and m.channel == channel and m.number == number:
            return False
    b.mappings.append(Mapping(kind, param, channel, number, MapMode.values.get(int(mode), mode), bool(avoid),
                              float(sensitivity), feedback, b.owner))
    return True


# ---------------------------------------------------------------- Live's functions

_CC_TYPES = ["int", "DeviceParameter", "int", "int", "MapMode", "bool", "float"]


def map_midi_cc(midi_map_handle, parameter, midi_channel, controller_number, map_mode, avoid_takeover,
                sensitivity=1.0):
    """Map a CC to a parameter; False if that CC is already mapped in this map."""
    args = (midi_map_handle, parameter, midi_channel, controller_number, map_mode, avoid_takeover, sensitivity)
    b = _build("map_midi_cc", midi_map_handle, args, _CC_TYPES)
    p = _param("map_midi_cc", parameter, args, _CC_TYPES)
    _ints("map_midi_cc", (midi_channel, controller_number, map_mode, avoid_takeover), args, _CC_TYPES)
    return _map(b, CC, p, midi_channel, controller_number, map_mode, avoid_takeover, sensitivity, None)


def map_midi_cc_with_feedback_map(midi_map_handle, parameter, midi_channel, controller_number, map_mode,
                                  feedback_rule, avoid_takeover, sensitivity=1.0):
    """Map a CC with a CCFeedbackRule describing the values sent back."""
    args = (midi_map_handle, parameter, midi_channel, controller_number, map_mode, feedback_rule,
            avoid_takeover, sensitivity)
    types = ["int", "DeviceParameter", "int", "int", "MapMode", "CCFeedbackRule", "bool", "float"]
    b = _build("map_midi_cc_with_feedback_map", midi_map_handle, args, types)
    p = _param("map_midi_cc_with_feedback_map", parameter, args, types)
    if not isinstance(feedback_rule, CCFeedbackRule):
        raise _arg_error("map_midi_cc_with_feedback_map", args, types)
    return _map(b, CC, p, midi_channel, controller_number, map_mode, avoid_takeover, sensitivity, feedback_rule)


def map_midi_note(midi_map_handle, parameter, midi_channel, note):
    """Map a note to a parameter (each note-on toggles it between min and max)."""
    args = (midi_map_handle, parameter, midi_channel, note)
    types = ["int", "DeviceParameter", "int", "int"]
    b = _build("map_midi_note", midi_map_handle, args, types)
    p = _param("map_midi_note", parameter, args, types)
    _ints("map_midi_note", (midi_channel, note), args, types)
    return _map(b, NOTE, p, midi_channel, note, MapMode.absolute, False, 1.0, None)


def map_midi_note_with_feedback_map(midi_map_handle, parameter, midi_channel, note, feedback_rule):
    """Map a note with a NoteFeedbackRule."""
    args = (midi_map_handle, parameter, midi_channel, note, feedback_rule)
    types = ["int", "DeviceParameter", "int", "int", "NoteFeedbackRule"]
    b = _build("map_midi_note_with_feedback_map", midi_map_handle, args, types)
    p = _param("map_midi_note_with_feedback_map", parameter, args, types)
    if not isinstance(feedback_rule, NoteFeedbackRule):
        raise _arg_error("map_midi_note_with_feedback_map", args, types)
    return _map(b, NOTE, p, midi_channel, note, MapMode.absolute, False, 1.0, feedback_rule)


def map_midi_pitchbend(midi_map_handle, parameter, midi_channel, avoid_takeover):
    """Map a channel's pitch bend to a parameter."""
    args = (midi_map_handle, parameter, midi_channel, avoid_takeover)
    types = ["int", "DeviceParameter", "int", "bool"]
    b = _build("map_midi_pitchbend", midi_map_handle, args, types)
    p = _param("map_midi_pitchbend", parameter, args, types)
    return _map(b, PITCHBEND, p, midi_channel, 0, MapMode.absolute_14_bit, avoid_takeover, 1.0, None)


def map_midi_pitchbend_with_feedback_map(midi_map_handle, parameter, midi_channel, feedback_rule, avoid_takeover):
    """Map pitch bend with a PitchBendFeedbackRule."""
    args = (midi_map_handle, parameter, midi_channel, feedback_rule, avoid_takeover)
    types = ["int", "DeviceParameter", "int", "PitchBendFeedbackRule", "bool"]
    b = _build("map_midi_pitchbend_with_feedback_map", midi_map_handle, args, types)
    p = _param("map_midi_pitchbend_with_feedback_map", parameter, args, types)
    if not isinstance(feedback_rule, PitchBendFeedbackRule):
        raise _arg_error("map_midi_pitchbend_with_feedback_map", args, types)
    return _map(b, PITCHBEND, p, midi_channel, 0, MapMode.absolute_14_bit, avoid_takeover, 1.0, feedback_rule)


def _forward(name, kind, script_handle, midi_map_handle, channel, number, consume):
    args = (script_handle, midi_map_handle, channel, number, consume)
    types = ["int", "int", "int", "int", "bool"]
    _ints(name, (script_handle, channel, number, consume), args, types)
    b = _build(name, midi_map_handle, args, types)
    if not _valid(channel, number):
        return False
    b.forwards.append(Forward(kind, channel, number, bool(consume), script_handle, b.owner))
    return True


def forward_midi_cc(script_handle, midi_map_handle, channel, cc, should_consume_event=True):
    """Send this CC to the script's receive_midi (and, unless consumed, on to Live)."""
    return _forward("forward_midi_cc", CC, script_handle, midi_map_handle, channel, cc, should_consume_event)


def forward_midi_note(script_handle, midi_map_handle, channel, note, should_consume_event=True):
    """Send this note to the script's receive_midi."""
    return _forward("forward_midi_note", NOTE, script_handle, midi_map_handle, channel, note, should_consume_event)


def forward_midi_pitchbend(script_handle, midi_map_handle, channel):
    """Send this channel's pitch bend to the script's receive_midi."""
    return _forward("forward_midi_pitchbend", PITCHBEND, script_handle, midi_map_handle, channel, 0, True)


def send_feedback_for_parameter(midi_map_handle, parameter):
    """Ask Live to send the mapped controller the parameter's current value."""
    types = ["int", "DeviceParameter"]
    b = _build("send_feedback_for_parameter", midi_map_handle, (midi_map_handle, parameter), types)
    b.feedback.append(_param("send_feedback_for_parameter", parameter, (midi_map_handle, parameter), types))


# ---------------------------------------------------------------- feedback rules

class _RuleField(property):
    """A settable rule attribute; ``since`` hides it from older Live versions."""

    def __init__(self, conv, default, since=None):
        property.__init__(self, self._read, self._write)
        self.conv = conv
        self.default = default
        self.since = since
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name

    def _check(self):
        w = _lom.active_world()
        if self.since is not None and w is not None and w.version < self.since:
            raise AttributeError(self.name)

    def __get__(self, rule, cls=None):
        self._check()
        return self if rule is None else property.__get__(self, rule, cls)

    def _read(self, rule):
        return rule.__dict__.get(self.name, self.default)

    def _write(self, rule, value):
        try:
            rule.__dict__[self.name] = self.conv(value)
        except (TypeError, ValueError):
            raise _lom.ArgumentError("Python argument types in\n    None.None(%s, %s)\ndid not match C++ signature"
                                     % (type(rule).__name__, type(value).__name__))

    def __set__(self, rule, value):
        self._check()
        property.__set__(self, rule, value)


def _as_int(v):
    if not isinstance(v, int):
        raise TypeError
    return int(v)


def _as_float(v):
    if not isinstance(v, (int, float)):
        raise TypeError
    return float(v)


def _as_bool(v):
    if v is not None and not isinstance(v, int):
        raise TypeError
    return bool(v)


def _as_tuple(v):
    return tuple(v)


class _FeedbackRule(object):
    """What every feedback rule has: the channel, a send delay and (11.3.2+) an on/off switch."""

    channel = _RuleField(_as_int, 0)
    delay_in_ms = _RuleField(_as_float, 0.0)
    enabled = _RuleField(_as_bool, True, since=(11, 3, 2))


class CCFeedbackRule(_FeedbackRule):
    """How a mapped CC reports the parameter's value back to the controller."""

    cc_no = _RuleField(_as_int, 0)
    cc_value_map = _RuleField(_as_tuple, ())


class NoteFeedbackRule(_FeedbackRule):
    """How a mapped note reports the parameter's value back."""

    note_no = _RuleField(_as_int, 0)
    vel_map = _RuleField(_as_tuple, ())


class PitchBendFeedbackRule(_FeedbackRule):
    """How a mapped pitch bend reports the parameter's value back."""

    value_pair_map = _RuleField(_as_tuple, ())


for _cls in (CCFeedbackRule, NoteFeedbackRule, PitchBendFeedbackRule):
    _cls.__module__ = "MidiMap"


# ---------------------------------------------------------------- incoming MIDI

def _relative_delta(mode, v):
    m = int(mode)
    if m in (1, 6):                      # signed bit: bit 6 set = negative
        return -(v & 63) if v & 64 else v & 63
    if m in (4, 9):                      # signed bit 2: bit 6 set = positive
        return v & 63 if v & 64 else -(v & 63)
    if m in (2, 7):                      # binary offset: 64 = no change
        return v - 64
    return v - 128 if v > 64 else v      # two's complement


def _apply(p, kind, mode, value, sensitivity):
    lo, hi = p.min, p.max
    if kind == NOTE:
        target = lo if p.value > lo else hi
    elif kind == PITCHBEND:
        target = lo + (hi - lo) * value / 16383.0
    elif int(mode) in (0, 5):
        target = lo + (hi - lo) * value / 127.0
    else:
        step = (hi - lo) / 127.0 * sensitivity
        if p.is_quantized:
            step = max(1.0, round(step))
        target = min(hi, max(lo, p.value + _relative_delta(mode, value) * step))
    if p.is_quantized:
        target = float(round(target))
    if p.set(min(hi, max(lo, target))):
        take_over(p)


def receive_midi(world, status, data1, data2=0):
    """Play one incoming MIDI message (status, data1, data2); returns the number of parameters moved."""
    kind_bits = status & 0xF0
    for table in getattr(world, "midi_translations", {}).values():  # the scripts' set_*_translation
        to = table.get((0x90 if kind_bits == 0x80 else kind_bits, status & 0x0F, data1))
        if to is not None:
            status, data1 = kind_bits | to[0], to[1]
            break
    channel = status & 0x0F
    if kind_bits == 0xB0:
        kind, number, value = CC, data1, data2
    elif kind_bits == 0x90 and data2 > 0:
        kind, number, value = NOTE, data1, data2
    elif kind_bits in (0x80, 0x90):
        kind, number, value = NOTE + "-off", data1, 0
    elif kind_bits == 0xE0:
        kind, number, value = PITCHBEND, 0, (data2 << 7) | data1
    else:
        return 0
    consumed = False
    for f in list(getattr(world, "midi_forwards", [])):
        fkind = NOTE if kind == NOTE + "-off" else kind
        if f.kind == fkind and f.channel == channel and f.number == number:
            call = getattr(f.owner, "call_script", None)
            if call is not None:
                call("receive_midi", (status, data1, data2))
            consumed = consumed or f.consume
    if consumed:
        return 0
    moved = 0
    for m in list(getattr(world, "midi_mappings", [])):
        if m.kind == kind and m.channel == channel and m.number == number and not m.param.dead:
            _apply(m.param, kind, m.map_mode, value, m.sensitivity)
            moved += 1
    return moved
