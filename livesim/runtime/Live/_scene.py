"""Live.Scene: a row of the session grid (its state and rules are in Live._scene_model)."""
from Live import _lom, _palette
from Live._lom import method, prop, since
from Live._base import Vector
from Live._scene_model import (SceneNode, fire_as_selected, get_tempo, set_signature_enabled, set_tempo,
                               set_tempo_enabled, signature_setter)


class Scene(_lom.LomObject):
    """A scene."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    color = prop("int", set=True, observe=True, fset=_palette.set_color)
    color_index = prop("int", set=True, observe=True, fset=_palette.set_color_index)
    tempo = prop("float", set=True, observe=True, get=get_tempo, fset=set_tempo, obs_avail=since(11, 1))
    tempo_enabled = prop("bool", set=True, observe=True, fset=set_tempo_enabled, avail=since(11, 1))
    time_signature_numerator = prop("int", set=True, observe=True, avail=since(11, 1),
                                    get=lambda o: o.sig_num if o.time_signature_enabled else -1,
                                    fset=signature_setter("sig_num", lambda v: 1 <= v <= 99))
    time_signature_denominator = prop("int", set=True, observe=True, avail=since(11, 1),
                                      get=lambda o: o.sig_den if o.time_signature_enabled else -1,
                                      fset=signature_setter("sig_den", lambda v: v in (1, 2, 4, 8, 16)))
    time_signature_enabled = prop("bool", set=True, observe=True, avail=since(11, 1), fset=set_signature_enabled)
    clip_slots = prop("Vector", observe=True, get=lambda o: _lom.vector(Vector, o.slots()))
    is_empty = prop("bool", get=lambda o: all(s.clip is None for s in o.slots()))
    is_triggered = prop("bool", observe=True)

    @method("bool force_legato=False, bool can_select_scene_on_launch=True")
    def fire(o, force_legato, can_select):
        """Launch every slot of the scene (and select it)."""
        o.world.engine.fire_scene(o, legato=force_legato, select=can_select)

    @method("bool force_legato=False")
    def fire_as_selected(o, force_legato):
        """Fire the selected scene and select the next one."""
        fire_as_selected(o, force_legato)

    @method("bool arg2")
    def set_fire_button_state(o, state):
        """Press or release the scene's launch button."""
        if state:
            o.world.engine.fire_scene(o)


SceneNode.cls = Scene
