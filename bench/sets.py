"""Loading the largest real Live Set beside a plain ElementTree parse of the same file.

Each case runs in a fresh Python subprocess so its memory is its own: time is the best of three
runs (wall clock, and CPU time, which a busy machine disturbs less), "peak MB" the tracemalloc peak of one more run (Python allocations while loading), and
"max RSS MB" the process's high-water mark (interpreter included).  Cases: the plain parse
(gunzip + ``ElementTree.fromstring``), livesim's reader (file -> set dict), and reader plus
building the World a script talks to (what ``livesim --set`` does before serving).  Target for
that whole load: at most 0.6 s and 80 MB.
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "sets"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/sets"

CASES = {
    "ElementTree parse (reference)":
        "import gzip, xml.etree.ElementTree as ET\n"
        "def load(path):\n"
        "    with gzip.open(path, 'rb') as f:\n"
        "        return ET.fromstring(f.read())\n",
    "livesim reader (file -> set dict)":
        "from livesim.sets import load_set\n"
        "def load(path):\n"
        "    return load_set(path)\n",
    "livesim reader + World":
        "from livesim.sets import load_set\n"
        "from livesim.world import World\n"
        "def load(path):\n"
        "    return World(load_set(path))\n",
}

CHILD = """
import gc, json, resource, sys, time, tracemalloc
sys.path.insert(0, %(root)r)
import livesim
%(case)s
path, mode = %(path)r, %(mode)r
if mode == "time":
    best, best_cpu = None, None
    for _ in range(3):
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        result = load(path)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - c
        del result
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    out = {"seconds": best, "cpu": best_cpu}
else:
    tracemalloc.start()
    result = load(path)
    out = {"peak": tracemalloc.get_traced_memory()[1]}
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out["maxrss"] = rss * (1 if sys.platform == "darwin" else 1024)
print(json.dumps(out))
"""


def largest_set():
    """The largest .als file among the real sets."""
    files = glob.glob(os.path.join(SHARED, "real", "*.als"))
    return max(files, key=os.path.getsize) if files else None


def _child(case, path, mode):
    code = CHILD % {"root": ROOT, "case": CASES[case], "path": path, "mode": mode}
    out = subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)
    return json.loads(out.decode("utf-8").strip().splitlines()[-1])


def _rss_only(case, path):
    """Max RSS without tracemalloc's own bookkeeping inflating it."""
    code = CHILD % {"root": ROOT, "case": CASES[case], "path": path, "mode": "rss"}
    code = code.replace("tracemalloc.start()", "").replace("tracemalloc.get_traced_memory()[1]", "0")
    out = subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)
    return json.loads(out.decode("utf-8").strip().splitlines()[-1])["maxrss"]


def run():
    """Rows: load time and peak memory per case, for the largest real set."""
    path = largest_set()
    if path is None:
        return [{"benchmark": "sets", "case": "no real sets found beside the project"}]
    name = os.path.basename(path)
    rows = []
    for case in CASES:
        timing = _child(case, path, "time")
        memory = _child(case, path, "memory")
        rows.append({"benchmark": "sets", "case": "%s, %s" % (case, name), "ms": timing["seconds"] * 1000.0,
                     "cpu ms": timing["cpu"] * 1000.0, "peak MB": memory["peak"] / 1e6, "max RSS MB": _rss_only(case, path) / 1e6})
    rows.append({"benchmark": "sets", "case": "target for reader + World", "ms": 600.0, "cpu ms": 600.0,
                 "peak MB": 80.0, "max RSS MB": 80.0})
    return rows


def main(argv=None):
    """Print the table for this benchmark alone."""
    from bench.__main__ import print_table
    print_table(run())


if __name__ == "__main__":
    main()
