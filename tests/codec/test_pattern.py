"""OSC 1.0 address patterns and OSC 1.1's '//'."""
import pytest

from AbletonOSC.osc import OSCPatternError, compile_pattern, is_pattern, pattern_matches


@pytest.mark.parametrize("pattern, address, matches", [
    # literal, anchored at both ends
    ("/live/song/get/tempo", "/live/song/get/tempo", True),
    ("/live/song/get/tempo", "/live/song/get/tempo/x", False),
    ("/live/song/get/tempo", "/x/live/song/get/tempo", False),
    ("/live/song/get/temp", "/live/song/get/tempo", False),
    # '?' is one character, never '/'
    ("/live/?ong", "/live/song", True),
    ("/live/?ong", "/live/ong", False),
    ("/live?song", "/live/song", False),
    # '*' is any run inside one level, including none; never crosses '/'
    ("/live/track/get/*", "/live/track/get/volume", True),
    ("/live/track/get/*", "/live/track/get/clips/name", False),
    ("/live/*/get/tempo", "/live/song/get/tempo", True),
    ("/live/*/tempo", "/live/song/get/tempo", False),
    ("/live/s*g/get/tempo", "/live/song/get/tempo", True),
    ("/live/song/get/*o", "/live/song/get/tempo", True),
    ("/live/song/get/t*", "/live/song/get/t", True),
    ("/*", "/live", True),
    ("/*", "/live/song", False),
    # character classes
    ("/track/[0-9]", "/track/7", True),
    ("/track/[0-9]", "/track/a", False),
    ("/track/[abc]x", "/track/bx", True),
    ("/track/[abc]x", "/track/dx", False),
    ("/track/[!abc]x", "/track/dx", True),
    ("/track/[!abc]x", "/track/ax", False),
    ("/a[!x]b", "/a/b", False),
    ("/track/[a-c0-2]", "/track/1", True),
    ("/track/[a-]", "/track/-", True),
    ("/track/[.]", "/track/.", True),
    ("/track/[.]", "/track/x", False),
    ("/track/[^]", "/track/^", True),
    # alternatives
    ("/live/{song,track}/get/name", "/live/track/get/name", True),
    ("/live/{song,track}/get/name", "/live/song/get/name", True),
    ("/live/{song,track}/get/name", "/live/clip/get/name", False),
    ("/live/{song,track}", "/live/songtrack", False),
    ("/a/{x.y,z}", "/a/xzy", False),
    ("/a/{x.y,z}", "/a/x.y", True),
    ("/a/{,b}c", "/a/c", True),
    # OSC 1.1 '//': any number of levels (including none)
    ("//tempo", "/tempo", True),
    ("//tempo", "/live/song/get/tempo", True),
    ("//tempo", "/live/song/get/tempox", False),
    ("/live//name", "/live/track/get/name", True),
    ("/live//name", "/live/name", True),
    ("/live//name", "/livex/name", False),
    ("/live//get/*", "/live/clip/get/length", True),
    ("/live//get/*", "/live/clip/set/length", False),
    # regex metacharacters are literal
    ("/a.b", "/a.b", True),
    ("/a.b", "/axb", False),
    ("/a+b(c)$", "/a+b(c)$", True),
    ("/a\\b", "/a\\b", True),
])
def test_pattern_matches(pattern, address, matches):
    assert pattern_matches(pattern, address) is matches


@pytest.mark.parametrize("pattern", ["/a/[bc", "/a/{b,c", "/a]", "/a}", "/a/[]", "/a/[!]",
                                     "/a/[z-a]", "/a/{b*,c}", "/a/[a/b]", "/a/{b/c,d}"])
def test_malformed_patterns_raise(pattern):
    with pytest.raises(OSCPatternError):
        compile_pattern(pattern)
    with pytest.raises(ValueError):
        pattern_matches(pattern, "/a/b")


@pytest.mark.parametrize("address, expected", [
    ("/live/song/get/tempo", False), ("/live/*/get", True), ("/a?", True), ("/a/[0-3]", True),
    ("/a/{b,c}", True), ("//tempo", True), ("/a/b//c", True), ("/a/b,c", False), ("/a!b", False),
])
def test_is_pattern(address, expected):
    assert is_pattern(address) is expected


def test_compiled_patterns_are_cached_and_bounded():
    compile_pattern.cache_clear()
    first = compile_pattern("/live/*/x")
    assert compile_pattern("/live/*/x") is first
    for i in range(3000):
        compile_pattern("/p%d/*" % i)
    info = compile_pattern.cache_info()
    assert info.currsize <= info.maxsize < 3000
