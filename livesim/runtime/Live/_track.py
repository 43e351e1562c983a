"""Live.Track: tracks of every kind (MIDI, audio, group, return, main), Track.View, routings."""
from Live import _lom, _palette
from Live._lom import method, prop, set_value, since
from Live._base import StringVector, Vector
from Live._device import DeviceContainer
from Live._mixer_model import MixerNode, main_word
from Live._routing import (RoutingChannel, RoutingChannelLayout, RoutingChannelVector, RoutingType,  # noqa: F401
                           RoutingTypeCategory, RoutingTypeVector, _rchan, _rtype)

DeviceInsertMode = _lom.make_enum("Track", "DeviceInsertMode", dict(default=0, selected_left=1, selected_right=2,
                                                                    count=3))
monitoring_states = _lom.make_enum("Track", "Track.monitoring_states", dict(IN=0, AUTO=1, OFF=2))

_KIND_LABEL = {"midi": "MIDI", "audio": "Audio", "group": "Group"}


class TrackNode(_lom.Node):
    """A track's state; ``kind`` is midi, audio, group, return or main."""

    def __init__(self, world, song, kind, name=None, color_index=None):
        _lom.Node.__init__(self, world, song, Track)
        self.kind = kind
        self.auto_name = name is None
        self.own_name = name or ""
        if color_index is None:
            color_index = {"midi": 9, "audio": 5, "group": 1, "return": 27, "main": 55}.get(kind, 0)
        self.color_index = color_index
        self.color = _palette.PALETTE[color_index]
        self.mute = False
        self.solo = False
        self.arm = False
        self.implicit_arm = False
        self.fold_state = False
        self.is_showing_chains = False
        self.back_to_arranger = False
        self.current_monitoring_state = monitoring_states.AUTO
        self.group = None
        self.slots = []
        self.devices = []
        self.arrangement_clips = []
        self.playing_slot_index = -1
        self.fired_slot_index = -1
        self.data = {}
        self.take_lanes = []
        self.mixer = MixerNode(world, self, kind)
        self.view = TrackViewNode(world, self)
        self.in_type = self.in_chan = self.out_type = self.out_chan = None
        self.reset_routing()

    def children(self):
        return (list(self.slots) + list(self.devices) + list(self.arrangement_clips) + list(self.take_lanes)
                + [self.mixer, self.view])

    @property
    def name(self):
        if self.auto_name and self.kind in _KIND_LABEL:
            song = self.parent
            try:
                i = song.tracks.index(self)
            except ValueError:
                i = 0
            return self.default_name(i)
        return self.own_name

    def default_name(self, index):
        """Live's numbered default name for this kind at ``index`` ("3-Audio")."""
        return "%d-%s" % (index + 1, _KIND_LABEL[self.kind])

    def has_instrument(self):
        return any(int(getattr(d, "type", 0)) == 1 for d in self.devices)

    def has_audio_output(self):
        return self.kind != "midi" or self.has_instrument()

    # -- routing
    def input_types(self):
        k = self.kind
        if k == "midi":
            return [_rtype("All Ins", 0), _rtype("Computer Keyboard", 0), _rtype("No Input", 6)]
        if k == "audio":
            return [_rtype("Ext. In", 0), _rtype("Resampling", 2), _rtype("No Input", 6)]
        return []

    def input_channels(self, t):
        if t is None or t._category == 6:
            return []
        if self.kind == "midi":
            return [_rchan("All Channels", 0)] + [_rchan("Ch. %d" % i, 0) for i in range(1, 17)]
        if t._name == "Ext. In":
            return [_rchan("1", 1), _rchan("2", 1), _rchan("1/2", 2)]
        return [_rchan("Post FX", 2)]

    def output_types(self):
        k = self.kind
        if k == "main":
            return [_rtype("Ext. Out", 0)]
        main = _rtype(main_word(self.world), 3)
        out = []
        if self.group is not None:
            out.append(_rtype("Group", 5, self.group))
        out.append(main)
        if k != "return":
            out.append(_rtype("Sends Only", 6))
        out.append(_rtype("No Output", 6))
        return out

    def output_channels(self, t):
        if t is None or t._category == 6:
            return []
        if t._category == 0:
            return [_rchan("1/2", 2), _rchan("3/4", 2)]
        return [_rchan("Track In", 2)]

    def reset_routing(self):
        ins = self.input_types()
        self.in_type = ins[0] if ins else None
        chans = self.input_channels(self.in_type)
        self.in_chan = chans[-1] if self.kind == "audio" and chans else (chans[0] if chans else None)
        outs = self.output_types()
        self.out_type = outs[0] if outs else None
        och = self.output_channels(self.out_type)
        self.out_chan = och[0] if och else None


