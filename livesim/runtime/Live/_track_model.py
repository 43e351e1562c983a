"""The model of tracks (Live.Track shows it): a track's state, its kind checks, routings, solo and folding.

Live refuses some properties by track kind (the main track has no mute, group tracks no arm ...):
the checks here return Live's text.  Live._track sets the node classes' ``cls``.
"""
from Live import _lom, _palette
from Live._lom import set_value
from Live._mixer_model import MixerNode, main_word
from Live._take_lane_model import TakeLaneNode
from Live._routing import RoutingChannel, RoutingType, _rchan, _rtype

DeviceInsertMode = _lom.make_enum("Track", "DeviceInsertMode", dict(default=0, selected_left=1, selected_right=2,
                                                                    count=3))
monitoring_states = _lom.make_enum("Track", "Track.monitoring_states", dict(IN=0, AUTO=1, OFF=2))

_KIND_LABEL = {"midi": "MIDI", "audio": "Audio", "group": "Group"}


class TrackNode(_lom.Node):
    """A track's state; ``kind`` is midi, audio, group, return or main."""

    # Output meters as of the last display frame (livesim.meters moves them); silent by default.
    meter_level = meter_left = meter_right = 0.0

    def __init__(self, world, song, kind, name=None, color_index=None):
        _lom.Node.__init__(self, world, song)
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
        _lom.Node.__init__(self, world, track)
        self.device_insert_mode = DeviceInsertMode.default
        self.is_collapsed = False
        self.selected_device = None


# -- kind checks (Live raises these on read, write and add_listener)

def armable(o):
    """The check of arm: only MIDI and audio tracks have it."""
    if o.kind in ("midi", "audio"):
        return None
    return "%s and Return Tracks have no 'Arm' state!" % main_word(o.world)


def not_main(what):
    """The check of a property the main track lacks."""
    def check(o):
        return "%s track has no '%s' property!" % (main_word(o.world), what) if o.kind == "main" else None
    return check


def has_arrangement(o):
    """The check of arrangement_clips: only MIDI and audio tracks have them."""
    if o.kind in ("midi", "audio"):
        return None
    return "Master, Group and Return Tracks have no arrangement clips"


def foldable(o):
    """The check of fold_state: only group tracks fold."""
    return None if o.kind == "group" else "Track is not foldable"


def audio_in(what):
    """The check of a property MIDI tracks lack (audio input)."""
    def check(o):
        if o.kind == "midi":
            return "MIDI tracks have no '%s' property!" % what
        return None
    return check


def audio_out(what):
    """The check of a property tracks without audio output lack."""
    def check(o):
        if not o.has_audio_output():
            return "MIDI tracks have no '%s' property!" % what
        return None
    return check


def monitorable(o):
    """The check of current_monitoring_state: only MIDI and audio tracks monitor."""
    if o.kind in ("midi", "audio"):
        return None
    return "%s, Group and Return Tracks have no monitoring state!" % main_word(o.world)


# -- setters

def set_name(o, v):
    """Name the track (a named track no longer follows its number)."""
    old_auto, old_name = o.auto_name, o.own_name

    def apply(auto, name):
        o.auto_name, o.own_name = auto, name
        _lom.notify(o, "name")
    if not old_auto and old_name == v:
        return
    apply(False, v)
    o.world.history.record(lambda: apply(old_auto, old_name), lambda: apply(False, v), "name")


def set_arm(o, v):
    """Arm or disarm the track; its empty slots' will_record_on_start follow."""
    if set_value(o, "arm", v):
        for s in o.slots:
            _lom.notify(s, "will_record_on_start")


def set_solo(o, v):
    """Solo or unsolo the track; every track whose muted_via_solo changes is notified."""
    song = o.parent
    states = dict((t, is_muted_via_solo(t)) for t in song.all_tracks())
    set_value(o, "solo", v)
    for t, was in states.items():
        if is_muted_via_solo(t) != was:
            _lom.notify(t, "muted_via_solo")


def is_muted_via_solo(o):
    """True when another track's solo mutes this one."""
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


