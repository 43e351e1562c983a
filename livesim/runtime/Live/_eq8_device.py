"""Live.Eq8Device: EQ Eight's edit and global modes, oversampling and its view's selected band."""
from Live import _lom
from Live._device_class import ClassNode, enum_value, flag, ranged
from Live._lom import prop
from Live._device import Device
from Live._device_model import ViewNode

EditMode = _lom.make_enum("Eq8Device", "EditMode", {"a": 0, "b": 1})
GlobalMode = _lom.make_enum("Eq8Device", "GlobalMode", {"stereo": 0, "left_right": 1, "mid_side": 2})


class Eq8Node(ClassNode):
    """EQ Eight's state; its view selects one of the eight bands."""

    def __init__(self, world, parent, name, class_name, type_, class_display_name=None, cls=None):
        ClassNode.__init__(self, world, parent, name, class_name, type_, class_display_name, cls)
        self.view = ViewNode(world, self, Eq8Device.View)
        self.view.selected_band = 0


class Eq8Device(Device):
    """EQ Eight."""

    __slots__ = ()
    _node = Eq8Node
    _defaults = {"edit_mode": EditMode.a, "global_mode": GlobalMode.stereo, "oversample": False}
    edit_mode = enum_value(EditMode)
    global_mode = enum_value(GlobalMode)
    oversample = flag()
    view = prop("View", get=lambda o: _lom.wrap(o.view))

    class View(Device.View):
        """EQ Eight's view."""

        __slots__ = ()
        selected_band = ranged("int", 0, 7, doc=False)
