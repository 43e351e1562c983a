"""OSC address patterns: OSC 1.0 wildcards plus OSC 1.1's '//' path wildcard.

'?' one character, '*' any run of characters (neither crosses '/'),
'[abc]', '[a-z]', '[!abc]' one character from (or not from) a set,
'{foo,bar}' one of the alternatives, '//' any number of path levels.
Patterns match the whole address. Compiled patterns are cached (bounded).

Matching never backtracks: a pattern is compiled to small automata (one per path level, and
one over the levels for '//') that are simulated state set by state set, so the work is at most
a fixed multiple of len(pattern) x len(address), whatever the pattern. Patterns longer than
MAX_PATTERN characters are refused.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import OSCPatternError

_SPECIAL = frozenset("?*[]{}")
#: Longest pattern compiled; every address the script answers is far shorter.
MAX_PATTERN = 256

_MARKER = None  # a '//' between two path levels: any number of non-empty levels

# Instructions of a level's automaton (a tuple each; the first item says which).
_CHAR, _ANY, _SET, _STAR, _ALT, _JUMP = range(6)


def is_pattern(address: str) -> bool:
    """Tell whether an address contains pattern characters (or '//')."""
    return not _SPECIAL.isdisjoint(address) or "//" in address


def pattern_matches(pattern: str, address: str) -> bool:
    """Tell whether the OSC address pattern matches the whole address."""
    return compile_pattern(pattern).match(address)


def match_work(pattern: str, address: str):
    """(matches, steps): the match and the number of automaton steps it took (for tests and bench)."""
    counter = [0]
    matched = compile_pattern(pattern).match(address, counter)
    return matched, counter[0]


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> "Pattern":
    """Compile a pattern (cached); OSCPatternError if it is malformed or longer than MAX_PATTERN."""
    return Pattern(pattern)


class Pattern(object):
    """A compiled OSC address pattern; call it (or .match) with an address."""

    __slots__ = ("text", "levels", "fixed")

    def __init__(self, text):
        if len(text) > MAX_PATTERN:
            raise OSCPatternError("pattern of %d characters is longer than the %d allowed"
                                  % (len(text), MAX_PATTERN))
        self.text = text
        self.levels = [_MARKER if part is _MARKER else _compile_level(part, text) for part in _split(text)]
        #: Without '//' a match needs as many levels in the address as in the pattern.
        self.fixed = _MARKER not in self.levels

    def __call__(self, address):
        return True if self.match(address) else None

    def select(self, addresses):
        """The addresses that match, in order (levels seen before are not matched again)."""
        memo = {}
        return [address for address in addresses if self.match(address, None, memo)]

    def match(self, address, counter=None, memo=None):
        """Whether the whole address matches; counter[0] (if given) grows by the steps taken.

        memo: a dict kept across calls remembers which (level, text) pairs matched.
        """
        parts = address.split("/")
        levels = self.levels
        if self.fixed:
            if len(parts) != len(levels):
                return False
            for i, part in enumerate(parts):
                if not _level_match(levels[i], part, counter, memo, i):
                    return False
            return True
        # An automaton over levels: state i means "levels[:i] matched so far".
        end = len(levels)
        states = _level_closure(levels, (0,))
        for part in parts:
            following = set()
            for i in states:
                if counter is not None:
                    counter[0] += 1
                if i == end:
                    continue
                level = levels[i]
                if level is _MARKER:
                    if part:
                        following.add(i)  # '//' takes one more whole level
                elif _level_match(level, part, counter, memo, i):
                    following.add(i + 1)
            if not following:
                return False
            states = _level_closure(levels, following)
        return end in states

    def __repr__(self):
        return "Pattern(%r)" % self.text


def _split(text):
    """The levels of a pattern: a run of two or more slashes becomes _MARKER between two levels."""
    parts = text.split("/")
    result = [parts[0]]
    i = 1
    while i < len(parts):
        if parts[i] == "" and i + 1 < len(parts):
            while parts[i] == "" and i + 1 < len(parts):
                i += 1
            result.append(_MARKER)
        result.append(parts[i])
        i += 1
    return result


def _level_closure(levels, states):
    result = set()
    stack = list(states)
    while stack:
        i = stack.pop()
        if i in result:
            continue
        result.add(i)
        if i < len(levels) and levels[i] is _MARKER:
            stack.append(i + 1)  # '//' may also take no level at all
    return result


# ---------------------------------------------------------------------- one level

def _compile_level(text, pattern):
    """A level's pattern as a plain string (matched by ==), "*" (anything), or a program."""
    if _SPECIAL.isdisjoint(text):
        return text
    if text == "*":
        return _STAR
    program = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "?":
            program.append((_ANY,))
        elif ch == "*":
            if not program or program[-1] != (_STAR,):  # '**' is '*'
                program.append((_STAR,))
        elif ch == "[":
            end = text.find("]", i + 1)
            if end < 0:
                raise OSCPatternError("unclosed '[' in %r" % pattern)
            program.append(_char_class(text[i + 1:end], pattern))
            i = end
        elif ch == "{":
            end = text.find("}", i + 1)
            if end < 0:
                raise OSCPatternError("unclosed '{' in %r" % pattern)
            choices = text[i + 1:end].split(",")
            for choice in choices:
                if not _SPECIAL.isdisjoint(choice):
                    raise OSCPatternError("'{...}' alternatives must be plain text in %r" % pattern)
            # {a,bc} -> ALT(starts) a JUMP b c JUMP; every JUMP goes past the last alternative.
            at = len(program)
            program.append(None)
            starts = []
            jumps = []
            for choice in choices:
                starts.append(len(program))
                program.extend((_CHAR, c) for c in choice)
                jumps.append(len(program))
                program.append(None)
            program[at] = (_ALT, tuple(starts))
            for position in jumps:
                program[position] = (_JUMP, len(program))
            i = end
        elif ch == "]" or ch == "}":
            raise OSCPatternError("unmatched %r in %r" % (ch, pattern))
        else:
            program.append((_CHAR, ch))
        i += 1
    return tuple(program)


