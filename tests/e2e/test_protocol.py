"""The wire protocol: reply shapes and types, errors, argument coercion, patterns, bundles."""
import pytest

from tests.e2e.harness import NoReply, Typed

INDEX_ERROR = "Error handling OSC message: No %s: %s (Live: Index out of range)"


# ---------------------------------------------------------------------- replies and types

def test_live_test_answers_ok(client):
    assert client.query("/live/test") == ("ok",)


@pytest.mark.livesim_only
def test_live_test_shows_a_message_in_live(client, sim):
    client.query("/live/test")
    assert "Received OSC OK" in sim.status_message()


def test_float_replies_are_float32(client):
    message = client.query_msg("/live/song/get/tempo")
    assert message.typetags == "f"
    assert message.args[0] == pytest.approx(120.0)


def test_bools_are_sent_as_true_false_typetags(client):
    message = client.query_msg("/live/track/get/mute", 0)
    assert message.args == (0, False)
    assert message.typetags == "iF"
    message = client.query_msg("/live/song/get/is_playing")
    assert message.typetags == "F"


def test_ints_and_strings(client):
    message = client.query_msg("/live/track/get/name", 1)
    assert message.args == (1, "2-MIDI")
    assert message.typetags == "is"
    message = client.query_msg("/live/song/get/num_scenes")
    assert message.args == (8,)
    assert message.typetags == "i"


def test_empty_slots_are_nil(client):
    message = client.query_msg("/live/track/get/clips/name", 0)
    assert message.args == (0,) + (None,) * 8
    assert message.typetags == "i" + "N" * 8


def test_song_getter_echoes_extra_arguments_after_the_value(client):
    assert client.query("/live/song/get/tempo", "x") == (pytest.approx(120.0), "x")


def test_track_getter_echoes_extra_arguments_after_the_value(client):
    assert client.query("/live/track/get/name", 0, "foo") == (0, "1-MIDI", "foo")


def test_scene_getter_echoes_its_index(client):
    assert client.query("/live/scene/get/name", 3) == (3, "")


# ---------------------------------------------------------------------- errors

def test_index_out_of_range_error_text(client):
    client.send("/live/clip/get/color", 0, 10)
    error = client.expect_error("Index out of range")
    assert error[0] == INDEX_ERROR % ("clip slot 10", "track 0 has clip slots 0-7")
    assert error[1] == "/live/clip/get/color"
    assert client.query("/live/song/get/num_tracks") == (4,)


def test_unknown_address(client):
    client.send("/live/nope")
    error = client.expect_error("Unknown OSC address")
    assert error == ("Unknown OSC address: /live/nope", "/live/nope")
    assert client.query("/live/song/get/num_scenes") == (8,)


def test_beat_is_not_a_handler(client):
    # upstream: /live/song/get/beat is only ever sent, never answered
    client.send("/live/song/get/beat")
    assert client.expect_error("Unknown OSC address")[1] == "/live/song/get/beat"


def test_bad_type_is_a_clear_error(client):
    client.send("/live/song/set/tempo", "fast")
    error = client.expect_error(address="/live/song/set/tempo")
    assert "fast" in error[0] and ("number" in error[0] or "float" in error[0]), error
    assert client.query("/live/song/get/tempo") == (pytest.approx(120.0),)


def test_missing_argument_is_a_clear_error(client):
    client.send("/live/song/set/tempo")
    error = client.expect_error(address="/live/song/set/tempo")
    assert "value" in error[0], error
    client.send("/live/track/get/name")
    error = client.expect_error(address="/live/track/get/name")
    assert "track_id" in error[0], error
    assert client.query("/live/song/get/tempo") == (pytest.approx(120.0),)


def test_bad_track_index_type(client):
    client.send("/live/track/get/name", "drums")
    error = client.expect_error(address="/live/track/get/name")
    assert "track_id" in error[0], error


def test_error_on_empty_slot_clip(client):
    client.send("/live/clip/get/name", 0, 0)
    error = client.expect_error(address="/live/clip/get/name")
    assert "clip" in error[0].lower(), error
    assert client.query("/live/clip_slot/get/has_clip", 0, 0) == (0, 0, False)


def test_malformed_datagram_is_reported_and_the_next_answered(client):
    client.send_raw(b"/live/song/get/tempo\x00\x00\x00,f\x00\x00\x00\x00")  # truncated float
    client.expect_error()
    assert client.query("/live/song/get/num_tracks") == (4,)


def test_many_errors_in_a_row_leave_the_script_answering(client):
    for scene in range(10, 20):
        client.send("/live/scene/get/name", scene)
    assert client.query("/live/song/get/num_tracks") == (4,)
    errors = client.errors()
    assert len(errors) == 10
    assert errors == [(INDEX_ERROR % ("scene %d" % scene, "the set has scenes 0-7"), "/live/scene/get/name")
                      for scene in range(10, 20)]


# ---------------------------------------------------------------------- coercion

