"""The model of EQ Eight (Live.Eq8Device shows it): its edit and global modes, oversampling, the selected band.

Live._eq8_device sets ``Eq8Node.cls`` and ``Eq8ViewNode.cls`` (the public classes their handles have).
"""
from Live import _lom
from Live._device_class_model import ClassNode
from Live._device_model import ViewNode

EditMode = _lom.make_enum("Eq8Device", "EditMode", {"a": 0, "b": 1})
GlobalMode = _lom.make_enum("Eq8Device", "GlobalMode", {"stereo": 0, "left_right": 1, "mid_side": 2})


class Eq8Node(ClassNode):
    """EQ Eight's state; its view selects one of the eight bands."""

    defaults = {"edit_mode": EditMode.a, "global_mode": GlobalMode.stereo, "oversample": False}

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name)
        self.view = Eq8ViewNode(world, self)


class Eq8ViewNode(ViewNode):
    """EQ Eight's view: the selected band (0..7)."""

    def __init__(self, world, parent):
        ViewNode.__init__(self, world, parent)
        self.selected_band = 0
