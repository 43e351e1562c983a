"""Live.Track's routing values: routing types and channels, their vectors and enums (tracks and devices share them)."""
from Live import _lom

RoutingTypeCategory = _lom.make_enum("Track", "RoutingTypeCategory", dict(
    external=0, rewire=1, resampling=2, master=3, track=4, parent_group_track=5, none=6, invalid=7))
RoutingChannelLayout = _lom.make_enum("Track", "RoutingChannelLayout", dict(midi=0, mono=1, stereo=2))
RoutingTypeVector = _lom.make_vector_class("Track", "RoutingTypeVector", "A container for routing types.")
RoutingChannelVector = _lom.make_vector_class("Track", "RoutingChannelVector", "A container for routing channels.")


class RoutingType(object):
    """A routing source/target type (e.g. "Ext. In", "Main", another track)."""

    __slots__ = ("_name", "_category", "_attached")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    display_name = property(lambda self: self._name, doc="Name shown in Live.")
    category = property(lambda self: self._category, doc="RoutingTypeCategory.")
    attached_object = property(lambda self: _lom.wrap(self._attached), doc="The track this type refers to.")

    def __eq__(self, other):
        return isinstance(other, RoutingType) and (self._name, self._category, self._attached) == \
            (other._name, other._category, other._attached)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self._name, int(self._category)))


class RoutingChannel(object):
    """A channel of a routing type (e.g. "1/2", "Ch. 1")."""

    __slots__ = ("_name", "_layout")

    def __init__(self, *args, **kwargs):
        raise RuntimeError("This class cannot be instantiated from Python")

    display_name = property(lambda self: self._name, doc="Name shown in Live.")
    layout = property(lambda self: self._layout, doc="RoutingChannelLayout.")

    def __eq__(self, other):
        return isinstance(other, RoutingChannel) and (self._name, self._layout) == (other._name, other._layout)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._name)


RoutingType.__module__ = RoutingChannel.__module__ = "Track"


def _rtype(name, category, attached=None):
    r = object.__new__(RoutingType)
    r._name, r._category, r._attached = name, RoutingTypeCategory.values[category], attached
    return r


def _rchan(name, layout):
    c = object.__new__(RoutingChannel)
    c._name, c._layout = name, RoutingChannelLayout.values[layout]
    return c
