"""Settings are checked at start: one clear line per bad setting, and never the token itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError

GOOD_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawZ"
ENV_NAMES = ("TELEGRAM_BOT_TOKEN", "PLEDGEBOT_DB", "ADMIN_IDS", "ADMIN_CHAT_ID", "ALERT_CHAT_ID",
             "TELEGRAM_BASE_URL", "WEBHOOK_URL", "FEED_POLL_MINUTES", "USER_RATE_LIMIT_PER_MINUTE",
             "DAILY_DIGEST", "LOG_LEVEL")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Start from no settings at all: no inherited variables, no .env in the working directory."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("name", "value", "message"), [
    pytest.param("ADMIN_IDS", "12, bob", "ADMIN_IDS: 'bob' is not a numeric Telegram", id="admin-name"),
    pytest.param("ADMIN_IDS", "12;34", "ADMIN_IDS: '12;34' is not a numeric", id="admin-semicolon"),
    pytest.param("ADMIN_IDS", "[1, \"x\"]", "ADMIN_IDS", id="admin-json-with-text"),
    pytest.param("ADMIN_CHAT_ID", "@admins", "ADMIN_CHAT_ID: Input should be a valid int", id="chat-name"),
    pytest.param("TELEGRAM_BOT_TOKEN", "not-a-token", "TELEGRAM_BOT_TOKEN: does not look like a token",
                 id="token-garbage"),
    pytest.param("TELEGRAM_BOT_TOKEN", "123456:short", "TELEGRAM_BOT_TOKEN", id="token-short-secret"),
    pytest.param("TELEGRAM_BOT_TOKEN", GOOD_TOKEN + " extra", "TELEGRAM_BOT_TOKEN", id="token-with-space"),
    pytest.param("TELEGRAM_BASE_URL", "localhost:8081", "TELEGRAM_BASE_URL: must be an", id="url-no-scheme"),
    pytest.param("WEBHOOK_URL", "javascript:alert(1)", "WEBHOOK_URL: must be an http", id="webhook-js"),
    pytest.param("FEED_POLL_MINUTES", "0", "FEED_POLL_MINUTES: Input should be greater than or equal to 1",
                 id="poll-zero"),
    pytest.param("USER_RATE_LIMIT_PER_MINUTE", "lots", "USER_RATE_LIMIT_PER_MINUTE", id="rate-text"),
    pytest.param("DAILY_DIGEST", "maybe", "DAILY_DIGEST", id="digest-maybe"),
    pytest.param("LOG_LEVEL", "LOUD", "LOG_LEVEL: must be one of DEBUG, INFO", id="log-level"),
])
def test_an_invalid_setting_is_named_in_one_clear_line(
        monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert str(err.value).startswith("invalid settings: ")
    assert message in str(err.value)
    assert "\n" not in str(err.value) and "errors.pydantic.dev" not in str(err.value)


@pytest.mark.parametrize("token", [
    pytest.param("987654321:" + "S3cr3t" * 7, id="too-long-secret"),
    pytest.param("S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr3t", id="no-colon"),
    pytest.param("12:" + "S3cr3t" * 6, id="id-too-short"),
])
def test_a_rejected_token_is_never_quoted(monkeypatch: pytest.MonkeyPatch, token: str) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", token)
    monkeypatch.setenv("ADMIN_IDS", "not-a-number")  # a second error must not drag the token in
    with pytest.raises(ConfigError) as err:
        load_settings()
    text = str(err.value) + repr(err.value) + str(err.value.__cause__) + str(err.value.__context__)
    assert "S3cr3t" not in text
    assert err.value.__cause__ is None and err.value.__context__ is None


def test_a_token_in_dotenv_is_checked_the_same_way(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=hunter2hunter2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN") as err:
        load_settings()
    assert "hunter2" not in str(err.value)


def test_good_settings_load_and_keep_the_token_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", GOOD_TOKEN)
    monkeypatch.setenv("ADMIN_IDS", "12, 34 56")
    monkeypatch.setenv("TELEGRAM_BASE_URL", "http://127.0.0.1:9000")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = load_settings()
    assert settings.admin_ids == [12, 34, 56]
    assert settings.log_level == "DEBUG"
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == GOOD_TOKEN
    assert GOOD_TOKEN not in repr(settings) and GOOD_TOKEN not in str(settings.model_dump())


def test_empty_optional_settings_mean_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "TELEGRAM_BASE_URL", "WEBHOOK_URL"):
        monkeypatch.setenv(name, "")
    settings = load_settings()
    assert (settings.telegram_bot_token, settings.admin_ids, settings.telegram_base_url,
            settings.webhook_url) == (None, [], None, None)


@pytest.mark.parametrize("command", [["ask", "who attended?"], ["export"], ["ingest", "missing.txt"],
                                     ["run"]])
def test_every_command_reports_bad_settings_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                                        command: list[str]) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:S3cr3tButTooShort")
    monkeypatch.setenv("ADMIN_IDS", "bob")
    result = CliRunner().invoke(main, command)
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert "invalid settings: TELEGRAM_BOT_TOKEN" in result.stderr and "ADMIN_IDS: 'bob'" in result.stderr
    assert "S3cr3t" not in result.output + result.stderr
