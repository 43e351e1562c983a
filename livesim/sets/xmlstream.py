"""Reading a Live Set's XML as a stream into a tree of only the elements the reader uses.

A Live Set spends most of its XML on things livesim does not model: per-parameter automation
and modulation targets, lock envelopes, view state, routing, frozen-clip copies, plug-in state
blobs.  Expat walks the file as it is decompressed; subtrees whose tag is in ``SKIP`` are passed
over without building elements, and text content is never kept, so the tree stays a small
fraction of a plain ElementTree parse in time and memory.
"""
import gzip
import re
import xml.etree.ElementTree as ET
import zlib
from xml.parsers import expat

from .errors import SetError

CHUNK = 1 << 20

# Subtrees nothing in livesim reads (any depth).
SKIP = frozenset([
    "LomId", "LomIdView", "LockEnvelope", "ModulationTarget", "MidiCCOnOffThresholds", "FreezeSequencer",
    "AutomationLanes", "ClipEnvelopeChooserViewState", "AudioInputRouting", "MidiInputRouting",
    "AudioOutputRouting", "MidiOutputRouting", "ScrollerTimePreserver", "TimeSelection", "Grid", "SourceContext",
    "LastPresetRef", "LockedScripts", "ViewData", "ViewStates", "Pointee", "ParametersListWrapper",
    "DevicesListWrapper", "ClipSlotsListWrapper", "ArrangementClipsListWrapper", "TakeLanesListWrapper",
    "SendsListWrapper", "TracksListWrapper", "VisibleTracksListWrapper", "ReturnTracksListWrapper",
    "ScenesListWrapper", "CuePointsListWrapper", "SignalModulations", "MidiControllers", "ExpressionLanes",
    "ContentLanes", "DetailClipKeyMidis", "TuningSystems", "SequencerNavigator",
    "TrackDelay", "VideoWindowRect", "NoteAlgorithms", "PreHearTrack", "ControllerLayoutCustomization",
    "Buffer", "ProcessorState", "VolumeModulationTarget", "TranspositionModulationTarget",
    "TransientEnvelopeModulationTarget", "GrainSizeModulationTarget", "FluxModulationTarget",
    "SampleOffsetModulationTarget", "ComplexProFormantsModulationTarget", "ComplexProEnvelopeModulationTarget",
    "FollowAction", "NoteEditorFoldInZoom", "ScaleInformation", "PresetRef", "BranchSourceContext",
    "MpePitchBendUsesTuning", "SessionScrollPos", "ExpressionGrid", "FadeViewState", "Player",
    "SampleWarpProperties", "KeyRange", "VelocityRange", "SelectorRange",
])


# The bulkiest of those subtrees (a Sampler's sample map, frozen-clip copies, MIDI controller
# targets, plug-in state) are cut out of the text before expat sees it: the cheapest element
# is one never parsed.  None of them nests inside itself.
CUT = (b"Player", b"FreezeSequencer", b"MidiControllers", b"Buffer")
_CUT_OPEN = re.compile(b"<(" + b"|".join(CUT) + b")([ >/])")
_LONGEST_OPEN = max(len(tag) for tag in CUT) + 3


def cut_bulk(chunks):
    """The XML text of ``chunks`` (bytes) without the ``CUT`` subtrees, as chunks."""
    pending = b""
    closing = None
    chunks = iter(chunks)
    last = False
    while not last:
        chunk = next(chunks, None)
        last = chunk is None
        pending += chunk or b""
        out = []
        pos = 0
        while True:
            if closing is not None:
                end = pending.find(closing, pos)
                if end < 0:
                    pos = max(pos, len(pending) - len(closing))
                    break
                pos, closing = end + len(closing), None
                continue
            match = _CUT_OPEN.search(pending, pos)
            if match is None:
                keep = pos if last else max(pos, len(pending) - _LONGEST_OPEN)
                out.append(pending[pos:len(pending) if last else keep])
                pos = len(pending) if last else keep
                break
            out.append(pending[pos:match.start()])
            if match.group(2) == b">":
                closing, pos = b"</" + match.group(1) + b">", match.end()
                continue
            gt = pending.find(b">", match.end() - 1)
            if gt < 0:
                pos = match.start()  # the start tag runs into the next chunk
                break
            if pending[gt - 1:gt] != b"/":
                closing = b"</" + match.group(1) + b">"
            pos = gt + 1
        pending = pending[pos:]
        if out:
            yield b"".join(out)


def _parser():
    """An expat parser building the pruned tree; ``close()`` on its ``builder`` returns the root.

    Kept elements go straight to the C TreeBuilder (its ``end`` is the end handler, no Python
    frame); at a skipped tag both handlers are swapped for depth counters until the subtree ends.
    """
    parser = expat.ParserCreate()
    parser.buffer_text = True
    builder = ET.TreeBuilder()
    build_start, build_end = builder.start, builder.end
    depth = [0]

    def start(tag, attrs):
        if tag in SKIP:
            depth[0] = 1
            parser.StartElementHandler = skip_start
            parser.EndElementHandler = skip_end
        else:
            build_start(tag, attrs)

    def skip_start(tag, attrs):
        depth[0] += 1

    def skip_end(tag):
        depth[0] -= 1
        if not depth[0]:
            parser.StartElementHandler = start
            parser.EndElementHandler = build_end

    parser.StartElementHandler = start
    parser.EndElementHandler = build_end
    return parser, builder


def parse_bytes(data, source="<als>"):
    """The pruned tree of Live Set XML ``data`` (bytes); SetError if it is not well-formed."""
    parser, builder = _parser()
    try:
        for chunk in cut_bulk([data]):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
        return builder.close()
    except expat.ExpatError as exc:
        raise SetError("%s: the Live Set's XML is malformed: %s" % (source, exc))
    except AssertionError:
        raise SetError("%s: the Live Set's XML is empty" % source)


def parse_file(path):
    """The pruned tree of the ``.als`` file at ``path``, decompressed and parsed chunk by chunk."""
    parser, builder = _parser()
    try:
        with gzip.open(path, "rb") as f:
            for chunk in cut_bulk(iter(lambda: f.read(CHUNK), b"")):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
        return builder.close()
    except (OSError, EOFError, zlib.error) as exc:
        raise SetError("%s: not a readable Live Set (.als is gzip-compressed XML): %s" % (path, exc))
    except expat.ExpatError as exc:
        raise SetError("%s: the Live Set's XML is malformed: %s" % (path, exc))
    except AssertionError:
        raise SetError("%s: the Live Set's XML is empty" % path)
