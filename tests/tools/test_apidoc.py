"""docs/API.md is generated from the registry and must be current."""
import os

import pytest

from AbletonOSC.handlers import build_registry
from abletonosc_client import apidoc
from abletonosc_client.catalog import completion_entries


def test_docs_api_md_is_current():
    with open(apidoc.DEFAULT_OUTPUT, "r", encoding="utf-8") as handle:
        current = handle.read()
    assert current == apidoc.render(), "docs/API.md is stale: run `python -m abletonosc_client.apidoc`"


def test_every_address_and_status_message_is_documented():
    text = apidoc.render()
    for item in build_registry().describe():
        assert "| `%s` |" % item["address"] in text


def test_examples_come_from_the_entry_or_its_signature():
    assert apidoc.example_for({"address": "/live/clip/get/name", "kind": "get", "args": "track_id:T clip_id:i",
                               "example": ""}) == "/live/clip/get/name 0 0"
    assert apidoc.example_for({"address": "/live/song/set/tempo", "kind": "set", "args": "value:f",
                               "example": ""}) == "/live/song/set/tempo 120.0"
    assert apidoc.example_for({"address": "/x", "kind": "get", "args": "a:i b:i?", "example": "/x 5"}) == "/x 5"


def test_not_exposed_list_comes_from_the_registry():
    registry = build_registry()
    registry.not_exposed = [{"name": "Song.foo", "reason": "no OSC use"}, "Track.bar"]
    text = apidoc.render(registry)
    assert "| `Song.foo` | no OSC use |" in text and "| `Track.bar` |  |" in text


def test_check_mode(tmp_path):
    target = str(tmp_path / "API.md")
    assert apidoc.main(["--check", "--output", target]) == 1
    assert apidoc.main(["--output", target]) == 0
    assert apidoc.main(["--check", "--output", target]) == 0
    assert os.path.getsize(target) > 0


def test_completion_entries_follow_the_registry():
    entries = completion_entries()
    assert [e.address for e in entries] == [d["address"] for d in build_registry().describe()]
    tempo = [e for e in entries if e.address == "/live/song/get/tempo"][0]
    assert tempo.replies and tempo.kind == "get"


def test_docs_are_a_developer_command_not_the_users(tmp_path, capsys):
    import subprocess

    from abletonosc_client.cli import main

    assert main([]) == 2
    usage = capsys.readouterr().out
    assert "console" in usage and "docs" not in usage
    with pytest.raises(SystemExit):
        main(["docs", "--check"])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([os.path.join(root, "dev"), "docs", "--check"], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "is up to date" in result.stdout


def test_the_header_counts_the_rows():
    import re

    text = apidoc.render()
    total, answering, status = (int(n) for n in re.search(
        r"^(\d+) addresses: (\d+) that answer requests, and (\d+) status messages", text, re.M).groups())
    main = text.split("## Not exposed over OSC")[0]
    rows = [line for line in main.splitlines() if line.startswith("| `/")]
    assert total == len(rows) == answering + status
    assert status == len([line for line in main.split("## Status messages")[1].splitlines()
                          if line.startswith("| `/")])
