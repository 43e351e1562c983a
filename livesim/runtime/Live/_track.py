"""Live.Track: tracks of every kind (MIDI, audio, group, return, main), Track.View, routings.

The tracks' state and rules are in Live._track_model.
"""
from Live import _lom, _palette
from Live._lom import method, prop, since
from Live._base import StringVector, Vector
from Live._device import DeviceContainer
from Live._device_model import delete_device, device_at
from Live import _track_model as model
from Live._routing import (RoutingChannel, RoutingChannelLayout, RoutingChannelVector, RoutingType,  # noqa: F401
                           RoutingTypeCategory, RoutingTypeVector)
from Live._track_model import (  # noqa: F401  (the enums are Live.Track's)
    DeviceInsertMode, TrackNode, TrackViewNode, armable, audio_in, audio_out, foldable, has_arrangement,
    is_muted_via_solo, legacy_routing_setter, legacy_sub_setter, monitorable, monitoring_states, name_of, not_main,
    routing_setter, set_arm, set_fold, set_monitoring, set_name, set_solo)


def _slots(o):
    return _lom.vector(Vector, o.slots if o.kind in ("midi", "audio", "group") else [])


class Track(DeviceContainer):
    """A track: MIDI, audio, group, return or the main track."""

    __slots__ = ()
    monitoring_states = monitoring_states
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True, get=lambda o: o.name, fset=set_name)
    color = prop("int", set=True, observe=True, fset=_palette.set_color)
    color_index = prop("int", set=True, observe=True, fset=_palette.set_color_index)
    mute = prop("bool", set=True, observe=True, check=not_main("mute"))
    solo = prop("bool", set=True, observe=True, check=not_main("solo"), fset=set_solo)
    arm = prop("bool", set=True, observe=True, check=armable, fset=set_arm)
    implicit_arm = prop("bool", set=True, observe=True, doc=False)
    fold_state = prop("bool", set=True, check=foldable, fset=set_fold, doc=False)
    is_showing_chains = prop("bool", set=True, observe=True, doc=False)
    back_to_arranger = prop("bool", set=True, observe=True, avail=since(12, 0, 5))
    current_monitoring_state = prop("int", set=True, observe=True, check=monitorable, fset=set_monitoring)
    can_be_armed = prop("bool", get=lambda o: o.kind in ("midi", "audio"))
    can_be_frozen = prop("bool", get=lambda o: o.kind in ("midi", "audio"))
    can_show_chains = prop("bool", get=lambda o: any(getattr(d, "can_have_chains", False) for d in o.devices))
    is_foldable = prop("bool", get=lambda o: o.kind == "group")
    is_grouped = prop("bool", get=lambda o: o.group is not None)
    group_track = prop("Track", get=lambda o: _lom.wrap(o.group))
    is_visible = prop("bool", get=lambda o: o.parent.is_visible(o))
    is_part_of_selection = prop("bool", get=lambda o: o.parent.view.selected_track is o)
    is_frozen = prop("bool", observe=True, get=lambda o: False)
    muted_via_solo = prop("bool", observe=True, get=is_muted_via_solo)
    has_audio_input = prop("bool", observe=True, get=lambda o: o.kind in ("audio", "return"))
    has_audio_output = prop("bool", observe=True, get=lambda o: o.has_audio_output())
    has_midi_input = prop("bool", observe=True, get=lambda o: o.kind == "midi")
    has_midi_output = prop("bool", observe=True, get=lambda o: o.kind == "midi" and not o.has_instrument())
    input_meter_left = prop("float", observe=True, check=audio_in("input_meter_left"), get=lambda o: 0.0)
    input_meter_right = prop("float", observe=True, check=audio_in("input_meter_right"), get=lambda o: 0.0)
    input_meter_level = prop("float", observe=True, get=lambda o: 0.0)
    output_meter_left = prop("float", observe=True, check=audio_out("output_meter_left"),
                             attr="meter_left")
    output_meter_right = prop("float", observe=True, check=audio_out("output_meter_right"),
                              attr="meter_right")
    output_meter_level = prop("float", observe=True, attr="meter_level")
    performance_impact = prop("float", observe=True, get=lambda o: 0.0, avail=since(11, 1))
    playing_slot_index = prop("int", observe=True)
    fired_slot_index = prop("int", observe=True)
    clip_slots = prop("Vector", observe=True, get=_slots)
    devices = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.devices))
    mixer_device = prop("MixerDevice", get=lambda o: _lom.wrap(o.mixer))
    view = prop("View", get=lambda o: _lom.wrap(o.view))
    arrangement_clips = prop("Vector", observe=True, check=has_arrangement,
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
                              fset=routing_setter("in_type", lambda o: o.input_types(), ["input_routing_type"]))
    input_routing_channel = prop("any", set=True, observe=True, get=lambda o: o.in_chan,
                                 fset=routing_setter("in_chan", lambda o: o.input_channels(o.in_type),
                                                      ["input_routing_channel"]))
    output_routing_type = prop("any", set=True, observe=True, get=lambda o: o.out_type,
                               fset=routing_setter("out_type", lambda o: o.output_types(),
                                                    ["output_routing_type"]))
    output_routing_channel = prop("any", set=True, observe=True, get=lambda o: o.out_chan,
                                  fset=routing_setter("out_chan", lambda o: o.output_channels(o.out_type),
                                                       ["output_routing_channel"]))
    current_input_routing = prop("str", set=True, observe=True, get=lambda o: name_of(o.in_type),
                                 fset=legacy_routing_setter("in"))
    current_input_sub_routing = prop("str", set=True, observe=True, get=lambda o: name_of(o.in_chan),
                                     fset=legacy_sub_setter("in"))
    current_output_routing = prop("str", set=True, observe=True, get=lambda o: name_of(o.out_type),
                                  fset=legacy_routing_setter("out"))
    current_output_sub_routing = prop("str", set=True, observe=True, get=lambda o: name_of(o.out_chan),
                                      fset=legacy_sub_setter("out"))
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
        model.delete_clip(o, clip)

    @method("int arg2", edits=True, label="Delete Device")
    def delete_device(o, index):
        """Delete the device at ``index``."""
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
        model.jump_in_running_session_clip(o, beats)

    @method("any key, any default_value")
    def get_data(o, key, default):
        """Value stored with set_data (or ``default``)."""
        return o.data.get(key, default)

    @method("any key, any value", edits=True, label="Set Data")
    def set_data(o, key, value):
        """Store a value with the track in the set."""
        model.set_data(o, key, value)

    @method("float arg2, float arg3", edits=True, label="Insert Clip", avail=since(12, 2))
    def create_midi_clip(o, start, length):
        """Create an empty MIDI clip in the arrangement."""
        return _lom.wrap(model.create_midi_clip(o, start, length))

    @method("str arg2, float arg3", edits=True, label="Insert Audio Clip",
            avail=_lom.since_except((11, 3, 25), (12, 0, 0), (12, 0, 5)))
    def create_audio_clip(o, path, position):
        """Create an audio clip in the arrangement from a sample file."""
        return _lom.wrap(model.create_audio_clip(o, path, position))

    @method("Clip clip, float destination_time", edits=True, label="Duplicate to Arrangement")
    def duplicate_clip_to_arrangement(o, clip, time):
        """Copy a session clip into this track's arrangement at ``time``."""
        return _lom.wrap(model.duplicate_clip_to_arrangement(o, clip, time))

    @method("str DeviceName, int DeviceIndex=-1", edits=True, label="Insert Device", avail=since(12, 3))
    def insert_device(o, name, index):
        """Insert a stock device by its browser name at ``index`` (-1: the end)."""
        from Live._devices_model import insert_device_by_name
        return _lom.wrap(insert_device_by_name(o, name, index))

    @method(edits=True, label="Create Take Lane", avail=since(12, 2))
    def create_take_lane(o):
        """Add a take lane ("Take N") below the track in the arrangement."""
        return _lom.wrap(model.create_take_lane(o))

    @method("int arg2", edits=True, label="Duplicate Device", avail=since(12, 3))
    def duplicate_device(o, index):
        """Duplicate the device at ``index``."""
        from Live._devices_model import duplicate_device
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
            return model.select_instrument(o)


TrackNode.cls = Track
TrackViewNode.cls = Track.View
