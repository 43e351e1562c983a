"""Racks, chains, chain mixers, drum pads and drum chains built from a set spec."""
import pytest

from livesim.world import World

from Live._drum_pad_model import note_name
from Live._rack_model import DRUM_TEXT

RACK = {"class_name": "InstrumentGroupDevice", "name": "Keys Rack", "chains": [
    {"name": "Piano", "volume": 0.5, "panning": -0.5, "devices": [{"class_name": "Operator"}]},
    {"name": "Strings", "color": 0xFF3636, "mute": True, "devices": [{"class_name": "InstrumentVector"},
                                                                     {"class_name": "Reverb"}]},
    {"name": "Empty"},
]}
DRUMS = {"class_name": "DrumGroupDevice", "drum_pads": [
    {"note": 36, "name": "Kick", "chains": [{"devices": [{"class_name": "OriginalSimpler", "name": "Kick 808"}]}]},
    {"note": 38, "chains": [{"name": "Snare", "choke_group": 1, "devices": [{"class_name": "OriginalSimpler"}]}]},
    {"note": 42, "name": "Hat"},
]}
FX = {"class_name": "AudioEffectGroupDevice", "chains": [{"name": "Dry"}, {"name": "Wet", "solo": True,
                                                                           "devices": [{"class_name": "Reverb"}]}]}


def make(version="12.3.6"):
    data = {"tracks": [{"type": "midi", "devices": [RACK, {"class_name": "Delay"}]},
                       {"type": "midi", "devices": [DRUMS]},
                       {"type": "audio", "devices": [FX]}]}
    w = World(set_data=data, live_version=version, virtual_clock=True)
    w.activate()
    return w


@pytest.fixture
def song():
    return make().song


@pytest.fixture
def rack(song):
    return song.tracks[0].devices[0]


@pytest.fixture
def drums(song):
    return song.tracks[1].devices[0]


def test_rack_nesting_from_the_spec(rack):
    assert rack.can_have_chains and not rack.can_have_drum_pads
    assert type(rack).__name__ == "RackDevice" and rack.class_display_name == "Instrument Rack"
    assert [c.name for c in rack.chains] == ["Piano", "Strings", "Empty"]
    assert [d.class_name for d in rack.chains[1].devices] == ["InstrumentVector", "Reverb"]
    assert rack.chains[0].canonical_parent == rack
    assert rack.chains[0].devices[0].canonical_parent == rack.chains[0]
    assert [p.name for p in rack.parameters][:3] == ["Device On", "Macro 1", "Macro 2"]
    assert len(rack.parameters) == 17 and len(rack.return_chains) == 0
    assert rack.view.selected_chain == rack.chains[0]


def test_chain_mixer_parameters_and_display_texts(rack):
    mixer = rack.chains[0].mixer_device
    assert mixer.volume.name == "Chain Volume" and str(mixer.volume) == "-14.0 dB"
    assert str(mixer.panning) == "25L"
    assert str(rack.chains[1].mixer_device.volume) == "0.0 dB"
    assert list(mixer.chain_activator.value_items) == ["Off", "On"]
    assert len(mixer.sends) == 0 and mixer.canonical_parent == rack.chains[0]


def test_chain_mute_is_the_chain_activator(rack):
    strings = rack.chains[1]
    assert strings.mute is True and strings.mixer_device.chain_activator.value == 0.0
    assert [d.is_active for d in strings.devices] == [False, False]
    calls = []
    strings.add_mute_listener(lambda: calls.append(strings.mute))
    strings.mute = False
    assert strings.mixer_device.chain_activator.value == 1.0 and calls == [False]
    assert all(d.is_active for d in strings.devices)
    strings.mixer_device.chain_activator.value = 0.0
    assert strings.mute is True and calls == [False, True]


def test_rack_off_deactivates_every_nested_device(rack):
    piano_op = rack.chains[0].devices[0]
    seen = []
    piano_op.add_is_active_listener(lambda: seen.append(piano_op.is_active))
    rack.parameters[0].value = 0.0
    assert rack.is_active is False and piano_op.is_active is False
    rack.parameters[0].value = 1.0
    assert piano_op.is_active is True and seen == [False, True]


def test_solo_sets_muted_via_solo_of_the_siblings(song, rack):
    fx = song.tracks[2].devices[0]
    assert [c.muted_via_solo for c in fx.chains] == [True, False]
    fx.chains[1].solo = False
    assert [c.muted_via_solo for c in fx.chains] == [False, False]
    rack.chains[2].solo = True
    assert [c.muted_via_solo for c in rack.chains] == [True, True, False]


def test_chain_colour_snaps_and_clears_auto_colour(rack):
    strings = rack.chains[1]
    assert strings.color == 0xFF3636 and strings.is_auto_colored is False
    piano = rack.chains[0]
    assert piano.is_auto_colored is True
    piano.color = 0x123456
    assert piano.is_auto_colored is False and piano.color != 0x123456
    piano.color_index = 14
    assert piano.color == 0xFF3636


