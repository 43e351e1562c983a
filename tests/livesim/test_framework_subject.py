"""_Framework's events (Subject, SubjectSlot, subject_slot, subject_slot_group) and Util helpers."""
import pytest

from livesim.host import ensure_runtime_path

ensure_runtime_path()

from _Framework import Util  # noqa: E402
from _Framework.SubjectSlot import (SlotManager, Subject, SubjectEvent, SubjectSlot, SubjectSlotError,  # noqa: E402
                                    subject_slot, subject_slot_group)


class Knob(Subject):
    __subject_events__ = ("value", SubjectEvent(name="touch", doc="touched"))

    def __init__(self, name):
        self.name = name


class Listener(SlotManager):
    def __init__(self):
        super(Listener, self).__init__()
        self.heard = []

    @subject_slot("value")
    def _on_value(self, value):
        self.heard.append(("one", value))

    @subject_slot_group("value")
    def _on_any_value(self, value, sender):
        self.heard.append(("group", value, sender))


def test_a_subject_has_the_listener_methods_of_its_events():
    knob = Knob("a")
    heard = []
    knob.add_value_listener(heard.append)
    knob.add_touch_listener(lambda *args: heard.append(args), identify_sender=True)
    knob.notify_value(5)
    knob.notify_touch(True)
    assert heard == [5, (True, knob)]
    assert knob.value_has_listener(heard.append) and knob.value_listener_count() == 1
    with pytest.raises(RuntimeError):
        knob.add_value_listener(heard.append)
    knob.remove_value_listener(heard.append)
    with pytest.raises(RuntimeError):
        knob.remove_value_listener(heard.append)
    knob.disconnect()
    assert knob.touch_listener_count() == 0


def test_a_subject_slot_moves_with_its_subject_and_ends_with_its_manager():
    a, b = Knob("a"), Knob("b")
    listener = Listener()
    listener._on_value.subject = a
    a.notify_value(1)
    listener._on_value.subject = b
    a.notify_value(2)
    b.notify_value(3)
    assert listener.heard == [("one", 1), ("one", 3)]
    assert not a.value_has_listener(listener._on_value.listener)
    listener._on_value(4)                      # the slot is still the method
    assert listener.heard[-1] == ("one", 4)
    with pytest.raises(SubjectSlotError):
        listener._on_value.subject = object()
    assert listener._on_value.subject is b     # a refused subject leaves the slot as it was
    listener.disconnect()
    b.notify_value(5)
    assert listener.heard[-1] == ("one", 4) and listener._on_value.subject is None


def test_a_slot_group_names_the_sender():
    knobs = [Knob("a"), Knob("b")]
    listener = Listener()
    listener._on_any_value.replace_subjects(knobs)
    knobs[1].notify_value(7)
    listener._on_any_value.replace_subjects(knobs, identifiers=["left", "right"])
    knobs[0].notify_value(8)
    assert listener.heard == [("group", 7, knobs[1]), ("group", 8, "left")]
    assert listener._on_any_value.has_subject(knobs[0])
    listener._on_any_value.remove_subject(knobs[0])
    knobs[0].notify_value(9)
    assert len(listener.heard) == 2
    listener.disconnect()
    knobs[1].notify_value(10)
    assert len(listener.heard) == 2


def test_a_plain_subject_slot_and_register_slot():
    knob = Knob("a")
    heard = []
    manager = SlotManager()
    slot = manager.register_slot(knob, heard.append, "value")
    assert isinstance(slot, SubjectSlot) and slot.is_connected
    knob.notify_value(1)
    manager.disconnect()
    knob.notify_value(2)
    assert heard == [1]


def test_util_helpers():
    assert Util.clamp(200, 0, 127) == 127 and Util.clamp(-1, 0, 127) == 0
    assert Util.find_if(lambda x: x > 2, [1, 3, 4]) == 3 and Util.find_if(bool, [0]) is None
    assert Util.index_if(lambda x: x > 2, [1, 3]) == 1 and Util.index_if(bool, [0, 0]) == 2
    assert Util.group([1, 2, 3, 4, 5], 2) == [(1, 2), (3, 4)]
    assert Util.in_range(5, 0, 128) and not Util.in_range(128, 0, 128) and not Util.in_range("x", 0, 1)
    assert list(Util.flatten([[1], [2, 3]])) == [1, 2, 3]
    assert list(Util.product([1, 2], "a")) == [(1, "a"), (2, "a")]
    assert Util.compose(str, abs)(-3) == "3" and Util.const(4)(1, x=2) == 4 and Util.nop(1) is None
    assert Util.first([1, 2, 3]) == 1 and Util.second([1, 2, 3]) == 2 and Util.third([1, 2, 3]) == 3
    assert Util.union({"a": 1}, {"b": 2}) == {"a": 1, "b": 2}
    assert Util.dict_diff({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": 2}
    assert Util.to_slice(2) == slice(2, 3) and Util.to_slice(-1) == slice(-1, None)
    assert Util.linear(0.0, 10.0, 0.5) == 5.0 and Util.sign(-2) == -1.0
    assert Util.recursive_map(lambda x: x * 2, [1, (2, [3])]) == [2, [4, [6]]]
    flag = Util.BooleanContext()
    with flag():
        assert flag
    assert not flag

    class Thing(object):
        calls = []

        @Util.lazy_attribute
        def expensive(self):
            Thing.calls.append(1)
            return 42

        @Util.forward_property("_inner")
        def value():
            pass

    thing = Thing()
    thing._inner = Knob("x")
    thing._inner.value = 3
    assert thing.expensive == 42 and thing.expensive == 42 and Thing.calls == [1]
    assert thing.value == 3
    thing.value = 4
    assert thing._inner.value == 4
    assert issubclass(Util.mixin(Thing, Knob), Knob)
