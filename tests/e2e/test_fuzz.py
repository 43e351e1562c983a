"""Robustness: random arguments to every address and random datagrams never break the script."""
import random
import struct

import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set
from tests.e2e.test_contract import SERVED_KINDS, contract_rows

pytestmark = pytest.mark.livesim_only

VALUES = [0, 1, 2, 3, -1, 7, 127, 2 ** 31 - 1, -(2 ** 40), 0.0, 0.5, 1.0, -3.25, 1e9, float("inf"), float("nan"),
          "", "*", "x", "A", "master", "0.1", "1-MIDI", "C", True, False, None, b"\x00\x01"]


def _random_args(rng):
    return tuple(rng.choice(VALUES) for _ in range(rng.randint(0, 6)))


def test_random_arguments_to_every_address():
    rng = random.Random(1234)
    addresses = [row["address"] for row in contract_rows() if row["kind"] in SERVED_KINDS]
    addresses = [a for a in addresses if a != "/live/api/reload"]
    addresses += ["/live/track/get/*", "/live/clip/get/*", "/live/*/get/name", "/live/device/get/parameters/*"]
    with running_sim(rich_set()) as (sim, client):
        for round_ in range(3):
            rng.shuffle(addresses)
            for number, address in enumerate(addresses):
                client.send(address, *_random_args(rng))
                if number % 40 == 39:
                    client.sync(timeout=5.0)
                    client.inbox = []
                    client.error_log = []
            client.sync(timeout=5.0)
            sim.advance(0.5)
        client.drain()
        assert client.query("/live/test") == ("ok",)
        assert client.query("/live/song/get/num_scenes")[0] >= 0


def test_random_datagrams():
    rng = random.Random(99)
    with running_sim() as (sim, client):
        for number in range(300):
            kind = number % 4
            if kind == 0:
                data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 64)))
            elif kind == 1:  # a plausible head with a broken body
                data = b"/live/song/get/tempo\x00\x00\x00\x00,ifs\x00\x00\x00\x00" + bytes(
                    rng.getrandbits(8) for _ in range(rng.randint(0, 12)))
            elif kind == 2:  # a bundle with a lying element size
                data = b"#bundle\x00" + struct.pack(">Q", 1) + struct.pack(">i", rng.randint(-8, 4096)) + b"/x\x00\x00"
            else:  # nested bundles, deeper than anyone needs
                inner = b"/live/test\x00\x00,\x00\x00\x00"
                for _ in range(rng.randint(1, 40)):
                    inner = b"#bundle\x00" + struct.pack(">Q", 1) + struct.pack(">i", len(inner)) + inner
                data = inner
            client.send_raw(data)
            if number % 40 == 39:
                client.sync(timeout=5.0)
                client.inbox = []
                client.error_log = []
        client.drain()
        assert client.query("/live/song/get/num_tracks") == (4,)
