"""Settings: defaults equal to upstream AbletonOSC's, a settings file, environment overrides."""

import io
import os
import socket

DEFAULTS = {
    "host": "0.0.0.0",
    "port": 11000,
    "reply_port": 11001,
    "reply_to_source": False,
    "tcp_port": 0,
    "poll_interval_ms": 10,
    "poll_budget_ms": 5,
    "max_datagram": 65507,
    "allow": "",
    "rate_limit": 0,
    "max_reply_bytes": 262144,
    "plain_types": False,
    "max_rate": "",
    "unreachable_grace": 10,
    "log_level": "info",
    "log_max_bytes": 1000000,
}

LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
HERE = os.path.dirname(os.path.abspath(__file__))


class Settings(object):
    """The script's settings as attributes (host, port, reply_port, ...)."""

    def __init__(self, values):
        self.__dict__.update(values)

    def __repr__(self):
        return "Settings(%s)" % ", ".join("%s=%r" % item for item in sorted(self.__dict__.items()))


def _convert(key, text):
    default = DEFAULTS[key]
    text = text.strip()
    if isinstance(default, bool):
        lowered = text.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off", ""):
            return False
        raise ValueError("setting %s must be true or false, got %r" % (key, text))
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError("setting %s must be a whole number, got %r" % (key, text))
    if key == "allow":
        parse_allow(text)  # a typo must be reported, not silently allow everyone
        return text
    if key == "max_rate":
        parse_rates(text)
        return text
    if key == "log_level" and text.lower() not in LOG_LEVELS:
        raise ValueError("setting log_level must be one of %s, got %r" % (", ".join(LOG_LEVELS), text))
    return text.lower() if key == "log_level" else text


def tcp_port_of(setting):
    """The TCP port to serve for the tcp_port setting: None for 0 (off), 0 (any free port) for -1."""
    if setting == 0:
        return None
    return 0 if setting < 0 else setting


def parse_allow(text):
    """The networks of an allow setting ("127.0.0.1, 192.168.1.0/24") as (family, network, mask); empty: everyone."""
    networks = []
    for item in text.replace(";", ",").split(","):
        item = item.strip()
        if item:
            networks.append(parse_network(item))
    return tuple(networks)


def parse_rates(text):
    """A max_rate setting ("meters 30, positions 20") as [(what, updates per second)]; ValueError if invalid."""
    rates = []
    for item in text.replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        what, _, rate = item.rpartition(" ")
        try:
            value = float(rate)
        except ValueError:
            value = -1.0
        if not what.strip() or not 0.0 <= value <= 1000.0:
            raise ValueError("setting max_rate: expected 'what rate' pairs such as 'meters 30, positions 20' "
                             "(rate 0-1000 per second), got %r" % item)
        rates.append((what.strip(), value))
    return rates


def parse_network(text):
    """ "192.168.1.0/24", "::1" or "10.0.0.7" -> (family, network as int, mask as int); ValueError if invalid."""
    # socket.inet_pton rather than ipaddress: the script keeps to a small set of stdlib modules.
    address, _, prefix = text.partition("/")
    for family, bits in ((socket.AF_INET, 32), (getattr(socket, "AF_INET6", None), 128)):
        if family is None:
            continue
        try:
            value = int.from_bytes(socket.inet_pton(family, address.strip()), "big")
        except (OSError, ValueError):
            continue
        try:
            length = int(prefix) if prefix else bits
        except ValueError:
            length = -1
        if not 0 <= length <= bits:
            break
        mask = ((1 << bits) - 1) ^ ((1 << (bits - length)) - 1)
        return family, value & mask, mask
    raise ValueError("setting allow: %r is not an IP address or network" % text)


def read_ini(path, section="abletonosc"):
    """The `key = value` lines of one section of an INI file ({} when the file is missing).

    A few lines instead of configparser: the script keeps to the stdlib modules Live's own
    Python is known to ship.
    """
    values = {}
    if not os.path.exists(path):
        return values
    current = None
    with io.open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line[0] in ";#":
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1].strip().lower()
                continue
            key, sep, value = line.partition("=")
            if not sep:
                raise ValueError("%s line %d: expected key = value, got %r" % (path, number, line))
            if current == section:
                values[key.strip().lower()] = value.strip()
    return values


def load(folder=HERE, environ=None):
    """Read settings.ini, then settings.local.ini, then ABLETONOSC_* environment variables."""
    environ = os.environ if environ is None else environ
    values = dict(DEFAULTS)
    for name in ("settings.ini", "settings.local.ini"):
        for key, text in read_ini(os.path.join(folder, name)).items():
            if key in DEFAULTS:
                values[key] = _convert(key, text)
    for key in DEFAULTS:
        text = environ.get("ABLETONOSC_" + key.upper())
        if text is not None:
            values[key] = _convert(key, text)
    return Settings(values)
