"""/live/song/* and /live/application/*: properties, methods, bulk queries, export, beats."""
import json
import os
import tempfile

import pytest

from tests.e2e.sets import advance

# (property, values set in turn): upstream's test values, then the default to restore
SONG_ROUND_TRIPS = [
    ("arrangement_overdub", [1, 0]),
    ("back_to_arranger", [0]),
    ("clip_trigger_quantization", [0, 4]),
    ("current_song_time", [4, 1, 0]),
    ("groove_amount", [0.5, 0]),
    ("loop", [1, 0]),
    ("loop_length", [2, 4]),
    ("loop_start", [2, 1, 0]),
    ("metronome", [1, 0]),
    ("midi_recording_quantization", [1, 0]),
    ("nudge_down", [1, 0]),
    ("nudge_up", [1, 0]),
    ("punch_in", [1, 0]),
    ("punch_out", [1, 0]),
    ("record_mode", [1, 0]),
    ("tempo", [125.5, 120]),
    ("signature_numerator", [3, 7, 4]),
    ("signature_denominator", [8, 4]),
    ("session_record", [1, 0]),
    ("is_ableton_link_enabled", [1, 0]),
    ("root_note", [5, 0]),
    ("scale_name", ["Minor", "Dorian", "Major"]),
]


@pytest.mark.parametrize("prop,values", SONG_ROUND_TRIPS, ids=[p for p, _ in SONG_ROUND_TRIPS])
def test_song_property_round_trip(client, prop, values):
    original = client.query("/live/song/get/%s" % prop)
    try:
        for value in values:
            client.send("/live/song/set/%s" % prop, value)
            reply = client.query("/live/song/get/%s" % prop)
            assert len(reply) == 1
            if isinstance(value, float):
                assert reply[0] == pytest.approx(value)
            else:
                assert reply[0] == value, (prop, value, reply)
    finally:
        client.send("/live/song/stop_playing")
        if prop not in ("current_song_time", "back_to_arranger", "nudge_up", "nudge_down"):
            client.send("/live/song/set/%s" % prop, *original)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()


@pytest.mark.parametrize("prop", ["can_redo", "can_undo", "is_playing", "song_length", "session_record_status"])
def test_song_read_only_properties(client, prop):
    reply = client.query("/live/song/get/%s" % prop)
    assert len(reply) == 1
    assert reply[0] is not None


def test_song_bool_setter_accepts_osc_bools(client):
    try:
        client.send("/live/song/set/metronome", True)
        assert client.query("/live/song/get/metronome") == (True,)
    finally:
        client.send("/live/song/set/metronome", False)
    assert client.query("/live/song/get/metronome") == (False,)


@pytest.mark.livesim_only  # whether Live raises or clamps is not known
def test_song_setter_out_of_range_is_an_error(client):
    try:
        client.send("/live/song/set/tempo", 5000.0)
        error = client.expect_error(address="/live/song/set/tempo")
        assert error[0]
        assert client.query("/live/song/get/tempo") == (pytest.approx(120.0),)
    finally:
        client.send("/live/song/set/tempo", 120.0)
    client.sync()


# ---------------------------------------------------------------------- transport

def test_song_play_and_stop(client):
    try:
        client.send("/live/song/start_playing")
        assert client.query("/live/song/get/is_playing") == (True,)
        client.send("/live/song/stop_playing")
        assert client.query("/live/song/get/is_playing") == (False,)
    finally:
        client.send("/live/song/stop_playing")
        client.send("/live/song/set/current_song_time", 0)


def test_song_stop_all_clips(client, sim):
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip_slot/create_clip", 1, 0, 4)
    try:
        client.send("/live/clip_slot/fire", 0, 0)
        client.send("/live/clip_slot/fire", 1, 0)
        client.sync()
        advance(sim, 0.25)
        assert client.query("/live/clip/get/is_playing", 0, 0) == (0, 0, True)
        assert client.query("/live/clip/get/is_playing", 1, 0) == (1, 0, True)
        client.send("/live/song/stop_playing")
        client.send("/live/song/stop_all_clips")
        client.sync()
        advance(sim, 0.25)
        assert client.query("/live/clip/get/is_playing", 0, 0) == (0, 0, False)
        assert client.query("/live/clip/get/is_playing", 1, 0) == (1, 0, False)
    finally:
        client.send("/live/song/stop_playing")
        client.send("/live/clip_slot/delete_clip", 0, 0)
        client.send("/live/clip_slot/delete_clip", 1, 0)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()


