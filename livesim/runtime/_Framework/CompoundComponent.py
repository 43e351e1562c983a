"""``_Framework.CompoundComponent``: a component made of sub-components enabled and disabled with it."""
from .ControlSurfaceComponent import ControlSurfaceComponent


class CompoundComponent(ControlSurfaceComponent):
    """Holds sub-components; enabling or disabling it does the same to them."""

    def __init__(self, *a, **k):
        super(CompoundComponent, self).__init__(*a, **k)
        self._sub_components = []

    def register_components(self, *components):
        """Register several sub-components; returns them."""
        for component in components:
            self.register_component(component)
        return components

    def register_component(self, component):
        """Make ``component`` a sub-component (it follows this one's enabled state); returns it."""
        if component in self._sub_components:
            raise AssertionError("component registered twice")
        self._sub_components.append(component)
        component.set_enabled(self.is_enabled())
        return component

    def has_component(self, component):
        """Whether ``component`` is a sub-component."""
        return component in self._sub_components

    def set_enabled(self, enable):
        """Enable or disable this component and its sub-components."""
        for component in self._sub_components:
            component.set_enabled(enable)
        super(CompoundComponent, self).set_enabled(enable)

    def update(self):
        """Update the sub-components."""
        for component in self._sub_components:
            component.update()

    def disconnect(self):
        """Disconnect the sub-components, then this one."""
        for component in self._sub_components:
            component.disconnect()
        self._sub_components = []
        super(CompoundComponent, self).disconnect()
