"""How much of Live's object model the addresses reach, and what is left out on purpose.

Every registry entry names the Live members ("Class.member") it reaches; ``reg.coverage()``
gathers them by class. ``NOT_EXPOSED`` lists members that are deliberately not reachable, with
the reason; it becomes ``reg.not_exposed`` (docs/API.md lists it).

Which members count (``counted``): a class's properties and methods, without dunders, private
names (``_live_ptr``), ``canonical_parent`` (the owner, known from the address used) and the
listener triples ``add_X_listener``/``remove_X_listener``/``X_has_listener`` (reached through
``start_listen``/``stop_listen`` of property X).
"""

from typing import Dict

from .errors import HandlerError

# What the coverage report and its test measure: every object class of Live that a set is made of
# (the capture's classes without those ``measured_class`` leaves out), each member counted once, in
# the class that defines it, plus the functions of these modules.
MODULE_FUNCTIONS = ("Conversions", "MidiMap", "Song")

# Not parts of a set: containers (vectors, iterators), Live's licensing and its dialogs, the
# rules of MIDI feedback (arguments of MidiMap functions), control surface descriptions and
# proxies (other scripts), a listener's handle, text and timer helpers.
EXCLUDED_MODULES = ("Licensing", "Listener", "LomObject")
EXCLUDED_CLASSES = ("Application.ControlDescription", "Application.ControlSurfaceProxy", "Application.Variants",
                    "Base.Text", "Base.Timer", "MidiMap.CCFeedbackRule", "MidiMap.NoteFeedbackRule",
                    "MidiMap.PitchBendFeedbackRule", "Clip.MidiNoteSpecification", "Track.DeviceContainer")


def measured_class(module, qualname):
    """Whether class ``qualname`` of Live module ``module`` counts towards coverage."""
    if module in EXCLUDED_MODULES or "%s.%s" % (module, qualname) in EXCLUDED_CLASSES:
        return False
    return not qualname.endswith(("Vector", "Iterator"))


INTERNAL = ("canonical_parent",)

NOT_EXPOSED = {
    # Application members that are not data: other scripts' objects, the set itself, modal dialogs.
    "Application.control_surfaces": "the control surface scripts Live runs are Python objects of other scripts: "
                                    "nothing of them can be sent or addressed over OSC",
    "Application.get_document": "it returns the Live set, which every /live/song address already works on",
    "Application.show_message": "it opens a modal message box (with a Live Text object) that blocks Live's window "
                                "until someone at the computer answers; /live/api/show_message uses the status bar",
    "Application.show_on_the_fly_message": "a modal message box, as Application.show_message; "
                                           "/live/api/show_message uses the status bar",
    # The browser window's state: /live/browser/load names its target instead of relying on it.
    "Browser.filter_type": "the browser window's filter, set by Live's hot-swap mode; /live/browser/get/children "
                           "and /live/browser/search do not depend on it",
    "Browser.relation_to_hotswap_target": "meaningful only in Live's hot-swap mode, which /live/browser/load "
                                          "sets aside (it names the target track instead)",
    "BrowserItem.is_selected": "the item highlighted in Live's browser window; requests name items by path or URI",
    # Live's legacy tuple notes API, superseded by the notes API with ids that the notes addresses use.
    "Clip.get_notes": "legacy time-first tuple API; /live/clip/get/notes and get/notes_extended read the same notes",
    "Clip.get_selected_notes": "legacy tuple API; /live/clip/get/selected_notes answers with note ids",
    "Clip.remove_notes": "legacy time-first tuple API; /live/clip/remove/notes removes the same range",
    "Clip.replace_selected_notes": "legacy tuple API; remove_notes_by_id with add/notes_extended does it with ids",
    "Clip.set_notes": "legacy tuple API; /live/clip/add/notes and add/notes_extended add notes",
}  # type: Dict[str, str]


def counted(name):
    """Whether a Live member counts towards coverage (see the module docstring)."""
    if name.startswith("_") or name in INTERNAL:
        return False
    if name.startswith(("add_", "remove_")) and name.endswith("_listener"):
        return False
    return not name.endswith("_has_listener")


def get_coverage(ctx, song, *classes):
    """Per Live class: class, number of reachable members, the members (flat)."""
    coverage = ctx.registry.coverage()
    names = classes or tuple(sorted(coverage))
    values = []
    for cls in names:
        if cls not in coverage and classes:
            raise HandlerError("No address reaches Live class %r" % cls)
        members = [name for name in coverage.get(cls, ()) if counted(name)]
        values.append(cls)
        values.append(len(members))
        values.extend(members)
    return tuple(values)


def register(reg):
    reg.not_exposed = [{"name": name, "reason": reason} for name, reason in sorted(NOT_EXPOSED.items())]
    reg.add("/live/api/get/coverage", "get", "song", get_coverage, args="class:s*", echo=False,
            reply="(class:s count:i member:s*)*",
            doc="The Live members reachable over OSC, per Live class (all classes, or those given)",
            example="/live/api/get/coverage Song.View")
