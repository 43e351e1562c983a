"""livesim's subset of Ableton's ``ableton`` framework package (what remote scripts import)."""
