"""/live/clip/*: properties (MIDI and audio), notes, playback, listeners; /live/clips/filter."""
import pytest

from tests.e2e.harness import REAL_TARGET, running_sim
from tests.e2e.sets import advance


@pytest.fixture
def midi_clip(client):
    """An 8-beat MIDI clip at (0, 0), deleted afterwards."""
    client.send("/live/clip_slot/create_clip", 0, 0, 8)
    client.sync()
    yield (0, 0)
    client.send("/live/song/stop_playing")
    client.send("/live/track/delete_clip", 0, 0)
    client.send("/live/song/set/current_song_time", 0)
    client.sync()


@pytest.fixture(scope="module")
def audio_pair():
    """A livesim with an audio clip at (2, 0) from set data (livesim) or skipped (real Live)."""
    if REAL_TARGET is not None:
        pytest.skip("uses livesim set data")
    data = {
        "scenes": [{"name": ""} for _ in range(8)],
        "tracks": [
            {"type": "midi", "name": "1-MIDI"}, {"type": "midi", "name": "2-MIDI"},
            {"type": "audio", "name": "3-Audio",
             "clips": [{"name": "Loop", "audio": True, "file_path": "samples/loop.wav", "length": 4.0,
                        "gain": 0.4, "warping": True}]},
            {"type": "audio", "name": "4-Audio"},
        ],
        "returns": [{"name": "A-Reverb"}, {"name": "B-Delay"}],
    }
    with running_sim(data) as pair:
        yield pair


# ---------------------------------------------------------------------- properties

def test_clip_property_name(client, midi_clip):
    for value in ("Alpha", "Beta"):
        client.send("/live/clip/set/name", 0, 0, value)
        assert client.query("/live/clip/get/name", 0, 0) == (0, 0, value)


def test_clip_property_color(client, midi_clip):
    for value in (0x1AFF2F, 0x1A2F96):
        client.send("/live/clip/set/color", 0, 0, value)
        assert client.query("/live/clip/get/color", 0, 0) == (0, 0, value)


MIDI_CLIP_ROUND_TRIPS = [
    ("color_index", [5, 20]),
    ("launch_mode", [1, 0]),
    ("launch_quantization", [3, 0]),
    ("legato", [1, 0]),
    ("looping", [0, 1]),
    ("loop_end", [4.0, 8.0]),
    ("loop_start", [2.0, 0.0]),
    ("end_marker", [6.0, 8.0]),
    ("start_marker", [1.0, 0.0]),
    ("muted", [1, 0]),
    ("velocity_amount", [0.5, 0.0]),
    ("position", [2.0, 0.0]),
]


@pytest.mark.parametrize("prop,values", MIDI_CLIP_ROUND_TRIPS, ids=[p for p, _ in MIDI_CLIP_ROUND_TRIPS])
def test_midi_clip_property_round_trip(client, midi_clip, prop, values):
    for value in values:
        client.send("/live/clip/set/%s" % prop, 0, 0, value)
        expected = pytest.approx(value) if isinstance(value, float) else value
        assert client.query("/live/clip/get/%s" % prop, 0, 0) == (0, 0, expected), (prop, value)


