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


class ReplyPortInUse(OSError):
    """The reply port is another program's: the text names it (when the system tells) and what to do."""

    def __init__(self, port: int, error: OSError) -> None:
        from .ports import describe_owners, port_owners

        self.port = port
        self.owners = port_owners(port)
        OSError.__init__(self, error.errno, (
            "cannot receive replies on UDP port %d: %s has it. Close that program (a second console, "
            "TouchOSC, a Max patch...), or give each client its own port: set reply_to_source = true in "
            "AbletonOSC's settings.local.ini and use reply_port=0 here (--reply-port 0 for the console)."
            % (port, describe_owners(self.owners))))


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
