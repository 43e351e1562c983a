"""The transport engine: song time, quantized clip launches and stops, clip playback, session recording.

Song time is in beats (quarter notes) and advances by ``tempo / 60`` beats per second of engine
time while the transport runs.  ``World.advance`` feeds engine time in steps of at most
``STEP`` seconds; launches and stops wait for the next boundary of their quantization grid,
counted from song time 0.  All changes go through the model's ``set_value``/``notify`` so
listeners fire exactly as for script-initiated changes.
"""
import heapq
import itertools
import math

from Live._lom import notify, set_value
from Live._clip_model import ClipNode

from livesim.meters import Meters

STEP = 0.01
#: Display frames per second: meters, song time and clip positions notify once per frame.
DISPLAY_RATE = 30.0
_EPS = 1e-9
# Song.Quantization value -> grid in bars (negative: in beats)
_SONG_GRID = {0: 0.0, 1: 8.0, 2: 4.0, 3: 2.0, 4: 1.0, 5: -2.0, 6: -4.0 / 3, 7: -1.0, 8: -2.0 / 3, 9: -0.5,
              10: -1.0 / 3, 11: -0.25, 12: -1.0 / 6, 13: -0.125}


class _Event(object):
    __slots__ = ("time", "seq", "kind", "track", "slot", "clip", "scene", "record_length", "live", "legato")

    def __lt__(self, other):
        return (self.time, self.seq) < (other.time, other.seq)


