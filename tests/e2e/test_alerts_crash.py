"""SIGKILL between queueing and sending, and again in the middle of sending: after a restart every
alert reaches the emulator exactly once."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bot.wiring import open_store
from tests.e2e.harness import ROOT, Emulator, new_token

CHANNEL = -1001234567890
SUBSCRIBER = 4242
COUNT = 5

pytestmark = pytest.mark.slow


def start_and_wait(args: list[str], expect: str, timeout: float = 60) -> subprocess.Popen[str]:
    """Start a worker and wait until it prints a line starting with ``expect``."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.alerts_worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while selector.select(timeout=timeout):
            line = proc.stdout.readline()
            if line.startswith(expect) or not line:
                break
    if proc.poll() is not None or not line.startswith(expect):
        proc.kill()
        raise AssertionError(f"worker {args[0]} did not reach {expect}: {proc.communicate()[1][-2000:]}")
    return proc


def kill(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the worker: no cleanup, no flush, no commit runs after this."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.communicate()


def deliver_cli(db: Path, url: str, token: str) -> str:
    """Run `pledgebot alerts deliver` as an operator would after a crash, and return its output."""
    env = {k: v for k, v in os.environ.items() if k not in ("ADMIN_IDS", "ADMIN_CHAT_ID", "DAILY_DIGEST")}
    env.update(TELEGRAM_BOT_TOKEN=token, TELEGRAM_BASE_URL=url, ALERT_CHAT_ID=str(CHANNEL))
    done = subprocess.run(
        [str(Path(sys.executable).parent / "pledgebot"), "alerts", "deliver", "--db", str(db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


async def test_every_alert_arrives_exactly_once_across_kills(emulator: Emulator, tmp_path: Path) -> None:
    db, token = tmp_path / "crash.db", new_token()
    kill(start_and_wait(["queue", str(db), str(COUNT), str(SUBSCRIBER)], "QUEUED"))
    store = open_store(db)
    assert store.db["alerts"].count == COUNT  # queued durably, with the facts, before the kill
    assert await emulator.messages(token, CHANNEL) == []
    kill(start_and_wait(["deliver", str(db), emulator.url, token, str(CHANNEL), "3"], "PAUSED"))
    assert len(await emulator.messages(token, CHANNEL)) + len(await emulator.messages(token, SUBSCRIBER)) == 3
    assert deliver_cli(db, emulator.url, token) == f"sent {2 * COUNT - 3}, failed 0, dropped 0"
    assert deliver_cli(db, emulator.url, token) == "sent 0, failed 0, dropped 0"
    for chat in (CHANNEL, SUBSCRIBER):
        titles = Counter(m["message"]["text"].splitlines()[0] for m in await emulator.messages(token, chat))
        assert titles == {f"New: Meeting number {n}": 1 for n in range(COUNT)}, chat
    assert {r["status"] for r in store.db["deliveries"].rows} == {"sent"}
    store.close()
