"""Live.Eq8Device: EQ Eight's modes, oversampling and its view's selected band, views on Live._eq8_model."""
from Live import _lom
from Live._device_class import enum_value, flag, ranged
from Live._lom import prop
from Live._device import Device
from Live._eq8_model import EditMode, Eq8Node, Eq8ViewNode, GlobalMode


class Eq8Device(Device):
    """EQ Eight."""

    __slots__ = ()
    edit_mode = enum_value(EditMode)
    global_mode = enum_value(GlobalMode)
    oversample = flag()
    view = prop("View", get=lambda o: _lom.wrap(o.view))

    class View(Device.View):
        """EQ Eight's view."""

        __slots__ = ()
        selected_band = ranged("int", 0, 7, doc=False)


Eq8Node.cls = Eq8Device  # handles of EQ Eight nodes are Live.Eq8Device.Eq8Device
Eq8ViewNode.cls = Eq8Device.View
