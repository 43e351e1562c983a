"""Output meters: what the meters of tracks, returns and the main track show for what plays.

livesim has no audio, so each meter follows a deterministic envelope of what the track plays:
a MIDI clip sounds its notes (velocity, a peak at each note start that settles to a sustain),
an audio clip a pulse on every beat over its length (scaled by the clip's gain). Then the mixer
acts as in Live: the track's activator, mute and solo, its volume (Live's fader curve, 0.85 =
0 dB), its pan (balance: panning left lowers the right channel), and its output routing: into
its group, the main track, "Sends Only" or nowhere; sends feed the return tracks. Signals add as
uncorrelated audio does (square root of the sum of squares). Values are peak levels 0.0-1.0.

Meters move once per display frame (``Engine`` calls ``Meters.frame``); when a level drops it
falls with a release of ``RELEASE`` seconds and reaches 0 within a few frames of silence. Each
meter notifies its listeners only when its value changes.
"""
import math

from Live._lom import notify
from Live._device_parameter_model import volume_db

#: Seconds for a falling meter to lose 63% of its level.
RELEASE = 0.03
#: Below this a falling meter shows 0 (-46 dB).
FLOOR = 0.005
#: A note's level settles from its velocity to this share of it.
SUSTAIN = 0.35
#: How fast a note's peak settles (per beat).
NOTE_DECAY = 3.0
_NAMES = ("output_meter_level", "output_meter_left", "output_meter_right")
_SILENT = (0.0, 0.0, 0.0)


def gain(db):
    """Linear amplitude of a level in dB (None: -inf)."""
    return 0.0 if db is None else 10.0 ** (db / 20.0)


def clip_gain_db(g):
    """Live's audio-clip gain curve: 0.4 -> 0 dB, 1.0 -> +24 dB, 0.0 -> -inf."""
    if g <= 0.0:
        return None
    return 40.0 * (g - 0.4) if g >= 0.1 else -12.0 + 20.0 * math.log10(g / 0.1)


def midi_level(clip, position):
    """The level of a MIDI clip's notes sounding at ``position`` (beats)."""
    power = 0.0
    for note in clip.notes:
        start = note.start_time
        if start <= position < start + note.duration and not note.mute:
            a = note.velocity / 127.0 * (SUSTAIN + (1.0 - SUSTAIN) * math.exp(-NOTE_DECAY * (position - start)))
            power += a * a
    return min(1.0, math.sqrt(power))


def audio_level(clip, position):
    """The level of an audio clip at ``position``: a pulse on each beat, scaled by the clip gain."""
    beat = position - math.floor(position)
    return min(1.0, gain(clip_gain_db(clip.gain)) * (0.45 + 0.35 * math.exp(-4.0 * beat)))


def arrangement_position(track, time):
    """The arrangement clip of ``track`` under song time ``time`` and the position in it, or None."""
    for clip in track.arrangement_clips:
        offset = time - clip.start_time
        if 0.0 <= offset < clip.length:
            if clip.looping:
                pos = clip.start_marker + offset
                if pos >= clip.loop_end and clip.loop_end > clip.loop_start:
                    pos = clip.loop_start + (pos - clip.loop_start) % (clip.loop_end - clip.loop_start)
                return clip, pos
            return clip, clip.start_marker + offset
    return None


