"""livesim refuses values Live cannot hold, as Live does: 64-bit ints, floats beyond 32 bits, enum values outside their enum."""
import pytest


@pytest.mark.parametrize("value", [1e39, -1e39, float("nan"), float("inf")])
def test_floats_live_cannot_hold_are_refused(song, value):
    before = song.loop_length
    with pytest.raises(RuntimeError, match="Invalid value"):
        song.loop_length = value
    assert song.loop_length == before


def test_ints_beyond_32_bits_are_refused_as_boost_python_does(song):
    track = song.tracks[0]
    before = track.color
    with pytest.raises(OverflowError, match="bad numeric conversion: positive overflow"):
        track.color = 2 ** 40
    with pytest.raises(OverflowError, match="negative overflow"):
        track.color = -2 ** 40
    assert track.color == before


@pytest.mark.parametrize("value", [14, -1, 99])
def test_enum_values_outside_their_enum_are_refused(song, value):
    before = song.clip_trigger_quantization
    with pytest.raises(RuntimeError, match="Invalid value"):
        song.clip_trigger_quantization = value
    assert song.clip_trigger_quantization == before
    song.clip_trigger_quantization = 13  # the last member is fine
    assert song.clip_trigger_quantization == 13


def test_mixer_enums_are_checked_too(song):
    mixer = song.tracks[0].mixer_device
    with pytest.raises(RuntimeError):
        mixer.crossfade_assign = 3
    mixer.crossfade_assign = 2
    assert mixer.crossfade_assign == 2
