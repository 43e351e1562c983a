"""/live/view/*: what is selected in Live's window."""

from .errors import HandlerError
from .objects import TRACK, find_index
from .registry import Prop


def _index_of(vector, obj, what):
    index = find_index(vector, obj)
    if index is None:
        raise HandlerError("The selected %s is not in the list of %ss" % (what, what))
    return index


def selected_scene_index(view_owner):
    song = view_owner
    return _index_of(song.scenes, song.view.selected_scene, "scene")


def selected_track_index(song):
    track = song.view.selected_track
    index = find_index(song.tracks, track)
    if index is not None:
        return index
    if track == song.master_track:
        return "master"
    returns = find_index(song.return_tracks, track)
    if returns is not None:
        return "ABCDEFGHIJKL"[returns]
    raise HandlerError("The selected track is not in the set")


def get_selected_scene(ctx, song):
    return (selected_scene_index(song),)


def get_selected_track(ctx, song):
    return (selected_track_index(song),)


def get_selected_clip(ctx, song):
    return (selected_track_index(song), selected_scene_index(song))


def get_selected_device(ctx, song):
    track = song.view.selected_track
    device = track.view.selected_device
    if device is None:
        raise HandlerError("No device is selected")
    return (selected_track_index(song), _index_of(track.devices, device, "device"))


def set_selected_scene(ctx, song, scene_index):
    song.view.selected_scene = song.scenes[scene_index]


def set_selected_track(ctx, song, track):
    song.view.selected_track = track


def set_selected_clip(ctx, song, track, scene_index):
    song.view.selected_track = track
    song.view.selected_scene = song.scenes[scene_index]


def set_selected_device(ctx, song, track_ref, device_index):
    (echo, track), = TRACK.resolve(song, (track_ref,))
    device = track.devices[device_index]
    song.view.selected_track = track
    song.view.select_device(device)
    return (echo[0], device_index)


def _with_track(fn):
    """Resolve the track reference argument of a view address."""

    def call(ctx, song, track_ref, *rest):
        (echo, track), = TRACK.resolve(song, (track_ref,))
        return fn(ctx, song, track, *rest)

    return call


def register(reg):
    reg.add("/live/view/get/selected_scene", "get", "song", get_selected_scene, reply="scene_index:i",
            doc="The selected scene's index", members="Song.View.selected_scene")
    reg.add("/live/view/get/selected_track", "get", "song", get_selected_track, reply="track_index:i",
            doc="The selected track's index ('master' or a return letter for those)", members="Song.View.selected_track")
    reg.add("/live/view/get/selected_clip", "get", "song", get_selected_clip,
            reply="track_index:i scene_index:i", doc="The selected track and scene",
            members=("Song.View.selected_track", "Song.View.selected_scene"))
    reg.add("/live/view/get/selected_device", "get", "song", get_selected_device,
            reply="track_index:i device_index:i", doc="The selected track and its selected device",
            members=("Song.View.selected_track", "Track.View.selected_device"))
    reg.add("/live/view/set/selected_scene", "set", "song", set_selected_scene, args="scene_index:i",
            doc="Select a scene", members="Song.View.selected_scene")
    reg.add("/live/view/set/selected_track", "set", "song", _with_track(set_selected_track), args="track_index:T",
            doc="Select a track", members="Song.View.selected_track")
    reg.add("/live/view/set/selected_clip", "set", "song", _with_track(set_selected_clip),
            args="track_index:T scene_index:i", doc="Select a track and scene",
            members=("Song.View.selected_track", "Song.View.selected_scene"))
    reg.add("/live/view/set/selected_device", "set", "song", set_selected_device,
            args="track_index:T device_index:i", reply="track_index:i device_index:i",
            doc="Select a device (answers with the track and device, as upstream does)",
            members=("Song.View.selected_track", "Song.View.select_device"))
    for name, fn in (("selected_scene", selected_scene_index), ("selected_track", selected_track_index)):
        # Listen-only: the getters and setters above answer indices and take references.
        reg.property("song", Prop(name, "i", "l", target=lambda song: song.view, getter=fn,
                                  member="Song.View.%s" % name), "/live/view")
