"""How framework components show a state value on a button (not a module of Ableton's)."""
from .Util import in_range


def show_value(button, value):
    """None or -1 put the light out, 0-127 is sent as it is, anything else goes to ``set_light``."""
    if value is None or value == -1:
        button.turn_off()
    elif in_range(value, 0, 128):
        button.send_value(value)
    else:
        button.set_light(value)
