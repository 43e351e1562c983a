"""``_Framework.ControlElement``: the base of every control element (a name, MIDI out, registration)."""
from ableton.v2.base.dependency import depends


class ControlElement(object):
    """Registered with the surface at construction (inside ``component_guard()``)."""

    @depends(send_midi=None, register_control=None)
    def __init__(self, name="", resource_type=None, optimized_send_midi=True, send_midi=None, register_control=None,
                 *a, **k):
        super(ControlElement, self).__init__(*a, **k)
        self.name = name
        self.canonical_parent = None
        self.optimized_send_midi = optimized_send_midi
        self._send_midi = send_midi
        register_control(self)

    def send_midi(self, message):
        """Send ``message`` (a tuple of bytes) to the surface's output port."""
        if self._send_midi is None:
            return False
        return self._send_midi(tuple(message), optimized=self.optimized_send_midi)

    def clear_send_cache(self):
        """Forget what was sent, so the next value goes out even if it is the same."""

    def reset(self):
        """Put the element back in its initial state; subclasses override."""

    def disconnect(self):
        """Release what the element holds, then disconnect further up."""
        parent = getattr(super(ControlElement, self), "disconnect", None)
        if parent is not None:
            parent()
