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
                                       ("max_rate", "meters"), ("max_rate", "meters fast"),
                                       ("max_rate", "meters 30, all 5000")])
def test_bad_values_name_the_setting(tmp_path, key, text):
    with pytest.raises(ValueError) as error:
        settings.load(str(tmp_path), environ={"ABLETONOSC_" + key.upper(): text})
    assert key in str(error.value)


def test_ini_comments_sections_and_bad_lines(tmp_path):
    (tmp_path / "settings.ini").write_text(
        "; a comment\n# another\n[other]\nport = 1\n[abletonosc]\nport = 12345 \nHOST=127.0.0.1\n"
    )
    s = settings.load(str(tmp_path), environ={})
    assert (s.port, s.host) == (12345, "127.0.0.1")
    (tmp_path / "settings.local.ini").write_text("[abletonosc]\nthis line has no equals sign\n")
    with pytest.raises(ValueError) as error:
        settings.load(str(tmp_path), environ={})
    assert "line 2" in str(error.value)


def test_max_rate_pairs():
    assert settings.parse_rates("") == []
    assert settings.parse_rates("meters 30, positions 20; /live/track/start_listen/volume 5") == [
        ("meters", 30.0), ("positions", 20.0), ("/live/track/start_listen/volume", 5.0)]
