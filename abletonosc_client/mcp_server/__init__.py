"""`abletonosc mcp`: a Model Context Protocol server that gives AI assistants the whole of
AbletonOSC. Its generic tools come from the registry's signatures; composite tools do what
assistants do most. Needs the optional extra: ``pip install "abletonosc[mcp]"`` (Python 3.10+).
"""
from __future__ import annotations

import sys
from typing import Any

MISSING_SDK = ("abletonosc mcp needs the MCP SDK, an optional extra: pip install \"abletonosc[mcp]\" "
               "(it needs Python 3.10 or later; this is Python %d.%d)")


def sdk_available() -> bool:
    """Whether the `mcp` SDK can be imported here."""
    if sys.version_info < (3, 10):
        return False
    try:
        import mcp.server.mcpserver  # noqa: F401
    except ImportError:
        return False
    return True


def run(options: Any) -> int:
    """The `abletonosc mcp` command."""
    if not sdk_available():
        print(MISSING_SDK % sys.version_info[:2], file=sys.stderr)
        return 2
    from .connection import Connection
    from .server import serve

    conn = Connection(options.host, options.port, options.reply_port, options.timeout)
    try:
        return serve(conn, options.read_only, options.http)
    except KeyboardInterrupt:
        return 0