def test_touchosc_floats_as_indices_and_bools(client):
    try:
        client.send("/live/track/set/mute", 0.0, 1.0)
        assert client.query("/live/track/get/mute", 0) == (0, True)
        assert client.query("/live/track/get/mute", 1.0) == (1, False)
        client.send("/live/track/set/mute", 0.0, 0.0)
        assert client.query("/live/track/get/mute", 0) == (0, False)
    finally:
        client.send("/live/track/set/mute", 0, 0)


def test_ints_and_osc_bools_as_bools(client):
    try:
        client.send("/live/track/set/solo", 1, True)
        assert client.query("/live/track/get/solo", 1) == (1, True)
        client.send("/live/track/set/solo", 1, 0)
        assert client.query("/live/track/get/solo", 1) == (1, False)
        client.send("/live/track/set/solo", 1, 1)
        assert client.query("/live/track/get/solo", 1) == (1, True)
    finally:
        client.send("/live/track/set/solo", 1, False)


def test_ints_as_floats(client):
    try:
        client.send("/live/song/set/tempo", 130)
        assert client.query("/live/song/get/tempo") == (pytest.approx(130.0),)
    finally:
        client.send("/live/song/set/tempo", 120.0)
    assert client.query("/live/song/get/tempo") == (pytest.approx(120.0),)


def test_float64_int64_and_osc_true_arguments(client):
    try:
        client.send("/live/song/set/tempo", Typed("d", 121.5))
        assert client.query("/live/song/get/tempo") == (pytest.approx(121.5),)
        assert client.query("/live/track/get/name", Typed("h", 1)) == (1, "2-MIDI")
        client.send("/live/track/set/arm", Typed("h", 3), Typed("T"))
        assert client.query("/live/track/get/arm", 3) == (3, True)
    finally:
        client.send("/live/song/set/tempo", 120.0)
        client.send("/live/track/set/arm", 3, False)
    client.sync()


def test_nil_argument_is_a_clear_error(client):
    client.send("/live/track/set/mute", 0, None)
    error = client.expect_error(address="/live/track/set/mute")
    assert "nil" in error[0] or "None" in error[0], error


def test_pattern_and_star_index_together(client):
    client.send("/live/track/get/{mute,solo}", "*")
    replies = client.collect("/live/track/get/mute", 4) + client.collect("/live/track/get/solo", 4)
    assert sorted(replies) == sorted([(i, False) for i in range(4)] * 2)


def test_floats_as_clip_indices(client):
    assert client.query("/live/clip_slot/get/has_clip", 1.0, 2.0) == (1, 2, False)


def test_fractional_index_is_refused(client):
    client.send("/live/track/get/name", 0.5)
    client.expect_error(address="/live/track/get/name")


# ---------------------------------------------------------------------- patterns

def test_wildcard_replies_on_each_concrete_address(client):
    client.send("/live/song/get/*")
    tempo = client.wait_for("/live/song/get/tempo")
    assert tempo == (pytest.approx(120.0),)
    assert client.wait_for("/live/song/get/num_tracks") == (4,)
    assert client.wait_for("/live/song/get/is_playing") == (False,)
    assert client.wait_for("/live/song/get/signature_numerator") == (4,)
    client.sync()
    assert client.pending("/live/song/get/*", sync=False) == []
    # `*` stays within one level: nothing deeper (upstream's prefix match answered scenes/name too)
    assert client.pending("/live/song/get/scenes/name", sync=False) == []


def test_patterns_are_anchored(client):
    client.send("/live/song/get/tem*")
    assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    client.sync()
    assert client.pending("/live/song/get/track_names", sync=False) == []
    client.send("/live/*/get/tempo")  # the song's tempo; scenes need an index and are skipped
    assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    client.sync()
    assert client.pending("/live/scene/get/tempo", sync=False) == []
    client.send("/live/song/get/tempo*x")
    assert client.expect_error("Unknown OSC address")[1] == "/live/song/get/tempo*x"
    client.send("/live/song/get/temp")  # not a prefix match
    assert client.expect_error("Unknown OSC address")[1] == "/live/song/get/temp"


def test_track_wildcard_getter_stays_within_one_level(client):
    client.send("/live/track/get/*", 0)
    assert client.wait_for("/live/track/get/name") == (0, "1-MIDI")
    assert client.wait_for("/live/track/get/mute") == (0, False)
    assert client.wait_for("/live/track/get/volume")[0] == 0
    client.sync()
    assert client.pending("/live/track/get/clips/name", sync=False) == []
    assert client.pending("/live/track/get/devices/name", sync=False) == []


def test_wildcard_does_not_run_methods(client):
    client.send("/live/song/*")
    client.errors()  # no match among getters: an unknown address, or nothing
    assert client.query("/live/song/get/is_playing") == (False,)
    assert client.query("/live/song/get/num_tracks") == (4,)
    assert client.query("/live/song/get/num_scenes") == (8,)


