"""/live/test and /live/api/*: the script itself (reload, logging, introspection)."""

from . import coverage, feedback
from .errors import HandlerError
from .registry import KIND_STATUS
from .types import to_int

LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
PAGE_SIZE = 200


def test(ctx, song):
    ctx.manager.show_message("AbletonOSC: Received OSC OK")
    return ("ok",)


def reload_(ctx, song):
    ctx.manager.request_reload()


def get_log_level(ctx, song):
    return (ctx.manager.settings.log_level,)


def set_log_level(ctx, song, level):
    level = level.strip().lower()
    if level not in LOG_LEVELS:
        raise HandlerError("log_level must be one of %s, got %r" % (", ".join(LOG_LEVELS), level))
    ctx.manager.set_log_level(level)


def show_message(ctx, song, text):
    ctx.manager.show_message(text)


def get_addresses(ctx, song, pattern="//*", start=0, count=PAGE_SIZE):
    """A page of (address, arguments, reply) triples after (total, start)."""
    entries = [e for e in ctx.registry.describe(pattern or "//*")]
    start = max(0, start)
    count = max(0, min(count, PAGE_SIZE))
    page = entries[start:start + count]
    flat = []
    for item in page:
        flat.extend((item["address"], item["args"], item["reply"]))
    return (len(entries), start) + tuple(flat)


def get_address(ctx, song, address):
    entry = ctx.registry.entries.get(address)
    if entry is None:
        for candidate in ctx.registry.order:
            if candidate.address == address:
                entry = candidate
                break
    if entry is None:
        raise HandlerError("Unknown OSC address: %s" % address)
    item = entry.describe()
    return (item["address"], item["kind"], item["args"], item["reply"], item["doc"], item["since"],
            "yes" if ctx.registry.available(entry) else "no")


def get_plain_types(ctx, song):
    return (bool(ctx.client.plain),)


def set_plain_types(ctx, song, on):
    ctx.client.plain = on
    ctx.registry.subscriptions.outbox.replan()


def get_listeners(ctx, song):
    """The asking client's listeners, each as its start_listen address followed by its arguments."""
    listeners = ctx.registry.listeners_of(ctx.client)
    flat = []
    for address, args in listeners:
        flat.append(address)
        flat.extend(args)
    return (len(listeners),) + tuple(flat)


def stop_listen_all(ctx, song):
    ctx.registry.end_client(ctx.client)


def get_version(ctx, song):
    from .. import __version__

    return (__version__,)


def register(reg):
    reg.add("/live/test", "method", "song", test, reply="ok:s", echo=False,
            doc="Show a confirmation in Live's status bar and answer 'ok'", example="/live/test")
    reg.add("/live/api/reload", "method", "song", reload_,
            doc="Reload the handler code (listeners are dropped; /live/startup is sent again)")
    reg.add("/live/api/get/log_level", "get", "song", get_log_level, reply="log_level:s", echo=False,
            doc="The log file's level")
    reg.add("/live/api/set/log_level", "set", "song", set_log_level, args="log_level:s",
            doc="Set the log file's level: debug, info, warning, error or critical")
    reg.add("/live/api/show_message", "method", "song", show_message, args="message:s",
            doc="Show a message in Live's status bar")
    reg.add("/live/api/get/addresses", "get", "song", get_addresses, args="pattern:s? start:i? count:i?",
            reply="total:i start:i (address:s arguments:s reply:s)*", echo=False,
            doc="Every address the script answers (filtered by an OSC pattern, paged by %d), with its "
                "argument and reply signatures" % PAGE_SIZE, example="/live/api/get/addresses /live/song/get/*")
    reg.add("/live/api/get/address", "get", "song", get_address, args="address:s",
            reply="address:s kind:s arguments:s reply:s description:s since:s available:s", echo=False,
            doc="One address's signature, description and Live version")
    reg.add("/live/api/get/plain_types", "get", "song", get_plain_types, reply="on:b", echo=False,
            doc="Whether this client gets only the OSC types i f s b (see /live/api/set/plain_types)")
    reg.add("/live/api/set/plain_types", "set", "song", set_plain_types, args="on:b",
            example="/live/api/set/plain_types 1",
            doc="1: this client's replies and listener updates use only the OSC types i f s b, as Pure Data's "
                "[oscparse] needs (booleans as 1/0, nil as the string \"nil\"); 0: every type again")
    reg.add("/live/api/get/listeners", "get", "song", get_listeners, echo=False,
            reply="count:i (start_listen_address:s argument:x*)*",
            doc="This client's listeners: each start_listen address followed by its index arguments")
    reg.add("/live/api/stop_listen_all", "method", "song", stop_listen_all,
            doc="Stop every listener of this client (the client library sends it when it closes)")
    reg.add("/live/api/get/version", "get", "song", get_version, reply="version:s", echo=False,
            doc="The AbletonOSC version")
    coverage.register(reg)
    feedback.register(reg)
    reg.status("/live/startup", "", "Sent when the script starts or reloads (to every known client)")
    reg.status("/live/error", "message:s address:s",
               "Sent to a client whose message failed: the reason, then the address it concerns")
    reg.status("/live/api/listener_dropped", "start_listen_address:s index:x*",
               "Sent to a listening client when the object it listened to was deleted")
