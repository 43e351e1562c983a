"""The installer against temporary folders laid out like macOS and Windows user libraries."""
import os

import pytest

from abletonosc_client.cli import main as cli_main
from abletonosc_client.install import (BACKUPS, find_targets, install, package_source, run_install, self_test,
                            user_library_from_cfg)

CFG_FULL = """<?xml version="1.0" encoding="UTF-8"?>
<Ableton MajorVersion="5" MinorVersion="12.0_12300">
  <ContentLibrary>
    <UserLibrary>
      <LibraryProject>
        <ProjectPath Value="{path}" />
      </LibraryProject>
    </UserLibrary>
  </ContentLibrary>
</Ableton>
"""
CFG_PARENT_AND_NAME = """<?xml version="1.0" encoding="UTF-8"?>
<Ableton>
  <UserLibrary><LibraryProject><ProjectName Value="User Library" /><ProjectPath Value="{path}" />
  </LibraryProject></UserLibrary>
</Ableton>
"""


def write(path, text=""):
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def mac_home(tmp_path):
    home = str(tmp_path / "home")
    os.makedirs(os.path.join(home, "Music", "Ableton", "User Library"))
    return home


def fake_package(tmp_path):
    source = str(tmp_path / "src" / "AbletonOSC")
    write(os.path.join(source, "__init__.py"), "# new\n")
    write(os.path.join(source, "handlers", "song.py"), "# song\n")
    write(os.path.join(source, "logs", "abletonosc.log"), "old log\n")
    write(os.path.join(source, "__pycache__", "x.cpython-37.pyc"), "")
    write(os.path.join(source, "settings.local.ini"), "[abletonosc]\nport = 1\n")
    return source


