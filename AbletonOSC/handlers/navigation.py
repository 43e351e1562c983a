"""What controllers follow in the session: the last fired scene, stepping the selection, the highlighted slot.

Live reports none of these as one property, so each is made of what it does report:

- the last fired scene: every scene's ``is_triggered`` (a scene launches through it, from any
  source), followed across the scene list's changes;
- the highlighted clip slot: it moves with the selected track and scene;
- the selected scene's name: sent with the selection.
"""

from .objects import find_index
from .registry import KIND_GET, KIND_METHOD, KIND_START, KIND_STOP, Prop

LAST_FIRED = "/live/song/get/last_fired_scene"


class Watch(object):
    """A listener target that calls back when any of several Live properties changes."""

    def __init__(self, sources):
        self.sources = sources  # [(Live object, property name)]

    def add_watch_listener(self, callback):
        for obj, attr in self.sources:
            getattr(obj, "add_%s_listener" % attr)(callback)

    def remove_watch_listener(self, callback):
        for obj, attr in self.sources:
            try:
                if getattr(obj, "%s_has_listener" % attr)(callback):
                    getattr(obj, "remove_%s_listener" % attr)(callback)
            except RuntimeError:
                pass  # deleted with its listeners


class LastFired(object):
    """Which scene was launched last: a listener target (``last_fired_scene``) over the scenes' triggers."""

    def __init__(self, song):
        self.song = song
        self.scene = None
        self.watched = []     # (scene, its is_triggered listener)
        self.callbacks = []
        song.add_scenes_listener(self.rewatch)
        self.rewatch()

    def rewatch(self):
        """Follow the triggers of the scenes the set has now."""
        self.unwatch_scenes()
        for scene in self.song.scenes:
            def triggered(scene=scene):
                if scene.is_triggered:
                    self.scene = scene
                    for callback in list(self.callbacks):
                        callback()
            scene.add_is_triggered_listener(triggered)
            self.watched.append((scene, triggered))

    def unwatch_scenes(self):
        for scene, triggered in self.watched:
            try:
                if scene.is_triggered_has_listener(triggered):
                    scene.remove_is_triggered_listener(triggered)
            except RuntimeError:
                pass  # a deleted scene dropped its listeners
        self.watched = []

    def close(self):
        """Let go of the set."""
        self.unwatch_scenes()
        try:
            if self.song.scenes_has_listener(self.rewatch):
                self.song.remove_scenes_listener(self.rewatch)
        except RuntimeError:
            pass
        self.callbacks = []

    def value(self):
        """(scene index, name) of the last fired scene; nil nil before any, or once it is deleted."""
        scene = self.scene
        index = None if scene is None else find_index(self.song.scenes, scene)
        return (None, None) if index is None else (index, scene.name)

    def add_last_fired_scene_listener(self, callback):
        self.callbacks.append(callback)

    def remove_last_fired_scene_listener(self, callback):
        if callback in self.callbacks:
            self.callbacks.remove(callback)


def tracker(registry, song):
    """The registry's LastFired for the bound set (made on first use, closed on unbind)."""
    found = registry.state.get("last_fired")
    if found is None or found.song != song:
        found = registry.state["last_fired"] = LastFired(song)
    return found


def _selected_scene_name(song):
    scene = song.view.selected_scene
    index = find_index(song.scenes, scene)
    return (index, None if index is None else scene.name)


def _highlighted(song):
    from .view import _highlighted_slot
    return _highlighted_slot(song)


def _track_order(song):
    """Tracks in the order Live's selection steps through them: visible tracks, returns, the main track."""
    return list(song.visible_tracks) + list(song.return_tracks) + [song.master_track]


def _step_scene(step):
    def select(ctx, song):
        scenes = song.scenes
        index = find_index(scenes, song.view.selected_scene)
        index = 0 if index is None else max(0, min(len(scenes) - 1, index + step))
        ctx.manager.write(setattr, song.view, "selected_scene", scenes[index])
        return (index,)

    return select


def _step_track(step):
    def select(ctx, song):
        from .song import track_ref

        order = _track_order(song)
        index = find_index(order, song.view.selected_track)
        index = 0 if index is None else max(0, min(len(order) - 1, index + step))
        ctx.manager.write(setattr, song.view, "selected_track", order[index])
        return (track_ref(song, order[index]),)

    return select


def get_last_fired(ctx, song):
    return tracker(ctx.registry, song).value()


def _last_fired_prop(registry):
    return Prop("last_fired_scene", "x", "l", target=lambda song: tracker(registry, song),
                getter=lambda song: tracker(registry, song).value(), out=lambda value: value,
                member=("Scene.is_triggered", "Song.scenes"))


def register(reg):
    def close():
        found = reg.state.get("last_fired")
        if found is not None:
            found.close()

    reg.on_unbind(close)
    prop = _last_fired_prop(reg)
    reg.add(LAST_FIRED, KIND_GET, "song", get_last_fired, echo=False, reply="scene_index:i name:s",
            members=("Scene.is_triggered", "Scene.name"),
            doc="The scene launched last, from anywhere (nil nil: none since the script started)")
    def start(ctx, song):
        ctx.registry.subscriptions.start(ctx, prop, song, LAST_FIRED, ())

    def stop(ctx, song):
        ctx.registry.subscriptions.stop(ctx, prop, song, LAST_FIRED, ())

    reg.add("/live/song/start_listen/last_fired_scene", KIND_START, "song", start,
            reply="-> %s scene_index:i name:s" % LAST_FIRED, reply_address=LAST_FIRED, members="Scene.is_triggered",
            doc="Send the last fired scene now and whenever a scene is launched")
    reg.add("/live/song/stop_listen/last_fired_scene", KIND_STOP, "song", stop,
            members="Scene.is_triggered", doc="Stop listening to the last fired scene")
    reg.properties("song", [
        Prop("selected_scene_name", "x", "gl", attr="selected_scene", target=lambda song: song.view,
             getter=_selected_scene_name, out=lambda value: value,
             member=("Song.View.selected_scene", "Scene.name"),
             doc="The selected scene's index and name, sent together when the selection moves"),
        Prop("highlighted_clip_slot", "x", "l", attr="watch",
             target=lambda song: Watch([(song.view, "selected_track"), (song.view, "selected_scene")]),
             getter=_highlighted, out=lambda value: value, member="Song.View.highlighted_clip_slot",
             doc="The highlighted slot (track_id clip_id), sent whenever it moves"),
    ], prefix="/live/view")
    for name, fn, doc in (
            ("select_next_scene", _step_scene(1), "Select the scene below the selected one; answers its index"),
            ("select_previous_scene", _step_scene(-1), "Select the scene above the selected one; answers its index"),
            ("select_next_track", _step_track(1),
             "Select the track right of the selected one (then returns, then main); answers its reference"),
            ("select_previous_track", _step_track(-1),
             "Select the track left of the selected one; answers its reference")):
        what = name.rpartition("_")[2]
        reg.add("/live/view/%s" % name, KIND_METHOD, "song", fn, echo=False,
                reply="%s:%s" % ("scene_index" if what == "scene" else "track_id", "i"),
                members="Song.View.selected_%s" % what, doc=doc)
