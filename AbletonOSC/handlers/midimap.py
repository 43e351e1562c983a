"""/live/midimap/*: MIDI arriving at the script's input moves device parameters, or is forwarded over OSC.

Mappings (CCs, notes, a channel's pitch bend) and forwards live in the manager, so they outlast a
reload of the handlers, and are installed whenever Live asks the script to build its MIDI map
(``Manager.build_midi_map``): a mapping survives Live rebuilding the map. A mapping with feedback
also sends the parameter's value back to the controller (LEDs, motor faders) through the script's
MIDI output. Forwarded messages reach the client that asked, on ``/live/midimap/received``.
"""

from .errors import HandlerError
from .objects import DEVICE

CC, NOTE, PITCHBEND = "cc", "note", "pitchbend"
KINDS = (CC, NOTE, PITCHBEND)
RECEIVED = "/live/midimap/received"
STATUS = {0xB0: CC, 0x90: NOTE, 0x80: NOTE, 0xE0: PITCHBEND}


class MidiMappings(object):
    """The mappings and forwards, applied whenever Live asks the script to build its MIDI map."""

    def __init__(self):
        self.mappings = {}  # (kind, channel, number) -> (echo, parameter, feedback)
        self.forwards = {}  # (kind, channel, number) -> [client, ...]

    def add(self, kind, channel, number, echo, parameter, feedback=False):
        """Remember a mapping (one parameter per message, replacing an older one)."""
        self.mappings[(kind, channel, number)] = (echo, parameter, feedback)

    def remove(self, kind, channel, number):
        """Forget a mapping; False when there was none."""
        return self.mappings.pop((kind, channel, number), None) is not None

    def forward(self, kind, channel, number, client):
        """Send a message kind to ``client`` when it arrives."""
        clients = self.forwards.setdefault((kind, channel, number), [])
        if client not in clients:
            clients.append(client)

    def stop_forward(self, kind, channel, number, client):
        """Stop forwarding to ``client``; False when it was not forwarded."""
        clients = self.forwards.get((kind, channel, number), [])
        if client not in clients:
            return False
        clients.remove(client)
        if not clients:
            del self.forwards[(kind, channel, number)]
        return True

    def of_client(self, client):
        """The forwards ``client`` asked for: [(kind, channel, number)]."""
        return sorted(key for key, clients in self.forwards.items() if client in clients)

    def end_client(self, client):
        """Stop every forward to ``client``; whether there was one."""
        keys = self.of_client(client)
        for kind, channel, number in keys:
            self.stop_forward(kind, channel, number, client)
        return bool(keys)

    def build(self, midi_map_handle, script_handle):
        """Install every mapping and forward into Live's MIDI map (called from build_midi_map)."""
        import Live

        midi_map = Live.MidiMap
        for key, (echo, parameter, feedback) in list(self.mappings.items()):
            if parameter == None:  # noqa: E711  (the device was deleted)
                del self.mappings[key]
                continue
            kind, channel, number = key
            if kind == CC and feedback:
                rule = midi_map.CCFeedbackRule()
                rule.channel, rule.cc_no = channel, number
                midi_map.map_midi_cc_with_feedback_map(midi_map_handle, parameter, channel, number,
                                                       midi_map.MapMode.absolute, rule, True)
            elif kind == CC:
                midi_map.map_midi_cc(midi_map_handle, parameter, channel, number, midi_map.MapMode.absolute, True)
            elif kind == NOTE and feedback:
                rule = midi_map.NoteFeedbackRule()
                rule.channel, rule.note_no = channel, number
                midi_map.map_midi_note_with_feedback_map(midi_map_handle, parameter, channel, number, rule)
            elif kind == NOTE:
                midi_map.map_midi_note(midi_map_handle, parameter, channel, number)
            elif feedback:
                rule = midi_map.PitchBendFeedbackRule()
                rule.channel = channel
                midi_map.map_midi_pitchbend_with_feedback_map(midi_map_handle, parameter, channel, rule, True)
            else:
                midi_map.map_midi_pitchbend(midi_map_handle, parameter, channel, True)
            if feedback:
                midi_map.send_feedback_for_parameter(midi_map_handle, parameter)
        for kind, channel, number in self.forwards:
            if kind == CC:
                midi_map.forward_midi_cc(script_handle, midi_map_handle, channel, number)
            elif kind == NOTE:
                midi_map.forward_midi_note(script_handle, midi_map_handle, channel, number)
            else:
                midi_map.forward_midi_pitchbend(script_handle, midi_map_handle, channel)

    def received(self, midi_bytes):
        """Pass a forwarded MIDI message (status, data1, data2) on to the clients that asked for it."""
        if len(midi_bytes) < 2:
            return
        kind = STATUS.get(midi_bytes[0] & 0xF0)
        number = 0 if kind == PITCHBEND else midi_bytes[1]
        for client in list(self.forwards.get((kind, midi_bytes[0] & 0x0F, number), ())):
            client.send(RECEIVED, tuple(int(b) for b in midi_bytes))


