"""`abletonosc mcp` against the script in livesim, through the MCP SDK's client, over stdio and HTTP.

Each composite tool is called and livesim's set is checked to have changed as asked, and by
one undo step; the generic tools read, write, call and listen; arguments the registry refuses
never reach the script; a server without a script says how to fix that.
"""
import time

import pytest

from livesim.default_set import scale_set
from livesim.testing import LiveSim
from tests.mcp.conftest import REPLY_TO_SOURCE
from tests.tools.waiting import wait_until

READ_TOOLS = {"find_addresses", "describe_address", "get", "listen", "set_overview"}
WRITE_TOOLS = {"set", "call", "write_notes", "load_device", "arrange", "mix", "undo"}


def song(sim):
    return sim.world.song


def undo_steps(sim):
    return sim.call(lambda: len(sim.world.history.undo_steps))


def on_host(sim, fn):
    return sim.call(fn)


# ---------------------------------------------------------------------- listing

def test_lists_every_tool_with_schemas_and_hints(mcp):
    tools = {tool.name: tool for tool in mcp.tools()}
    assert set(tools) == READ_TOOLS | WRITE_TOOLS
    for name in READ_TOOLS:
        assert tools[name].annotations.read_only_hint is True, name
    for name in WRITE_TOOLS:
        assert tools[name].annotations.read_only_hint is False, name
    notes = tools["write_notes"].input_schema
    assert set(notes["required"]) == {"track", "slot", "notes"}
    assert "probability" in str(notes) and "velocity_deviation" in str(notes)
    assert tools["get"].input_schema["required"] == ["address"]


def test_read_only_server_offers_no_write_tool(sim, session_factory):
    session = session_factory(sim.port, "--read-only")
    assert {tool.name for tool in session.tools()} == READ_TOOLS
    assert "set" in session.error("set", {"address": "/live/song/set/tempo", "args": {"value": 99}})
    assert on_host(sim, lambda: song(sim).tempo) != 99
    assert session.call("get", {"address": "/live/song/get/tempo"})["tempo"] == on_host(sim, lambda: song(sim).tempo)


# ---------------------------------------------------------------------- composite tools

def test_overview_shows_tracks_returns_master_and_pages(mcp, sim):
    names = on_host(sim, lambda: [t.name for t in song(sim).tracks])
    overview = mcp.call("set_overview")
    assert [t["name"] for t in overview["tracks"]] == names
    assert [t["type"] for t in overview["tracks"]][:4] == ["midi", "midi", "audio", "audio"]
    assert overview["song"]["num_scenes"] == on_host(sim, lambda: len(song(sim).scenes))
    assert [r["name"] for r in overview["returns"]] == ["A-Reverb", "B-Delay"]
    assert overview["returns"][0]["devices"] == ["Reverb"]
    assert overview["master"]["track"] == "master"
    assert overview["page"]["next_track_offset"] is None
    page = mcp.call("set_overview", {"track_offset": 1, "track_count": 2, "clips": False})
    assert [t["index"] for t in page["tracks"]] == [1, 2]
    assert page["page"] == {"track_offset": 1, "track_count": 2, "total_tracks": len(names), "next_track_offset": 3}
    assert "clips" not in page["tracks"][0]