def test_song_listen_is_playing(client):
    try:
        client.send("/live/song/start_listen/is_playing")
        assert client.wait_for("/live/song/get/is_playing") == (False,)
        client.send("/live/song/start_playing")
        assert client.wait_for("/live/song/get/is_playing") == (True,)
        client.send("/live/song/stop_playing")
        assert client.wait_for("/live/song/get/is_playing") == (False,)
    finally:
        client.send("/live/song/stop_listen/is_playing")
        client.send("/live/song/stop_playing")
        client.send("/live/song/set/current_song_time", 0)
    client.take_all("/live/song/get/is_playing")


def test_song_listen_tempo(client):
    client.send("/live/song/set/tempo", 120)
    try:
        client.send("/live/song/start_listen/tempo")
        assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
        client.send("/live/song/set/tempo", 81)
        assert client.wait_for("/live/song/get/tempo") == (pytest.approx(81.0),)
        client.send("/live/song/set/tempo", 120)
        assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
        client.send("/live/song/stop_listen/tempo")
        client.sync()
        client.take_all("/live/song/get/tempo")
        client.send("/live/song/set/tempo", 100)
        client.assert_nothing("/live/song/get/tempo")
    finally:
        client.send("/live/song/stop_listen/tempo")
        client.send("/live/song/set/tempo", 120)
    client.sync()


def test_song_listener_with_extra_args_puts_them_first(client):
    # upstream's song listener payload is (*extra, value), unlike getters (value, *extra)
    try:
        client.send("/live/song/start_listen/loop", "x")
        assert client.wait_for("/live/song/get/loop") == ("x", False)
    finally:
        client.send("/live/song/stop_listen/loop", "x")
    client.sync()


@pytest.mark.livesim_only
def test_song_beat_listener(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/song/start_listen/beat")
    client.send("/live/song/start_playing")
    client.sync()
    sim.advance(1.1)  # 120 BPM: two beats and a bit
    beats = [a[0] for a in client.take_all("/live/song/get/beat")]
    assert [b for b in beats if b != 0] == [1, 2], beats
    client.send("/live/song/stop_playing")
    client.sync()
    sim.advance(1.0)
    assert client.take_all("/live/song/get/beat") == []
    client.send("/live/song/continue_playing")
    client.sync()
    sim.advance(0.5)
    assert client.take_all("/live/song/get/beat") == [(3,)]
    client.send("/live/song/stop_listen/beat")
    client.sync()
    sim.advance(1.0)
    assert client.take_all("/live/song/get/beat") == []


def test_song_beat_is_not_sent_before_start_listen(client):
    client.assert_nothing("/live/song/get/beat")


@pytest.mark.livesim_only
def test_song_time_advances_with_the_virtual_clock(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/song/start_playing")
    client.sync()
    sim.advance(2.0)  # 4 beats at 120 BPM
    time = client.query("/live/song/get/current_song_time")[0]
    assert time == pytest.approx(4.0, abs=0.05)
    client.send("/live/song/stop_playing")
    client.sync()
    sim.advance(1.0)
    assert client.query("/live/song/get/current_song_time")[0] == pytest.approx(time, abs=1e-3)


@pytest.mark.livesim_only
def test_jump_by(fresh_client):
    client = fresh_client
    client.send("/live/song/set/current_song_time", 2.0)
    client.send("/live/song/jump_by", 4.0)
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(6.0),)
    client.send("/live/song/jump_by", -1)
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(5.0),)


