"""Settings: upstream's defaults, the settings file, a local override file, environment variables."""
import os

import pytest

from AbletonOSC import settings


def test_defaults_equal_upstreams(tmp_path):
    s = settings.load(str(tmp_path), environ={})
    assert (s.host, s.port, s.reply_port, s.reply_to_source, s.tcp_port) == ("0.0.0.0", 11000, 11001, False, 0)
    assert s.log_level == "info"


def test_shipped_file_matches_defaults():
    s = settings.load(environ={})
    for key, value in settings.DEFAULTS.items():
        assert getattr(s, key) == value, key


def test_local_file_then_environment_override(tmp_path):
    (tmp_path / "settings.ini").write_text("[abletonosc]\nport = 12000\nreply_port = 12001\n")
    (tmp_path / "settings.local.ini").write_text("[abletonosc]\nport = 13000\nreply_to_source = yes\n")
    s = settings.load(str(tmp_path), environ={"ABLETONOSC_REPLY_PORT": "9000"})
    assert (s.port, s.reply_port, s.reply_to_source) == (13000, 9000, True)


@pytest.mark.parametrize("key, text", [("port", "eleven"), ("reply_to_source", "perhaps"), ("log_level", "loud"),
                                       ("poll_budget_ms", "0"), ("max_datagram", "100000"), ("max_datagram", "12"),
                                       ("max_rate", "meters"), ("max_rate", "meters fast"),
                                       ("max_rate", "meters 30, all 5000")])
def test_a_bad_value_keeps_that_keys_default_and_is_reported(tmp_path, key, text):
    s = settings.load(str(tmp_path), environ={"ABLETONOSC_" + key.upper(): text, "ABLETONOSC_PORT_X": "1",
                                             "ABLETONOSC_REPLY_PORT": "12001"})
    assert getattr(s, key) == settings.DEFAULTS[key]
    assert s.reply_port == 12001  # the other keys are kept
    assert len(s.problems) == 1 and key in s.problems[0]


@pytest.mark.parametrize("key, text", [
    ("host", "localhost:11000"), ("allow", "192.168.1.0/33"), ("rate_limit", "fast"), ("max_reply_bytes", "-1"),
    ("reply_bytes_per_second", "lots"), ("max_listen_tags", "0"), ("max_subscriptions_per_client", "x"),
    ("max_subscriptions", "1e9"), ("max_tcp_connections", "-5"), ("tcp_idle_timeout_s", "forever"),
])
def test_a_bad_security_value_falls_back_to_the_safest_choice(tmp_path, key, text):
    s = settings.load(str(tmp_path), environ={"ABLETONOSC_" + key.upper(): text, "ABLETONOSC_HOST": "0.0.0.0"
                                             if key != "host" else text})
    assert getattr(s, key) == settings.SAFE[key]
    assert any(key in problem for problem in s.problems), s.problems
    if key in ("host", "allow"):
        assert s.host == "127.0.0.1"  # never wider than what was asked
    else:
        assert s.host == "0.0.0.0"  # one bad key does not throw the others away


def test_rate_limit_typo_keeps_the_host_and_allow_list(tmp_path):
    s = settings.load(str(tmp_path), environ={"ABLETONOSC_HOST": "127.0.0.1", "ABLETONOSC_RATE_LIMIT": "fast"})
    assert (s.host, s.rate_limit) == ("127.0.0.1", settings.SAFE["rate_limit"])


def test_unknown_keys_and_a_local_file_without_its_header_are_reported(tmp_path):
    (tmp_path / "settings.ini").write_text("[abletonosc]\nprot = 12000\n")
    (tmp_path / "settings.local.ini").write_text("host = 127.0.0.1\n[abletonosc]\nport = 13000\n")
    s = settings.load(str(tmp_path), environ={})
    assert s.port == 13000 and s.host == settings.DEFAULTS["host"]
    assert any("unknown setting 'prot'" in p for p in s.problems), s.problems
    assert any("settings.local.ini" in p and "[abletonosc]" in p for p in s.problems), s.problems


def test_ini_comments_sections_and_bad_lines(tmp_path):
    (tmp_path / "settings.ini").write_text(
        "; a comment\n# another\n[other]\nport = 1\n[abletonosc]\nport = 12345 \nHOST=127.0.0.1\n"
    )
    s = settings.load(str(tmp_path), environ={})
    assert (s.port, s.host) == (12345, "127.0.0.1")
    (tmp_path / "settings.local.ini").write_text("[abletonosc]\nthis line has no equals sign\nport = 9\n")
    s = settings.load(str(tmp_path), environ={})
    assert s.port == 9
    assert any("line 2" in p for p in s.problems)


def test_gitignore_names_the_local_settings_file():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, ".gitignore")) as handle:
        assert "AbletonOSC/settings.local.ini" in handle.read().split()


def test_max_rate_pairs():
    assert settings.parse_rates("") == []
    assert settings.parse_rates("meters 30, positions 20; /live/track/start_listen/volume 5") == [
        ("meters", 30.0), ("positions", 20.0), ("/live/track/start_listen/volume", 5.0)]