class TrackViewNode(_lom.Node):
    def __init__(self, world, track):
        _lom.Node.__init__(self, world, track, Track.View)
        self.device_insert_mode = DeviceInsertMode.default
        self.is_collapsed = False
        self.selected_device = None


# -- kind checks (Live raises these on read, write and add_listener)

def _armable(o):
    if o.kind in ("midi", "audio"):
        return None
    return "%s and Return Tracks have no 'Arm' state!" % main_word(o.world)


def _not_main(what):
    def check(o):
        return "%s track has no '%s' property!" % (main_word(o.world), what) if o.kind == "main" else None
    return check


def _arrangement(o):
    if o.kind in ("midi", "audio"):
        return None
    return "Master, Group and Return Tracks have no arrangement clips"


def _foldable(o):
    return None if o.kind == "group" else "Track is not foldable"


def _audio_in(what):
    def check(o):
        if o.kind == "midi":
            return "MIDI tracks have no '%s' property!" % what
        return None
    return check


def _audio_out(what):
    def check(o):
        if not o.has_audio_output():
            return "MIDI tracks have no '%s' property!" % what
        return None
    return check


def _monitorable(o):
    if o.kind in ("midi", "audio"):
        return None
    return "%s, Group and Return Tracks have no monitoring state!" % main_word(o.world)


# -- setters

def _set_name(o, v):
    old_auto, old_name = o.auto_name, o.own_name

    def apply(auto, name):
        o.auto_name, o.own_name = auto, name
        _lom.notify(o, "name")
    if not old_auto and old_name == v:
        return
    apply(False, v)
    o.world.history.record(lambda: apply(old_auto, old_name), lambda: apply(False, v), "name")


def _set_arm(o, v):
    if set_value(o, "arm", v):
        for s in o.slots:
            _lom.notify(s, "will_record_on_start")


def _set_solo(o, v):
    song = o.parent
    states = dict((t, _muted_via_solo(t)) for t in song.all_tracks())
    set_value(o, "solo", v)
    for t, was in states.items():
        if _muted_via_solo(t) != was:
            _lom.notify(t, "muted_via_solo")


def _muted_via_solo(o):
    if o.kind == "main":
        return False
    song = o.parent
    if not any(t.solo for t in song.tracks) and not any(t.solo for t in song.returns):
        return False
    if o.kind == "return":
        return not o.solo and any(t.solo for t in song.returns)
    t = o
    while t is not None:
        if t.solo:
            return False
        t = t.group
    return not any(c.solo for c in song.tracks if song.is_inside(c, o))


def _set_fold(o, v):
    song = o.parent
    before = list(song.visible())
    set_value(o, "fold_state", v)
    if before != song.visible():
        for t in song.tracks:
            if song.is_inside(t, o):
                _lom.notify(t, "is_visible")
        _lom.notify(song, "visible_tracks")


def _routing_setter(attr, avail, listeners):
    def fset(o, v):
        if not isinstance(v, (RoutingType, RoutingChannel)):
            raise _lom.ArgumentError("Python argument types in\n    None.None(Track, %s)\ndid not match C++ "
                                     "signature:\n    None(TTrackPyHandle, %s)" % (type(v).__name__, attr))
        if v not in avail(o):
            raise ValueError("Invalid routing %s" % ("type" if isinstance(v, RoutingType) else "channel"))
        old = getattr(o, attr)
        if old == v:
            return
        setattr(o, attr, v)
        _lom.notify(o, listeners[0])
        if attr == "in_type":
            chans = o.input_channels(v)
            o.in_chan = chans[0] if chans else None
            _lom.notify(o, "available_input_routing_channels")
            _lom.notify(o, "input_routing_channel")
        elif attr == "out_type":
            chans = o.output_channels(v)
            o.out_chan = chans[0] if chans else None
            _lom.notify(o, "available_output_routing_channels")
            _lom.notify(o, "output_routing_channel")
    return fset


