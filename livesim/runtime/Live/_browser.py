"""Live.Browser: the browser, its items and their iterators; the tree and loading are in Live._browser_model."""
from Live import _lom
from Live._lom import method, prop
from Live._browser_model import (  # noqa: F401  (the enums are Live.Browser's)
    SOURCE, BrowserNode, FilterType, Relation, is_selected, load_item, relation, set_hotswap)

BrowserItemVector = _lom.make_vector_class("Browser", "BrowserItemVector",
                                           "A container for returning browser items from Live.")


class BrowserItem(object):
    """An entry of Live's browser (a device, preset, sample or folder)."""

    __slots__ = ("_o",)

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    children = prop("BrowserItemVector", get=lambda o: _lom.vector(BrowserItemVector, o.children, _wrap_item))
    iter_children = prop("BrowserItemIterator", get=lambda o: BrowserItemIterator._make(o.children))
    is_device = prop("bool")
    is_folder = prop("bool")
    is_loadable = prop("bool")
    is_selected = prop("bool", get=lambda o: is_selected(o))
    name = prop("str")
    source = prop("str", get=lambda o: SOURCE)
    uri = prop("str")

    def __eq__(self, other):
        return isinstance(other, BrowserItem) and other._o is self._o

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._o.uri)

    def __repr__(self):
        return "<Browser.BrowserItem object: %s>" % self._o.name


BrowserItem.__module__ = "Browser"


class BrowserItemIterator(object):
    """Iterates the children of a browser item."""

    __slots__ = ("_items", "_i")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    @classmethod
    def _make(cls, items):
        it = _lom._new(cls)
        it._items = list(items)
        it._i = 0
        return it

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= len(self._items):
            raise StopIteration
        self._i += 1
        return _wrap_item(self._items[self._i - 1])


BrowserItemIterator.__module__ = "Browser"


def _wrap_item(node):
    h = _lom._new(BrowserItem)
    h._o = node
    return h


def _item_node(item):
    if not isinstance(item, BrowserItem):
        raise _lom.argument_error("Browser", "load_item", (item,), ["BrowserItem"])
    return item._o


def _root(name):
    return prop("BrowserItem", get=lambda o: _wrap_item(o.roots[name]))


class Browser(_lom.LomObject):
    """Live's browser."""

    __slots__ = ()
    # Live's Browser reports neither an identity nor a parent.
    _live_ptr = prop("int", avail=lambda v: False)
    instruments = _root("instruments")
    audio_effects = _root("audio_effects")
    midi_effects = _root("midi_effects")
    drums = _root("drums")
    sounds = _root("sounds")
    samples = _root("samples")
    clips = _root("clips")
    plugins = _root("plugins")
    max_for_live = _root("max_for_live")
    packs = _root("packs")
    user_library = _root("user_library")
    current_project = _root("current_project")
    colors = prop("BrowserItemVector", get=lambda o: _lom.vector(BrowserItemVector, [], _wrap_item))
    legacy_libraries = prop("BrowserItemVector", get=lambda o: _lom.vector(BrowserItemVector, [], _wrap_item))
    user_folders = prop("BrowserItemVector", get=lambda o: _lom.vector(BrowserItemVector, [], _wrap_item))
    filter_type = prop(FilterType, set=True, observe=True, doc=False)
    hotswap_target = prop("Device?", set=True, observe=True, doc=False, fset=set_hotswap,
                          get=lambda o: _lom.wrap(o.hotswap_target) if o.hotswap_target is not None
                          and not o.hotswap_target.dead else None)
    full_refresh = _lom.event()

    @method("any arg2", edits=True, label="Load Device")
    def load_item(o, item):
        """Load a device, preset or sample as Live does on double-click."""
        load_item(o, _item_node(item))

    @method("any arg2")
    def preview_item(o, item):
        """Start previewing an item (samples and presets)."""
        o.previewing = _item_node(item)

    @method()
    def stop_preview(o):
        """Stop the preview."""
        o.previewing = None

    @method("any arg2")
    def relation_to_hotswap_target(o, item):
        """How ``item`` relates to the hot-swap target (equal, ancestor or none)."""
        return relation(o, _item_node(item))


BrowserNode.cls = Browser
