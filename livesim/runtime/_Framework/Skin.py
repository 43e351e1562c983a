"""``_Framework.Skin``: named colours a script's buttons show (``button.set_light('Session.ClipStarted')``).

A skin is made from a class whose attributes are colours (anything with ``draw(button)``, such
as ``ButtonElement.Color(midi_value)``) and whose nested classes are groups:
``Skin(Colors)`` with ``class Colors: class Session: ClipStarted = Color(1)`` holds
``'Session.ClipStarted'``.  A name the skin lacks is a SkinColorMissingError.
"""


class SkinColorMissingError(Exception):
    """The skin has no colour of that name."""


class Skin(object):
    """Colours by dotted name."""

    def __init__(self, colors=None, *a, **k):
        super(Skin, self).__init__(*a, **k)
        self._colors = {}
        if colors is not None:
            self._fill_colors(colors)

    def _fill_colors(self, colors, pathname=""):
        for name in dir(colors):
            if name.startswith("_"):
                continue
            value = getattr(colors, name)
            if isinstance(value, type):
                self._fill_colors(value, pathname + name + ".")
            elif hasattr(value, "draw"):
                self._colors[pathname + name] = value

    def __getitem__(self, key):
        try:
            return self._colors[key]
        except KeyError:
            raise SkinColorMissingError("Skin color missing: %s" % (key,))

    def iteritems(self):
        """``(name, colour)`` pairs."""
        return iter(self._colors.items())


def merge_skins(*skins):
    """One skin with the colours of all (a later one wins)."""
    skin = Skin()
    for other in skins:
        skin._colors.update(other._colors)
    return skin