class Meters(object):
    """The meter values of every track of a world, moved once per display frame.

    Each track node shows its meter in ``meter_level``, ``meter_left`` and ``meter_right`` (what
    Live.Track's output_meter properties read: one attribute, as cheap as Live's own call).
    """

    def __init__(self, engine):
        self.engine = engine
        self.values = {}      # track node -> (level, left, right); absent: silent

    def value(self, track, channel=0):
        """The meter of ``track``: 0 level, 1 left, 2 right."""
        return (track.meter_level, track.meter_left, track.meter_right)[channel]

    def frame(self, dt):
        """Move every meter to what plays now, falling by the release over ``dt`` seconds."""
        song = self.engine.song
        targets = self._targets(song) if song.is_playing else {}
        if not targets and not self.values:
            return
        fall = math.exp(-dt / RELEASE) if dt > 0 else 1.0
        changed = []
        values = self.values
        for track in set(values) | set(targets):
            old = values.get(track, _SILENT)
            want = targets.get(track, _SILENT)
            new = tuple(_fallen(o, w, fall) for o, w in zip(old, want))
            if new != old:
                changed.append((track, old, new))
                if new == _SILENT:
                    del values[track]
                else:
                    values[track] = new
                track.meter_level, track.meter_left, track.meter_right = new
        for track, old, new in changed:
            if track.dead:
                self.values.pop(track, None)
                continue
            for name, a, b in zip(_NAMES, old, new):
                if a != b:
                    notify(track, name)

    def forget(self, track):
        """Drop a deleted track's meter (silently: its listeners are gone)."""
        self.values.pop(track, None)
        track.meter_level = track.meter_left = track.meter_right = 0.0

    # -- what plays
    def _source(self, track, song):
        engine = self.engine
        clip = engine.playing.get(track)
        if clip is not None:
            pos = clip.playing_position
        else:
            found = arrangement_position(track, song.current_song_time) if track.arrangement_clips else None
            if found is None:
                return 0.0
            clip, pos = found
        if clip.muted:
            return 0.0
        return audio_level(clip, pos) if clip.is_audio else midi_level(clip, pos)

    def _targets(self, song):
        """(level, left, right) of each track that is not silent, and what reaches the main track."""
        soloing = any(t.solo for t in song.tracks) or any(t.solo for t in song.returns)
        main = [0.0, 0.0]
        sends = [[0.0, 0.0] for _ in song.returns]
        groups = {}
        out = {}
        # Children come after their group in song.tracks: walk backwards so groups have their inputs.
        for track in reversed(song.tracks):
            if track.kind == "group":
                l, r = groups.pop(track, (0.0, 0.0))
                l, r = math.sqrt(l), math.sqrt(r)
            else:
                s = self._source(track, song)
                l = r = s
            if l == 0.0 and r == 0.0:
                continue
            l, r = self._mixer(track, l, r, soloing)
            if l == 0.0 and r == 0.0:
                continue
            if track.kind == "midi" and not track.has_instrument():
                out[track] = (round(max(l, r), 4), 0.0, 0.0)     # MIDI activity: no audio leaves the track
                continue
            out[track] = _meter(l, r)
            self._route(track, l, r, main, groups, sends)
        for i, ret in enumerate(song.returns):
            l, r = math.sqrt(sends[i][0]), math.sqrt(sends[i][1])
            if l == 0.0 and r == 0.0:
                continue
            l, r = self._mixer(ret, l, r, soloing)
            if l or r:
                out[ret] = _meter(l, r)
                if ret.out_type is not None and ret.out_type._category == 3:
                    main[0] += l * l
                    main[1] += r * r
        master = song.master
        l, r = self._mixer(master, math.sqrt(main[0]), math.sqrt(main[1]), False)
        if l or r:
            out[master] = _meter(l, r)
        return out

    def _mixer(self, track, l, r, soloing):
        """Post-fader left/right of ``track`` for input levels ``l``, ``r``."""
        mixer = track.mixer
        if track.kind != "main":
            if track.mute or mixer.track_activator.value < 0.5:
                return 0.0, 0.0
            if soloing:
                from Live._track_model import is_muted_via_solo
                if is_muted_via_solo(track):
                    return 0.0, 0.0
        g = gain(volume_db(mixer.volume.value))
        pan = mixer.panning.value
        return l * g * min(1.0, 1.0 - pan), r * g * min(1.0, 1.0 + pan)

    @staticmethod
    def _route(track, l, r, main, groups, sends):
        out = track.out_type
        category = None if out is None else out._category
        if category == 5 and track.group is not None:
            acc = groups.setdefault(track.group, [0.0, 0.0])
            acc[0] += l * l
            acc[1] += r * r
        elif category == 3:
            main[0] += l * l
            main[1] += r * r
        for i, send in enumerate(track.mixer.sends[:len(sends)]):
            g = gain(volume_db(send.value * 0.85))
            if g:
                sends[i][0] += (l * g) ** 2
                sends[i][1] += (r * g) ** 2


def _meter(l, r):
    left, right = round(min(1.0, l), 4), round(min(1.0, r), 4)
    return max(left, right), left, right


def _fallen(old, want, fall):
    """A meter rises at once and falls with the release; below FLOOR it shows 0."""
    if want >= old:
        return want
    v = max(want, round(old * fall, 4))
    return 0.0 if v < FLOOR else v
