"""``_Framework.ModesComponent``: named modes selected by buttons, one active at a time.

``modes.add_mode('session', session_component)`` (a component, a ``(component, layer)`` pair,
a Mode, a callable, None, or a list of these); ``modes.selected_mode = 'session'`` enters it and
leaves the one before: a component mode enables its component, a layer mode gives the
component its layer, a callable is called on entering.  ``modes.set_<name>_button(button)`` (or
``set_mode_button``, or a ``Layer(<name>_button=...)``) selects the mode on press and lights the
selected mode's button; ``set_toggle_button`` steps through the modes.  With the default
``LatchingBehaviour`` a button held longer than ``Defaults.MOMENTARY_DELAY`` goes back to the
mode before when released; ``ImmediateBehaviour`` just selects; ``MomentaryBehaviour`` holds
the mode only while the button is held.  Nothing happens while the component is disabled.
"""
import functools

from ableton.v2.base.task import run, sequence, wait

from .CompoundComponent import CompoundComponent
from .ControlSurfaceComponent import ControlSurfaceComponent
from .Defaults import MOMENTARY_DELAY
from .Layer import Layer
from .SubjectSlot import SubjectSlot


class Mode(object):
    """What a mode does on entering and leaving (nothing, here)."""

    def enter_mode(self):
        """The mode becomes active."""

    def leave_mode(self):
        """The mode stops being active."""


class ComponentMode(Mode):
    """Enables ``component`` while active."""

    def __init__(self, component=None, *a, **k):
        super(ComponentMode, self).__init__(*a, **k)
        self._component = component

    def enter_mode(self):
        """Enable the component."""
        self._component.set_enabled(True)

    def leave_mode(self):
        """Disable the component."""
        self._component.set_enabled(False)


class LayerMode(Mode):
    """Gives ``component`` the layer while active."""

    def __init__(self, component=None, layer=None, *a, **k):
        super(LayerMode, self).__init__(*a, **k)
        self._component = component
        self._layer = layer

    def enter_mode(self):
        """Set the component's layer."""
        self._component.layer = self._layer

    def leave_mode(self):
        """Take the layer away."""
        self._component.layer = None


class AddLayerMode(LayerMode):
    """Lets ``component`` own the layer as well as its own while active."""

    def enter_mode(self):
        """Grab the layer for the component."""
        self._layer.grab(self._component)

    def leave_mode(self):
        """Release it."""
        self._layer.release(self._component)


class CompoundMode(Mode):
    """Several modes entered together (and left in reverse)."""

    def __init__(self, *modes, **k):
        super(CompoundMode, self).__init__(**k)
        self._modes = [tomode(mode) for mode in modes]

    def enter_mode(self):
        """Enter every mode."""
        for mode in self._modes:
            mode.enter_mode()

    def leave_mode(self):
        """Leave every mode, last first."""
        for mode in reversed(self._modes):
            mode.leave_mode()


class _CallMode(Mode):
    def __init__(self, func):
        self._func = func

    def enter_mode(self):
        self._func()


def tomode(thing):
    """A Mode for a component, a (component, layer) pair, a Mode, a callable, None or a list."""
    if thing is None:
        return Mode()
    if isinstance(thing, Mode):
        return thing
    if isinstance(thing, ControlSurfaceComponent):
        return ComponentMode(thing)
    if isinstance(thing, tuple) and len(thing) == 2 and isinstance(thing[0], ControlSurfaceComponent) \
            and isinstance(thing[1], Layer):
        return LayerMode(*thing)
    if callable(thing):
        return _CallMode(thing)
    return CompoundMode(*thing)


class ModeButtonBehaviour(object):
    """How a mode button's press and release change the modes."""

    def press_immediate(self, component, mode):
        """The button went down."""

    def release_immediate(self, component, mode):
        """The button came up soon after."""

    def release_delayed(self, component, mode):
        """The button came up after being held."""

    def update_button(self, component, mode, selected_mode):
        """Light the button of the selected mode."""
        button = component.get_mode_button(mode)
        if button is not None:
            button.set_light(mode == selected_mode)


class ImmediateBehaviour(ModeButtonBehaviour):
    """A press selects the mode."""

    def press_immediate(self, component, mode):
        component.push_mode(mode)
        component.pop_unselected_modes()


class LatchingBehaviour(ModeButtonBehaviour):
    """A press selects the mode; released after being held, the mode before comes back."""

    def press_immediate(self, component, mode):
        component.push_mode(mode)

    def release_immediate(self, component, mode):
        if len(component.active_modes) > 1:
            component.pop_unselected_modes()

    def release_delayed(self, component, mode):
        if len(component.active_modes) > 1:
            component.pop_mode(mode)


class MomentaryBehaviour(ModeButtonBehaviour):
    """The mode is selected only while the button is held."""

    def press_immediate(self, component, mode):
        component.push_mode(mode)

    def release_immediate(self, component, mode):
        component.pop_mode(mode)

    def release_delayed(self, component, mode):
        component.pop_mode(mode)


