"""Routing incoming messages: query replies to their requests, updates to listeners.

Pure bookkeeping shared by the threaded and the asyncio client; no sockets here. A reply is
matched to a pending request by its address and by the request's arguments echoed at the
start of the reply (the script echoes index arguments first), so concurrent requests on one
address do not cross. Replies that echo nothing (a few /live/api addresses, song getters
with extra arguments) go to the oldest request on their address, which is right because the
script answers one client's requests in the order they were sent.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Dict, List, Optional, Tuple

from AbletonOSC.osc import OSCDecodeError, decode_packet, is_pattern, pattern_matches

from .addresses import echoes, listen_addresses, same_value
from .errors import OSCError
from .wire import messages_of

ERROR = "/live/error"
STARTUP = "/live/startup"
LISTENER_DROPPED = "/live/api/listener_dropped"

Values = Tuple[Any, ...]
Call = Tuple[Callable[..., Any], Values]


class Pending(object):
    """One request waiting for its reply (or for the /live/error that answers it)."""

    def __init__(self, address: str, args: Values, error_address: Optional[str] = None,
                 on_done: Optional[Callable[["Pending"], None]] = None) -> None:
        self.address = address
        self.args = tuple(args)
        self.error_address = error_address or address
        self.values = None  # type: Optional[Values]
        self.error = None  # type: Optional[Tuple[str, str]]
        self.done = False
        self.on_done = on_done
        self.listener = None  # type: Optional[Listener]

    def accepts(self, address: str) -> bool:
        """Whether a reply on ``address`` may answer this request."""
        return address == self.address

    def complete(self, values: Optional[Values], error: Optional[Tuple[str, str]]) -> None:
        """Record the reply or the error, and wake whoever waits."""
        self.values = values
        self.error = error
        self.done = True
        if self.on_done is not None:
            self.on_done(self)


class Collector(Pending):
    """A request answered several times (a wildcard index or an address pattern): gathers every
    reply, with its address, until its owner stops it."""

    def __init__(self, address: str, args: Values) -> None:
        Pending.__init__(self, address, args)
        self.pattern = is_pattern(address)
        self.replies = []  # type: List[Tuple[str, Values]]
        self.errors = []  # type: List[Tuple[str, str]]

    def accepts(self, address: str) -> bool:
        """Whether a reply on ``address`` may answer this request."""
        return address == self.address or (self.pattern and pattern_matches(self.address, address))

    def add(self, address: str, values: Values) -> None:
        """Record one reply; the request stays pending."""
        self.replies.append((address, values))

    def complete(self, values: Optional[Values], error: Optional[Tuple[str, str]]) -> None:
        """Record one error; the request stays pending."""
        if error is not None:
            self.errors.append(error)


class Listener(object):
    """A subscription: updates on ``get_address`` whose leading values echo ``args``."""

    def __init__(self, get_address: str, start_address: str, stop_address: str, args: Values) -> None:
        self.get_address = get_address
        self.start_address = start_address
        self.stop_address = stop_address
        self.args = tuple(args)
        self.callbacks = []  # type: List[Callable[..., Any]]


class Router(object):
    """Pending requests, listeners and status handlers of one client."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending = []  # type: List[Pending]
        self.listeners = {}  # type: Dict[Tuple[str, Values], Listener]
        self.handlers = {}  # type: Dict[str, List[Callable[..., Any]]]
        self.monitors = []  # type: List[Callable[[str, Values], Any]]
        self.unhandled = []  # type: List[Callable[[str, Values], Any]]
        self.waiters = []  # type: List[Pending]

    # ------------------------------------------------------------------ tables
    def add_pending(self, pending: Pending) -> None:
        """Register a request; call before sending it so the order matches the wire."""
        with self.lock:
            self.pending.append(pending)

    def discard_pending(self, pending: Pending) -> None:
        """Forget a request (answered or timed out)."""
        with self.lock:
            if pending in self.pending:
                self.pending.remove(pending)

    def add_waiter(self, waiter: Pending) -> None:
        """Complete ``waiter`` with the next message on its address that answers no request."""
        with self.lock:
            self.waiters.append(waiter)

    def discard_waiter(self, waiter: Pending) -> None:
        """Forget a waiter (it timed out)."""
        with self.lock:
            if waiter in self.waiters:
                self.waiters.remove(waiter)

    def add_listener(self, get_address: str, start_address: str, stop_address: str, args: Values,
                     callback: Callable[..., Any]) -> Listener:
        """Add a callback to the listener keyed by (get address, args)."""
        key = (get_address, tuple(args))
        with self.lock:
            listener = self.listeners.get(key)
            if listener is None:
                listener = Listener(get_address, start_address, stop_address, args)
                self.listeners[key] = listener
            listener.callbacks.append(callback)
            return listener

    def remove_listener(self, get_address: str, args: Values) -> Optional[Listener]:
        """Remove and return the listener keyed by (get address, args)."""
        with self.lock:
            return self.listeners.pop((get_address, tuple(args)), None)

    def add_handler(self, address: str, callback: Callable[..., Any]) -> None:
        """Call ``callback(*values)`` for each message on ``address`` that answers no request."""
        with self.lock:
            self.handlers.setdefault(address, []).append(callback)

    def remove_handler(self, address: str, callback: Optional[Callable[..., Any]] = None) -> None:
        """Remove one handler of ``address``, or all of them."""
        with self.lock:
            if callback is None:
                self.handlers.pop(address, None)
                return
            callbacks = self.handlers.get(address, [])
            if callback in callbacks:
                callbacks.remove(callback)

    def add_monitor(self, callback: Callable[[str, Values], Any]) -> None:
        """Call ``callback(address, values)`` for every message."""
        with self.lock:
            self.monitors.append(callback)

    def add_unhandled(self, callback: Callable[[str, Values], Any]) -> None:
        """Call ``callback(address, values)`` for each message nothing else took."""
        with self.lock:
            self.unhandled.append(callback)

    def resubscriptions(self) -> List[Tuple[str, Values]]:
        """The start_listen messages that restore every listener."""
        with self.lock:
            return [(listener.start_address, listener.args) for listener in self.listeners.values()]

    # ------------------------------------------------------------------ routing
    def route(self, address: str, values: Values) -> List[Call]:
        """Resolve what ``address``/``values`` answers; return the callbacks to run, in order."""
        calls = []  # type: List[Call]
        with self.lock:
            for monitor in self.monitors:
                calls.append((monitor, (address, values)))
            if address == ERROR and len(values) >= 2:
                about = str(values[1])
                pending = self._oldest(lambda p: p.error_address == about or (
                    isinstance(p, Collector) and p.accepts(about)))
                if pending is not None:
                    if not isinstance(pending, Collector):
                        self.pending.remove(pending)
                    pending.complete(None, (str(values[0]), about))
                    return calls
            pending = self._reply_to(address, values)
            if isinstance(pending, Collector):
                pending.add(address, values)
                return calls
            if pending is not None:
                self.pending.remove(pending)
                pending.complete(values, None)
                if pending.listener is not None:
                    calls.extend((cb, values) for cb in pending.listener.callbacks)
                return calls
            if address == LISTENER_DROPPED and values:
                self._forget_dropped(str(values[0]), tuple(values[1:]))
            for waiter in [w for w in self.waiters if w.address == address]:
                self.waiters.remove(waiter)
                waiter.complete(values, None)
            listeners = self._listeners_for(address, values)
            for listener in listeners:
                calls.extend((cb, values) for cb in listener.callbacks)
            if not listeners:
                calls.extend((cb, values) for cb in self.handlers.get(address, ()))
            if len(calls) == len(self.monitors):
                calls.extend((cb, (address, values)) for cb in self.unhandled)
            return calls

    def _forget_dropped(self, start_address: str, indices: Values) -> None:
        # The object is gone: re-subscribing after /live/startup would only earn an error.
        # A '*' listener stays (it still covers the other objects).
        try:
            get_address = listen_addresses(start_address)[0]
        except ValueError:
            return
        for key, listener in list(self.listeners.items()):
            if (listener.get_address == get_address and "*" not in listener.args
                    and len(listener.args) == len(indices)
                    and all(same_value(a, b) for a, b in zip(listener.args, indices))):
                del self.listeners[key]

    def _oldest(self, accept: Callable[[Pending], bool]) -> Optional[Pending]:
        for pending in self.pending:
            if accept(pending):
                return pending
        return None

    def _reply_to(self, address: str, values: Values) -> Optional[Pending]:
        # Requests for exactly this address come before patterns that match it.
        candidates = [p for p in self.pending if p.address == address]
        candidates += [p for p in self.pending if p.address != address and p.accepts(address)]
        if not candidates:
            return None
        best = None  # type: Optional[Pending]
        for pending in candidates:
            if echoes(pending.args, values) and (best is None or len(pending.args) > len(best.args)):
                best = pending
        if best is not None:
            return best
        # Nothing echoed: an update of one of our listeners is not a reply to someone else.
        if self._matching_listeners(address, values):
            return None
        return candidates[0]

    def _matching_listeners(self, address: str, values: Values) -> List[Listener]:
        return [
            listener for (get_address, _), listener in self.listeners.items()
            if get_address == address and echoes(listener.args, values)
        ]

    def _listeners_for(self, address: str, values: Values) -> List[Listener]:
        matching = self._matching_listeners(address, values)
        if matching:
            return matching
        # Updates that carry no indices (device name/class_name/type, as upstream), or the
        # indices of an object that moved: with one listener on the address, they are its.
        on_address = [listener for (get_address, _), listener in self.listeners.items() if get_address == address]
        return on_address if len(on_address) == 1 else []