def test_midi_clip_read_only_properties(client, midi_clip):
    q = client.query
    assert q("/live/clip/get/is_midi_clip", 0, 0) == (0, 0, True)
    assert q("/live/clip/get/is_audio_clip", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/length", 0, 0) == (0, 0, 8.0)
    assert q("/live/clip/get/is_playing", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/is_recording", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/is_triggered", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/is_overdubbing", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/will_record_on_start", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/has_groove", 0, 0) == (0, 0, False)
    assert q("/live/clip/get/playing_position", 0, 0) == (0, 0, 0.0)
    assert q("/live/clip/get/start_time", 0, 0) == (0, 0, 0.0)
    assert q("/live/clip/get/end_time", 0, 0)[:2] == (0, 0)


def test_audio_only_properties_of_a_midi_clip_are_nil(client, midi_clip):
    for prop in ("gain", "pitch_coarse", "pitch_fine", "file_path", "warping", "warp_mode", "sample_length",
                 "ram_mode", "gain_display_string"):
        assert client.query("/live/clip/get/%s" % prop, 0, 0) == (0, 0, None), prop


def test_clip_getter_echoes_extra_args(client, midi_clip):
    client.send("/live/clip/set/name", 0, 0, "Named")
    assert client.query("/live/clip/get/name", 0, 0, "foo") == (0, 0, "Named", "foo")


@pytest.mark.livesim_only
@pytest.mark.parametrize("prop,values", [
    ("gain", [0.5, 1.0, 0.4]),
    ("pitch_coarse", [4, 0]),
    ("pitch_fine", [0.5, 0.0]),
    ("warping", [0, 1]),
    ("warp_mode", [4, 0]),
    ("ram_mode", [1, 0]),
], ids=["gain", "pitch_coarse", "pitch_fine", "warping", "warp_mode", "ram_mode"])
def test_audio_clip_property_round_trip(audio_pair, prop, values):
    sim, client = audio_pair
    for value in values:
        client.send("/live/clip/set/%s" % prop, 2, 0, value)
        expected = pytest.approx(value) if isinstance(value, float) else value
        assert client.query("/live/clip/get/%s" % prop, 2, 0) == (2, 0, expected), (prop, value)
    assert client.errors() == []


@pytest.mark.livesim_only
def test_audio_clip_read_only_properties(audio_pair):
    sim, client = audio_pair
    assert client.query("/live/clip/get/is_audio_clip", 2, 0) == (2, 0, True)
    assert client.query("/live/clip/get/file_path", 2, 0) == (2, 0, "samples/loop.wav")
    assert isinstance(client.query("/live/clip/get/sample_length", 2, 0)[2], int)
    text = client.query("/live/clip/get/gain_display_string", 2, 0)[2]
    assert "dB" in text
    client.send("/live/clip/get/notes", 2, 0)
    assert "MIDI" in client.expect_error(address="/live/clip/get/notes")[0]


def test_audio_clip_by_recording(client, sim):
    """Upstream's clip fixture: arm the audio track and fire an empty slot to record a clip."""
    client.send("/live/track/set/arm", 2, 1)
    try:
        client.send("/live/clip_slot/fire", 2, 0)
        client.sync()
        advance(sim, 0.5)
        client.send("/live/song/stop_playing")
        client.send("/live/song/stop_all_clips")
        client.sync()
        advance(sim, 0.1)
        client.send("/live/track/set/arm", 2, 0)
        assert client.query("/live/clip/get/is_audio_clip", 2, 0) == (2, 0, True)
        for prop, values in (("gain", [0.5, 1.0]), ("pitch_coarse", [4, 0]), ("pitch_fine", [0.5, 0.0])):
            for value in values:
                client.send("/live/clip/set/%s" % prop, 2, 0, value)
                expected = pytest.approx(value) if isinstance(value, float) else value
                assert client.query("/live/clip/get/%s" % prop, 2, 0) == (2, 0, expected)
    finally:
        client.send("/live/track/set/arm", 2, 0)
        client.send("/live/track/delete_clip", 2, 0)
        client.send("/live/song/set/current_song_time", 0)
    client.sync()


# ---------------------------------------------------------------------- notes

def test_clip_add_remove_notes(client, midi_clip):
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0)
    client.send("/live/clip/add/notes", 0, 0, 67, -0.25, 0.5, 32, False, 60, 0.0, 0.25, 64, False)
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0, 60, 0.0, 0.25, 64, False, 67, -0.25, 0.5, 32, False)
    client.send("/live/clip/add/notes", 0, 0, 72, 0.0, 0.25, 64, True, 60, 3.0, 0.5, 32, False)
    # range: pitches 60..70, times [0, 2)
    assert client.query("/live/clip/get/notes", 0, 0, 60, 11, 0, 2) == (0, 0, 60, 0.0, 0.25, 64, False)
    client.send("/live/clip/remove/notes", 0, 0, 60, 11, 0, 2)
    assert client.query("/live/clip/get/notes", 0, 0) == (
        0, 0, 60, 3.0, 0.5, 32, False, 67, -0.25, 0.5, 32, False, 72, 0.0, 0.25, 64, True)
    client.send("/live/clip/remove/notes", 0, 0)
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0)


def test_clip_notes_reply_types(client, midi_clip):
    client.send("/live/clip/add/notes", 0, 0, 60, 0.5, 0.25, 100, False)
    message = client.query_msg("/live/clip/get/notes", 0, 0)
    assert message.typetags == "iiifffF"


def test_clip_add_many_notes(client, midi_clip):
    notes = []
    for pitch in range(127):
        for shift in (-8.0, 0.0, 8.0):
            notes.append((pitch, shift + (pitch % 64) * 0.25, 0.25, 1 + pitch % 127, False))
    expected = []
    for note in sorted(notes, key=lambda n: (n[0], n[1])):
        expected.extend(note)
    flat = [value for note in notes for value in note]
    client.send("/live/clip/add/notes", 0, 0, *flat)
    reply = client.query("/live/clip/get/notes", 0, 0, timeout=5.0)
    assert len(reply) == 2 + 381 * 5
    assert reply == (0, 0) + tuple(expected)


