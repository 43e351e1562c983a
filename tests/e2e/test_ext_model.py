"""The rest of Live's model over OSC (beyond upstream): Song, Song.View, Track, Track.View, ClipSlot,
Scene, CuePoint, MixerDevice, Application and Application.View, over UDP through livesim.

Object-valued members answer indices or names, never objects; members newer than a Live version
are refused clearly under that version; upstream's addresses keep their shapes.
"""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only

FX_RACK = {"class_name": "AudioEffectGroupDevice", "name": "FX Rack", "chains": [
    {"name": "Dry", "devices": []},
    {"name": "Wet", "devices": [{"class_name": "Reverb"}]}]}


def model_set():
    data = rich_set()
    data["tracks"][1]["devices"].append(FX_RACK)
    data["cue_points"] = [{"name": "Verse", "time": 16.0}]
    return data


@pytest.fixture(scope="module")
def pair():
    with running_sim(set_data=model_set()) as found:
        yield found


@pytest.fixture
def client(pair):
    sim, osc = pair
    osc.drain()
    yield osc
    assert osc.errors() == []


# ---------------------------------------------------------------------- Song

def test_song_properties(client):
    for name, value in (("overdub", True), ("session_automation_record", True), ("tempo_follower_enabled", True),
                        ("scale_mode", False), ("is_ableton_link_start_stop_sync_enabled", True)):
        client.send("/live/song/set/%s" % name, value)
        assert client.query("/live/song/get/%s" % name) == (value,)
        client.send("/live/song/set/%s" % name, not value)
    client.send("/live/song/set/swing_amount", 0.25)
    assert client.query("/live/song/get/swing_amount") == (pytest.approx(0.25),)
    client.send("/live/song/set/swing_amount", 0.0)
    client.send("/live/song/set/start_time", 8.0)
    assert client.query("/live/song/get/start_time") == (pytest.approx(8.0),)
    client.send("/live/song/set/start_time", 0.0)
    for name in ("can_capture_midi", "can_jump_to_prev_cue", "exclusive_arm", "exclusive_solo", "is_counting_in",
                 "select_on_launch", "re_enable_automation_enabled"):
        value, = client.query("/live/song/get/%s" % name)
        assert isinstance(value, bool), name
    assert client.query("/live/song/get/can_jump_to_next_cue") == (True,)
    assert client.query("/live/song/get/count_in_duration") == (0,)
    assert isinstance(client.query("/live/song/get/last_event_time")[0], float)
    assert client.query("/live/song/get/scale_intervals") == (0, 2, 4, 5, 7, 9, 11)
    assert isinstance(client.query("/live/song/get/name")[0], str)
    assert isinstance(client.query("/live/song/get/file_path")[0], str)
    assert client.query("/live/song/get/tuning_system") == (None,)


def test_song_listener_of_a_new_property(client):
    client.send("/live/song/start_listen/swing_amount")
    assert client.wait_for("/live/song/get/swing_amount") == (pytest.approx(0.0),)
    client.send("/live/song/set/swing_amount", 0.5)
    assert client.wait_for("/live/song/get/swing_amount") == (pytest.approx(0.5),)
    client.send("/live/song/stop_listen/swing_amount")
    client.send("/live/song/set/swing_amount", 0.0)
    client.assert_nothing("/live/song/get/swing_amount")


def test_beat_times_and_smpte(client):
    client.send("/live/song/set/loop_start", 4.0)
    client.send("/live/song/set/loop_length", 8.0)
    assert client.query("/live/song/get/beats_loop_start") == (2, 1, 1, 0)
    assert client.query("/live/song/get/beats_loop_length") == (2, 0, 0, 0)
    assert client.query("/live/song/get/current_beats_song_time") == (1, 1, 1, 0)
    smpte = client.query("/live/song/get/current_smpte_song_time", 1)
    assert smpte == (1, 0, 0, 0, 0)
    client.send("/live/song/set/loop_start", 0.0)
    client.send("/live/song/set/loop_length", 4.0)


def test_song_data(client):
    assert client.query("/live/song/get/data", "nothing") == ("nothing", None)
    assert client.query("/live/song/get/data", "nothing", 3) == ("nothing", 3)
    client.send("/live/song/set/data", "mood", "blue")
    assert client.query("/live/song/get/data", "mood") == ("mood", "blue")
    client.send("/live/track/set/data", 1, "take", 7)
    assert client.query("/live/track/get/data", 1, "take") == (1, "take", 7)
    assert client.query("/live/track/get/data", 0, "take") == (0, "take", None)


