"""The model of devices (Live.Device shows it): a device's state, its activity and the device lists of tracks and chains.

A device node holds its parameters as ``ParamNode``s (the first is "Device On").  ``is_active``
is cached on the node and recomputed by ``refresh_active`` whenever Device On, an enclosing
chain's activator or the track's activator changes (``follow_value``), so its listeners fire
only on a change.
Device lists (``node.devices`` of a track or chain) change through ``set_devices``, one undo
step that kills removed devices (handles compare equal to None) and notifies ``devices``.
Live._device sets ``DeviceNode.cls`` and ``ViewNode.cls`` (the public classes their handles have).
"""
from Live import _lom
from Live._lom import set_value
from Live._device_parameter_model import ParamNode

DeviceType = _lom.make_enum("Device", "DeviceType", {"undefined": 0, "instrument": 1, "audio_effect": 2,
                                                     "midi_effect": 4})
COMPARE_AB_TEXT = "Device does not support A/B compare"


class DeviceNode(_lom.Node):
    """A device's state: name, class, type, parameters (first is "Device On")."""

    def __init__(self, world, parent, name, class_name, type_=0, class_display_name=None):
        _lom.Node.__init__(self, world, parent)
        self.name = name
        self.class_name = class_name
        self.class_display_name = class_display_name or class_name
        self.type = DeviceType.values.get(int(type_), DeviceType.undefined)
        self.parameters = []
        self.is_active = True
        self.can_have_chains = False
        self.can_have_drum_pads = False
        self.can_compare_ab = True
        self.is_using_compare_preset_b = False
        self.compare_slot = None
        self.latency_in_ms = 0.0
        self.latency_in_samples = 0
        self.chosen_bank = None
        self.view = ViewNode(world, self)

    def children(self):
        return list(self.parameters) + [self.view]

    def add_parameter(self, name, value=0.0, min=0.0, max=1.0, is_quantized=False, items=None, default=None,
                      display="generic"):
        """Append a parameter node; the first one added is Device On."""
        p = ParamNode(self.world, self, name, value, min, max, is_quantized, items, default, display)
        if not self.parameters:
            follow_value(p, self.device_on_changed)
        self.parameters.append(p)
        return p

    def device_on_changed(self):
        refresh_active(self)

    def on_revive(self):
        """Deletion dropped every listener: follow Device On and the track's activator again."""
        if self.parameters:
            follow_value(self.parameters[0], self.device_on_changed)
        if getattr(self.parent, "is_on", None) is None:
            watch_track_activator(self.parent)

    def device_on(self):
        """The Device On parameter node (None for a device without parameters)."""
        return self.parameters[0] if self.parameters else None

    def sub_devices(self):
        """Devices nested in this one (racks override)."""
        return ()


class ViewNode(_lom.Node):
    """Device.View state."""

    def __init__(self, world, parent):
        _lom.Node.__init__(self, world, parent)
        self.is_collapsed = False


# ---------------------------------------------------------------- activity

def container_on(container):
    """True if a track or chain lets its devices run (its activator is on and it is active itself)."""
    f = getattr(container, "is_on", None)
    if f is not None:
        return f()
    mixer = getattr(container, "mixer", None)
    activator = getattr(mixer, "track_activator", None)
    return activator is None or activator.value >= 0.5


def refresh_active(o):
    """Recompute ``is_active`` of device ``o`` and of every device nested in it; notify changes."""
    stack = [o]
    while stack:
        d = stack.pop()
        if d.dead:
            continue
        on = d.device_on()
        active = (on is None or on.value >= 0.5) and container_on(d.parent)
        set_value(d, "is_active", active, undo=False)
        stack.extend(d.sub_devices())


def refresh_container(container):
    """Recompute ``is_active`` for every device of a track or chain."""
    for d in list(getattr(container, "devices", ())):
        refresh_active(d)


def follow_value(param, fn):
    """Call ``fn()`` whenever parameter node ``param`` changes value (edits, MIDI, undo and redo alike).

    It is an ordinary "value" listener registered before any script's, so scripts' listeners
    already see the derived state; ``fn`` must be a bound method for the duplicate check.
    """
    if _lom._find(param, "value", fn) is None:
        _lom.add_listener(param, "value", fn)


class _TrackFollower(object):
    """Refreshes the devices of a track when its Speaker On switch changes."""

    __slots__ = ("track", "__weakref__")

    def __init__(self, track):
        self.track = track

    def changed(self):
        refresh_container(self.track)


def watch_track_activator(track):
    """Make the devices of ``track`` follow its Speaker On switch."""
    mixer = getattr(track, "mixer", None)
    activator = getattr(mixer, "track_activator", None)
    if activator is None:
        return
    follower = getattr(activator, "devices_follower", None)
    if follower is None:
        follower = activator.devices_follower = _TrackFollower(track)
    follow_value(activator, follower.changed)


# ---------------------------------------------------------------- device lists

def set_devices(container, devices, label="devices"):
    """Replace ``container.devices`` as one undoable edit (removed devices die, added ones live)."""
    old = list(container.devices)
    new = list(devices)

    def apply(before, after):
        _lom.replace_members(before, after)
        for d in after:
            d.parent = container
        container.devices = list(after)
        _lom.notify(container, "devices")
        for d in after:
            refresh_active(d)

    apply(old, new)
    container.world.history.record(lambda: apply(new, old), lambda: apply(old, new), label)


def device_at(container, index):
    """The device at ``index`` of a track or chain (RuntimeError for a bad index, as Live)."""
    if index < 0 or index >= len(container.devices):
        raise RuntimeError("Invalid device index")
    return container.devices[index]


def delete_device(container, index):
    """Delete the device at ``index``."""
    d = device_at(container, index)
    set_devices(container, [x for x in container.devices if x is not d], "Delete Device")


def insert_device_node(container, node, index=-1):
    """Insert ``node`` at ``index`` (-1: the end) of a track or chain."""
    devices = list(container.devices)
    if index < 0 or index > len(devices):
        index = len(devices)
    devices.insert(index, node)
    set_devices(container, devices, "Insert Device")
    return node


# ---------------------------------------------------------------- control surfaces

def store_chosen_bank(o, script_index, bank_index):
    """Remember the bank a control surface chose for device ``o``."""
    o.chosen_bank = (script_index, bank_index)


# ---------------------------------------------------------------- A/B compare

def compare_refusal(o):
    """Why device ``o`` has no A/B compare (None if it has)."""
    return None if o.can_compare_ab else COMPARE_AB_TEXT


def set_compare_b(o, v):
    """Switching between the A and B slots swaps the parameter values with the stored slot."""
    if v == o.is_using_compare_preset_b:
        return
    current = [p.value for p in o.parameters]
    stored = o.compare_slot if o.compare_slot is not None else current
    for p, value in zip(o.parameters, stored):
        p.set(value)
    o.compare_slot = current
    set_value(o, "is_using_compare_preset_b", v)


def save_to_compare_slot(o):
    """Store the current parameter values in the other A/B slot."""
    if not o.can_compare_ab:
        raise RuntimeError(COMPARE_AB_TEXT)
    o.compare_slot = [p.value for p in o.parameters]