def _legacy_routing_setter(kind):
    def fset(o, v):
        if kind == "in":
            types = o.input_types()
        else:
            types = o.output_types()
        for t in types:
            if t._name == v:
                _routing_setter("in_type" if kind == "in" else "out_type",
                                lambda n: n.input_types() if kind == "in" else n.output_types(),
                                ["input_routing_type" if kind == "in" else "output_routing_type"])(o, t)
                _lom.notify(o, "current_input_routing" if kind == "in" else "current_output_routing")
                return
        raise RuntimeError("Invalid routing '%s'" % v)
    return fset


def _legacy_sub_setter(kind):
    def fset(o, v):
        chans = o.input_channels(o.in_type) if kind == "in" else o.output_channels(o.out_type)
        for c in chans:
            if c._name == v:
                setattr(o, "in_chan" if kind == "in" else "out_chan", c)
                _lom.notify(o, "current_input_sub_routing" if kind == "in" else "current_output_sub_routing")
                _lom.notify(o, "input_routing_channel" if kind == "in" else "output_routing_channel")
                return
        raise RuntimeError("Invalid sub routing '%s'" % v)
    return fset


def _name_of(x):
    return x._name if x is not None else ""


def _slots(o):
    return _lom.vector(Vector, o.slots if o.kind in ("midi", "audio", "group") else [])


def _set_monitoring(o, v):
    if v not in (0, 1, 2):
        raise RuntimeError("Invalid monitoring state")
    set_value(o, "current_monitoring_state", monitoring_states.values[v])


