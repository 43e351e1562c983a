"""The MCP server's way to AbletonOSC: one asyncio OSC client, requests in one round of
traffic, writes bundled into one Live undo step, and errors worded for the person at the keyboard.
"""
from __future__ import annotations

import asyncio
import time
from typing import Any, Dict, List, Optional, Sequence, Tuple

from AbletonOSC.osc import encode_message

from ..aio import AsyncAbletonOSCClient
from ..catalog import ADDRESSES, AddressInfo, PAGE
from ..errors import OSCError, OSCTimeout
from ..routing import Pending
from ..wire import BARRIER
from .addressbook import AddressBook

BEGIN_UNDO = "/live/song/begin_undo_step"
END_UNDO = "/live/song/end_undo_step"
# Bundles stay well inside one UDP datagram (the script reads up to 64 KiB).
MAX_BUNDLE_BYTES = 32000
BOOK_RETRY_SECONDS = 10.0
ERROR_PREFIXES = ("Error handling OSC message: ", "Error handling OSC message:")

Message = Tuple[str, Sequence[Any]]


class LiveError(Exception):
    """A request AbletonOSC refused, or a script that does not answer: the text says which and why."""


class Unreachable(LiveError):
    """AbletonOSC does not answer at all."""


def unreachable_text(host: str, port: int, reply_port: int, detail: str = "") -> str:
    """What to say when the script does not answer, and how to fix it."""
    reply = "an ephemeral port (the script must have reply_to_source = true)" if reply_port == 0 \
        else "port %d" % reply_port
    return ("AbletonOSC does not answer at %s:%d%s. Is Live running, with AbletonOSC selected as a Control "
            "Surface (Live's Settings > Link, Tempo & MIDI)? Replies are expected on %s. Run `abletonosc doctor "
            "--port %d --reply-port %d` to find out what is wrong." % (
                host, port, (" (" + detail + ")") if detail else "", reply, port, reply_port))


def script_text(text: str) -> str:
    """The script's error text without the transport's prefix."""
    for prefix in ERROR_PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):].strip()
    return text


