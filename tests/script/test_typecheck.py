"""mypy checks the remote script against Live's API as published in ableton-live-stubs."""
import os
import subprocess
import sys

import pytest

from tests.tooling import IN_CI

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

pytestmark = pytest.mark.skipif(sys.version_info < (3, 9), reason="mypy and the Live stubs need Python 3.9+")


def test_script_type_checks_against_live_stubs():
    try:
        import mypy  # noqa: F401
    except ImportError:
        if IN_CI:
            pytest.fail("mypy is not installed (requirements-dev.txt)")
        pytest.skip("mypy is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--config-file", "pyproject.toml"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=600,
    )
    assert "Live-stubs" not in result.stdout or "error" not in result.stdout
    assert result.returncode == 0, result.stdout