def test_write_notes_creates_the_clip_in_one_undo_step(mcp, sim):
    before = undo_steps(sim)
    result = mcp.call("write_notes", {"track": "2-MIDI", "slot": 3, "clip_name": "Hook", "notes": [
        {"pitch": "C3", "start": 0, "duration": 0.5, "velocity": 90, "probability": 0.5, "velocity_deviation": 20},
        {"pitch": 67, "start": 1.5, "duration": 1},
    ]})
    assert result["created_clip"] is True and result["clip_length"] == 4.0 and len(result["note_ids"]) == 2

    def read():
        clip = song(sim).tracks[1].clip_slots[3].clip
        notes = sorted(clip.get_all_notes_extended(), key=lambda n: n.start_time)
        return clip.name, clip.length, [(n.pitch, n.start_time, n.duration, n.velocity, n.probability,
                                         n.velocity_deviation) for n in notes]

    name, length, notes = on_host(sim, read)
    assert (name, length) == ("Hook", 4.0)
    assert notes == [(60, 0.0, 0.5, 90.0, 0.5, 20.0), (67, 1.5, 1.0, 100.0, 1.0, 0.0)]
    assert undo_steps(sim) == before + 1
    # Into the clip now there, replacing its notes.
    again = mcp.call("write_notes", {"track": 1, "slot": 3, "replace": True, "notes": [{"pitch": "D3", "start": 2}]})
    assert again["created_clip"] is False
    assert [n[0] for n in on_host(sim, read)[2]] == [62]
    assert undo_steps(sim) == before + 2


def test_load_instrument_effect_and_sample_by_name(mcp, sim):
    before = undo_steps(sim)
    loaded = mcp.call("load_device", {"name": "operator", "track": "1-MIDI", "kind": "instrument"})
    assert loaded["loaded"] == "Operator" and loaded["track"] == 0
    devices = lambda index: [d.name for d in song(sim).tracks[index].devices]  # noqa: E731
    assert on_host(sim, lambda: devices(0))[loaded["device_index"]] == "Operator"
    effect = mcp.call("load_device", {"name": "Reverb", "track": "4-Audio", "kind": "audio_effect"})
    assert effect["browser_path"] == "audio_effects/Reverb"
    assert "Reverb" in on_host(sim, lambda: devices(3))
    sample = mcp.call("load_device", {"name": "Kick 808", "track": "3-Audio", "kind": "sample", "slot": 2})
    assert sample["loaded"] == "Kick 808.wav"
    assert on_host(sim, lambda: song(sim).tracks[2].clip_slots[2].has_clip)
    assert undo_steps(sim) == before + 3
    missing = mcp.error("load_device", {"name": "No Such Synth", "track": 0})
    assert "Nothing loadable named 'No Such Synth'" in missing


def test_arrange_places_clips_and_names_locators(mcp, sim):
    mcp.call("write_notes", {"track": 0, "slot": 5, "notes": [{"pitch": 48, "start": 0}]})
    before = undo_steps(sim)
    result = mcp.call("arrange", {"clips": [{"track": "1-MIDI", "slot": 5, "bar": 3}, {"track": 0, "slot": 5,
                                                                                         "time": 32}],
                                  "locators": [{"bar": 3, "name": "Verse"}, {"time": 0, "name": "Intro"}]})
    assert [c["time"] for c in result["clips"]] == [8.0, 32.0]
    assert [(loc["name"], loc["time"]) for loc in result["locators"]] == [("Intro", 0.0), ("Verse", 8.0)]

    def read():
        s = song(sim)
        return ([c.start_time for c in s.tracks[0].arrangement_clips],
                [(c.name, c.time) for c in s.cue_points], s.current_song_time)

    starts, cues, position = on_host(sim, read)
    assert 8.0 in starts and 32.0 in starts
    assert cues == [("Intro", 0.0), ("Verse", 8.0)]
    assert position == 0.0  # moved back after adding the locators
    assert undo_steps(sim) == before + 1
    # Naming an existing locator adds none.
    mcp.call("arrange", {"locators": [{"bar": 3, "name": "Chorus"}]})
    assert on_host(sim, read)[1] == [("Intro", 0.0), ("Chorus", 8.0)]


