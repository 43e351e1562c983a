"""Live.Clip: Clip (MIDI and audio), Clip.View, the notes API types, warp markers, enums.

The clips' state and rules are in Live._clip_model; the value classes, enums and vectors Live's
module holds are defined there and shown here.
"""
from Live import _lom, _palette
from Live._lom import event, method, prop, since
from Live._base import _IntU64Vector as IntU64Vector, IntVector, Vector
from Live._envelope import _EnvelopeBase
from Live._envelope_model import AutomationEnvelopeNode
from Live import _clip_model as model
from Live._clip_model import (  # noqa: F401  (the enums, vectors and value classes are Live.Clip's)
    ClipLaunchQuantization, ClipNode, ClipViewNode, GridQuantization, LaunchMode, MidiNote, MidiNoteSpecification,
    MidiNoteVector, WarpMarker, WarpMarkerVector, WarpMode, audio_only, in_range, marker_points, range_setter)


def _note_vector(notes):
    return _lom.vector(MidiNoteVector, notes, None)


class Clip(_lom.LomObject):
    """A MIDI or audio clip in a clip slot or in the arrangement."""

    __slots__ = ()
    canonical_parent = _lom.parent_prop()
    name = prop("str", set=True, observe=True)
    color = prop("int", set=True, observe=True, fset=_palette.set_color)
    color_index = prop("int", set=True, observe=True, fset=_palette.set_color_index)
    muted = prop("bool", set=True, observe=True)
    looping = prop("bool", set=True, observe=True, fset=model.set_looping)
    loop_start = prop("float", set=True, observe=True, fset=model.set_loop_start,
                      get=lambda o: o.loop_start if o.looping else o.start_marker)
    loop_end = prop("float", set=True, observe=True, fset=model.set_loop_end,
                    get=lambda o: o.loop_end if o.looping else o.end_marker)
    start_marker = prop("float", set=True, observe=True, fset=model.set_start_marker)
    end_marker = prop("float", set=True, observe=True, fset=model.set_end_marker)
    position = prop("float", set=True, observe=True, fset=model.set_position, get=lambda o: o.loop_start)
    signature_numerator = prop("int", set=True, observe=True, fset=model.set_signature_numerator)
    signature_denominator = prop("int", set=True, observe=True, fset=model.set_signature_denominator)
    launch_mode = prop(LaunchMode, set=True, observe=True)
    launch_quantization = prop(ClipLaunchQuantization, set=True, observe=True)
    legato = prop("bool", set=True, observe=True)
    velocity_amount = prop("float", set=True, observe=True)
    groove = prop("Groove", set=True, observe=True, get=lambda o: _lom.wrap(o.groove))
    has_groove = prop("bool", get=lambda o: o.groove is not None)
    gain = prop("float", set=True, observe=True, check=audio_only("gain"),
                fset=range_setter("gain", 0.0, 1.0, "Gain"))
    gain_display_string = prop("str", check=audio_only("gain_display_string"),
                               get=lambda o: model.gain_text(o.gain))
    pitch_coarse = prop("int", set=True, observe=True, check=audio_only("pitch_coarse"),
                        fset=range_setter("pitch_coarse", -48, 48, "Pitch"))
    pitch_fine = prop("float", set=True, observe=True, check=audio_only("pitch_fine"),
                      fset=range_setter("pitch_fine", -50.0, 49.0, "Pitch"))
    warping = prop("bool", set=True, observe=True, check=audio_only("warping"), fset=model.set_warping)
    warp_mode = prop(WarpMode, set=True, observe=True, check=audio_only("warp_mode"))
    ram_mode = prop("bool", set=True, observe=True, check=audio_only("ram_mode"))
    available_warp_modes = prop("IntVector", check=audio_only("available_warp_modes"),
                                get=lambda o: _lom.vector(IntVector, [0, 1, 2, 3, 4, 6], None))
    warp_markers = prop("WarpMarkerVector", observe=True, check=audio_only("warp_markers"),
                        get=lambda o: _lom.vector(WarpMarkerVector, [WarpMarker(s, b) for s, b in marker_points(o)],
                                                  None))
    file_path = prop("str", observe=True, check=audio_only("file_path"))
    sample_length = prop("int", check=audio_only("sample_length"),
                         get=lambda o: int(round(model.beat_to_seconds(o, o.end_marker) * o.sample_rate)))
    sample_rate = prop("float", check=audio_only("sample_rate"), avail=since(11, 1))
    is_audio_clip = prop("bool", get=lambda o: o.is_audio)
    is_midi_clip = prop("bool", get=lambda o: not o.is_audio)
    is_arrangement_clip = prop("bool", get=lambda o: o.arrangement)
    is_session_clip = prop("bool", get=lambda o: not o.arrangement, avail=since(12, 2))
    is_take_lane_clip = prop("bool", get=lambda o: False, avail=since(12, 2))
    automation_envelopes = prop("Vector", get=lambda o: _lom.vector(Vector, o.envelopes), avail=since(12, 2))
    length = prop("float", get=lambda o: o.length)
    start_time = prop("float", observe=True, obs_avail=since(12, 0))
    end_time = prop("float", observe=True, get=lambda o: o.end_time())
    is_playing = prop("bool", set=True, undo=False, fset=model.set_is_playing)
    is_triggered = prop("bool")
    is_recording = prop("bool", observe=True)
    is_overdubbing = prop("bool", observe=True)
    will_record_on_start = prop("bool", get=lambda o: False)
    has_envelopes = prop("bool", observe=True, get=lambda o: bool(o.envelopes))
    playing_position = prop("float", observe=True)
    view = prop("View", get=lambda o: _lom.wrap(o.view))
    notes = event()
    playing_status = event()
    loop_jump = event()

    # -- transport
    @method()
    def fire(o):
        """Launch the clip (quantized like its slot)."""
        o.world.engine.fire_clip(o)

    @method()
    def stop(o):
        """Stop the clip if it is playing or recording."""
        o.world.engine.stop_clip(o, quantized=True)

    @method("bool arg2")
    def set_fire_button_state(o, state):
        """Press (True) or release (False) the clip's launch button."""
        model.set_fire_button_state(o, state)

    @method("float arg2")
    def move_playing_pos(o, beats):
        """Jump the playing position by ``beats`` (playing clips only)."""
        o.world.engine.move_clip(o, beats)

    @method("float scrub_position")
    def scrub(o, pos):
        """Scrub to a position (like dragging in the clip view)."""
        o.world.engine.move_clip(o, pos - o.playing_position)

    @method()
    def stop_scrub(o):
        """End scrubbing."""

    # -- warping (audio clips)
    @method("any warp_marker", edits=True, label="Add Warp Marker", avail=since(11, 1))
    def add_warp_marker(o, marker):
        """Add a warp marker (ignored where one exists at that beat)."""
        model.add_warp_marker(o, marker)

    @method("float marker_beat_time, float beat_time_distance", edits=True, label="Move Warp Marker",
            avail=since(11, 1))
    def move_warp_marker(o, beat, distance):
        """Move the marker at ``beat`` by ``distance`` beats, if it stays between its neighbours."""
        model.move_warp_marker(o, beat, distance)

    @method("float beat_time", edits=True, label="Remove Warp Marker", avail=since(11, 1))
    def remove_warp_marker(o, beat):
        """Remove the marker at ``beat`` (a clip keeps at least two)."""
        model.remove_warp_marker(o, beat)

    @method("float beat_time")
    def beat_to_sample_time(o, beat):
        """Sample position (in samples) of a beat time; warped clips only."""
        return model.beat_to_sample_time(o, beat)

    @method("float sample_time")
    def sample_to_beat_time(o, sample):
        """Beat time of a sample position (in samples); warped clips only."""
        return model.sample_to_beat_time(o, sample)

    @method("float seconds")
    def seconds_to_sample_time(o, seconds):
        """Sample position of a time in seconds; unwarped clips only."""
        return model.seconds_to_sample_time(o, seconds)

    # -- editing
    @method(edits=True, label="Duplicate Loop")
    def duplicate_loop(o):
        """Double the loop, copying the notes of the loop into the new half."""
        model.duplicate_loop(o)

    @method(edits=True, label="Crop Clip")
    def crop(o):
        """Remove material outside the loop (or the markers when unlooped)."""
        model.crop(o)

    @method("int arg2, float arg3", edits=True, label="Quantize")
    def quantize(o, grid, amount):
        """Move note starts toward the grid by ``amount`` (0..1)."""
        model.quantize(o, None, grid, amount)

    @method("int arg2, int arg3, float arg4", edits=True, label="Quantize")
    def quantize_pitch(o, pitch, grid, amount):
        """Quantize only the notes of one pitch."""
        model.quantize(o, pitch, grid, amount)

    @method("DeviceParameter arg2", edits=True, label="Clear Envelope")
    def clear_envelope(o, param):
        """Remove the automation of one parameter."""
        model.clear_envelope(o, param)

    @method(edits=True, label="Clear Envelopes")
    def clear_all_envelopes(o):
        """Remove all automation envelopes."""
        model.clear_all_envelopes(o)

    @method("DeviceParameter arg2")
    def automation_envelope(o, param):
        """The envelope of a parameter; None if there is none, for arrangement clips and other tracks' parameters."""
        return _lom.wrap(model.automation_envelope(o, param))

    @method("DeviceParameter arg2", edits=True, label="Create Envelope")
    def create_automation_envelope(o, param):
        """Create the envelope of a parameter of the clip's own track and return it."""
        return _lom.wrap(model.create_automation_envelope(o, param))

    @method("float region_start, float region_length, float destination_time, int pitch=-1, "
            "int transposition_amount=0", edits=True, label="Duplicate Region")
    def duplicate_region(o, start, length, dest, pitch, transposition):
        """Copy the notes of a time region (optionally one pitch) to ``dest``."""
        model.duplicate_region(o, start, length, dest, pitch, transposition)

    @method("int midi_pitch", avail=since(12, 0, 5))
    def note_number_to_name(o, pitch):
        """Name of a MIDI pitch, e.g. 60 -> "C3"."""
        return model.note_name(pitch)

    # -- notes API
    @method("any arg2", edits=True, label="Add Notes")
    def add_new_notes(o, specs):
        """Add notes from MidiNoteSpecifications; returns their ids (Live 11.1+)."""
        ids = model.add_new_notes(o, specs)
        if o.world.version < (11, 1, 0):
            return None
        return _lom.vector(IntU64Vector, ids, None)

    @method("int from_pitch, int pitch_span, float from_time, float time_span")
    def get_notes_extended(o, from_pitch, pitch_span, from_time, time_span):
        """Copies of the notes starting in the time range with pitches in the pitch range."""
        return _note_vector(model.notes_where(o, in_range(from_pitch, pitch_span, from_time, time_span)))

    @method(avail=since(11, 1))
    def get_all_notes_extended(o):
        """Copies of all notes."""
        return _note_vector(model.notes_where(o, lambda n: True))

    @method("any note_ids")
    def get_notes_by_id(o, ids):
        """Copies of the notes with the given ids."""
        return _note_vector(model.notes_by_id(o, ids))

    @method()
    def get_selected_notes_extended(o):
        """Copies of the selected notes."""
        return _note_vector(model.notes_where(o, lambda n: n.selected))

    @method("int from_pitch, int pitch_span, float from_time, float time_span", edits=True, label="Remove Notes")
    def remove_notes_extended(o, from_pitch, pitch_span, from_time, time_span):
        """Delete the notes starting in the time range with pitches in the pitch range."""
        model.remove_notes(o, in_range(from_pitch, pitch_span, from_time, time_span))

    @method("any arg2", edits=True, label="Remove Notes")
    def remove_notes_by_id(o, ids):
        """Delete the notes with the given ids."""
        model.remove_notes_by_id(o, ids)

    @method("any arg2", edits=True, label="Modify Notes")
    def apply_note_modifications(o, notes):
        """Write edited note copies back, matched by note_id."""
        model.apply_note_modifications(o, notes)

    @method("any note_ids, any destination_time=None, int transposition_amount=0", edits=True,
            label="Duplicate Notes", avail=since(11, 2))
    def duplicate_notes_by_id(o, ids, dest, transposition):
        """Copy notes (to ``dest`` or after the last one) and return the new ids."""
        return _lom.vector(IntU64Vector, model.duplicate_notes_by_id(o, ids, dest, transposition), None)

    @method()
    def select_all_notes(o):
        """Select every note."""
        model.select_notes(o, lambda n: True)

    @method()
    def deselect_all_notes(o):
        """Deselect every note."""
        model.select_notes(o, lambda n: True, selected=False)

    @method("any arg2", avail=since(11, 1))
    def select_notes_by_id(o, ids):
        """Select the notes with the given ids (unknown ids are ignored)."""
        model.select_notes_by_id(o, ids)

    # -- legacy tuple API
    @method("float from_time, int from_pitch, float time_span, int pitch_span")
    def get_notes(o, from_time, from_pitch, time_span, pitch_span):
        """Legacy: ((pitch, time, duration, velocity, mute), ...) in the range."""
        return model.note_tuples(o, in_range(from_pitch, pitch_span, from_time, time_span))

    @method()
    def get_selected_notes(o):
        """Legacy: the selected notes as tuples."""
        return model.note_tuples(o, lambda n: n.selected)

    @method("float arg2, int arg3, float arg4, int arg5", edits=True, label="Remove Notes")
    def remove_notes(o, from_time, from_pitch, time_span, pitch_span):
        """Legacy: delete notes in the range (time-first arguments)."""
        model.remove_notes(o, in_range(from_pitch, pitch_span, from_time, time_span))

    @method("any arg2", edits=True, label="Add Notes")
    def set_notes(o, tuples):
        """Legacy: add notes given as (pitch, time, duration, velocity, mute) tuples."""
        model.set_notes(o, tuples)

    @method("any arg2", edits=True, label="Replace Notes")
    def replace_selected_notes(o, tuples):
        """Legacy: replace the selected notes with new ones."""
        model.set_notes(o, tuples, replace_selected=True)

    class View(_lom.LomObject):
        """Clip.View: the clip detail view."""

        __slots__ = ()
        canonical_parent = _lom.parent_prop()
        grid_quantization = prop(GridQuantization, set=True, doc=False)
        grid_is_triplet = prop("bool", set=True, doc=False)

        @method()
        def show_loop(o):
            """Show the loop in the detail view."""

        @method()
        def show_envelope(o):
            """Show the envelope box."""

        @method()
        def hide_envelope(o):
            """Hide the envelope box."""

        @method("any arg2")
        def select_envelope_parameter(o, param):
            """Select the parameter whose envelope is shown."""


class _Absent(object):
    """A member Live's class lacks although every livesim object has it (``_live_ptr``)."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, cls=None):
        raise AttributeError("'AutomationEnvelope' object has no attribute '%s'" % self.name)


class _AutomationEnvelope(_EnvelopeBase):
    """Live.Clip.AutomationEnvelope: parameter automation of a clip (before Live 12.2)."""

    __slots__ = ()
    _live_ptr = _Absent("_live_ptr")


_AutomationEnvelope.__name__ = _AutomationEnvelope.__qualname__ = "AutomationEnvelope"

# Module members some Live versions lack (served by __getattr__ against the active world's version).
GATED = {"AutomationEnvelope": (_AutomationEnvelope, _lom.until(12, 2))}


ClipNode.cls = Clip
ClipViewNode.cls = Clip.View
AutomationEnvelopeNode.cls = _AutomationEnvelope
