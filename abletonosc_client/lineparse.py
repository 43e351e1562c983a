"""Console lines to OSC arguments, and OSC values back to text."""
from __future__ import annotations

import shlex
from typing import Any, List, Optional, Tuple

WORDS = {"true": True, "false": False, "none": None, "nil": None}


def split_line(line: str) -> List[str]:
    """Split on whitespace, keeping quotes on quoted tokens (so '1' stays a string)."""
    lexer = shlex.shlex(line, posix=False)
    lexer.whitespace_split = True
    lexer.commenters = ""
    return list(lexer)


def parse_value(token: str) -> Any:
    """A token as OSC expects it: quoted -> str, int (also 0x..), float, True/False, None, else str."""
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
        return token[1:-1]
    word = token.lower()
    if word in WORDS:
        return WORDS[word]
    try:
        return int(token, 0)
    except ValueError:
        pass
    try:
        return float(token)
    except ValueError:
        return token


def quoting_hint(line: str, signature: str) -> Optional[str]:
    """When a line gives more words than its address takes and the last argument is text: the line
    with that text quoted (the words were meant as one name), else None."""
    tokens = split_line(line)
    declared = signature.split()
    if not declared or any(token.endswith("*") for token in declared) or len(tokens) - 1 <= len(declared):
        return None
    if not declared[-1].partition(":")[2].startswith("s"):
        return None
    head = tokens[:len(declared)]
    words = tokens[len(declared):]
    text = " ".join(t[1:-1] if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"" else t for t in words)
    quote = '"' if "'" in text else "'"
    return " ".join(head) + " " + quote + text + quote


def parse_line(line: str) -> Tuple[str, Tuple[Any, ...]]:
    """(address, arguments) of a console line; ValueError for unbalanced quotes."""
    tokens = split_line(line)
    if not tokens:
        return "", ()
    return tokens[0], tuple(parse_value(token) for token in tokens[1:])


def format_value(value: Any) -> str:
    """One OSC value as the console shows it (strings quoted, as they are typed)."""
    if isinstance(value, (bytes, bytearray)):
        return "<blob %d bytes>" % len(value)
    if isinstance(value, list):
        return "[%s]" % ", ".join(format_value(item) for item in value)
    return repr(value)


def format_values(values: Tuple[Any, ...], signature: Optional[str] = None) -> str:
    """Values as text; labelled with the reply signature's names when they line up."""
    if signature and "*" not in signature and "(" not in signature and not signature.startswith("->"):
        names = [token.partition(":")[0] for token in signature.split()]
        if len(names) == len(values):
            return "  ".join("%s=%s" % (name, format_value(value)) for name, value in zip(names, values))
    return " ".join(format_value(value) for value in values)