def _mappings(ctx):
    mappings = ctx.registry.state.get("midimap")
    if mappings is None:
        mappings = ctx.manager.midi_mappings
        ctx.registry.state["midimap"] = mappings
    return mappings


def _check(channel, number=0, what="cc"):
    if not 0 <= channel <= 15:
        raise HandlerError("channel must be 0-15, got %d" % channel)
    if not 0 <= number <= 127:
        raise HandlerError("%s must be 0-127, got %d" % (what, number))


def _kind(word):
    kind = word.strip().lower()
    if kind not in KINDS:
        raise HandlerError("kind must be cc, note or pitchbend, got %r" % word)
    return kind


def _mapper(kind):
    def map_(ctx, device, param_id, channel, *rest):
        number = rest[0] if kind != PITCHBEND else 0
        feedback = bool(rest[1] if kind != PITCHBEND and len(rest) > 1 else (rest[0] if kind == PITCHBEND and rest
                                                                            else False))
        _check(channel, number, kind)
        _mappings(ctx).add(kind, channel, number, ctx.echo + (param_id,), device.parameters[param_id], feedback)
        ctx.manager.request_rebuild_midi_map()

    return map_


def _unmapper(kind):
    def unmap(ctx, song, channel, *number):
        value = number[0] if number else 0
        _check(channel, value, kind)
        if not _mappings(ctx).remove(kind, channel, value):
            raise HandlerError("No mapping of %s on channel %d%s" % (
                kind, channel, "" if kind == PITCHBEND else ", %s %d" % (kind, value)))
        ctx.manager.request_rebuild_midi_map()

    return unmap


def get_mappings(ctx, song):
    values = []
    for (kind, channel, number), (echo, parameter, feedback) in sorted(_mappings(ctx).mappings.items()):
        if kind == CC:
            values.extend((channel, number) + tuple(echo))
    return tuple(values)


def get_all_mappings(ctx, song):
    values = []
    for (kind, channel, number), (echo, parameter, feedback) in sorted(_mappings(ctx).mappings.items()):
        values.extend((kind, channel, number) + tuple(echo) + (feedback,))
    return tuple(values)


def forward(ctx, song, kind, channel, *number):
    kind = _kind(kind)
    value = number[0] if number and kind != PITCHBEND else 0
    _check(channel, value, kind)
    _mappings(ctx).forward(kind, channel, value, ctx.client)
    ctx.manager.request_rebuild_midi_map()


def stop_forward(ctx, song, kind, channel, *number):
    kind = _kind(kind)
    value = number[0] if number and kind != PITCHBEND else 0
    if _mappings(ctx).stop_forward(kind, channel, value, ctx.client):
        ctx.manager.request_rebuild_midi_map()


