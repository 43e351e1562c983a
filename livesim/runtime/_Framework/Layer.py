"""``_Framework.Layer``: controls handed to a component by name while it is enabled.

``component.layer = Layer(volume_controls=faders, stop_button=button)``: while the component
is enabled it owns the layer, and for each control it receives it calls
``component.set_volume_controls(faders)``, ``component.set_stop_button(button)``; when it loses
a control (the component is disabled, or a layer of higher ``priority`` takes the control) the
setter is called with None.  A control belongs to one layer at a time (its ``resource``, a
StackingResource: the highest priority wins, the layer below gets it back after).
"""
from .Resource import ExclusiveResource, StackingResource


class LayerError(Exception):
    """A component lacks the setter a layer needs."""


def _control_resource(control):
    resource = getattr(control, "_layer_resource", None)
    if resource is None:
        resource = StackingResource(on_received_callback=lambda client: client.set_control_element(control, True),
                                    on_lost_callback=lambda client: client.set_control_element(control, False))
        control._layer_resource = resource
    return resource


class _LayerClient(object):
    """A layer's hold on its controls for one component."""

    def __init__(self, layer, component):
        self.layer = layer
        self.layer_client = component

    def set_control_element(self, control, grabbed):
        for name in self.layer._control_to_names[id(control)]:
            handler = getattr(self.layer_client, "set_" + name, None)
            if handler is None:
                if name.startswith("_"):
                    continue
                raise LayerError("%s has no set_%s for its layer" % (type(self.layer_client).__name__, name))
            handler(control if grabbed else None)


class Layer(object):
    """``Layer(priority=None, **controls)``: name -> control (``set_<name>`` is called on the owner)."""

    def __init__(self, priority=None, **controls):
        super(Layer, self).__init__()
        self._priority = priority
        self._name_to_controls = dict(controls)
        self._controls = []
        self._control_to_names = {}
        for name, control in sorted(controls.items()):
            if control is None:
                continue
            if id(control) not in self._control_to_names:
                self._controls.append(control)
                self._control_to_names[id(control)] = []
            self._control_to_names[id(control)].append(name)
        self._resource = ExclusiveResource(on_received_callback=self._on_received, on_lost_callback=self._on_lost)
        self._client = None

    def __getattr__(self, name):
        try:
            return self.__dict__["_name_to_controls"][name]
        except KeyError:
            raise AttributeError(name)

    @property
    def priority(self):
        """The priority the layer grabs its controls with (None: the default)."""
        return self._priority

    @property
    def owner(self):
        """The component owning the layer (None: none)."""
        return self._resource.owner

    def grab(self, client, *a, **k):
        """Let ``client`` own the layer; True if it does."""
        return self._resource.grab(client)

    def release(self, client):
        """``client`` lets go of the layer and its controls."""
        self._resource.release(client)

    def _on_received(self, component):
        self._client = _LayerClient(self, component)
        for control in self._controls:
            _control_resource(control).grab(self._client, priority=self._priority)

    def _on_lost(self, component):
        client, self._client = self._client, None
        for control in self._controls:
            _control_resource(control).release(client)
