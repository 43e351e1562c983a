"""``_Framework.Defaults``: framework constants."""
from ableton.v2.control_surface.defaults import MOMENTARY_DELAY, MOMENTARY_DELAY_TICKS, TIMER_DELAY  # noqa: F401
