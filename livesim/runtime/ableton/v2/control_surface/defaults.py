"""Framework constants."""

TIMER_DELAY = 0.1  # seconds per update_display tick, the task-group delta
MOMENTARY_DELAY = 0.3
MOMENTARY_DELAY_TICKS = int(MOMENTARY_DELAY / TIMER_DELAY)