class ModesComponent(CompoundComponent):
    """Named modes; the selected one is the top of a stack of active modes."""

    __subject_events__ = ("selected_mode",)
    default_behaviour = LatchingBehaviour()

    def __init__(self, *a, **k):
        super(ModesComponent, self).__init__(*a, **k)
        self._mode_list = []
        self._mode_map = {}
        self._mode_stack = []
        self._entered = None
        self._toggle_slot = self.register_slot(SubjectSlot(listener=self._on_toggle_value, event="value"))

    # --- the modes ---------------------------------------------------------------------------
    def add_mode(self, name, mode_or_component, toggle_value=False, groups=set(), behaviour=None):
        """Add a mode called ``name`` (``toggle_value``, a colour of the toggle button, is not shown)."""
        if name in self._mode_map:
            raise AssertionError("mode %r added twice" % (name,))
        slot = self.register_slot(SubjectSlot(listener=functools.partial(self._on_mode_button_value, name),
                                              event="value"))
        self._mode_list.append(name)
        self._mode_map[name] = {"mode": tomode(mode_or_component), "groups": set(groups),
                                "behaviour": behaviour or self.default_behaviour, "slot": slot, "held": None}

    @property
    def modes(self):
        """The mode names, in the order added."""
        return list(self._mode_list)

    def get_mode(self, name):
        """The Mode called ``name`` (None: no such mode)."""
        entry = self._mode_map.get(name)
        return entry["mode"] if entry is not None else None

    def get_mode_groups(self, name):
        """The groups of mode ``name``."""
        entry = self._mode_map.get(name)
        return entry["groups"] if entry is not None else set()

    @property
    def active_modes(self):
        """The stack of active modes, the selected one last."""
        return list(self._mode_stack)

    @property
    def selected_mode(self):
        """The name of the selected mode (None: none)."""
        return self._mode_stack[-1] if self._mode_stack else None

    @selected_mode.setter
    def selected_mode(self, mode):
        if mode is None:
            self._mode_stack = []
            self._update_mode()
        else:
            self.push_mode(mode)
            self.pop_unselected_modes()

    @property
    def selected_groups(self):
        """The groups of the selected mode."""
        return self.get_mode_groups(self.selected_mode)

    def push_mode(self, mode):
        """Make ``mode`` the selected one, keeping the ones before on the stack."""
        if mode not in self._mode_map:
            raise KeyError(mode)
        if mode in self._mode_stack:
            self._mode_stack.remove(mode)
        self._mode_stack.append(mode)
        self._update_mode()

    def pop_mode(self, mode):
        """Take ``mode`` off the stack (the one below is selected if it was on top)."""
        if mode in self._mode_stack:
            self._mode_stack.remove(mode)
            self._update_mode()

    def pop_groups(self, groups):
        """Take every mode of ``groups`` off the stack."""
        groups = set(groups)
        self._mode_stack = [mode for mode in self._mode_stack if not self.get_mode_groups(mode) & groups]
        self._update_mode()

    def pop_unselected_modes(self):
        """Keep only the selected mode on the stack."""
        self._mode_stack = self._mode_stack[-1:]

    def cycle_mode(self, delta=1):
        """Select the mode ``delta`` after the selected one, in the order added."""
        if self._mode_list:
            current = self.selected_mode
            index = self._mode_list.index(current) if current in self._mode_list else -1
            self.selected_mode = self._mode_list[(index + delta) % len(self._mode_list)]

    def _update_mode(self):
        selected = self.selected_mode if self.is_enabled() else None
        if selected != self._entered:
            if self._entered is not None:
                self._mode_map[self._entered]["mode"].leave_mode()
            self._entered = selected
            if selected is not None:
                self._mode_map[selected]["mode"].enter_mode()
        if self.is_enabled():
            self._update_buttons()
        self.notify_selected_mode(self.selected_mode)

    # --- the buttons -------------------------------------------------------------------------
    def set_mode_button(self, name, button):
        """The button of mode ``name``."""
        self._mode_map[name]["slot"].subject = button
        self._update_buttons()

    def get_mode_button(self, name):
        """The button of mode ``name`` (None: none)."""
        entry = self._mode_map.get(name)
        return entry["slot"].subject if entry is not None else None

    def set_toggle_button(self, button):
        """A button that selects the next mode."""
        self._toggle_slot.subject = button
        self._update_buttons()

    def __getattr__(self, name):
        modes = self.__dict__.get("_mode_map", {})
        if name.startswith("set_") and name.endswith("_button") and name[4:-7] in modes:
            return functools.partial(self.set_mode_button, name[4:-7])
        raise AttributeError(name)

    def _on_mode_button_value(self, name, value):
        if not self.is_enabled():
            return
        entry = self._mode_map[name]
        behaviour = entry["behaviour"]
        button = entry["slot"].subject
        if value or not button.is_momentary():
            held = {"delayed": False}
            entry["held"] = held
            self._tasks.add(sequence(wait(MOMENTARY_DELAY), run(held.__setitem__, "delayed", True)))
            behaviour.press_immediate(self, name)
        elif entry["held"] is not None:
            held, entry["held"] = entry["held"], None
            if held["delayed"]:
                behaviour.release_delayed(self, name)
            else:
                behaviour.release_immediate(self, name)

    def _on_toggle_value(self, value):
        button = self._toggle_slot.subject
        if self.is_enabled() and (value or not button.is_momentary()):
            self.cycle_mode(1)

    def _update_buttons(self):
        if not self.is_enabled():
            return
        selected = self.selected_mode
        for name in self._mode_list:
            self._mode_map[name]["behaviour"].update_button(self, name, selected)
        toggle = self._toggle_slot.subject
        if toggle is not None:
            toggle.set_light(selected is not None and self._mode_list.index(selected) > 0)

    def on_enabled_changed(self):
        """Enter the selected mode when enabled, leave it when disabled."""
        self._update_mode()

    def update(self):
        """Refresh the buttons."""
        super(ModesComponent, self).update()
        self._update_buttons()