def test_cue_points_and_transport_methods(client):
    assert client.query("/live/song/get/cue_point", 0) == (0, "Verse", pytest.approx(16.0))
    assert client.query("/live/song/get/is_cue_point_selected") == (False,)
    client.send("/live/song/set/current_song_time", 16.0)
    assert client.query("/live/song/get/is_cue_point_selected") == (True,)
    client.send("/live/song/scrub_by", 4.0)
    assert client.query("/live/song/get/current_song_time") == (pytest.approx(20.0),)
    client.send("/live/song/play_selection")
    assert client.query("/live/song/get/is_playing") == (True,)
    client.send("/live/song/stop_playing")
    client.send("/live/song/set/current_song_time", 0.0)


def test_undo_steps_group_changes(client):
    client.send("/live/song/begin_undo_step")
    client.send("/live/track/set/name", 4, "one")
    client.send("/live/track/set/name", 4, "two")
    client.send("/live/song/end_undo_step")
    client.send("/live/song/undo")
    assert client.query("/live/track/get/name", 4) == (4, "In Group 2")


def test_visible_tracks_follow_folding(client):
    assert client.query("/live/song/get/visible_tracks") == (0, 1, 2, 3, 4)
    client.send("/live/track/set/fold_state", 2, 1)
    assert client.query("/live/song/get/visible_tracks") == (0, 1, 2)
    client.send("/live/track/set/fold_state", 2, 0)


def test_appointed_device_and_moving_devices(client):
    client.send("/live/song/set/appointed_device", 0, 1)
    assert client.query("/live/song/get/appointed_device") == (0, 1)
    client.send("/live/song/set/appointed_device", "A", 0)
    assert client.query("/live/song/get/appointed_device") == ("A", 0)
    client.send("/live/song/set/appointed_device", 1, "1.1.0")
    assert client.query("/live/song/get/appointed_device") == (1, "1.1.0")
    assert client.query("/live/song/get/device_position", 0, 2, 0, 0) == (0,)
    assert client.query("/live/song/move_device", 0, 2, 0, 0) == (0,)
    assert client.query("/live/track/get/devices/class_name", 0) == (0, "Reverb", "Operator", "AutoFilter")
    assert client.query("/live/song/move_device", 0, 0, 0, 3) == (2,)
    assert client.query("/live/track/get/devices/class_name", 0) == (0, "Operator", "AutoFilter", "Reverb")


# ---------------------------------------------------------------------- Song.View

def test_detail_clip_and_highlighted_slot(client):
    client.send("/live/view/set/detail_clip", 0, 1)
    assert client.query("/live/view/get/detail_clip") == (0, 1, None)
    client.send("/live/view/set/detail_clip", 0, 1, 1)
    assert client.query("/live/view/get/detail_clip") == (0, None, 1)
    client.send("/live/view/set/highlighted_clip_slot", 1, 2)
    assert client.query("/live/view/get/highlighted_clip_slot") == (1, 2)


def test_detail_clip_listener(client):
    client.send("/live/view/start_listen/detail_clip")
    first = client.wait_for("/live/view/get/detail_clip")
    assert len(first) == 3
    client.send("/live/view/set/detail_clip", 1, 0)
    assert client.wait_for("/live/view/get/detail_clip", lambda a: a == (1, 0, None)) == (1, 0, None)
    client.send("/live/view/stop_listen/detail_clip")
    client.sync()


def test_selected_chain_and_parameter(client):
    client.send("/live/view/set/selected_chain", 1, 1, 1)
    assert client.query("/live/view/get/selected_chain") == (1, 1, 1)
    assert client.query("/live/view/get/selected_parameter") == (None, None, None, None)


def test_draw_mode_and_follow_song(client):
    for name in ("draw_mode", "follow_song"):
        client.send("/live/view/set/%s" % name, 1)
        assert client.query("/live/view/get/%s" % name) == (True,)
        client.send("/live/view/set/%s" % name, 0)
        assert client.query("/live/view/get/%s" % name) == (False,)


# ---------------------------------------------------------------------- Track, Track.View

