"""Named arguments and named replies from the registry's signatures.

An address's arguments are declared as ``"track_id:T clip_id:i note:x*"`` and its reply as
``"track_id:i clip_id:i (note_id:i pitch:i ...)*"`` (see docs/API.md, Conventions). Here a dict of
named arguments becomes the positional OSC arguments, checked against the signature before
anything is sent, and a reply's values become a dict named by the reply signature.
Standard library only, so it runs wherever the client does.
"""
from __future__ import annotations

import difflib
import math
import re
import struct
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

TRACK_WORDS = ("*", "master", "main")
RETURN_LETTERS = "ABCDEFGHIJKL"
DEVICE_PATH = re.compile(r"^\d+(\.(R?\d+|\d+))*$")
TYPE_HELP = {
    "i": "a whole number",
    "f": "a number",
    "b": "true or false",
    "s": "a string",
    "x": "a number, string or bool",
    "T": "a track index, '*' (every track), 'master' or a return track's letter A-L",
    "D": "a device index, or a path through racks such as '0.1.2'",
}


class ArgumentProblem(ValueError):
    """Named arguments that do not fit an address's signature."""


class Arg(object):
    """One argument of a signature."""

    __slots__ = ("name", "type", "optional", "variadic")

    def __init__(self, name: str, type_: str, optional: bool = False, variadic: bool = False) -> None:
        self.name = name
        self.type = type_
        self.optional = optional
        self.variadic = variadic

    def describe(self) -> str:
        """'track_id (a track index, ...)' with optional/repeated marks."""
        mark = ", a list" if self.variadic else (", optional" if self.optional else "")
        return "%s (%s%s)" % (self.name, TYPE_HELP.get(self.type, self.type), mark)


def parse_args(text: str) -> List[Arg]:
    """The arguments of an argument signature ("name:t name:t? name:t*")."""
    result = []
    for token in (text or "").split():
        name, _, type_ = token.partition(":")
        variadic = type_.endswith("*")
        result.append(Arg(name, type_.rstrip("*?") or "x", type_.endswith("?") or variadic, variadic))
    return result


# ---------------------------------------------------------------------- arguments

def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def convert(arg: Arg, value: Any) -> Any:
    """One named value as the OSC value its type letter asks for; ArgumentProblem otherwise."""
    kind = arg.type
    if kind == "i" and _number(value) and float(value).is_integer():
        return int(value)
    if kind == "f" and _number(value) and math.isfinite(value):
        return float(value)
    if kind == "b":
        if isinstance(value, bool):
            return value
        if _number(value) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    if kind == "s" and isinstance(value, str):
        return value
    if kind == "T":
        if _number(value) and float(value).is_integer() and value >= 0:
            return int(value)
        if isinstance(value, str):
            word = value.strip()
            if word.isdigit():
                return int(word)
            if word.lower() in TRACK_WORDS or (len(word) == 1 and word.upper() in RETURN_LETTERS):
                return word
    if kind == "D":
        if _number(value) and float(value).is_integer() and value >= 0:
            return int(value)
        if isinstance(value, str) and DEVICE_PATH.match(value.strip()):
            word = value.strip()
            return int(word) if word.isdigit() else word
    if kind == "x" and (isinstance(value, (str, bool)) or (_number(value) and math.isfinite(value))):
        return value
    raise ArgumentProblem("%s must be %s, got %s" % (arg.name, TYPE_HELP.get(kind, kind), _shown(value)))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def bind(address: str, signature: str, named: Optional[Dict[str, Any]]) -> List[Any]:
    """The positional OSC arguments for ``named``, checked against ``signature``.

    Optional arguments are positional on the wire: one may be left out only with those after it.
    """
    spec = parse_args(signature)
    named = dict(named or {})
    names = [arg.name for arg in spec]
    unknown = [name for name in named if name not in names]
    if unknown:
        raise ArgumentProblem(_unknown_text(address, spec, unknown))
    values = []  # type: List[Any]
    missing = []  # type: List[str]
    skipped = None  # type: Optional[str]
    for arg in spec:
        if arg.name not in named or named[arg.name] is None:
            if not arg.optional:
                missing.append(arg.name)
            elif skipped is None:
                skipped = arg.name
            continue
        if skipped is not None:
            raise ArgumentProblem("%s: %s is given but %s, which comes before it on the wire, is not: give %s too"
                                  % (address, arg.name, skipped, skipped))
        value = named[arg.name]
        try:
            if arg.variadic:
                items = value if isinstance(value, (list, tuple)) else [value]
                values.extend(convert(arg, item) for item in items)
            else:
                values.append(convert(arg, value))
        except ArgumentProblem as problem:
            raise ArgumentProblem("%s: %s" % (address, problem)) from None
    if missing:
        raise ArgumentProblem("%s needs %s" % (address, "; ".join(a.describe() for a in spec if a.name in missing)))
    return values


