"""Live.Application: the application object (versions, dialogs, CPU load, browser, main views).

``get_application()`` returns the application of the active World (``World.activate()``);
``make_application(world)`` builds it (the World caches it as ``world.application``).
Tests and the host drive the parts Live's user would: ``_open_dialog(app_node, text, buttons)``,
``node.control_surfaces[i] = instance``, ``_set_process_usage(app_node, average, peak)``.
"""
from Live import _lom
from Live._lom import method, prop, set_value, since
from Live._base import ObjectVector, StringVector

NavDirection = _lom.make_enum("Application", "Application.View.NavDirection",
                              {"up": 0, "down": 1, "left": 2, "right": 3})
UnavailableFeature = _lom.make_enum("Application", "UnavailableFeature",
                                    {"note_velocity_ranges_and_probabilities": 0})
UnavailableFeatureVector = _lom.make_vector_class("Application", "UnavailableFeatureVector",
                                                  "A container for returning unavailable features from Live.")
_MessageButtons = _lom.make_enum("Application", "MessageButtons", {
    "OK_BUTTON": 0, "OK_NEW_SET_BUTTON": 1, "OK_RETRY_BUTTON": 2, "SAVE_DONT_SAVE_BUTTON": 3,
    "OK_ACCOUNT_BUTTON": 4, "OK_PURCHASE_BUTTON": 5})
_PushDialogType = _lom.make_enum("Application", "PushDialogType", {
    "MESSAGE_BOX": 0, "OUT_OF_UNLOCKS_DIALOG": 5, "RENT_TO_OWN_LICENSE_EXPIRED_DIALOG": 7})
BUTTON_COUNTS = {0: 1, 1: 2, 2: 2, 3: 3, 4: 2, 5: 2}


class _Variants(object):
    """The strings Application.get_variant() returns."""

    BETA = "Beta"
    INTRO = "Intro"
    LITE = "Lite"
    STANDARD = "Standard"
    SUITE = "Suite"
    TRIAL = "Trial"

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")


_Variants.__name__ = _Variants.__qualname__ = "Variants"
_Variants.__module__ = "Application"

# Module members Live 12.0 added: reachable only while a 12.0+ world is active.
_SINCE_12 = {"MessageButtons": _MessageButtons, "PushDialogType": _PushDialogType, "Variants": _Variants}
GATED = dict((name, (member, since(12, 0))) for name, member in _SINCE_12.items())



MAIN_VIEWS = ("Browser", "Arranger", "Session", "Detail", "Detail/Clip", "Detail/DeviceChain")
# Views that exclude each other: showing one hides its partner.
_PARTNER = {"Session": "Arranger", "Arranger": "Session", "Detail/Clip": "Detail/DeviceChain",
            "Detail/DeviceChain": "Detail/Clip"}
VIEW_NAME_TEXT = "Unknown view name: %s"
DIALOG_TEXT = "There is no open dialog"


class ApplicationNode(_lom.Node):
    """Application state: dialogs, process usage, control-surface slots, browser and view."""

    def __init__(self, world):
        _lom.Node.__init__(self, world, None, Application)
        self.dialogs = []
        self.messages = []
        self.average_process_usage = 0.0
        self.peak_process_usage = 0.0
        self.control_surfaces = [None] * (7 if world.version >= (12, 0, 0) else 6)
        self.options = set()
        self.build_id = "%d.%d.%d-livesim" % world.version
        self.variant = _Variants.SUITE
        self.view = ApplicationViewNode(world, self)
        from Live._browser import BrowserNode
        self.browser = BrowserNode(world, self)

    def children(self):
        return [self.view, self.browser]


