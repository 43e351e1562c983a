"""Clip automation envelopes: create, clear, steps, values and events, per device parameter.

A parameter is named by two arguments after the clip's indices: ``device_id parameter``.
``device_id`` is a device index or path ("0.1.2", as in /live/device), and ``parameter`` the
parameter's index in Device.parameters. The track mixer is the device ``"mixer"``, whose
parameters are named: ``volume``, ``panning``, ``send:N`` (send N, 0 is return A),
``track_activator`` (and ``crossfader``, ``cue_volume``, ``song_tempo`` where the track has them).

Live keeps clip envelopes only for session clips and only for parameters of the clip's own track;
elsewhere creating one is refused with Live's error and the others answer that there is none.
Live 12.2 replaced Clip.AutomationEnvelope with Live.Envelope.Envelope, which adds events.
"""

from .errors import HandlerError
from .notes import CLIP_KINDS
from .objects import device_for_path, parse_device_path
from .types import to_int

MIXER = "mixer"
MIXER_PARAMETERS = ("volume", "panning", "track_activator", "crossfader", "cue_volume", "song_tempo")


def clip_track(clip):
    """The track holding a session or arrangement clip."""
    parent = clip.canonical_parent
    if clip.is_arrangement_clip:
        return parent
    return parent.canonical_parent


def find_parameter(track, device_ref, parameter_ref):
    """The DeviceParameter named by a device reference and a parameter reference."""
    if isinstance(device_ref, str) and device_ref.strip().lower() == MIXER:
        mixer = track.mixer_device
        name = str(parameter_ref).strip().lower()
        if name.startswith("send:"):
            index = to_int(name[5:], "send")
            sends = mixer.sends
            if not 0 <= index < len(sends):
                raise HandlerError("No send %d (the track has %d)" % (index, len(sends)))
            return sends[index]
        if name in MIXER_PARAMETERS:
            try:
                return getattr(mixer, name)
            except (AttributeError, RuntimeError):
                pass
            raise HandlerError("This track's mixer has no %s" % name)
        raise HandlerError("parameter of the mixer must be volume, panning, send:N or track_activator, got %r"
                           % (parameter_ref,))
    device = device_for_path(track, parse_device_path(device_ref))
    index = to_int(parameter_ref, "parameter_id")
    parameters = device.parameters
    if not 0 <= index < len(parameters):
        raise HandlerError("No parameter %d (the device has %d)" % (index, len(parameters)))
    return parameters[index]


def _parameter(clip, device_ref, parameter_ref):
    return find_parameter(clip_track(clip), device_ref, parameter_ref)


def _envelope(clip, device_ref, parameter_ref):
    envelope = clip.automation_envelope(_parameter(clip, device_ref, parameter_ref))
    if envelope is None:
        raise HandlerError("No automation envelope for parameter %s of device %s in this clip (create it first; "
                           "arrangement clips and other tracks' parameters have none)" % (parameter_ref, device_ref))
    return envelope


def create(ctx, clip, device_ref, parameter_ref):
    """Create the clip's envelope of a parameter."""
    ctx.manager.write(clip.create_automation_envelope, _parameter(clip, device_ref, parameter_ref))


def clear(ctx, clip, device_ref, parameter_ref):
    """Remove the clip's envelope of a parameter."""
    ctx.manager.write(clip.clear_envelope, _parameter(clip, device_ref, parameter_ref))


def clear_all(ctx, clip):
    """Remove every envelope of the clip."""
    ctx.manager.write(clip.clear_all_envelopes)


def has_envelope(ctx, clip, device_ref, parameter_ref):
    """Whether the clip has an envelope for the parameter."""
    envelope = clip.automation_envelope(_parameter(clip, device_ref, parameter_ref))
    return (device_ref, parameter_ref, envelope is not None)


def insert_step(ctx, clip, device_ref, parameter_ref, time, length, value):
    """Hold a value from a time for a length in beats."""
    ctx.manager.write(_envelope(clip, device_ref, parameter_ref).insert_step, time, length, value)


def value_at_time(ctx, clip, device_ref, parameter_ref, time):
    """The envelope's value at a time in beats."""
    return (device_ref, parameter_ref, time, _envelope(clip, device_ref, parameter_ref).value_at_time(time))


def events(ctx, clip, device_ref, parameter_ref, start, end):
    """The envelope's breakpoints in [start, end) as (time value) pairs."""
    values = [device_ref, parameter_ref]
    for event in _envelope(clip, device_ref, parameter_ref).events_in_range(start, end):
        values.extend((event.time, event.value))
    return tuple(values)


