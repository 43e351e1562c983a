"""How much of Live 12.3.6's object model the addresses reach, measured against the LiveTree capture.

What counts: every class of the capture that a set is made of (``coverage.measured_class`` leaves
out containers, licensing and its dialogs, MIDI feedback rules...), each member once, in the class
that defines it (SimplerDevice counts its own members; those it inherits count in Device), plus the
functions of the modules in ``coverage.MODULE_FUNCTIONS``. Members are properties and methods
without dunders, private names, ``canonical_parent`` and listener triples (``coverage.counted``).
An address reaches what its ``Entry.members`` name; ``coverage.NOT_EXPOSED`` lists what is left out
on purpose (not counted as reached). The table is printed; the test fails below 95% reached.
"""
import json
import os

import pytest

from AbletonOSC.handlers import build_registry
from AbletonOSC.handlers.coverage import MODULE_FUNCTIONS, NOT_EXPOSED, counted, measured_class
from tests.tooling import IN_CI

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAPTURES = os.path.join(ROOT, "..", "shared", "live-api")
THRESHOLD = 0.95


def load_capture(version):
    """(classes, functions): {qualname: {"module", "bases", "members"}}, {module: [function names]}.

    Qualnames leave out the module ("Song.View", "Sample"), as the registry's members do; a class's
    bases are qualnames too ("Device", "Device.View").
    """
    path = os.path.join(CAPTURES, "LiveTree-%s.json" % version)
    if not os.path.exists(path):
        if IN_CI:
            pytest.fail("Live API capture missing: %s" % path, pytrace=False)
        pytest.skip("Live API capture missing: %s" % path)
    with open(path) as handle:
        tree = json.load(handle)["tree"]
    classes = {}
    functions = {}

    def walk(node, module, qual):
        bases = []
        for text in node.get("ancestors", ()):
            if "'" in text:
                # "<class 'Device.Device'>" is class Device, "<class 'Device.View'>" is Device.View.
                base_module, _, base = text.split("'")[1].partition(".")
                bases.append(base_module + ".View" if base == "View" else base)
        members = set()
        for child in node.get("children", []):
            if child.get("type") == "class":
                walk(child, module, qual + "." + child["name"])
            elif child.get("type") in ("property", "function"):
                members.add(child["name"])
        classes[qual] = {"module": module, "bases": bases, "members": members}

    for module in tree.get("children", []):
        for node in module.get("children", []):
            if node.get("type") == "class":
                walk(node, module["name"], node["name"])
            elif node.get("type") == "function":
                functions.setdefault(module["name"], []).append(node["name"])
    return classes, functions


def own_members(classes, qual):
    """The counted members class ``qual`` defines itself (not those of its Live bases)."""
    inherited = set()
    for base in classes[qual]["bases"]:
        if base in classes:
            inherited |= classes[base]["members"]
    return sorted(name for name in classes[qual]["members"] if counted(name) and name not in inherited)


@pytest.fixture(scope="module")
def registry():
    return build_registry()


@pytest.fixture(scope="module")
def live12():
    return load_capture("12.3.6")


def measure(registry, capture):
    """Rows (class or "module Song", counted, reached, not exposed, missing names)."""
    classes, functions = capture
    reached = registry.coverage()
    groups = [(qual, qual, own_members(classes, qual)) for qual in sorted(classes)
              if measured_class(classes[qual]["module"], qual)]
    groups += [("module " + module, module, sorted(functions.get(module, ()))) for module in MODULE_FUNCTIONS]
    rows = []
    for label, key, names in groups:
        if not names:
            continue
        have = set(reached.get(key, ()))
        hit = [name for name in names if name in have]
        skipped = [name for name in names if name not in have and "%s.%s" % (key, name) in NOT_EXPOSED]
        missing = [name for name in names if name not in have and "%s.%s" % (key, name) not in NOT_EXPOSED]
        rows.append((label, len(names), len(hit), len(skipped), missing))
    return rows


def test_coverage_of_the_object_model(registry, live12):
    rows = measure(registry, live12)
    total = sum(row[1] for row in rows)
    hit = sum(row[2] for row in rows)
    lines = ["", "Live 12.3.6 members reachable over OSC (properties and methods; threshold %d%%):"
             % (THRESHOLD * 100),
             "%-26s %7s %7s %12s %7s" % ("class", "members", "reached", "not exposed", "share")]
    for cls, count, reached, skipped, missing in rows:
        share = float(reached) / count if count else 1.0
        lines.append("%-26s %7d %7d %12d %6.1f%%" % (cls, count, reached, skipped, share * 100))
    lines.append("%-26s %7d %7d %12d %6.1f%%" % ("overall", total, hit, sum(r[3] for r in rows),
                                                 100.0 * hit / total))
    for cls, count, reached, skipped, missing in rows:
        if missing:
            lines.append("missing in %s: %s" % (cls, " ".join(missing)))
    report = "\n".join(lines)
    print(report)
    assert float(hit) / total >= THRESHOLD, report


def test_the_count_is_the_whole_object_model(live12):
    """The measured classes are Live's set objects: devices of every class, samples, tunings, take lanes."""
    classes, functions = live12
    measured = {qual for qual in classes if measured_class(classes[qual]["module"], qual)}
    for qual in ("Sample", "LooperDevice", "DriftDevice", "Eq8Device.View", "TuningSystem", "TakeLane", "DeviceIO",
                 "EnvelopeEventControlCoefficients", "RoutingType", "BeatTime", "SimplerDevice.View"):
        assert qual in measured
    for qual in ("Base.Vector", "StartupDialog", "CCFeedbackRule", "ListenerHandle", "Timer"):
        assert qual.rpartition(".")[2] not in measured
    total = sum(len(own_members(classes, qual)) for qual in measured)
    total += sum(len(functions.get(module, ())) for module in MODULE_FUNCTIONS)
    assert total > 700


def test_not_exposed_names_members_of_live_that_no_address_reaches(registry, live12):
    classes, functions = live12
    reached = registry.coverage()
    for name, reason in NOT_EXPOSED.items():
        cls, _, member = name.rpartition(".")
        known = (cls in classes and member in classes[cls]["members"]) or member in functions.get(cls, ())
        assert known, "%s is not a member of Live 12.3.6" % name
        assert member not in reached.get(cls, ()), "%s is listed as not exposed but an address reaches it" % name
        assert reason.strip(), name


def test_members_named_by_addresses_exist_in_live(registry, live12):
    live11 = load_capture("11.0.0")
    unknown = []
    for entry in registry.order:
        for member in entry.members:
            cls, _, name = member.rpartition(".")
            if name.startswith("__"):
                continue
            known = False
            for classes, functions in (live12, live11):
                if name in classes.get(cls, {}).get("members", ()) or name in functions.get(cls, ()):
                    known = True
            if not known:
                unknown.append("%s (%s)" % (member, entry.address))
    assert not unknown, "members Live does not have: %s" % ", ".join(unknown)


def test_registry_lists_what_is_not_exposed(registry):
    names = [item["name"] for item in registry.not_exposed]
    assert names == sorted(NOT_EXPOSED)
