"""Installing the AbletonOSC package into Live's User Library "Remote Scripts" folder."""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from typing import Callable, List, Optional

PACKAGE = "AbletonOSC"
LOCAL_SETTINGS = "settings.local.ini"
EXCLUDED = ("logs", "__pycache__", LOCAL_SETTINGS, "*.pyc", ".DS_Store")
BACKUPS = "AbletonOSC backups"
NO_LIVE_HERE = ("Ableton Live runs on macOS and Windows only: this system has no User Library to install into. "
                "To try AbletonOSC here, run livesim (`livesim`, or `./dev livesim` in the project's folder): a "
                "headless Live serving its default set with the script on UDP 11000. To copy the script somewhere "
                "anyway, give the folder with --dest DIR.")


def next_step(port: int) -> str:
    """What to do after installing, with the port the installed settings listen on."""
    doctor = "abletonosc doctor" if port == 11000 else "abletonosc doctor --port %d" % port
    return ("Next: restart Live (or open a new set), then in Preferences > Link/Tempo/MIDI > Control Surface "
            "pick AbletonOSC in an empty slot (Input and Output: None). Live's status bar then shows "
            "\"AbletonOSC: Listening for OSC on port %d\". Check with `%s`." % (port, doctor))


def installed_port(package_folder: str) -> int:
    """The UDP port an installed copy listens on: its settings.ini, then the settings.local.ini kept."""
    from AbletonOSC import settings

    try:
        return settings.load(folder=package_folder, environ={}).port
    except (ValueError, IOError, OSError):
        return settings.DEFAULTS["port"]


class Target(object):
    """A Remote Scripts folder to install into, and how it was found."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source

    @property
    def user_library(self) -> str:
        """The User Library that holds the Remote Scripts folder."""
        return os.path.dirname(self.path)

    def __repr__(self) -> str:
        return "Target(%r, %r)" % (self.path, self.source)


def package_source() -> str:
    """The AbletonOSC package folder that ships with this client."""
    import AbletonOSC

    return os.path.dirname(os.path.abspath(AbletonOSC.__file__))


def platform_name(system: Optional[str] = None) -> str:
    """'mac', 'windows' or 'other'."""
    system = system or sys.platform
    if system.startswith("darwin") or system == "mac":
        return "mac"
    if system.startswith("win") or system == "windows":
        return "windows"
    return "other"


def _version_key(path: str) -> List[int]:
    found = re.search(r"Live ([\d.]+)", path)
    return [int(n) for n in re.findall(r"\d+", found.group(1))] if found else []


def library_cfgs(platform: str, home: str, appdata: Optional[str]) -> List[str]:
    """Live's Library.cfg files, newest Live version first."""
    if platform == "mac":
        pattern = os.path.join(home, "Library", "Preferences", "Ableton", "Live *", "Library.cfg")
    elif platform == "windows" and appdata:
        pattern = os.path.join(appdata, "Ableton", "Live *", "Preferences", "Library.cfg")
    else:
        return []
    return sorted(glob.glob(pattern), key=_version_key, reverse=True)


def user_library_from_cfg(path: str) -> Optional[str]:
    """The User Library folder a Library.cfg names, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except (IOError, OSError):
        return None
    folder, name = None, None
    try:
        root = ElementTree.fromstring(data)
        for library in root.iter("UserLibrary"):
            for element in library.iter():
                value = element.get("Value")
                if value is None:
                    continue
                if element.tag in ("ProjectPath", "Path") and folder is None:
                    folder = value
                elif element.tag == "ProjectName" and name is None:
                    name = value
    except ElementTree.ParseError:
        # Not well-formed: look for the entry in the text itself.
        text = data.decode("utf-8", "replace")
        block = re.search(r"<UserLibrary>(.*?)</UserLibrary>", text, re.S)
        if block:
            found = re.search(r"<(?:ProjectPath|Path)\s+Value=\"([^\"]*)\"", block.group(1))
            folder = found.group(1) if found else None
            found = re.search(r"<ProjectName\s+Value=\"([^\"]*)\"", block.group(1))
            name = found.group(1) if found else None
    if not folder:
        return None
    folder = folder.rstrip("/\\") or folder
    # Live stores either the User Library itself or its parent plus the folder's name.
    if name and os.path.basename(folder) != name:
        return os.path.join(folder, name)
    return folder


def find_targets(platform: Optional[str] = None, home: Optional[str] = None,
                 appdata: Optional[str] = None) -> List[Target]:
    """Candidate Remote Scripts folders: from Live's preferences first, then the default location."""
    platform = platform_name(platform)
    home = home or os.path.expanduser("~")
    if appdata is None:
        appdata = os.environ.get("APPDATA")
    targets = []  # type: List[Target]
    for cfg in library_cfgs(platform, home, appdata):
        library = user_library_from_cfg(cfg)
        if library:
            version = os.path.basename(os.path.dirname(cfg) if platform == "mac" else
                                       os.path.dirname(os.path.dirname(cfg)))
            targets.append(Target(os.path.join(library, "Remote Scripts"), "%s preferences (%s)" % (version, cfg)))
    if platform == "mac":
        targets.append(Target(os.path.join(home, "Music", "Ableton", "User Library", "Remote Scripts"),
                              "default macOS location"))
    elif platform == "windows":
        targets.append(Target(os.path.join(home, "Documents", "Ableton", "User Library", "Remote Scripts"),
                              "default Windows location"))
    unique = []  # type: List[Target]
    seen = set()
    for target in targets:
        key = os.path.normcase(os.path.normpath(target.path))
        if key not in seen:
            seen.add(key)
            unique.append(target)
    return unique


