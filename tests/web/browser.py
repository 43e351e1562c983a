"""Headless Chromium (Debian's chromium + chromium-driver) driven by Selenium, for the web view's tests."""
import contextlib
import os
import shutil
import tempfile

import pytest

from tests.tooling import IN_CI, require_tool

#: No network of its own, no first-run work, a profile of its own: the page is all it loads.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage")


def _selenium():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        message = "selenium is not installed (requirements-dev.txt)"
        if IN_CI:
            pytest.fail(message + "; CI must have it", pytrace=False)
        pytest.skip(message)
    return webdriver, Service


def _tool(*names):
    for name in names:
        if shutil.which(name):
            return shutil.which(name)
    return require_tool(names[0])


@contextlib.contextmanager
def chromium(width=1400, height=900):
    """A Selenium driver for a fresh headless Chromium; skipped without one (failed under CI)."""
    binary = _tool("chromium", "chromium-browser")
    driver_path = _tool("chromedriver")
    webdriver, Service = _selenium()
    os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager must not phone home
    profile = tempfile.mkdtemp(prefix="livesim-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--user-data-dir=%s" % profile)
    options.add_argument("--window-size=%d,%d" % (width, height))
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
