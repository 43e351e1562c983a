"""/live/application/*: Live's version and load, message boxes, and the main window's views."""

from .registry import Prop


def get_version(ctx, song):
    app = ctx.application
    return (app.get_major_version(), app.get_minor_version())


def get_average_process_usage(ctx, song):
    return (float(ctx.application.average_process_usage),)


# ---------------------------------------------------------------------- beyond upstream

def _app(song):
    import Live

    return Live.Application.get_application()


def _app_view(song):
    return _app(song).view


APP_PROPERTIES = [
    # Listen-only: upstream's /live/application/get/average_process_usage answers the value.
    Prop("average_process_usage", "f", "l", target=_app, since=(11, 1), strict=True,
         member="Application.average_process_usage"),
    Prop("peak_process_usage", "f", "gl", target=_app, since=(11, 1), strict=True,
         member="Application.peak_process_usage", doc="Live's peak CPU load (0.0-1.0)"),
    Prop("open_dialog_count", "i", "gl", target=_app, strict=True, member="Application.open_dialog_count",
         doc="Number of open message boxes"),
    Prop("current_dialog_message", "s", "g", target=_app, strict=True, member="Application.current_dialog_message",
         doc="The text of the open message box"),
    Prop("current_dialog_button_count", "i", "g", target=_app, strict=True,
         member="Application.current_dialog_button_count", doc="The number of buttons of the open message box"),
    Prop("number_of_push_apps_running", "i", "g", target=_app, since=(12, 0), strict=True,
         member="Application.number_of_push_apps_running"),
]

VIEW_PROPERTIES = [
    Prop("browse_mode", "b", "gl", target=_app_view, strict=True, member="Application.View.browse_mode",
         doc="Whether the browser is in hot-swap mode"),
    Prop("focused_document_view", "s", "gl", target=_app_view, strict=True,
         member="Application.View.focused_document_view", doc="'Session' or 'Arranger'"),
]


def _call_app(name):
    def get(ctx, song):
        return (getattr(ctx.application, name)(),)

    return get


def get_unavailable_features(ctx, song):
    return tuple(str(feature) for feature in ctx.application.unavailable_features)


def press_current_dialog_button(ctx, song, index):
    ctx.application.press_current_dialog_button(index)


def has_option(ctx, song, name):
    return (name, bool(ctx.application.has_option(name)))


def get_available_main_views(ctx, song):
    return tuple(str(name) for name in ctx.application.view.available_main_views())


def _view_call(name):
    def call(ctx, song, *values):
        getattr(ctx.application.view, name)(*values)

    return call


def is_view_visible(ctx, song, name, *main_window_only):
    return (name, bool(ctx.application.view.is_view_visible(name, *main_window_only)))


def register_model(reg):
    """Application and Application.View beyond upstream."""
    for name, type_, since, doc in (
            ("bugfix_version", "i", None, "Live's bugfix version (the 6 of 12.3.6)"),
            ("version_string", "s", (11, 3, 2), "Live's version as text"),
            ("variant", "s", (12, 0), "Live's edition (Suite, Standard, Intro, Lite, Beta...)"),
            ("build_id", "s", (12, 0), "Live's build identifier")):
        reg.add("/live/application/get/%s" % name, "get", "song", _call_app("get_" + name), since=since, echo=False,
                reply="%s:%s" % (name, type_), doc=doc, members="Application.get_" + name)
    reg.properties("song", APP_PROPERTIES, prefix="/live/application")
    reg.add("/live/application/press_current_dialog_button", "method", "song", press_current_dialog_button,
            args="button_index:i", members="Application.press_current_dialog_button",
            doc="Press a button of the open message box (closing it)")
    reg.add("/live/application/get/unavailable_features", "get", "song", get_unavailable_features, echo=False,
            reply="feature:s*", members="Application.unavailable_features",
            doc="The features the running Live edition lacks")
    reg.add("/live/application/get/has_option", "get", "song", has_option, args="name:s", echo=False,
            reply="name:s present:b", members="Application.has_option", doc="Whether Options.txt has an entry")
    reg.properties("song", VIEW_PROPERTIES, prefix="/live/application/view")
    reg.add("/live/application/view/get/available_main_views", "get", "song", get_available_main_views,
            echo=False, reply="name:s*", members="Application.View.available_main_views",
            doc="The names of the views show_view, hide_view, focus_view and is_view_visible take")
    reg.add("/live/application/view/get/is_view_visible", "get", "song", is_view_visible,
            args="view_name:s main_window_only:b?", echo=False, reply="view_name:s visible:b",
            members="Application.View.is_view_visible", doc="Whether a view is shown")
    for name, doc in (("show_view", "Show a view (e.g. 'Browser', 'Detail/Clip')"), ("hide_view", "Hide a view"),
                      ("focus_view", "Show a view and give it the keyboard focus")):
        reg.add("/live/application/view/%s" % name, "method", "song", _view_call(name), args="view_name:s",
                members="Application.View.%s" % name, doc=doc)
    for name, doc in (("scroll_view", "Scroll a view (direction 0 up, 1 down, 2 left, 3 right)"),
                      ("zoom_view", "Zoom a view (direction 0 up, 1 down, 2 left, 3 right)")):
        reg.add("/live/application/view/%s" % name, "method", "song", _view_call(name),
                args="direction:i view_name:s modifier:b", members="Application.View.%s" % name, doc=doc)
    reg.add("/live/application/view/toggle_browse", "method", "song", _view_call("toggle_browse"),
            members="Application.View.toggle_browse", doc="Toggle the browser's hot-swap mode")


def register(reg):
    reg.add("/live/application/get/version", "get", "song", get_version, reply="major:i minor:i", echo=False,
            doc="Live's major and minor version", example="/live/application/get/version",
            members=("Application.get_major_version", "Application.get_minor_version"))
    reg.add("/live/application/get/average_process_usage", "get", "song", get_average_process_usage,
            reply="usage:f", echo=False, doc="Live's average CPU load (0.0-1.0)", since=(11, 1),
            members="Application.average_process_usage")
    register_model(reg)
