"""Settings: defaults equal to upstream AbletonOSC's, a settings file, environment overrides.

Each key is read and checked on its own: a bad value keeps that key's default, except the
security keys (SAFE), where it falls back to the safest choice, never to something wider than
what was asked. What was wrong is kept in ``Settings.problems`` for the log and the status bar.
"""

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
    "reply_bytes_per_second": 4194304,
    "max_listen_tags": 4,
    "max_subscriptions_per_client": 20000,
    "max_subscriptions": 50000,
    "max_tcp_connections": 64,
    "tcp_idle_timeout_s": 600,
    "plain_types": False,
    "max_rate": "",
    "unreachable_grace": 10,
    "log_level": "info",
    "log_max_bytes": 1000000,
}

#: What a security key becomes when its value cannot be used: the narrowest sensible choice.
SAFE = {
    "host": "127.0.0.1",
    "allow": "127.0.0.1, ::1",
    "rate_limit": 500,
    "max_reply_bytes": 8192,
    "reply_bytes_per_second": 262144,
    "max_listen_tags": 1,
    "max_subscriptions_per_client": 2000,
    "max_subscriptions": 5000,
    "max_tcp_connections": 8,
    "tcp_idle_timeout_s": 60,
}

#: The smallest (and largest) value each whole-number key takes.
RANGES = {
    "port": (0, 65535), "reply_port": (1, 65535), "tcp_port": (-1, 65535),
    "poll_interval_ms": (0, 1000), "poll_budget_ms": (1, 100), "max_datagram": (128, 65507),
    "rate_limit": (0, 10 ** 7), "max_reply_bytes": (0, 2 ** 31 - 1), "reply_bytes_per_second": (1024, 2 ** 31 - 1),
    "max_listen_tags": (1, 64), "max_subscriptions_per_client": (1, 10 ** 6), "max_subscriptions": (1, 10 ** 7),
    "max_tcp_connections": (1, 4096), "tcp_idle_timeout_s": (1, 86400), "log_max_bytes": (1000, 10 ** 9),
    "unreachable_grace": (-1, 86400),
}

LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
HERE = os.path.dirname(os.path.abspath(__file__))


class Settings(object):
    """The script's settings as attributes (host, port, reply_port, ...)."""

    def __init__(self, values, problems=()):
        self.__dict__.update(values)
        #: What was wrong in the settings files or environment, one text each (empty: nothing).
        self.problems = list(problems)

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
            value = int(text)
        except ValueError:
            raise ValueError("setting %s must be a whole number, got %r" % (key, text))
        low, high = RANGES.get(key, (0, 2 ** 31 - 1))
        if not low <= value <= high:
            raise ValueError("setting %s must be between %d and %d, got %d" % (key, low, high, value))
        return value
    if key == "host":
        if not text or not any(_is_address(family, text) for family in _families()):
            raise ValueError("setting host must be an IP address such as 127.0.0.1 or 0.0.0.0, got %r" % text)
        return text
    if key == "allow":
        parse_allow(text)  # a typo must be reported, not silently allow everyone
        return text
    if key == "max_rate":
        parse_rates(text)
        return text
    if key == "log_level" and text.lower() not in LOG_LEVELS:
        raise ValueError("setting log_level must be one of %s, got %r" % (", ".join(LOG_LEVELS), text))
    return text.lower() if key == "log_level" else text


def _families():
    return [family for family in (socket.AF_INET, getattr(socket, "AF_INET6", None)) if family is not None]


def _is_address(family, text):
    try:
        socket.inet_pton(family, text)
        return True
    except (OSError, ValueError):
        return False


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


def read_ini(path, section="abletonosc", problems=None):
    """The `key = value` lines of one section of an INI file ({} when the file is missing).

    A few lines instead of configparser: the script keeps to the stdlib modules Live's own
    Python is known to ship. Lines that cannot be read, and keys outside any section, are
    described in ``problems`` (a list) if given, else raise ValueError.
    """
    values = {}
    if not os.path.exists(path):
        return values
    current = None
    headerless = []
    name = os.path.basename(path)
    with io.open(path, encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line or line[0] in ";#":
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1].strip().lower()
                continue
            key, sep, value = line.partition("=")
            if not sep:
                text = "%s line %d: expected key = value, got %r" % (name, number, line[:80])
                if problems is None:
                    raise ValueError(text)
                problems.append(text)
                continue
            if current is None:
                headerless.append(key.strip().lower())
            elif current == section:
                values[key.strip().lower()] = value.strip()
    if headerless and problems is not None:
        problems.append("%s has settings before any [%s] header (%s); they were ignored: put [%s] first"
                        % (name, section, ", ".join(headerless[:5]), section))
    return values


def load(folder=HERE, environ=None):
    """Read settings.ini, then settings.local.ini, then ABLETONOSC_* environment variables.

    Never raises for bad values: each is described in ``problems`` and replaced (see SAFE).
    """
    environ = os.environ if environ is None else environ
    values = dict(DEFAULTS)
    problems = []
    given = []
    for name in ("settings.ini", "settings.local.ini"):
        for key, text in read_ini(os.path.join(folder, name), problems=problems).items():
            if key in DEFAULTS:
                given.append((key, text))
            else:
                problems.append("%s: unknown setting %r (ignored)" % (name, key))
    for key in DEFAULTS:
        text = environ.get("ABLETONOSC_" + key.upper())
        if text is not None:
            given.append((key, text))
    narrow = False
    for key, text in given:
        try:
            values[key] = _convert(key, text)
        except ValueError as error:
            fallback = SAFE.get(key, DEFAULTS[key])
            values[key] = fallback
            problems.append("%s; using %s" % (error, _shown(fallback)))
            narrow = narrow or key == "allow"
    if narrow:
        # An allow list that cannot be read must not leave the script open to every network.
        values["host"] = SAFE["host"]
    return Settings(values, problems)


def _shown(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == "":
        return "nothing"
    return str(value)