def _client_forwards(registry):
    """(list_fn, end_fn) for the registry: a client's forwards end with its listeners."""
    def mappings():
        manager = registry.ctx.manager
        return getattr(manager, "midi_mappings", None)

    def list_fn(client):
        found = mappings()
        return [] if found is None else [("/live/midimap/forward", key) for key in found.of_client(client)]

    def end_fn(client):
        found = mappings()
        if found is not None and found.end_client(client):
            registry.ctx.manager.request_rebuild_midi_map()

    return list_fn, end_fn


def register(reg):
    reg.client_listeners(*_client_forwards(reg))
    reg.add("/live/midimap/map_cc", "method", DEVICE, _mapper(CC), args="param_id:i channel:i cc:i feedback:b?",
            doc="Map a MIDI CC (channel 0-15) arriving at the script's MIDI input to a device parameter "
                "(feedback: send the parameter's value back to the controller)",
            members=("Device.parameters", "MidiMap.map_midi_cc", "MidiMap.map_midi_cc_with_feedback_map",
                     "MidiMap.send_feedback_for_parameter"))
    reg.add("/live/midimap/map_note", "method", DEVICE, _mapper(NOTE), args="param_id:i channel:i note:i feedback:b?",
            doc="Map a MIDI note to a device parameter (each press toggles it between its minimum and maximum)",
            members=("Device.parameters", "MidiMap.map_midi_note", "MidiMap.map_midi_note_with_feedback_map",
                     "MidiMap.send_feedback_for_parameter"))
    reg.add("/live/midimap/map_pitchbend", "method", DEVICE, _mapper(PITCHBEND), args="param_id:i channel:i feedback:b?",
            doc="Map a channel's pitch bend (14 bits) to a device parameter",
            members=("Device.parameters", "MidiMap.map_midi_pitchbend",
                     "MidiMap.map_midi_pitchbend_with_feedback_map", "MidiMap.send_feedback_for_parameter"))
    reg.add("/live/midimap/unmap_cc", "method", "song", _unmapper(CC), args="channel:i cc:i",
            doc="Remove the mapping of a MIDI CC", members="MidiMap.map_midi_cc")
    reg.add("/live/midimap/unmap_note", "method", "song", _unmapper(NOTE), args="channel:i note:i",
            doc="Remove the mapping of a MIDI note", members="MidiMap.map_midi_note")
    reg.add("/live/midimap/unmap_pitchbend", "method", "song", _unmapper(PITCHBEND), args="channel:i",
            doc="Remove the mapping of a channel's pitch bend", members="MidiMap.map_midi_pitchbend")
    reg.add("/live/midimap/get/mappings", "get", "song", get_mappings,
            reply="(channel:i cc:i track_id:i device_id:i param_id:i)*", doc="Every CC mapping",
            members="MidiMap.map_midi_cc")
    reg.add("/live/midimap/get/all_mappings", "get", "song", get_all_mappings,
            reply="(kind:s channel:i number:i track_id:i device_id:i param_id:i feedback:b)*",
            doc="Every mapping: CCs, notes and pitch bend (number 0)",
            members=("MidiMap.map_midi_cc", "MidiMap.map_midi_note", "MidiMap.map_midi_pitchbend"))
    reg.add("/live/midimap/forward", "method", "song", forward, args="kind:s channel:i number:i?",
            reply="-> %s status:i data1:i data2:i" % RECEIVED,
            doc="Send MIDI arriving at the script (kind cc, note or pitchbend) to this client on %s" % RECEIVED,
            members=("MidiMap.forward_midi_cc", "MidiMap.forward_midi_note", "MidiMap.forward_midi_pitchbend"))
    reg.add("/live/midimap/stop_forward", "method", "song", stop_forward, args="kind:s channel:i number:i?",
            doc="Stop forwarding a MIDI message to this client",
            members=("MidiMap.forward_midi_cc", "MidiMap.forward_midi_note", "MidiMap.forward_midi_pitchbend"))
    reg.status(RECEIVED, "status:i data1:i data2:i", "A forwarded MIDI message (/live/midimap/forward)")
