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
