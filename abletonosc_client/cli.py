"""The `abletonosc` command: console, install, doctor, mcp.

(docs/API.md is a developer's file: ``./dev docs`` or ``python -m abletonosc_client.apidoc`` writes it.)"""
from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from .console import add_connection_options


def build_parser() -> argparse.ArgumentParser:
    """Subcommands and their options."""
    parser = argparse.ArgumentParser(prog="abletonosc", description="AbletonOSC: Open Sound Control for Ableton Live")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    console = commands.add_parser("console", help="an interactive OSC console with completion")
    add_connection_options(console)
    console.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for a reply (default 1.0)")
    console.add_argument("-v", "--verbose", action="store_true", help="print every message sent and received")

    install = commands.add_parser("install", help="copy the remote script into Live's User Library")
    install.add_argument("--dest", help="the Remote Scripts folder to install into (default: found from Live's "
                                        "preferences or the default location)")
    install.add_argument("--list-targets", action="store_true", help="show where it would go, and why")
    install.add_argument("--dry-run", action="store_true", help="say what would be done; change nothing")
    install.add_argument("--home", help="the home folder to look in (default: yours)")
    install.add_argument("--appdata", help="Windows' %%APPDATA%% folder to look in (default: from the environment)")
    install.add_argument("--platform", choices=("mac", "windows"), help="look for this system's folders")

    doctor = commands.add_parser("doctor", help="check the connection to AbletonOSC and say what is wrong")
    add_connection_options(doctor)
    doctor.add_argument("--timeout", type=float, default=1.0, help="seconds to wait for each answer (default 1.0)")

    mcp = commands.add_parser("mcp", help="a Model Context Protocol server for AI assistants (needs the mcp extra)")
    add_connection_options(mcp)
    mcp.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for each answer (default 2.0)")
    mcp.add_argument("--read-only", action="store_true", help="offer no tool that changes the set")
    mcp.add_argument("--http", type=int, metavar="PORT", default=None,
                     help="serve streamable HTTP on 127.0.0.1:PORT (0: any free port) instead of stdio")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Entry point of `abletonosc`."""
    parser = build_parser()
    options = parser.parse_args(argv)
    if options.command == "console":
        from .console import run_console

        return run_console(options)
    if options.command == "install":
        from .install import run_install

        return run_install(options.dest, options.list_targets, options.dry_run, options.platform,
                           options.home, options.appdata)
    if options.command == "doctor":
        from .doctor import run_doctor

        return run_doctor(options.host, options.port, options.reply_port, options.timeout)
    if options.command == "mcp":
        from .mcp_server import run

        return run(options)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
