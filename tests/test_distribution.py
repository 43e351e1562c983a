"""The project as a user gets it: `pip install .` into a fresh virtual environment, and ./dev."""
import os
import shutil
import subprocess
import sys
import venv

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIPPED = ("pyproject.toml", "README.md", "AbletonOSC", "abletonosc_client", "livesim")


@pytest.mark.slow
def test_pip_install_gives_three_top_level_packages_and_the_commands(tmp_path):
    # A copy: building writes build/ and *.egg-info beside the sources, which the checkout must not get.
    source = tmp_path / "source"
    source.mkdir()
    for name in SHIPPED:
        path = os.path.join(ROOT, name)
        if os.path.isdir(path):
            shutil.copytree(path, str(source / name), ignore=shutil.ignore_patterns("__pycache__", "logs"))
        else:
            shutil.copy(path, str(source / name))
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(str(target))
    python = str(target / "bin" / "python")
    result = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(source)], cwd=str(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=600)
    assert result.returncode == 0, result.stdout
    listing = subprocess.run(
        [python, "-c", "import importlib.metadata as m, sys; "
                       "print('\\n'.join(sorted(set(str(f).split('/')[0] for f in m.files('abletonosc')))))"]
        if sys.version_info >= (3, 8) else
        [python, "-m", "pip", "show", "-f", "abletonosc"],
        cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    assert listing.returncode == 0, listing.stdout
    names = set()
    for line in listing.stdout.splitlines():
        first = line.strip().split("/")[0]
        if first and not first.startswith("..") and ":" not in first and "." not in first:
            names.add(first)
    assert names == {"AbletonOSC", "abletonosc_client", "livesim"}, listing.stdout
    # The library imports from anywhere, and the commands are there.
    check = subprocess.run([python, "-c", "from abletonosc_client import AbletonOSCClient; import AbletonOSC, livesim"],
                           cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=120)
    assert check.returncode == 0, check.stdout
    for command in ("abletonosc", "livesim"):
        assert os.path.exists(str(target / "bin" / command))
    usage = subprocess.run([str(target / "bin" / "abletonosc"), "--help"], stdout=subprocess.PIPE,
                           universal_newlines=True, timeout=120).stdout
    assert "console" in usage and "install" in usage and "doctor" in usage and "docs" not in usage


def test_dev_names_an_unknown_command():
    result = subprocess.run([os.path.join(ROOT, "dev"), "tset"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 2
    assert "unknown command 'tset'" in result.stderr and "./dev test" in result.stderr
    result = subprocess.run([os.path.join(ROOT, "dev"), "help"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.returncode == 0 and "./dev docs" in result.stdout
