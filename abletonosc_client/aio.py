"""AsyncAbletonOSCClient: the asyncio flavour of the client (an asyncio DatagramProtocol)."""
from __future__ import annotations

import asyncio
from typing import Any, Callable, Iterable, List, Optional, Sequence, Tuple

from AbletonOSC.osc import encode_message

from .addresses import after_echo, listen_addresses
from .errors import OSCError, OSCTimeout, timeout_message
from .routing import Collector, Pending, Router, RouterCallbacks, Values, collected, settle_listen
from .wire import BARRIER, DEFAULT_TIMEOUT, PROBE_TIMEOUT, STOP_LISTEN_ALL, TEST, barrier_for, bundle_of, open_socket


class _Protocol(asyncio.DatagramProtocol):
    def __init__(self, owner: "AsyncAbletonOSCClient") -> None:
        self.owner = owner

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self.owner._handle(data)

    def error_received(self, exc: Exception) -> None:
        pass  # an ICMP "port unreachable" for an earlier send: the script is not there yet


class AsyncAbletonOSCClient(RouterCallbacks):
    """``async with AsyncAbletonOSCClient() as client: await client.query(...)``.

    Same semantics as AbletonOSCClient; callbacks run on the event loop and may be
    coroutine functions.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 11000, reply_port: int = 11001) -> None:
        self.host = host
        self.port = port
        self.reply_port = reply_port
        self.router = Router()
        self.transport = None  # type: Optional[asyncio.DatagramTransport]
        self.loop = None  # type: Optional[asyncio.AbstractEventLoop]

    async def open(self) -> "AsyncAbletonOSCClient":
        """Bind the reply port and start receiving."""
        self.loop = asyncio.get_event_loop()
        sock = open_socket(self.reply_port)
        sock.setblocking(False)
        transport, _protocol = await self.loop.create_datagram_endpoint(lambda: _Protocol(self), sock=sock)
        self.transport = transport  # type: ignore[assignment]
        self.reply_port = sock.getsockname()[1]
        return self

    async def __aenter__(self) -> "AsyncAbletonOSCClient":
        return await self.open()

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    async def close(self) -> None:
        """End this client's listeners in the script and close the socket."""
        if self.transport is not None:
            try:
                self.send(STOP_LISTEN_ALL)  # otherwise the script keeps sending to a port nobody reads
            except OSError:
                pass
            self.transport.close()
            self.transport = None

    def send(self, address: str, *args: Any) -> None:
        """Send one message; no reply is awaited."""
        self._sendto(encode_message(address, args))

    def send_bundle(self, messages: Iterable[Tuple[str, Sequence[Any]]]) -> None:
        """Send (address, args) pairs in one bundle: the script runs them in order, in one go."""
        self._sendto(bundle_of(messages))

    def _sendto(self, data: bytes) -> None:
        if self.transport is None:
            raise RuntimeError("the client is not open (use `async with` or `await client.open()`)")
        self.transport.sendto(data, (self.host, self.port))

    async def query(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT, probe: bool = True) -> Values:
        """Send and return the reply's values as the script sends them (echoed indices first)."""
        pending, future = self._start(address, args, address, address, None)
        return await self._finish(pending, future, address, timeout, probe)

    async def query_value(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT) -> Any:
        """Query and return what follows the echoed arguments: one value, or a tuple of several."""
        return after_echo(args, await self.query(address, *args, timeout=timeout))

    async def query_all(self, address: str, *args: Any,
                        timeout: float = DEFAULT_TIMEOUT) -> List[Tuple[str, Values]]:
        """Every reply to a request answered several times (a '*' index or a pattern), as (address, values)."""
        collector = Collector(address, args)
        self.router.add_pending(collector)
        try:
            self.send(address, *args)
            await self.query(barrier_for(address), timeout=timeout)  # see AbletonOSCClient.query_all
        finally:
            self.router.discard_pending(collector)
        return collected(collector)

    def _start(self, address: str, args: Tuple[Any, ...], reply_address: str, error_address: str,
               listener: Any) -> Tuple[Pending, "asyncio.Future[Pending]"]:
        assert self.loop is not None
        future = self.loop.create_future()  # type: asyncio.Future[Pending]

        def done(pending: Pending) -> None:
            if not future.done():
                future.set_result(pending)

        pending = Pending(reply_address, args, error_address, on_done=done)
        pending.listener = listener
        self.router.add_pending(pending)
        try:
            self.send(address, *args)
        except BaseException:
            self.router.discard_pending(pending)
            raise
        return pending, future

    async def _finish(self, pending: Pending, future: "asyncio.Future[Pending]", address: str, timeout: float,
                      probe: bool) -> Values:
        try:
            await asyncio.wait_for(asyncio.shield(future), timeout)
        except asyncio.TimeoutError:
            self.router.discard_pending(pending)
            raise await self._timeout(address, timeout, probe)
        except BaseException:
            self.router.discard_pending(pending)
            raise
        if pending.error is not None:
            raise OSCError(pending.error[0], pending.error[1])
        return pending.values or ()

    async def _timeout(self, address: str, timeout: float, probe: bool) -> OSCTimeout:
        target = "%s:%d" % (self.host, self.port)
        probing = address == TEST
        reachable = await self.ping(max(timeout, PROBE_TIMEOUT)) if probe and not probing else False
        return OSCTimeout(timeout_message(address, timeout, target, reachable, probing, probe), address,
                          reachable)

    async def ping(self, timeout: float = PROBE_TIMEOUT) -> bool:
        """Whether the script answers /live/test with 'ok' within ``timeout``."""
        try:
            return (await self.query(TEST, timeout=timeout))[:1] == ("ok",)
        except (OSCError, OSCTimeout, OSError):
            return False

    async def listen(self, address: str, callback: Callable[..., Any], *args: Any, wait: bool = True,
                     timeout: float = DEFAULT_TIMEOUT) -> Optional[Values]:
        """Start listening to a property; callback(*values) per update; returns the current value (or None)."""
        get_address, start_address, stop_address = listen_addresses(address)
        listener = self.router.add_listener(get_address, start_address, stop_address, args, callback)
        if not wait:
            self.send(start_address, *args)
            return None
        pending, _future = self._start(start_address, args, get_address, start_address, listener)
        try:
            await self.query(BARRIER, timeout=timeout)  # see AbletonOSCClient.listen
        except OSCTimeout:
            self.router.discard_pending(pending)
            self.router.remove_listener(get_address, args)
            raise
        return settle_listen(self.router, pending, get_address, args)

    async def unlisten(self, address: str, *args: Any) -> None:
        """Stop listening to a property."""
        get_address, _start, stop_address = listen_addresses(address)
        self.router.remove_listener(get_address, args)
        self.send(stop_address, *args)

    async def wait_for(self, address: str, timeout: float = DEFAULT_TIMEOUT,
                       trigger: Optional[Callable[[], Any]] = None) -> Values:
        """The values of the next message on ``address`` that answers no request; ``trigger`` runs once armed."""
        assert self.loop is not None
        future = self.loop.create_future()  # type: asyncio.Future[Values]

        def done(waiter: Pending) -> None:
            if not future.done():
                future.set_result(waiter.values or ())

        waiter = Pending(address, (), on_done=done)
        self.router.add_waiter(waiter)
        try:
            if trigger is not None:
                trigger()
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise OSCTimeout("no %s within %.2f s" % (address, timeout), address, False)
        finally:
            self.router.discard_waiter(waiter)

    def _resubscribe(self) -> None:
        if self.transport is not None:
            for start_address, args in self.router.resubscriptions():
                self.send(start_address, *args)

    def _deliver(self, callback: Callable[..., Any], values: Values) -> None:
        try:
            result = callback(*values)
            if asyncio.iscoroutine(result):
                asyncio.ensure_future(result)
        except Exception:  # a failing callback must not stop the others
            import traceback

            traceback.print_exc()
