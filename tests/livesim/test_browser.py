"""Live.Browser: the item tree, load_item onto the selected track or hot-swap target, the groove pool."""
import pytest

from livesim.world import World

import Live
from Live.Browser import BrowserItem, FilterType, Relation
from Live._groove_pool_model import build_groove_pool

SET = {"tracks": [{"type": "midi", "name": "Synth", "devices": [{"class_name": "MidiArpeggiator"},
                                                                  {"class_name": "Operator"}]},
                  {"type": "audio", "name": "Vox"},
                  {"type": "midi", "name": "Empty"}],
       "returns": [{"name": "Verb"}]}


def make(version="12.3.6", data=SET):
    w = World(set_data=data, live_version=version, virtual_clock=True)
    w.activate()
    return w


@pytest.fixture
def world():
    return make()


@pytest.fixture
def browser(world):
    return world.application.browser


def item(root, name):
    for i in root.children:
        if i.name == name:
            return i
    raise KeyError(name)


def test_roots_and_items(browser):
    names = [i.name for i in browser.instruments.children]
    assert "Operator" in names and "Drift" in names and "Drum Rack" in names
    assert [i.name for i in browser.midi_effects.children][:2] == ["Arpeggiator", "Chord"]
    reverb = item(browser.audio_effects, "Reverb")
    assert reverb.is_device and reverb.is_loadable and not reverb.is_folder
    assert reverb.uri == "query:AudioFx#Reverb" and isinstance(reverb.source, str)
    assert browser.samples.is_folder and not browser.samples.is_loadable
    assert [i.name for i in item(browser.samples, "Drums").iter_children][0] == "Kick 808.wav"
    assert len(browser.user_folders) == 0 and len(browser.colors) == 0
    assert type(browser.instruments.children).__name__ == "BrowserItemVector"
    with pytest.raises(RuntimeError):
        BrowserItem()
    with pytest.raises(AttributeError):
        reverb.name = "x"
    for root in ("clips", "plugins", "max_for_live", "packs", "user_library", "current_project", "sounds", "drums"):
        assert getattr(browser, root).is_folder


def test_drift_is_not_in_a_live_11_browser():
    browser = make("11.3.0").application.browser
    assert "Drift" not in [i.name for i in browser.instruments.children]


