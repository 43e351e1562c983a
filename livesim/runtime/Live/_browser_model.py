"""The model of Live's browser (Live.Browser shows it): the tree built from the device library, loading.

Roots: instruments, audio_effects, midi_effects and drums list the library's devices; drums
and sounds hold a few presets (a kit is a Drum Rack with sampled pads, a sound an instrument
with a name); samples holds a few drum samples.  ``load_item`` does what double-clicking does
in Live: with a hot-swap target it replaces that device, else it loads onto the selected track
(an instrument, a preset or a sample needs a MIDI track: from any other track a new MIDI track
is created; an instrument replaces the track's instrument; a MIDI effect goes before the
instrument; an audio effect is appended; a sample becomes a Simpler, except with an audio
track selected, where it becomes an audio clip in the highlighted clip slot).  Live._browser
sets BrowserNode's ``cls``.
"""
from livesim import device_library as lib

from Live import _lom
from Live._lom import set_value

FilterType = _lom.make_enum("Browser", "FilterType", {
    "disabled": -1, "hotswap_off": 0, "instrument_hotswap": 1, "audio_effect_hotswap": 2,
    "midi_effect_hotswap": 3, "drum_pad_hotswap": 4, "midi_track_devices": 5, "samples": 6, "count": 7})
Relation = _lom.make_enum("Browser", "Relation", {"ancestor": 0, "equal": 1, "descendant": 2, "none": 3})
NOT_LOADABLE_TEXT = "Browser item is not loadable"
SOURCE = "Live Pack"

# Drum kits: (file name, {pad note: sample name}); sounds: (folder, ((file name, instrument class), ...)).
KITS = (
    ("808 Core Kit.adg", {36: "Kick 808", 38: "Snare 808", 42: "Hihat Closed 808", 46: "Hihat Open 808"}),
    ("909 Core Kit.adg", {36: "Kick 909", 38: "Snare 909", 39: "Clap 909", 42: "Hihat Closed 909"}),
)
SOUNDS = (
    ("Bass", (("Basic Sub Bass.adv", "Operator"), ("Reese Bass.adv", "InstrumentVector"))),
    ("Keys", (("Electric Piano.adv", "Operator"), ("Soft Keys.adv", "OriginalSimpler"))),
    ("Pad", (("Warm Pad.adv", "InstrumentVector"), ("Analog Strings.adv", "Drift"))),
)
SAMPLES = (
    ("Drums", ("Kick 808.wav", "Snare 808.wav", "Hihat Closed 808.wav", "Clap 909.wav")),
    ("Loops", ("Break 120 bpm.wav", "Shaker 120 bpm.wav")),
)
ROOTS = ("instruments", "audio_effects", "midi_effects", "drums", "sounds", "samples", "clips", "plugins",
         "max_for_live", "packs", "user_library", "current_project")
URI_ROOT = {"instruments": "Synths", "audio_effects": "AudioFx", "midi_effects": "MidiFx", "drums": "Drums",
            "sounds": "Sounds", "samples": "Samples", "clips": "Clips", "plugins": "Plugins",
            "max_for_live": "MaxForLive", "packs": "Packs", "user_library": "UserLibrary",
            "current_project": "CurrentProject"}
ROOT_NAMES = {"instruments": "Instruments", "audio_effects": "Audio Effects", "midi_effects": "MIDI Effects",
              "drums": "Drums", "sounds": "Sounds", "samples": "Samples", "clips": "Clips", "plugins": "Plug-Ins",
              "max_for_live": "Max for Live", "packs": "Packs", "user_library": "User Library",
              "current_project": "Current Project"}


def _quote(text):
    return text.replace("%", "%25").replace(" ", "%20").replace("#", "%23")


class ItemNode(object):
    """One browser entry.  ``load`` is None (folders) or (definition, name, extra spec)."""

    __slots__ = ("world", "name", "uri", "is_device", "is_folder", "children", "load", "parent", "dead")

    def __init__(self, world, name, uri, is_device=False, children=None, load=None, parent=None):
        self.world = world
        self.name = name
        self.uri = uri
        self.is_device = is_device
        self.is_folder = children is not None and load is None
        self.children = children or []
        self.load = load
        self.parent = parent
        self.dead = False
        for c in self.children:
            c.parent = self

    @property
    def is_loadable(self):
        return self.load is not None

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