def test_mix_by_name_then_undo(mcp, sim):
    before = undo_steps(sim)
    result = mcp.call("mix", {"tracks": [
        {"track": "3-Audio", "volume": 0.5, "pan": -0.25, "sends": {"B-Delay": 0.3, "A": 0.1}, "mute": True},
        {"track": "A-Reverb", "volume": 0.7}]})
    changed = {t["track_name"]: t for t in result["tracks"]}
    assert changed["3-Audio"]["mute"] is True and abs(changed["3-Audio"]["send B"] - 0.3) < 1e-6

    def read():
        track = song(sim).tracks[2]
        mixer = track.mixer_device
        return (round(mixer.volume.value, 4), round(mixer.panning.value, 4),
                [round(s.value, 4) for s in mixer.sends], track.mute,
                round(song(sim).return_tracks[0].mixer_device.volume.value, 4))

    assert on_host(sim, read) == (0.5, -0.25, [0.1, 0.3], True, 0.7)
    assert undo_steps(sim) == before + 1
    undone = mcp.call("undo")
    assert undone["done"] == 1 and undone["can_redo"] is True
    assert on_host(sim, read) == (0.85, 0.0, [0.0, 0.0], False, 0.85)
    mcp.call("undo", {"redo": True})
    assert on_host(sim, read)[0] == 0.5
    problem = mcp.error("mix", {"tracks": [{"track": "Bass", "volume": 0.5}]})
    assert "No track is named 'Bass'" in problem and "3-Audio" in problem


# ---------------------------------------------------------------------- generic tools

def test_find_and_describe_addresses(mcp):
    found = mcp.call("find_addresses", {"words": "warp marker"})
    assert "/live/clip/add/warp_marker" in [a["address"] for a in found["addresses"]]
    assert found["catalogue"] == "the running script"
    locators = [a["address"] for a in mcp.call("find_addresses", {"words": "locator name"})["addresses"]]
    assert "/live/song/cue_point/set/name" in locators
    described = mcp.call("describe_address", {"address": "/live/clip/add/notes_extended"})
    assert [a["name"] for a in described["arguments"]] == ["track_id", "clip_id", "note"]
    assert described["tool"] == "call" and described["available_in_this_live"] is True


def test_generic_get_set_and_call(mcp, sim):
    assert mcp.call("get", {"address": "/live/track/get/name", "args": {"track_id": 2}}) == {
        "track_id": 2, "name": "3-Audio", "address": "/live/track/get/name"}
    every = mcp.call("get", {"address": "/live/track/get/name", "args": {"track_id": "*"}})["replies"]
    assert [r["name"] for r in every] == on_host(sim, lambda: [t.name for t in song(sim).tracks])
    props = mcp.call("get", {"address": "/live/song/get/{tempo,signature_numerator}"})["replies"]
    assert {r["address"] for r in props} == {"/live/song/get/tempo", "/live/song/get/signature_numerator"}
    assert mcp.call("set", {"address": "/live/song/set/tempo", "args": {"value": 133}})["now"] == {"tempo": 133.0}
    assert on_host(sim, lambda: song(sim).tempo) == 133.0
    scenes = on_host(sim, lambda: len(song(sim).scenes))
    mcp.call("call", {"address": "/live/song/create_scene", "args": {"index": -1}})
    assert on_host(sim, lambda: len(song(sim).scenes)) == scenes + 1
    reply = mcp.call("call", {"address": "/live/track/create_take_lane", "args": {"track_id": 0}})["reply"]
    assert reply["track_id"] == 0 and "take_lane_index" in reply
    notes = mcp.call("get", {"address": "/live/clip/get/notes_extended", "args": {"track_id": 1, "clip_id": 3}})
    assert [n["pitch"] for n in notes["notes_extended"]] == [62]


def test_listen_collects_updates(mcp, sim):
    registry = sim.call(lambda: sim.host.instance.registry)
    before = sim.call(lambda: len(registry.subscriptions))
    listening = mcp.start_call("listen", {"address": "/live/song/get/tempo", "seconds": 4})
    wait_until(lambda: sim.call(lambda: len(registry.subscriptions)) > before, timeout=20)
    for tempo in (101.0, 102.0, 103.0):
        sim.call(setattr, song(sim), "tempo", tempo)
        time.sleep(0.05)
    result = listening.result(60)
    assert not result.is_error
    heard = result.structured_content
    assert [u["tempo"] for u in heard["updates"]][-1] == 103.0
    assert all("seconds" in u for u in heard["updates"])
    wait_until(lambda: sim.call(lambda: len(registry.subscriptions)) == before, timeout=10)


