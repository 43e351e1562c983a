"""Devices: properties, parameters, activity, deletion, versions; the device library and the spec builder."""
import pytest

from livesim import device_library as lib
from livesim.world import World

import Live
from Live._devices_model import build_device, spec_of
from Live._lom import ArgumentError

REQUIRED = {
    "Reverb": "Reverb", "Delay": "Delay", "SimpleDelay": "Simple Delay", "Eq8": "EQ Eight",
    "Compressor2": "Compressor", "GlueCompressor": "Glue Compressor", "AutoFilter": "Auto Filter",
    "StereoGain": "Utility", "Saturator": "Saturator", "Chorus2": "Chorus-Ensemble", "Operator": "Operator",
    "InstrumentVector": "Wavetable", "Drift": "Drift", "OriginalSimpler": "Simpler", "MultiSampler": "Sampler",
    "DrumGroupDevice": "Drum Rack", "InstrumentGroupDevice": "Instrument Rack",
    "AudioEffectGroupDevice": "Audio Effect Rack", "MidiEffectGroupDevice": "MIDI Effect Rack",
    "MidiArpeggiator": "Arpeggiator", "MidiChord": "Chord", "MidiScale": "Scale", "MidiNoteLength": "Note Length",
    "MidiVelocity": "Velocity",
}

SET = {"tracks": [
    {"type": "midi", "devices": [{"class_name": "Operator"}, {"class_name": "Reverb", "name": "Room",
                                                                "parameters": [{"name": "Dry/Wet", "value": 0.5}]}]},
    {"type": "audio", "devices": [{"class_name": "Eq8"}, {"class_name": "Compressor2"}]},
]}


def make(version="12.3.6", data=None):
    w = World(set_data=SET if data is None else data, live_version=version, virtual_clock=True)
    w.activate()
    return w


@pytest.fixture
def world():
    return make()


@pytest.fixture
def song(world):
    return world.song


# ---------------------------------------------------------------- library

def test_library_has_the_stock_devices_with_live_class_and_display_names():
    for class_name, display in REQUIRED.items():
        d = lib.LIBRARY[class_name]
        assert d.display_name == display
        assert d.params[0].name == "Device On"
        assert d.params[0].value_items == ("Off", "On")


def test_library_parameters_are_consistent():
    for d in lib.LIBRARY.values():
        names = [p.name for p in d.params]
        assert len(names) == len(set(names)), d.class_name
        assert len(d.params) <= 50, d.class_name
        for p in d.params:
            assert p.min <= p.default <= p.max, (d.class_name, p.name)
            if p.value_items:
                assert p.is_quantized and p.max == len(p.value_items) - 1


def test_drift_exists_from_live_12_only():
    assert lib.lookup("Drift", (11, 3, 0)) is None
    assert lib.lookup("Drift", (12, 0, 0)).display_name == "Drift"


def test_types_follow_the_library(song):
    op, reverb = song.tracks[0].devices
    assert op.type == Live.Device.DeviceType.instrument and int(op.type) == 1
    assert reverb.type == Live.Device.DeviceType.audio_effect
    arp = lib.LIBRARY["MidiArpeggiator"]
    assert arp.type == "midi_effect"
    assert repr(op.type) == "Device.DeviceType.instrument"


# ---------------------------------------------------------------- device properties

def test_device_basics(song):
    op, reverb = song.tracks[0].devices
    assert (op.name, op.class_name, op.class_display_name) == ("Operator", "Operator", "Operator")
    assert (reverb.name, reverb.class_name) == ("Room", "Reverb")
    eq = song.tracks[1].devices[0]
    assert (eq.class_name, eq.class_display_name) == ("Eq8", "EQ Eight")
    assert op.can_have_chains is False and op.can_have_drum_pads is False
    assert op.canonical_parent == song.tracks[0]
    assert type(op).__module__ == "Device" and type(op.parameters).__name__ == "ATimeableValueVector"