def _device_items(world, root, defs):
    out = []
    for d in defs:
        out.append(ItemNode(world, d.display_name, "query:%s#%s" % (URI_ROOT[root], _quote(d.display_name)),
                            is_device=True, load=(d, d.display_name, None)))
    return out


def _build_tree(world):
    v = world.version
    roots = {}
    for root in ROOTS:
        children = []
        if root in ("instruments", "audio_effects", "midi_effects"):
            children = _device_items(world, root, lib.by_category(root, v))
            if root == "instruments":
                children.insert(0, _device_items(world, root, [lib.LIBRARY["DrumGroupDevice"]])[0])
        elif root == "drums":
            rack = lib.LIBRARY["DrumGroupDevice"]
            children = _device_items(world, root, [rack])
            for name, pads in KITS:
                spec = {"drum_pads": [{"note": n, "name": s, "chains": [{"devices": [
                    {"class_name": "OriginalSimpler", "name": s}]}]} for n, s in sorted(pads.items())]}
                children.append(ItemNode(world, name, "query:Drums#%s" % _quote(name), load=(rack, name[:-4], spec)))
        elif root == "sounds":
            for folder, presets in SOUNDS:
                items = []
                for fname, class_name in presets:
                    d = lib.find(class_name, v)
                    if d is not None:
                        items.append(ItemNode(world, fname, "query:Sounds#%s:%s" % (folder, _quote(fname)),
                                              load=(d, fname[:-4], None)))
                children.append(ItemNode(world, folder, "query:Sounds#%s" % folder, children=items))
        elif root == "samples":
            simpler = lib.LIBRARY["OriginalSimpler"]
            for folder, files in SAMPLES:
                items = [ItemNode(world, f, "query:Samples#%s:%s" % (folder, _quote(f)),
                                  load=(simpler, f[:-4], {"sample": "%s/%s" % (folder, f)})) for f in files]
                children.append(ItemNode(world, folder, "query:Samples#%s" % folder, children=items))
        roots[root] = ItemNode(world, ROOT_NAMES[root], "query:%s" % URI_ROOT[root], children=children)
    return roots


class BrowserNode(_lom.Node):
    """Browser state: the item tree, selection, preview and hot-swap target."""

    def __init__(self, world, app):
        _lom.Node.__init__(self, world, app)
        self.roots = _build_tree(world)
        self.filter_type = FilterType.disabled
        self.hotswap_target = None
        self.selected = None
        self.previewing = None

    def toggle_hotswap(self):
        """Application.View.toggle_browse: hot-swap the selected device, or stop."""
        view = self.parent.view
        if self.hotswap_target is not None:
            set_value(self, "hotswap_target", None, undo=False)
            set_value(view, "browse_mode", False, undo=False)
            return
        song = self.world.song_node
        track = song.view.selected_track
        device = getattr(getattr(track, "view", None), "selected_device", None)
        if device is not None:
            set_value(self, "hotswap_target", device, undo=False)
            set_value(view, "browse_mode", True, undo=False)

    def load(self, item):
        """Load ``item`` onto the hot-swap target or the selected track; return the new device node."""
        from Live._devices_model import build_device
        d, name, extra = item.load
        spec = {"class_name": d.class_name, "name": name}
        sample = None
        if extra:
            extra = dict(extra)
            sample = extra.pop("sample", None)
            spec.update(extra)
        target = self.hotswap_target
        if sample is not None and target is not None and not target.dead and hasattr(target, "sample_path"):
            # A sample dropped on Simpler replaces its sample and keeps its settings.
            target.sample_path = sample
            self.selected = item
            return target
        if sample is not None and (target is None or target.dead):
            slot = _highlighted_audio_slot(self.world)
            if slot is not None:
                _put_sample_clip(slot, sample)
                self.selected = item
                return slot.clip
        if target is not None and not target.dead:
            container = target.parent
            node = build_device(self.world, spec, container)
            devices = [node if x is target else x for x in container.devices]
            _put_devices(container, devices)
            set_value(self, "hotswap_target", node, undo=False)
        else:
            container = _target_track(self.world, d)
            node = build_device(self.world, spec, container)
            _put_devices(container, _placed(container.devices, node, d))
            _select(self.world, container, node)
        if sample is not None:
            node.sample_path = sample
        self.selected = item
        return node


