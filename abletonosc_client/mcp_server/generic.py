"""The generic tools: every address of the registry, found by words, described, read, written,
called and listened to, with named arguments checked against its signature before sending."""
from __future__ import annotations

import asyncio
import time
from typing import Any, Dict, List, Optional

from AbletonOSC.osc import is_pattern, pattern_matches

from ..addresses import listen_addresses
from ..catalog import ADDRESS, AddressInfo
from ..errors import OSCError, OSCTimeout
from .addressbook import AddressBook, summary
from .connection import Connection, LiveError
from .signatures import ArgumentProblem, bind, group_name, name_values, parse_args, parse_reply, TYPE_HELP

MAX_LISTEN_SECONDS = 60.0
MAX_UPDATES = 1000
TOOL_FOR_KIND = {"get": "get", "set": "set", "method": "call", "start_listen": "listen", "stop_listen": "listen"}
VERBS = ("get", "set", "start_listen", "stop_listen")


def _entry(book: AddressBook, address: str, kinds: tuple, tool: str) -> AddressInfo:
    """The address's entry when it is one of ``kinds``; LiveError saying what to use otherwise."""
    entry = book.get(address)
    if entry is None:
        near = book.near(address)
        hint = (" Did you mean %s?" % " or ".join(near)) if near else ""
        raise LiveError("%s is not an AbletonOSC address.%s Use find_addresses to look for one." % (address, hint))
    if entry.kind not in kinds:
        raise LiveError("%s is a %s address: use the %s tool, not %s." % (
            address, entry.kind, TOOL_FOR_KIND.get(entry.kind, "right"), tool))
    return entry


def _bind(entry: AddressInfo, args: Optional[Dict[str, Any]]) -> List[Any]:
    try:
        return bind(entry.address, entry.args, args)
    except ArgumentProblem as problem:
        raise LiveError(str(problem)) from None


def _named(entry: AddressInfo, values: Any) -> Dict[str, Any]:
    return name_values(entry.reply, values, group_name(entry.address))


# ---------------------------------------------------------------------- finding and describing

async def find_addresses(conn: Connection, text: str, kind: str = "", limit: int = 20) -> Dict[str, Any]:
    """Addresses whose name or description has the words of ``text``."""
    book = await conn.address_book()
    found = book.search(text, kind, max(1, min(limit, 100)))
    return {"query": text, "count": len(found), "addresses": [summary(e) for e in found],
            "catalogue": "the running script" if book.source == "script" else "the installed AbletonOSC package"}


async def describe_address(conn: Connection, address: str) -> Dict[str, Any]:
    """One address: what it does, its named arguments and reply, its Live version, related addresses."""
    book = await conn.address_book()
    entry = _entry(book, address, tuple(TOOL_FOR_KIND) + ("status",), "describe_address")
    result = {"address": entry.address, "kind": entry.kind, "description": entry.doc}  # type: Dict[str, Any]
    try:
        values = await conn.query(ADDRESS, address)
        if len(values) >= 7:
            result["description"] = str(values[4]) or entry.doc
            result["since_live"] = str(values[5]) or "all versions"
            result["available_in_this_live"] = str(values[6]) == "yes"
    except LiveError:
        pass  # the package's description stands
    result["arguments"] = [
        {"name": arg.name, "type": TYPE_HELP.get(arg.type, arg.type), "optional": arg.optional,
         "list": arg.variadic} for arg in parse_args(entry.args)]
    target, items = parse_reply(entry.reply)
    result["reply"] = entry.reply
    if target:
        result["updates_arrive_on"] = target
    if entry.kind in TOOL_FOR_KIND:
        result["tool"] = TOOL_FOR_KIND[entry.kind]
    related = [a for a in _siblings(address) if book.get(a) is not None]
    if related:
        result["related"] = related
    return result


def _siblings(address: str) -> List[str]:
    """The property's other get/set/start_listen/stop_listen addresses."""
    parts = address.split("/")
    for position, part in enumerate(parts):
        if part in VERBS and position >= 2:
            return ["/".join(parts[:position] + [verb] + parts[position + 1:]) for verb in VERBS if verb != part]
    return []


# ---------------------------------------------------------------------- get, set, call