class Track(DeviceContainer):
    """A track: MIDI, audio, group, return or the main track."""

    __slots__ = ()
    monitoring_states = monitoring_states
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True, get=lambda o: o.name, fset=_set_name)
    color = prop("int", set=True, observe=True, fset=_palette.set_color)
    color_index = prop("int", set=True, observe=True, fset=_palette.set_color_index)
    mute = prop("bool", set=True, observe=True, check=_not_main("mute"))
    solo = prop("bool", set=True, observe=True, check=_not_main("solo"), fset=_set_solo)
    arm = prop("bool", set=True, observe=True, check=_armable, fset=_set_arm)
    implicit_arm = prop("bool", set=True, observe=True, doc=False)
    fold_state = prop("bool", set=True, check=_foldable, fset=_set_fold, doc=False)
    is_showing_chains = prop("bool", set=True, observe=True, doc=False)
    back_to_arranger = prop("bool", set=True, observe=True, avail=since(12, 0, 5))
    current_monitoring_state = prop("int", set=True, observe=True, check=_monitorable, fset=_set_monitoring)
    can_be_armed = prop("bool", get=lambda o: o.kind in ("midi", "audio"))
    can_be_frozen = prop("bool", get=lambda o: o.kind in ("midi", "audio"))
    can_show_chains = prop("bool", get=lambda o: any(getattr(d, "can_have_chains", False) for d in o.devices))
    is_foldable = prop("bool", get=lambda o: o.kind == "group")
    is_grouped = prop("bool", get=lambda o: o.group is not None)
    group_track = prop("Track", get=lambda o: _lom.wrap(o.group))
    is_visible = prop("bool", get=lambda o: o.parent.is_visible(o))
    is_part_of_selection = prop("bool", get=lambda o: o.parent.view.selected_track is o)
    is_frozen = prop("bool", observe=True, get=lambda o: False)
    muted_via_solo = prop("bool", observe=True, get=_muted_via_solo)
    has_audio_input = prop("bool", observe=True, get=lambda o: o.kind in ("audio", "return"))
    has_audio_output = prop("bool", observe=True, get=lambda o: o.has_audio_output())
    has_midi_input = prop("bool", observe=True, get=lambda o: o.kind == "midi")
    has_midi_output = prop("bool", observe=True, get=lambda o: o.kind == "midi" and not o.has_instrument())
    input_meter_left = prop("float", observe=True, check=_audio_in("input_meter_left"), get=lambda o: 0.0)
    input_meter_right = prop("float", observe=True, check=_audio_in("input_meter_right"), get=lambda o: 0.0)
    input_meter_level = prop("float", observe=True, get=lambda o: 0.0)
    output_meter_left = prop("float", observe=True, check=_audio_out("output_meter_left"),
                             get=lambda o: o.world.engine.meter(o, 1))
    output_meter_right = prop("float", observe=True, check=_audio_out("output_meter_right"),
                              get=lambda o: o.world.engine.meter(o, 2))
    output_meter_level = prop("float", observe=True, get=lambda o: o.world.engine.meter(o))
    performance_impact = prop("float", observe=True, get=lambda o: 0.0, avail=since(11, 1))
    playing_slot_index = prop("int", observe=True)
    fired_slot_index = prop("int", observe=True)
    clip_slots = prop("Vector", observe=True, get=_slots)
    devices = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.devices))
    mixer_device = prop("MixerDevice", get=lambda o: _lom.wrap(o.mixer))
    view = prop("View", get=lambda o: _lom.wrap(o.view))
    arrangement_clips = prop("Vector", observe=True, check=_arrangement,
                             get=lambda o: _lom.vector(Vector, sorted(o.arrangement_clips,
                                                                      key=lambda c: c.start_time)))
    take_lanes = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.take_lanes), avail=since(12, 2))
    available_input_routing_types = prop("RoutingTypeVector", observe=True,
                                         get=lambda o: _lom.vector(RoutingTypeVector, o.input_types(), None))
    available_input_routing_channels = prop(
        "RoutingChannelVector", observe=True,
        get=lambda o: _lom.vector(RoutingChannelVector, o.input_channels(o.in_type), None))
    available_output_routing_types = prop("RoutingTypeVector", observe=True,
                                          get=lambda o: _lom.vector(RoutingTypeVector, o.output_types(), None))
    available_output_routing_channels = prop(
        "RoutingChannelVector", observe=True,
        get=lambda o: _lom.vector(RoutingChannelVector, o.output_channels(o.out_type), None))
    input_routing_type = prop("any", set=True, observe=True, get=lambda o: o.in_type,
                              fset=_routing_setter("in_type", lambda o: o.input_types(), ["input_routing_type"]))
    input_routing_channel = prop("any", set=True, observe=True, get=lambda o: o.in_chan,
                                 fset=_routing_setter("in_chan", lambda o: o.input_channels(o.in_type),
                                                      ["input_routing_channel"]))
    output_routing_type = prop("any", set=True, observe=True, get=lambda o: o.out_type,
                               fset=_routing_setter("out_type", lambda o: o.output_types(),
                                                    ["output_routing_type"]))
    output_routing_channel = prop("any", set=True, observe=True, get=lambda o: o.out_chan,
                                  fset=_routing_setter("out_chan", lambda o: o.output_channels(o.out_type),
                                                       ["output_routing_channel"]))
    current_input_routing = prop("str", set=True, observe=True, get=lambda o: _name_of(o.in_type),
                                 fset=_legacy_routing_setter("in"))
    current_input_sub_routing = prop("str", set=True, observe=True, get=lambda o: _name_of(o.in_chan),
                                     fset=_legacy_sub_setter("in"))
    current_output_routing = prop("str", set=True, observe=True, get=lambda o: _name_of(o.out_type),
                                  fset=_legacy_routing_setter("out"))
    current_output_sub_routing = prop("str", set=True, observe=True, get=lambda o: _name_of(o.out_chan),
                                      fset=_legacy_sub_setter("out"))
    input_routings = prop("StringVector", observe=True,
                          get=lambda o: _lom.vector(StringVector, [t._name for t in o.input_types()], None))
    input_sub_routings = prop("StringVector", observe=True, get=lambda o: _lom.vector(
        StringVector, [c._name for c in o.input_channels(o.in_type)], None))
    output_routings = prop("StringVector", observe=True,
                           get=lambda o: _lom.vector(StringVector, [t._name for t in o.output_types()], None))
    output_sub_routings = prop("StringVector", observe=True, get=lambda o: _lom.vector(
        StringVector, [c._name for c in o.output_channels(o.out_type)], None))
    data = _lom.event()

    @method("Clip arg2", edits=True, label="Delete Clip")
    def delete_clip(o, clip):
        """Delete a clip of this track (session or arrangement)."""
        if clip.arrangement:
            if clip.parent is not o:
                raise RuntimeError("Clip does not belong to this track")
            o.world.song_node.remove_arrangement_clip(o, clip)
            return
        if clip.parent.parent is not o:
            raise RuntimeError("Clip does not belong to this track")
        clip.parent.put_clip(None, "Delete Clip")

    @method("int arg2", edits=True, label="Delete Device")
    def delete_device(o, index):
        """Delete the device at ``index``."""
        from Live._device_model import delete_device
        delete_device(o, index)

    @method("int arg2", edits=True, label="Duplicate Clip")
    def duplicate_clip_slot(o, index):
        """Copy the clip at ``index`` into the next free slot below (adding a scene if needed)."""
        return o.world.song_node.duplicate_clip_slot(o, index)

    @method("bool Quantized=True")
    def stop_all_clips(o, quantized):
        """Stop the track's clips (quantized when the transport runs)."""
        o.world.engine.stop_track(o, quantized=quantized)

    @method("float arg2")
    def jump_in_running_session_clip(o, beats):
        """Move the playing session clip's position by ``beats``."""
        if o.playing_slot_index >= 0:
            c = o.slots[o.playing_slot_index].clip
            if c is not None:
                o.world.engine.move_clip(c, beats)

    @method("any key, any default_value")
    def get_data(o, key, default):
        """Value stored with set_data (or ``default``)."""
        return o.data.get(key, default)

    @method("any key, any value", edits=True, label="Set Data")
    def set_data(o, key, value):
        """Store a value with the track in the set."""
        o.data[key] = value
        _lom.notify(o, "data")

    @method("float arg2, float arg3", edits=True, label="Insert Clip", avail=since(12, 2))
    def create_midi_clip(o, start, length):
        """Create an empty MIDI clip in the arrangement."""
        if o.kind != "midi":
            raise RuntimeError("Can only create MIDI clips on MIDI tracks")
        if start < 0.0 or start > 1576800.0 or length <= 0.0:
            raise RuntimeError("Invalid clip position or length")
        return _lom.wrap(o.world.song_node.add_arrangement_clip(o, None, start, length))

    @method("str arg2, float arg3", edits=True, label="Insert Audio Clip",
            avail=_lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5)))
    def create_audio_clip(o, path, position):
        """Create an audio clip in the arrangement from a sample file."""
        if o.kind != "audio":
            raise RuntimeError("Can only create audio clips on audio tracks")
        c = o.world.song_node.add_arrangement_clip(o, None, position, 4.0, audio=True)
        c.file_path = path
        return _lom.wrap(c)

    @method("Clip clip, float destination_time", edits=True, label="Duplicate to Arrangement")
    def duplicate_clip_to_arrangement(o, clip, time):
        """Copy a session clip into this track's arrangement at ``time``."""
        if o.kind not in ("midi", "audio") or clip.is_audio != (o.kind == "audio"):
            raise RuntimeError("Clip and track types do not match")
        return _lom.wrap(o.world.song_node.add_arrangement_clip(o, clip, time, clip.length))

    @method("str DeviceName, int DeviceIndex=-1", edits=True, label="Insert Device", avail=since(12, 3))
    def insert_device(o, name, index):
        """Insert a stock device by its browser name at ``index`` (-1: the end)."""
        from Live._devices_model import insert_device_by_name
        return _lom.wrap(insert_device_by_name(o, name, index))

    @method(edits=True, label="Create Take Lane", avail=since(12, 2))
    def create_take_lane(o):
        """Add a take lane ("Take N") below the track in the arrangement."""
        from Live._take_lane import TakeLaneNode
        if o.kind not in ("midi", "audio"):
            raise RuntimeError("Only MIDI and audio tracks have take lanes")
        lane = TakeLaneNode(o.world, o, "Take %d" % (len(o.take_lanes) + 1))
        put, take = _lom.membership(o, o.take_lanes, lane, "take_lanes")
        put()
        o.world.history.record(take, put, "Create Take Lane")
        return _lom.wrap(lane)

    @method("int arg2", edits=True, label="Duplicate Device", avail=since(12, 3))
    def duplicate_device(o, index):
        """Duplicate the device at ``index``."""
        from Live._devices_model import duplicate_device
        from Live._device_model import device_at
        duplicate_device(o, device_at(o, index))

    class View(_lom.LomObject):
        """Track.View: the track's device chain view."""

        __slots__ = ()
        canonical_parent = _lom.parent_prop()
        device_insert_mode = prop(DeviceInsertMode, set=True, observe=True, doc=False)
        is_collapsed = prop("bool", set=True, observe=True, doc=False)
        selected_device = prop("Device", observe=True, doc=False,
                               get=lambda o: _lom.wrap(o.selected_device) if o.selected_device is not None
                               and not o.selected_device.dead else None)

        @method()
        def select_instrument(o):
            """Select the track's instrument; True if there is one."""
            for d in o.parent.devices:
                if int(getattr(d, "type", 0)) == 1:
                    set_value(o, "selected_device", d, undo=False)
                    return True
            return False

