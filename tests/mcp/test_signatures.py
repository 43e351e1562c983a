"""Named arguments and replies from the registry's signatures, the address search, and the
composite tools' argument checks (no SDK needed: these run under every Python)."""
import pytest

from abletonosc_client.catalog import completion_entries
from abletonosc_client.mcp_server.addressbook import AddressBook
from abletonosc_client.mcp_server.composite import TrackNames, note_values, pitch_of
from abletonosc_client.mcp_server.connection import LiveError, _chunks, script_text
from abletonosc_client.mcp_server.signatures import (ArgumentProblem, TYPE_HELP, bind, name_values, parse_args,
                                                     parse_reply)

BOOK = AddressBook.from_package()


def signature(address):
    return BOOK.get(address).args


def test_bind_orders_and_converts_named_arguments():
    assert bind("/a", "track_id:T clip_id:i value:f", {"value": 2, "clip_id": 1.0, "track_id": "master"}) == [
        "master", 1, 2.0]
    assert bind("/a", "track_id:T device_id:D", {"track_id": "A", "device_id": "0.1.2"}) == ["A", "0.1.2"]
    assert bind("/a", "track_id:T note_id:i*", {"track_id": 0, "note_id": [3, 4]}) == [0, 3, 4]
    assert bind("/a", "pattern:s? start:i? count:i?", {"pattern": "/x", "start": 0}) == ["/x", 0]
    assert bind("/a", "value:b", {"value": "true"}) == [True]
    assert bind("/a", "", None) == []


@pytest.mark.parametrize("spec, named, words", [
    ("value:f", {"value": "fast"}, "value must be a number"),
    ("value:i", {"value": 1.5}, "value must be a whole number"),
    ("value:b", {"value": 2}, "value must be true or false"),
    ("track_id:T", {"track_id": "drums"}, "track_id must be a track index"),
    ("track_id:T", {"track": 0}, "has no argument 'track' (did you mean 'track_id'?)"),
    ("track_id:T clip_id:i", {"track_id": 0}, "needs clip_id"),
    ("pattern:s? start:i?", {"start": 3}, "give pattern too"),
    ("name:s", {"name": 5}, "name must be a string"),
])
def test_bind_refuses_what_the_signature_does_not_allow(spec, named, words):
    with pytest.raises(ArgumentProblem) as caught:
        bind("/live/x", spec, named)
    assert words in str(caught.value)
    assert str(caught.value).startswith("/live/x")


def test_every_registry_signature_parses():
    for entry in completion_entries():
        assert all(arg.type in TYPE_HELP for arg in parse_args(entry.args)), entry.address
        _target, items = parse_reply(entry.reply)
        assert bool(items) == (":" in entry.reply), entry.address


def test_replies_are_named():
    assert name_values("track_id:i name:s", (0, "Bass")) == {"track_id": 0, "name": "Bass"}
    assert name_values("track_id:i name:s* (nil for empty slots)", (1, "a", None)) == {
        "track_id": 1, "name": ["a", None]}
    assert name_values("(name:s time:f)*", ("Intro", 0.0, "Drop", 32.0), "cue_points") == {
        "cue_points": [{"name": "Intro", "time": 0.0}, {"name": "Drop", "time": 32.0}]}
    assert name_values("(class:s count:i member:s*)*", ("Song", 2, "tempo", "undo", "Clip", 1, "name")) == {
        "items": [{"class": "Song", "count": 2, "member": ["tempo", "undo"]},
                  {"class": "Clip", "count": 1, "member": ["name"]}]}
    assert name_values("tempo:f", (120.0, "extra")) == {"tempo": 120.0, "more": ["extra"]}
    assert name_values("data:x", (b"\x01\xff",)) == {"data": "01ff"}
    assert name_values("volume:f", (0.8500000238418579,)) == {"volume": 0.85}
    assert name_values("time:f", (0.1,)) == {"time": 0.1}  # not a float32: kept as it is
    assert parse_reply("-> /live/song/get/tempo tempo:f")[0] == "/live/song/get/tempo"


