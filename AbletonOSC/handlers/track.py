"""/live/track/*: tracks (regular, and master and returns by reference), their mixer, clips and devices."""

from .errors import HandlerError
from .objects import TRACK, find_index
from .registry import Prop
from .sends import register_sends
from .types import to_int, to_osc


def _volume(track):
    return track.mixer_device.volume


def _panning(track):
    return track.mixer_device.panning


PROPERTIES = [
    Prop("arm", "b"),
    Prop("can_be_armed", "b", "gl"),
    Prop("color", "i", doc="Colour as 0x00RRGGBB (Live snaps it to its palette)"),
    Prop("color_index", "i"),
    Prop("current_monitoring_state", "i", values=range(3), doc="Monitoring: 0 in, 1 auto, 2 off"),
    Prop("fired_slot_index", "i", "gl", doc="Slot about to start (-1 none, -2 stop button)"),
    Prop("fold_state", "b", doc="Whether a group track is folded"),
    Prop("has_audio_input", "b", "gl"),
    Prop("has_audio_output", "b", "gl"),
    Prop("has_midi_input", "b", "gl"),
    Prop("has_midi_output", "b", "gl"),
    Prop("is_foldable", "b", "gl"),
    Prop("is_grouped", "b", "gl"),
    Prop("is_visible", "b", "gl"),
    Prop("mute", "b"),
    Prop("name", "s"),
    Prop("output_meter_left", "f", "gl"),
    Prop("output_meter_level", "f", "gl"),
    Prop("output_meter_right", "f", "gl"),
    Prop("playing_slot_index", "i", "gl", doc="Slot playing (-1 none)"),
    Prop("solo", "b"),
    Prop("volume", "f", attr="value", target=_volume, doc="Volume (0.0-1.0; 0.85 is 0 dB)",
         member=("Track.mixer_device", "MixerDevice.volume", "DeviceParameter.value")),
    Prop("panning", "f", attr="value", target=_panning, doc="Panning (-1.0 left to 1.0 right)",
         member=("Track.mixer_device", "MixerDevice.panning", "DeviceParameter.value")),
]


SEND_MEMBERS = ("Track.mixer_device", "MixerDevice.sends", "DeviceParameter.value")


def delete_clip(ctx, track, clip_index):
    ctx.manager.write(track.clip_slots[clip_index].delete_clip)


def delete_device(ctx, track, device_index):
    ctx.manager.write(track.delete_device, device_index)


def stop_all_clips(ctx, track, *quantized):
    ctx.manager.write(track.stop_all_clips, *quantized)


def _clip_list(name):
    def get(ctx, track):
        values = []
        for slot in track.clip_slots:
            clip = slot.clip
            values.append(None if clip is None else to_osc(getattr(clip, name)))
        return tuple(values)

    return get


def _arrangement_list(name):
    def get(ctx, track):
        return tuple(to_osc(getattr(clip, name)) for clip in track.arrangement_clips)

    return get


def _device_list(name):
    def get(ctx, track):
        return tuple(to_osc(getattr(device, name)) for device in track.devices)

    return get


def get_num_devices(ctx, track):
    return (len(track.devices),)


def _routing_names(attr):
    def get(ctx, track):
        return tuple(item.display_name for item in getattr(track, attr))

    return get


def _routing_get(attr):
    def get(ctx, track):
        return (getattr(track, attr).display_name,)

    return get


def _routing_set(attr, available):
    def set_(ctx, track, display_name):
        choices = list(getattr(track, available))
        for item in choices:
            if item.display_name == display_name:
                ctx.manager.write(setattr, track, attr, item)
                return
        raise HandlerError("No %s named %r (available: %s)" % (
            attr.replace("_", " "), display_name, ", ".join(repr(c.display_name) for c in choices)))

    return set_


# ---------------------------------------------------------------------- beyond upstream

def _mixer_param(name):
    """A Prop reading the value of a MixerDevice parameter; Live refuses some on some tracks."""
    return lambda track: getattr(track.mixer_device, name)


def _mixer(track):
    return track.mixer_device


def _view(track):
    return track.view


def _song_of(track):
    return track.canonical_parent


def _group_index(track):
    group = track.group_track
    if group is None:
        return None
    return find_index(_song_of(track).tracks, group)


def _names(value):
    return tuple(str(item) for item in value)


def _mixer_prop(name, doc, strict=False):
    return Prop(name, "f", attr="value", target=_mixer_param(name), strict=strict, doc=doc,
                member=("Track.mixer_device", "MixerDevice.%s" % name, "DeviceParameter.value"))


