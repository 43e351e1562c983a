"""The registry, without Live: every contract address declared once, signatures, coercion."""
import os

import pytest

from AbletonOSC.handlers import build_registry
from AbletonOSC.handlers.registry import parse_signature, signature_text
from AbletonOSC.handlers.types import ArgumentError, to_bool, to_float, to_int, to_str
from tests.tooling import IN_CI

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONTRACT = os.path.join(ROOT, "..", "shared", "reference", "upstream-api.tsv")


def contract_rows():
    if not os.path.exists(CONTRACT):
        if IN_CI:
            pytest.fail("the compatibility contract %s is missing" % CONTRACT)
        pytest.skip("the compatibility contract is not beside the project")
    with open(CONTRACT) as handle:
        lines = handle.read().splitlines()[1:]
    return [line.split("\t") for line in lines]


@pytest.fixture(scope="module")
def registry():
    return build_registry()


def test_every_contract_address_is_registered(registry):
    rows = contract_rows()
    assert len(rows) == 497
    handled = [row[0] for row in rows if row[1] != "status"]
    missing = [address for address in handled if address not in registry.entries]
    assert missing == []
    statuses = {entry.address for entry in registry.order if entry.kind == "status"}
    assert {row[0] for row in rows if row[1] == "status"} <= statuses


def test_kinds_match_the_contract(registry):
    for address, kind, obj, *_ in contract_rows():
        if kind == "status":
            continue
        assert registry.entries[address].kind == kind, address


def test_every_entry_describes_itself(registry):
    described = registry.describe()
    assert len(described) == len(registry.order)
    for item in described:
        assert item["address"].startswith("/live/") or item["address"] == "/live/test"
        assert item["doc"], item["address"]
        parse_signature(item["args"])  # parses back


def test_describe_filters_by_pattern(registry):
    addresses = [item["address"] for item in registry.describe("/live/song/get/*")]
    assert "/live/song/get/tempo" in addresses
    assert all(a.startswith("/live/song/get/") and a.count("/") == 4 for a in addresses)


def test_wildcards_reach_properties_never_methods(registry):
    matches = registry.matching("/live/song/*")
    assert matches == []  # every /live/song/X is a method: a stray pattern cannot undo or delete
    kinds = {entry.kind for entry in registry.matching("/live/track/get/*")}
    assert kinds == {"get"}


def test_signature_round_trip():
    args = parse_signature("track_id:T clip_id:i value:f? rest:x*")
    assert [a.name for a in args] == ["track_id", "clip_id", "value", "rest"]
    assert args[2].optional and args[3].variadic
    assert signature_text(args) == "track_id:T clip_id:i value:f? rest:x*"


@pytest.mark.parametrize("value, expected", [(1, 1), (2.0, 2), (True, 1), ("7", 7)])
def test_to_int_accepts_whole_numbers(value, expected):
    assert to_int(value) == expected


@pytest.mark.parametrize("value", [1.5, float("nan"), float("inf"), "x", None, b"1"])
def test_to_int_refuses(value):
    with pytest.raises(ArgumentError):
        to_int(value)


@pytest.mark.parametrize("value, expected", [(0, False), (1, True), (0.0, False), (1.0, True), ("true", True),
                                             ("off", False), (False, False)])
def test_to_bool(value, expected):
    assert to_bool(value) is expected


@pytest.mark.parametrize("value", [float("nan"), "maybe", None])
def test_to_bool_refuses(value):
    with pytest.raises(ArgumentError):
        to_bool(value)


def test_to_float_and_str():
    assert to_float(3) == 3.0 and isinstance(to_float(3), float)
    with pytest.raises(ArgumentError):
        to_float(float("nan"))
    assert to_str(b"abc") == "abc"
    with pytest.raises(ArgumentError):
        to_str(1)