def test_parameters_start_with_device_on_and_give_display_texts(song):
    reverb = song.tracks[0].devices[1]
    params = reverb.parameters
    assert params[0].name == "Device On" and params[0].is_quantized
    assert list(params[0].value_items) == ["Off", "On"]
    assert str(params[0]) == "On"
    wet = [p for p in params if p.name == "Dry/Wet"][0]
    assert wet.value == 0.5 and str(wet) == "50 %"
    assert wet.str_for_value(1.0) == "100 %"
    eq = song.tracks[1].devices[0]
    gain = [p for p in eq.parameters if p.name == "1 Gain A"][0]
    assert (gain.min, gain.max) == (-15.0, 15.0)
    assert str(gain) == "0.0 dB"
    with pytest.raises(TypeError, match="Invalid index type"):
        eq.parameters[1.0]


def test_value_items_on_a_continuous_parameter_raise(song):
    wet = [p for p in song.tracks[0].devices[1].parameters if p.name == "Dry/Wet"][0]
    with pytest.raises(RuntimeError, match="Only quantized parameters have value items"):
        wet.value_items
    with pytest.raises(RuntimeError):
        wet.value = 2.0


def test_name_is_settable_and_observable(song):
    dev = song.tracks[0].devices[0]
    calls = []
    dev.add_name_listener(lambda: calls.append(dev.name))
    dev.name = "Lead"
    assert calls == ["Lead"] and song.tracks[0].devices[0].name == "Lead"
    with pytest.raises(ArgumentError):
        dev.name = 3
    with pytest.raises(AttributeError):
        dev.class_name = "Other"
    with pytest.raises(AttributeError):
        dev.add_class_name_listener(lambda: None)


def test_is_active_follows_device_on_and_the_track_activator(song):
    track = song.tracks[0]
    dev = track.devices[1]
    seen = []
    dev.add_is_active_listener(lambda: seen.append(dev.is_active))
    dev.parameters[0].value = 0.0
    assert dev.is_active is False and seen == [False]
    dev.parameters[0].value = 1.0
    assert dev.is_active is True
    track.mixer_device.track_activator.value = 0.0
    assert dev.is_active is False and track.devices[0].is_active is False
    track.mixer_device.track_activator.value = 1.0
    assert dev.is_active is True
    assert seen == [False, True, False, True]


def test_view_is_collapsed(song):
    view = song.tracks[0].devices[0].view
    calls = []
    view.add_is_collapsed_listener(lambda: calls.append(1))
    view.is_collapsed = True
    assert song.tracks[0].devices[0].view.is_collapsed is True and calls == [1]
    assert type(view).__qualname__ == "Device.View"


def test_store_chosen_bank_takes_two_ints(song):
    dev = song.tracks[0].devices[0]
    assert dev.store_chosen_bank(0, 2) is None
    with pytest.raises(ArgumentError):
        dev.store_chosen_bank(0, 1.5)


def test_deleting_a_device_kills_it_and_its_parameters(song, world):
    track = song.tracks[0]
    dev = track.devices[1]
    param = dev.parameters[1]
    calls = []
    dev.add_name_listener(lambda: calls.append(1))
    track.delete_device(1)
    assert dev == None  # noqa: E711  (Live's deleted objects compare equal to None)
    assert param == None  # noqa: E711
    with pytest.raises(RuntimeError):
        dev.name
    assert len(track.devices) == 1
    song.undo()
    assert track.devices[1].name == "Room"


# ---------------------------------------------------------------- versions

def test_latency_and_compare_ab_are_version_gated():
    old = make("11.0.0").song.tracks[0].devices[0]
    for name in ("latency_in_ms", "latency_in_samples", "can_compare_ab", "is_using_compare_preset_b"):
        with pytest.raises(AttributeError):
            getattr(old, name)
    with pytest.raises(AttributeError):
        old.save_preset_to_compare_ab_slot()
    mid = make("11.3.2").song.tracks[0].devices[0]
    assert mid.latency_in_ms == 0.0 and mid.latency_in_samples == 0
    with pytest.raises(AttributeError):
        mid.can_compare_ab
    new = make("12.3.6").song.tracks[0].devices[0]
    assert new.can_compare_ab is True and new.is_using_compare_preset_b is False
    new.save_preset_to_compare_ab_slot()
    new.parameters[0].value = 0.0
    new.is_using_compare_preset_b = True
    assert new.is_using_compare_preset_b is True and new.parameters[0].value == 1.0
    new.is_using_compare_preset_b = False
    assert new.parameters[0].value == 0.0 and new.is_active is False


