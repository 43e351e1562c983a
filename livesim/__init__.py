"""livesim: a headless Ableton Live that runs remote scripts against a simulated Live set.

``World`` (livesim.world) holds a set and its transport; ``livesim/runtime`` holds the ``Live``
package scripts import.  Importing livesim puts that directory on ``sys.path`` once, so the
simulator and the scripts share one copy of the ``Live`` modules.
"""
import os
import sys

RUNTIME_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "runtime")
if RUNTIME_DIR not in sys.path:
    sys.path.append(RUNTIME_DIR)

from livesim.world import World, parse_version  # noqa: E402

__all__ = ["World", "parse_version", "RUNTIME_DIR"]
