"""/live/scene/*: scenes (rows of the session grid)."""

from .registry import Prop

PROPERTIES = [
    Prop("is_empty", "b", "gl"),
    Prop("is_triggered", "b", "gl"),
    Prop("color", "i"),
    Prop("color_index", "i"),
    Prop("name", "s"),
    Prop("tempo", "f", doc="The scene's tempo (-1 when disabled)"),
    Prop("tempo_enabled", "b", since=(11, 1)),
    Prop("time_signature_numerator", "i", since=(11, 1)),
    Prop("time_signature_denominator", "i", since=(11, 1)),
    Prop("time_signature_enabled", "b", since=(11, 1)),
]


def fire(ctx, scene, *flags):
    ctx.manager.write(scene.fire, *flags)


def fire_as_selected(ctx, scene, *flags):
    ctx.manager.write(scene.fire_as_selected, *flags)


def fire_selected(ctx, song):
    ctx.manager.write(song.view.selected_scene.fire_as_selected)


# ---------------------------------------------------------------------- beyond upstream

def set_fire_button_state(ctx, scene, state):
    scene.set_fire_button_state(state)


def _slot_list(name):
    def get(ctx, scene):
        return tuple(bool(getattr(slot, name)) for slot in scene.clip_slots)

    return get


def register_model(reg):
    """Scene beyond upstream."""
    reg.add("/live/scene/set_fire_button_state", "method", "scene", set_fire_button_state, args="pressed:b",
            members="Scene.set_fire_button_state",
            doc="Hold (1) or release (0) the scene's launch button, for launch modes like gate and toggle")
    for name in ("has_clip", "is_playing", "is_triggered"):
        reg.add("/live/scene/get/clip_slots/%s" % name, "get", "scene", _slot_list(name),
                reply="scene_id:i %s:b*" % name, members=("Scene.clip_slots", "ClipSlot.%s" % name),
                doc="%s of the scene's slot on every track" % name.capitalize().replace("_", " "))


def register(reg):
    reg.add("/live/scene/fire", "method", "scene", fire, args="force_legato:b? can_select_scene_on_launch:b?",
            doc="Launch every clip of the scene", members="Scene.fire")
    reg.add("/live/scene/fire_as_selected", "method", "scene", fire_as_selected, args="force_legato:b?",
            doc="Launch the scene, then select the next one", members="Scene.fire_as_selected")
    reg.properties("scene", PROPERTIES)
    reg.add("/live/scene/fire_selected", "method", "song", fire_selected,
            doc="Launch the selected scene, then select the next one",
            members=("Song.View.selected_scene", "Scene.fire_as_selected"))
    register_model(reg)
