"""Set loaders: Live's default set, a JSON set file, or a real Live Set (``.als``).

``load_set(spec)`` returns the set dict a ``World`` is built from (schema: docs/SETS.md), or
None for Live's default set (the World builds that one itself).  Reading an ``.als`` file may
adjust what livesim cannot hold as saved: the adjustments go to ``report`` (one line per kind),
or refuse the file when ``strict``.
"""
import json
import os

from .adjust import summary
from .als import DEFAULT_VERSION, parse_als, read_als
from .errors import SetError
from .schema import validate_set

__all__ = ["SetError", "load_set", "parse_als", "read_als", "validate_set", "describe_set", "summary"]


def load_set(spec, strict=False, version=DEFAULT_VERSION, report=None):
    """``None``/"default" -> None; a dict -> validated; "x.json" / "x.als" -> the set dict it holds.

    For ``.als`` files: ``version`` is the simulated Live version (a tuple), ``report`` a list
    that receives one line per kind of adjustment, ``strict`` refuses any adjustment.
    """
    if spec is None or spec == "default":
        return None
    if isinstance(spec, dict):
        return validate_set(spec)
    path = os.fspath(spec)
    if not os.path.isfile(path):
        raise SetError("%s: no such set file" % path)
    if path.lower().endswith(".als"):
        # The reader writes the schema by construction (tests hold it to validate_set), and the
        # World's builder checks every value again: a second pass here would only cost time.
        return read_als(path, strict=strict, version=tuple(version), report=report)
    if path.lower().endswith(".json"):
        return _load_json(path)
    raise SetError("%s: unknown set file type (expected .json or .als)" % path)


def _load_json(path):
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SetError("%s: cannot read: %s" % (path, exc))
    except ValueError as exc:
        raise SetError("%s: not valid JSON: %s" % (path, exc))
    try:
        return validate_set(data)
    except SetError as exc:
        raise SetError("%s: %s" % (path, exc))


def describe_set(data):
    """One line about a set dict: tracks, returns and scenes."""
    if data is None:
        return "Live's default set"
    return "%d tracks, %d return tracks, %d scenes" % (
        len(data.get("tracks", [])), len(data.get("returns", [])), len(data.get("scenes", [])))