def test_track_properties(client):
    assert client.query("/live/track/get/group_track", 3) == (3, 2)
    assert client.query("/live/track/get/group_track", 0) == (0, None)
    assert client.query("/live/track/get/can_be_frozen", 0) == (0, True)
    assert client.query("/live/track/get/can_show_chains", 1) == (1, True)
    assert client.query("/live/track/get/is_frozen", 0) == (0, False)
    assert client.query("/live/track/get/muted_via_solo", 0) == (0, False)
    assert client.query("/live/track/get/input_meter_level", 0) == (0, pytest.approx(0.0))
    assert client.query("/live/track/get/performance_impact", 0) == (0, pytest.approx(0.0))
    client.send("/live/track/set/is_showing_chains", 1, 1)
    assert client.query("/live/track/get/is_showing_chains", 1) == (1, True)
    client.send("/live/track/set/implicit_arm", 0, 1)
    assert client.query("/live/track/get/implicit_arm", 0) == (0, True)
    client.send("/live/track/set/implicit_arm", 0, 0)
    client.send("/live/track/set/back_to_arranger", 0, 1)
    assert client.query("/live/track/get/back_to_arranger", 0) == (0, True)
    client.send("/live/view/set/selected_track", 1)
    assert client.query("/live/track/get/is_part_of_selection", 1) == (1, True)


def test_track_view_properties(client):
    client.send("/live/track/set/is_collapsed", 0, 1)
    assert client.query("/live/track/get/is_collapsed", 0) == (0, True)
    client.send("/live/track/set/is_collapsed", 0, 0)
    client.send("/live/track/set/device_insert_mode", 0, 2)
    assert client.query("/live/track/get/device_insert_mode", 0) == (0, 2)
    client.send("/live/track/set/device_insert_mode", 0, 0)
    client.send("/live/view/set/selected_track", 0)
    assert client.query("/live/track/select_instrument", 0) == (0, True)
    assert client.query("/live/view/get/selected_device") == (0, 0)
    assert client.query("/live/track/select_instrument", 1) == (1, False)


def test_older_routing_names(client):
    assert client.query("/live/track/get/current_output_routing", 0) == (0, "Main")
    outputs = client.query("/live/track/get/output_routings", 0)
    assert outputs[0] == 0 and "Main" in outputs
    client.send("/live/track/set/current_output_routing", 0, "Sends Only")
    assert client.query("/live/track/get/output_routing_type", 0) == (0, "Sends Only")
    client.send("/live/track/set/current_output_routing", 0, "Main")
    assert client.query("/live/track/get/input_routings", 1)[1:] == ("Ext. In", "Resampling", "No Input")
    assert client.query("/live/track/get/current_input_sub_routing", 1)[0] == 1
    assert client.query("/live/track/get/input_sub_routings", 1)[0] == 1
    assert client.query("/live/track/get/output_sub_routings", 0)[0] == 0


def test_track_methods(client):
    assert client.query("/live/track/duplicate_clip_slot", 0, 0) == (0, 2)
    assert client.query("/live/clip/get/name", 0, 2) == (0, 2, "Chords-C-E-G")
    client.send("/live/clip_slot/delete_clip", 0, 2)
    assert client.query("/live/track/create_midi_clip", 0, 64.0, 4.0) == (0, 2)
    assert client.query("/live/track/get/arrangement_clips/start_time", 0) == (0, 0.0, 16.0, 64.0)
    client.send("/live/arrangement_clip/delete", 0, 2)
    assert client.query("/live/track/get/arrangement_clips/name", 0) == (0, "A1", "A2")
    assert client.query("/live/track/insert_device", 4, "Reverb") == (4, 0)
    client.send("/live/track/duplicate_device", 4, 0)
    assert client.query("/live/track/get/devices/class_name", 4) == (4, "Reverb", "Reverb")
    client.send("/live/track/delete_device", 4, 1)
    client.send("/live/track/delete_device", 4, 0)
    assert client.query("/live/track/get/take_lanes/name", 0) == (0,)
    assert client.query("/live/track/create_take_lane", 0) == (0, 0)
    assert client.query("/live/track/create_take_lane", 0) == (0, 1)
    assert client.query("/live/track/get/take_lanes/name", 0) == (0, "Take 1", "Take 2")
    client.send("/live/song/undo")
    assert client.query("/live/track/get/take_lanes/name", 0) == (0, "Take 1")
    client.send("/live/track/jump_in_running_session_clip", 0, 1.0)


