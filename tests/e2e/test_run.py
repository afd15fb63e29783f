"""`pledgebot run` as a deployment starts it: a process that polls, answers, and stops on SIGINT."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
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


async def test_run_with_a_webhook_accepts_only_updates_carrying_its_secret(
        emulator: Emulator, tmp_path: Path) -> None:
    token, port = new_token(), _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": emulator.url,
           "PLEDGEBOT_DB": str(tmp_path / "bot.db")}
    command = [str(PLEDGEBOT), "run", "--webhook", url, "--listen", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    user = User(id=9101, first_name="Hooked")
    update = {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": private_chat(user),
                                          "from": user.as_json(), "text": "/help",
                                          "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}
    try:
        hook = await emulator.wait_call(token, "setWebhook", since=0)
        secret = hook["params"]["secret_token"]
        async with httpx.AsyncClient(timeout=10) as http:
            forged = await http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
            since = await emulator.mark()
            genuine = await http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret})
        reply = await emulator.wait_call(token, "sendMessage", since=since, chat_id=user.id)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert hook["params"]["url"] == url and len(secret) >= 32
    assert (forged.status_code, genuine.status_code) == (403, 200)
    assert "/who" in reply["params"]["text"]
    assert proc.returncode == 0, err[-2000:]
    assert token not in err


async def test_a_restarted_webhook_process_keeps_the_secret_of_the_first(
        emulator: Emulator, tmp_path: Path) -> None:
    """No WEBHOOK_SECRET set: the first start keeps one in .env, the second start uses it."""
    token, url = new_token(), ""
    env = {k: v for k, v in os.environ.items() if k != "WEBHOOK_SECRET"}
    env.update({"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": emulator.url,
                "PLEDGEBOT_DB": str(tmp_path / "bot.db")})
    secrets = []
    for _ in range(2):
        port = _free_port()
        url = f"http://127.0.0.1:{port}/telegram"
        since = await emulator.mark()
        proc = subprocess.Popen([str(PLEDGEBOT), "run", "--webhook", url, "--listen", "127.0.0.1", "--port",
                                 str(port)], cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            hook = await emulator.wait_call(token, "setWebhook", since=since)
            secrets.append(hook["params"]["secret_token"])
            async with httpx.AsyncClient(timeout=10) as http:
                # an update signed with the first process's secret, as Telegram would still send it
                answered = await http.post(url, json={"update_id": len(secrets)},
                                           headers={"X-Telegram-Bot-Api-Secret-Token": secrets[0]})
        finally:
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=30)
        assert answered.status_code == 200, err[-2000:]
    assert secrets[0] == secrets[1] and len(secrets[0]) >= 32
    assert f"WEBHOOK_SECRET={secrets[0]}" in (tmp_path / ".env").read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
