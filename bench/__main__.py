"""Run every benchmark module in bench/ that defines run() and print one table.

A benchmark is a module bench/<name>.py with a function run() returning a list
of rows; a row is a dict of column -> value (numbers are formatted here).
Usage: python -m bench [NAME ...] (default: all modules but those with DEFAULT = False),
or python -m bench NAME --option ... to run one module's main() with its options
(python -m bench soak --minutes 10).
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import sys


def discover():
    """Names of the benchmark modules in this package, sorted."""
    here = os.path.dirname(os.path.abspath(__file__))
    return sorted(name for _, name, ispkg in pkgutil.iter_modules([here])
                  if not ispkg and not name.startswith("_"))


def _cell(value):
    if isinstance(value, float):
        if value >= 1000:
            return "{:,.0f}".format(value)
        return "%.2f" % value if value < 100 else "%.1f" % value
    return str(value)


def print_table(rows, out=None):
    """Print rows (dicts) as one aligned text table, columns in first-seen order."""
    out = out or sys.stdout
    columns = []
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    cells = [[_cell(row.get(c, "")) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row.get(c), (int, float)) or c not in row for row in rows)
               for c in columns]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out.write(line(columns) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for r in cells:
        out.write(line(r) + "\n")


def main(argv=None):
    """Run the named (or all) benchmark modules and print their rows as one table."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if root not in sys.path:
        sys.path.insert(0, root)
    argv = list(argv if argv is not None else sys.argv[1:])
    print("Python %s on %s" % (platform.python_version(), platform.platform()))
    if argv and any(a.startswith("-") for a in argv[1:]):
        # One module with its own options (python -m bench soak --minutes 10): its main() runs.
        module = importlib.import_module("bench." + argv[0])
        return module.main(argv[1:])
    names = argv
    if not names:  # modules with DEFAULT = False (the soak) run only when named
        names = [n for n in discover() if getattr(importlib.import_module("bench." + n), "DEFAULT", True)]
    rows = []
    for name in names:
        module = importlib.import_module("bench." + name)
        if callable(getattr(module, "run", None)):
            rows.extend(module.run())
        elif callable(getattr(module, "main", None)):
            module.main([])
    print_table(rows)


if __name__ == "__main__":
    main()