def test_chain_inputs_and_outputs_follow_the_rack_type(song, rack):
    piano, _, empty = rack.chains
    assert piano.has_midi_input and piano.has_audio_output and not piano.has_midi_output
    assert empty.has_midi_output and not empty.has_audio_output and not empty.has_audio_input
    dry = song.tracks[2].devices[0].chains[0]
    assert dry.has_audio_input and dry.has_audio_output and not dry.has_midi_input


def test_chain_delete_device_and_bad_index(song, rack):
    strings = rack.chains[1]
    reverb = strings.devices[1]
    strings.delete_device(1)
    assert reverb == None and len(strings.devices) == 1  # noqa: E711
    with pytest.raises(RuntimeError):
        strings.delete_device(5)
    song.undo()
    assert [d.class_name for d in rack.chains[1].devices] == ["InstrumentVector", "Reverb"]


def test_chain_insert_and_duplicate_device_from_12_3(rack):
    empty = rack.chains[2]
    dev = empty.insert_device("Chord")
    assert dev.class_name == "MidiChord" and empty.devices[0] == dev
    empty.duplicate_device(0)
    assert [d.class_name for d in empty.devices] == ["MidiChord", "MidiChord"]
    with pytest.raises(RuntimeError):
        empty.insert_device("Unknown Thing")


def test_chain_edit_methods_are_absent_before_12_3():
    rack = make("12.2.0").song.tracks[0].devices[0]
    with pytest.raises(AttributeError):
        rack.chains[0].insert_device("Reverb")
    with pytest.raises(AttributeError):
        rack.chains[0].duplicate_device(0)
    with pytest.raises(AttributeError):
        rack.insert_chain()


def test_insert_chain(rack):
    chain = rack.insert_chain(1)
    assert rack.chains[1] == chain and len(rack.chains) == 4
    assert rack.insert_chain() == rack.chains[4]
    with pytest.raises(RuntimeError):
        rack.insert_chain(10)


def test_deleting_a_rack_kills_its_chains_and_nested_devices(song, rack):
    chain = rack.chains[0]
    op = chain.devices[0]
    vol = chain.mixer_device.volume
    song.tracks[0].delete_device(0)
    assert rack == None and chain == None and op == None and vol == None  # noqa: E711
    with pytest.raises(RuntimeError):
        chain.name
    with pytest.raises(RuntimeError, match="Observer not connected"):
        chain.remove_name_listener(lambda: None)


def test_drum_members_on_a_non_drum_rack_raise(rack):
    for name in ("drum_pads", "visible_drum_pads", "has_drum_pads"):
        with pytest.raises(RuntimeError, match=DRUM_TEXT):
            getattr(rack, name)
    with pytest.raises(RuntimeError, match=DRUM_TEXT):
        rack.view.selected_drum_pad
    with pytest.raises(RuntimeError, match=DRUM_TEXT):
        rack.copy_pad(36, 37)


def test_drum_rack_has_128_pads_named_by_chain_or_note(drums):
    pads = drums.drum_pads
    assert len(pads) == 128 and [pads[i].note for i in (0, 36, 127)] == [0, 36, 127]
    assert pads[36].name == "Kick" and pads[38].name == "Snare" and pads[42].name == "Hat"
    assert pads[37].name == "C#1" and pads[0].name == "C-2" and note_name(60) == "C3"
    assert len(pads[36].chains) == 1 and pads[36].chains[0].devices[0].name == "Kick 808"
    assert pads[36].canonical_parent == drums
    assert drums.has_drum_pads is True and drums.can_have_drum_pads is True
    assert [c.name for c in drums.chains] == ["Kick", "Snare", "Hat"]


def test_visible_drum_pads_follow_the_scroll_position(drums):
    assert [p.note for p in drums.visible_drum_pads] == list(range(36, 52))
    calls = []
    drums.add_visible_drum_pads_listener(lambda: calls.append(1))
    drums.view.drum_pads_scroll_position = 0
    assert [p.note for p in drums.visible_drum_pads] == list(range(0, 16)) and calls == [1]
    with pytest.raises(RuntimeError):
        drums.view.drum_pads_scroll_position = 40
    assert drums.view.selected_drum_pad == drums.drum_pads[36]
    drums.view.selected_drum_pad = drums.drum_pads[38]
    assert drums.view.selected_drum_pad.name == "Snare"


def test_drum_chain_notes_and_choke_group(drums):
    snare = drums.drum_pads[38].chains[0]
    assert type(snare).__name__ == "DrumChain"
    assert (snare.in_note, snare.out_note, snare.choke_group) == (38, 60, 1)
    snare.out_note = 62
    with pytest.raises(RuntimeError):
        snare.choke_group = 17
    snare.in_note = 40
    assert drums.drum_pads[40].name == "Snare" and drums.drum_pads[38].name == "D1"
    with pytest.raises(RuntimeError):
        snare.in_note = 200


