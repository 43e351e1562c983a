"""AbletonOSC's client side: a client library, an interactive console, an installer and a doctor.

    from abletonosc_client import AbletonOSCClient
    with AbletonOSCClient() as live:
        live.query("/live/song/get/tempo")        # -> (120.0,)
"""
from .aio import AsyncAbletonOSCClient
from .client import AbletonOSCClient
from .errors import OSCError, OSCTimeout, ReplyPortInUse

__all__ = ["AbletonOSCClient", "AsyncAbletonOSCClient", "OSCError", "OSCTimeout", "ReplyPortInUse"]
