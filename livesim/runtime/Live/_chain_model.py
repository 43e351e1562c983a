"""The model of rack chains: a chain's state and its solo rule (Live.Chain and Live.DrumChain show it).

The chain's mute is its mixer's Chain Activator read backwards, so setting either one is seen
through both.  Solo changes recompute ``muted_via_solo`` of the sibling chains.  A drum chain's
``in_note`` is the note of the pad it sits on: setting it moves the chain to another pad.  The
view modules set each node class's ``cls`` (the public class its handles have).
"""
from Live import _lom, _palette
from Live._lom import set_value
from Live._chain_mixer_model import ChainMixerNode
from Live._device_model import follow_value, refresh_container

INSTRUMENT, AUDIO_EFFECT = 1, 2
NOTE_TEXT = "Note must be between 0 and 127"
CHOKE_TEXT = "Choke group must be between 0 and 16"


class ChainNode(_lom.Node):
    """A chain's state: name, colour, solo, devices and mixer (``mixer.chain_activator`` is the mute)."""

    def __init__(self, world, rack, name="Chain", is_return=False, cls=None):
        _lom.Node.__init__(self, world, rack, cls)
        self.name = name
        self.color_index = 0
        self.color = _palette.PALETTE[0]
        self.is_auto_colored = True
        self.solo = False
        self.muted_via_solo = False
        self.is_return = is_return
        self.devices = []
        sends = 0 if is_return else len(getattr(rack, "return_chains", ()))
        self.mixer = ChainMixerNode(world, self, sends=sends)
        follow_value(self.mixer.chain_activator, self._activator_changed)

    def children(self):
        return list(self.devices) + [self.mixer]

    def on_revive(self):
        """Deletion dropped every listener: follow the activator again."""
        follow_value(self.mixer.chain_activator, self._activator_changed)

    def _activator_changed(self):
        _lom.notify(self, "mute")
        refresh_container(self)

    @property
    def mute(self):
        return self.mixer.chain_activator.value < 0.5

    def is_on(self):
        """Devices in this chain run only while it is unmuted and its rack is active."""
        return not self.mute and self.parent.is_active

    def siblings(self):
        """The chains whose solo states interact with this one's."""
        rack = self.parent
        return rack.return_chains if self.is_return else rack.chains

    def has_instrument(self):
        return any(int(d.type) == INSTRUMENT for d in self.devices)

    def rack_type(self):
        """The DeviceType value of the rack this chain is in."""
        return int(self.parent.type)

    def has_audio_input(self):
        return self.rack_type() == AUDIO_EFFECT

    def has_audio_output(self):
        return self.rack_type() == AUDIO_EFFECT or self.rack_type() == INSTRUMENT and self.has_instrument()

    def has_midi_input(self):
        return self.rack_type() != AUDIO_EFFECT

    def has_midi_output(self):
        return self.rack_type() != AUDIO_EFFECT and not self.has_instrument()


def set_chain_mute(o, v):
    """Mute or unmute a chain: its mixer's Chain Activator goes off or on."""
    o.mixer.chain_activator.set(0.0 if v else 1.0)


def set_chain_solo(o, v):
    """Solo a chain: its siblings are muted by it."""
    if set_value(o, "solo", v):
        refresh_solo(o.siblings())


def set_chain_color(o, v):
    """Colour a chain (the nearest colour of the palette); it is no longer auto-coloured."""
    _palette.set_color(o, v)
    set_value(o, "is_auto_colored", False)


def set_chain_color_index(o, v):
    """Colour a chain by palette index; it is no longer auto-coloured."""
    _palette.set_color_index(o, v)
    set_value(o, "is_auto_colored", False)


def refresh_solo(chains):
    """Recompute muted_via_solo of ``chains`` (a chain is muted by another one's solo)."""
    any_solo = any(c.solo for c in chains)
    for c in chains:
        set_value(c, "muted_via_solo", any_solo and not c.solo, undo=False)


class DrumChainNode(ChainNode):
    """A drum chain: ``pad`` is the DrumPad node it sits in; out_note defaults to C3 (60)."""

    def __init__(self, world, rack, pad, name="", out_note=60, choke_group=0):
        ChainNode.__init__(self, world, rack, name)
        self.pad = pad
        self.out_note = out_note
        self.choke_group = choke_group

    @property
    def in_note(self):
        return self.pad.note


def set_in_note(o, v):
    """Move drum chain ``o`` to the pad of note ``v``."""
    if v < 0 or v > 127:
        raise RuntimeError(NOTE_TEXT)
    if v != o.pad.note:
        o.parent.move_chain_to_pad(o, v)


def set_out_note(o, v):
    """Set the note drum chain ``o`` plays its devices with."""
    if v < 0 or v > 127:
        raise RuntimeError(NOTE_TEXT)
    set_value(o, "out_note", v)


def set_choke_group(o, v):
    """Put drum chain ``o`` in choke group ``v`` (0: none)."""
    if v < 0 or v > 16:
        raise RuntimeError(CHOKE_TEXT)
    set_value(o, "choke_group", v)
