"""Notes with ids: notes_extended, notes by id, modifications, selection, duplication, the notes listener."""
import pytest

from tests.e2e.harness import running_sim
from tests.e2e.sets import rich_set

pytestmark = pytest.mark.livesim_only

NOTE = 9  # values per note in replies: note_id pitch start duration velocity mute probability vdev release


@pytest.fixture(scope="module")
def pair():
    with running_sim(rich_set()) as pair:
        yield pair


@pytest.fixture
def client(pair):
    osc = pair[1]
    osc.drain()
    yield osc
    assert osc.errors() == []


@pytest.fixture
def clip(client):
    """An empty 8-beat MIDI clip at track 0, slot 3, deleted afterwards."""
    client.send("/live/clip_slot/create_clip", 0, 3, 8.0)
    client.sync()
    yield (0, 3)
    client.send("/live/clip_slot/delete_clip", 0, 3)
    client.sync()


def rows(reply, size=NOTE):
    body = reply[2:]
    assert len(body) % size == 0, reply
    return [tuple(body[i:i + size]) for i in range(0, len(body), size)]


def add(client, clip, *notes):
    args = [value for note in notes for value in note]
    return client.query("/live/clip/add/notes_extended", *(clip + tuple(args)))[2:]


def test_add_notes_extended_replies_ids_and_get_returns_every_field(client, clip):
    ids = add(client, clip, (60, 0.0, 1.0, 100, False, 0.5, 10.0, 70.0), (64, 1.0, 0.5, 90, True, 1.0, 0.0, 64.0))
    assert len(ids) == 2 and ids[0] != ids[1]
    notes = rows(client.query("/live/clip/get/notes_extended", *clip))
    assert notes == [(ids[0], 60, 0.0, 1.0, 100.0, False, 0.5, 10.0, 70.0),
                     (ids[1], 64, 1.0, 0.5, 90.0, True, 1.0, 0.0, 64.0)]
    # A range pages the notes, as upstream's get/notes does.
    assert [n[1] for n in rows(client.query("/live/clip/get/notes_extended", *(clip + (62, 10, 0.0, 8.0))))] == [64]
    assert rows(client.query("/live/clip/get/all_notes", *clip)) == notes


def test_add_notes_extended_takes_groups_of_8(client, clip):
    client.send("/live/clip/add/notes_extended", *(clip + (60, 0.0, 1.0, 100, False)))
    error = client.expect_error("groups of 8", address="/live/clip/add/notes_extended")
    assert "pitch start_time duration velocity mute probability velocity_deviation release_velocity" in error[0]
    assert client.query("/live/clip/get/notes_extended", *clip) == clip


def test_upstream_notes_addresses_keep_their_shapes(client, clip):
    client.send("/live/clip/add/notes", *(clip + (60, 0.0, 1.0, 100, False, 62, 1.0, 0.5, 80, True)))
    assert client.query("/live/clip/get/notes", *clip) == clip + (60, 0.0, 1.0, 100.0, False,
                                                                   62, 1.0, 0.5, 80.0, True)
    ids = [n[0] for n in rows(client.query("/live/clip/get/notes_extended", *clip))]
    # Upstream's remove_notes_by_id works with the ids notes_extended reports.
    client.send("/live/clip/remove_notes_by_id", *(clip + (ids[0],)))
    assert client.query("/live/clip/get/notes", *clip) == clip + (62, 1.0, 0.5, 80.0, True)
    client.send("/live/clip/remove/notes", *clip)
    assert client.query("/live/clip/get/notes", *clip) == clip


def test_notes_by_id_and_unknown_ids(client, clip):
    ids = add(client, clip, (60, 0.0, 1.0, 100, False, 1.0, 0.0, 64.0), (61, 2.0, 1.0, 100, False, 1.0, 0.0, 64.0))
    got = rows(client.query("/live/clip/get/notes_by_id", *(clip + (ids[1],))))
    assert [n[0] for n in got] == [ids[1]]
    client.send("/live/clip/get/notes_by_id", *(clip + (ids[0], 9999)))
    assert "9999" in client.expect_error("No note with id", address="/live/clip/get/notes_by_id")[0]


def test_apply_note_modifications_changes_notes_by_id(client, clip):
    ids = add(client, clip, (60, 0.0, 1.0, 100, False, 1.0, 0.0, 64.0), (62, 1.0, 1.0, 100, False, 1.0, 0.0, 64.0))
    client.send("/live/clip/apply_note_modifications", *(clip + (ids[1], 65, 2.0, 0.25, 50, True, 0.25, 5.0, 20.0)))
    notes = rows(client.query("/live/clip/get/notes_extended", *clip))
    assert (ids[1], 65, 2.0, 0.25, 50.0, True, 0.25, 5.0, 20.0) in notes
    assert notes[0][:3] == (ids[0], 60, 0.0)
    # An unknown id is an error and changes nothing.
    client.send("/live/clip/apply_note_modifications", *(clip + (ids[0], 70, 0.0, 1.0, 1, False, 1.0, 0.0, 64.0,
                                                                 4242, 70, 0.0, 1.0, 1, False, 1.0, 0.0, 64.0)))
    assert "4242" in client.expect_error("No note with id", address="/live/clip/apply_note_modifications")[0]
    assert rows(client.query("/live/clip/get/notes_extended", *clip)) == notes
    client.send("/live/clip/apply_note_modifications", *(clip + (ids[0], 60)))
    client.expect_error("groups of 9", address="/live/clip/apply_note_modifications")


