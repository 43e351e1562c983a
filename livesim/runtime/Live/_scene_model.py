"""The model of scenes (Live.Scene shows it): a scene's state and the rules of its tempo and signature.

A scene keeps its tempo and signature while they are disabled (read back as -1); writing one
enables it.  Live before 11.1 disables them on a write of -1.
"""
from Live import _lom
from Live._lom import set_value


class SceneNode(_lom.Node):
    """A scene's state.  Tempo and signature keep their value while disabled (read back as -1)."""

    def __init__(self, world, song, name=""):
        _lom.Node.__init__(self, world, song)
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


def get_tempo(o):
    """The scene's tempo, -1 while disabled."""
    return o.tempo_value if o.tempo_enabled else -1.0


def set_tempo(o, v):
    """Set and enable the scene's tempo (-1 disables it before Live 11.1)."""
    if v == -1.0 and o.world.version < (11, 1, 0):
        set_value(o, "tempo_enabled", False)
        return
    set_value(o, "tempo_value", _lom.in_range(o.world, v, 20.0, 999.0, "Tempo out of range"))
    set_value(o, "tempo_enabled", True)
    _lom.notify(o, "tempo")


def set_tempo_enabled(o, v):
    """Enable or disable the scene's tempo."""
    if set_value(o, "tempo_enabled", v):
        _lom.notify(o, "tempo")


def signature_setter(attr, valid):
    """The setter of the signature's numerator or denominator (``attr``: sig_num or sig_den)."""
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


def set_signature_enabled(o, v):
    """Enable or disable the scene's time signature."""
    if set_value(o, "time_signature_enabled", v):
        _lom.notify(o, "time_signature_numerator")
        _lom.notify(o, "time_signature_denominator")


def fire_as_selected(o, legato):
    """Fire the selected scene and select the next one."""
    song = o.parent
    sel = song.view.selected_scene
    o.world.engine.fire_scene(sel, legato=legato, select=False)
    i = song.scenes.index(sel)
    if i + 1 < len(song.scenes):
        song.view.select("selected_scene", song.scenes[i + 1])
