"""MIDI through the framework: controls mapped and forwarded by build_midi_map, MIDI played into Live."""
import textwrap

import pytest

from livesim.host import Host

SCRIPT = '''
import Live
from _Framework.ControlSurface import ControlSurface
from _Framework.EncoderElement import EncoderElement
from _Framework.InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE

RECEIVED = []


class Knobs(ControlSurface):
    def __init__(self, c_instance):
        ControlSurface.__init__(self, c_instance)
        absolute = Live.MidiMap.MapMode.absolute
        with self.component_guard():
            self.volume_knob = EncoderElement(MIDI_CC_TYPE, 0, 7, absolute)
            self.volume_knob.connect_to(self.song().master_track.mixer_device.volume)
            self.button = EncoderElement(MIDI_CC_TYPE, 0, 8, absolute)
            self.button.add_value_listener(RECEIVED.append)
            self.pad = EncoderElement(MIDI_NOTE_TYPE, 1, 36, absolute)
            self.pad.add_value_listener(RECEIVED.append)
            self.request_rebuild_midi_map()


def create_instance(c_instance):
    return Knobs(c_instance)
'''


@pytest.fixture
def host(tmp_path):
    from livesim.world import World

    folder = tmp_path / "Knobs"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(SCRIPT))
    host = Host(World(), script_path=str(folder))
    host.start()
    yield host
    host.shutdown()


def test_build_midi_map_installs_mappings_and_forwards(host):
    from Live import _midi_map as MidiMap

    world = host.world
    assert [(m.kind, m.channel, m.number) for m in world.midi_mappings if m.owner is host] == [(MidiMap.CC, 0, 7)]
    forwards = sorted((f.kind, f.channel, f.number) for f in world.midi_forwards if f.owner is host)
    assert forwards == [(MidiMap.CC, 0, 8), (MidiMap.NOTE, 1, 36)]
    assert host.midi_map_builds == 1  # the request made in create_instance is served by the first map


def test_played_midi_moves_mapped_parameters_and_reaches_receive_midi(host):
    from Live import _midi_map as MidiMap

    world = host.world
    MidiMap.receive_midi(world, 0xB0, 7, 127)
    assert world.song.master_track.mixer_device.volume.value == pytest.approx(1.0)
    MidiMap.receive_midi(world, 0xB0, 8, 99)
    MidiMap.receive_midi(world, 0x91, 36, 100)
    assert host.module.RECEIVED == [99, 100]


def test_receive_midi_guard_routes_only_known_controls(host):
    host.call_script("receive_midi", (0xB0, 9, 1))
    assert host.module.RECEIVED == []
    assert "error" not in host.log_text()


def test_listens_follows_its_subject_and_disconnects(host):
    from ableton.v2.base import listens
    from ableton.v2.control_surface import Component

    class TempoWatcher(Component):
        def __init__(self, *a, **k):
            super(TempoWatcher, self).__init__(*a, **k)
            self.seen = []
            self._on_tempo.subject = self.song

        @listens("tempo")
        def _on_tempo(self):
            self.seen.append(self.song.tempo)

    surface = host.instance
    song = host.world.song
    with surface.component_guard():
        watcher = TempoWatcher()
    song.tempo = 100.0
    assert watcher.seen == [100.0]
    watcher._on_tempo.subject = host.world.song  # the same song through a fresh wrapper: no double listener
    song.tempo = 101.0
    assert watcher.seen == [100.0, 101.0]
    assert watcher._on_tempo.is_connected()
    watcher.disconnect()
    song.tempo = 102.0
    assert watcher.seen == [100.0, 101.0]
    assert watcher._on_tempo.subject is None
    with pytest.raises(AttributeError):
        watcher._on_tempo.subject = object()


BUTTONS = '''
from _Framework.ButtonElement import ButtonElement
from _Framework.ControlSurface import ControlSurface
from _Framework.InputControlElement import MIDI_CC_TYPE, MIDI_NOTE_TYPE
from _Framework.SliderElement import SliderElement

PRESSES = []


class Buttons(ControlSurface):
    def __init__(self, c_instance):
        ControlSurface.__init__(self, c_instance)
        with self.component_guard():
            self.play = ButtonElement(True, MIDI_NOTE_TYPE, 0, 60)
            self.play.add_value_listener(self._on_play)
            self.toggle = ButtonElement(False, MIDI_CC_TYPE, 0, 20)
            self.fader = SliderElement(MIDI_CC_TYPE, 0, 10)
            self.fader.connect_to(self.song().tracks[0].mixer_device.volume)
            self.request_rebuild_midi_map()

    def _on_play(self, value):
        PRESSES.append((value, self.play.is_pressed()))


def create_instance(c_instance):
    return Buttons(c_instance)
'''


def test_buttons_and_sliders(tmp_path):
    from livesim.world import World

    folder = tmp_path / "Buttons"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(BUTTONS))
    host = Host(World(), script_path=str(folder))
    host.start()
    try:
        world, surface = host.world, host.instance
        world.receive_midi(0x90, 60, 127)
        world.receive_midi(0x80, 60, 0)
        assert host.module.PRESSES == [(127, True), (0, False)]
        world.receive_midi(0xB0, 10, 0)
        assert world.song.tracks[0].mixer_device.volume.value == 0.0
        with surface.component_guard():
            surface.play.turn_on()
            surface.toggle.set_light(True)
        surface.play.set_light(False)
        surface.toggle.turn_on()   # the same value again is not sent twice
        assert host.c_instance._livesim_sent_midi[-3:] == [(0x90, 60, 127), (0xB0, 20, 127), (0x90, 60, 0)]
        assert surface.toggle.is_momentary() is False and surface.toggle.is_pressed() is False
        from _Framework.InputControlElement import MIDI_NOTE_TYPE
        from _Framework.SliderElement import SliderElement
        with surface.component_guard():
            with pytest.raises(AssertionError):
                SliderElement(MIDI_NOTE_TYPE, 0, 1)
        assert "error" not in host.log_text()
    finally:
        host.shutdown()
