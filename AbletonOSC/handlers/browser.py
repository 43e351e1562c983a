"""/live/browser/*: list, search and load what Live's browser offers, onto a given track.

An item is named by a path of names from a root category ("instruments/Operator",
"sounds/Bass/Basic Sub Bass.adv", "drums/808 Core Kit") or by its URI as Live reports it
("query:Synths#Operator"). The roots are Live's browser categories (see ROOTS), and the items of
Live's lists of user folders, colour tags and legacy libraries as "user_folders:NAME",
"colors:NAME" and "legacy_libraries:NAME". A path step matches a child's name exactly, then
ignoring case, then ignoring its file extension.

Everything here runs on Live's main thread, so no request walks the library without a bound:
a search visits at most MAX_VISITS items and MAX_DEPTH levels and stops at max_results.
"""

import collections

from .errors import HandlerError
from .objects import TRACK, find_index
from .types import to_osc

ROOTS = ("instruments", "audio_effects", "midi_effects", "max_for_live", "plugins", "sounds", "drums", "samples",
         "clips", "packs", "user_library", "current_project")
VECTOR_ROOTS = ("user_folders", "colors", "legacy_libraries")  # lists of items rather than one item
MAX_VISITS = 2000       # items one request may look at (search, URI lookup)
MAX_DEPTH = 8
DEFAULT_DEPTH = 4
DEFAULT_RESULTS = 20
MAX_RESULTS = 100
MAX_CHILDREN = 250      # children listed per reply (use start to page through bigger folders)


def _browser(ctx):
    return ctx.application.browser


def _children(item):
    """An item's children, lazily where Live offers an iterator (big folders are not copied)."""
    children = getattr(item, "iter_children", None)
    return children if children is not None else item.children


def _root_items(browser):
    """(key, item) for each root category this Live has."""
    for key in ROOTS:
        item = getattr(browser, key, None)
        if item is not None:
            yield key, item
    for key in VECTOR_ROOTS:
        for item in getattr(browser, key, None) or ():
            yield "%s:%s" % (key, item.name), item


def _strip_extension(name):
    base, dot, extension = name.rpartition(".")
    return base if dot and base and " " not in extension else name


def _match(items, word):
    """The child named word: exact name, then ignoring case, then ignoring the extension (one pass)."""
    lowered = word.lower()
    by_case = by_extension = None
    for item in items:
        name = item.name
        if name == word:
            return item
        if by_case is None and name.lower() == lowered:
            by_case = item
        elif by_extension is None and _strip_extension(name).lower() == lowered:
            by_extension = item
    return by_case if by_case is not None else by_extension


def _split(path):
    return [part for part in path.strip().strip("/").split("/") if part]


def _root_for(browser, word):
    key = word.strip()
    for name, item in _root_items(browser):
        if name == key or name.lower() == key.lower() or item.name.lower() == key.lower():
            return item
    raise HandlerError("No browser category %r (categories: %s)" % (word, ", ".join(
        name for name, _ in _root_items(browser))))


def item_at(browser, path):
    """The browser item at a path of names."""
    parts = _split(path)
    if not parts:
        raise HandlerError("A browser path starts with a category: %s" % ", ".join(ROOTS))
    item = _root_for(browser, parts[0])
    for depth, word in enumerate(parts[1:], 1):
        child = _match(_children(item), word)
        if child is None:
            raise HandlerError("No %r in browser folder %r" % (word, "/".join(parts[:depth])))
        item = child
    return item


class Walk(object):
    """A breadth-first walk over browser items that touches at most `budget` of them.

    Listing a folder's children touches each child, so the budget bounds Live's work too;
    ``cut`` tells whether it ran out before the walk was done.
    """

    def __init__(self, starts, max_depth, budget=MAX_VISITS):
        self.starts = list(starts)  # (item, path, depth 0)
        self.max_depth = max_depth
        self.budget = budget
        self.cut = False

    def __iter__(self):
        queue = collections.deque(self.starts)
        touched = len(queue)
        while queue:
            item, path, depth = queue.popleft()
            yield item, path, depth
            if self.cut or depth >= self.max_depth or not (depth == 0 or item.is_folder):
                continue
            for child in _children(item):
                if touched >= self.budget:
                    self.cut = True
                    break
                touched += 1
                queue.append((child, path + "/" + child.name, depth + 1))