MODEL_PROPERTIES = [
    _mixer_prop("crossfader", "The main track's crossfader (-1.0 A to 1.0 B)", strict=True),
    _mixer_prop("cue_volume", "The main track's cue (preview) volume (0.0-1.0)", strict=True),
    _mixer_prop("song_tempo", "The main track's tempo parameter (automatable; follows the song tempo)", strict=True),
    _mixer_prop("track_activator", "The track activator (1.0 on, 0.0 off)"),
    _mixer_prop("left_split_stereo", "Left pan in split stereo mode (-1.0 to 1.0)"),
    _mixer_prop("right_split_stereo", "Right pan in split stereo mode (-1.0 to 1.0)"),
    Prop("crossfade_assign", "i", values=range(3), target=_mixer, strict=True, member="MixerDevice.crossfade_assign",
         doc="Crossfader assignment: 0 A, 1 none, 2 B"),
    Prop("panning_mode", "i", values=range(2), target=_mixer, strict=True, member="MixerDevice.panning_mode",
         doc="Panning mode: 0 stereo, 1 split stereo"),
    Prop("back_to_arranger", "b", since=(12, 0, 5), strict=True,
         doc="Whether the track plays session clips over the arrangement (the Back to Arrangement button)"),
    Prop("can_be_frozen", "b", "g", strict=True),
    Prop("can_show_chains", "b", "g", strict=True),
    Prop("implicit_arm", "b", strict=True, doc="Armed by selection (Push, arm follows selection)"),
    Prop("input_meter_left", "f", "gl", strict=True),
    Prop("input_meter_level", "f", "gl", strict=True),
    Prop("input_meter_right", "f", "gl", strict=True),
    Prop("is_frozen", "b", "gl", strict=True),
    Prop("is_part_of_selection", "b", "g", strict=True),
    Prop("is_showing_chains", "b", strict=True, doc="Whether a rack's chains are shown in the device view"),
    Prop("muted_via_solo", "b", "gl", strict=True, doc="Muted because another track is soloed"),
    Prop("performance_impact", "f", "gl", since=(11, 1), strict=True),
    Prop("group_track", "i", "g", getter=_group_index, strict=True, doc="The index of the track's group (nil: none)"),
    Prop("current_input_routing", "s", strict=True, doc="Input routing type by name (older API)"),
    Prop("current_input_sub_routing", "s", strict=True, doc="Input routing channel by name (older API)"),
    Prop("current_output_routing", "s", strict=True, doc="Output routing type by name (older API)"),
    Prop("current_output_sub_routing", "s", strict=True, doc="Output routing channel by name (older API)"),
    Prop("input_routings", "s", "gl", out=_names, strict=True, doc="Input routing type names (older API)"),
    Prop("input_sub_routings", "s", "gl", out=_names, strict=True, doc="Input routing channel names (older API)"),
    Prop("output_routings", "s", "gl", out=_names, strict=True, doc="Output routing type names (older API)"),
    Prop("output_sub_routings", "s", "gl", out=_names, strict=True, doc="Output routing channel names (older API)"),
    Prop("is_collapsed", "b", target=_view, strict=True, member="Track.View.is_collapsed",
         doc="Whether the track is collapsed in the arrangement"),
    Prop("device_insert_mode", "i", values=range(3), target=_view, strict=True, member="Track.View.device_insert_mode",
         doc="Where new devices go: 0 end of chain, 1 left of the selected device, 2 right of it"),
]


def get_data(ctx, obj, key, *default):
    return (key, to_osc(obj.get_data(key, default[0] if default else None)))


def set_data(ctx, obj, key, value):
    ctx.manager.write(obj.set_data, key, value)


def get_take_lane_names(ctx, track):
    return tuple(lane.name for lane in track.take_lanes)


def duplicate_clip_slot(ctx, track, slot_index):
    index = track.duplicate_clip_slot(slot_index)
    return (int(index),)


def jump_in_running_session_clip(ctx, track, beats):
    track.jump_in_running_session_clip(beats)


def select_instrument(ctx, track):
    return (bool(track.view.select_instrument()),)


def _arrangement_index(track, clip):
    return find_index(track.arrangement_clips, clip)


def create_midi_clip(ctx, track, start_time, length):
    return (_arrangement_index(track, track.create_midi_clip(start_time, length)),)


def create_audio_clip(ctx, track, file_path, position):
    return (_arrangement_index(track, track.create_audio_clip(file_path, position)),)


def insert_device(ctx, track, device_name, *index):
    device = track.insert_device(device_name, *index)
    return (find_index(track.devices, device),)


def duplicate_device(ctx, track, device_index):
    ctx.manager.write(track.duplicate_device, device_index)


def create_take_lane(ctx, track):
    lane = track.create_take_lane()
    return (find_index(track.take_lanes, lane),)


