"""livesim's Live API against the captures of Live 11.0.0 and 12.3.6: nothing Live lacks, same kinds.

Every public module of the ``Live`` package holds only names the capture of the profile's
version shows for it (no helpers, nodes or imports), and every public class and member livesim
defines must exist in that capture with the same kind (read-only property, settable property,
method; listener methods only where Live has them).  livesim may implement less than Live.  The
coverage is printed.
"""
import importlib
import inspect
import json
import os

import pytest

import livesim
from livesim.world import World
from tests.tooling import IN_CI

import Live
from Live import _lom

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CAPTURES = os.path.join(ROOT, "..", "shared", "live-api")
VERSIONS = {"11.0.0": "11.0.0", "12.3.6": "12.3.6"}


def load_capture(version):
    """{module: {"classes": {qualname: {member: kind}}, "members": {name: kind}}} from a LiveTree capture."""
    path = os.path.join(CAPTURES, "LiveTree-%s.json" % version)
    if not os.path.exists(path):
        if IN_CI:
            pytest.fail("Live API capture missing: %s" % path, pytrace=False)
        pytest.skip("Live API capture missing: %s" % path)
    with open(path) as f:
        tree = json.load(f)["tree"]
    modules = {}

    def kind_of(node):
        t = node.get("type")
        if t == "property":
            return "settable" if node.get("settable") else "read-only"
        if t == "function":
            return "method"
        if t in ("class", "enum"):
            return "class"
        return t

    def walk_class(node, qual, into):
        members = {}
        for m in node.get("children", []):
            if m.get("type") == "class":
                walk_class(m, qual + "." + m["name"], into)
                members[m["name"]] = "class"
            else:
                members[m["name"]] = kind_of(m)
        into[qual] = members

    for mod in tree.get("children", []):
        if mod.get("type") != "module":
            continue
        entry = {"classes": {}, "members": {}}
        for c in mod.get("children", []):
            if c.get("type") == "class":
                walk_class(c, c["name"], entry["classes"])
                entry["members"][c["name"]] = "class"
            else:
                entry["members"][c["name"]] = kind_of(c)
        modules[mod["name"]] = entry
    return modules


def livesim_modules():
    """The Live submodules livesim provides (flat modules named like Live's)."""
    out = {}
    for name in sorted(dir(Live)):
        mod = getattr(Live, name)
        if inspect.ismodule(mod) and not name.startswith("_") and mod.__name__ == "Live." + name:
            out[name] = mod
    return out


def public_classes(mod, leaf):
    """(qualname, class) for the public classes a module defines, nested classes included."""
    found = []

    def visit(cls, qual):
        found.append((qual, cls))
        for n, v in list(vars(cls).items()):
            if inspect.isclass(v) and not n.startswith("_") and v.__qualname__.endswith(n) \
                    and getattr(v, "__module__", None) == leaf and v.__qualname__ == qual + "." + n:
                visit(v, qual + "." + n)

    for n in sorted(dir(mod)):  # dir() lists the names the active world's version has
        v = getattr(mod, n)
        if inspect.isclass(v) and not n.startswith("_") and getattr(v, "__module__", None) == leaf \
                and v.__qualname__ == n:
            visit(v, n)
    return found


def member_kind(cls, name):
    """livesim's kind of ``cls.name`` under the active world's version, or None when absent."""
    try:
        raw = None
        for base in cls.__mro__:
            if name in vars(base):
                raw = vars(base)[name]
                break
        getattr(cls, name)
    except AttributeError:
        return None
    if isinstance(raw, _lom.Prop):
        w = _lom.active_world()
        settable = raw.settable and (raw.set_avail is None or raw.set_avail(w.version))
        return "settable" if settable else "read-only"
    if isinstance(raw, property):
        return "settable" if raw.fset is not None else "read-only"
    if isinstance(raw, (_lom.Method, _lom._ListenerMethod)) or inspect.isfunction(raw) \
            or isinstance(raw, (classmethod, staticmethod)):
        return "method"
    if inspect.isclass(raw):
        return "class"
    return "value"


_SKIP = {"names", "values", "name", "numerator", "denominator", "real", "imag", "conjugate", "bit_length",
         "to_bytes", "from_bytes", "as_integer_ratio", "bit_count", "is_integer"}


def public_members(cls):
    names = set()
    for base in cls.__mro__:
        if base in (object, int, _lom.LiveEnum):
            continue
        for n in vars(base):
            if not n.startswith("__") and (not n.startswith("_") or n == "_live_ptr"):
                names.add(n)
    if issubclass(cls, _lom.LiveEnum):
        return set()
    return names - {"cls"}


@pytest.fixture(params=sorted(VERSIONS))
def profile(request):
    version = request.param
    capture = load_capture(version)
    world = World(live_version=version, virtual_clock=True)
    world.activate()
    return version, capture, world


