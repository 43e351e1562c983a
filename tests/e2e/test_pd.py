"""Pure Data vanilla, the real one: its [oscparse] reads only i f s b, so the patch asks for plain types.

The patch is the one docs/examples ships (the README's Pd example), pointed at this test's livesim.
"""
import os
import select
import subprocess
import time

import pytest

from tests.e2e.harness import ROOT, running_sim
from tests.tooling import require_tool

PATCH = os.path.join(ROOT, "docs", "examples", "abletonosc-read-mute.pd")
PLAIN_TYPES_ON = "#X msg 330 150 1;"
WAIT = 30.0

pytestmark = pytest.mark.livesim_only


def run_patch(tmp_path, port, patch_text, until):
    """Run pd -nogui on the patch; its printed lines (stderr) once ``until(lines)`` holds, or at WAIT."""
    pd = require_tool("pd")
    path = tmp_path / "patch.pd"
    path.write_text(patch_text.replace("connect 127.0.0.1 11000", "connect 127.0.0.1 %d" % port))
    proc = subprocess.Popen([pd, "-nogui", "-nosound", "-nomidi", "-stderr", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines, buffered = [], b""
    try:
        deadline = time.monotonic() + WAIT
        while not until(lines) and time.monotonic() < deadline:
            if not select.select([proc.stderr], [], [], deadline - time.monotonic())[0]:
                break
            chunk = os.read(proc.stderr.fileno(), 4096)
            if not chunk:
                break
            buffered += chunk
            *complete, buffered = buffered.split(b"\n")
            lines.extend(line.decode("utf-8", "replace") for line in complete)
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
    return lines


def test_pd_vanilla_reads_mute_arm_and_empty_clip_names_with_plain_types(tmp_path):
    with open(PATCH) as handle:
        patch = handle.read()
    assert PLAIN_TYPES_ON in patch
    with running_sim(reply_to_source=True) as (sim, client):
        lines = run_patch(tmp_path, sim.port, patch, lambda lines: any("clips name" in line for line in lines))
    assert "abletonosc: live track get mute 0 0" in lines, lines
    assert "abletonosc: live track get arm 0 0" in lines, lines
    assert "abletonosc: live track get clips name 2" + " nil" * 8 in lines, lines
    assert not [line for line in lines if "error" in line], lines


def test_without_plain_types_pd_loses_the_values(tmp_path):
    # What the patch's first message prevents: Pd drops T, F and N with an error.
    with open(PATCH) as handle:
        patch = handle.read().replace(PLAIN_TYPES_ON, PLAIN_TYPES_ON.replace(" 1;", " 0;"))
    with running_sim(reply_to_source=True) as (sim, client):
        lines = run_patch(tmp_path, sim.port, patch, lambda lines: any("clips name" in line for line in lines))
    assert "error: oscparse: unknown tag 'F' (70)" in lines, lines
    assert "error: oscparse: unknown tag 'N' (78)" in lines, lines
    assert "abletonosc: live track get mute 0" in lines  # the index arrived; the value did not
