"""Size limits of bulk requests, checked before any work is done.

A reply that cannot reach its client (too large for one UDP datagram, or more values than one
request may read) is refused up front with a /live/error that says how to page the request,
instead of being computed and thrown away.
"""

from .errors import HandlerError

#: Values one bulk reply may hold (track_data, note lists): bounds the memory one request takes.
MAX_BULK_VALUES = 65536
#: Properties one track_data request may name.
MAX_BULK_PROPERTIES = 64
#: Bytes a value takes in a reply at the least that matters (an int, a float, a short string).
MIN_VALUE_BYTES = 4
#: Largest reply over TCP (what a connection may have waiting before it is dropped as too slow).
MAX_TCP_REPLY = 16 * 1024 * 1024


def reply_room(ctx):
    """The most bytes one reply to the asking client can carry."""
    client = ctx.client
    server = ctx.server
    if client is None or server is None or getattr(client, "transport", "udp") != "udp":
        return MAX_TCP_REPLY
    return getattr(server, "max_datagram", 65507)


def check_values(ctx, count, per_unit, advice):
    """Refuse (HandlerError) a reply of `count` values before it is computed if it cannot be sent.

    per_unit: values per paging unit (per track, per note); advice: how to ask for fewer,
    with one %d for the number of units that fit.
    """
    room = reply_room(ctx)
    limit = min(MAX_BULK_VALUES, room // MIN_VALUE_BYTES)
    if count <= limit:
        return
    fitting = max(1, limit // max(1, per_unit))
    if limit < MAX_BULK_VALUES:
        where = "too large for one UDP datagram (at most %d values); %s, or connect over TCP (tcp_port)" % (
            limit, advice % fitting)
    else:
        where = "more than one request may read (%d); %s" % (limit, advice % fitting)
    raise HandlerError("%s would reply %d values, %s" % (ctx.address, count, where))
