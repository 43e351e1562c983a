"""/live/track/*: tracks (regular, and master and returns by reference), their mixer, clips and devices."""

from .errors import HandlerError
from .registry import Prop
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
    Prop("current_monitoring_state", "i", doc="Monitoring: 0 in, 1 auto, 2 off"),
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


def _send_prop(send_id):
    return Prop("send", "f", attr="value", target=lambda track: track.mixer_device.sends[send_id],
                out=lambda value: (send_id, float(value)), member=SEND_MEMBERS)


SEND_MEMBERS = ("Track.mixer_device", "MixerDevice.sends", "DeviceParameter.value")


def get_send(ctx, track, send_id):
    return (send_id, float(track.mixer_device.sends[send_id].value))


def set_send(ctx, track, send_id, value):
    ctx.manager.write(setattr, track.mixer_device.sends[send_id], "value", value)


def start_listen_send(ctx, track, send_id):
    track.mixer_device.sends[send_id]  # fail now (Index out of range) rather than later
    ctx.registry.subscriptions.start(ctx, _send_prop(send_id), track, "/live/track/get/send", (send_id,))


def stop_listen_send(ctx, track, send_id):
    ctx.registry.subscriptions.stop(ctx, _send_prop(send_id), track, "/live/track/get/send", (send_id,))


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


def register(reg):
    reg.properties("track", PROPERTIES)
    reg.add("/live/track/get/send", "get", "track", get_send, args="send_id:i",
            reply="track_id:i send_id:i value:f", doc="A send's level (send_id 0 is return A)",
            example="/live/track/get/send 0 1", members=SEND_MEMBERS)
    reg.add("/live/track/set/send", "set", "track", set_send, args="send_id:i value:f", doc="Set a send's level",
            members=SEND_MEMBERS)
    reg.add("/live/track/start_listen/send", "start_listen", "track", start_listen_send, args="send_id:i",
            reply="-> /live/track/get/send track_id:i send_id:i value:f",
            doc="Send a send's level now and whenever it changes", members=SEND_MEMBERS)
    reg.add("/live/track/stop_listen/send", "stop_listen", "track", stop_listen_send, args="send_id:i",
            doc="Stop listening to a send's level", members=SEND_MEMBERS)
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
                    members="Track.%s" % attr)
        for what in ("type", "channel"):
            attr = "%s_routing_%s" % (direction, what)
            available = "available_%s_routing_%ss" % (direction, what)
            reg.add("/live/track/get/%s" % attr, "get", "track", _routing_get(attr), reply="track_id:i display_name:s",
                    doc="The %s routing %s" % (direction, what), members="Track.%s" % attr)
            reg.add("/live/track/set/%s" % attr, "set", "track", _routing_set(attr, available), args="display_name:s",
                    doc="Set the %s routing %s by its display name" % (direction, what),
                    members=("Track.%s" % attr, "Track.%s" % available))
