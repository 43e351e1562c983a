"""The client's exceptions."""
from __future__ import annotations


class OSCError(RuntimeError):
    """The script answered a request with /live/error; ``text`` is its reason."""

    def __init__(self, text: str, address: str = "") -> None:
        RuntimeError.__init__(self, text)
        self.text = text
        self.address = address


class OSCTimeout(TimeoutError):
    """No reply in time; ``reachable`` says whether the script answered /live/test afterwards."""

    def __init__(self, message: str, address: str = "", reachable: bool = False) -> None:
        TimeoutError.__init__(self, message)
        self.address = address
        self.reachable = reachable


def timeout_message(address: str, timeout: float, target: str, reachable: bool, probing_test: bool,
                    probed: bool = True) -> str:
    """The text of an OSCTimeout: what timed out and what that suggests."""
    head = "no reply to %s from %s within %.2f s" % (address, target, timeout)
    if not probed and not probing_test:
        return head
    if probing_test:
        return head + ": AbletonOSC is not reachable (is Live running with AbletonOSC as a control " \
                      "surface, and the port right?). Run `abletonosc doctor` to find out more."
    if reachable:
        return head + "; the server is reachable (it answered /live/test), so this address sent no " \
                      "reply (a set or method address, or a reply lost to a full network buffer)"
    return head + "; the server is not reachable either (no answer to /live/test): is Live running " \
                  "with AbletonOSC selected as a control surface, and the port right? Run `abletonosc doctor`."
