"""How much of Live 12.3.6's object model the addresses reach, measured against the LiveTree capture.

For each class of ``coverage.CLASSES``: the members that count (``coverage.counted``: properties and
methods, without dunders, private names, ``canonical_parent`` and listener triples), how many an
address reaches (``Entry.members``), and how many are left out on purpose (``coverage.NOT_EXPOSED``,
which do not count as reached). The table is printed; the test fails below 90% reached overall.
"""
import json
import os

import pytest

from AbletonOSC.handlers import build_registry
from AbletonOSC.handlers.coverage import CLASSES, NOT_EXPOSED, counted
from tests.tooling import IN_CI

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAPTURES = os.path.join(ROOT, "..", "shared", "live-api")
THRESHOLD = 0.90


def load_classes(version):
    """{qualname without module ("Song.View"): {member: kind}} from a LiveTree capture.

    A class's "__bases__" entry lists its Live base classes (RackDevice: Device), whose addresses
    reach the members it inherits.
    """
    path = os.path.join(CAPTURES, "LiveTree-%s.json" % version)
    if not os.path.exists(path):
        if IN_CI:
            pytest.fail("Live API capture missing: %s" % path, pytrace=False)
        pytest.skip("Live API capture missing: %s" % path)
    with open(path) as handle:
        tree = json.load(handle)["tree"]
    classes = {}

    def walk(node, qual):
        members = {"__bases__": [text.split("'")[1].rpartition(".")[2] for text in node.get("ancestors", ())
                                 if "'" in text]}
        for child in node.get("children", []):
            if child.get("type") == "class":
                walk(child, qual + "." + child["name"])
            elif child.get("type") in ("property", "function"):
                members[child["name"]] = child["type"]
        classes[qual] = members

    for module in tree.get("children", []):
        for node in module.get("children", []):
            if node.get("type") == "class":
                walk(node, node["name"])
    return classes


@pytest.fixture(scope="module")
def registry():
    return build_registry()


@pytest.fixture(scope="module")
def live12():
    return load_classes("12.3.6")


def measure(registry, classes):
    """Rows (class, counted, reached, not exposed, missing names) for CLASSES."""
    reached = registry.coverage()
    rows = []
    for cls in CLASSES:
        names = sorted(name for name in classes[cls] if counted(name))
        have = set(reached.get(cls, ()))
        for base in classes[cls]["__bases__"]:
            have.update(reached.get(base, ()))
        hit = [name for name in names if name in have]
        skipped = [name for name in names if name not in have and "%s.%s" % (cls, name) in NOT_EXPOSED]
        missing = [name for name in names if name not in have and "%s.%s" % (cls, name) not in NOT_EXPOSED]
        rows.append((cls, len(names), len(hit), len(skipped), missing))
    return rows


def test_coverage_of_the_object_model(registry, live12):
    rows = measure(registry, live12)
    total = sum(row[1] for row in rows)
    hit = sum(row[2] for row in rows)
    lines = ["", "Live 12.3.6 members reachable over OSC (properties and methods; threshold %d%%):"
             % (THRESHOLD * 100),
             "%-18s %7s %7s %12s %7s" % ("class", "members", "reached", "not exposed", "share")]
    for cls, count, reached, skipped, missing in rows:
        share = float(reached) / count if count else 1.0
        flag = "" if share >= THRESHOLD else "  < %d%%" % (THRESHOLD * 100)
        lines.append("%-18s %7d %7d %12d %6.1f%%%s" % (cls, count, reached, skipped, share * 100, flag))
    lines.append("%-18s %7d %7d %12d %6.1f%%" % ("overall", total, hit, sum(r[3] for r in rows),
                                                 100.0 * hit / total))
    for cls, count, reached, skipped, missing in rows:
        if missing:
            lines.append("missing in %s: %s" % (cls, " ".join(missing)))
    report = "\n".join(lines)
    print(report)
    assert float(hit) / total >= THRESHOLD, report


def test_not_exposed_names_members_of_live_that_no_address_reaches(registry, live12):
    reached = registry.coverage()
    for name, reason in NOT_EXPOSED.items():
        cls, _, member = name.rpartition(".")
        assert cls in live12 and member in live12[cls], "%s is not a member of Live 12.3.6" % name
        assert member not in reached.get(cls, ()), "%s is listed as not exposed but an address reaches it" % name
        assert reason.strip(), name


def test_members_named_by_addresses_exist_in_live(registry, live12):
    live11 = load_classes("11.0.0")
    unknown = []
    for entry in registry.order:
        for member in entry.members:
            cls, _, name = member.rpartition(".")
            if (cls not in live12 and cls not in live11) or name.startswith("__"):
                continue  # module functions (MidiMap.map_midi_cc) and dunders are not class members
            if name not in live12.get(cls, {}) and name not in live11.get(cls, {}):
                unknown.append("%s (%s)" % (member, entry.address))
    assert not unknown, "members Live does not have: %s" % ", ".join(unknown)


def test_registry_lists_what_is_not_exposed(registry):
    names = [item["name"] for item in registry.not_exposed]
    assert names == sorted(NOT_EXPOSED)