def _put_devices(container, devices):
    song = container.world.song_node
    if getattr(container, "mixer", None) is not None and hasattr(song, "_set_devices"):
        old = list(container.devices)
        song._set_devices(container, devices)
        song.record(lambda: song._set_devices(container, old), lambda: song._set_devices(container, devices),
                    "Load Device")
    else:
        from Live._device_model import set_devices
        set_devices(container, devices, "Load Device")


def _highlighted_audio_slot(world):
    """The highlighted slot when the selected track is an audio track (None otherwise)."""
    song = world.song_node
    view = song.view
    track = view.selected_track
    if track is None or getattr(track, "kind", None) != "audio" or view.selected_scene is None:
        return None
    return track.slots[song.scenes.index(view.selected_scene)]


def _put_sample_clip(slot, sample):
    """A sample loaded onto an audio track becomes an audio clip in the highlighted slot (replacing its clip)."""
    import os

    from Live._clip_model import ClipNode
    clip = ClipNode(slot.world, slot, is_audio=True, length=4.0)
    clip.file_path = sample
    clip.name = os.path.splitext(os.path.basename(sample))[0]
    slot.put_clip(clip, "Load Sample")


def _target_track(world, d):
    song = world.song_node
    track = song.view.selected_track
    if d.type == lib.AUDIO_EFFECT and track is not None:
        return track
    if track is None or getattr(track, "kind", None) != "midi":
        index = song.tracks.index(track) + 1 if track in song.tracks else len(song.tracks)
        world.song.create_midi_track(index)
        track = song.tracks[index]
        song.view.select("selected_track", track)
    return track


def _placed(devices, node, d):
    devices = list(devices)
    if d.type == lib.AUDIO_EFFECT:
        return devices + [node]
    instruments = [x for x in devices if int(x.type) == 1]
    if d.type == lib.INSTRUMENT and instruments:
        return [node if x is instruments[0] else x for x in devices]
    # Instruments and MIDI effects go after the leading MIDI effects.
    i = 0
    while i < len(devices) and int(devices[i].type) == 4:
        i += 1
    devices.insert(i, node)
    return devices


def _select(world, track, node):
    view = getattr(track, "view", None)
    if view is not None and hasattr(view, "selected_device"):
        set_value(view, "selected_device", node, undo=False)
    song = world.song_node
    if hasattr(song, "appointed_device"):
        set_value(song, "appointed_device", node, undo=False)


def is_selected(o):
    """True when the item node ``o`` or one of its children is selected."""
    sel = o.world.application_node.browser.selected if hasattr(o.world, "application_node") else None
    return sel is not None and (sel is o or o in sel.ancestors())


def set_hotswap(o, device):
    """Make ``device`` (a device node or None) the hot-swap target."""
    set_value(o, "hotswap_target", device, undo=False)
    set_value(o.parent.view, "browse_mode", device is not None, undo=False)


def relation(o, item):
    """How the item node ``item`` relates to the hot-swap target (equal, ancestor or none)."""
    target = o.hotswap_target
    if target is None or target.dead:
        return Relation.none
    if item.load is not None and item.load[0].class_name == target.class_name and item.is_device:
        return Relation.equal
    stack = list(item.children)
    while stack:
        c = stack.pop()
        if c.load is not None and c.is_device and c.load[0].class_name == target.class_name:
            return Relation.ancestor
        stack.extend(c.children)
    return Relation.none


def load_item(o, item):
    """Load the item node ``item`` as Live does on double-click."""
    if item.load is None:
        raise RuntimeError(NOT_LOADABLE_TEXT)
    o.load(item)