def choose_target(targets: List[Target]) -> Optional[Target]:
    """The first candidate whose User Library exists."""
    for target in targets:
        if os.path.isdir(target.user_library):
            return target
    return None


def install(remote_scripts: str, source: Optional[str] = None, dry_run: bool = False,
            say: Callable[[str], None] = print, stamp: Optional[str] = None, backups: Optional[str] = None) -> str:
    """Copy the package into ``remote_scripts``/AbletonOSC; return the installed folder.

    An earlier copy moves to ``backups`` (default: "AbletonOSC backups" in the User Library that
    holds ``remote_scripts``).
    """
    source = source or package_source()
    if not os.path.isfile(os.path.join(source, "__init__.py")):
        raise IOError("%s is not the AbletonOSC package (no __init__.py)" % source)
    dest = os.path.join(remote_scripts, PACKAGE)
    if os.path.realpath(source) == os.path.realpath(dest):
        raise IOError("%s is the installed copy itself; install from the project's folder" % source)
    stamp = stamp or time.strftime("%Y%m%d-%H%M%S")
    prefix = "would " if dry_run else ""
    backup = None
    keep_settings = os.path.exists(os.path.join(dest, LOCAL_SETTINGS))
    if os.path.exists(dest):
        # Backups go beside the Remote Scripts folder, not inside it: Live offers every package
        # folder in Remote Scripts as a control surface, so a renamed copy there would appear
        # as a second AbletonOSC and import the same modules.
        backup = os.path.join(backups or os.path.join(os.path.dirname(remote_scripts), BACKUPS),
                              "%s-%s" % (PACKAGE, stamp))
        say("%sback up %s to %s" % (prefix, dest, backup))
        if not dry_run:
            os.makedirs(os.path.dirname(backup), exist_ok=True)
            shutil.move(dest, backup)
    say("%scopy %s to %s" % (prefix, source, dest))
    if not dry_run:
        try:
            os.makedirs(remote_scripts, exist_ok=True)
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns(*EXCLUDED))
        except (IOError, OSError):
            if os.path.isdir(dest):
                shutil.rmtree(dest, ignore_errors=True)
            if backup is not None:
                shutil.move(backup, dest)
            raise
    if keep_settings and backup is not None:
        say("%skeep your %s" % (prefix, LOCAL_SETTINGS))
        if not dry_run:
            shutil.copy2(os.path.join(backup, LOCAL_SETTINGS), os.path.join(dest, LOCAL_SETTINGS))
    return dest


SELF_TEST = ("import sys; sys.path.insert(0, sys.argv[1]); sys.dont_write_bytecode = True; "
             "from AbletonOSC.handlers import build_registry; build_registry()")


def self_test(remote_scripts: str) -> str:
    """Load the installed copy's handlers in a fresh Python; return what went wrong, or ''."""
    try:
        # -I: only the installed copy can be imported (no current folder, no PYTHONPATH).
        result = subprocess.run([sys.executable, "-I", "-c", SELF_TEST, remote_scripts], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return str(error)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines()
        return lines[-1] if lines else "exit status %d" % result.returncode
    return ""


def run_install(dest: Optional[str], list_targets: bool, dry_run: bool, platform: Optional[str] = None,
                home: Optional[str] = None, appdata: Optional[str] = None,
                say: Callable[[str], None] = print) -> int:
    """The `abletonosc install` command; returns the exit status."""
    targets = find_targets(platform, home, appdata)
    # --list-targets and --dry-run (and the install itself) agree: 1 when there is nowhere to install.
    chosen = choose_target(targets) if dest is None else None
    if list_targets:
        if dest is not None:
            say("%s\n    from --dest" % dest)
            return 0
        for target in targets:
            state = "exists" if os.path.isdir(target.path) else (
                "User Library exists" if os.path.isdir(target.user_library) else "not found")
            say("%s\n    from %s; %s" % (target.path, target.source, state))
    if dest is None and chosen is None:
        if platform_name(platform) == "other":
            say(NO_LIVE_HERE)
        else:
            say("Could not find Live's User Library (looked in: %s). Start Live once, or give the Remote "
                "Scripts folder with --dest DIR." % (", ".join(t.user_library for t in targets) or "nowhere"))
        return 1
    if list_targets:
        return 0
    if dest is None:
        dest = chosen.path
        backups = os.path.join(chosen.user_library, BACKUPS)
        say("Installing into %s (%s)" % (dest, chosen.source))
    else:
        backups = os.path.join(dest, BACKUPS)  # what the user named, never beside it
        if platform_name(platform) == "other":
            say("(Live does not run on this system: this copies the script into %s only.)" % dest)
    try:
        installed = install(dest, dry_run=dry_run, say=say, backups=backups)
    except (IOError, OSError) as error:
        say("Install failed: %s" % error)
        return 1
    if dry_run:
        say("Dry run: nothing was changed.")
        if os.path.isdir(installed):
            say("Then: %s" % next_step(installed_port(installed)))
        return 0
    problem = self_test(dest)
    if problem:
        say("The installed copy does not load: %s" % problem)
        return 1
    say("The installed copy loads.")
    say(next_step(installed_port(installed)))
    return 0
