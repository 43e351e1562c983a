"""Live's 70-colour palette (clip, track and scene colours), indexed by a set file's ColorIndex."""
import livesim  # noqa: F401  (puts livesim/runtime on sys.path)
from Live._palette import PALETTE  # the one copy of the palette, shared with the Live package

__all__ = ["PALETTE", "color_for_index"]


def color_for_index(index):
    """The 0xRRGGBB colour of a set file's ColorIndex, or None for "no colour" (negative).

    Track colours saved by Live 10 use 140 + index (their clips carry the plain index), so
    indexes wrap modulo the palette size.
    """
    if index is None or index < 0:
        return None
    return PALETTE[index % len(PALETTE)]