async def get(conn: Connection, address: str, args: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Read a property or a list: one named reply, or one per object for '*' or an address pattern."""
    book = await conn.address_book()
    if is_pattern(address):
        return await _get_pattern(conn, book, address, args)
    entry = _entry(book, address, ("get",), "get")
    values = _bind(entry, args)
    if "*" in values:
        replies = await conn.query_all(address, *values)
        return {"address": address, "replies": [_named(entry, v) for _a, v in replies]}
    reply = await conn.query(address, *values)
    return dict(_named(entry, reply), address=address)


async def _get_pattern(conn: Connection, book: AddressBook, pattern: str,
                       args: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    matches = [e for e in book.dispatchable() if e.kind == "get" and pattern_matches(pattern, e.address)]
    if not matches:
        raise LiveError("No get address matches the pattern %s." % pattern)
    fitting = []
    problem = None
    for entry in matches:
        try:
            fitting.append((entry, bind(entry.address, entry.args, args)))
        except ArgumentProblem as error:
            problem = problem or error
    if not fitting:
        raise LiveError("No address matching %s takes these arguments: %s" % (pattern, problem))
    values = fitting[0][1]
    replies = await conn.query_all(pattern, *values)
    return {"pattern": pattern, "replies": [
        dict(_named(book.get(a) or fitting[0][0], v), address=a) for a, v in replies]}


async def set_(conn: Connection, address: str, args: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Set a property (its /set/ address, or its /get/ address standing for it) and read it back."""
    book = await conn.address_book()
    if "/get/" in address and book.get(address.replace("/get/", "/set/", 1)) is not None:
        address = address.replace("/get/", "/set/", 1)
    entry = _entry(book, address, ("set",), "set")
    values = _bind(entry, args)
    messages = [(address, values)]
    getter = book.get(address.replace("/set/", "/get/", 1))
    index_count = len(parse_args(entry.args)) - 1
    if getter is not None and "*" not in values and len(parse_args(getter.args)) == index_count:
        messages.append((getter.address, values[:index_count]))
    results = await conn.exchange(messages, undo_step=False)
    result = {"address": address, "done": True}  # type: Dict[str, Any]
    if len(results) > 1 and results[1] is not None and getter is not None:
        result["now"] = _named(getter, results[1])
    return result


async def call(conn: Connection, address: str, args: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Call a method (fire a clip, create a track, ...); its reply named when it answers."""
    book = await conn.address_book()
    entry = _entry(book, address, ("method",), "call")
    values = _bind(entry, args)
    _target, items = parse_reply(entry.reply)
    results = await conn.exchange([(address, values)], undo_step=False)
    result = {"address": address, "done": True}  # type: Dict[str, Any]
    if results[0] is not None and (items or results[0]):
        result["reply"] = _named(entry, results[0])
    return result


# ---------------------------------------------------------------------- listening

async def listen(conn: Connection, address: str, args: Optional[Dict[str, Any]] = None,
                 seconds: float = 5.0) -> Dict[str, Any]:
    """Collect a property's updates for a while: its value at the start, then each change with its time."""
    book = await conn.address_book()
    entry = _entry(book, address, ("get", "start_listen", "stop_listen"), "listen")
    try:
        get_address, start_address, _stop = listen_addresses(entry.address)
    except ValueError:
        raise LiveError("%s is not a property one can listen to." % address) from None
    start = book.get(start_address)
    getter = book.get(get_address)
    if start is None or getter is None:
        raise LiveError("%s cannot be listened to (there is no %s)." % (get_address, start_address))
    values = _bind(start, args)
    seconds = max(0.1, min(float(seconds), MAX_LISTEN_SECONDS))
    updates = []  # type: List[Dict[str, Any]]
    dropped = [0]
    began = time.monotonic()

    raw = []  # type: List[tuple]
    last = [None]  # type: List[Any]

    def on_update(*update: Any) -> None:
        if update == last[0]:
            return  # the same value again: another listen to this property started and was sent it
        last[0] = update
        if len(updates) >= MAX_UPDATES:
            dropped[0] += 1
            return
        raw.append(update)
        updates.append(dict(_named(getter, update), seconds=round(time.monotonic() - began, 3)))

    client = await conn.open()
    key = (get_address, tuple(values))
    # Two listens to the same property share the client's subscription: the last one ends it.
    conn.listens[key] = conn.listens.get(key, 0) + 1
    try:
        try:
            initial = await client.listen(get_address, on_update, *values, timeout=conn.timeout)
        except (OSCError, OSCTimeout) as error:
            raise conn.failure(error) from None
        if initial is not None and raw and tuple(raw[0]) == tuple(initial):
            del raw[0], updates[0]  # the current value, sent when listening starts, is not a change
        await asyncio.sleep(seconds)
    finally:
        conn.listens[key] -= 1
        if conn.listens[key] == 0:
            del conn.listens[key]
            await client.unlisten(get_address, *values)
        else:
            with client.router.lock:
                listener = client.router.listeners.get(key)
                if listener is not None and on_update in listener.callbacks:
                    listener.callbacks.remove(on_update)
    result = {"address": get_address, "seconds": seconds, "count": len(updates)}  # type: Dict[str, Any]
    if initial is not None:
        result["initial"] = _named(getter, initial)
    result["updates"] = updates
    if dropped[0]:
        result["not_kept"] = dropped[0]
    return result