def curves(ctx, clip, device_ref, parameter_ref, start, end):
    """The envelope's breakpoints in [start, end) with the curve to the next: (time value x1 y1 x2 y2)."""
    values = [device_ref, parameter_ref]
    for event in _envelope(clip, device_ref, parameter_ref).events_in_range(start, end):
        shape = event.control_coefficients
        values.extend((event.time, event.value, shape.x1, shape.y1, shape.x2, shape.y2))
    return tuple(values)


def delete_events(ctx, clip, device_ref, parameter_ref, start, end):
    """Remove the envelope's breakpoints in [start, end)."""
    ctx.manager.write(_envelope(clip, device_ref, parameter_ref).delete_events_in_range, start, end)


def num_envelopes(ctx, clip):
    """How many envelopes the clip has."""
    return (len(clip.automation_envelopes),)


def select_parameter(ctx, clip, device_ref, parameter_ref):
    """Show a parameter's envelope in the clip view."""
    ctx.manager.write(clip.view.select_envelope_parameter, _parameter(clip, device_ref, parameter_ref))


def register(reg):
    for kind, base in CLIP_KINDS:
        _register(reg, kind, base)


def _register(reg, kind, base):
    index = "track_id:i clip_id:i " if kind == "clip" else "track_id:i clip_index:i "
    param = "device_id:D parameter:x "
    pick = ("Clip.automation_envelope",)
    reg.add(base + "/create_automation_envelope", "method", kind, create, args="device_id:x parameter:x",
            doc="Create the clip's envelope of a device parameter (device 'mixer': volume, panning, send:N)",
            example="%s/create_automation_envelope 0 0 0 1" % base, members="Clip.create_automation_envelope")
    reg.add(base + "/clear_envelope", "method", kind, clear, args="device_id:x parameter:x",
            doc="Remove the clip's envelope of a device parameter", members="Clip.clear_envelope")
    reg.add(base + "/clear_all_envelopes", "method", kind, clear_all, doc="Remove every envelope of the clip",
            members="Clip.clear_all_envelopes")
    reg.add(base + "/get/has_envelope", "get", kind, has_envelope, args="device_id:x parameter:x",
            reply=index + param + "has_envelope:b", doc="Whether the clip has an envelope for a device parameter",
            members=pick)
    reg.add(base + "/envelope/insert_step", "method", kind, insert_step,
            args="device_id:x parameter:x time:f length:f value:f",
            doc="Hold a value from a time for a length (beats) in the parameter's envelope",
            example="%s/envelope/insert_step 0 0 mixer volume 0.0 1.0 0.5" % base,
            members=pick + ("AutomationEnvelope.insert_step", "Envelope.insert_step"))
    reg.add(base + "/envelope/get/value_at_time", "get", kind, value_at_time,
            args="device_id:x parameter:x time:f", reply=index + param + "time:f value:f",
            doc="The value of the parameter's envelope at a time in beats",
            members=pick + ("AutomationEnvelope.value_at_time", "Envelope.value_at_time"))
    reg.add(base + "/envelope/get/events", "get", kind, events, since=(12, 2),
            args="device_id:x parameter:x start_time:f end_time:f", reply=index + param + "(time:f value:f)*",
            doc="The breakpoints of the parameter's envelope in [start_time, end_time)",
            members=pick + ("Envelope.events_in_range", "EnvelopeEvent.time", "EnvelopeEvent.value"))
    reg.add(base + "/envelope/get/curves", "get", kind, curves, since=(12, 2),
            args="device_id:x parameter:x start_time:f end_time:f",
            reply=index + param + "(time:f value:f x1:f y1:f x2:f y2:f)*",
            doc="The breakpoints in [start_time, end_time) with the curve to the next (a Bezier's control points)",
            members=pick + ("Envelope.events_in_range", "EnvelopeEvent.control_coefficients")
            + tuple("EnvelopeEventControlCoefficients.%s" % name for name in ("x1", "y1", "x2", "y2")))
    reg.add(base + "/envelope/delete_events", "method", kind, delete_events, since=(12, 2),
            args="device_id:x parameter:x start_time:f end_time:f",
            doc="Remove the breakpoints of the parameter's envelope in [start_time, end_time)",
            members=pick + ("Envelope.delete_events_in_range",))
    reg.add(base + "/get/num_automation_envelopes", "get", kind, num_envelopes, since=(12, 2),
            reply=index + "num_automation_envelopes:i", doc="How many automation envelopes the clip has",
            members="Clip.automation_envelopes")
    reg.add(base + "/view/select_envelope_parameter", "method", kind, select_parameter,
            args="device_id:x parameter:x", doc="Show a device parameter's envelope in the clip view",
            members="Clip.View.select_envelope_parameter")