class ApplicationViewNode(_lom.Node):
    """Application.View state: which main views are visible and focused."""

    def __init__(self, world, app):
        _lom.Node.__init__(self, world, app, Application.View)
        self.visible = set(["Browser", "Session", "Detail", "Detail/Clip"])
        self.focused = "Session"
        self.browse_mode = False

    @property
    def focused_document_view(self):
        return "Arranger" if "Arranger" in self.visible else "Session"

    def set_visible(self, name, on):
        """Show or hide a view (and its partner), notifying is_view_visible listeners."""
        changed = []
        before_doc = self.focused_document_view
        if on and name not in self.visible:
            self.visible.add(name)
            changed.append(name)
            partner = _PARTNER.get(name)
            if partner in self.visible:
                self.visible.discard(partner)
                changed.append(partner)
            if name.startswith("Detail/") and "Detail" not in self.visible:
                self.visible.add("Detail")
                changed.append("Detail")
        elif not on and name in self.visible:
            self.visible.discard(name)
            changed.append(name)
            partner = _PARTNER.get(name)
            if name in ("Session", "Arranger") and partner not in self.visible:
                self.visible.add(partner)
                changed.append(partner)
        for n in changed:
            _lom.notify(self, "is_view_visible:" + n, False)
        if self.focused_document_view != before_doc:
            _lom.notify(self, "focused_document_view", False)


def make_application(world):
    """The Application handle of ``world`` (built once)."""
    node = getattr(world, "application_node", None)
    if node is None:
        node = world.application_node = ApplicationNode(world)
    return _lom.wrap(node)


def get_application():
    """The running Live application."""
    world = _lom.active_world()
    if world is None:
        raise RuntimeError("No Live application is running")
    return world.application


def _open_dialog(node, message, buttons=0):
    """Open a message box (as Live would); scripts see it through the dialog members."""
    node.dialogs.append((message, BUTTON_COUNTS.get(int(buttons), 1)))
    _lom.notify(node, "open_dialog_count")


def _set_process_usage(node, average, peak):
    """Report new CPU load figures (0..1) and notify."""
    set_value(node, "average_process_usage", float(average), undo=False)
    set_value(node, "peak_process_usage", float(peak), undo=False)


def _view_name(name):
    if not isinstance(name, str) or name not in MAIN_VIEWS:
        raise RuntimeError(VIEW_NAME_TEXT % (name,))
    return name


