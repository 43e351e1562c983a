"""The browser handlers never walk more of Live's library than their bounds allow."""
from AbletonOSC.handlers import browser


class Item(object):
    """A stand-in for Live's BrowserItem that counts how often its children are listed."""

    listed = 0

    def __init__(self, name, children=None):
        self.name = name
        self.uri = "query:Test#" + name
        self.is_folder = children is not None
        self.is_loadable = children is None
        self.is_device = False
        self.source = "Test"
        self._children = children or []

    @property
    def iter_children(self):
        for child in self._children:
            Item.listed += 1
            yield child


class Browser(object):
    def __init__(self, **roots):
        for key in browser.ROOTS:
            setattr(self, key, roots.get(key, Item(key, [])))
        self.user_folders = ()
        self.colors = ()
        self.legacy_libraries = ()


class Ctx(object):
    def __init__(self, live_browser):
        self.application = type("App", (), {"browser": live_browser})()


def huge_library():
    folders = [Item("Folder %d" % i, [Item("Kick %d-%d.wav" % (i, j)) for j in range(400)]) for i in range(50)]
    return Browser(samples=Item("samples", folders))


def finished(steps):
    """A search's reply: it is worked off in turns (a generator returning the reply)."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def test_a_search_looks_at_no_more_than_its_budget():
    Item.listed = 0
    reply = finished(browser.search(Ctx(huge_library()), None, "snare", "", 8, 100))
    assert reply == ("snare", False)  # nothing found, and the reply says the search stopped early
    assert Item.listed <= browser.MAX_VISITS


def test_a_search_stops_at_max_results():
    Item.listed = 0
    reply = finished(browser.search(Ctx(huge_library()), None, "kick", "samples", 2, 3))
    assert reply[1] is False and len(reply) == 2 + 3 * 4
    assert reply[2] == "samples/Folder 0/Kick 0-0.wav"
    assert Item.listed <= browser.MAX_VISITS


def test_a_uri_lookup_is_bounded_too():
    Item.listed = 0
    try:
        browser.item_by_uri(huge_library(), "query:Test#Nowhere")
    except browser.HandlerError as error:
        assert "first %d items" % browser.MAX_VISITS in str(error)
    else:
        raise AssertionError("an unknown URI must be an error")
    assert Item.listed <= browser.MAX_VISITS


def test_a_small_search_is_complete():
    library = Browser(audio_effects=Item("audio_effects", [Item("Reverb"), Item("Delay")]))
    assert finished(browser.search(Ctx(library), None, "verb")) == (
        "verb", True, "audio_effects/Reverb", "Reverb", True, "query:Test#Reverb")
