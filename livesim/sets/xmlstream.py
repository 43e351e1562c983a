"""Reading a Live Set's XML as a stream into a tree without the bulk the reader never uses.

A Live Set spends most of its XML on things livesim does not model: per-parameter automation
and modulation targets, lock envelopes, view state, frozen-clip copies, plug-in state blobs,
the inner workings of Simpler and EQ Eight, and indentation.  Building an element costs far more
than skipping text, so the decompressed text is pruned before the parser sees it, in C-speed
steps, and then parsed by ElementTree's C parser with no Python code per element:

1. ``unindent``: each chunk loses its indentation (one ``translate``).
2. ``cut_bulk``: whole subtrees in ``CUT`` are cut out of the text by name, nesting included.
3. ``drop``: the exact texts Live writes by the ten thousand that nothing reads
   (``<LomId Value="0" />`` ...) go, from the third of the text left.

All only ever remove whole elements that no reader looks at, so the set read is the same however
the file is chunked (a text split across two chunks is simply kept).  Text content is not used.
"""
import gzip
import re
import xml.etree.ElementTree as ET
import zlib
from xml.parsers import expat

from .errors import SetError
from .gcpause import gc_paused

CHUNK = 1 << 16

# Layout: Live indents with tabs and writes tabs and carriage returns inside attribute values as
# character references (&#x09; &#x0D;), so a literal one in its files only indents or ends a line.
# Newlines stay: a file from another writer may break a start tag between its attributes.
INDENT = b"\t\r"
# Elements Live writes in exactly these words by the ten thousand (indentation already gone) that no
# reader needs: ids for Max, lock flags, freeze state, an empty clip slot's holder, and the stop
# button every slot has unless removed (a slot without the element reads the same).  Each is a
# pass over the text: a rarer text costs more to remove than to parse.  Each goes with its line
# end, so no run of blank lines is left (the tree keeps each text between elements as a string).
DROP = (b'<LomId Value="0" />\n', b'<LockEnvelope Value="0" />\n', b'<NeedRefreeze Value="true" />\n',
        b'<ClipSlot>\n<Value />\n</ClipSlot>\n', b'<HasStop Value="true" />\n')
# Small subtrees written by the thousand in one shape: every parameter's modulation target and a
# MIDI mapping's on/off thresholds.
DROP_SHAPES = re.compile(b'(?:<ModulationTarget Id="[0-9]+">\\s*</ModulationTarget>'
                         b'|<MidiCCOnOffThresholds>\\s*<Min Value="[^"<]*" />\\s*<Max Value="[^"<]*" />\\s*'
                         b'</MidiCCOnOffThresholds>)\n?')

# Subtrees nothing reads, cut out of the text before the parser sees them: the cheapest element is
# one never parsed.  Never a device's class name (a device element's tag is its class).
CUT = (b"Player", b"FreezeSequencer", b"MidiControllers", b"Buffer", b"VolumeAndPan", b"Globals",
       b"SimplerSlicing", b"SideChainEq", b"SourceContext", b"LastPresetRef",
       b"Bands.0", b"Bands.1", b"Bands.2", b"Bands.3", b"Bands.4", b"Bands.5", b"Bands.6", b"Bands.7",
       b"FollowAction", b"ExpressionGrid", b"ScaleInformation", b"ScrollerTimePreserver",
       b"TimeSelection")


def _alternatives(tags):
    """A regular expression matching any of ``tags``, grouped by first letter (fewer branches to try)."""
    groups = {}
    for tag in tags:
        groups.setdefault(tag[:1], []).append(re.escape(tag[1:]))
    return b"|".join(re.escape(first) + (b"(?:" + b"|".join(rest) + b")" if len(rest) > 1 else rest[0])
                     for first, rest in sorted(groups.items()))


_CUT_OPEN = re.compile(b"<(" + _alternatives(CUT) + b")([ >/])")
_NESTED_OPEN = dict((tag, re.compile(b"<(" + re.escape(tag) + b")([ >/])")) for tag in CUT)
_LONGEST_OPEN = max(len(tag) for tag in CUT) + 3


def unindent(chunks):
    """``chunks`` (bytes) without indentation."""
    for chunk in chunks:
        yield chunk.translate(None, INDENT)


