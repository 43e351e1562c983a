"""Loading from the browser leaves Live's hot-swap mode even where Live refuses hotswap_target = None."""
import pytest

from AbletonOSC.handlers import browser


class StrictBrowser(object):
    """A browser whose hotswap_target refuses None, as Boost.Python does for some object properties."""

    def __init__(self, target):
        self._target = target

    @property
    def hotswap_target(self):
        return self._target

    @hotswap_target.setter
    def hotswap_target(self, value):
        if value is None:
            raise TypeError("Python argument types did not match C++ signature")
        self._target = value


class View(object):
    def __init__(self, live_browser, stops=True):
        self.browser = live_browser
        self.stops = stops
        self.toggled = 0

    def toggle_browse(self):
        self.toggled += 1
        if self.stops:
            self.browser._target = None


class Ctx(object):
    def __init__(self, view):
        self.application = type("App", (), {"view": view})()


def test_hot_swap_is_ended_by_toggling_browse_mode():
    live_browser = StrictBrowser("a device")
    view = View(live_browser)
    assert browser._stop_hotswap(Ctx(view), live_browser) is False  # not resumable afterwards
    assert view.toggled == 1 and live_browser.hotswap_target is None


def test_a_hot_swap_that_does_not_end_is_a_clear_error():
    live_browser = StrictBrowser("a device")
    with pytest.raises(browser.HandlerError, match="hot-swapping"):
        browser._stop_hotswap(Ctx(View(live_browser, stops=False)), live_browser)