def test_livesim_defines_nothing_live_lacks(profile, capsys):
    version, capture, world = profile
    problems = []
    coverage = []
    for leaf, mod in livesim_modules().items():
        cap_mod = capture.get(leaf)
        if cap_mod is None:
            problems.append("module %s is not in Live %s" % (leaf, version))
            continue
        for qual, cls in public_classes(mod, leaf):
            if issubclass(cls, _lom.LiveEnum):
                cap_names = set(cap_mod["members"]) | set(cap_mod["classes"].get(qual.rsplit(".", 1)[0], {}))
                if qual.split(".")[-1] not in cap_names:
                    problems.append("enum %s.%s is not in Live %s" % (leaf, qual, version))
                continue
            cap = cap_mod["classes"].get(qual)
            if cap is None:
                problems.append("class %s.%s is not in Live %s" % (leaf, qual, version))
                continue
            have = 0
            for name in sorted(public_members(cls)):
                kind = member_kind(cls, name)
                if kind is None:
                    continue
                if name not in cap:
                    problems.append("%s.%s.%s (%s) is not in Live %s" % (leaf, qual, name, kind, version))
                    continue
                have += 1
                if kind == "value":
                    continue
                if kind != cap[name] and not (kind == "class" and cap[name] in ("class", "enum")):
                    problems.append("%s.%s.%s is %s in livesim but %s in Live %s"
                                    % (leaf, qual, name, kind, cap[name], version))
            coverage.append((leaf + "." + qual, have, len(cap)))
    with capsys.disabled():
        total_have = sum(h for _, h, _ in coverage)
        total = sum(n for _, _, n in coverage)
        print("\nlivesim coverage of Live %s (members implemented / members in Live):" % version)
        for name, have, n in coverage:
            print("  %-45s %4d / %-4d %5.1f%%" % (name, have, n, 100.0 * have / n if n else 100.0))
        print("  %-45s %4d / %-4d %5.1f%%" % ("total", total_have, total, 100.0 * total_have / total))
    assert not problems, "\n".join(problems)


def test_public_modules_hold_exactly_what_live_shows(profile):
    version, capture, world = profile
    all_names = dict((leaf, set(entry["members"])) for leaf, entry in load_capture("11.0.0").items())
    for leaf, entry in load_capture("12.3.6").items():
        all_names.setdefault(leaf, set()).update(entry["members"])
    problems = []
    for name in dir(Live):
        if not name.startswith("_") and name not in capture:
            problems.append("Live.%s is not a module of Live %s" % (name, version))
    for leaf, mod in livesim_modules().items():
        shown = set(capture.get(leaf, {"members": {}})["members"])
        names = set(n for n in list(vars(mod)) + dir(mod) if not n.startswith("__"))
        for name in sorted(names - shown):
            problems.append("Live.%s.%s is not in Live %s" % (leaf, name, version))
        for name in sorted(all_names.get(leaf, ())):
            present = hasattr(mod, name)
            if present and name not in shown:
                problems.append("Live.%s.%s is reachable but not in Live %s" % (leaf, name, version))
            is_class = capture.get(leaf, {"members": {}})["members"].get(name) in ("class", "type")
            if present and name in shown and inspect.isclass(getattr(mod, name)) != is_class:
                problems.append("Live.%s.%s is a %s in livesim but a %s in Live %s" % (
                    leaf, name, "class" if inspect.isclass(getattr(mod, name)) else "value",
                    capture[leaf]["members"][name], version))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("module, name", [("Clip", "prop"), ("Clip", "ClipNode"), ("Device", "DeviceNode"),
                                          ("MidiMap", "Mapping"), ("MidiMap", "receive_midi"),
                                          ("Song", "SongNode"), ("Base", "time"), ("Track", "_lom")])
def test_the_model_behind_a_public_module_is_not_importable_from_it(module, name):
    mod = importlib.import_module("Live." + module)
    assert not hasattr(mod, name)
    with pytest.raises(ImportError):
        exec("from Live.%s import %s" % (module, name), {})


def test_gated_module_members_follow_the_active_world():
    for version, present in (("11.0", False), ("12.3.6", True)):
        World(live_version=version, virtual_clock=True).activate()
        assert hasattr(Live.Base, "Text") is present
        assert ("Text" in dir(Live.Base)) is present
        assert hasattr(Live.Application, "Variants") is present
        assert hasattr(Live.Clip, "AutomationEnvelope") is not present
        for leaf in ("TakeLane", "Envelope", "LooperDevice"):
            assert hasattr(Live, leaf) is present
            if present:
                assert importlib.import_module("Live." + leaf).__name__ == "Live." + leaf
            else:
                with pytest.raises(ImportError):
                    importlib.import_module("Live." + leaf)
    with pytest.raises(AttributeError, match="module 'Live.Base' has no attribute 'NoSuchThing'"):
        Live.Base.NoSuchThing


def test_members_missing_from_a_version_raise_attribute_error():
    old = World(live_version="11.0", virtual_clock=True)
    new = World(live_version="12.3.6", virtual_clock=True)
    for world, present in ((old, False), (new, True)):
        world.activate()
        song, track = world.song, world.song.tracks[0]
        assert hasattr(song, "scale_mode") is present
        assert hasattr(song, "start_time") is present
        assert hasattr(track, "create_midi_clip") is present
        assert hasattr(song.scenes[0], "tempo_enabled") is present
        assert hasattr(song.scenes[0], "add_tempo_listener") is present
        assert hasattr(type(song), "scale_mode") is present


def test_leaf_module_names_and_nested_classes():
    world = World(virtual_clock=True)
    song = world.song
    assert type(song).__module__ == "Song"
    assert type(song.view).__qualname__ == "Song.View"
    assert type(song.tracks[0].view).__qualname__ == "Track.View"
    assert Live.Song.CuePoint.__module__ == "Song"
    assert importlib.import_module("Live.Clip").MidiNoteSpecification.__module__ == "Clip"
    assert livesim.RUNTIME_DIR.endswith("runtime")
