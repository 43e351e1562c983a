"""Reading a Live Set's XML as a stream into a tree of only the elements the reader uses.

A Live Set spends most of its XML on things livesim does not model: per-parameter automation
and modulation targets, lock envelopes, view state, routing, frozen-clip copies, plug-in state
blobs.  Expat walks the file as it is decompressed; subtrees whose tag is in ``SKIP`` are passed
over without building elements, and text content is never kept, so the tree stays a small
fraction of a plain ElementTree parse in time and memory.
"""
import gzip
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
    "ContentLanes", "DetailClipKeyMidis", "TuningSystems", "SequencerNavigator", "AutomationEnvelopes",
    "TrackDelay", "VideoWindowRect", "NoteAlgorithms", "PreHearTrack", "ControllerLayoutCustomization",
    "Buffer", "ProcessorState", "VolumeModulationTarget", "TranspositionModulationTarget",
    "TransientEnvelopeModulationTarget", "GrainSizeModulationTarget", "FluxModulationTarget",
    "SampleOffsetModulationTarget", "ComplexProFormantsModulationTarget", "ComplexProEnvelopeModulationTarget",
    "FollowAction", "NoteEditorFoldInZoom", "ScaleInformation", "PresetRef", "BranchSourceContext",
    "MpePitchBendUsesTuning", "SessionScrollPos", "ExpressionGrid", "FadeViewState", "Player",
    "SampleWarpProperties", "KeyRange", "VelocityRange", "SelectorRange", "FloatEvent", "BoolEvent", "EnumEvent",
])


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
        parser.Parse(data, True)
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
            while True:
                chunk = f.read(CHUNK)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    break
        return builder.close()
    except (OSError, EOFError, zlib.error) as exc:
        raise SetError("%s: not a readable Live Set (.als is gzip-compressed XML): %s" % (path, exc))
    except expat.ExpatError as exc:
        raise SetError("%s: the Live Set's XML is malformed: %s" % (path, exc))
    except AssertionError:
        raise SetError("%s: the Live Set's XML is empty" % path)
