"""Small readers for a Live Set's XML: Live stores every value in a ``Value`` attribute."""
import math

from .palette import color_for_index

DENOMINATORS = (1, 2, 4, 8, 16)
MIN_GAIN = 0.0003162277571  # -70 dB, Live's "-inf" for faders and sends
_STEPS = {}


def _steps(path):
    steps = _STEPS[path] = tuple(path.split("/"))
    return steps


def find(elem, path):
    """The first ``path`` (plain tags joined by "/") below ``elem``, taking the first match at each step.

    Live writes each of these containers once, so the first match is the only one; stepping with
    the C ``find`` avoids ElementPath's Python machinery.
    """
    for tag in _STEPS.get(path) or _steps(path):
        elem = elem.find(tag)
        if elem is None:
            return None
    return elem


def findall(elem, path):
    """Every ``path`` (plain tags joined by "/") below ``elem``, in document order."""
    nodes = [elem]
    for tag in _STEPS.get(path) or _steps(path):
        nodes = [child for node in nodes for child in node.findall(tag)] if len(nodes) != 1 else nodes[0].findall(tag)
    return nodes


def value(elem, path, default=None):
    """The ``Value`` attribute of ``elem/path`` (``elem`` itself for an empty path), or ``default``."""
    node = find(elem, path) if path else elem
    if node is None:
        return default
    v = node.get("Value")
    return default if v is None else v


def number(elem, path, default=0.0):
    """A float ``Value``; ``default`` when missing or not a number (nan and inf count as missing)."""
    v = value(elem, path)
    try:
        f = float(v) if v is not None else default
    except ValueError:
        return default
    return f if f == f and f not in (float("inf"), float("-inf")) else default


def integer(elem, path, default=0):
    """An integer ``Value`` (a float text is rounded down); ``default`` when missing."""
    v = value(elem, path)
    if v is None:
        return default
    try:
        return int(v)
    except ValueError:
        try:
            return int(float(v))
        except (ValueError, OverflowError):
            return default


def flag(elem, path, default=False):
    """A ``true``/``false`` ``Value``."""
    v = value(elem, path)
    return default if v is None else v == "true"


def name_of(elem):
    """A track's, chain's or scene's name: ``Name/EffectiveName``, ``Name/UserName`` or ``Name@Value``."""
    node = elem.find("Name")
    if node is None:
        return ""
    if node.get("Value") is not None:
        return node.get("Value")
    return value(node, "EffectiveName") or value(node, "UserName", "")


def color_of(elem):
    """The 0xRRGGBB of ``Color`` (Live 10+) or ``ColorIndex`` (Live 9), or None."""
    for tag in ("Color", "ColorIndex"):
        if elem.find(tag) is not None:
            return color_for_index(integer(elem, tag, -1))
    return None


def fader(gain):
    """Live's fader position (0..1, 0.85 = 0 dB, 1 = +6 dB) for a linear gain."""
    if gain <= MIN_GAIN:
        return 0.0
    db = 20.0 * math.log10(gain)
    return round(max(0.0, min(1.0, 0.85 + db / 40.0)), 6)


def send_level(gain):
    """A send's position (0..1, 1 = 0 dB) for a linear gain."""
    if gain <= MIN_GAIN:
        return 0.0
    db = 20.0 * math.log10(gain)
    return round(max(0.0, min(1.0, 1.0 + db / 40.0)), 6)


def time_signature(encoded):
    """Live stores a signature as (numerator - 1) + 99 * log2(denominator)."""
    index, numerator = divmod(max(0, encoded), 99)
    return numerator + 1, DENOMINATORS[min(index, len(DENOMINATORS) - 1)]


def first(elem, tag):
    """The nearest descendant ``tag`` (breadth first), so nested racks are not mixed in."""
    queue = list(elem)
    i = 0
    while i < len(queue):
        node = queue[i]
        if node.tag == tag:
            return node
        queue.extend(node)
        i += 1
    return None