def test_drift_in_a_live_11_set_becomes_a_generic_device():
    w = make("11.3.0", {"tracks": [{"type": "midi", "devices": [{"class_name": "Drift"}]}]})
    dev = w.song.tracks[0].devices[0]
    assert dev.class_name == "Drift" and dev.parameters[0].name == "Device On"


# ---------------------------------------------------------------- the spec builder

def test_unknown_class_gets_a_generic_definition(song):
    w = make(data={"tracks": [{"type": "midi", "devices": [
        {"class_name": "PluginDevice", "name": "Serum", "type": "instrument", "presets": ["Init", "Bass"]},
        {"class_name": "MxDeviceAudioEffect", "name": "LFO",
         "parameters": [{"name": "Rate", "value": 2.0, "min": 0.0, "max": 10.0},
                        {"name": "Shape", "value": 1, "is_quantized": True, "value_items": ["Sine", "Saw"]}]}]}]})
    serum, lfo = w.song.tracks[0].devices
    assert type(serum).__name__ == "PluginDevice" and serum.type == 1
    assert list(serum.presets) == ["Init", "Bass"]
    serum.selected_preset_index = 1
    with pytest.raises(RuntimeError):
        serum.selected_preset_index = 5
    assert list(serum.get_parameter_names(0, 2)) == ["Device On", "Parameter 1"]
    assert [p.name for p in lfo.parameters] == ["Device On", "Rate", "Shape"]
    assert str(lfo.parameters[2]) == "Saw" and lfo.type == Live.Device.DeviceType.audio_effect


def test_a_display_name_finds_the_library_device(world):
    node = build_device(world, {"name": "EQ Eight"}, world.song_node.tracks[0])
    assert node.class_name == "Eq8"


@pytest.mark.parametrize("spec, where", [
    ({"class_name": "Reverb", "colour": 1}, "device.colour"),
    ({"class_name": "Reverb", "type": "synth"}, "device.type"),
    ({"class_name": "Reverb", "parameters": [{"name": "Dry/Wet", "value": 3.0}]}, "device.parameters[0].value"),
    ({"class_name": "Reverb", "parameters": [{"value": 3.0}]}, "device.parameters[0]"),
    ({"class_name": "Reverb", "parameters": [{"name": "X", "value_items": ["a"], "is_quantized": False}]},
     "device.parameters[0].value_items"),
    ({"class_name": "Reverb", "chains": [{}]}, "device.chains"),
    ({"class_name": "InstrumentGroupDevice", "drum_pads": [{"note": 36}]}, "device.drum_pads"),
    ({"class_name": "DrumGroupDevice", "drum_pads": [{"note": 128}]}, "device.drum_pads[0].note"),
    ({"class_name": "InstrumentGroupDevice", "chains": [{"volume": 2}]}, "device.chains[0].volume"),
    ({"class_name": "InstrumentGroupDevice", "chains": [{"devices": [{"class_name": 5}]}]},
     "device.chains[0].devices[0].class_name"),
    ({}, "device"),
])
def test_bad_specs_raise_value_error_naming_the_key(world, spec, where):
    with pytest.raises(ValueError) as err:
        build_device(world, spec, world.song_node.tracks[0])
    assert str(err.value).startswith(where + ":")


def test_a_device_spec_reflects_the_current_values(song, world):
    reverb = song.tracks[0].devices[1]
    reverb.parameters[0].value = 0.0
    node = world.song_node.tracks[0].devices[1]
    assert spec_of(node) == {"name": "Room", "class_name": "Reverb", "parameters": [
        {"name": "Device On", "value": 0.0}, {"name": "Dry/Wet", "value": 0.5}]}
    copy = build_device(world, spec_of(node), world.song_node.tracks[1])
    assert [p.value for p in copy.parameters] == [p.value for p in node.parameters]
    assert copy.is_active is False