def test_drum_chain_in_note_is_absent_in_live_11():
    drums = make("11.3.0").song.tracks[1].devices[0]
    chain = drums.drum_pads[36].chains[0]
    with pytest.raises(AttributeError):
        chain.in_note
    assert chain.out_note == 60


def test_pad_name_listener_and_delete_all_chains(song, drums):
    pad = drums.drum_pads[36]
    kick = pad.chains[0]
    calls = []
    pad.add_name_listener(lambda: calls.append(pad.name))
    pad.delete_all_chains()
    assert pad.name == "C1" and len(pad.chains) == 0 and calls[-1] == "C1"
    assert kick == None  # noqa: E711
    song.undo()
    assert drums.drum_pads[36].name == "Kick"


def test_copy_pad(drums):
    drums.copy_pad(36, 48)
    copy = drums.drum_pads[48]
    assert copy.name == "Kick" and copy.chains[0].devices[0].name == "Kick 808"
    assert copy.chains[0] != drums.drum_pads[36].chains[0]
    with pytest.raises(RuntimeError):
        drums.copy_pad(37, 50)   # empty source
    with pytest.raises(RuntimeError):
        drums.copy_pad(36, 128)


def test_pad_mute_and_solo(drums):
    pad = drums.drum_pads[38]
    pad.mute = True
    assert pad.chains[0].mute is True
    pad.solo = True
    assert drums.drum_pads[36].chains[0].muted_via_solo is True


def test_macros_and_variations(rack):
    assert rack.visible_macro_count == 8
    rack.add_macro()
    assert rack.visible_macro_count == 9
    for _ in range(8):
        rack.remove_macro()
    with pytest.raises(RuntimeError):
        rack.remove_macro()
    assert len(rack.macros_mapped) == 16 and rack.has_macro_mappings is False
    macro = rack.parameters[1]
    macro.value = 100.0
    rack.store_variation()
    assert rack.variation_count == 1 and rack.selected_variation_index == 0
    macro.value = 10.0
    rack.recall_selected_variation()
    assert macro.value == 100.0
    with pytest.raises(RuntimeError):
        rack.selected_variation_index = 3
    rack.delete_selected_variation()
    assert rack.variation_count == 0


def test_rack_versions():
    old = make("11.0.0").song.tracks[0].devices[0]
    with pytest.raises(AttributeError):
        old.chain_selector
    with pytest.raises(AttributeError):
        old.visible_macro_count
    old.add_macro()
    new = make("12.3.6").song.tracks[0].devices[0]
    assert new.chain_selector.name == "Chain Selector"


def test_rack_view_is_showing_chain_devices_and_chains(rack):
    rack.view.is_showing_chain_devices = True
    rack.is_showing_chains = True
    assert rack.view.is_showing_chain_devices and rack.is_showing_chains
    assert rack.can_show_chains is True
    rack.view.selected_chain = rack.chains[2]
    assert rack.view.selected_chain.name == "Empty"


def test_insert_chain_on_a_drum_rack_uses_the_selected_pad(drums):
    drums.view.selected_drum_pad = drums.drum_pads[37]
    chain = drums.insert_chain()
    assert type(chain).__name__ == "DrumChain" and chain.in_note == 37
    assert drums.drum_pads[37].chains[0] == chain and drums.drum_pads[37].name == "C#1"


def test_racks_nest_inside_chains():
    nested = {"class_name": "InstrumentGroupDevice", "chains": [{"name": "Outer", "devices": [
        {"class_name": "Operator"},
        {"class_name": "AudioEffectGroupDevice", "chains": [{"name": "Inner", "devices": [{"class_name": "Saturator"}]}]},
    ]}]}
    w = World(set_data={"tracks": [{"type": "midi", "devices": [nested]}]}, virtual_clock=True)
    w.activate()
    outer = w.song.tracks[0].devices[0]
    inner_rack = outer.chains[0].devices[1]
    saturator = inner_rack.chains[0].devices[0]
    assert saturator.canonical_parent.canonical_parent == inner_rack
    assert inner_rack.canonical_parent.canonical_parent == outer
    outer.chains[0].mute = True
    assert saturator.is_active is False and inner_rack.is_active is False
    outer.chains[0].mute = False
    assert saturator.is_active is True
    w.song.tracks[0].delete_device(0)
    assert saturator == None  # noqa: E711


def test_a_restored_chain_still_follows_its_activator(song):
    song.tracks[0].delete_device(0)
    song.undo()
    strings = song.tracks[0].devices[0].chains[1]
    synth = strings.devices[0]
    strings.mute = False
    assert synth.is_active is True
    strings.mixer_device.chain_activator.value = 0.0
    assert strings.mute is True and synth.is_active is False
