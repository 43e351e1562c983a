"""The README's examples, as written, against livesim's default set."""
import functools
import math
import os
import re

import pytest

from abletonosc_client.lineparse import parse_line
from tests.e2e.harness import ROOT, OSCClient, running_sim

pytestmark = pytest.mark.livesim_only

with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as _handle:
    README = _handle.read()

WORDS = {"T": True, "F": False, "Nil": None}


def table_rows():
    """(message sent, expected reply or None) for each row of the "you send | you get" table."""
    table = README.split("| you send | you get |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.strip().splitlines()[1:]:
        sent, got = [cell.strip() for cell in line.strip().strip("|").split(" | ", 1)]
        reply = re.match(r"`([^`]*)`", got)
        rows.append((sent.strip("`"), reply.group(1) if reply else None))
    return rows


def same(expected, actual):
    if isinstance(expected, float) or isinstance(actual, float):
        return isinstance(actual, (int, float)) and math.isclose(expected, actual, rel_tol=1e-6)
    return expected == actual


def test_the_table_of_messages_works_as_written():
    rows = table_rows()
    assert len(rows) >= 10
    with running_sim() as (sim, client):
        for sent, reply in rows:
            address, args = parse_line(sent)
            client.send(address, *args)
            if reply is None:
                client.sync()
                assert client.errors() == [], sent
                continue
            want_address, want = parse_line(reply)
            want = tuple(WORDS.get(value, value) if isinstance(value, str) else value for value in want)
            got = client.wait_for(want_address)
            assert len(got) == len(want) and all(same(w, g) for w, g in zip(want, got)), (sent, got)
        assert sim.call(lambda: sim.world.song.is_playing)


def python_example():
    code = README.split("### Python\n\n```python\n", 1)[1].split("```", 1)[0]
    assert "from abletonosc_client import AbletonOSCClient" in code
    return code.replace("from abletonosc_client import AbletonOSCClient\n", "")


def test_the_python_example_prints_what_it_says_and_ends_its_listeners(capsys):
    from abletonosc_client import AbletonOSCClient

    code = python_example()
    first = AbletonOSCClient("127.0.0.1", 0, reply_port=0)  # the reply port, bound before the script starts
    port = first.reply_port
    with running_sim(reply_port=port, clients=0) as (sim, _none):
        first.port = sim.port
        made = [first]

        def client(*args, **options):
            # The example's AbletonOSCClient(): this sim, and the reply port it replies to.
            if made:
                return made.pop()
            return AbletonOSCClient("127.0.0.1", sim.port, reply_port=port)

        for run in range(2):
            exec(compile(code, "README.md", "exec"), {"AbletonOSCClient": client})
            printed = capsys.readouterr().out.splitlines()
            if run == 0:
                assert printed[:2] == ["(120.0,)", "1-MIDI"]
            assert printed.count("tempo 128.0") == 1, printed
            # Nothing listens for the program that ended, as a raw socket on its port sees.
            watcher = OSCClient("127.0.0.1", sim.port, bind_port=port)
            try:
                assert watcher.query("/live/api/get/listeners") == (0,)
            finally:
                watcher.close()
        assert sim.call(lambda: sim.world.song.tempo) == 128.0