def item_by_uri(browser, uri):
    """The browser item with a URI, looked for breadth first among MAX_VISITS items."""
    roots = list(_root_items(browser))
    # Roots whose URI prefixes the wanted one first ("query:Synths#Operator" is under "query:Synths").
    roots.sort(key=lambda pair: 0 if uri.startswith(str(pair[1].uri) + "#") or uri == pair[1].uri else 1)
    for item, path, depth in Walk([(item, key, 0) for key, item in roots], MAX_DEPTH):
        if item.uri == uri:
            return item
    raise HandlerError("No browser item with URI %r among the first %d items" % (uri, MAX_VISITS))


def find_item(browser, ref):
    """An item by path, or by URI when the first path step holds a ':' (as URIs' schemes do)."""
    first = ref.strip().split("/")[0]
    if ":" in first and not first.startswith(VECTOR_ROOTS):
        return item_by_uri(browser, ref.strip())
    return item_at(browser, ref)


def _describe(item):
    return (item.name, bool(item.is_folder), bool(item.is_loadable), to_osc(item.uri))


def get_children(ctx, song, path, start=0):
    browser = _browser(ctx)
    if start < 0:
        raise HandlerError("start must be 0 or more, got %d" % start)
    values = [path]
    if not _split(path):
        for key, item in _root_items(browser):
            values.extend((key, True, False, to_osc(item.uri)))
        return tuple(values)
    item = item_at(browser, path)
    for index, child in enumerate(_children(item)):
        if index < start:
            continue
        if index >= start + MAX_CHILDREN:
            break
        values.extend(_describe(child))
    return tuple(values)


def get_item(ctx, song, ref):
    item = find_item(_browser(ctx), ref)
    return (ref,) + _describe(item) + (bool(item.is_device), to_osc(item.source))


def search(ctx, song, text, root="", max_depth=DEFAULT_DEPTH, max_results=DEFAULT_RESULTS):
    browser = _browser(ctx)
    wanted = text.strip().lower()
    if not wanted:
        raise HandlerError("search needs some text to look for")
    max_depth = max(1, min(max_depth, MAX_DEPTH))
    max_results = max(1, min(max_results, MAX_RESULTS))
    if _split(root):
        starts = [(item_at(browser, root), "/".join(_split(root)), 0)]
    else:
        starts = [(item, key, 0) for key, item in _root_items(browser)]
    return _search_steps(Walk(starts, max_depth), text, wanted, max_results)


#: Browser items looked at per turn of a search (the rest in later turns, other senders in between).
SEARCH_SLICE = 50


def _search_steps(walk, text, wanted, max_results):
    found = []
    complete = True
    for count, (item, path, depth) in enumerate(walk, 1):
        if depth > 0 and wanted in item.name.lower():
            found.append((path, item))
            if len(found) >= max_results:
                complete = False
                break
        if count % SEARCH_SLICE == 0:
            yield
    complete = complete and not walk.cut
    values = [text, complete]
    for path, item in found:
        values.extend((path, item.name, bool(item.is_loadable), to_osc(item.uri)))
    return tuple(values)


def _new_device_index(before, after):
    for index, device in enumerate(after):
        if not any(device == old for old in before):
            return index
    return -1


def _track_ref(song, track):
    index = find_index(song.tracks, track)
    if index is not None:
        return index
    if track == song.master_track:
        return "master"
    index = find_index(song.return_tracks, track)
    return "ABCDEFGHIJKL"[index] if index is not None else -1


def load(ctx, song, ref, track_ref, *slot):
    browser = _browser(ctx)
    item = find_item(browser, ref)
    if not item.is_loadable:
        raise HandlerError("Browser item %r is not loadable (a folder?)" % ref)
    if track_ref == "*":
        raise HandlerError("load needs one track, not '*'")
    (echo, track), = TRACK.resolve(song, (track_ref,))
    view = song.view
    slot_index = slot[0] if slot else None
    if slot_index is not None:
        track.clip_slots[slot_index]  # fail now (Index out of range) rather than after selecting
    previous_track = view.selected_track
    previous_scene = view.selected_scene
    hotswap = browser.hotswap_target
    before = list(track.devices)
    # Live loads onto the selected track (or the hot-swap target): point both at the target for the
    # call only. load_item reads them synchronously, so the user's selection is put back right after.
    restore_hotswap = hotswap is not None and _stop_hotswap(ctx, browser)
    try:
        view.selected_track = track
        if slot_index is not None:
            view.selected_scene = song.scenes[slot_index]
        browser.load_item(item)
        landed = view.selected_track  # Live makes a new MIDI track for an instrument sent to an audio track
    finally:
        _restore(view, "selected_track", previous_track)
        _restore(view, "selected_scene", previous_scene)
        if restore_hotswap:
            _restore(browser, "hotswap_target", hotswap)
    device_index = _new_device_index(before if landed == track else [], landed.devices)
    return (_track_ref(song, landed), device_index, item.name)