def test_arrangement_only_methods_refuse_other_tracks(client):
    client.send("/live/track/create_midi_clip", 1, 0.0, 4.0)
    client.expect_error("MIDI", address="/live/track/create_midi_clip")


# ---------------------------------------------------------------------- ClipSlot, Scene

def test_clip_slot_members(client):
    color = client.query("/live/clip_slot/get/color", 2, 0)
    assert color[:2] == (2, 0) and isinstance(color[2], int)
    assert client.query("/live/clip_slot/get/color_index", 0, 0)[:2] == (0, 0)
    assert client.query("/live/clip_slot/get/is_recording", 0, 0) == (0, 0, False)
    client.send("/live/clip_slot/set_fire_button_state", 0, 0, 1)
    client.send("/live/clip_slot/set_fire_button_state", 0, 0, 0)
    client.send("/live/clip_slot/create_audio_clip", 1, 3, "samples/hit.wav")
    assert client.query("/live/clip_slot/get/has_clip", 1, 3) == (1, 3, True)
    client.send("/live/clip_slot/delete_clip", 1, 3)
    client.send("/live/song/stop_all_clips")


def test_scene_members(client):
    assert client.query("/live/scene/get/clip_slots/has_clip", 0) == (0, True, True, False, False, False)
    assert client.query("/live/scene/get/clip_slots/is_playing", 1) == (1, False, False, False, False, False)
    client.send("/live/scene/set_fire_button_state", 0, 1)
    client.send("/live/scene/set_fire_button_state", 0, 0)
    client.send("/live/song/stop_all_clips")


# ---------------------------------------------------------------------- Application

def test_application_members(client):
    assert client.query("/live/application/get/bugfix_version") == (6,)
    assert client.query("/live/application/get/version_string") == ("12.3.6",)
    assert isinstance(client.query("/live/application/get/variant")[0], str)
    assert isinstance(client.query("/live/application/get/build_id")[0], str)
    assert isinstance(client.query("/live/application/get/peak_process_usage")[0], float)
    assert client.query("/live/application/get/open_dialog_count") == (0,)
    assert client.query("/live/application/get/current_dialog_message") == ("",)
    assert client.query("/live/application/get/current_dialog_button_count") == (0,)
    assert client.query("/live/application/get/number_of_push_apps_running") == (0,)
    assert client.query("/live/application/get/unavailable_features") == ()
    assert client.query("/live/application/get/has_option", "_NoSuchOption") == ("_NoSuchOption", False)
    client.send("/live/application/press_current_dialog_button", 0)
    client.expect_error(address="/live/application/press_current_dialog_button")


def test_process_usage_listener(client, pair):
    sim = pair[0]
    client.send("/live/application/start_listen/average_process_usage")
    first = client.wait_for("/live/application/get/average_process_usage")
    assert len(first) == 1 and isinstance(first[0], float)
    from Live._application_model import set_process_usage

    sim.call(set_process_usage, sim.world.application_node, 0.5, 0.75)
    assert client.wait_for("/live/application/get/average_process_usage") == (pytest.approx(0.5),)
    assert client.query("/live/application/get/peak_process_usage") == (pytest.approx(0.75),)
    client.send("/live/application/stop_listen/average_process_usage")
    client.sync()
    sim.call(set_process_usage, sim.world.application_node, 0.25, 0.75)
    client.assert_nothing("/live/application/get/average_process_usage")


def test_application_view(client):
    views = client.query("/live/application/view/get/available_main_views")
    assert "Browser" in views and "Session" in views
    client.send("/live/application/view/hide_view", "Browser")
    assert client.query("/live/application/view/get/is_view_visible", "Browser") == ("Browser", False)
    client.send("/live/application/view/show_view", "Browser")
    assert client.query("/live/application/view/get/is_view_visible", "Browser") == ("Browser", True)
    client.send("/live/application/view/start_listen/focused_document_view")
    assert client.wait_for("/live/application/view/get/focused_document_view") == ("Session",)
    client.send("/live/application/view/focus_view", "Arranger")
    assert client.wait_for("/live/application/view/get/focused_document_view") == ("Arranger",)
    client.send("/live/application/view/stop_listen/focused_document_view")
    client.send("/live/application/view/focus_view", "Session")
    client.send("/live/application/view/toggle_browse")
    assert client.query("/live/application/view/get/browse_mode") == (True,)
    client.send("/live/application/view/toggle_browse")
    assert client.query("/live/application/view/get/browse_mode") == (False,)
    client.send("/live/application/view/scroll_view", 1, "Session", 0)
    client.send("/live/application/view/zoom_view", 0, "Arranger", 0)
    client.send("/live/application/view/show_view", "NoSuchView")
    client.expect_error(address="/live/application/view/show_view")


