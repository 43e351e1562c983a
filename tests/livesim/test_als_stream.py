"""The streaming reader: bulky subtrees and layout cut from the text at any chunk boundary, the set read unchanged."""
import glob
import gzip
import os
import random
import xml.etree.ElementTree as ET

import pytest

from livesim import device_library as lib
from livesim.sets import SetError, als, xmlstream
from livesim.sets.devices import DISPLAY_NAMES
from livesim.sets.xmlstream import CUT, cut_bulk, parse_bytes, squeeze

XML = (b'<Ableton><LiveSet><A Value="1" /><Player><X><Y /></X></Player><B>'
       b'<Buffer>00ff00ff</Buffer><Buffer /><FreezeSequencer Id="3"><ClipSlotList /></FreezeSequencer>'
       b'<PlayerState Value="2" /><C Value="&lt;Player&gt;" /></B>'
       b'<MidiControllers><ControllerTargets.0 /></MidiControllers><LomId Value="0" /><D /></LiveSet></Ableton>')

SHARED = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "sets"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/sets"
REAL_SETS = sorted(glob.glob(os.path.join(SHARED, "real", "*.als"))) + [os.path.join(SHARED, "pylive-Tests.als")]


def canon(elem):
    return (elem.tag, sorted(elem.attrib.items()), [canon(c) for c in elem])


def test_cut_bulk_removes_whole_subtrees_and_keeps_look_alikes():
    text = b"".join(cut_bulk([XML]))
    assert b"Player>" not in text and b"Buffer" not in text and b"FreezeSequencer" not in text
    assert b"MidiControllers" not in text
    assert b'<PlayerState Value="2" />' in text and b'<C Value="&lt;Player&gt;" />' in text


def test_a_cut_subtree_holding_its_own_name_is_cut_whole():
    xml = (b'<R><Buffer><Buffer><Buffer /></Buffer><Buffer Value="1" /><X><Buffer>t</Buffer></X></Buffer><Keep />'
           b'<Buffer Id="2" /><BufferLine Value="3" /></R>')
    assert b"".join(cut_bulk([xml])) == b'<R><Keep /><BufferLine Value="3" /></R>'
    for size in range(1, 12):
        assert b"".join(cut_bulk([xml[i:i + size] for i in range(0, len(xml), size)])) == \
            b'<R><Keep /><BufferLine Value="3" /></R>', size


def test_any_chunking_gives_the_same_tree():
    whole = canon(parse_bytes(XML))
    assert [c[0] for c in whole[2][0][2]] == ["A", "B", "LomId", "D"]  # a drop needs its line end
    rng = random.Random(7)
    for size in [1, 2, 3, 5, 8, 13] + [rng.randint(1, 40) for _ in range(30)]:
        chunks = [XML[i:i + size] for i in range(0, len(XML), size)]
        assert b"".join(cut_bulk(chunks)) == b"".join(cut_bulk([XML])), size


def test_squeeze_drops_layout_and_the_bulk_live_writes_in_one_shape():
    xml = (b'<P>\r\n\t<LomId Value="0" />\n\t<Manual Value="a&#x09;b" />\n\t<AutomationTarget Id="7">\n\t\t'
           b'<LockEnvelope Value="0" />\n\t</AutomationTarget>\n\t<ModulationTarget Id="8">\n\t\t'
           b'<LockEnvelope Value="0" />\n\t</ModulationTarget>\n\t<LomId Value="3" />\n</P>')
    text = b"".join(squeeze([xml]))
    assert text == (b'<P>\n<Manual Value="a&#x09;b" />\n<AutomationTarget Id="7">\n</AutomationTarget>\n'
                    b'<LomId Value="3" />\n</P>')
    assert ET.fromstring(text).find("Manual").get("Value") == "a\tb"
    # A start tag broken between its attributes (not Live's layout, but XML) keeps its name.
    assert b"".join(squeeze([b'<P><Manual\n  Value="1" /></P>'])) == b'<P><Manual\n  Value="1" /></P>'


def test_cut_names_no_device_class():
    classes = set(DISPLAY_NAMES) | set(lib.LIBRARY) | set(lib.PLUGIN_CLASSES) | set(lib.MAX_CLASSES)
    classes |= {"SpectrumAnalyzer"}  # Spectrum's class; EQ Eight also holds an element of that name
    assert not classes & set(tag.decode() for tag in CUT)


def _need_sets():
    if not os.path.isdir(os.path.join(SHARED, "real")):
        pytest.fail("shared/sets/real is missing") if os.environ.get("CI") else pytest.skip("no shared/sets/real")


def _full_read(path, version):
    """The set dict read from a plain ElementTree of the whole file (nothing cut)."""
    with gzip.open(path, "rb") as f:
        root = ET.fromstring(f.read())
    report = []
    return als._read(root, path, False, version, report), report


@pytest.mark.parametrize("path", REAL_SETS, ids=[os.path.basename(p) for p in REAL_SETS])
def test_every_real_set_reads_the_same_as_from_the_whole_tree(path):
    _need_sets()
    report = []
    data = als.read_als(path, version=(11, 0, 0), report=report)
    assert (data, report) == _full_read(path, (11, 0, 0))


def test_small_chunks_read_the_same_set(monkeypatch):
    _need_sets()
    path = os.path.join(SHARED, "real", "SonicZentropy__GitLive__test.als")
    whole = als.read_als(path)
    monkeypatch.setattr(xmlstream, "CHUNK", 997)
    assert als.read_als(path) == whole


def test_malformed_xml_is_placed_in_the_files_own_lines(tmp_path):
    path = str(tmp_path / "bad.als")
    with gzip.open(path, "wb") as f:
        f.write(b'<Ableton>\n\t<LiveSet>\n\t\t<LomId Value="0" />\n\t\t<Tracks>\n\t</LiveSet>\n</Ableton>\n')
    with pytest.raises(SetError) as info:
        als.read_als(path)
    assert "malformed" in str(info.value) and "line 5" in str(info.value)
    with pytest.raises(SetError) as info:
        als.parse_als(b"  \n")
    assert "empty" in str(info.value)
