"""Live.Scene: a row of the session grid."""
from Live import _lom, _palette
from Live._lom import method, prop, set_value, since
from Live._base import Vector


class SceneNode(_lom.Node):
    """A scene's state.  Tempo and signature keep their value while disabled (read back as -1)."""

    def __init__(self, world, song, name=""):
        _lom.Node.__init__(self, world, song, Scene)
        self.name = name
        self.color_index = None
        self.color = 0
        self.tempo_value = 120.0
        self.tempo_enabled = False
        self.sig_num = 4
        self.sig_den = 4
        self.time_signature_enabled = False
        self.is_triggered = False

    def index(self):
        return self.parent.scenes.index(self)

    def slots(self):
        i = self.index()
        return [t.slots[i] for t in self.parent.tracks]


def _get_tempo(o):
    return o.tempo_value if o.tempo_enabled else -1.0


def _set_tempo(o, v):
    if v == -1.0 and o.world.version < (11, 1, 0):
        set_value(o, "tempo_enabled", False)
        return
    set_value(o, "tempo_value", _lom.in_range(o.world, v, 20.0, 999.0, "Tempo out of range"))
    set_value(o, "tempo_enabled", True)
    _lom.notify(o, "tempo")


def _set_tempo_enabled(o, v):
    if set_value(o, "tempo_enabled", v):
        _lom.notify(o, "tempo")


def _set_sig(attr, valid):
    def fset(o, v):
        if v == -1 and o.world.version < (11, 1, 0):
            set_value(o, "time_signature_enabled", False)
            return
        if not valid(v):
            raise RuntimeError("Invalid time signature")
        set_value(o, attr, v)
        if set_value(o, "time_signature_enabled", True):
            _lom.notify(o, "time_signature_numerator")
            _lom.notify(o, "time_signature_denominator")
        _lom.notify(o, "time_signature_numerator" if attr == "sig_num" else "time_signature_denominator")
    return fset


def _set_sig_enabled(o, v):
    if set_value(o, "time_signature_enabled", v):
        _lom.notify(o, "time_signature_numerator")
        _lom.notify(o, "time_signature_denominator")


class Scene(_lom.LomObject):
    """A scene."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    color = prop("int", set=True, observe=True, fset=_palette.set_color)
    color_index = prop("int", set=True, observe=True, fset=_palette.set_color_index)
    tempo = prop("float", set=True, observe=True, get=_get_tempo, fset=_set_tempo, obs_avail=since(11, 1))
    tempo_enabled = prop("bool", set=True, observe=True, fset=_set_tempo_enabled, avail=since(11, 1))
    time_signature_numerator = prop("int", set=True, observe=True, avail=since(11, 1),
                                    get=lambda o: o.sig_num if o.time_signature_enabled else -1,
                                    fset=_set_sig("sig_num", lambda v: 1 <= v <= 99))
    time_signature_denominator = prop("int", set=True, observe=True, avail=since(11, 1),
                                      get=lambda o: o.sig_den if o.time_signature_enabled else -1,
                                      fset=_set_sig("sig_den", lambda v: v in (1, 2, 4, 8, 16)))
    time_signature_enabled = prop("bool", set=True, observe=True, avail=since(11, 1), fset=_set_sig_enabled)
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
        song = o.parent
        sel = song.view.selected_scene
        o.world.engine.fire_scene(sel, legato=force_legato, select=False)
        i = song.scenes.index(sel)
        if i + 1 < len(song.scenes):
            song.view.select("selected_scene", song.scenes[i + 1])

    @method("bool arg2")
    def set_fire_button_state(o, state):
        """Press or release the scene's launch button."""
        if state:
            o.world.engine.fire_scene(o)