def test_notes_at_pitch_127_are_included_by_default(client, midi_clip):
    # upstream's default range (0, 127) left pitch 127 out of "all notes": invisible and unremovable
    client.send("/live/clip/add/notes", 0, 0, 127, 0.0, 1.0, 100, False, 0, 1.0, 1.0, 100, 1)
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0, 0, 1.0, 1.0, 100, True, 127, 0.0, 1.0, 100, False)
    client.send("/live/clip/remove/notes", 0, 0)
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0)


def test_add_notes_bad_count_is_an_error_and_adds_nothing(client, midi_clip):
    client.send("/live/clip/add/notes", 0, 0, 60, 0.0, 0.25, 64, False, 62)
    client.expect_error(address="/live/clip/add/notes")
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0)


def test_get_notes_wrong_range_count_is_an_error(client, midi_clip):
    client.send("/live/clip/get/notes", 0, 0, 60, 11)
    error = client.expect_error(address="/live/clip/get/notes")
    assert "0 or 4" in error[0]


def test_notes_touchosc_floats(client, midi_clip):
    client.send("/live/clip/add/notes", 0.0, 0.0, 64.0, 1.0, 0.5, 100.0, 0.0)
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0, 64, 1.0, 0.5, 100, False)


@pytest.mark.livesim_only
def test_remove_notes_by_id(client, sim, midi_clip):
    client.send("/live/clip/add/notes", 0, 0, 60, 0.0, 1.0, 100, False, 62, 1.0, 1.0, 100, False)
    client.sync()

    def note_ids():
        clip = sim.world.song.tracks[0].clip_slots[0].clip
        return sorted((n.pitch, n.note_id) for n in clip.get_all_notes_extended())

    ids = sim.call(note_ids)
    assert [pitch for pitch, _ in ids] == [60, 62]
    client.send("/live/clip/remove_notes_by_id", 0, 0, ids[0][1])
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0, 62, 1.0, 1.0, 100, False)


def test_duplicate_loop(client, midi_clip):
    client.send("/live/clip/set/loop_end", 0, 0, 4.0)
    client.send("/live/clip/add/notes", 0, 0, 60, 1.0, 0.5, 100, False)
    client.send("/live/clip/duplicate_loop", 0, 0)
    assert client.query("/live/clip/get/loop_end", 0, 0) == (0, 0, 8.0)
    assert client.query("/live/clip/get/notes", 0, 0) == (0, 0, 60, 1.0, 0.5, 100, False, 60, 5.0, 0.5, 100, False)


# ---------------------------------------------------------------------- playback and listeners

def test_clip_fire_and_stop(client, sim, midi_clip):
    client.send("/live/clip/fire", 0, 0)
    client.sync()
    advance(sim, 0.2)
    assert client.query("/live/clip/get/is_playing", 0, 0) == (0, 0, True)
    client.send("/live/clip/stop", 0, 0)
    client.sync()
    advance(sim, 2.1)
    assert client.query("/live/clip/get/is_playing", 0, 0) == (0, 0, False)


def test_clip_playing_position_listen(client, sim, midi_clip):
    try:
        client.send("/live/clip/start_listen/playing_position", 0, 0)
        assert client.wait_for("/live/clip/get/playing_position") == (0, 0, 0.0)
        client.send("/live/clip/fire", 0, 0)
        client.sync()
        advance(sim, 0.25)
        first = client.take_all("/live/clip/get/playing_position")
        assert first and all(update[:2] == (0, 0) for update in first)
        assert first[-1][2] > 0
        advance(sim, 0.5)  # one beat at 120 BPM
        later = client.take_all("/live/clip/get/playing_position")
        positions = [update[2] for update in later]
        assert positions == sorted(positions)
        assert positions[-1] == pytest.approx(first[-1][2] + 1.0, abs=0.3 if sim is not None else 0.75)
    finally:
        client.send("/live/clip/stop_listen/playing_position", 0, 0)
        client.send("/live/song/stop_playing")
        client.sync()
    client.take_all("/live/clip/get/playing_position")


