"""`pledgebot run` as a deployment starts it: a process that polls, answers, and stops on SIGINT."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.harness import Emulator, User, new_token, private_chat

pytestmark = pytest.mark.e2e

PLEDGEBOT = Path(sys.executable).parent / "pledgebot"


async def test_run_polls_answers_and_stops_cleanly_without_logging_the_token(
        emulator: Emulator, tmp_path: Path) -> None:
    token = new_token()
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": emulator.url,
           "PLEDGEBOT_DB": str(tmp_path / "bot.db"), "LOG_LEVEL": "DEBUG"}
    proc = subprocess.Popen([str(PLEDGEBOT), "run"], cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        user = User(id=9100, first_name="Runner")
        reply = await emulator.ask(token, chat=private_chat(user), user=user, text="/start")
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert "/who" in reply["message"]["text"]
    assert proc.returncode == 0, err[-2000:]
    assert out == ""  # stdout is for results; logs go to stderr
    assert "getUpdates" in err or "Application started" in err  # DEBUG logging was on
    assert token not in err and token.split(":")[1] not in err
