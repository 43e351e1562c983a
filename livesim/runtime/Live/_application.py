"""Live.Application: the application object (versions, dialogs, CPU load, browser, main views).

``get_application()`` returns the application of the active World (``World.activate()``); the
application's state and rules are in Live._application_model.
"""
from Live import _lom
from Live._lom import method, prop, since
from Live._base import ObjectVector, StringVector
from Live import _application_model as model
from Live._application_model import ApplicationNode, ApplicationViewNode, _Variants

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


# Module members Live 12.0 added: reachable only while a 12.0+ world is active.
_SINCE_12 = {"MessageButtons": _MessageButtons, "PushDialogType": _PushDialogType, "Variants": _Variants}
GATED = dict((name, (member, since(12, 0))) for name, member in _SINCE_12.items())


def get_application():
    """The running Live application."""
    world = _lom.active_world()
    if world is None:
        raise RuntimeError("No Live application is running")
    return world.application


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
        model.press_current_dialog_button(o, index)

    @method("any text, int buttons=0, bool enable_markup=False, bool show_success_icon=False", avail=since(12, 0))
    def show_message(o, text, buttons, enable_markup, show_success_icon):
        """Show a message box; livesim records it and answers with the first button."""
        return model.show_message(o, text, buttons)

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
            return _lom.vector(StringVector, model.MAIN_VIEWS, None)

        @method("any arg2")
        def show_view(o, name):
            """Show a view."""
            o.set_visible(model.view_name(name), True)

        @method("any arg2")
        def hide_view(o, name):
            """Hide a view."""
            o.set_visible(model.view_name(name), False)

        @method("any arg2")
        def focus_view(o, name):
            """Show a view and give it the keyboard focus."""
            model.focus_view(o, name)

        @method("any identifier, bool main_window_only=True")
        def is_view_visible(o, name, main_window_only):
            """True if the view is visible."""
            return model.view_name(name) in o.visible

        @method("int arg2, any arg3, bool arg4")
        def scroll_view(o, direction, name, modifier):
            """Scroll a view; in Session view up/down select scenes and left/right select tracks."""
            model.scroll_view(o, direction, name)

        @method("int arg2, any arg3, bool arg4")
        def zoom_view(o, direction, name, modifier):
            """Zoom a view (nothing to zoom in livesim)."""
            model.view_name(name)

        @method()
        def toggle_browse(o):
            """Start or stop hot-swapping the selected device."""
            o.parent.browser.toggle_hotswap()

        def add_is_view_visible_listener(self, view_name, callback):
            """Call ``callback`` when the visibility of ``view_name`` changes."""
            _lom.add_listener(_lom.unwrap(self), "is_view_visible:" + model.view_name(view_name), callback)

        def remove_is_view_visible_listener(self, view_name, callback):
            """Disconnect a visibility listener."""
            _lom.remove_listener(_lom.unwrap(self), "is_view_visible:" + model.view_name(view_name), callback)

        def is_view_visible_has_listener(self, view_name, callback):
            """True if ``callback`` listens to the visibility of ``view_name``."""
            key = "is_view_visible:" + model.view_name(view_name)
            return _lom._find(_lom.unwrap(self), key, callback) is not None


ApplicationNode.cls = Application
ApplicationViewNode.cls = Application.View