def test_load_an_audio_effect_appends_it_to_the_selected_track(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[1]
    browser.load_item(item(browser.audio_effects, "Reverb"))
    assert [d.class_name for d in song.tracks[1].devices] == ["Reverb"]
    browser.load_item(item(browser.audio_effects, "EQ Eight"))
    assert [d.class_name for d in song.tracks[1].devices] == ["Reverb", "Eq8"]
    assert song.tracks[1].view.selected_device.class_name == "Eq8"
    assert song.appointed_device == song.tracks[1].devices[1]
    assert item(browser.audio_effects, "EQ Eight").is_selected and browser.audio_effects.is_selected
    song.undo()
    assert [d.class_name for d in song.tracks[1].devices] == ["Reverb"]


def test_load_an_instrument_onto_a_midi_track(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[2]
    browser.load_item(item(browser.instruments, "Wavetable"))
    assert [d.class_name for d in song.tracks[2].devices] == ["InstrumentVector"]
    assert len(song.tracks) == 3


def test_an_instrument_replaces_the_tracks_instrument_after_its_midi_effects(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[0]
    op = song.tracks[0].devices[1]
    browser.load_item(item(browser.instruments, "Simpler"))
    assert [d.class_name for d in song.tracks[0].devices] == ["MidiArpeggiator", "OriginalSimpler"]
    assert op == None  # noqa: E711
    browser.load_item(item(browser.midi_effects, "Chord"))
    assert [d.class_name for d in song.tracks[0].devices] == ["MidiArpeggiator", "MidiChord", "OriginalSimpler"]


def test_an_instrument_on_an_audio_or_return_track_creates_a_midi_track(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[1]
    browser.load_item(item(browser.instruments, "Operator"))
    assert len(song.tracks) == 4 and song.tracks[2].has_midi_input
    assert [d.class_name for d in song.tracks[2].devices] == ["Operator"]
    assert song.view.selected_track == song.tracks[2]
    assert len(song.tracks[1].devices) == 0
    song.view.selected_track = song.return_tracks[0]
    browser.load_item(item(browser.audio_effects, "Delay"))
    assert [d.class_name for d in song.return_tracks[0].devices] == ["Delay"]


def test_kits_presets_and_samples(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[2]
    browser.load_item(item(browser.drums, "808 Core Kit.adg"))
    kit = song.tracks[2].devices[0]
    assert kit.class_name == "DrumGroupDevice" and kit.name == "808 Core Kit"
    assert kit.drum_pads[36].name == "Kick 808" and kit.drum_pads[38].name == "Snare 808"
    preset = item(item(browser.sounds, "Bass"), "Basic Sub Bass.adv")
    browser.load_item(preset)
    assert song.tracks[2].devices[0].name == "Basic Sub Bass"
    browser.load_item(item(item(browser.samples, "Drums"), "Clap 909.wav"))
    simpler = song.tracks[2].devices[0]
    assert simpler.class_name == "OriginalSimpler" and simpler.name == "Clap 909"
    assert world.song_node.tracks[2].devices[0].sample_path == "Drums/Clap 909.wav"
    with pytest.raises(RuntimeError):
        browser.load_item(browser.sounds)


def test_a_sample_with_an_audio_track_selected_becomes_a_clip_in_the_highlighted_slot(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[1]
    song.view.selected_scene = song.scenes[0]
    devices = len(song.tracks[1].devices)
    browser.load_item(item(item(browser.samples, "Loops"), "Break 120 bpm.wav"))
    clip = song.tracks[1].clip_slots[0].clip
    assert clip.is_audio_clip and clip.name == "Break 120 bpm" and clip.file_path == "Loops/Break 120 bpm.wav"
    assert len(song.tracks[1].devices) == devices and len(song.tracks) == 3
    browser.load_item(item(item(browser.samples, "Drums"), "Kick 808.wav"))  # replaces the slot's clip
    assert song.tracks[1].clip_slots[0].clip.name == "Kick 808"
    song.undo()
    assert song.tracks[1].clip_slots[0].clip.name == "Break 120 bpm"


def test_hotswap_replaces_the_target(world, browser):
    song = world.song
    op = song.tracks[0].devices[1]
    calls = []
    browser.add_hotswap_target_listener(lambda: calls.append(1))
    browser.hotswap_target = op
    assert world.application.view.browse_mode is True and calls == [1]
    assert browser.relation_to_hotswap_target(item(browser.instruments, "Operator")) == Relation.equal
    assert browser.relation_to_hotswap_target(browser.instruments) == Relation.ancestor
    assert browser.relation_to_hotswap_target(item(browser.instruments, "Wavetable")) == Relation.none
    browser.load_item(item(browser.instruments, "Wavetable"))
    assert [d.class_name for d in song.tracks[0].devices] == ["MidiArpeggiator", "InstrumentVector"]
    assert browser.hotswap_target == song.tracks[0].devices[1]
    browser.hotswap_target = None
    assert world.application.view.browse_mode is False


def test_a_sample_hot_swapped_onto_simpler_replaces_only_the_sample(world, browser):
    song = world.song
    song.view.selected_track = song.tracks[2]
    browser.load_item(item(browser.instruments, "Simpler"))
    simpler = song.tracks[2].devices[0]
    simpler.name = "My Simpler"
    browser.hotswap_target = simpler
    browser.load_item(item(item(browser.samples, "Drums"), "Kick 808.wav"))
    assert song.tracks[2].devices[0] == simpler and simpler.name == "My Simpler"
    assert world.song_node.tracks[2].devices[0].sample_path == "Drums/Kick 808.wav"


def test_filter_type_preview_and_full_refresh(browser):
    browser.filter_type = FilterType.samples
    assert browser.filter_type == FilterType.samples and int(FilterType.disabled) == -1
    browser.preview_item(item(item(browser.samples, "Drums"), "Kick 808.wav"))
    browser.stop_preview()
    cb = lambda: None  # noqa: E731
    browser.add_full_refresh_listener(cb)
    assert browser.full_refresh_has_listener(cb)
    with pytest.raises(AttributeError):
        browser._live_ptr


def test_groove_pool(world):
    build_groove_pool(world, [{"name": "Swing 16ths", "timing_amount": 0.5}, {"name": "MPC 8", "base": 1}])
    pool = world.song.groove_pool
    grooves = pool.grooves
    assert [g.name for g in grooves] == ["Swing 16ths", "MPC 8"]
    swing = grooves[0]
    assert swing.base == Live.Groove.Base.gb_sixteen and swing.timing_amount == 0.5
    calls = []
    swing.add_velocity_amount_listener(lambda: calls.append(swing.velocity_amount))
    swing.velocity_amount = -0.5
    assert calls == [-0.5]
    with pytest.raises(RuntimeError):
        swing.quantization_amount = 2.0
    swing.base = Live.Groove.Base.gb_eight
    assert grooves[0].base == 1
    with pytest.raises(AttributeError):
        swing.add_base_listener(lambda: None)
    assert pool.canonical_parent == world.song


def test_groove_pool_from_a_set_and_its_errors():
    track = [{"type": "midi"}]
    w = make(data={"tracks": track, "groove_pool": [{"name": "Swing 16ths"}]})
    assert [g.name for g in w.song.groove_pool.grooves] == ["Swing 16ths"]
    with pytest.raises(ValueError, match=r"groove_pool\[0\]\.timing"):
        make(data={"tracks": track, "groove_pool": [{"timing": 1}]})
    old = make("11.0.0", data={"tracks": track, "groove_pool": [{"name": "A"}]})
    with pytest.raises(AttributeError):
        old.song.groove_pool.grooves[0].canonical_parent
