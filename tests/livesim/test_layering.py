"""livesim's code flows one way: every module sits on a floor and imports only its floor or lower ones.

Read from the source (every import statement, those inside functions too), so an import hidden in
a function to dodge a cycle counts like any other.  A module importing its own parent package
does not count: Python imports the parent first anyway.
"""
import ast
import fnmatch
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIVESIM = os.path.join(ROOT, "livesim")

# Bottom to top.  A name without a wildcard wins over a pattern.
FLOORS = [
    ("machinery", ["Live._lom", "Live._palette", "Live._base", "Live._routing", "livesim.device_library",
                   "livesim.versions"]),
    ("model", ["Live._*_model", "livesim.engine", "livesim.meters"]),
    ("Live's public classes", ["Live._*"]),
    ("Live's public modules", ["Live", "Live._public"]),
    ("control-surface framework", ["MidiRemoteScript", "ableton", "ableton.*", "_Framework", "_Framework.*"]),
    ("set building", ["livesim.sets", "livesim.sets.*", "livesim.default_set", "livesim.set_builder",
                      "livesim.world"]),
    ("host and CLI", ["livesim", "livesim.*"]),
]


def module_files():
    """{module name: path} for livesim and its runtime (the runtime's modules are top-level names)."""
    found = {}
    for folder, _, files in os.walk(LIVESIM):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            parts = os.path.relpath(path, LIVESIM)[:-3].split(os.sep)
            parts = parts[1:] if parts[0] == "runtime" else ["livesim"] + parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def floor_of(module):
    """The index of the floor ``module`` sits on (None if no floor names it)."""
    for exact in (True, False):
        for index, (_, patterns) in enumerate(FLOORS):
            for pattern in patterns:
                wildcard = "*" in pattern
                if exact and not wildcard and module == pattern:
                    return index
                if not exact and wildcard and fnmatch.fnmatchcase(module, pattern):
                    return index
    return None


def imports_of(module, path, modules):
    """The livesim modules ``module`` imports anywhere in its source."""
    is_package = path.endswith("__init__.py")
    names = set()
    for node in ast.walk(ast.parse(open(path).read(), path)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[:len(package) - (node.level - 1)]
                base = ".".join(package + ([base] if base else []))
            submodules = [base + "." + alias.name for alias in node.names if base + "." + alias.name in modules]
            names.update(submodules or [base])
    found = set()
    for name in names:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name and name != module and not module.startswith(name + "."):
            found.add(name)
    return found


def import_graph():
    modules = module_files()
    return dict((m, imports_of(m, path, modules)) for m, path in modules.items())


def cycles(graph):
    """The import cycles (strongly connected components of more than one module), Tarjan's way."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_every_module_has_a_floor():
    assert [m for m in sorted(module_files()) if floor_of(m) is None] == []


def upward_imports(graph):
    """"module (floor) imports other (floor)" for every import that reaches a higher floor."""
    upward = []
    for module, imported in sorted(graph.items()):
        for other in sorted(imported):
            if floor_of(other) > floor_of(module):
                upward.append("%s (%s) imports %s (%s)" % (module, FLOORS[floor_of(module)][0], other,
                                                           FLOORS[floor_of(other)][0]))
    return upward


def node_classes(path):
    """The classes a module defines on a model node (a base class named ``Node`` or ``...Node``)."""
    found = []
    for node in ast.parse(open(path).read(), path).body:
        if isinstance(node, ast.ClassDef):
            bases = [getattr(b, "attr", getattr(b, "id", "")) for b in node.bases]
            if any(b.endswith("Node") for b in bases):
                found.append(node.name)
    return found


def views_holding_nodes(modules):
    """Modules of Live's public classes that define model nodes (the model belongs a floor lower)."""
    views = FLOORS.index([f for f in FLOORS if f[0] == "Live's public classes"][0])
    return sorted(m for m, path in modules.items() if floor_of(m) == views and node_classes(path))


def test_nothing_imports_upward():
    assert upward_imports(import_graph()) == []


def test_public_classes_are_views_on_the_model():
    assert views_holding_nodes(module_files()) == []


def test_no_module_imports_itself_in_a_circle():
    assert cycles(import_graph()) == []


def test_the_framework_sees_only_lives_public_modules():
    framework = FLOORS.index([f for f in FLOORS if f[0] == "control-surface framework"][0])
    private = []
    for module, imported in sorted(import_graph().items()):
        if floor_of(module) == framework:
            private.extend("%s imports %s" % (module, other) for other in sorted(imported)
                           if other.startswith("Live._"))
    assert private == []


def test_the_checks_see_hidden_and_relative_imports(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from . import a\n")
    (package / "a.py").write_text("def f():\n    from .b import g\n    return g\n")
    (package / "b.py").write_text("from pkg import a\n")
    modules = {"pkg": str(package / "__init__.py"), "pkg.a": str(package / "a.py"), "pkg.b": str(package / "b.py")}
    graph = dict((m, imports_of(m, path, modules)) for m, path in modules.items())
    assert graph == {"pkg": {"pkg.a"}, "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a"}}
    assert cycles(graph) == [["pkg.a", "pkg.b"]]


def test_every_model_node_class_names_its_public_class():
    """A node class's handles are of the public class its view module registers (``XNode.cls = X``).

    A node class that inherits ``cls`` would hand scripts its base's class: Drift built as a plain Device.
    """
    import importlib
    from Live import _lom
    for name in sorted(module_files()):
        if name.startswith("Live._"):
            importlib.import_module(name)
    bases = {"ClassNode"}   # the shared base of device classes with members of their own; never built itself
    found, stack = [], list(_lom.Node.__subclasses__())
    while stack:
        node_class = stack.pop()
        stack.extend(node_class.__subclasses__())
        if node_class.__name__ not in bases and "cls" not in vars(node_class):
            found.append("%s.%s" % (node_class.__module__, node_class.__name__))
    assert sorted(found) == []