def drop(chunks):
    """``chunks`` (bytes) without the ``DROP`` texts and ``DROP_SHAPES``."""
    for chunk in chunks:
        for text in DROP:
            chunk = chunk.replace(text, b"")
        yield DROP_SHAPES.sub(b"", chunk)


def squeeze(chunks):
    """``chunks`` (bytes) without indentation and the ``DROP`` texts."""
    return drop(unindent(chunks))


def _open_tag_end(text, match):
    """(index after the start tag ``match`` begins, whether it closes itself), or None if cut short."""
    if match.group(2) == b">":
        return match.end(), False
    if match.group(2) == b"/":
        return (match.end() + 1, True) if len(text) > match.end() else None
    gt = text.find(b">", match.end())
    if gt < 0:
        return None
    return gt + 1, text[gt - 1:gt] == b"/"


def cut_bulk(chunks):
    """The XML text of ``chunks`` (bytes) without the ``CUT`` subtrees, as chunks."""
    pending = b""
    tag, depth = None, 0  # the subtree being cut and how deep in it the text is
    chunks = iter(chunks)
    last = False
    while not last:
        chunk = next(chunks, None)
        last = chunk is None
        pending += chunk or b""
        out = []
        pos = 0
        while True:
            if depth:
                closing = b"</" + tag + b">"
                end = pending.find(closing, pos)
                inner = _NESTED_OPEN[tag].search(pending, pos, len(pending) if end < 0 else end)
                if inner is not None:
                    after = _open_tag_end(pending, inner)
                    if after is None:
                        pos = inner.start()  # a start tag runs into the next chunk
                        break
                    pos = after[0]
                    depth += 0 if after[1] else 1
                    continue
                if end < 0:
                    pos = max(pos, len(pending) - len(closing) - 1)
                    break
                pos, depth = end + len(closing), depth - 1
                if not depth and pending[pos:pos + 1] == b"\n":
                    pos += 1  # with its line end: each text between elements is kept as a string
                continue
            match = _CUT_OPEN.search(pending, pos)
            if match is None:
                keep = len(pending) if last else max(pos, len(pending) - _LONGEST_OPEN)
                out.append(pending[pos:keep])
                pos = keep
                break
            after = _open_tag_end(pending, match)
            if after is None:
                out.append(pending[pos:match.start()])
                pos = match.start()  # the start tag runs into the next chunk
                break
            out.append(pending[pos:match.start()])
            pos = after[0]
            if not after[1]:
                tag, depth = match.group(1), 1
            elif pending[pos:pos + 1] == b"\n":
                pos += 1
        pending = pending[pos:]
        if out:
            yield b"".join(out)


def _parse_chunks(chunks):
    parser = ET.XMLParser()
    with gc_paused():
        for chunk in drop(cut_bulk(unindent(chunks))):
            parser.feed(chunk)
        return parser.close()


def _malformed(source, chunks, exc):
    """The SetError for malformed XML, placed in the file's own lines (the pruned text has others)."""
    parser = expat.ParserCreate()
    empty = True
    try:
        for chunk in chunks:
            empty = empty and not chunk.strip()
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exact:
        exc = exact
    if empty:
        return SetError("%s: the Live Set's XML is empty" % source)
    return SetError("%s: the Live Set's XML is malformed: %s" % (source, exc))


def _chunks_of(data):
    return (data[i:i + CHUNK] for i in range(0, len(data), CHUNK))


def parse_bytes(data, source="<als>"):
    """The pruned tree of Live Set XML ``data`` (bytes); SetError if it is not well-formed."""
    try:
        return _parse_chunks(_chunks_of(data))
    except ET.ParseError as exc:
        raise _malformed(source, _chunks_of(data), exc)


def _file_chunks(f):
    return iter(lambda: f.read(CHUNK), b"")


def parse_file(path):
    """The pruned tree of the ``.als`` file at ``path``, decompressed and parsed chunk by chunk."""
    try:
        with gzip.open(path, "rb") as f:
            try:
                return _parse_chunks(_file_chunks(f))
            except ET.ParseError as exc:
                f.seek(0)
                raise _malformed(path, _file_chunks(f), exc)
    except (OSError, EOFError, zlib.error) as exc:
        raise SetError("%s: not a readable Live Set (.als is gzip-compressed XML): %s" % (path, exc))
