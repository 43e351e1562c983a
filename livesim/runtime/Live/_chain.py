"""Live.Chain: a rack chain (its devices and its mixer).

The chain's mute is its mixer's Chain Activator read backwards, so setting either one is seen
through both.  Solo changes recompute ``muted_via_solo`` of the sibling chains.
"""
from Live import _lom, _palette
from Live._lom import method, prop, set_value, since
from Live._base import Vector
from Live._chain_mixer_device import ChainMixerNode
from Live._device import delete_device, device_at, follow_value, refresh_container
from Live._track import DeviceContainer

_INSTRUMENT, _AUDIO_EFFECT = 1, 2


class ChainNode(_lom.Node):
    """A chain's state: name, colour, solo, devices and mixer (``mixer.chain_activator`` is the mute)."""

    def __init__(self, world, rack, name="Chain", is_return=False, cls=None):
        _lom.Node.__init__(self, world, rack, cls or Chain)
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
        return any(int(d.type) == _INSTRUMENT for d in self.devices)


def refresh_solo(chains):
    """Recompute muted_via_solo of ``chains`` (a chain is muted by another one's solo)."""
    any_solo = any(c.solo for c in chains)
    for c in chains:
        set_value(c, "muted_via_solo", any_solo and not c.solo, undo=False)


def _set_mute(o, v):
    o.mixer.chain_activator.set(0.0 if v else 1.0)


def _set_solo(o, v):
    if set_value(o, "solo", v):
        refresh_solo(o.siblings())


def _set_color(o, v):
    _palette.set_color(o, v)
    set_value(o, "is_auto_colored", False)


def _set_color_index(o, v):
    _palette.set_color_index(o, v)
    set_value(o, "is_auto_colored", False)


def _rack_type(o):
    return int(o.parent.type)


class Chain(DeviceContainer):
    """A chain of a rack device."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    color = prop("int", set=True, observe=True, fset=_set_color)
    color_index = prop("int", set=True, observe=True, fset=_set_color_index)
    is_auto_colored = prop("bool", set=True, observe=True)
    mute = prop("bool", set=True, observe=True, fset=_set_mute)
    solo = prop("bool", set=True, observe=True, fset=_set_solo)
    muted_via_solo = prop("bool", observe=True)
    devices = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.devices))
    mixer_device = prop("ChainMixerDevice", get=lambda o: _lom.wrap(o.mixer))
    has_audio_input = prop("bool", get=lambda o: _rack_type(o) == _AUDIO_EFFECT)
    has_audio_output = prop("bool", get=lambda o: _rack_type(o) == _AUDIO_EFFECT or
                            _rack_type(o) == _INSTRUMENT and o.has_instrument())
    has_midi_input = prop("bool", get=lambda o: _rack_type(o) != _AUDIO_EFFECT)
    has_midi_output = prop("bool", get=lambda o: _rack_type(o) != _AUDIO_EFFECT and not o.has_instrument())

    @method("int arg2", edits=True, label="Delete Device")
    def delete_device(o, index):
        """Delete the device at ``index`` (RuntimeError for a bad index)."""
        delete_device(o, index)

    @method("int arg2", edits=True, label="Duplicate Device", avail=since(12, 3))
    def duplicate_device(o, index):
        """Insert a copy of the device at ``index`` right after it."""
        from Live._build_devices import duplicate_device
        duplicate_device(o, device_at(o, index))

    @method("str DeviceName, int DeviceIndex=-1", edits=True, label="Insert Device", avail=since(12, 3))
    def insert_device(o, device_name, device_index):
        """Insert a stock device by its browser name at ``device_index`` (-1: the end)."""
        from Live._build_devices import insert_device_by_name
        return _lom.wrap(insert_device_by_name(o, device_name, device_index))
