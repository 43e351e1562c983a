"""The model of the application (Live.Application shows it): dialogs, CPU load, control surfaces, main views.

``make_application(world)`` builds the application (the World caches it as ``world.application``).
Tests and the host drive the parts Live's user would: ``open_dialog(app_node, text, buttons)``,
``node.control_surfaces[i] = instance``, ``set_process_usage(app_node, average, peak)``.
Live._application sets the node classes' ``cls``.
"""
from Live import _lom
from Live._lom import set_value
from Live._browser_model import BrowserNode

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


MAIN_VIEWS = ("Browser", "Arranger", "Session", "Detail", "Detail/Clip", "Detail/DeviceChain")
# Views that exclude each other: showing one hides its partner.
_PARTNER = {"Session": "Arranger", "Arranger": "Session", "Detail/Clip": "Detail/DeviceChain",
            "Detail/DeviceChain": "Detail/Clip"}
VIEW_NAME_TEXT = "Unknown view name: %s"
DIALOG_TEXT = "There is no open dialog"


class ApplicationNode(_lom.Node):
    """Application state: dialogs, process usage, control-surface slots, browser and view."""

    def __init__(self, world):
        _lom.Node.__init__(self, world, None)
        self.dialogs = []
        self.messages = []
        self.average_process_usage = 0.0
        self.peak_process_usage = 0.0
        self.control_surfaces = [None] * (7 if world.version >= (12, 0, 0) else 6)
        self.options = set()
        self.build_id = "%d.%d.%d-livesim" % world.version
        self.variant = _Variants.SUITE
        self.view = ApplicationViewNode(world, self)
        self.browser = BrowserNode(world, self)

    def children(self):
        return [self.view, self.browser]


class ApplicationViewNode(_lom.Node):
    """Application.View state: which main views are visible and focused."""

    def __init__(self, world, app):
        _lom.Node.__init__(self, world, app)
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


def open_dialog(node, message, buttons=0):
    """Open a message box (as Live would); scripts see it through the dialog members."""
    node.dialogs.append((message, BUTTON_COUNTS.get(int(buttons), 1)))
    _lom.notify(node, "open_dialog_count")


def set_process_usage(node, average, peak):
    """Report new CPU load figures (0..1) and notify."""
    set_value(node, "average_process_usage", float(average), undo=False)
    set_value(node, "peak_process_usage", float(peak), undo=False)


def view_name(name):
    """``name`` if it names a main view (RuntimeError otherwise)."""
    if not isinstance(name, str) or name not in MAIN_VIEWS:
        raise RuntimeError(VIEW_NAME_TEXT % (name,))
    return name


def press_current_dialog_button(o, index):
    """Press a button of the open message box (closing it)."""
    if not o.dialogs:
        raise RuntimeError(DIALOG_TEXT)
    if not 0 <= index < o.dialogs[-1][1]:
        raise RuntimeError("Invalid button index")
    o.dialogs.pop()
    _lom.notify(o, "open_dialog_count")


def show_message(o, text, buttons):
    """Record a message box; it is answered with the first button (0)."""
    if not isinstance(text, str):
        raise _lom.argument_error("Application", "show_message", (text,), ["Text"])
    o.messages.append((text, int(buttons)))
    return 0


def focus_view(o, name):
    """Show a view and give it the keyboard focus (``o`` is the application's view)."""
    o.set_visible(view_name(name), True)
    if o.focused != name:
        o.focused = name
        _lom.notify(o, "view_focus_changed", False)


def scroll_view(o, direction, name):
    """Scroll a view; in Session view up/down select scenes and left/right select tracks."""
    view_name(name)
    if name == "Session":
        move_selection(o.world.song_node, int(direction))


def move_selection(song, direction):
    """Select the next scene (direction 0 up, 1 down) or track (2 left, 3 right) in Session view."""
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
