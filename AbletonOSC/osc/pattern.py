"""OSC address patterns: OSC 1.0 wildcards plus OSC 1.1's '//' path wildcard.

'?' one character, '*' any run of characters (neither crosses '/'),
'[abc]', '[a-z]', '[!abc]' one character from (or not from) a set,
'{foo,bar}' one of the alternatives, '//' any number of path levels.
Patterns match the whole address. Compiled patterns are cached (bounded).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .errors import OSCPatternError

_SPECIAL = frozenset("?*[]{}")


def is_pattern(address: str) -> bool:
    """Tell whether an address contains pattern characters (or '//')."""
    return not _SPECIAL.isdisjoint(address) or "//" in address


def pattern_matches(pattern: str, address: str) -> bool:
    """Tell whether the OSC address pattern matches the whole address."""
    return compile_pattern(pattern)(address) is not None


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str):
    """Compile a pattern to a function address -> match object or None (cached)."""
    return re.compile(_translate(pattern), re.DOTALL).fullmatch


def _translate(pattern):
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "/" and pattern.startswith("//", i):
            # Any number of whole path levels between the two slashes.
            out.append("/(?:[^/]+/)*")
            i += 2
            while i < n and pattern[i] == "/":
                i += 1
            continue
        if ch == "?":
            out.append("[^/]")
        elif ch == "*":
            out.append("[^/]*")
        elif ch == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                raise OSCPatternError("unclosed '[' at position %d in %r" % (i, pattern))
            out.append(_char_class(pattern[i + 1:end], pattern, i))
            i = end
        elif ch == "{":
            end = pattern.find("}", i + 1)
            if end < 0:
                raise OSCPatternError("unclosed '{' at position %d in %r" % (i, pattern))
            choices = pattern[i + 1:end].split(",")
            for choice in choices:
                if not _SPECIAL.isdisjoint(choice) or "/" in choice:
                    raise OSCPatternError("'{...}' alternatives must be plain text in %r" % pattern)
            out.append("(?:%s)" % "|".join(re.escape(c) for c in choices))
            i = end
        elif ch == "]" or ch == "}":
            raise OSCPatternError("unmatched %r at position %d in %r" % (ch, i, pattern))
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _char_class(body, pattern, at):
    negate = body.startswith("!")
    if negate:
        body = body[1:]
    if not body:
        raise OSCPatternError("empty '[]' at position %d in %r" % (at, pattern))
    if "/" in body:
        raise OSCPatternError("'/' inside '[]' at position %d in %r" % (at, pattern))
    parts = []
    j = 0
    while j < len(body):
        if j + 2 < len(body) and body[j + 1] == "-":
            low, high = body[j], body[j + 2]
            if low > high:
                raise OSCPatternError("bad range %s-%s in %r" % (low, high, pattern))
            parts.append("%s-%s" % (_class_char(low), _class_char(high)))
            j += 3
        else:
            parts.append(_class_char(body[j]))
            j += 1
    if negate:
        return "[^/%s]" % "".join(parts)
    return "[%s]" % "".join(parts)


def _class_char(ch):
    return "\\" + ch if ch in "\\]^-[" else ch
