"""The catalogue of addresses the console completes and documents: from a running script's
introspection (/live/api/get/addresses), else from the registry in the AbletonOSC package."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

ADDRESSES = "/live/api/get/addresses"
ADDRESS = "/live/api/get/address"
PAGE = 200


class AddressInfo(object):
    """One address: its argument and reply signatures, and what is known about it."""

    __slots__ = ("address", "args", "reply", "kind", "doc", "since", "available")

    def __init__(self, address: str, args: str = "", reply: str = "", kind: str = "", doc: str = "",
                 since: str = "", available: Optional[bool] = None) -> None:
        self.address = address
        self.args = args
        self.reply = reply
        self.kind = kind or guess_kind(address, reply)
        self.doc = doc
        self.since = since
        self.available = available  # whether the running Live has it; None when not asked

    @property
    def arg_names(self) -> List[str]:
        """The argument tokens of the signature, e.g. ['track_id:T', 'value:f?']."""
        return self.args.split()

    @property
    def replies(self) -> bool:
        """Whether a message to this address is answered directly (so the console waits)."""
        return bool(self.reply) and not self.reply.startswith("->") and self.kind != "status"


def guess_kind(address: str, reply: str) -> str:
    """The kind of an address from its name (introspection pages carry no kind)."""
    parts = address.split("/")
    for kind in ("start_listen", "stop_listen", "get", "set"):
        if kind in parts:
            return kind
    return "method"


def completion_entries(registry: Any = None) -> List[AddressInfo]:
    """Every address of the AbletonOSC package's registry, in registration order."""
    if registry is None:
        from AbletonOSC.handlers import build_registry

        registry = build_registry()
    return [
        AddressInfo(d["address"], d["args"], d["reply"], d["kind"], d["doc"], d["since"])
        for d in registry.describe()
    ]


def from_server(client: Any, timeout: float = 1.0) -> List[AddressInfo]:
    """Every address a running script reports, page by page."""
    result = []  # type: List[AddressInfo]
    start = 0
    while True:
        values = client.query(ADDRESSES, "//*", start, PAGE, timeout=timeout, probe=False)
        total, flat = int(values[0]), values[2:]
        for position in range(0, len(flat) - 2, 3):
            result.append(AddressInfo(str(flat[position]), str(flat[position + 1]), str(flat[position + 2])))
        start += len(flat) // 3
        if start >= total or not flat:
            return result


def describe_from_server(client: Any, address: str, timeout: float = 1.0) -> Optional[AddressInfo]:
    """One address as a running script describes it, or None when it does not know it."""
    values = client.query(ADDRESS, address, timeout=timeout, probe=False)
    if len(values) < 6:
        return None
    available = None if len(values) < 7 else str(values[6]) == "yes"
    return AddressInfo(str(values[0]), str(values[2]), str(values[3]), str(values[1]), str(values[4]),
                       str(values[5]), available)


def load(client: Any = None, timeout: float = 1.0) -> Tuple[List[AddressInfo], str]:
    """(entries, source): the server's catalogue when it answers, else the package's."""
    if client is not None:
        try:
            return from_server(client, timeout), "server"
        except Exception:  # no server, or an older one without introspection
            pass
    return completion_entries(), "package"


def by_address(entries: List[AddressInfo]) -> Dict[str, AddressInfo]:
    """Entries keyed by address."""
    return dict((entry.address, entry) for entry in entries)
