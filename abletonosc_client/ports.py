"""Who holds a UDP port: try binding it, then name the process when the system tells."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from typing import List, Optional, Tuple

Owner = Tuple[int, str]  # (pid, process name)


def udp_port_free(port: int, host: str = "0.0.0.0") -> bool:
    """Whether a UDP socket can bind ``port`` right now."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind((host, port))
        return True
    except OSError:
        return False
    finally:
        sock.close()


def port_owners(port: int) -> List[Owner]:
    """The processes with a UDP socket on ``port`` (empty when the system does not say)."""
    try:
        if os.path.isdir("/proc/net"):
            owners = _owners_from_proc(port)
            if owners:
                return owners
        if sys.platform.startswith("win"):
            return _owners_from_netstat(port)
        return _owners_from_lsof(port)
    except (OSError, ValueError):
        return []


def describe_owners(owners: List[Owner]) -> str:
    """'Live (pid 123)', or 'an unknown program' when nobody could be named."""
    if not owners:
        return "another program (could not tell which)"
    return ", ".join("%s (pid %d)" % (name, pid) for pid, name in owners)


def _inodes(port: int) -> List[str]:
    inodes = []
    for table in ("/proc/net/udp", "/proc/net/udp6"):
        try:
            with open(table) as handle:
                lines = handle.read().splitlines()[1:]
        except (IOError, OSError):
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.append(fields[9])
    return inodes


def _owners_from_proc(port: int) -> List[Owner]:
    wanted = set("socket:[%s]" % inode for inode in _inodes(port))
    if not wanted:
        return []
    owners = []  # type: List[Owner]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        folder = os.path.join("/proc", pid, "fd")
        try:
            links = [os.readlink(os.path.join(folder, fd)) for fd in os.listdir(folder)]
        except OSError:
            continue  # another user's process, or gone
        if wanted.intersection(links):
            owners.append((int(pid), _proc_name(pid)))
    return owners


def _proc_name(pid: str) -> str:
    try:
        with open(os.path.join("/proc", pid, "cmdline"), "rb") as handle:
            words = [w.decode("utf-8", "replace") for w in handle.read().split(b"\0") if w]
        if words:
            return " ".join(words)[:120]
        with open(os.path.join("/proc", pid, "comm")) as handle:
            return handle.read().strip()
    except (IOError, OSError):
        return "?"


def _run(command: List[str]) -> Optional[str]:
    try:
        return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=5,
                              universal_newlines=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _owners_from_lsof(port: int) -> List[Owner]:
    output = _run(["lsof", "-nP", "-iUDP:%d" % port])
    owners = []  # type: List[Owner]
    for line in (output or "").splitlines()[1:]:
        fields = line.split()
        if len(fields) > 1 and fields[1].isdigit() and (int(fields[1]), fields[0]) not in owners:
            owners.append((int(fields[1]), fields[0].replace("\\x20", " ")))
    return owners


def _owners_from_netstat(port: int) -> List[Owner]:
    output = _run(["netstat", "-ano", "-p", "UDP"])
    owners = []  # type: List[Owner]
    for line in (output or "").splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[0].upper() == "UDP" and fields[1].endswith(":%d" % port):
            pid = int(fields[-1]) if fields[-1].isdigit() else 0
            listing = _run(["tasklist", "/FI", "PID eq %d" % pid, "/FO", "CSV", "/NH"]) or ""
            found = re.match(r'"([^"]+)"', listing.strip())
            owners.append((pid, found.group(1) if found else "?"))
    return owners