def _lane(track, lane_index):
    lanes = track.take_lanes
    if not 0 <= lane_index < len(lanes):
        raise HandlerError("take_lane_index %d is out of range (the track has %d take lanes)"
                           % (lane_index, len(lanes)))
    return lanes[lane_index]


def _lane_clips(name):
    def get(ctx, track, lane_index):
        return (lane_index,) + tuple(to_osc(getattr(clip, name)) for clip in _lane(track, lane_index).arrangement_clips)

    return get


def _lane_create(name):
    def create(ctx, track, lane_index, *args):
        lane = _lane(track, lane_index)
        clip = getattr(lane, name)(*args)
        return (lane_index, find_index(lane.arrangement_clips, clip))

    return create


def register_model(reg):
    """Addresses beyond upstream: master/return mixer, the rest of Track, Track.View and MixerDevice."""
    reg.properties("track", MODEL_PROPERTIES)
    reg.add("/live/track/get/data", "get", "track", get_data, args="key:s default:x?",
            reply="track_id:i key:s value:x", members="Track.get_data",
            doc="A value stored with the track in the set (set/data), or the default (nil)")
    reg.add("/live/track/set/data", "set", "track", set_data, args="key:s value:x", members="Track.set_data",
            doc="Store a value (int, float or string) with the track in the set")
    reg.add("/live/track/get/take_lanes/name", "get", "track", get_take_lane_names, since=(12, 2),
            reply="track_id:i name:s*", members=("Track.take_lanes", "TakeLane.name"),
            doc="The names of the track's take lanes")
    for name, type_ in (("name", "s"), ("start_time", "f"), ("length", "f"), ("is_audio_clip", "b")):
        reg.add("/live/track/get/take_lane/clips/%s" % name, "get", "track", _lane_clips(name), since=(12, 2),
                args="take_lane_index:i", reply="track_id:i take_lane_index:i %s:%s*" % (name, type_),
                members=("Track.take_lanes", "TakeLane.arrangement_clips", "Clip.%s" % name),
                doc="The %s of every clip in a take lane" % name.replace("_", " "))
    reg.add("/live/track/take_lane/create_midi_clip", "method", "track", _lane_create("create_midi_clip"),
            since=(12, 2), args="take_lane_index:i start_time:f length:f",
            reply="track_id:i take_lane_index:i clip_index:i", members=("Track.take_lanes", "TakeLane.create_midi_clip"),
            doc="Create an empty MIDI clip in a take lane; answers its index among the lane's clips")
    reg.add("/live/track/take_lane/create_audio_clip", "method", "track", _lane_create("create_audio_clip"),
            since=(12, 2), args="take_lane_index:i file_path:s start_time:f",
            reply="track_id:i take_lane_index:i clip_index:i",
            members=("Track.take_lanes", "TakeLane.create_audio_clip"),
            doc="Create an audio clip of a sample file in a take lane; answers its index among the lane's clips")
    reg.add("/live/track/create_take_lane", "method", "track", create_take_lane, since=(12, 2),
            reply="track_id:i take_lane_index:i", members="Track.create_take_lane",
            doc="Add a take lane below the track in the arrangement")
    reg.add("/live/track/duplicate_clip_slot", "method", "track", duplicate_clip_slot, args="clip_index:i",
            reply="track_id:i new_clip_index:i", members="Track.duplicate_clip_slot",
            doc="Copy a slot's clip into the next free slot below (adding a scene if needed)")
    reg.add("/live/track/jump_in_running_session_clip", "method", "track", jump_in_running_session_clip,
            args="beats:f", members="Track.jump_in_running_session_clip",
            doc="Move the playing session clip's position by a number of beats")
    reg.add("/live/track/select_instrument", "method", "track", select_instrument, reply="track_id:i found:b",
            members="Track.View.select_instrument", doc="Select the track's instrument (answers whether it has one)")
    reg.add("/live/track/create_midi_clip", "method", "track", create_midi_clip, args="start_time:f length:f",
            since=(12, 2), reply="track_id:i arrangement_clip_index:i", members="Track.create_midi_clip",
            doc="Create an empty MIDI clip in the arrangement")
    reg.add("/live/track/create_audio_clip", "method", "track", create_audio_clip, args="file_path:s position:f",
            since=(11, 3, 25), reply="track_id:i arrangement_clip_index:i", members="Track.create_audio_clip",
            doc="Create an audio clip in the arrangement from a sample file (absent in Live 12.0.0)")
    reg.add("/live/track/insert_device", "method", "track", insert_device, args="device_name:s device_index:i?",
            since=(12, 3), reply="track_id:i device_id:i", members="Track.insert_device",
            doc="Insert a stock device by its browser name at an index (default: the end)")
    reg.add("/live/track/duplicate_device", "method", "track", duplicate_device, args="device_index:i",
            since=(12, 3), members="Track.duplicate_device", doc="Duplicate a device (the copy follows it)")