def _char_class(body, pattern):
    negate = body.startswith("!")
    if negate:
        body = body[1:]
    if not body:
        raise OSCPatternError("empty '[]' in %r" % pattern)
    singles = set()
    ranges = []
    j = 0
    while j < len(body):
        if j + 2 < len(body) and body[j + 1] == "-":
            low, high = body[j], body[j + 2]
            if low > high:
                raise OSCPatternError("bad range %s-%s in %r" % (low, high, pattern))
            ranges.append((low, high))
            j += 3
        else:
            singles.add(body[j])
            j += 1
    return (_SET, frozenset(singles), tuple(ranges), negate)


def _level_match(level, text, counter, memo=None, index=0):
    if level.__class__ is str:
        return level == text
    if level == _STAR:
        return True
    if memo is None:
        return _run(level, text, counter, None)
    key = (index, text)
    found = memo.get(key)
    if found is None:
        dfa = memo.get(index)
        if dfa is None:
            dfa = memo[index] = {}
        found = memo[key] = _run(level, text, counter, dfa)
    return found


def _closure(program, pcs, counter):
    """The instructions reachable from pcs without reading a character (a frozenset)."""
    result = set()
    seen = set()
    stack = list(pcs)
    end = len(program)
    while stack:
        pc = stack.pop()
        if pc in seen:
            continue
        seen.add(pc)
        if counter is not None:
            counter[0] += 1
        if pc == end:
            result.add(pc)
            continue
        op = program[pc]
        kind = op[0]
        if kind == _ALT:
            stack.extend(op[1])
        elif kind == _JUMP:
            stack.append(op[1])
        else:
            result.add(pc)
            if kind == _STAR:
                stack.append(pc + 1)  # '*' may also match nothing
    return frozenset(result)


def _step(program, states, ch, counter):
    """The states after reading ch: at most len(program) instructions looked at."""
    end = len(program)
    following = []
    for pc in states:
        if pc == end:
            continue
        if counter is not None:
            counter[0] += 1
        op = program[pc]
        kind = op[0]
        if kind == _STAR:
            following.append(pc)
        elif kind == _CHAR:
            if op[1] == ch:
                following.append(pc + 1)
        elif kind == _ANY:
            following.append(pc + 1)
        else:  # _SET
            if counter is not None:
                counter[0] += len(op[2])
            inside = ch in op[1] or any(low <= ch <= high for low, high in op[2])
            if inside != op[3]:
                following.append(pc + 1)
    return _closure(program, following, counter)


#: State sets remembered per level while one select() runs (a lazily built DFA); bounds its memory.
MAX_DFA = 4096


def _run(program, text, counter, dfa):
    """Simulate a level's automaton over text, one state set per character.

    dfa (a dict, or None) remembers transitions between state sets, so matching many addresses
    against one pattern reads each character of each with one lookup once the sets are known.
    """
    if dfa is None:
        states = _closure(program, (0,), counter)
        for ch in text:
            states = _step(program, states, ch, counter)
            if not states:
                return False
        return len(program) in states
    states = dfa.get(None)
    if states is None:
        states = dfa[None] = _closure(program, (0,), counter)
    for ch in text:
        key = (states, ch)
        following = dfa.get(key)
        if following is None:
            following = _step(program, states, ch, counter)
            if len(dfa) < MAX_DFA:
                dfa[key] = following
        states = following
        if not states:
            return False
    return len(program) in states
