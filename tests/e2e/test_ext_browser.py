"""The browser (beyond upstream): listing, bounded search, loading onto a given track or clip slot."""
import pytest

from tests.e2e.harness import running_sim

pytestmark = pytest.mark.livesim_only


def _items(reply, width=4):
    """The (name, is_folder, is_loadable, uri) groups after the echoed path."""
    body = reply[1:]
    return [tuple(body[i:i + width]) for i in range(0, len(body), width)]


def selected_track_name(sim):
    return sim.call(lambda: sim.world.song.view.selected_track.name)


def test_categories_and_children(fresh_client):
    client = fresh_client
    roots = _items(client.query("/live/browser/get/children", ""))
    names = [item[0] for item in roots]
    assert names[:3] == ["instruments", "audio_effects", "midi_effects"]
    assert {"sounds", "drums", "samples", "user_library"} <= set(names)
    assert all(item[1] is True and item[2] is False for item in roots)
    effects = _items(client.query("/live/browser/get/children", "audio_effects"))
    assert ("Reverb", False, True, "query:AudioFx#Reverb") in effects
    bass = _items(client.query("/live/browser/get/children", "sounds/Bass"))
    assert [item[0] for item in bass] == ["Basic Sub Bass.adv", "Reese Bass.adv"]
    # case and file extensions do not matter in paths
    assert client.query("/live/browser/get/children", "Sounds/bass")[1:] == client.query(
        "/live/browser/get/children", "sounds/Bass")[1:]
    paged = _items(client.query("/live/browser/get/children", "audio_effects", 2))
    assert paged == effects[2:]


def test_item_by_path_and_uri(fresh_client):
    client = fresh_client
    reply = client.query("/live/browser/get/item", "audio_effects/Reverb")
    assert reply[:6] == ("audio_effects/Reverb", "Reverb", False, True, "query:AudioFx#Reverb", True)
    assert isinstance(reply[6], str)  # source
    assert client.query("/live/browser/get/item", "query:AudioFx#Reverb")[1:] == reply[1:]
    assert client.query("/live/browser/get/item", "sounds/Keys/Electric Piano")[1:3] == ("Electric Piano.adv", False)
    assert client.query("/live/browser/get/item", "samples/Drums")[2:4] == (True, False)


def test_browser_errors(fresh_client):
    client = fresh_client
    client.send("/live/browser/get/children", "nowhere")
    assert "instruments" in client.expect_error("No browser category", address="/live/browser/get/children")[0]
    client.send("/live/browser/get/children", "sounds/Nope")
    client.expect_error("No 'Nope' in browser folder 'sounds'", address="/live/browser/get/children")
    client.send("/live/browser/get/item", "query:AudioFx#Nothing")
    client.expect_error("No browser item with URI", address="/live/browser/get/item")
    client.send("/live/browser/load", "samples/Drums", 0)
    client.expect_error("not loadable", address="/live/browser/load")
    client.send("/live/browser/load", "audio_effects/Reverb", 9)
    client.expect_error("Index out of range", address="/live/browser/load")
    client.send("/live/browser/load", "audio_effects/Reverb", "*")
    client.expect_error("one track", address="/live/browser/load")
    client.send("/live/browser/search", "  ")
    client.expect_error("text", address="/live/browser/search")


def test_search(fresh_client):
    client = fresh_client
    reply = client.query("/live/browser/search", "REVERB")
    assert reply[:2] == ("REVERB", True)
    found = _items(reply[1:], 4)
    assert ("audio_effects/Reverb", "Reverb", True, "query:AudioFx#Reverb") in found
    assert client.query("/live/browser/search", "kick", "samples") == (
        "kick", True, "samples/Drums/Kick 808.wav", "Kick 808.wav", True, "query:Samples#Drums:Kick%20808.wav")
    # a depth of 1 stays in the category's own items
    assert client.query("/live/browser/search", "kick", "samples", 1) == ("kick", True)
    # bounded result count: the reply says the search was cut short
    limited = client.query("/live/browser/search", "e", "", 4, 2)
    assert limited[1] is False and len(limited) == 2 + 2 * 4