def test_exported_sets_with_devices_load_again(world):
    from livesim.set_builder import export
    from livesim.sets import validate_set

    data = {"tracks": [{"type": "midi", "devices": [
        {"class_name": "InstrumentGroupDevice", "chains": [{"name": "A", "devices": [{"class_name": "Operator"}]}]},
        {"class_name": "DrumGroupDevice", "drum_pads": [{"note": 36, "name": "Kick"}]},
        {"class_name": "Vendor Synth", "type": "instrument", "parameters": [{"name": "Cutoff", "value": 0.3}]}]}]}
    devices = export(make(data=data))["tracks"][0]["devices"]
    validate_set({"tracks": [{"type": "midi", "devices": devices}]})
    again = make(data={"tracks": [{"type": "midi", "devices": devices}]}).song.tracks[0].devices
    assert [d.class_name for d in again] == ["InstrumentGroupDevice", "DrumGroupDevice", "Vendor Synth"]
    assert again[1].drum_pads[36].name == "Kick" and again[2].parameters[1].value == 0.3


def test_insert_device_by_name_on_a_track_from_12_3(song):
    track = song.tracks[1]
    dev = track.insert_device("Saturator", 0)
    assert dev.class_name == "Saturator" and track.devices[0] == dev
    with pytest.raises(RuntimeError):
        track.insert_device("No Such Device")
    with pytest.raises(RuntimeError):
        track.insert_device("Operator")   # no instruments on audio tracks


def test_max_for_live_devices_offer_banks():
    params = [{"name": "P%d" % i, "value": 0.0} for i in range(10)]
    w = make(data={"tracks": [{"type": "midi", "devices": [
        {"class_name": "MxDeviceMidiEffect", "name": "Arp M4L", "parameters": params}]}]})
    dev = w.song.tracks[0].devices[0]
    assert type(dev).__name__ == "MaxDevice" and dev.type == Live.Device.DeviceType.midi_effect
    assert dev.get_bank_count() == 2 and dev.get_bank_name(1) == "Bank 2"
    assert dev.get_bank_parameters(1) == [9, 10, -1, -1, -1, -1, -1, -1]
    assert dev.get_bank_parameters(-1) == list(range(1, 9))
    with pytest.raises(RuntimeError):
        dev.get_bank_name(2)
    assert dev.get_value_item_icons(dev.parameters[1]) == []


def test_undo_of_device_on_restores_is_active_and_listeners_see_it(song):
    dev = song.tracks[0].devices[1]
    seen = []
    dev.parameters[0].add_value_listener(lambda: seen.append(dev.is_active))
    dev.parameters[0].value = 0.0
    assert seen == [False]
    song.undo()
    assert dev.is_active is True and seen == [False, True]


def test_a_restored_device_still_follows_device_on_and_the_track(song):
    track = song.tracks[0]
    track.delete_device(1)
    song.undo()
    dev = track.devices[1]
    dev.parameters[0].value = 0.0
    assert dev.is_active is False
    dev.parameters[0].value = 1.0
    track.mixer_device.track_activator.value = 0.0
    assert dev.is_active is False


def test_a_duplicated_device_keeps_its_classs_own_settings():
    w = make(data={"tracks": [{"type": "midi", "devices": [{"class_name": "Drift"}, {"class_name": "Eq8"}]}]})
    track = w.song.tracks[0]
    track.devices[0].voice_mode_index = 2
    track.devices[1].global_mode = 2
    track.duplicate_device(1)
    track.duplicate_device(0)
    assert [type(d).__name__ for d in track.devices] == ["DriftDevice", "DriftDevice", "Eq8Device", "Eq8Device"]
    assert [track.devices[i].voice_mode_index for i in (0, 1)] == [2, 2]
    assert [int(track.devices[i].global_mode) for i in (2, 3)] == [2, 2]
