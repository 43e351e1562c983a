"""Live versions livesim simulates: parsing "12.3.6" and the default."""

DEFAULT_VERSION = "12.3.6"


def parse_version(text):
    """"12.3" -> (12, 3, 0); accepts "M", "M.m" or "M.m.b" (or a tuple)."""
    if isinstance(text, tuple):
        parts = list(text)
    else:
        try:
            parts = [int(p) for p in str(text).strip().split(".")]
        except ValueError:
            raise ValueError("live_version must look like '12.3.6', not %r" % (text,)) from None
    if not 1 <= len(parts) <= 3:
        raise ValueError("live_version must look like '12.3.6', not %r" % (text,))
    return tuple(int(p) for p in (parts + [0, 0])[:3])
