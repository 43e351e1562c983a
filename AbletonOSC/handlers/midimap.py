"""/live/midimap/*: map MIDI CCs arriving at the script's MIDI input to device parameters."""

from .errors import HandlerError
from .objects import DEVICE


class MidiMappings(object):
    """The CC mappings, applied whenever Live asks the script to build its MIDI map."""

    def __init__(self):
        self.mappings = {}  # (channel, cc) -> (echo, parameter)

    def add(self, channel, cc, echo, parameter):
        """Remember a mapping (one parameter per channel and CC, replacing an older one)."""
        self.mappings[(channel, cc)] = (echo, parameter)

    def remove(self, channel, cc):
        """Forget a mapping; False when there was none."""
        return self.mappings.pop((channel, cc), None) is not None

    def build(self, midi_map_handle):
        """Install every mapping into Live's MIDI map (called from build_midi_map)."""
        import Live

        for (channel, cc), (echo, parameter) in list(self.mappings.items()):
            if parameter == None:  # noqa: E711  (the device was deleted)
                del self.mappings[(channel, cc)]
                continue
            Live.MidiMap.map_midi_cc(midi_map_handle, parameter, channel, cc, Live.MidiMap.MapMode.absolute, True)


def _mappings(ctx):
    mappings = ctx.registry.state.get("midimap")
    if mappings is None:
        mappings = ctx.manager.midi_mappings
        ctx.registry.state["midimap"] = mappings
    return mappings


def _check(channel, cc):
    if not 0 <= channel <= 15:
        raise HandlerError("channel must be 0-15, got %d" % channel)
    if not 0 <= cc <= 127:
        raise HandlerError("cc must be 0-127, got %d" % cc)


def map_cc(ctx, device, param_id, channel, cc):
    _check(channel, cc)
    parameter = device.parameters[param_id]
    _mappings(ctx).add(channel, cc, ctx.echo + (param_id,), parameter)
    ctx.manager.request_rebuild_midi_map()


def unmap_cc(ctx, song, channel, cc):
    _check(channel, cc)
    if not _mappings(ctx).remove(channel, cc):
        raise HandlerError("No mapping on channel %d, CC %d" % (channel, cc))
    ctx.manager.request_rebuild_midi_map()


def get_mappings(ctx, song):
    values = []
    for (channel, cc), (echo, parameter) in sorted(_mappings(ctx).mappings.items()):
        values.extend((channel, cc) + tuple(echo))
    return tuple(values)


def register(reg):
    reg.add("/live/midimap/map_cc", "method", DEVICE, map_cc, args="param_id:i channel:i cc:i",
            doc="Map a MIDI CC (channel 0-15) arriving at the script's MIDI input to a device parameter",
            members=("Device.parameters", "MidiMap.map_midi_cc"))
    reg.add("/live/midimap/unmap_cc", "method", "song", unmap_cc, args="channel:i cc:i",
            doc="Remove the mapping of a MIDI CC", members="MidiMap.map_midi_cc")
    reg.add("/live/midimap/get/mappings", "get", "song", get_mappings,
            reply="(channel:i cc:i track_id:i device_id:i param_id:i)*", doc="Every CC mapping",
            members="MidiMap.map_midi_cc")