def register(reg):
    reg.properties("track", PROPERTIES)
    register_sends(reg, TRACK, "A track", SEND_MEMBERS, example="/live/track/get/send 0 1")
    reg.add("/live/track/delete_clip", "method", "track", delete_clip, args="clip_index:i",
            doc="Delete the clip in a slot", members=("Track.clip_slots", "ClipSlot.delete_clip"))
    reg.add("/live/track/delete_device", "method", "track", delete_device, args="device_index:i",
            doc="Delete a device", members="Track.delete_device")
    reg.add("/live/track/stop_all_clips", "method", "track", stop_all_clips, args="quantized:b?",
            doc="Stop the track's clips", members="Track.stop_all_clips")
    for name, type_ in (("name", "s"), ("length", "f"), ("color", "i")):
        reg.add("/live/track/get/clips/%s" % name, "get", "track", _clip_list(name),
                reply="track_id:i %s:%s* (nil for empty slots)" % (name, type_),
                doc="The %s of the clip in every slot" % name,
                members=("Track.clip_slots", "ClipSlot.clip", "Clip.%s" % name))
    for name, type_ in (("name", "s"), ("length", "f"), ("start_time", "f")):
        reg.add("/live/track/get/arrangement_clips/%s" % name, "get", "track", _arrangement_list(name),
                reply="track_id:i %s:%s*" % (name, type_), doc="The %s of every arrangement clip" % name,
                members=("Track.arrangement_clips", "Clip.%s" % name))
    reg.add("/live/track/get/num_devices", "get", "track", get_num_devices, reply="track_id:i num_devices:i",
            doc="Number of devices on the track", members="Track.devices")
    for name, type_ in (("name", "s"), ("type", "i"), ("class_name", "s"), ("can_have_chains", "b")):
        reg.add("/live/track/get/devices/%s" % name, "get", "track", _device_list(name),
                reply="track_id:i %s:%s*" % (name, type_), doc="The %s of every device" % name,
                members=("Track.devices", "Device.%s" % name))
    for direction in ("output", "input"):
        for what in ("types", "channels"):
            attr = "available_%s_routing_%s" % (direction, what)
            reg.add("/live/track/get/%s" % attr, "get", "track", _routing_names(attr),
                    reply="track_id:i display_name:s*", doc="Names of the %s routing %s" % (direction, what),
                    members=("Track.%s" % attr, "Routing%s.display_name" % what[:-1].capitalize()))
        for what in ("type", "channel"):
            attr = "%s_routing_%s" % (direction, what)
            available = "available_%s_routing_%ss" % (direction, what)
            reg.add("/live/track/get/%s" % attr, "get", "track", _routing_get(attr), reply="track_id:i display_name:s",
                    doc="The %s routing %s" % (direction, what),
                    members=("Track.%s" % attr, "Routing%s.display_name" % what.capitalize()))
            reg.add("/live/track/set/%s" % attr, "set", "track", _routing_set(attr, available), args="display_name:s",
                    doc="Set the %s routing %s by its display name" % (direction, what),
                    members=("Track.%s" % attr, "Track.%s" % available))
        reg.add("/live/track/get/%s_routing_type/category" % direction, "get", "track",
                _routing_detail("%s_routing_type" % direction, "category"), reply="track_id:i category:i",
                members=("Track.%s_routing_type" % direction, "RoutingType.category"),
                doc="The %s routing type's category: 0 external, 1 rewire, 2 resampling, 3 main, 4 track, "
                    "5 parent group, 6 none" % direction)
        reg.add("/live/track/get/%s_routing_type/attached_track" % direction, "get", "track",
                _attached_track("%s_routing_type" % direction), reply="track_id:i attached_track_id:T",
                members=("Track.%s_routing_type" % direction, "RoutingType.attached_object"),
                doc="The track the %s routing type names (index, 'master', a return letter; nil: none)" % direction)
        reg.add("/live/track/get/%s_routing_channel/layout" % direction, "get", "track",
                _routing_detail("%s_routing_channel" % direction, "layout"), reply="track_id:i layout:i",
                members=("Track.%s_routing_channel" % direction, "RoutingChannel.layout"),
                doc="The %s routing channel's layout: 0 MIDI, 1 mono, 2 stereo" % direction)
    register_model(reg)


def _routing_detail(attr, part):
    def get(ctx, track):
        return (int(getattr(getattr(track, attr), part)),)

    return get


def _attached_track(attr):
    def get(ctx, track):
        from .song import track_ref

        attached = getattr(track, attr).attached_object
        return (None if attached is None else track_ref(ctx.song, attached),)

    return get
