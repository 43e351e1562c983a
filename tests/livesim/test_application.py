"""Live.Application: versions per profile, dialogs, process usage, main views and their listeners."""
import pytest

from livesim.world import World

import Live
from Live._application_model import open_dialog, set_process_usage


def make(version):
    w = World(live_version=version, virtual_clock=True)
    w.activate()
    return w


@pytest.fixture
def world():
    return make("12.3.6")


@pytest.fixture
def app(world):
    return Live.Application.get_application()


def test_get_application_is_the_active_worlds(world):
    app = Live.Application.get_application()
    assert app == world.application and app._live_ptr == world.application._live_ptr
    assert app.get_document() == world.song
    assert app.canonical_parent is None
    other = make("12.3.6")
    assert Live.Application.get_application() == other.application != app


def test_versions_under_live_11_0():
    app = make("11.0.0").application
    assert (app.get_major_version(), app.get_minor_version(), app.get_bugfix_version()) == (11, 0, 0)
    for name in ("get_version_string", "get_variant", "get_build_id", "show_message", "average_process_usage",
                 "peak_process_usage", "number_of_push_apps_running"):
        with pytest.raises(AttributeError):
            getattr(app, name)
    with pytest.raises(AttributeError):
        Live.Application.Variants
    with pytest.raises(AttributeError):
        Live.Application.MessageButtons


def test_versions_under_live_12_3(app):
    assert (app.get_major_version(), app.get_minor_version(), app.get_bugfix_version()) == (12, 3, 6)
    assert app.get_version_string() == "12.3.6"
    assert app.get_variant() == Live.Application.Variants.SUITE == "Suite"
    assert isinstance(app.get_build_id(), str)
    assert Live.Application.MessageButtons.OK_BUTTON == 0


def test_version_string_appears_in_11_3_2():
    assert make("11.3.2").application.get_version_string() == "11.3.2"
    with pytest.raises(AttributeError):
        make("11.3.1").application.get_version_string()


def test_process_usage_is_observable(world, app):
    calls = []
    app.add_average_process_usage_listener(lambda: calls.append(app.average_process_usage))
    set_process_usage(world.application_node, 0.25, 0.5)
    assert calls == [0.25] and app.peak_process_usage == 0.5
    with pytest.raises(AttributeError):
        app.average_process_usage = 0.1


def test_dialogs(world, app):
    assert (app.open_dialog_count, app.current_dialog_message, app.current_dialog_button_count) == (0, "", 0)
    with pytest.raises(RuntimeError):
        app.press_current_dialog_button(0)
    calls = []
    app.add_open_dialog_count_listener(lambda: calls.append(app.open_dialog_count))
    open_dialog(world.application_node, "Save changes?", 3)
    assert app.current_dialog_message == "Save changes?" and app.current_dialog_button_count == 3
    with pytest.raises(RuntimeError):
        app.press_current_dialog_button(3)
    app.press_current_dialog_button(1)
    assert app.open_dialog_count == 0 and calls == [1, 0]


def test_show_message_and_control_surfaces(world, app):
    assert app.show_message("Hello") == 0
    assert world.application_node.messages == [("Hello", 0)]
    surfaces = app.control_surfaces
    assert len(surfaces) == 7 and all(s is None for s in surfaces)
    assert len(make("11.0.0").application.control_surfaces) == 6


def test_main_views(app):
    view = app.view
    assert list(view.available_main_views()) == ["Browser", "Arranger", "Session", "Detail", "Detail/Clip",
                                                 "Detail/DeviceChain"]
    assert view.focused_document_view == "Session" and view.is_view_visible("Session")
    doc_calls = []
    view.add_focused_document_view_listener(lambda: doc_calls.append(view.focused_document_view))
    view.show_view("Arranger")
    assert view.focused_document_view == "Arranger" and not view.is_view_visible("Session")
    view.hide_view("Arranger")
    assert view.focused_document_view == "Session" and doc_calls == ["Arranger", "Session"]
    view.show_view("Detail/DeviceChain")
    assert view.is_view_visible("Detail/DeviceChain") and not view.is_view_visible("Detail/Clip")
    with pytest.raises(RuntimeError):
        view.show_view("Mixer")
    assert type(view).__qualname__ == "Application.View"


def test_is_view_visible_listener_takes_a_view_name(app):
    view = app.view
    calls = []

    def cb():
        calls.append(view.is_view_visible("Browser"))
    view.add_is_view_visible_listener("Browser", cb)
    assert view.is_view_visible_has_listener("Browser", cb)
    assert not view.is_view_visible_has_listener("Session", cb)
    with pytest.raises(RuntimeError, match="Observer already connected"):
        view.add_is_view_visible_listener("Browser", cb)
    view.hide_view("Browser")
    view.show_view("Browser")
    assert calls == [False, True]
    view.remove_is_view_visible_listener("Browser", cb)
    with pytest.raises(RuntimeError, match="Observer not connected"):
        view.remove_is_view_visible_listener("Browser", cb)


def test_focus_view_and_view_focus_changed(app):
    calls = []
    app.view.add_view_focus_changed_listener(lambda: calls.append(1))
    app.view.focus_view("Browser")
    assert calls == [1]


def test_scroll_view_moves_the_session_selection(world, app):
    song = world.song
    song.view.selected_scene = song.scenes[0]
    down = Live.Application.Application.View.NavDirection.down
    app.view.scroll_view(down, "Session", False)
    assert song.view.selected_scene == song.scenes[1]
    song.view.selected_track = song.tracks[0]
    app.view.scroll_view(3, "Session", False)
    assert song.view.selected_track == song.tracks[1]
    app.view.zoom_view(0, "Arranger", False)


def test_toggle_browse_hot_swaps_the_selected_device(world, app):
    data = {"tracks": [{"type": "midi", "devices": [{"class_name": "Operator"}]}]}
    w = World(set_data=data, virtual_clock=True)
    w.activate()
    app = w.application
    song = w.song
    song.view.selected_track = song.tracks[0]
    song.view.select_device(song.tracks[0].devices[0])
    app.view.toggle_browse()
    assert app.view.browse_mode is True and app.browser.hotswap_target == song.tracks[0].devices[0]
    app.view.toggle_browse()
    assert app.view.browse_mode is False and app.browser.hotswap_target is None
