"""Helpers shared by test modules."""
import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_tool(name):
    """Return the path of a system tool; skip without it on a laptop, fail under CI."""
    path = shutil.which(name)
    if path:
        return path
    message = "%s is not installed (Debian: see .ci/run)" % name
    if IN_CI:
        pytest.fail(message + "; CI must have it", pytrace=False)
    pytest.skip(message)