def test_search_finds_addresses_by_words_and_synonyms():
    def found(text, **options):
        return [e.address for e in BOOK.search(text, **options)]

    assert "/live/clip/add/warp_marker" in found("warp markers")
    assert "/live/song/set/tempo" in found("bpm", kind="set")
    assert "/live/song/cue_point/set/name" in found("locator name")
    assert all("/start_listen/" not in a for a in found("tempo"))
    assert "/live/song/start_listen/tempo" in found("tempo", kind="start_listen")
    assert found("zzzz") == []


def test_server_catalogue_keeps_descriptions_and_adds_new_addresses():
    from abletonosc_client.catalog import AddressInfo

    merged = BOOK.merged_with_server([AddressInfo("/live/song/get/tempo", "", "tempo:f"),
                                      AddressInfo("/live/new/get/thing", "index:i", "index:i thing:s")])
    assert merged.get("/live/song/get/tempo").doc == BOOK.get("/live/song/get/tempo").doc
    assert merged.get("/live/new/get/thing").kind == "get"
    assert merged.get("/live/song/set/tempo") is None


def test_note_names_and_note_values():
    assert [pitch_of(p) for p in ("C3", "C-2", "F#2", "Bb1", 64, "G8")] == [60, 0, 54, 46, 64, 127]
    with pytest.raises(LiveError):
        pitch_of("H2")
    assert note_values({"pitch": "A3", "start": 1}) == [69, 1.0, 1.0, 100.0, False, 1.0, 0.0, 64.0]
    with pytest.raises(LiveError, match="probability must be from 0 to 1"):
        note_values({"pitch": 60, "start": 0, "probability": 2})


def test_tracks_by_index_name_return_and_master():
    names = TrackNames(["Drums", "Bass", "bass 2"], ["A-Reverb", "B-Delay"])
    assert [names.resolve(r) for r in (1, "2", "Drums", "drums", "Bass", "B-Delay", "b", "master")] == [
        1, 2, 0, 0, 1, "B", "B", "master"]
    assert names.send_index("A-Reverb") == 0 and names.send_index("B") == 1 and names.send_index(1) == 1
    with pytest.raises(LiveError, match="Did you mean 'Drums'"):
        names.resolve("Drum")
    with pytest.raises(LiveError, match="There is no track 7"):
        names.resolve(7)
    with pytest.raises(LiveError, match="not a return track"):
        names.send_index("Drums")


def test_long_batches_are_split_into_bundles_in_order():
    messages = [("/live/clip/add/notes_extended", [0, 0] + [60, 0.0, 1.0, 100.0, False, 1.0, 0.0, 64.0] * 200)] * 6
    chunks = _chunks(messages)
    assert len(chunks) > 1 and [m for chunk in chunks for m in chunk] == messages
    assert script_text("Error handling OSC message: Index out of range") == "Index out of range"


def test_docs_name_every_tool():
    import os

    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "docs", "MCP.md")) as handle:
        docs = handle.read()
    with open(os.path.join(root, "abletonosc_client", "mcp_server", "server.py")) as handle:
        source = handle.read()
    import re

    tools = re.findall(r"@tool\([^)]*\)\n    async def (\w+)", source)
    assert len(tools) == 12
    for name in tools:
        assert "`%s`" % name in docs, name
    with open(os.path.join(root, "README.md")) as handle:
        assert '"mcpServers"' in handle.read()


def test_without_the_sdk_the_command_says_how_to_get_it(monkeypatch, capsys):
    from abletonosc_client import mcp_server
    from abletonosc_client.cli import build_parser

    options = build_parser().parse_args(["mcp", "--read-only", "--http", "0", "--reply-port", "0"])
    assert (options.read_only, options.http, options.reply_port) == (True, 0, 0)
    monkeypatch.setattr(mcp_server, "sdk_available", lambda: False)
    assert mcp_server.run(options) == 2
    assert 'pip install "abletonosc[mcp]"' in capsys.readouterr().err