def test_braces_and_brackets(client):
    client.send("/live/song/get/{tempo,loop}")
    assert client.wait_for("/live/song/get/tempo") == (pytest.approx(120.0),)
    assert client.wait_for("/live/song/get/loop") == (False,)
    client.send("/live/track/get/[ms]ute", 2)
    assert client.wait_for("/live/track/get/mute") == (2, False)
    client.sync()
    assert client.pending("/live/track/get/solo", sync=False) == []


def test_wildcard_with_a_failing_match_answers_the_others(client):
    # fold_state on a non-group track is nil; other getters still answer
    client.send("/live/track/get/*", 3)
    assert client.wait_for("/live/track/get/name") == (3, "4-Audio")
    assert client.wait_for("/live/track/get/arm") == (3, False)
    client.errors()


def test_star_track_index_getter_replies_for_every_track(client):
    client.send("/live/track/get/name", "*")
    replies = client.collect("/live/track/get/name", 4)
    assert sorted(replies) == [(0, "1-MIDI"), (1, "2-MIDI"), (2, "3-Audio"), (3, "4-Audio")]
    client.assert_nothing("/live/track/get/name")


def test_star_track_index_setter_applies_to_every_track(client):
    try:
        client.send("/live/track/set/mute", "*", 1)
        client.send("/live/track/get/mute", "*")
        replies = client.collect("/live/track/get/mute", 4)
        assert sorted(replies) == [(i, True) for i in range(4)]
    finally:
        client.send("/live/track/set/mute", "*", 0)
    client.send("/live/track/get/mute", "*")
    assert sorted(client.collect("/live/track/get/mute", 4)) == [(i, False) for i in range(4)]


def test_star_track_index_with_clip_slots(client):
    client.send("/live/clip_slot/get/has_clip", "*", 0)
    replies = client.collect("/live/clip_slot/get/has_clip", 4)
    assert sorted(replies) == [(i, 0, False) for i in range(4)]


# ---------------------------------------------------------------------- bundles

def test_bundle_each_element_answered(client):
    client.send_bundle([("/live/song/get/tempo", ())] * 3)
    replies = client.collect("/live/song/get/tempo", 3, timeout=1.0)
    assert replies == [(pytest.approx(120.0),)] * 3


def test_bundle_failing_element_does_not_drop_the_others(client):
    client.send_bundle([
        ("/live/song/get/num_tracks", ()),
        ("/live/clip/get/color", (0, 10)),
        ("/live/nope", ()),
        ("/live/song/get/num_scenes", ()),
    ])
    assert client.wait_for("/live/song/get/num_tracks") == (4,)
    assert client.wait_for("/live/song/get/num_scenes") == (8,)
    errors = client.errors()
    assert (INDEX_ERROR % ("clip slot 10", "track 0 has clip slots 0-7"), "/live/clip/get/color") in errors
    assert ("Unknown OSC address: /live/nope", "/live/nope") in errors


def test_nested_bundles(client):
    client.send_bundle([("/live/song/get/num_tracks", ()), [("/live/song/get/num_scenes", ()),
                                                             [("/live/track/get/name", (2,))]]])
    assert client.wait_for("/live/song/get/num_tracks") == (4,)
    assert client.wait_for("/live/song/get/num_scenes") == (8,)
    assert client.wait_for("/live/track/get/name") == (2, "3-Audio")


def test_bundle_set_then_get_in_order(client):
    try:
        client.send_bundle([("/live/track/set/name", (3, "Bundled")), ("/live/track/get/name", (3,))])
        assert client.wait_for("/live/track/get/name") == (3, "Bundled")
    finally:
        client.send("/live/track/set/name", 3, "4-Audio")
    assert client.query("/live/track/get/name", 3) == (3, "4-Audio")


def test_replies_go_to_the_reply_port_whatever_the_source_port(client):
    # upstream's default: replies go to the sender's IP on the reply port (11001), so a client that
    # sends from any port must listen there
    from tests.e2e.harness import OSCClient

    other = OSCClient(client.target[0], client.target[1], bind_port=0)
    try:
        other.send("/live/song/get/tempo", "from-another-port")
        assert client.wait_for("/live/song/get/tempo", lambda a: a[-1:] == ("from-another-port",)) == (
            pytest.approx(120.0), "from-another-port")
    finally:
        other.close()


# ---------------------------------------------------------------------- robustness

def test_a_burst_of_queries_is_answered_in_order(client):
    for index in range(100):
        client.send("/live/song/get/tempo", index)
    replies = client.collect("/live/song/get/tempo", 100, timeout=5.0)
    assert [r[1] for r in replies] == list(range(100))


def test_no_reply_means_timeout_not_hang(client):
    client.send("/live/song/set/tempo", 120.0)  # setters do not reply
    with pytest.raises(NoReply):
        client.wait_for("/live/song/set/tempo", timeout=0.2)


def test_a_burst_of_300_queries_is_answered(client):
    # a controller refreshing everything at start-up; the datagrams wait in the script's socket
    # buffer until its next poll, so that buffer must hold them
    for index in range(300):
        client.send("/live/track/get/name", index % 4, index)
    replies = client.collect("/live/track/get/name", 300, timeout=5.0)
    assert [r[2] for r in replies] == list(range(300))
