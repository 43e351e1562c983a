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


# ---------------------------------------------------------------------- beyond upstream

def _song_view(song):
    return song.view


def _clip_ref(song, clip):
    """(track, slot index, arrangement clip index) of a clip; the index that does not apply is nil."""
    from .song import _all_tracks, track_ref

    if clip is None:
        return (None, None, None)
    for track in _all_tracks(song):
        for index, slot in enumerate(track.clip_slots):
            if slot.clip == clip:
                return (track_ref(song, track), index, None)
        try:
            arrangement = list(track.arrangement_clips)
        except RuntimeError:
            continue  # master, return and group tracks have none
        index = find_index(arrangement, clip)
        if index is not None:
            return (track_ref(song, track), None, index)
    return (None, None, None)


def _detail_clip(song):
    return _clip_ref(song, song.view.detail_clip)


def _highlighted_slot(song):
    from .song import _all_tracks, track_ref

    slot = song.view.highlighted_clip_slot
    if slot is not None:
        for track in _all_tracks(song):
            index = find_index(track.clip_slots, slot)
            if index is not None:
                return (track_ref(song, track), index)
    return (None, None)


def _selected_chain(song):
    from .song import device_ref

    chain = song.view.selected_chain
    if chain is None:
        return (None, None, None)
    rack = chain.canonical_parent
    track, device = device_ref(song, rack)
    return (track, device, find_index(rack.chains, chain) if device is not None else None)


def _selected_parameter(song):
    from .song import device_ref, track_ref

    parameter = song.view.selected_parameter
    if parameter is None:
        return (None, None, None, None)
    owner = parameter.canonical_parent
    track, device = device_ref(song, owner)
    if device is not None:
        return (track, device, find_index(owner.parameters, parameter), parameter.name)
    # A mixer parameter (volume, panning, a send): its track, no device.
    return (track_ref(song, owner.canonical_parent), None, None, parameter.name)


def _same(value):
    return value


def set_detail_clip(ctx, song, track_value, clip_index, *arrangement):
    from .objects import ARRANGEMENT_CLIP, CLIP

    kind = ARRANGEMENT_CLIP if arrangement and arrangement[0] else CLIP
    (echo, clip), = kind.resolve(song, (track_value, clip_index))
    song.view.detail_clip = clip


def set_highlighted_clip_slot(ctx, song, track_value, clip_index):
    from .objects import CLIP_SLOT

    (echo, slot), = CLIP_SLOT.resolve(song, (track_value, clip_index))
    song.view.highlighted_clip_slot = slot


def set_selected_chain(ctx, song, track_value, device_value, chain_index):
    from .objects import CHAIN

    (echo, chain), = CHAIN.resolve(song, (track_value, device_value, chain_index))
    song.view.selected_chain = chain


VIEW_PROPERTIES = [
    Prop("detail_clip", "x", "gl", target=_song_view, getter=_detail_clip, out=_same, strict=True,
         member="Song.View.detail_clip",
         doc="The clip in the detail view: track_id, slot index (session) or nil, arrangement clip index or nil"),
    Prop("highlighted_clip_slot", "x", "g", target=_song_view, getter=_highlighted_slot, out=_same, strict=True,
         member="Song.View.highlighted_clip_slot", doc="The highlighted session slot: track_id clip_id"),
    Prop("selected_chain", "x", "gl", target=_song_view, getter=_selected_chain, out=_same, strict=True,
         member="Song.View.selected_chain",
         doc="The selected rack chain: track_id device_id chain_id (nil nil nil: none)"),
    Prop("selected_parameter", "x", "gl", target=_song_view, getter=_selected_parameter, out=_same, strict=True,
         member="Song.View.selected_parameter",
         doc="The selected parameter: track_id device_id param_id name (mixer parameters: nil device and index)"),
    Prop("draw_mode", "b", target=_song_view, strict=True, member="Song.View.draw_mode",
         doc="Whether envelopes are drawn (draw mode) in the arrangement"),
    Prop("follow_song", "b", target=_song_view, strict=True, member="Song.View.follow_song",
         doc="Whether the arrangement follows the playback position"),
]


def register_model(reg):
    """Song.View beyond upstream: the detail clip, highlighted slot, selected chain and parameter."""
    reg.properties("song", VIEW_PROPERTIES, prefix="/live/view")
    reg.add("/live/view/set/detail_clip", "set", "song", set_detail_clip,
            args="track_id:T clip_id:i arrangement:b?", members="Song.View.detail_clip",
            doc="Show a clip in the detail view (a session slot, or with arrangement=1 an arrangement clip)")
    reg.add("/live/view/set/highlighted_clip_slot", "set", "song", set_highlighted_clip_slot,
            args="track_id:T clip_id:i", members="Song.View.highlighted_clip_slot", doc="Highlight a session slot")
    reg.add("/live/view/set/selected_chain", "set", "song", set_selected_chain,
            args="track_id:T device_id:D chain_id:i", members="Song.View.selected_chain",
            doc="Select a rack chain")


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
    register_model(reg)