def test_registry_refuses_arguments_before_sending(mcp, sim):
    tempo = on_host(sim, lambda: song(sim).tempo)
    text = mcp.error("set", {"address": "/live/song/set/tempo", "args": {"value": "fast"}})
    assert "value must be a number" in text
    assert "did you mean 'track_id'" in mcp.error("get", {"address": "/live/track/get/name", "args": {"track": 0}})
    assert "needs track_id" in mcp.error("get", {"address": "/live/track/get/name"})
    assert "use the set tool" in mcp.error("get", {"address": "/live/song/set/tempo", "args": {"value": 1}})
    assert "not an AbletonOSC address" in mcp.error("get", {"address": "/live/song/get/tempoo"})
    assert on_host(sim, lambda: song(sim).tempo) == tempo


def test_script_errors_come_back_with_their_text(mcp):
    assert "Index out of range" in mcp.error("get", {"address": "/live/track/get/name", "args": {"track_id": 42}})
    refused = mcp.error("write_notes", {"track": "3-Audio", "slot": 0, "notes": [{"pitch": 60, "start": 0}]})
    assert "AbletonOSC refused /live/clip_slot/create_clip" in refused


# ---------------------------------------------------------------------- without Live

def test_without_a_running_script_says_how_to_fix_it(session_factory, silent_port):
    session = session_factory(silent_port, "--timeout", "0.3")
    text = session.error("get", {"address": "/live/song/get/tempo"})
    assert "AbletonOSC does not answer at 127.0.0.1:%d" % silent_port in text
    assert "Is Live running" in text and "abletonosc doctor" in text
    assert "does not answer" in session.error("set_overview")
    # What needs no script still works: the installed package describes the addresses.
    assert session.call("find_addresses", {"words": "tempo"})["catalogue"] == "the installed AbletonOSC package"


def test_overview_pages_a_set_too_big_for_one_datagram(session_factory):
    with LiveSim(set_data=scale_set(tracks=24, scenes=12),
                 env=dict(REPLY_TO_SOURCE, ABLETONOSC_MAX_DATAGRAM="6000")) as big:
        session = session_factory(big.port)
        overview = session.call("set_overview", {"track_count": 24})
        tracks = overview["tracks"]
        assert 0 < len(tracks) < 24 and overview["page"]["next_track_offset"] == len(tracks)
        assert tracks[0]["clips"][0]["name"] == "Clip 1.1"
        seen = len(tracks)
        while overview["page"]["next_track_offset"] is not None:
            overview = session.call("set_overview", {"track_offset": overview["page"]["next_track_offset"],
                                                     "track_count": 24})
            seen += len(overview["tracks"])
        assert seen == 24


def test_overlapping_listens_share_the_subscription(mcp, sim):
    registry = sim.call(lambda: sim.host.instance.registry)
    before = sim.call(lambda: len(registry.subscriptions))
    long = mcp.start_call("listen", {"address": "/live/song/get/signature_numerator", "seconds": 8})
    wait_until(lambda: sim.call(lambda: len(registry.subscriptions)) > before, timeout=20)
    short = mcp.call("listen", {"address": "/live/song/get/signature_numerator", "seconds": 0.5})
    assert short["initial"] == {"signature_numerator": 4}
    # The short listen ended; the long one still listens.
    assert sim.call(lambda: len(registry.subscriptions)) > before
    sim.call(setattr, song(sim), "signature_numerator", 7)
    heard = long.result(60).structured_content
    assert [u["signature_numerator"] for u in heard["updates"]] == [7]
    wait_until(lambda: sim.call(lambda: len(registry.subscriptions)) == before, timeout=10)
    sim.call(setattr, song(sim), "signature_numerator", 4)
