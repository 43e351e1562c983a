"""Several clients: nothing of one reaches another; a client that vanished costs nothing."""
import logging
import time

from tests.e2e.harness import OSCClient, running_sim


def test_replies_errors_and_listeners_stay_with_their_client():
    with running_sim(clients=3, reply_to_source=True) as (sim, (a, b, c)):
        a.send("/live/song/start_listen/tempo")
        assert a.wait_for("/live/song/get/tempo") == (120.0,)
        b.send("/live/track/start_listen/name", 0)
        b.wait_for("/live/track/get/name")
        c.send("/live/no/such/address")
        c.expect_error(address="/live/no/such/address")
        c.send("/live/song/set/tempo", 130.0)
        assert a.wait_for("/live/song/get/tempo") == (130.0,)
        c.send("/live/track/set/name", 0, "Renamed")
        assert b.wait_for("/live/track/get/name", lambda args: args[-1] == "Renamed") == (0, "Renamed")
        assert c.query("/live/song/get/tempo") == (130.0,)
        # Nothing crossed over: a has no track names or errors, b no tempo or errors, c no updates.
        assert a.take_all("/live/track/get/name") == [] and a.errors() == []
        assert b.take_all("/live/song/get/tempo") == [] and b.errors() == []
        assert c.take_all("/live/song/get/tempo") == [] and c.take_all("/live/track/get/name") == []
        a.send("/live/song/stop_listen/tempo")
        b.send("/live/track/stop_listen/name", 0)
        a.sync()
        b.sync()


class _Warnings(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self, logging.WARNING)
        self.found = []

    def emit(self, record):
        self.found.append(record.getMessage())


def test_a_client_that_disappears_costs_nothing():
    with running_sim(reply_to_source=True) as (sim, client):
        gone = OSCClient("127.0.0.1", sim.port)
        gone.send("/live/song/start_listen/tempo")
        gone.send("/live/song/start_listen/is_playing")
        gone.wait_for("/live/song/get/tempo")
        gone.close()  # its port is closed now: replies to it meet ICMP port unreachable
        warnings = _Warnings()
        logger = logging.getLogger("abletonosc")
        logger.addHandler(warnings)
        try:
            start = time.monotonic()
            for n in range(200):
                client.send("/live/song/set/tempo", 100.0 + n % 50)
                client.send("/live/song/get/tempo")
            client.sync(timeout=10.0)
            assert client.query("/live/test") == ("ok",)
            assert time.monotonic() - start < 10.0  # generous: it takes well under a second
        finally:
            logger.removeHandler(warnings)
        replies = client.take_all("/live/song/get/tempo")
        assert len(replies) == 200
        assert warnings.found == []