def settle_listen(router: Router, pending: Pending, get_address: str, args: Tuple[Any, ...]) -> Optional[Values]:
    """After the barrier: the listener's first value, None when none came, OSCError if refused."""
    router.discard_pending(pending)
    if pending.error is not None:
        router.remove_listener(get_address, args)
        raise OSCError(pending.error[0], pending.error[1])
    return pending.values if pending.done else None


def collected(collector: Collector) -> List[Tuple[str, Values]]:
    """A finished collector's replies; OSCError when errors were all it got."""
    if not collector.replies and collector.errors:
        raise OSCError(collector.errors[0][0], collector.errors[0][1])
    return collector.replies


class RouterCallbacks(object):
    """The callback registrations both clients offer, on their ``self.router``, and their receiving.

    A client says how a routed callback runs (``_deliver``) and how it listens again after the
    script restarts (``_resubscribe``).
    """

    router: Router

    def _deliver(self, callback: Callable[..., Any], values: Values) -> None:
        raise NotImplementedError

    def _resubscribe(self) -> None:
        raise NotImplementedError

    def _handle(self, data: bytes) -> None:
        """Route one received datagram; what cannot be decoded is dropped."""
        try:
            packet = decode_packet(data)
        except OSCDecodeError:
            return
        for message in messages_of(packet):
            for callback, values in self.router.route(message.address, tuple(message.args)):
                self._deliver(callback, values)
            if message.address == STARTUP:
                self._resubscribe()

    def on(self, address: str, callback: Callable[..., Any]) -> None:
        """Call ``callback(*values)`` for each message on ``address`` that is no reply or listened update."""
        self.router.add_handler(address, callback)

    def off(self, address: str, callback: Optional[Callable[..., Any]] = None) -> None:
        """Remove a callback given to ``on`` (all of the address's when none is given)."""
        self.router.remove_handler(address, callback)

    def monitor(self, callback: Callable[[str, Values], Any]) -> None:
        """Call ``callback(address, values)`` for every message received."""
        self.router.add_monitor(callback)

    def on_unhandled(self, callback: Callable[[str, Values], Any]) -> None:
        """Call ``callback(address, values)`` for each message nothing else took."""
        self.router.add_unhandled(callback)