def test_load_onto_a_track_keeps_the_selection(fresh_pair):
    sim, client = fresh_pair
    client.send("/live/view/set/selected_track", 0)
    client.sync()
    assert client.query("/live/browser/load", "instruments/Operator", 1) == (1, 0, "Operator")
    assert client.query("/live/track/get/devices/class_name", 1) == (1, "Operator")
    assert client.query("/live/view/get/selected_track") == (0,)
    # by URI, an audio effect appended on a return track
    assert client.query("/live/browser/load", "query:AudioFx#Delay", "A") == ("A", 1, "Delay")
    assert client.query("/live/track/get/devices/name", "A") == ("A", "Reverb", "Delay")
    # a preset (sounds) on a MIDI track with an instrument replaces the instrument
    reply = client.query("/live/browser/load", "sounds/Bass/Basic Sub Bass", 1)
    assert reply == (1, 0, "Basic Sub Bass.adv")
    assert client.query("/live/track/get/devices/name", 1) == (1, "Basic Sub Bass")
    assert client.query("/live/view/get/selected_track") == (0,)


def test_load_an_instrument_onto_an_audio_track_makes_a_midi_track(fresh_pair):
    sim, client = fresh_pair
    assert client.query("/live/song/get/num_tracks") == (4,)
    reply = client.query("/live/browser/load", "instruments/Wavetable", 2)
    assert reply == (3, 0, "Wavetable")
    assert client.query("/live/song/get/num_tracks") == (5,)
    assert client.query("/live/track/get/devices/class_name", 3) == (3, "InstrumentVector")
    assert client.query("/live/view/get/selected_track") == (0,)


def test_load_a_sample_into_a_clip_slot(fresh_pair):
    sim, client = fresh_pair
    client.send("/live/view/set/selected_clip", 1, 5)
    client.sync()
    reply = client.query("/live/browser/load", "samples/Loops/Break 120 bpm.wav", 2, 3)
    assert reply == (2, -1, "Break 120 bpm.wav")
    assert client.query("/live/clip_slot/get/has_clip", 2, 3) == (2, 3, True)
    assert client.query("/live/clip/get/name", 2, 3) == (2, 3, "Break 120 bpm")
    assert client.query("/live/clip/get/file_path", 2, 3)[2].endswith("Break 120 bpm.wav")
    assert client.query("/live/view/get/selected_clip") == (1, 5)


def test_load_ignores_a_hot_swap_target_and_restores_it(fresh_pair):
    sim, client = fresh_pair

    def target():
        import Live
        return Live.Application.get_application().browser.hotswap_target

    def set_target():
        import Live
        song = sim.world.song
        Live.Application.get_application().browser.hotswap_target = song.return_tracks[0].devices[0]

    sim.call(set_target)
    assert client.query("/live/browser/load", "audio_effects/Reverb", 3) == (3, 0, "Reverb")
    assert client.query("/live/track/get/devices/name", "A") == ("A", "Reverb")
    assert client.query("/live/track/get/devices/name", 3) == (3, "Reverb")
    assert sim.call(lambda: target() == sim.world.song.return_tracks[0].devices[0])


def test_preview(fresh_pair):
    sim, client = fresh_pair
    client.send("/live/browser/preview", "samples/Drums/Kick 808.wav")
    client.send("/live/browser/stop_preview")
    client.sync()
    client.send("/live/browser/preview", "samples/Drums/Nothing.wav")
    client.expect_error("No 'Nothing.wav'", address="/live/browser/preview")


def test_browser_under_live_11():
    with running_sim(live_version="11.0") as (sim, client):
        assert client.query("/live/browser/load", "audio_effects/Reverb", 2) == (2, 0, "Reverb")
        assert client.query("/live/browser/search", "reverb", "audio_effects")[1] is True
        assert client.errors() == []