@pytest.mark.livesim_only
def test_tap_tempo(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/song/tap_tempo")
    client.sync()
    sim.advance(0.4)
    client.send("/live/song/tap_tempo")
    assert client.query("/live/song/get/tempo")[0] == pytest.approx(150.0, abs=1.0)


def test_stop_all_clips_and_other_methods_answer_nothing(client):
    for address in ("/live/song/stop_all_clips", "/live/song/re_enable_automation",
                    "/live/song/force_link_beat_time"):
        client.send(address)
    client.sync()
    for address in ("/live/song/stop_all_clips", "/live/song/re_enable_automation",
                    "/live/song/force_link_beat_time"):
        assert client.pending(address, sync=False) == []


# ---------------------------------------------------------------------- structure

def test_song_tracks(client):
    assert client.query("/live/song/get/num_tracks") == (4,)
    client.send("/live/song/create_midi_track", -1)
    try:
        assert client.query("/live/song/get/num_tracks") == (5,)
        assert client.query("/live/track/get/has_midi_input", 4) == (4, True)
    finally:
        client.send("/live/song/delete_track", 4)
    assert client.query("/live/song/get/num_tracks") == (4,)


def test_song_scenes(client):
    assert client.query("/live/song/get/num_scenes") == (8,)
    client.send("/live/song/create_scene", -1)
    try:
        assert client.query("/live/song/get/num_scenes") == (9,)
    finally:
        client.send("/live/song/delete_scene", 8)
    assert client.query("/live/song/get/num_scenes") == (8,)


@pytest.mark.livesim_only
def test_create_tracks_at_an_index(fresh_client):
    client = fresh_client
    client.send("/live/song/create_audio_track", 0)
    client.send("/live/song/create_midi_track")  # no index: at the end
    assert client.query("/live/song/get/num_tracks") == (6,)
    assert client.query("/live/track/get/has_audio_input", 0) == (0, True)
    assert client.query("/live/track/get/has_midi_input", 1) == (1, True)  # the old track 0
    assert client.query("/live/track/get/has_midi_input", 5) == (5, True)


@pytest.mark.livesim_only
def test_return_tracks(fresh_client):
    client = fresh_client
    client.send("/live/song/create_return_track")
    client.send("/live/track/set/send", 0, 2, 0.5)
    assert client.query("/live/track/get/send", 0, 2) == (0, 2, pytest.approx(0.5))
    client.send("/live/song/delete_return_track", 2)
    client.send("/live/track/get/send", 0, 2)
    client.expect_error("Index out of range", address="/live/track/get/send")


@pytest.mark.livesim_only
def test_duplicate_track(fresh_client):
    client = fresh_client
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip/set/name", 0, 0, "Copied")
    client.send("/live/song/duplicate_track", 0)
    assert client.query("/live/song/get/num_tracks") == (5,)
    assert client.query("/live/clip/get/name", 1, 0) == (1, 0, "Copied")
    assert client.query("/live/song/get/track_names", 2, 3) != ()


def test_song_duplicate_scene(client):
    client.send("/live/clip_slot/create_clip", 0, 7, 4)
    try:
        client.send("/live/song/duplicate_scene", 7)
        assert client.query("/live/clip/get/is_midi_clip", 0, 8) == (0, 8, True)
        assert client.query("/live/song/get/num_scenes") == (9,)
    finally:
        client.send("/live/song/delete_scene", 8)
        client.send("/live/clip_slot/delete_clip", 0, 7)
    assert client.query("/live/song/get/num_scenes") == (8,)
    assert client.query("/live/clip_slot/get/has_clip", 0, 7) == (0, 7, False)


def test_song_undo_redo(client):
    client.send("/live/song/create_scene", -1)
    assert client.query("/live/song/get/num_scenes") == (9,)
    assert client.query("/live/song/get/can_undo") == (True,)
    client.send("/live/song/undo")
    assert client.query("/live/song/get/num_scenes") == (8,)
    assert client.query("/live/song/get/can_redo") == (True,)
    client.send("/live/song/redo")
    assert client.query("/live/song/get/num_scenes") == (9,)
    client.send("/live/song/delete_scene", 8)
    assert client.query("/live/song/get/num_scenes") == (8,)


def test_track_names(client):
    assert client.query("/live/song/get/track_names") == ("1-MIDI", "2-MIDI", "3-Audio", "4-Audio")
    assert client.query("/live/song/get/track_names", 1, 3) == ("2-MIDI", "3-Audio")
    assert client.query("/live/song/get/track_names", 2, -1) == ("3-Audio", "4-Audio")


def test_track_names_with_only_a_start(client):
    # upstream raised on a single bound; it reads as "from index_min on"
    assert client.query("/live/song/get/track_names", 2) == ("3-Audio", "4-Audio")


def test_scene_names(client):
    try:
        client.send("/live/scene/set/name", 0, "Intro")
        client.send("/live/scene/set/name", 1, "Verse")
        assert client.query("/live/song/get/scenes/name") == ("Intro", "Verse") + ("",) * 6
        assert client.query("/live/song/get/scenes/name", 0, 2) == ("Intro", "Verse")
        assert client.query("/live/song/get/scenes/name", 1, 3) == ("Verse", "")
    finally:
        client.send("/live/scene/set/name", 0, "")
        client.send("/live/scene/set/name", 1, "")
    client.sync()


def test_track_data_layout(client):
    reply = client.query("/live/song/get/track_data", 0, 2, "track.name", "clip.name", "clip_slot.has_clip")
    assert reply == ("1-MIDI",) + (None,) * 8 + (False,) * 8 + ("2-MIDI",) + (None,) * 8 + (False,) * 8


def test_track_data_all_tracks_and_clips(client):
    client.send("/live/clip_slot/create_clip", 1, 2, 4)
    client.send("/live/clip/set/name", 1, 2, "Riff")
    try:
        reply = client.query("/live/song/get/track_data", 0, -1, "track.name", "clip.name", "track.num_devices")
        assert len(reply) == 4 * 10
        assert reply[0] == "1-MIDI" and reply[10] == "2-MIDI"
        assert reply[11:19] == (None, None, "Riff", None, None, None, None, None)
        assert reply[19] == 0
        assert reply[30] == "4-Audio"
    finally:
        client.send("/live/clip_slot/delete_clip", 1, 2)
    client.sync()


def test_track_data_unknown_object_is_reported(client):
    # One error, and no reply: whatever the range holds, even no track at all.
    for first, last in ((0, 4), (0, 0)):
        client.send("/live/song/get/track_data", first, last, "foo.bar", "track.name")
        assert client.expect_error("Unknown object identifier in get/track_data: foo")[1] == \
            "/live/song/get/track_data"
    client.sync()
    assert client.errors() == []
    assert not [m for m in client.inbox if m.address == "/live/song/get/track_data"]


@pytest.mark.parametrize("prop, text", [("track.foo", "Track has no property 'foo'"),
                                        ("clip.foo", "Clip has no property 'foo'"),
                                        ("device.foo", "Device has no property 'foo'"),
                                        ("clip_slot.foo", "ClipSlot has no property 'foo'")])
def test_track_data_unknown_property_is_one_error_whatever_the_set_holds(client, prop, text):
    # The default set has no clips and no devices: the property is still checked.
    client.send("/live/song/get/track_data", 0, 4, prop)
    client.expect_error(text, address="/live/song/get/track_data")
    client.sync()
    assert client.errors() == []
    assert not [m for m in client.inbox if m.address == "/live/song/get/track_data"]


def test_track_data_missing_args_is_an_error(client):
    client.send("/live/song/get/track_data", 0)
    client.expect_error(address="/live/song/get/track_data")


def test_export_structure_replies_one(client):
    assert client.query("/live/song/export/structure") == (1,)


@pytest.mark.livesim_only
def test_export_structure_writes_json(client):
    path = os.path.join(tempfile.gettempdir(), "abletonosc-song-structure.json")
    if os.path.exists(path):
        os.remove(path)
    assert client.query("/live/song/export/structure") == (1,)
    with open(path) as handle:
        data = json.load(handle)
    assert [track["name"] for track in data["tracks"]] == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio"]


@pytest.mark.livesim_only
def test_export_structure_with_clips_and_devices():
    from tests.e2e.harness import running_sim
    from tests.e2e.sets import rich_set

    path = os.path.join(tempfile.gettempdir(), "abletonosc-song-structure.json")
    with running_sim(rich_set()) as (sim, client):
        assert client.query("/live/song/export/structure") == (1,)
        with open(path) as handle:
            data = json.load(handle)
        synth = data["tracks"][0]
        assert synth["name"] == "Synth"
        assert [c["name"] for c in synth["clips"]] == ["Chords-C-E-G", "Bass-D-F-A"]
        assert [d["name"] for d in synth["devices"]] == ["Lead", "Auto Filter", "Reverb"]
        assert synth["devices"][0]["parameters"][0]["name"] == "Device On"
        assert data["tracks"][3]["group_track"] == 2
        assert client.errors() == []


# ---------------------------------------------------------------------- cue points

def test_cue_points_empty_is_an_argless_reply(client):
    assert client.query("/live/song/get/cue_points") == ()


@pytest.mark.livesim_only
def test_cue_points(fresh_client):
    client = fresh_client
    client.send("/live/song/set/current_song_time", 4.0)
    client.send("/live/song/set_or_delete_cue")
    client.send("/live/song/set/current_song_time", 8.0)
    client.send("/live/song/cue_point/add_or_delete")
    cues = client.query("/live/song/get/cue_points")
    assert len(cues) == 4
    assert [cues[1], cues[3]] == [pytest.approx(4.0), pytest.approx(8.0)]
    client.send("/live/song/cue_point/set/name", 0, "Verse")
    client.send("/live/song/cue_point/set/name", 1, "Chorus")
    assert client.query("/live/song/get/cue_points") == ("Verse", pytest.approx(4.0), "Chorus", pytest.approx(8.0))
    client.send("/live/song/set/current_song_time", 0.0)
    client.send("/live/song/cue_point/jump", "Chorus")
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(8.0),)
    client.send("/live/song/cue_point/jump", 0)
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(4.0),)
    client.send("/live/song/jump_to_next_cue")
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(8.0),)
    client.send("/live/song/jump_to_prev_cue")
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(4.0),)
    client.send("/live/song/set_or_delete_cue")  # at 4.0: deletes "Verse"
    assert client.query("/live/song/get/cue_points") == ("Chorus", pytest.approx(8.0))
    client.send("/live/song/cue_point/jump", "Nowhere")
    client.expect_error("Nowhere", address="/live/song/cue_point/jump")
    client.send("/live/song/cue_point/set/name", 5, "x")
    client.expect_error("Index out of range", address="/live/song/cue_point/set/name")


