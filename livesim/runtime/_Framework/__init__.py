"""livesim's subset of Ableton's legacy ``_Framework`` package."""
