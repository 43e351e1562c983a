"""Writing a value Live may refuse, and saying which values it takes when it does.

Live refuses a value out of range with a bare "Invalid value" (a device parameter) or
"Tempo out of range". The musician needs the range: a device parameter knows its own
(``min``/``max``); other properties declare theirs (``Prop(limits=...)``).
"""

from .errors import HandlerError


def write_value(ctx, target, attr, value, name, limits=None):
    """Set ``target.attr = value`` (through the manager); a refused value's error names the valid range."""
    try:
        ctx.manager.write(setattr, target, attr, value)
    except (RuntimeError, ValueError) as error:
        if limits is None and attr == "value":
            limits = parameter_range(target)
        if limits is None or not isinstance(value, (int, float)) or limits[0] <= value <= limits[1]:
            raise
        raise HandlerError("%s must be between %s and %s, got %s (Live: %s)"
                           % (name, _number(limits[0]), _number(limits[1]), _number(value), error))


def parameter_range(parameter):
    """(min, max) of a DeviceParameter, or None for anything else."""
    try:
        return float(parameter.min), float(parameter.max)
    except (AttributeError, RuntimeError, TypeError, ValueError):
        return None


def _number(value):
    return ("%.6g" % value) if isinstance(value, float) and value != int(value) else (
        "%.1f" % value if isinstance(value, float) else str(value))
