"""`pledgebot run` without a token explains how to get one instead of failing obscurely."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main


def test_run_without_a_token_explains_botfather_and_exits_non_zero(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["run", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "@BotFather" in result.stderr and "/newbot" in result.stderr and "pledgebot chat" in result.stderr


def test_run_with_a_malformed_token_names_the_setting_not_the_value(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "not-a-token-secret-value")
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr and "not-a-token-secret-value" not in result.stderr


def test_a_missing_webhook_secret_is_generated_once_and_kept_in_env(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import ensure_webhook_secret, load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WEBHOOK_SECRET", raising=False)
    (tmp_path / ".env").write_text("LOG_LEVEL=DEBUG", encoding="utf-8")  # no newline at the end
    first = ensure_webhook_secret(load_settings())
    again = ensure_webhook_secret(load_settings())  # a restart, or a replica on the same .env
    assert first == again and len(first) >= 32
    assert load_settings().log_level == "DEBUG"
    lines = (tmp_path / ".env").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "LOG_LEVEL=DEBUG" and lines[-1] == f"WEBHOOK_SECRET={first}"


def test_a_new_env_file_for_the_secret_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import ensure_webhook_secret, load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WEBHOOK_SECRET", raising=False)
    secret = ensure_webhook_secret(load_settings())
    assert (tmp_path / ".env").stat().st_mode & 0o777 == 0o600
    assert load_settings().webhook_secret is not None
    assert load_settings().webhook_secret.get_secret_value() == secret  # type: ignore[union-attr]


def test_a_configured_webhook_secret_is_used_and_nothing_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import ensure_webhook_secret, load_settings

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WEBHOOK_SECRET", "shared-by-every-replica_1")
    assert ensure_webhook_secret(load_settings()) == "shared-by-every-replica_1"
    assert not (tmp_path / ".env").exists()


def test_a_malformed_webhook_secret_names_the_setting_not_the_value(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import load_settings
    from bot.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WEBHOOK_SECRET", "has spaces and a $ecret")
    with pytest.raises(ConfigError, match="WEBHOOK_SECRET") as raised:
        load_settings()
    assert "$ecret" not in str(raised.value)
