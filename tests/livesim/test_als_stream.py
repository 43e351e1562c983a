"""The streaming reader: bulky subtrees cut from the text at any chunk boundary, the rest kept."""
import random

from livesim.sets.xmlstream import cut_bulk, parse_bytes

XML = (b'<Ableton><LiveSet><A Value="1" /><Player><X><Y /></X></Player><B>'
       b'<Buffer>00ff00ff</Buffer><Buffer /><FreezeSequencer Id="3"><ClipSlotList /></FreezeSequencer>'
       b'<PlayerState Value="2" /><C Value="&lt;Player&gt;" /></B>'
       b'<MidiControllers><ControllerTargets.0 /></MidiControllers><LomId Value="0" /><D /></LiveSet></Ableton>')


def canon(elem):
    return (elem.tag, sorted(elem.attrib.items()), [canon(c) for c in elem])


def test_cut_bulk_removes_whole_subtrees_and_keeps_look_alikes():
    text = b"".join(cut_bulk([XML]))
    assert b"Player>" not in text and b"Buffer" not in text and b"FreezeSequencer" not in text
    assert b"MidiControllers" not in text
    assert b'<PlayerState Value="2" />' in text and b'<C Value="&lt;Player&gt;" />' in text


def test_any_chunking_gives_the_same_tree():
    whole = canon(parse_bytes(XML))
    assert [c[0] for c in whole[2][0][2]] == ["A", "B", "D"]
    rng = random.Random(7)
    for size in [1, 2, 3, 5, 8, 13] + [rng.randint(1, 40) for _ in range(30)]:
        chunks = [XML[i:i + size] for i in range(0, len(XML), size)]
        assert b"".join(cut_bulk(chunks)) == b"".join(cut_bulk([XML])), size
