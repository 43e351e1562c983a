"""Meters, song time and clip positions move once per display frame, as Live's display does."""
import pytest

from livesim.world import World

FRAME = 1.0 / 30

INSTRUMENT = [{"class_name": "InstrumentVector", "type": "instrument"}]
NOTES = [[60, 0.0, 1.0, 100, False], [64, 1.0, 2.0, 80, False], [67, 3.0, 1.0, 127, True]]


def make(tracks, returns=None, display_rate=30.0):
    data = {"tracks": tracks, "scenes": [{}]}
    if returns is not None:
        data["returns"] = returns
    w = World(set_data=data, virtual_clock=True, display_rate=display_rate)
    w.activate()
    return w


def synth(**extra):
    track = {"type": "midi", "devices": INSTRUMENT, "clips": [{"length": 4.0, "notes": NOTES}]}
    track.update(extra)
    return track


def frames(world, n):
    for _ in range(n):
        world.advance(FRAME)


def test_meters_rise_while_a_clip_plays_and_fall_to_zero_after_stop():
    w = make([synth(), {"type": "audio", "clips": [{"length": 4.0}]}])
    song = w.song
    midi, audio, main = song.tracks[0], song.tracks[1], song.master_track
    assert (midi.output_meter_level, audio.output_meter_level, main.output_meter_level) == (0.0, 0.0, 0.0)
    song.scenes[0].fire()
    frames(w, 3)
    for track in (midi, audio, main):
        assert 0.0 < track.output_meter_level <= 1.0
        assert track.output_meter_level == max(track.output_meter_left, track.output_meter_right)
    song.stop_playing()
    heard = []
    midi.add_output_meter_level_listener(lambda: heard.append(midi.output_meter_level))
    frames(w, 8)
    assert heard == sorted(heard, reverse=True) and heard[-1] == 0.0 and len(heard) <= 6
    assert (midi.output_meter_level, audio.output_meter_level, main.output_meter_level) == (0.0, 0.0, 0.0)


def test_a_midi_meter_follows_the_notes():
    w = make([synth()])
    song, track = w.song, w.song.tracks[0]
    song.tracks[0].clip_slots[0].fire()
    levels = []
    for _ in range(60):                      # two seconds: four beats at 120 BPM
        w.advance(FRAME)
        levels.append(track.output_meter_level)
    # each note peaks at its start and settles; the muted note at beat 3 is silent
    assert levels[0] > levels[13]            # note 1 decays within its beat
    assert levels[15] > levels[13]           # note 2 starts at beat 1 (frame 15)
    assert levels[44] > 0.0 and levels[-1] == 0.0


def test_the_mixer_shapes_the_meters():
    w = make([synth(), synth(), synth(), synth()])
    song = w.song
    a, b, c, d = song.tracks
    b.mixer_device.volume.value = 0.5        # -14 dB
    c.mixer_device.panning.value = -1.0      # hard left
    d.mute = True
    song.scenes[0].fire()
    frames(w, 2)
    assert b.output_meter_level < a.output_meter_level
    assert c.output_meter_right == 0.0 and c.output_meter_left == a.output_meter_left
    assert a.output_meter_left == a.output_meter_right
    assert d.output_meter_level == 0.0
    d.mute = False
    a.solo = True
    frames(w, 8)
    assert a.output_meter_level > 0.0 and b.output_meter_level == 0.0 and d.output_meter_level == 0.0


def test_routing_feeds_groups_returns_and_the_main_track():
    w = make([{"type": "group"}, synth(group=0, sends=[1.0]), synth()], returns=[{"name": "Verb"}])
    song = w.song
    group, inner, outer = song.tracks
    ret, main = song.return_tracks[0], song.master_track
    song.scenes[0].fire()
    frames(w, 2)
    assert group.output_meter_level > 0.0 and ret.output_meter_level > 0.0
    assert main.output_meter_level > outer.output_meter_level
    outer.output_routing_type = [t for t in outer.available_output_routing_types
                                 if t.display_name == "No Output"][0]
    group.mixer_device.track_activator.value = 0.0
    inner.mixer_device.sends[0].value = 0.0
    frames(w, 8)
    assert outer.output_meter_level > 0.0            # the track still shows what it plays
    assert (group.output_meter_level, ret.output_meter_level, main.output_meter_level) == (0.0, 0.0, 0.0)


def test_meter_listeners_fire_only_on_change():
    w = make([synth()])
    track = w.song.tracks[0]
    heard = []
    track.add_output_meter_level_listener(lambda: heard.append(track.output_meter_level))
    frames(w, 10)                             # stopped and silent: nothing changes
    assert heard == []
    w.song.tracks[0].clip_slots[0].fire()
    frames(w, 30)
    assert 0 < len(heard) <= 30
    assert all(x != y for x, y in zip(heard, heard[1:]))


@pytest.mark.parametrize("rate", [30.0, 60.0])
def test_song_time_and_positions_notify_once_per_display_frame(rate):
    w = make([synth()], display_rate=rate)
    song = w.song
    clip = song.tracks[0].clip_slots[0].clip
    times, positions = [], []
    song.add_current_song_time_listener(lambda: times.append(song.current_song_time))
    clip.add_playing_position_listener(lambda: positions.append(clip.playing_position))
    song.tracks[0].clip_slots[0].fire()
    positions[:] = []                         # the launch itself sets the position once
    w.advance(1.0)
    assert len(times) == int(rate) and len(positions) == int(rate)
    assert times[-1] == pytest.approx(2.0) and positions[-1] == pytest.approx(2.0)
    assert times == sorted(times)
    w.advance(0.001)                          # a stepped caller sees the time it advanced to
    assert times[-1] == song.current_song_time