def test_selection_by_id(client, clip):
    ids = add(client, clip, *[(60 + i, float(i), 1.0, 100, False, 1.0, 0.0, 64.0) for i in range(3)])
    assert client.query("/live/clip/get/selected_notes", *clip) == clip
    client.send("/live/clip/select_notes_by_id", *(clip + (ids[0], ids[2])))
    assert [n[0] for n in rows(client.query("/live/clip/get/selected_notes", *clip))] == [ids[0], ids[2]]
    client.send("/live/clip/deselect_notes_by_id", *(clip + (ids[0],)))
    assert [n[0] for n in rows(client.query("/live/clip/get/selected_notes", *clip))] == [ids[2]]
    client.send("/live/clip/select_all_notes", *clip)
    assert len(rows(client.query("/live/clip/get/selected_notes", *clip))) == 3
    client.send("/live/clip/deselect_all_notes", *clip)
    assert client.query("/live/clip/get/selected_notes", *clip) == clip


def test_duplicate_notes_by_id_replies_new_ids(client, clip):
    ids = add(client, clip, (60, 0.0, 1.0, 100, False, 1.0, 0.0, 64.0), (64, 0.5, 1.0, 90, False, 1.0, 0.0, 64.0))
    new = client.query("/live/clip/duplicate_notes_by_id", *(clip + (4.0, 12) + tuple(ids)))[2:]
    assert len(new) == 2 and not set(new) & set(ids)
    got = rows(client.query("/live/clip/get/notes_by_id", *(clip + tuple(new))))
    assert sorted((n[1], n[2]) for n in got) == [(72, 4.0), (76, 4.5)]


def test_notes_listener_sends_the_count_on_change(client, clip):
    client.send("/live/clip/start_listen/notes", *clip)
    assert client.wait_for("/live/clip/get/notes_changed") == clip + (0,)
    add(client, clip, (60, 0.0, 1.0, 100, False, 1.0, 0.0, 64.0))
    assert client.wait_for("/live/clip/get/notes_changed") == clip + (1,)
    client.send("/live/clip/stop_listen/notes", *clip)
    client.send("/live/clip/remove/notes", *clip)
    client.assert_nothing("/live/clip/get/notes_changed")


def test_arrangement_clips_have_both_notes_families(client):
    ref = (0, 0)  # arrangement clip A1 of track 0
    client.send("/live/arrangement_clip/add/notes", *(ref + (48, 0.0, 1.0, 100, False)))
    assert client.query("/live/arrangement_clip/get/notes", *ref) == ref + (48, 0.0, 1.0, 100.0, False)
    ids = client.query("/live/arrangement_clip/add/notes_extended", *(ref + (50, 2.0, 1.0, 90, False, 1.0, 0.0, 64.0)))
    notes = rows(client.query("/live/arrangement_clip/get/notes_extended", *ref))
    assert [n[1] for n in notes] == [48, 50] and notes[1][0] == ids[2]
    client.send("/live/arrangement_clip/remove_notes_by_id", *(ref + (ids[2],)))
    client.send("/live/arrangement_clip/remove/notes", *ref)
    assert client.query("/live/arrangement_clip/get/notes_extended", *ref) == ref


def test_a_reply_too_large_for_one_datagram_is_an_error_and_ranges_page_it(client, clip):
    notes = [(36 + i % 60, (i // 60) * 0.25, 0.25, 100, False, 1.0, 0.0, 64.0) for i in range(1600)]
    for start in range(0, len(notes), 200):
        add(client, clip, *notes[start:start + 200])
    client.send("/live/clip/get/notes_extended", *clip)
    client.expect_error("too large", address="/live/clip/get/notes_extended")
    total = 0
    for pitch in range(0, 128, 16):
        total += len(rows(client.query("/live/clip/get/notes_extended", *(clip + (pitch, 16, -8192.0, 16384.0)))))
    assert total == 1600


def test_audio_clips_answer_lives_error(client):
    client.send("/live/clip/get/notes_extended", 1, 0)
    client.expect_error("only available for MIDI", address="/live/clip/get/notes_extended")


def test_live_11_0_lacks_note_ids_on_add():
    with running_sim(rich_set(), live_version="11.0") as (sim, client):
        client.send("/live/clip/add/notes_extended", 0, 0, 60, 0.0, 1.0, 100, False, 1.0, 0.0, 64.0)
        error = client.expect_error("11.1", address="/live/clip/add/notes_extended")
        assert "11.0" in error[0]
        # Nothing was added; reading with ids works in 11.0.
        reply = client.query("/live/clip/get/notes_extended", 0, 0)
        assert len(rows(reply)) == 3
        client.send("/live/clip/duplicate_notes_by_id", 0, 0, 4.0, 0, reply[2])
        client.expect_error("11.2", address="/live/clip/duplicate_notes_by_id")
        assert client.errors() == []


def test_notes_changed_is_a_property_triple_and_one_subscription_with_notes(client, clip):
    assert client.query("/live/clip/get/notes_changed", *clip) == clip + (0,)
    client.send("/live/clip/start_listen/notes_changed", *clip)
    assert client.wait_for("/live/clip/get/notes_changed") == clip + (0,)
    client.send("/live/clip/start_listen/notes", *clip)  # the same subscription: no second update per change
    assert client.wait_for("/live/clip/get/notes_changed") == clip + (0,)
    add(client, clip, (60, 0.0, 1.0, 100, False, 1.0, 0.0, 64.0))
    assert client.take_all("/live/clip/get/notes_changed") == [clip + (1,)]
    client.send("/live/clip/stop_listen/notes", *clip)
    client.send("/live/clip/remove/notes", *clip)
    client.assert_nothing("/live/clip/get/notes_changed")