def _stop_hotswap(ctx, browser):
    """Leave hot-swap mode (loading would replace its target); True when it can be resumed after."""
    try:
        browser.hotswap_target = None
        resumable = True
    except (TypeError, RuntimeError):
        # Boost.Python may refuse None here as it does for clip.groove; toggling browse mode ends hot-swap.
        ctx.application.view.toggle_browse()
        resumable = False
    if browser.hotswap_target is not None:
        raise HandlerError("Live is hot-swapping a device; leave hot-swap mode to load onto a track")
    return resumable


def _restore(owner, attr, value):
    if value is None or value == None:  # noqa: E711  (deleted meanwhile)
        return
    try:
        setattr(owner, attr, value)
    except RuntimeError:
        pass


def preview(ctx, song, ref):
    browser = _browser(ctx)
    browser.preview_item(find_item(browser, ref))


def stop_preview(ctx, song):
    _browser(ctx).stop_preview()


def register(reg):
    reg.add("/live/browser/get/children", "get", "song", get_children, args="path:s start:i?",
            reply="path:s (name:s is_folder:b is_loadable:b uri:s)*",
            members=("Application.browser", "Browser.instruments", "Browser.audio_effects", "Browser.midi_effects",
                     "Browser.max_for_live",
                     "Browser.plugins", "Browser.sounds", "Browser.drums", "Browser.samples", "Browser.clips",
                     "Browser.packs", "Browser.user_library", "Browser.current_project", "Browser.user_folders",
                     "Browser.colors", "Browser.legacy_libraries",
                     "BrowserItem.children", "BrowserItem.iter_children", "BrowserItem.name",
                     "BrowserItem.is_folder", "BrowserItem.is_loadable", "BrowserItem.uri"),
            example="/live/browser/get/children instruments",
            doc="The items in a browser folder ('' lists the categories; at most %d from start)" % MAX_CHILDREN)
    reg.add("/live/browser/get/item", "get", "song", get_item, args="path_or_uri:s",
            reply="path_or_uri:s name:s is_folder:b is_loadable:b uri:s is_device:b source:s",
            members=("BrowserItem.is_device", "BrowserItem.source"),
            example="/live/browser/get/item audio_effects/Reverb",
            doc="One browser item, by path or URI")
    reg.add("/live/browser/search", "get", "song", search, args="text:s root:s? max_depth:i? max_results:i?",
            members=("BrowserItem.iter_children", "BrowserItem.name", "BrowserItem.is_folder"),
            reply="text:s complete:b (path:s name:s is_loadable:b uri:s)*",
            example="/live/browser/search reverb audio_effects",
            doc="Items whose name contains the text (ignoring case), breadth first, within max_depth levels "
                "(default %d) and %d items looked at; complete is false when a limit may have hidden more matches"
                % (DEFAULT_DEPTH, MAX_VISITS))
    reg.add("/live/browser/load", "method", "song", load, args="path_or_uri:s track_id:T clip_id:i?",
            reply="track_id:i device_id:i name:s", members=("Browser.load_item", "Browser.hotswap_target"),
            example="/live/browser/load instruments/Operator 0",
            doc="Load an instrument, effect, preset or sample onto a track (a sample on an audio track: into "
                "the slot clip_id); answers where it landed (Live may make a new MIDI track) and the new "
                "device's index (-1 for none); the selection is left as it was")
    reg.add("/live/browser/preview", "method", "song", preview, args="path_or_uri:s",
            members="Browser.preview_item", doc="Preview a browser item (samples, presets)")
    reg.add("/live/browser/stop_preview", "method", "song", stop_preview, members="Browser.stop_preview",
            doc="Stop previewing")
