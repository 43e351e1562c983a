"""The model of a track's mixer (Live.MixerDevice shows it): volume, panning, sends, main-only crossfader/cue/tempo.

Live._mixer_device sets ``MixerNode.cls`` (the public class its handles have).
"""
from Live import _lom
from Live._device_parameter_model import ParamNode


def send_name(index):
    """Live names sends by the return's letter: "A-Send", "B-Send" ..."""
    return "%s-Send" % (chr(ord("A") + index) if index < 26 else str(index))


crossfade_assignments = _lom.make_enum("MixerDevice", "MixerDevice.crossfade_assignments",
                                       {"A": 0, "NONE": 1, "B": 2})
panning_modes = _lom.make_enum("MixerDevice", "MixerDevice.panning_modes", {"stereo": 0, "stereo_split": 1})


def main_word(world):
    """Live 12 calls the master track "Main", Live 11 "Master"."""
    return "Main" if world.version >= (12, 0, 0) else "Master"


class MixerNode(_lom.Node):
    """Mixer state of a track; ``kind`` is the owning track's kind."""

    def __init__(self, world, track, kind, volume=0.85, panning=0.0):
        _lom.Node.__init__(self, world, track)
        self.kind = kind
        self.volume = ParamNode(world, self, "Track Volume", volume, 0.0, 1.0, display="volume")
        self.panning = ParamNode(world, self, "Track Panning", panning, -1.0, 1.0, display="pan")
        self.track_activator = ParamNode(world, self, "Speaker On", 1.0, 0.0, 1.0, True, ["Off", "On"])
        self.left_split_stereo = ParamNode(world, self, "Left Split Stereo Pan", -1.0, -1.0, 1.0, display="pan")
        self.right_split_stereo = ParamNode(world, self, "Right Split Stereo Pan", 1.0, -1.0, 1.0, display="pan")
        self.sends = []
        self.crossfade_assign = crossfade_assignments.NONE
        self.panning_mode = panning_modes.stereo
        if kind == "main":
            self.crossfader = ParamNode(world, self, "Crossfade", 0.0, -1.0, 1.0, display="crossfader")
            self.cue_volume = ParamNode(world, self, "Preview Volume", 0.85, 0.0, 1.0, display="volume")
            self.song_tempo = ParamNode(world, self, "Song Tempo", 120.0, 20.0, 999.0, display="tempo")
        else:
            self.crossfader = self.cue_volume = self.song_tempo = None

    def add_send(self, index, value=0.0):
        """Insert a send (one per return track) and notify."""
        p = ParamNode(self.world, self, send_name(index), value, 0.0, 1.0, display="send")
        self.sends.insert(index, p)
        self.rename_sends()
        _lom.notify(self, "sends")
        return p

    def remove_send(self, index):
        """Drop the send of a deleted return track."""
        p = self.sends.pop(index)
        _lom.kill(p)
        self.rename_sends()
        _lom.notify(self, "sends")
        return p

    def rename_sends(self):
        for i, p in enumerate(self.sends):
            p.name = p.original_name = send_name(i)

    def children(self):
        out = [self.volume, self.panning, self.track_activator, self.left_split_stereo,
               self.right_split_stereo] + list(self.sends)
        if self.crossfader is not None:
            out += [self.crossfader, self.cue_volume, self.song_tempo]
        return out


def main_only(what):
    """A check refusing ``what`` on tracks other than the main one."""
    def check(o):
        if o.kind != "main":
            return "Only the %s track has a %s!" % (main_word(o.world).lower(), what)
        return None
    return check


def crossfade_refusal(o):
    """Why a track has no crossfade assignment (the main track has none)."""
    if o.kind == "main":
        return "%s track has no 'crossfade_assign' property!" % main_word(o.world)
    return None