# ---------------------------------------------------------------------- coverage

def test_coverage_address(client):
    reply = client.query("/live/api/get/coverage", "Song.View")
    assert reply[:2] == ("Song.View", 9)
    assert set(reply[2:]) == {"detail_clip", "draw_mode", "follow_song", "highlighted_clip_slot", "select_device",
                              "selected_chain", "selected_parameter", "selected_scene", "selected_track"}
    everything = client.query("/live/api/get/coverage")
    assert "MixerDevice" in everything and "Application.View" in everything
    client.send("/live/api/get/coverage", "NoSuchClass")
    client.expect_error("NoSuchClass", address="/live/api/get/coverage")


# ---------------------------------------------------------------------- upstream shapes

def test_upstream_shapes_are_unchanged(client):
    assert client.query("/live/application/get/version") == (12, 3)
    assert client.query("/live/track/get/volume", 0) == (0, pytest.approx(0.85))
    assert client.query("/live/track/get/send", 0, 1) == (0, 1, pytest.approx(0.0))
    assert client.query("/live/view/get/selected_scene")[0] >= 0
    assert client.query("/live/song/get/cue_points") == ("Verse", pytest.approx(16.0))
    assert client.query("/live/song/get/num_tracks") == (5,)
    # An index reference keeps upstream's nil where Live refuses a property.
    assert client.query("/live/track/get/arm", 2) == (2, None)


# ---------------------------------------------------------------------- Live versions

MISSING_IN_11_0 = [
    ("/live/song/get/name", ()),
    ("/live/song/get/file_path", ()),
    ("/live/song/get/start_time", ()),
    ("/live/song/set/scale_mode", (1,)),
    ("/live/song/get/tuning_system", ()),
    ("/live/song/start_listen/is_ableton_link_start_stop_sync_enabled", ()),
    ("/live/track/get/back_to_arranger", (0,)),
    ("/live/track/get/performance_impact", (0,)),
    ("/live/track/create_midi_clip", (0, 0.0, 4.0)),
    ("/live/track/insert_device", (0, "Reverb")),
    ("/live/track/duplicate_device", (0, 0)),
    ("/live/track/get/take_lanes/name", (0,)),
    ("/live/track/create_take_lane", (0,)),
    ("/live/track/create_audio_clip", (2, "x.wav", 0.0)),
    ("/live/clip_slot/create_audio_clip", (2, 0, "x.wav")),
    ("/live/application/get/version_string", ()),
    ("/live/application/get/variant", ()),
    ("/live/application/get/build_id", ()),
    ("/live/application/get/peak_process_usage", ()),
    ("/live/application/get/number_of_push_apps_running", ()),
]


@pytest.fixture(scope="module")
def live11():
    with running_sim(live_version="11.0") as found:
        yield found


@pytest.mark.parametrize("address,args", MISSING_IN_11_0, ids=[a for a, _ in MISSING_IN_11_0])
def test_what_live_11_0_lacks_is_refused_clearly(live11, address, args):
    sim, client = live11
    client.drain()
    client.send(address, *args)
    error = client.expect_error(address=address)
    assert "11.0" in error[0] and "Unknown OSC address" not in error[0], error


def test_live_11_0_serves_the_rest(live11):
    sim, client = live11
    client.drain()
    assert client.query("/live/song/get/swing_amount") == (pytest.approx(0.0),)
    assert client.query("/live/track/get/crossfader", "master") == ("master", pytest.approx(0.0))
    assert client.query("/live/application/get/bugfix_version") == (0,)
    assert client.query("/live/view/get/detail_clip") == (None, None, None)
    assert client.errors() == []
