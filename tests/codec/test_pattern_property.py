"""The pattern matcher agrees with a reference matcher and its work is bounded by len(pattern) x len(address)."""
import re

from hypothesis import given, settings, strategies as st

from AbletonOSC.handlers import build_registry
from AbletonOSC.osc import OSCPatternError
from AbletonOSC.osc.pattern import MAX_PATTERN, compile_pattern, match_work

import pytest

#: The matcher's steps never exceed this multiple of (len(pattern) + 1) x (len(address) + 1).
WORK_FACTOR = 4

ADDRESSES = [entry.address for entry in build_registry().order]


def reference(pattern, address):
    """OSC 1.0 + '//' semantics as a regular expression (backtracking: only for small patterns)."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("//", i):
            out.append("/(?:[^/]+/)*")
            i += 2
            while i < len(pattern) and pattern[i] == "/":
                i += 1
            continue
        if ch == "?":
            out.append("[^/]")
        elif ch == "*":
            out.append("[^/]*")
        elif ch == "[":
            end = pattern.index("]", i + 1)
            body = pattern[i + 1:end]
            negate = body.startswith("!")
            body = body[1:] if negate else body
            parts = []
            j = 0
            while j < len(body):
                if j + 2 < len(body) and body[j + 1] == "-":
                    parts.append("%s-%s" % (re.escape(body[j]), re.escape(body[j + 2])))
                    j += 3
                else:
                    parts.append(re.escape(body[j]))
                    j += 1
            out.append(("[^/%s]" if negate else "[%s]") % "".join(parts))
            i = end
        elif ch == "{":
            end = pattern.index("}", i + 1)
            out.append("(?:%s)" % "|".join(re.escape(c) for c in pattern[i + 1:end].split(",")))
            i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.fullmatch("".join(out), address, re.DOTALL) is not None


_WORDS = sorted({part for address in ADDRESSES for part in address.split("/") if part})
_literal = st.text(alphabet="abcdegilmnorstu_", min_size=1, max_size=4)
_piece = st.one_of(
    _literal,
    st.sampled_from(_WORDS),
    st.just("?"), st.just("*"), st.just("/"), st.just("//"),
    st.builds(lambda neg, body: "[%s%s]" % ("!" if neg else "", body), st.booleans(),
              st.sampled_from(["a-m", "aeiou", "n-z_", "s", "a-c0-9"])),
    st.builds(lambda alts: "{%s}" % ",".join(alts), st.lists(_literal | st.just(""), min_size=1, max_size=3)),
)
patterns = st.builds(lambda pieces: "/" + "".join(pieces), st.lists(_piece, min_size=1, max_size=8))
addresses = st.one_of(st.sampled_from(ADDRESSES),
                      st.builds(lambda parts: "/" + "/".join(parts), st.lists(_literal, min_size=1, max_size=5)))


@settings(max_examples=400, deadline=None)
@given(patterns, addresses)
def test_the_matcher_agrees_with_the_reference_and_its_work_is_bounded(pattern, address):
    try:
        compile_pattern(pattern)
    except OSCPatternError:
        return  # e.g. "[z-a]": refused by both (the reference would raise too)
    matched, steps = match_work(pattern, address)
    assert matched == reference(pattern, address), (pattern, address)
    assert steps <= WORK_FACTOR * (len(pattern) + 1) * (len(address) + 1), (pattern, address, steps)


@settings(max_examples=100, deadline=None)
@given(patterns)
def test_selecting_from_the_registry_agrees_with_the_reference(pattern):
    try:
        compiled = compile_pattern(pattern)
    except OSCPatternError:
        return
    assert compiled.select(ADDRESSES) == [a for a in ADDRESSES if reference(pattern, a)]


@pytest.mark.parametrize("stars", [9, 20, 60])
def test_patterns_that_make_regular_expressions_backtrack_cost_little(stars):
    pattern = "/live/*/get/" + "*" * stars + "!"
    address = "/live/track/get/" + "a" * 40
    matched, steps = match_work(pattern, address)
    assert not matched
    assert steps <= WORK_FACTOR * (len(pattern) + 1) * (len(address) + 1)
    pattern = "/live/*/get/" + "?*" * 40 + "!"
    matched, steps = match_work(pattern, address)
    assert not matched and steps <= WORK_FACTOR * (len(pattern) + 1) * (len(address) + 1)


def test_overlong_patterns_are_refused():
    with pytest.raises(OSCPatternError, match="longer than"):
        compile_pattern("/" + "*" * MAX_PATTERN)
