"""`abletonosc doctor`: find out why OSC does not reach Live, and say what to do."""
from __future__ import annotations

import socket
from typing import Callable, List, Optional

from .client import AbletonOSCClient
from .errors import OSCError, OSCTimeout
from .ports import describe_owners, port_owners, udp_port_free

SLOT_HINT = ("In Live: Preferences > Link/Tempo/MIDI > Control Surface, pick AbletonOSC in a slot (Input/Output "
             "None); the status bar should say \"AbletonOSC: Listening for OSC on port {port}\". Not in the list? "
             "Run `abletonosc install`, then restart Live.")
FIREWALL_HINT = ("From another computer or tablet: allow Live through the firewall for incoming UDP (macOS: "
                 "System Settings > Network > Firewall; Windows: Windows Defender Firewall > Allow an app), "
                 "and check both are on the same network.")


class Doctor(object):
    """Runs the checks and prints one line per finding."""

    def __init__(self, host: str, port: int, reply_port: int, timeout: float = 1.0,
                 say: Callable[[str], None] = print) -> None:
        self.host = host
        self.port = port
        self.reply_port = reply_port
        self.timeout = timeout
        self.say = say
        self.failures = 0

    def ok(self, text: str) -> None:
        """Report a check that passed."""
        self.say("ok    %s" % text)

    def fail(self, text: str, *advice: str) -> None:
        """Report a problem and what to do about it."""
        self.failures += 1
        self.say("FAIL  %s" % text)
        for line in advice:
            self.say("      -> %s" % line)

    def note(self, text: str) -> None:
        """Add a remark to the check above."""
        self.say("      %s" % text)

    def local(self) -> bool:
        """Whether the script runs on this computer (so its port can be inspected here)."""
        if self.host in ("127.0.0.1", "localhost", "::1", "0.0.0.0"):
            return True
        try:
            return socket.gethostbyname(self.host) in ("127.0.0.1", socket.gethostbyname(socket.gethostname()))
        except OSError:
            return False

    def run(self) -> int:
        """All checks; returns the exit status (0 when all is well)."""
        listen_owners = self.check_listen_port() if self.local() else None
        reply_port = self.check_reply_port()
        answered = self.check_test(reply_port, listen_owners)
        if answered is not None:
            self.check_versions(answered)
            answered.close()
        if self.failures:
            self.say("%d problem(s) found." % self.failures)
            return 1
        self.say("All well: AbletonOSC answers at %s:%d." % (self.host, self.port))
        return 0

    def check_listen_port(self) -> Optional[List]:
        """Is something bound to the script's port, and what? Returns its owners."""
        if udp_port_free(self.port):
            self.fail("nothing listens on UDP port %d: AbletonOSC is not running on this computer" % self.port,
                      "Is Live open? " + SLOT_HINT.format(port=self.port),
                      "If AbletonOSC uses another port (settings.local.ini), pass --port.")
            return []
        owners = port_owners(self.port)
        self.ok("UDP port %d is in use by %s" % (self.port, describe_owners(owners)))
        return owners

    def check_reply_port(self) -> int:
        """Can replies reach us? Returns the port to receive on (0: an ephemeral one)."""
        if self.reply_port == 0:
            self.ok("replies expected on an ephemeral port (the script's reply_to_source mode)")
            return 0
        if udp_port_free(self.reply_port):
            self.ok("reply port %d is free for this check" % self.reply_port)
            return self.reply_port
        owners = port_owners(self.reply_port)
        self.fail("reply port %d is taken by %s, so replies go there and not to your client"
                  % (self.reply_port, describe_owners(owners)),
                  "Only one program per computer can receive on a port: close the other one (a second console, "
                  "a TouchOSC bridge, a Max or Pure Data patch on %d), or set reply_to_source = true in "
                  "AbletonOSC's settings.local.ini so each client gets replies on its own port." % self.reply_port)
        return 0  # the rest of the checks still work if the script replies to the source port

    def check_test(self, reply_port: int, listen_owners: Optional[List]) -> Optional[AbletonOSCClient]:
        """Does /live/test get 'ok'? Returns the client that got it."""
        try:
            client = AbletonOSCClient(self.host, self.port, reply_port)
        except OSError as error:
            self.fail("cannot open a UDP socket: %s" % error)
            return None
        try:
            answer = client.query("/live/test", timeout=self.timeout)
        except (OSCTimeout, OSCError, OSError):
            answer = None
        if answer is not None and answer[:1] == ("ok",):
            self.ok("/live/test answered 'ok'")
            return client
        client.close()
        advice = []
        if reply_port == 0 and self.reply_port:
            advice.append("The answer probably went to port %d, which another program holds (see above)."
                          % self.reply_port)
        elif listen_owners == []:
            advice.append("Nothing listens on port %d (see above)." % self.port)
        else:
            if listen_owners:
                advice.append("Port %d is held by %s but it does not answer as AbletonOSC: if that is not Live, "
                              "close it (a TouchOSC bridge, a second Live, another OSC app) and re-select AbletonOSC "
                              "in Live (its status bar says \"Couldn't bind to port\" when the port was taken)."
                              % (self.port, describe_owners(listen_owners)))
            advice.append(SLOT_HINT.format(port=self.port))
            if not self.local():
                advice.append(FIREWALL_HINT)
            else:
                advice.append("Check Live's status bar and AbletonOSC/logs/abletonosc.log for errors.")
        self.fail("no answer to /live/test from %s:%d within %.1f s" % (self.host, self.port, self.timeout), *advice)
        return None

    def check_versions(self, client: AbletonOSCClient) -> None:
        """Which Live and which AbletonOSC answer."""
        try:
            live = client.query("/live/application/get/version", timeout=self.timeout)
            self.ok("Live %s" % ".".join(str(part) for part in live))
        except (OSCTimeout, OSCError) as error:
            self.fail("no answer to /live/application/get/version: %s" % error)
        try:
            version = str(client.query_value("/live/api/get/version", timeout=self.timeout))
        except (OSCTimeout, OSCError):
            self.fail("the script does not answer /live/api/get/version: it is an older AbletonOSC",
                      "Run `abletonosc install` to install this version, then re-select AbletonOSC in Live.")
            return
        from AbletonOSC import __version__

        if version == __version__:
            self.ok("AbletonOSC %s (the same as this tool)" % version)
        else:
            self.ok("AbletonOSC %s answers" % version)
            self.note("This tool is %s; to install it: `abletonosc install`, then re-select AbletonOSC." % __version__)


def run_doctor(host: str, port: int, reply_port: int, timeout: float = 1.0,
               say: Callable[[str], None] = print) -> int:
    """The `abletonosc doctor` command."""
    return Doctor(host, port, reply_port, timeout, say).run()
