"""`abletonosc doctor` with a port taken, with nothing running, and with a running livesim."""
import os
import socket
import sys

import pytest

from abletonosc_client.doctor import run_doctor
from abletonosc_client.ports import port_owners, udp_port_free
from tests.tooling import silent_udp_port


@pytest.fixture
def taken_port():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("0.0.0.0", 0))
    yield sock.getsockname()[1]
    sock.close()


def doctor(*args, **options):
    lines = []
    status = run_doctor(*args, say=lines.append, **options)
    return status, "\n".join(lines)


def test_port_owner_is_named(taken_port):
    assert not udp_port_free(taken_port)
    if sys.platform.startswith("linux"):
        assert os.getpid() in [pid for pid, _name in port_owners(taken_port)]


def test_listen_port_taken_by_something_that_is_not_abletonosc(taken_port):
    status, text = doctor("127.0.0.1", taken_port, 0, timeout=0.2)
    assert status == 1
    assert "UDP port %d is in use by" % taken_port in text
    assert "does not answer as AbletonOSC" in text and "no answer to /live/test" in text
    if sys.platform.startswith("linux"):
        assert "pid %d" % os.getpid() in text


def test_nothing_listening():
    port = silent_udp_port()
    status, text = doctor("127.0.0.1", port, 0, timeout=0.2)
    assert status == 1
    assert "nothing listens on UDP port %d" % port in text
    assert "Control Surface" in text


def test_all_well_with_livesim(sim):
    status, text = doctor("127.0.0.1", sim.port, 0)
    assert status == 0, text
    assert "/live/test answered 'ok'" in text
    assert "Live 12.3" in text
    from AbletonOSC import __version__

    assert "AbletonOSC %s" % __version__ in text


def test_reply_port_taken_with_livesim(sim):
    # The harness holds sim.reply_port (bound to port 0 and kept): another program has it.
    assert sim.replies is not None
    status, text = doctor("127.0.0.1", sim.port, sim.reply_port, timeout=0.3)
    assert status == 1
    assert "reply port %d is taken" % sim.reply_port in text
    assert "reply_to_source" in text


def test_reply_to_source_mode_with_livesim(livesim_factory):
    sim = livesim_factory(env={"ABLETONOSC_REPLY_TO_SOURCE": "true"})
    status, text = doctor("127.0.0.1", sim.port, 0)
    assert status == 0, text


def test_owner_from_lsof_and_netstat_output(monkeypatch):
    from abletonosc_client import ports

    lsof = ("COMMAND    PID USER   FD   TYPE             DEVICE SIZE/OFF NODE NAME\n"
            "Live      4242 ana   61u  IPv4 0x1234567890abcdef      0t0  UDP *:11000\n"
            "Live      4242 ana   62u  IPv6 0x1234567890abcdee      0t0  UDP *:11000\n")
    monkeypatch.setattr(ports, "_run", lambda command: lsof)
    assert ports._owners_from_lsof(11000) == [(4242, "Live")]

    outputs = {
        "netstat": "\n  Proto  Local Address          Foreign Address        State           PID\n"
                   "  UDP    0.0.0.0:11000          *:*                                    5150\n"
                   "  UDP    0.0.0.0:11001          *:*                                    6000\n",
        "tasklist": '"Ableton Live 12 Suite.exe","5150","Console","1","812,000 K"\n',
    }
    monkeypatch.setattr(ports, "_run", lambda command: outputs[command[0]])
    assert ports._owners_from_netstat(11000) == [(5150, "Ableton Live 12 Suite.exe")]
