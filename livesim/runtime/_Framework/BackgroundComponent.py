"""``_Framework.BackgroundComponent``: owns controls nobody else uses, so they stay dark and quiet.

Given through a layer of low priority (``Layer(priority=-1, pads=matrix)``), each control is
reset (its light goes out) and its values go nowhere, until a component of higher priority takes
it.
"""
import functools

from .ControlSurfaceComponent import ControlSurfaceComponent


def _nop(*a, **k):
    pass


class BackgroundComponent(ControlSurfaceComponent):
    """Takes any control by ``set_<name>(control)``."""

    def __init__(self, *a, **k):
        super(BackgroundComponent, self).__init__(*a, **k)
        self._controls = {}

    def __getattr__(self, name):
        if name.startswith("set_") and len(name) > 4:
            return functools.partial(self._set_control, name[4:])
        raise AttributeError(name)

    def _set_control(self, name, control):
        old = self._controls.pop(name, None)
        if old is not None and old.value_has_listener(_nop):
            old.remove_value_listener(_nop)
        if control is not None:
            self._controls[name] = control
            control.add_value_listener(_nop)
            control.reset()

    def update(self):
        """Keep the controls dark."""
        if self.is_enabled():
            for control in self._controls.values():
                control.reset()