class Engine(object):
    """Drives everything that changes with time."""

    def __init__(self, world):
        self.world = world
        self.seconds = 0.0
        self.events = []
        self.pending = {}            # track node -> its pending _Event
        self.playing = {}            # track node -> clip node
        self.record_limit = {}       # recording clip node -> beats to record (None: until stopped)
        self.started_now = set()
        self.cue_flags = None
        self._seq = itertools.count()
        self.tickers = set()         # f(seconds) called every display frame, playing or not (Looper)
        self.meters = Meters(self)
        self.last_frame = 0.0        # engine seconds of the last display frame
        self.shown_time = None       # current_song_time as last notified
        self.shown_pos = {}          # playing clip node -> playing_position as last notified

    @property
    def song(self):
        return self.world.song_node

    # -- time
    def advance(self, seconds, frame_at_end=False):
        """Run the engine for ``seconds`` of engine time in steps of at most STEP.

        Display frames come on a grid of 1/display_rate seconds of engine time (steps end on
        it); with ``frame_at_end`` one more comes at the end of the call if it ended between
        frames, so a stepped caller sees every value as of the time it advanced to.
        """
        end = round(self.seconds + seconds, 9)
        while end - self.seconds > _EPS:
            dt = min(STEP, end - self.seconds)
            to_frame = self.next_frame() - self.seconds
            if to_frame > 1e-7:
                dt = min(dt, to_frame)
            self.step(dt)
        if frame_at_end and self.seconds > self.last_frame:
            self.display_frame()

    def next_frame(self):
        """Engine seconds of the next display frame on the grid."""
        rate = self.world.display_rate
        return (math.floor(self.last_frame * rate + 1e-6) + 1) / rate

    def step(self, dt):
        """One engine step of ``dt`` seconds (a display frame when one is due)."""
        self.seconds = round(self.seconds + dt, 9)
        if self.song.is_playing:
            self._play(dt)
        if self.seconds >= self.next_frame() - 1e-7:
            self.display_frame()

    def display_frame(self):
        """What the display shows moves: song time, clip positions and meters notify if they changed."""
        dt = self.seconds - self.last_frame
        self.last_frame = self.seconds
        for tick in list(self.tickers):
            tick(dt)
        song = self.song
        if song.current_song_time != self.shown_time:
            self.shown_time = song.current_song_time
            notify(song, "current_song_time")
        shown = self.shown_pos
        for clip in list(self.playing.values()):
            if not clip.dead and shown.get(clip) != clip.playing_position:
                shown[clip] = clip.playing_position
                notify(clip, "playing_position")
        self.meters.frame(dt)

    def _play(self, dt):
        song = self.song
        t0 = song.current_song_time
        db = dt * song.tempo / 60.0
        t1 = round(t0 + db, 9)
        self.started_now = set()
        while self.events and self.events[0].time <= t1 + _EPS:
            ev = heapq.heappop(self.events)
            if not ev.live:
                continue
            if self.pending.get(ev.track) is ev:
                del self.pending[ev.track]
            self._apply(ev, t1 - ev.time)
            if ev.scene is not None and not any(e.scene is ev.scene for e in self.pending.values()):
                set_value(ev.scene, "is_triggered", False, undo=False)
        for track, clip in list(self.playing.items()):
            if clip not in self.started_now:
                self._advance_clip(track, clip, db)
        if song.loop:
            end = song.loop_start + song.loop_length
            if t0 < end <= t1 + _EPS:
                t1 = round(song.loop_start + (t1 - end), 9)
        song.current_song_time = t1       # notified by the next display frame
        if song.cue_points:
            self._cue_flags()

    def _cue_flags(self):
        """Notify can_jump_to_next/prev_cue when the play position crosses a cue point."""
        song = self.song
        t = song.current_song_time
        flags = (any(c.time > t + _EPS for c in song.cue_points), any(c.time < t - _EPS for c in song.cue_points))
        old, self.cue_flags = self.cue_flags, flags
        if old is not None and flags[0] != old[0]:
            notify(song, "can_jump_to_next_cue")
        if old is not None and flags[1] != old[1]:
            notify(song, "can_jump_to_prev_cue")

    def song_seconds(self):
        """The play position in seconds at the current tempo."""
        return self.song.current_song_time * 60.0 / self.song.tempo

    # -- quantization
    def grid(self, song_q):
        """Grid length in beats of a Song.Quantization value (0: immediate)."""
        g = _SONG_GRID.get(int(song_q), 0.0)
        return g * self.song.bar_beats() if g > 0 else -g

    def clip_grid(self, clip, override=None):
        if override is not None:
            return self.grid(override)
        q = int(clip.launch_quantization) if clip is not None else 0
        if q == 0:
            return self.grid(self.song.clip_trigger_quantization)
        if q == 1:
            return 0.0
        return self.grid(q - 1)

    def boundary(self, grid):
        t = self.song.current_song_time
        if grid <= 0:
            return t
        n = math.ceil(t / grid - _EPS)
        return n * grid

    # -- transport
    def start(self, from_start):
        """Start (from the start marker) or continue the transport."""
        song = self.song
        if from_start and song.current_song_time != song.start_time:
            self.jump_to(song.start_time)
        set_value(song, "is_playing", True, undo=False)

    def stop(self):
        """Stop the transport: clips stop, the position stays."""
        song = self.song
        for track in list(self.pending):
            self._cancel(track)
        for track in list(self.playing):
            self._stop_now(track)
        for sc in song.scenes:
            set_value(sc, "is_triggered", False, undo=False)
        set_value(song, "is_playing", False, undo=False)

    def jump_to(self, t):
        """Move the play position (notifies current_song_time)."""
        song = self.song
        song.current_song_time = self.shown_time = float(t)
        notify(song, "current_song_time")
        if song.cue_points:
            self._cue_flags()
        if not song.is_playing and self.world.version < (11, 2, 0):
            # before Live 11.2 there is no separate start marker: a stopped jump sets where play starts
            song.start_time = float(t)

    # -- launching
    def fire_clip(self, clip):
        if clip.arrangement:
            return
        self.fire_slot(clip.parent)

    def fire_slot(self, slot, quantization=None, record_length=None, legato=False, scene=None):
        """Launch a slot: its clip, a recording on an armed track, or its stop button."""
        track = slot.parent
        if track.kind == "group":
            i = slot.index()
            for t in self.song.tracks:
                if self.song.is_inside(t, track) and t.kind != "group":
                    self.fire_slot(t.slots[i], quantization, None, legato, scene)
            return
        if slot.clip is not None:
            if int(slot.clip.launch_mode) == 2 and self.playing.get(track) is slot.clip:
                self.stop_track(track, quantized=True, scene=scene)    # toggle mode: a second press stops
                return
            kind = "start"
        elif track.arm and track.kind in ("midi", "audio"):
            kind = "record"
        elif slot.has_stop_button:
            self.stop_track(track, quantized=True, scene=scene)
            return
        else:
            return
        grid = 0.0 if legato else self.clip_grid(slot.clip, quantization)
        song = self.song
        ev = self._event(kind, track, slot, slot.clip, scene, record_length)
        ev.legato = legato or (slot.clip is not None and slot.clip.legato)
        if not song.is_playing:
            self.start(from_start=True)
            ev.time = song.current_song_time
            self._apply(ev, 0.0)
            return
        ev.time = self.boundary(grid)
        if grid <= 0 or ev.time <= song.current_song_time + _EPS:
            ev.time = song.current_song_time
            self._cancel(track)
            self._apply(ev, 0.0)
            return
        self._schedule(ev)
        if slot.clip is not None:
            set_value(slot.clip, "is_triggered", True, undo=False)
            notify(slot.clip, "playing_status")
        set_value(slot, "is_triggered", True, undo=False)
        set_value(track, "fired_slot_index", track.slots.index(slot), undo=False)

    def fire_scene(self, scene, legato=False, select=True):
        """Launch every slot of a scene, apply its tempo/signature and select it."""
        song = self.song
        if scene.tempo_enabled:
            from Live._song_model import set_tempo
            set_tempo(song, scene.tempo_value)
        if scene.time_signature_enabled:
            set_value(song, "signature_numerator", scene.sig_num)
            set_value(song, "signature_denominator", scene.sig_den)
        set_value(scene, "is_triggered", True, undo=False)
        i = song.scenes.index(scene)
        for t in song.tracks:
            if t.kind != "group":
                self.fire_slot(t.slots[i], legato=legato, scene=scene)
        if not any(e.scene is scene for e in self.pending.values()):
            set_value(scene, "is_triggered", False, undo=False)
        if select:
            song.view.select("selected_scene", scene)

    def session_record(self, record_length):
        """Record into the selected scene's empty slots of armed tracks."""
        song = self.song
        i = song.scenes.index(song.view.selected_scene)
        for t in song.tracks:
            if t.kind in ("midi", "audio") and t.arm and t.slots[i].clip is None:
                self.fire_slot(t.slots[i], record_length=record_length)

    # -- stopping
    def stop_track(self, track, quantized=True, scene=None):
        """Stop a track's clip (at the next boundary when quantized and running)."""
        if track.kind == "group":
            for t in self.song.tracks:
                if self.song.is_inside(t, track) and t.kind != "group":
                    self.stop_track(t, quantized, scene)
            return
        if track.kind not in ("midi", "audio"):
            return
        if track not in self.playing:
            self._cancel(track)
            return
        grid = self.grid(self.song.clip_trigger_quantization) if quantized else 0.0
        if not self.song.is_playing or grid <= 0:
            self._cancel(track)
            self._stop_now(track)
            return
        ev = self._event("stop", track, None, None, scene, None)
        ev.time = self.boundary(grid)
        self._schedule(ev)
        set_value(track, "fired_slot_index", -2, undo=False)

    def stop_clip(self, clip, quantized=True):
        if clip.arrangement:
            return
        track = clip.parent.parent
        if self.playing.get(track) is clip:
            self.stop_track(track, quantized)
        elif clip.is_triggered:
            self._cancel(track)

    def move_clip(self, clip, beats):
        """Shift a playing clip's position, wrapping inside its loop."""
        if not clip.is_playing:
            return
        pos = clip.playing_position + beats
        if clip.looping and clip.loop_end > clip.loop_start:
            length = clip.loop_end - clip.loop_start
            if pos >= clip.loop_end or pos < clip.loop_start:
                pos = clip.loop_start + (pos - clip.loop_start) % length
        set_value(clip, "playing_position", max(0.0, pos), undo=False)
        self.shown_pos[clip] = clip.playing_position

    def forget_clip(self, clip):
        """Drop a clip that is being deleted from playback and pending launches."""
        for track, c in list(self.playing.items()):
            if c is clip:
                self._stop_now(track)
        for track, ev in list(self.pending.items()):
            if ev.clip is clip:
                self._cancel(track)
        self.record_limit.pop(clip, None)

    def forget_track(self, track):
        """Drop a track that is being deleted."""
        self._cancel(track)
        if track in self.playing:
            self._stop_now(track)
        self.meters.forget(track)

    def meter(self, track, channel=0):
        """The output meter of ``track`` as of the last display frame: 0 level, 1 left, 2 right."""
        return self.meters.value(track, channel)

    # -- internals
    def _event(self, kind, track, slot, clip, scene, record_length):
        ev = _Event()
        ev.seq = next(self._seq)
        ev.kind, ev.track, ev.slot, ev.clip, ev.scene, ev.record_length = kind, track, slot, clip, scene, \
            record_length
        ev.live = True
        ev.legato = False
        ev.time = 0.0
        return ev

    def _schedule(self, ev):
        self._cancel(ev.track, reset_index=False)    # the caller sets the new fired_slot_index
        self.pending[ev.track] = ev
        heapq.heappush(self.events, ev)

    def _cancel(self, track, reset_index=True):
        ev = self.pending.pop(track, None)
        if ev is None:
            return
        ev.live = False
        if ev.clip is not None and not ev.clip.dead:
            set_value(ev.clip, "is_triggered", False, undo=False)
            notify(ev.clip, "playing_status")
        if ev.slot is not None and not ev.slot.dead:
            set_value(ev.slot, "is_triggered", False, undo=False)
        if reset_index and not track.dead:
            set_value(track, "fired_slot_index", -1, undo=False)

    def _apply(self, ev, offset):
        if ev.kind == "stop":
            self._stop_now(ev.track)
            return
        slot = ev.slot
        if slot.dead:
            return
        clip = ev.clip
        if ev.kind == "record":
            if slot.clip is not None:
                return
            track = slot.parent
            clip = ClipNode(self.world, slot, is_audio=track.kind == "audio", length=1.0)
            clip.looping = False
            clip.loop_end = clip.end_marker = max(offset, 1e-3)
            clip.is_recording = True
            if clip.is_audio:
                clip.file_path = ""
            slot.put_clip(clip, "Record")
            self.record_limit[clip] = ev.record_length
            set_value(self.song, "session_record_status", self._status(1), undo=False)
        if clip is None or clip.dead:
            return
        follow = None
        if ev.legato and ev.kind == "start":
            old = self.playing.get(ev.track)
            if old is not None and old is not clip:
                follow = old.playing_position + offset     # legato: keep the playing clip's position
        self._start_now(ev.track, slot, clip, ev.time, offset, recording=ev.kind == "record", at_pos=follow)

    @staticmethod
    def _status(v):
        from Live._song_model import SessionRecordStatus
        return SessionRecordStatus.values[v]

    def _start_now(self, track, slot, clip, at, offset, recording=False, at_pos=None):
        old = self.playing.get(track)
        if old is not None and old is not clip:
            self._halt_clip(old)
        self.playing[track] = clip
        self.started_now.add(clip)
        clip.start_time = at
        set_value(clip, "is_triggered", False, undo=False)
        set_value(slot, "is_triggered", False, undo=False)
        if recording:
            pos = offset
        else:
            pos = clip.start_marker + offset if at_pos is None else at_pos
            if clip.looping and pos >= clip.loop_end and clip.loop_end > clip.loop_start:
                pos = clip.loop_start + (pos - clip.loop_start) % (clip.loop_end - clip.loop_start)
        was_playing = clip.is_playing
        clip.is_playing = True
        set_value(clip, "playing_position", pos, undo=False)
        self.shown_pos[clip] = pos
        if not was_playing or old is not clip:
            notify(clip, "playing_status")
        if recording:
            notify(clip, "is_recording")
        set_value(track, "playing_slot_index", track.slots.index(slot), undo=False)
        set_value(track, "fired_slot_index", -1, undo=False)
        self._group_status(slot)

    def _group_status(self, slot):
        for g in slot.group_slots():
            notify(g, "playing_status")

    def _halt_clip(self, clip):
        if clip.is_recording:
            self._finish_recording(clip)
        clip.is_playing = False
        set_value(clip, "playing_position", 0.0, undo=False)
        self.shown_pos.pop(clip, None)
        notify(clip, "playing_status")

    def _stop_now(self, track):
        clip = self.playing.pop(track, None)
        if clip is not None and not clip.dead:
            self._halt_clip(clip)
            if clip.parent is not None:
                self._group_status(clip.parent)
        if not track.dead:
            set_value(track, "playing_slot_index", -1, undo=False)
            set_value(track, "fired_slot_index", -1, undo=False)

    def _finish_recording(self, clip):
        length = max(1.0, math.ceil(clip.end_marker - _EPS))
        clip.loop_start = clip.start_marker = 0.0
        clip.loop_end = clip.end_marker = float(length)
        clip.looping = True
        clip.is_recording = False
        self.record_limit.pop(clip, None)
        for name in ("loop_end", "end_marker", "looping", "is_recording"):
            notify(clip, name)
        if not any(c.is_recording for c in self.playing.values()):
            set_value(self.song, "session_record_status", self._status(0), undo=False)

    def _advance_clip(self, track, clip, db):
        if clip.is_recording:
            pos = round(clip.playing_position + db, 9)
            limit = self.record_limit.get(clip)
            clip.loop_end = clip.end_marker = pos
            notify(clip, "end_marker")
            if limit is not None and pos >= limit - _EPS:
                clip.end_marker = limit
                self._finish_recording(clip)
                pos = pos - limit
            clip.playing_position = pos       # notified by the next display frame
            return
        pos = round(clip.playing_position + db, 9)
        if clip.looping:
            if pos >= clip.loop_end - _EPS and clip.loop_end > clip.loop_start:
                length = clip.loop_end - clip.loop_start
                pos = round(clip.loop_start + (pos - clip.loop_end) % length, 9)
                notify(clip, "loop_jump")
        elif pos >= clip.end_marker - _EPS:
            self._stop_now(track)
            return
        clip.playing_position = pos           # notified by the next display frame