class Application(_lom.LomObject):
    """The Live application."""

    __slots__ = ()
    canonical_parent = prop("any", get=lambda o: None)
    browser = prop("Browser", get=lambda o: _lom.wrap(o.browser))
    view = prop("View", get=lambda o: _lom.wrap(o.view))
    control_surfaces = prop("ObjectVector", observe=True,
                            get=lambda o: _lom.vector(ObjectVector, o.control_surfaces, None))
    open_dialog_count = prop("int", observe=True, get=lambda o: len(o.dialogs))
    current_dialog_message = prop("str", get=lambda o: o.dialogs[-1][0] if o.dialogs else "")
    current_dialog_button_count = prop("int", get=lambda o: o.dialogs[-1][1] if o.dialogs else 0)
    average_process_usage = prop("float", observe=True, avail=since(11, 1))
    peak_process_usage = prop("float", observe=True, avail=since(11, 1))
    number_of_push_apps_running = prop("int", avail=since(12, 0), get=lambda o: 0)
    unavailable_features = prop("UnavailableFeatureVector", observe=True,
                                get=lambda o: _lom.vector(UnavailableFeatureVector, [], None))

    @method()
    def get_document(o):
        """The current Live Set (Song)."""
        return o.world.song

    @method()
    def get_major_version(o):
        """Live's major version."""
        return o.world.version[0]

    @method()
    def get_minor_version(o):
        """Live's minor version."""
        return o.world.version[1]

    @method()
    def get_bugfix_version(o):
        """Live's bugfix version."""
        return o.world.version[2]

    @method(avail=since(11, 3, 2))
    def get_version_string(o):
        """The version as "major.minor.bugfix"."""
        return "%d.%d.%d" % o.world.version

    @method(avail=since(12, 0))
    def get_variant(o):
        """The edition: one of Live.Application.Variants."""
        return o.variant

    @method(avail=since(12, 0))
    def get_build_id(o):
        """A string identifying the build."""
        return o.build_id

    @method("any arg2")
    def has_option(o, name):
        """True if Options.txt has the entry ``name``."""
        return str(name).lstrip("-") in o.options

    @method("int arg2")
    def press_current_dialog_button(o, index):
        """Press a button of the open message box (closing it)."""
        if not o.dialogs:
            raise RuntimeError(DIALOG_TEXT)
        if not 0 <= index < o.dialogs[-1][1]:
            raise RuntimeError("Invalid button index")
        o.dialogs.pop()
        _lom.notify(o, "open_dialog_count")

    @method("any text, int buttons=0, bool enable_markup=False, bool show_success_icon=False", avail=since(12, 0))
    def show_message(o, text, buttons, enable_markup, show_success_icon):
        """Show a message box; livesim records it and answers with the first button."""
        if not isinstance(text, str):
            raise _lom.argument_error("Application", "show_message", (text,), ["Text"])
        o.messages.append((text, int(buttons)))
        return 0

    class View(_lom.LomObject):
        """Application.View: Live's main window views."""

        __slots__ = ()
        NavDirection = NavDirection
        canonical_parent = _lom.parent_prop()
        browse_mode = prop("bool", observe=True)
        focused_document_view = prop("str", observe=True)
        view_focus_changed = _lom.event()

        @method()
        def available_main_views(o):
            """Names usable with show_view, hide_view, focus_view ..."""
            return _lom.vector(StringVector, MAIN_VIEWS, None)

        @method("any arg2")
        def show_view(o, name):
            """Show a view."""
            o.set_visible(_view_name(name), True)

        @method("any arg2")
        def hide_view(o, name):
            """Hide a view."""
            o.set_visible(_view_name(name), False)

        @method("any arg2")
        def focus_view(o, name):
            """Show a view and give it the keyboard focus."""
            o.set_visible(_view_name(name), True)
            if o.focused != name:
                o.focused = name
                _lom.notify(o, "view_focus_changed", False)

        @method("any identifier, bool main_window_only=True")
        def is_view_visible(o, name, main_window_only):
            """True if the view is visible."""
            return _view_name(name) in o.visible

        @method("int arg2, any arg3, bool arg4")
        def scroll_view(o, direction, name, modifier):
            """Scroll a view; in Session view up/down select scenes and left/right select tracks."""
            _view_name(name)
            if name == "Session":
                _move_selection(o.world.song_node, int(direction))

        @method("int arg2, any arg3, bool arg4")
        def zoom_view(o, direction, name, modifier):
            """Zoom a view (nothing to zoom in livesim)."""
            _view_name(name)

        @method()
        def toggle_browse(o):
            """Start or stop hot-swapping the selected device."""
            o.parent.browser.toggle_hotswap()

        def add_is_view_visible_listener(self, view_name, callback):
            """Call ``callback`` when the visibility of ``view_name`` changes."""
            _lom.add_listener(_lom.unwrap(self), "is_view_visible:" + _view_name(view_name), callback)

        def remove_is_view_visible_listener(self, view_name, callback):
            """Disconnect a visibility listener."""
            _lom.remove_listener(_lom.unwrap(self), "is_view_visible:" + _view_name(view_name), callback)

        def is_view_visible_has_listener(self, view_name, callback):
            """True if ``callback`` listens to the visibility of ``view_name``."""
            return _lom._find(_lom.unwrap(self), "is_view_visible:" + _view_name(view_name), callback) is not None


def _move_selection(song, direction):
    view = song.view
    if direction in (0, 1):
        scenes = song.scenes
        if view.selected_scene in scenes:
            i = scenes.index(view.selected_scene) + (1 if direction == 1 else -1)
            if 0 <= i < len(scenes):
                view.select("selected_scene", scenes[i])
    else:
        tracks = list(song.tracks) + list(song.returns) + [song.master]
        if view.selected_track in tracks:
            i = tracks.index(view.selected_track) + (1 if direction == 3 else -1)
            if 0 <= i < len(tracks):
                view.select("selected_track", tracks[i])
