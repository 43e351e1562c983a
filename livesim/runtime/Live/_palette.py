"""Live's 70-colour clip/track/scene palette and nearest-colour snapping."""

PALETTE = (
    0xFF94A6, 0xFFA529, 0xCC9927, 0xF7F47C, 0xBFFB00, 0x1AFF2F, 0x25FFA8, 0x5CFFE8, 0x8BC5FF, 0x5480E4,
    0x92A7FF, 0xD86CE4, 0xE553A0, 0xFFFFFF, 0xFF3636, 0xF66C03, 0x99724B, 0xFFF034, 0x87FF67, 0x3DC300,
    0x00BFAF, 0x19E9FF, 0x10A4EE, 0x007DC0, 0x886CE4, 0xB677C6, 0xFF39D4, 0xD0D0D0, 0xE2675A, 0xFFA374,
    0xD3AD71, 0xEDFFAE, 0xD2E498, 0xBAD074, 0x9BC48D, 0xD4FDE1, 0xCDF1F8, 0xB9C1E3, 0xCDBBE4, 0xAE98E5,
    0xE5DCE1, 0xA9A9A9, 0xC6928B, 0xB78256, 0x99836A, 0xBFBA69, 0xA6BE00, 0x7DB04D, 0x88C2BA, 0x9BB3C4,
    0x85A5C2, 0x8393CC, 0xA595B5, 0xBF9FBE, 0xBC7196, 0x7B7B7B, 0xAF3333, 0xA95131, 0x724F41, 0xDBC300,
    0x85961F, 0x539F31, 0x0A9C8E, 0x236384, 0x1A2F96, 0x2F52A2, 0x624BAD, 0xA34BAD, 0xCC2E6E, 0x3C3C3C,
)
_INDEX = dict((c, i) for i, c in enumerate(PALETTE))


def nearest_index(rgb):
    """Index of the palette colour closest to ``rgb`` (0xRRGGBB)."""
    i = _INDEX.get(rgb)
    if i is not None:
        return i
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    best, best_d = 0, None
    for i, c in enumerate(PALETTE):
        d = (r - (c >> 16)) ** 2 + (g - ((c >> 8) & 255)) ** 2 + (b - (c & 255)) ** 2
        if best_d is None or d < best_d:
            best, best_d = i, d
    return best


def set_color(o, rgb):
    """Snap ``rgb`` to the palette and store color/color_index on node ``o`` (notifying both)."""
    from Live._lom import set_value
    i = nearest_index(rgb & 0xFFFFFF)
    set_value(o, "color_index", i)
    set_value(o, "color", PALETTE[i])


def set_color_index(o, i):
    """Store a palette index (and its colour) on node ``o``."""
    from Live._lom import set_value
    if i is None or i < 0 or i >= len(PALETTE):
        raise RuntimeError("Color index out of range")
    set_value(o, "color_index", i)
    set_value(o, "color", PALETTE[i])
