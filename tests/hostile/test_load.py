"""Load: 200 questions from 50 users at once while an ingest runs; every one answered, none lost.

The bot runs in its own process (tests/hostile/load_bot.py: the production application with
Telegram's AIORateLimiter, polling the emulator), so the test's clients cannot hide a stalled
event loop, and the latencies include Telegram's rate limits. The p50/p95 latency per question
(question sent -> answer at the Bot API) and the time the bot's event loop was blocked are
printed, never asserted: run with ``pytest -s tests/hostile/test_load.py`` to see them.
"""
from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bot.wiring import open_store
from tests.e2e.harness import Emulator, User, new_token, private_chat
from tests.hostile.consistency import store_problems
from tests.hostile.readouts import readout, seed_readouts, write_readouts

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PLEDGEBOT = Path(sys.executable).parent / "pledgebot"
ADMIN = User(id=7501, first_name="Ada")
USERS = [User(id=7600 + n, first_name=f"User {n}") for n in range(50)]
PER_USER = 4
SEEDED, BACKGROUND, UPLOADED = 12, 24, 3
QUESTIONS = ["what did Anna Berg say?", "who attended the meeting in Oslo?", "what did Norway pledge?",
             "what did Estonia commit to?", "who said we stand with Ukraine?", "/who Latvia",
             "what was signed in Riga?", 'NEAR("Ukraine" OR -', "що сказала Анна Берг?",
             "/search air defence"]


def p95(values: list[float]) -> float:
    """Return the 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


async def ask_all(emulator: Emulator, token: str, sent: dict[int, list[float]]) -> None:
    """Send every user's questions: users at once, each user's in order; note when each left."""
    async def one_user(n: int, user: User) -> None:
        for k in range(PER_USER):
            text = QUESTIONS[(n + k) % len(QUESTIONS)]
            sent[user.id].append(time.perf_counter())
            if text.startswith("/"):
                await emulator.command(token, chat=private_chat(user), user=user, text=text)
            else:
                await emulator.send(token, chat=private_chat(user), user=user, text=text)
    await asyncio.gather(*(one_user(n, u) for n, u in enumerate(USERS)))


async def collect(emulator: Emulator, token: str, since: int, wanted: int, timeout: float
                  ) -> dict[int, list[tuple[float, dict[str, Any]]]]:
    """Gather the bot's sendMessage calls as they arrive, stamped, until ``wanted`` or ``timeout``."""
    arrived: dict[int, list[tuple[float, dict[str, Any]]]] = defaultdict(list)
    deadline = time.perf_counter() + timeout
    while sum(len(v) for v in arrived.values()) < wanted and time.perf_counter() < deadline:
        calls, _ = await emulator.calls(token, method="sendMessage", since=since, wait=2)
        now = time.perf_counter()
        for call in calls:
            arrived[int(call["params"]["chat_id"])].append((now, call))
        since = max([since, *(c["index"] + 1 for c in calls)])
    return arrived


async def upload_documents(emulator: Emulator, token: str) -> None:
    """Have the admin send a few new readouts as files, as the questions pour in."""
    for n in range(UPLOADED):
        document = await emulator.upload(name=f"upload-{n}.txt", data=readout(900 + n, repeats=6).encode())
        message = {"message_id": 100 + n, "date": 1, "chat": private_chat(ADMIN), "from": ADMIN.as_json(),
                   "document": document}
        await emulator.inject(token, {"message": message})