# ---------------------------------------------------------------------- application

def test_application_version(client, sim):
    reply = client.query("/live/application/get/version")
    assert len(reply) == 2
    assert reply[0] in (11, 12)
    if sim is not None:
        assert tuple(reply) == tuple(sim.world.version[:2])


def test_application_average_process_usage(client):
    message = client.query_msg("/live/application/get/average_process_usage")
    assert message.typetags == "f"
    assert 0.0 <= message.args[0] <= 1.0


@pytest.mark.livesim_only
def test_capture_and_insert_scene(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip/set/name", 0, 0, "Playing")
    client.send("/live/clip_slot/fire", 0, 0)
    client.sync()
    sim.advance(0.2)
    client.send("/live/song/capture_and_insert_scene")
    assert client.query("/live/song/get/num_scenes") == (9,)
    assert client.query("/live/clip/get/name", 0, 1) == (0, 1, "Playing")


@pytest.mark.livesim_only
def test_trigger_session_record(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/song/start_listen/session_record")
    assert client.wait_for("/live/song/get/session_record") == (False,)
    client.send("/live/song/trigger_session_record")
    assert client.wait_for("/live/song/get/session_record") == (True,)
    client.send("/live/song/set/session_record", 0)
    assert client.wait_for("/live/song/get/session_record") == (False,)


@pytest.mark.livesim_only
def test_track_data_devices_and_clip_slots():
    from tests.e2e.harness import running_sim
    from tests.e2e.sets import rich_set

    with running_sim(rich_set()) as (sim, client):
        reply = client.query("/live/song/get/track_data", 0, 2, "track.name", "device.name", "clip.length")
        assert reply == ("Synth", "Lead", "Auto Filter", "Reverb", 4.0, 8.0, None, None,
                         "Drums", "Compressor", 4.0, None, None, None)
        assert client.errors() == []


def test_start_listen_twice_sends_each_change_once(client):
    try:
        client.send("/live/song/start_listen/groove_amount")
        client.send("/live/song/start_listen/groove_amount")
        client.sync()
        client.take_all("/live/song/get/groove_amount")
        client.send("/live/song/set/groove_amount", 0.25)
        client.sync()
        assert client.take_all("/live/song/get/groove_amount") == [(pytest.approx(0.25),)]
    finally:
        client.send("/live/song/stop_listen/groove_amount")
        client.send("/live/song/set/groove_amount", 0.0)
    client.sync()
    client.take_all("/live/song/get/groove_amount")


def test_stop_listen_without_start_is_quiet(client):
    client.send("/live/song/stop_listen/metronome")
    client.send("/live/track/stop_listen/solo", 0)
    client.send("/live/song/stop_listen/beat")
    assert client.errors() == []


@pytest.mark.livesim_only
def test_current_song_time_listener(fresh_sim, fresh_client):
    sim, client = fresh_sim, fresh_client
    client.send("/live/song/start_listen/current_song_time")
    assert client.wait_for("/live/song/get/current_song_time") == (0.0,)
    client.send("/live/song/start_playing")
    client.sync()
    sim.advance(1.0)
    times = [a[0] for a in client.take_all("/live/song/get/current_song_time")]
    assert times and times == sorted(times)
    assert times[-1] == pytest.approx(2.0, abs=0.05)