def set_fold(o, v):
    """Fold or unfold a group track; the tracks that appear or disappear are notified."""
    song = o.parent
    before = list(song.visible())
    set_value(o, "fold_state", v)
    if before != song.visible():
        for t in song.tracks:
            if song.is_inside(t, o):
                _lom.notify(t, "is_visible")
        _lom.notify(song, "visible_tracks")


def routing_setter(attr, avail, listeners):
    """The setter of a routing type or channel (``attr``: in_type, in_chan, out_type, out_chan)."""
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


def legacy_routing_setter(kind):
    """The setter of current_input_routing/current_output_routing (by name)."""
    def fset(o, v):
        if kind == "in":
            types = o.input_types()
        else:
            types = o.output_types()
        for t in types:
            if t._name == v:
                routing_setter("in_type" if kind == "in" else "out_type",
                                lambda n: n.input_types() if kind == "in" else n.output_types(),
                                ["input_routing_type" if kind == "in" else "output_routing_type"])(o, t)
                _lom.notify(o, "current_input_routing" if kind == "in" else "current_output_routing")
                return
        raise RuntimeError("Invalid routing '%s'" % v)
    return fset


def legacy_sub_setter(kind):
    """The setter of current_input_sub_routing/current_output_sub_routing (by name)."""
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


def name_of(x):
    """The name of a routing type or channel ("" for None)."""
    return x._name if x is not None else ""


def set_monitoring(o, v):
    """Set the monitoring state (0 In, 1 Auto, 2 Off)."""
    if v not in (0, 1, 2):
        raise RuntimeError("Invalid monitoring state")
    set_value(o, "current_monitoring_state", monitoring_states.values[v])




# -- edits

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


def jump_in_running_session_clip(o, beats):
    """Move the playing session clip's position by ``beats``."""
    if o.playing_slot_index >= 0:
        c = o.slots[o.playing_slot_index].clip
        if c is not None:
            o.world.engine.move_clip(c, beats)


def set_data(o, key, value):
    """Store a value with the track (or the song) in the set."""
    o.data[key] = value
    _lom.notify(o, "data")


def create_midi_clip(o, start, length):
    """Create an empty MIDI clip in the arrangement and return its node."""
    if o.kind != "midi":
        raise RuntimeError("Can only create MIDI clips on MIDI tracks")
    if start < 0.0 or start > 1576800.0 or length <= 0.0:
        raise RuntimeError("Invalid clip position or length")
    return o.world.song_node.add_arrangement_clip(o, None, start, length)


def create_audio_clip(o, path, position):
    """Create an audio clip in the arrangement from a sample file and return its node."""
    if o.kind != "audio":
        raise RuntimeError("Can only create audio clips on audio tracks")
    c = o.world.song_node.add_arrangement_clip(o, None, position, 4.0, audio=True)
    c.file_path = path
    return c


def duplicate_clip_to_arrangement(o, clip, time):
    """Copy a session clip into this track's arrangement at ``time``; returns the copy's node."""
    if o.kind not in ("midi", "audio") or clip.is_audio != (o.kind == "audio"):
        raise RuntimeError("Clip and track types do not match")
    return o.world.song_node.add_arrangement_clip(o, clip, time, clip.length)


def create_take_lane(o):
    """Add a take lane ("Take N") below the track in the arrangement and return its node."""
    if o.kind not in ("midi", "audio"):
        raise RuntimeError("Only MIDI and audio tracks have take lanes")
    lane = TakeLaneNode(o.world, o, "Take %d" % (len(o.take_lanes) + 1))
    put, take = _lom.membership(o, o.take_lanes, lane, "take_lanes")
    put()
    o.world.history.record(take, put, "Create Take Lane")
    return lane


def select_instrument(o):
    """Select the track's instrument (``o`` is the track's view); True if there is one."""
    for d in o.parent.devices:
        if int(getattr(d, "type", 0)) == 1:
            set_value(o, "selected_device", d, undo=False)
            return True
    return False