class Connection(object):
    """A lazily opened AsyncAbletonOSCClient and the address book of the script it reaches."""

    def __init__(self, host: str = "127.0.0.1", port: int = 11000, reply_port: int = 11001,
                 timeout: float = 2.0) -> None:
        self.host = host
        self.port = port
        self.reply_port = reply_port
        self.timeout = timeout
        self.client = None  # type: Optional[AsyncAbletonOSCClient]
        self.book = AddressBook.from_package()
        self._book_from_script = False
        self._book_retry = 0.0
        self.listens = {}  # type: Dict[Tuple[str, Tuple[Any, ...]], int]  # listen tool calls per subscription
        self._lock = asyncio.Lock()

    # ------------------------------------------------------------------ opening
    async def open(self) -> AsyncAbletonOSCClient:
        """The OSC client, opened on first use (a taken reply port is reported, and tried again next time)."""
        if self.client is not None:
            return self.client
        async with self._lock:
            if self.client is None:
                client = AsyncAbletonOSCClient(self.host, self.port, self.reply_port)
                try:
                    await client.open()
                except OSError as error:
                    raise LiveError(
                        "Cannot receive AbletonOSC's replies on UDP port %d: %s. Another program holds it (a second "
                        "MCP server, a console, a TouchOSC bridge?). Close it, or set reply_to_source = true in "
                        "AbletonOSC's settings.local.ini and start this server with --reply-port 0."
                        % (self.reply_port, error)) from None
                self.client = client
        return self.client

    async def close(self) -> None:
        """Close the OSC client."""
        if self.client is not None:
            await self.client.close()
            self.client = None

    def failure(self, error: Exception) -> LiveError:
        """The LiveError for a client exception."""
        if isinstance(error, OSCError):
            return LiveError("AbletonOSC: %s (%s)" % (script_text(error.text), error.address)
                             if error.address else "AbletonOSC: %s" % script_text(error.text))
        if isinstance(error, OSCTimeout) and error.reachable:
            return LiveError("AbletonOSC answers, but not to %s within %.1f s: %s" % (
                error.address, self.timeout, error))
        return Unreachable(unreachable_text(self.host, self.port, self.reply_port))

    # ------------------------------------------------------------------ reading
    async def query(self, address: str, *args: Any) -> Tuple[Any, ...]:
        """One request's reply values (echoed indices first)."""
        client = await self.open()
        try:
            return await client.query(address, *args, timeout=self.timeout)
        except (OSCError, OSCTimeout) as error:
            raise self.failure(error) from None

    async def query_all(self, address: str, *args: Any) -> List[Tuple[str, Tuple[Any, ...]]]:
        """Every reply to a wildcard or pattern request, as (address, values)."""
        client = await self.open()
        try:
            return await client.query_all(address, *args, timeout=self.timeout)
        except (OSCError, OSCTimeout) as error:
            raise self.failure(error) from None

    async def gather(self, requests: Sequence[Message]) -> List[Any]:
        """Several requests sent at once (one round of traffic); each result is its values or a LiveError.

        A script that does not answer at all raises LiveError.
        """
        results = await asyncio.gather(*(self.query(address, *args) for address, args in requests),
                                       return_exceptions=True)
        for result in results:
            if isinstance(result, Unreachable):
                raise result
            if isinstance(result, BaseException) and not isinstance(result, LiveError):
                raise result
        return list(results)

    # ------------------------------------------------------------------ writing
    async def exchange(self, messages: Sequence[Message],
                       undo_step: bool = True) -> List[Optional[Tuple[Any, ...]]]:
        """Send messages in bundles (in order, one Live undo step when ``undo_step``); return each reply
        (None for a message that answers nothing).

        Raises LiveError naming every refused message after the whole batch has run, as Live ran it.
        """
        client = await self.open()
        batch = list(messages)
        if undo_step:
            batch = [(BEGIN_UNDO, ())] + batch + [(END_UNDO, ())]
            offset = 1
        else:
            offset = 0
        pendings = []
        for address, args in batch:
            pending = Pending(address, tuple(args), address)
            pendings.append(pending)
            client.router.add_pending(pending)
        try:
            for chunk in _chunks(batch):
                client.send_bundle(chunk)
            # The script answers in order: once the barrier is answered every reply and error is in.
            await client.query(BARRIER, timeout=self.timeout)
        except (OSCError, OSCTimeout) as error:
            raise self.failure(error) from None
        finally:
            for pending in pendings:
                client.router.discard_pending(pending)
        failures = [(address, pending.error[0]) for (address, _args), pending in zip(batch, pendings)
                    if pending.error is not None]
        if failures:
            raise LiveError("; ".join("AbletonOSC refused %s: %s" % (address, script_text(text))
                                      for address, text in failures))
        results = [pending.values if pending.done else None for pending in pendings]
        return results[offset:len(results) - offset] if offset else results

    # ------------------------------------------------------------------ the address book
    async def address_book(self) -> AddressBook:
        """The running script's addresses (once it answers), described by the package's registry."""
        if self._book_from_script or time.monotonic() < self._book_retry:
            return self.book
        try:
            listed = await self._list_addresses()
        except LiveError:
            # Not reachable yet: the package's registry stands in, and the next few calls do not wait again.
            self._book_retry = time.monotonic() + BOOK_RETRY_SECONDS
            return self.book
        self.book = self.book.merged_with_server(listed)
        self._book_from_script = True
        return self.book

    async def _list_addresses(self) -> List[AddressInfo]:
        first = await self.query(ADDRESSES, "//*", 0, PAGE)
        total = int(first[0])
        pages = [first] + list(await asyncio.gather(*(
            self.query(ADDRESSES, "//*", start, PAGE) for start in range(PAGE, total, PAGE))))
        result = []
        for values in pages:
            flat = values[2:]
            for position in range(0, len(flat) - 2, 3):
                result.append(AddressInfo(str(flat[position]), str(flat[position + 1]), str(flat[position + 2])))
        return result


def _chunks(messages: Sequence[Message]) -> List[List[Message]]:
    """The messages in runs that each fit in one bundle of at most MAX_BUNDLE_BYTES, in order."""
    chunks = []  # type: List[List[Message]]
    current = []  # type: List[Message]
    size = 16
    for address, args in messages:
        length = 4 + len(encode_message(address, tuple(args)))
        if current and size + length > MAX_BUNDLE_BYTES:
            chunks.append(current)
            current, size = [], 16
        current.append((address, args))
        size += length
    if current:
        chunks.append(current)
    return chunks