def start_bot(emulator: Emulator, token: str, db: Path, stats: Path) -> subprocess.Popen[str]:
    """Start the bot in a process of its own, configured from the environment like `pledgebot run`."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": emulator.url,
           "PLEDGEBOT_DB": str(db), "ADMIN_IDS": str(ADMIN.id), "LOG_LEVEL": "WARNING"}
    return subprocess.Popen([sys.executable, "-m", "tests.hostile.load_bot", str(stats)], env=env,
                            cwd=Path(__file__).resolve().parents[2], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def report(sent: dict[int, list[float]], arrived: dict[int, list[tuple[float, dict[str, Any]]]],
           elapsed: float, loop: dict[str, Any]) -> None:
    """Print p50/p95 per question and the bot's blocked event loop time."""
    by_question: dict[str, list[float]] = defaultdict(list)
    for n, user in enumerate(USERS):
        for k, (asked, (stamp, _call)) in enumerate(zip(sent[user.id], arrived[user.id], strict=False)):
            by_question[QUESTIONS[(n + k) % len(QUESTIONS)]].append(stamp - asked)
    every = [v for values in by_question.values() for v in values]
    print(f"\nload: {len(every)} answers in {elapsed:.1f} s, bot in its own process, AIORateLimiter; "
          f"latency p50 {statistics.median(every):.2f} s, p95 {p95(every):.2f} s, max {max(every):.2f} s")
    for question, values in by_question.items():
        print(f"  {question[:40]:40} n={len(values):3} p50 {statistics.median(values):.2f} s "
              f"p95 {p95(values):.2f} s")
    print(f"  event loop blocked {loop['blocked_s']:.2f} s of {loop['ran_s']:.1f} s "
          f"({loop['stalls']} stalls over 5 ms, longest {loop['longest_stall_s'] * 1000:.0f} ms)")


async def test_200_questions_from_50_users_during_an_ingest(emulator: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    seed_readouts(db, tmp_path / "seed", SEEDED, repeats=6)
    background = write_readouts(tmp_path / "more", BACKGROUND, repeats=6, first=SEEDED)
    token = new_token()
    sent: dict[int, list[float]] = defaultdict(list)
    bot = start_bot(emulator, token, db, tmp_path / "loop.json")
    try:
        # The bot answers /start once it polls: from then on, every question is timed fairly.
        await emulator.ask(token, chat=private_chat(ADMIN), user=ADMIN, text="/start")
        since = await emulator.mark()
        ingest = subprocess.Popen([str(PLEDGEBOT), "ingest", "--db", str(db), "--manifest", str(background)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  env={**os.environ, "PLEDGEBOT_DB": str(db)})
        started = time.perf_counter()
        wanted = len(USERS) * PER_USER + UPLOADED
        collector = asyncio.create_task(collect(emulator, token, since, wanted, timeout=300))
        await asyncio.gather(ask_all(emulator, token, sent), upload_documents(emulator, token))
        arrived = await collector
        elapsed = time.perf_counter() - started
        _, ingest_errors = await asyncio.to_thread(ingest.communicate, timeout=300)
        all_calls, _ = await emulator.calls(token, since=since)
    finally:
        bot.send_signal(signal.SIGINT)
        _, bot_errors = await asyncio.to_thread(bot.communicate, timeout=60)
    assert bot.returncode == 0, bot_errors[-3000:]
    report(sent, arrived, elapsed, json.loads((tmp_path / "loop.json").read_text(encoding="utf-8")))
    assert ingest.returncode == 0, ingest_errors[-3000:]
    assert {u.id: len(arrived[u.id]) for u in USERS} == {u.id: PER_USER for u in USERS}  # none lost
    replies = [call for u in USERS for _stamp, call in arrived[u.id]]
    assert all(call["status"] == 200 for call in replies)
    assert not [c["params"]["text"] for c in replies if "went wrong" in c["params"]["text"]]
    assert [c for c in all_calls if c["status"] != 200] == []
    assert len(arrived[ADMIN.id]) == UPLOADED
    admin_replies = [call["params"]["text"] for _stamp, call in arrived[ADMIN.id]]
    assert all(text.startswith("<b>New</b>") for text in admin_replies), admin_replies
    assert store_problems(db) == []
    store = open_store(db)
    assert store.db["documents"].count == SEEDED + BACKGROUND + UPLOADED
    store.close()