def listing(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        for name in files:
            found.append(os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/"))
    return sorted(found)


def test_default_macos_target_and_install(tmp_path, capsys):
    home = mac_home(tmp_path)
    targets = find_targets("mac", home=home, appdata=None)
    remote = os.path.join(home, "Music", "Ableton", "User Library", "Remote Scripts")
    assert [t.path for t in targets] == [remote]
    assert run_install(None, False, False, "mac", home, None) == 0
    installed = os.path.join(remote, "AbletonOSC")
    assert os.path.exists(os.path.join(installed, "__init__.py"))
    assert os.path.exists(os.path.join(installed, "handlers", "registry.py"))
    assert os.path.exists(os.path.join(installed, "osc", "decode.py"))
    for name in listing(installed):
        assert not name.startswith("logs/") and "__pycache__" not in name and name != "settings.local.ini"
    out = capsys.readouterr().out
    assert "The installed copy loads." in out and "Control Surface" in out


def test_exclusions_backup_and_local_settings_kept(tmp_path):
    source = fake_package(tmp_path)
    remote = str(tmp_path / "User Library" / "Remote Scripts")
    old = os.path.join(remote, "AbletonOSC")
    write(os.path.join(old, "__init__.py"), "# old\n")
    write(os.path.join(old, "settings.local.ini"), "[abletonosc]\nport = 12000\n")
    said = []
    install(remote, source=source, say=said.append, stamp="20260101-120000")
    assert listing(old) == ["__init__.py", "handlers/song.py", "settings.local.ini"]
    with open(os.path.join(old, "settings.local.ini")) as handle:
        assert "12000" in handle.read()
    backup = str(tmp_path / "User Library" / BACKUPS / "AbletonOSC-20260101-120000")
    assert listing(backup) == ["__init__.py", "settings.local.ini"]
    # Nothing else inside Remote Scripts that Live could offer as a second surface.
    assert os.listdir(remote) == ["AbletonOSC"]
    assert any("keep your settings.local.ini" in line for line in said)


def test_a_broken_copy_fails_the_self_test(tmp_path):
    remote = str(tmp_path / "Remote Scripts")
    write(os.path.join(remote, "AbletonOSC", "__init__.py"), "")
    assert self_test(remote) != ""  # no handlers package
    assert self_test(str(tmp_path / "nowhere")) != ""


def test_source_must_be_the_package_and_not_the_installed_copy(tmp_path):
    with pytest.raises(IOError, match="not the AbletonOSC package"):
        install(str(tmp_path / "Remote Scripts"), source=str(tmp_path))
    remote = str(tmp_path / "Remote Scripts")
    write(os.path.join(remote, "AbletonOSC", "__init__.py"), "")
    with pytest.raises(IOError, match="the installed copy itself"):
        install(remote, source=os.path.join(remote, "AbletonOSC"))
    assert os.path.exists(os.path.join(remote, "AbletonOSC", "__init__.py"))


def test_dry_run_changes_nothing(tmp_path):
    source = fake_package(tmp_path)
    remote = str(tmp_path / "User Library" / "Remote Scripts")
    write(os.path.join(remote, "AbletonOSC", "__init__.py"), "# old\n")
    write(os.path.join(remote, "AbletonOSC", "settings.local.ini"), "x")
    before = listing(str(tmp_path))
    said = []
    install(remote, source=source, dry_run=True, say=said.append)
    assert listing(str(tmp_path)) == before
    assert said[0].startswith("would back up") and said[1].startswith("would copy")
    assert said[2] == "would keep your settings.local.ini"


def test_dry_run_command(tmp_path, capsys):
    home = mac_home(tmp_path)
    assert cli_main(["install", "--platform", "mac", "--home", home, "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert os.listdir(os.path.join(home, "Music", "Ableton", "User Library")) == []


def test_macos_library_cfg_wins(tmp_path, capsys):
    home = mac_home(tmp_path)
    custom = str(tmp_path / "Elsewhere" / "User Library")
    os.makedirs(custom)
    write(os.path.join(home, "Library", "Preferences", "Ableton", "Live 11.3.43", "Library.cfg"),
          CFG_FULL.format(path=str(tmp_path / "old")))
    write(os.path.join(home, "Library", "Preferences", "Ableton", "Live 12.3.6", "Library.cfg"),
          CFG_FULL.format(path=custom + "/"))
    targets = find_targets("mac", home=home)
    assert targets[0].path == os.path.join(custom, "Remote Scripts")
    assert "Live 12.3.6" in targets[0].source
    assert targets[-1].source == "default macOS location"
    assert cli_main(["install", "--platform", "mac", "--home", home, "--list-targets"]) == 0
    assert custom in capsys.readouterr().out
    assert run_install(None, False, False, "mac", home, None) == 0
    assert os.path.exists(os.path.join(custom, "Remote Scripts", "AbletonOSC", "__init__.py"))


def test_windows_default_and_library_cfg(tmp_path):
    home = str(tmp_path / "Users" / "ana")
    appdata = str(tmp_path / "Users" / "ana" / "AppData" / "Roaming")
    default_library = os.path.join(home, "Documents", "Ableton", "User Library")
    os.makedirs(default_library)
    assert [t.path for t in find_targets("windows", home=home, appdata=appdata)] == [
        os.path.join(default_library, "Remote Scripts")]
    parent = str(tmp_path / "D" / "Music")
    os.makedirs(os.path.join(parent, "User Library"))
    write(os.path.join(appdata, "Ableton", "Live 12.1.5", "Preferences", "Library.cfg"),
          CFG_PARENT_AND_NAME.format(path=parent))
    targets = find_targets("windows", home=home, appdata=appdata)
    assert targets[0].path == os.path.join(parent, "User Library", "Remote Scripts")
    assert run_install(None, False, False, "windows", home, appdata) == 0
    assert os.path.isdir(os.path.join(parent, "User Library", "Remote Scripts", "AbletonOSC", "handlers"))


def test_library_cfg_read_defensively(tmp_path):
    broken = str(tmp_path / "broken.cfg")
    write(broken, '<Ableton><UserLibrary><ProjectPath Value="/x/User Library" /></UserLibrary><oops>')
    assert user_library_from_cfg(broken) == "/x/User Library"
    garbage = str(tmp_path / "garbage.cfg")
    write(garbage, "\x00\x01 not xml")
    assert user_library_from_cfg(garbage) is None
    assert user_library_from_cfg(str(tmp_path / "missing.cfg")) is None


def test_no_user_library_found(tmp_path, capsys):
    assert run_install(None, False, False, "mac", str(tmp_path), None) == 1
    assert "--dest" in capsys.readouterr().out


def test_explicit_destination(tmp_path):
    dest = str(tmp_path / "Remote Scripts")
    assert cli_main(["install", "--dest", dest]) == 0
    assert sorted(os.listdir(os.path.join(dest, "AbletonOSC"))) == sorted(
        name for name in os.listdir(package_source())
        if name not in ("logs", "__pycache__", "settings.local.ini") and not name.endswith(".pyc"))


def test_linux_says_live_does_not_run_here_and_how_to_try_livesim(tmp_path):
    assert find_targets("linux", home=str(tmp_path)) == []
    for list_targets, dry_run in ((True, False), (False, True), (False, False)):
        said = []
        assert run_install(None, list_targets, dry_run, "linux", str(tmp_path), None, say=said.append) == 1
        text = "\n".join(said)
        assert "Ableton Live runs on macOS and Windows only" in text and "livesim" in text and "--dest" in text


def test_list_targets_and_dry_run_agree_on_the_exit_code(tmp_path, capsys):
    nowhere = str(tmp_path / "empty-home")
    os.makedirs(nowhere)
    assert cli_main(["install", "--platform", "mac", "--home", nowhere, "--list-targets"]) == 1
    assert cli_main(["install", "--platform", "mac", "--home", nowhere, "--dry-run"]) == 1
    home = mac_home(tmp_path)
    assert cli_main(["install", "--platform", "mac", "--home", home, "--list-targets"]) == 0
    assert cli_main(["install", "--platform", "mac", "--home", home, "--dry-run"]) == 0


def test_backups_stay_inside_the_dest_folder(tmp_path):
    dest = str(tmp_path / "Chosen" / "Remote Scripts")
    write(os.path.join(dest, "AbletonOSC", "__init__.py"), "# old\n")
    said = []
    assert run_install(dest, False, False, "mac", str(tmp_path), None, say=said.append) == 0
    backups = os.listdir(os.path.join(dest, BACKUPS))
    assert len(backups) == 1 and backups[0].startswith("AbletonOSC-")
    assert sorted(os.listdir(str(tmp_path / "Chosen"))) == ["Remote Scripts"]  # nothing beside it


def test_the_next_step_names_the_port_the_kept_settings_set(tmp_path):
    home = mac_home(tmp_path)
    remote = os.path.join(home, "Music", "Ableton", "User Library", "Remote Scripts")
    write(os.path.join(remote, "AbletonOSC", "__init__.py"), "# old\n")
    write(os.path.join(remote, "AbletonOSC", "settings.local.ini"), "[abletonosc]\nport = 12000\n")
    said = []
    assert run_install(None, False, True, "mac", home, None, say=said.append) == 0
    assert "Listening for OSC on port 12000" in said[-1] and "doctor --port 12000" in said[-1]
    said = []
    assert run_install(None, False, False, "mac", home, None, say=said.append) == 0
    assert "Listening for OSC on port 12000" in said[-1] and "abletonosc doctor --port 12000" in said[-1]