def _unknown_text(address: str, spec: Sequence[Arg], unknown: Sequence[str]) -> str:
    names = [arg.name for arg in spec]
    parts = []
    for name in unknown:
        close = difflib.get_close_matches(name, names, 1, 0.5)
        parts.append("%r%s" % (name, " (did you mean %r?)" % close[0] if close else ""))
    takes = "; ".join(arg.describe() for arg in spec) if spec else "no arguments"
    return "%s has no argument %s. It takes: %s" % (address, ", ".join(parts), takes)


# ---------------------------------------------------------------------- replies

class Field(object):
    """One named value of a reply signature: single, optional ('?') or the rest ('*')."""

    __slots__ = ("name", "type", "repeat")

    def __init__(self, name: str, type_: str, repeat: str = "") -> None:
        self.name = name
        self.type = type_
        self.repeat = repeat


class Group(object):
    """A repeated group of fields: '(name:s time:f)*'."""

    __slots__ = ("fields",)

    def __init__(self, fields: List[Field]) -> None:
        self.fields = fields


Item = Union[Field, Group]
_TOKEN = re.compile(r"\(|\)\*?|[^\s()]+")


def parse_reply(text: str) -> Tuple[str, List[Item]]:
    """(update address, items) of a reply signature; the address is '' but for '-> ADDRESS ...'."""
    tokens = _TOKEN.findall(text or "")
    target = ""
    if tokens[:1] == ["->"]:
        target = tokens[1] if len(tokens) > 1 else ""
        tokens = tokens[2:]
    items = []  # type: List[Item]
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token == "(":
            end = position + 1
            while end < len(tokens) and not tokens[end].startswith(")"):
                end += 1
            fields = [_field(t) for t in tokens[position + 1:end] if ":" in t]
            # "(nil for empty slots)" is a remark, not a group.
            if fields and all(":" in t for t in tokens[position + 1:end]):
                items.append(Group(fields))
            position = end + 1
            continue
        if ":" in token:
            items.append(_field(token))
        position += 1
    return target, items


def _field(token: str) -> Field:
    name, _, type_ = token.partition(":")
    repeat = type_[-1] if type_[-1:] in ("*", "?") else ""
    return Field(name, type_.rstrip("*?"), repeat)


def plain(value: Any) -> Any:
    """An OSC value as JSON can carry it (blobs as hex)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    if isinstance(value, float):
        return _shortest(value) if math.isfinite(value) else None
    return value


def _shortest(value: float) -> float:
    """A float32 from the wire as its shortest decimal (0.85, not 0.8500000238418579)."""
    try:
        packed = struct.pack("<f", value)
    except OverflowError:
        return value
    if struct.unpack("<f", packed)[0] != value:
        return value  # not a float32: keep every digit
    for digits in range(6, 10):
        candidate = float("%.*g" % (digits, value))
        if struct.pack("<f", candidate) == packed:
            return candidate
    return value


def name_values(reply: str, values: Sequence[Any], group_name: str = "items") -> Dict[str, Any]:
    """A reply's values named by its signature; values past the signature go to 'more'."""
    _target, items = parse_reply(reply)
    values = [plain(v) for v in values]
    result = {}  # type: Dict[str, Any]
    position = 0
    for item in items:
        if isinstance(item, Group):
            result[group_name], position = _groups(item, values, position)
            continue
        if item.repeat == "*":
            result[item.name] = values[position:]
            position = len(values)
        elif position < len(values):
            result[item.name] = values[position]
            position += 1
    if position < len(values):
        result["more"] = values[position:]
    return result


def _groups(group: Group, values: List[Any], position: int) -> Tuple[List[Dict[str, Any]], int]:
    rows = []
    while position < len(values):
        row = {}  # type: Dict[str, Any]
        for field in group.fields:
            if field.repeat == "*":
                # A list inside a group is as long as the count before it: '(class:s count:i member:s*)*'.
                count = row.get("count")
                take = count if isinstance(count, int) and count >= 0 else len(values) - position
                row[field.name] = values[position:position + take]
                position += take
            elif position < len(values):
                row[field.name] = values[position]
                position += 1
        rows.append(row)
    return rows, position


def group_name(address: str) -> str:
    """The key of a reply's repeated group: the address's last word ('notes_extended', 'cue_points')."""
    word = address.rstrip("/").rsplit("/", 1)[-1]
    return "results" if word == "search" else word or "items"