def test_clip_listen_lifecycle(client):
    client.send("/live/clip_slot/create_clip", 0, 0, 4)
    client.send("/live/clip/set/name", 0, 0, "Alpha")
    try:
        client.send("/live/clip/start_listen/name", 0, 0)
        assert client.wait_for("/live/clip/get/name") == (0, 0, "Alpha")
        client.send("/live/clip/set/name", 0, 0, "Beta")
        assert client.wait_for("/live/clip/get/name") == (0, 0, "Beta")
        client.send("/live/clip_slot/delete_clip", 0, 0)
        dropped = client.wait_for("/live/api/listener_dropped")
        assert dropped[0] == "/live/clip/start_listen/name"
        assert tuple(dropped[1:3]) == (0, 0)
        client.send("/live/clip_slot/create_clip", 0, 0, 4)
        client.send("/live/clip/start_listen/name", 0, 0)
        assert client.wait_for("/live/clip/get/name") == (0, 0, "")
        client.send("/live/clip/set/name", 0, 0, "Alpha")
        assert client.wait_for("/live/clip/get/name") == (0, 0, "Alpha")
    finally:
        client.send("/live/clip/stop_listen/name", 0, 0)
        client.send("/live/clip_slot/delete_clip", 0, 0)
    client.sync()
    client.take_all("/live/clip/get/name")
    client.take_all("/live/api/listener_dropped")


def test_clip_listen_color_and_muted(client, midi_clip):
    try:
        client.send("/live/clip/start_listen/muted", 0, 0)
        assert client.wait_for("/live/clip/get/muted") == (0, 0, False)
        client.send("/live/clip/set/muted", 0, 0, 1)
        assert client.wait_for("/live/clip/get/muted") == (0, 0, True)
    finally:
        client.send("/live/clip/stop_listen/muted", 0, 0)
    client.sync()
    client.take_all("/live/clip/get/muted")


def test_stop_listen_after_the_clip_was_deleted_is_not_an_error(client):
    # upstream ignores a stop_listen it has no listener for; a client cleaning up must not get errors
    client.send("/live/clip_slot/create_clip", 1, 6, 4)
    client.send("/live/clip/start_listen/name", 1, 6)
    assert client.wait_for("/live/clip/get/name") == (1, 6, "")
    client.send("/live/clip_slot/delete_clip", 1, 6)
    client.sync()
    client.send("/live/clip/stop_listen/name", 1, 6)
    assert client.errors() == []
    client.take_all("/live/api/listener_dropped")


def test_clip_on_an_empty_slot_is_an_error(client):
    client.send("/live/clip/set/name", 1, 7, "x")
    client.expect_error(address="/live/clip/set/name")
    client.send("/live/clip/start_listen/name", 1, 7)
    client.expect_error(address="/live/clip/start_listen/name")


def test_clip_out_of_range(client):
    client.send("/live/clip/get/color", 0, 10)
    error = client.expect_error("Index out of range")
    assert error == ("Error handling OSC message: No clip slot 10: track 0 has clip slots 0-7 "
                     "(Live: Index out of range)", "/live/clip/get/color")


# ---------------------------------------------------------------------- filter

def test_clips_filter_and_unfilter(client):
    clips = {(0, 0): "Pad-C-E-G", (0, 1): "Bass-D-F", (1, 0): "Lead-C-G", (1, 1): "Plain"}
    for (track, slot), name in clips.items():
        client.send("/live/clip_slot/create_clip", track, slot, 4)
        client.send("/live/clip/set/name", track, slot, name)
    try:
        client.send("/live/clips/filter", "C", "E", "G")
        assert client.query("/live/clip/get/muted", 0, 0) == (0, 0, False)
        assert client.query("/live/clip/get/muted", 0, 1) == (0, 1, True)
        assert client.query("/live/clip/get/muted", 1, 0) == (1, 0, False)
        assert client.query("/live/clip/get/muted", 1, 1) == (1, 1, False)
        client.send("/live/clips/filter", "D", "F")
        assert client.query("/live/clip/get/muted", 0, 0) == (0, 0, True)
        assert client.query("/live/clip/get/muted", 0, 1) == (0, 1, False)
        client.send("/live/clips/unfilter")
        for track, slot in clips:
            assert client.query("/live/clip/get/muted", track, slot) == (track, slot, False)
        # the filter reads names afresh: adding a scene does not break it (upstream cached them)
        client.send("/live/song/create_scene", -1)
        client.send("/live/clips/filter", "C", "E", "G")
        assert client.query("/live/clip/get/muted", 0, 1) == (0, 1, True)
        client.send("/live/clips/unfilter", 0, 1)
        assert client.query("/live/clip/get/muted", 0, 1) == (0, 1, False)
    finally:
        client.send("/live/clips/unfilter")
        for track, slot in clips:
            client.send("/live/clip_slot/delete_clip", track, slot)
        client.send("/live/song/delete_scene", 8)
    client.sync()
