"""The ``ableton.v2`` control-surface framework (the subset remote scripts use)."""
