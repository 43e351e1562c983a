"""AbletonOSCClient: a threaded OSC client for AbletonOSC (outside Live, so threads are fine)."""
from __future__ import annotations

import queue
import threading
from typing import Any, Callable, Iterable, List, Optional, Sequence, Tuple

from AbletonOSC.osc import encode_message

from .addresses import after_echo, listen_addresses
from .errors import OSCError, OSCTimeout, timeout_message
from .routing import Collector, Pending, Router, RouterCallbacks, Values, collected, settle_listen
from .wire import (BARRIER, DEFAULT_TIMEOUT, PROBE_TIMEOUT, RECV_SIZE, STOP_LISTEN_ALL, TEST, barrier_for, bundle_of,
                   open_socket)


class AbletonOSCClient(RouterCallbacks):
    """Send to AbletonOSC, query it, and listen to Live's properties.

    Replies are received on ``reply_port`` (0: an ephemeral port, for the script's
    ``reply_to_source`` mode). Requests are sent from the same socket, so in that mode the
    replies come back to it. Callbacks run one at a time on a callback thread, so they may
    call ``query``.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 11000, reply_port: int = 11001) -> None:
        self.host = host
        self.port = port
        self.router = Router()
        self.sock = open_socket(reply_port)
        self.reply_port = self.sock.getsockname()[1]
        self._send_lock = threading.Lock()
        self._closed = False
        self._calls = queue.Queue()  # type: queue.Queue
        self._receiver = threading.Thread(target=self._receive_loop, name="abletonosc-receive", daemon=True)
        self._dispatcher = threading.Thread(target=self._callback_loop, name="abletonosc-callbacks", daemon=True)
        self._receiver.start()
        self._dispatcher.start()

    # ------------------------------------------------------------------ sending
    def send(self, address: str, *args: Any) -> None:
        """Send one message; no reply is awaited."""
        data = encode_message(address, args)
        with self._send_lock:
            self.sock.sendto(data, (self.host, self.port))

    def send_bundle(self, messages: Iterable[Tuple[str, Sequence[Any]]]) -> None:
        """Send (address, args) pairs in one bundle: the script runs them in order, in one go."""
        data = bundle_of(messages)
        with self._send_lock:
            self.sock.sendto(data, (self.host, self.port))

    def query(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT, probe: bool = True) -> Values:
        """Send and return the reply's values as the script sends them (echoed indices first).

        Raises OSCError when the script answers with /live/error, OSCTimeout without a reply
        (with ``probe``, after asking /live/test whether the script is there at all).
        """
        pending, done = self._start(address, args, address, address, None)
        return self._finish(pending, done, address, timeout, probe)

    def query_value(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT) -> Any:
        """Query and return what follows the echoed arguments: one value, or a tuple of several."""
        return after_echo(args, self.query(address, *args, timeout=timeout))

    def query_all(self, address: str, *args: Any, timeout: float = DEFAULT_TIMEOUT) -> List[Tuple[str, Values]]:
        """Every reply to a request answered several times: a wildcard index ('*') or an address
        pattern (/live/song/get/*). Returns (address, values) pairs in arrival order."""
        collector = Collector(address, args)
        self._register_and_send(collector, encode_message(address, args))
        try:
            # The script answers in order: the barrier's answer comes after every reply.
            self.query(barrier_for(address), timeout=timeout)
        finally:
            self.router.discard_pending(collector)
        return collected(collector)

    def _start(self, address: str, args: Tuple[Any, ...], reply_address: str, error_address: str,
               listener: Any) -> Tuple[Pending, threading.Event]:
        done = threading.Event()
        pending = Pending(reply_address, args, error_address, on_done=lambda _p: done.set())
        pending.listener = listener
        self._register_and_send(pending, encode_message(address, args))
        return pending, done

    def _register_and_send(self, pending: Pending, data: bytes) -> None:
        # Registered and sent under one lock: pending order is wire order.
        with self._send_lock:
            self.router.add_pending(pending)
            try:
                self.sock.sendto(data, (self.host, self.port))
            except OSError:
                self.router.discard_pending(pending)
                raise

    def _finish(self, pending: Pending, done: threading.Event, address: str, timeout: float,
                probe: bool) -> Values:
        if not done.wait(timeout):
            self.router.discard_pending(pending)
            if not pending.done:
                raise self._timeout(address, timeout, probe)
        if pending.error is not None:
            raise OSCError(pending.error[0], pending.error[1])
        return pending.values or ()

    def _timeout(self, address: str, timeout: float, probe: bool = True) -> OSCTimeout:
        target = "%s:%d" % (self.host, self.port)
        probing = address == TEST
        reachable = False
        if probe and not probing and not self._closed:
            reachable = self.ping(max(timeout, PROBE_TIMEOUT))
        return OSCTimeout(timeout_message(address, timeout, target, reachable, probing, probe), address,
                          reachable)

    def ping(self, timeout: float = PROBE_TIMEOUT) -> bool:
        """Whether the script answers /live/test with 'ok' within ``timeout``."""
        try:
            return self.query(TEST, timeout=timeout)[:1] == ("ok",)
        except (OSCError, OSCTimeout, OSError):
            return False

    # ------------------------------------------------------------------ listening
    def listen(self, address: str, callback: Callable[..., Any], *args: Any, wait: bool = True,
               timeout: float = DEFAULT_TIMEOUT) -> Optional[Values]:
        """Start listening to a property (its get or start_listen address); callback(*values) per update.

        With ``wait`` it returns the current value the script sends at once (None for the beat,
        which has none), raises OSCError if the script refuses and OSCTimeout if it does not
        answer. The listener is restored after /live/startup.
        """
        get_address, start_address, stop_address = listen_addresses(address)
        listener = self.router.add_listener(get_address, start_address, stop_address, args, callback)
        if not wait:
            self.send(start_address, *args)
            return None
        pending, _done = self._start(start_address, args, get_address, start_address, listener)
        try:
            # The script answers in order: once the barrier is answered, the current value (if
            # the property sends one: the beat does not) or the error has arrived.
            self.query(BARRIER, timeout=timeout)
        except OSCTimeout:
            self.router.discard_pending(pending)
            self.router.remove_listener(get_address, args)
            raise
        return settle_listen(self.router, pending, get_address, args)

    def unlisten(self, address: str, *args: Any) -> None:
        """Stop listening to a property (its get, start_listen or stop_listen address)."""
        get_address, _start, stop_address = listen_addresses(address)
        self.router.remove_listener(get_address, args)
        self.send(stop_address, *args)

    def wait_for(self, address: str, timeout: float = DEFAULT_TIMEOUT,
                 trigger: Optional[Callable[[], Any]] = None) -> Values:
        """The values of the next message on ``address`` that answers no request (e.g. /live/startup).

        ``trigger`` runs once the wait is armed: send what causes the message there, so it
        cannot arrive before the wait begins.
        """
        done = threading.Event()
        waiter = Pending(address, (), on_done=lambda _p: done.set())
        self.router.add_waiter(waiter)
        if trigger is not None:
            trigger()
        if not done.wait(timeout):
            self.router.discard_waiter(waiter)
            if not waiter.done:
                raise OSCTimeout("no %s within %.2f s" % (address, timeout), address, False)
        return waiter.values or ()

    def wait_callbacks(self, timeout: float = DEFAULT_TIMEOUT) -> bool:
        """Wait until the callbacks of every message received so far have run."""
        if threading.current_thread() is self._dispatcher:
            return True
        done = threading.Event()
        self._calls.put((lambda: done.set(), ()))
        return done.wait(timeout)

    # ------------------------------------------------------------------ receiving
    def _receive_loop(self) -> None:
        while not self._closed:
            try:
                data, _source = self.sock.recvfrom(RECV_SIZE)
            except OSError:
                if self._closed:
                    break
                continue  # Windows reports an earlier send to a closed port here
            if self._closed:
                break
            if data:
                self._handle(data)
        self._calls.put(None)

    def _deliver(self, callback: Callable[..., Any], values: Values) -> None:
        self._calls.put((callback, values))

    def _resubscribe(self) -> None:
        for start_address, args in self.router.resubscriptions():
            try:
                self.send(start_address, *args)
            except OSError:
                pass

    def _callback_loop(self) -> None:
        while True:
            call = self._calls.get()
            if call is None:
                return
            callback, values = call
            try:
                callback(*values)
            except Exception:  # a failing callback must not stop the others
                import traceback

                traceback.print_exc()

    # ------------------------------------------------------------------ closing
    def close(self) -> None:
        """End this client's listeners in the script, stop the threads and close the socket."""
        if self._closed:
            return
        try:
            # Otherwise the script keeps sending updates to a port nobody reads.
            self.send(STOP_LISTEN_ALL)
        except OSError:
            pass
        self._closed = True
        try:
            # Wakes the receive thread out of recvfrom.
            self.sock.sendto(b"", ("127.0.0.1", self.reply_port))
        except OSError:
            pass
        self._receiver.join(2.0)
        self.sock.close()
        if threading.current_thread() is not self._dispatcher:
            self._dispatcher.join(2.0)

    def __enter__(self) -> "AbletonOSCClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
