"""A process the crash test kills: it queues alerts, or delivers some, then waits to be SIGKILLed.

    python -m tests.e2e.alerts_worker queue DB COUNT CHAT      # save COUNT documents, CHAT follows Norway
    python -m tests.e2e.alerts_worker deliver DB URL TOKEN CHANNEL PAUSE_AFTER

Each prints one line (QUEUED n, or PAUSED n) when it reaches the point where it must be killed.
"""

from __future__ import annotations

import asyncio
import sys
import time

from bot.alerts.deliver import BotSender, Report, deliver_round
from bot.alerts.match import Subject
from bot.alerts.outbox import Audience
from bot.alerts.subscriptions import follow
from bot.wiring import open_store
from tests.alert_facts import doc, extraction, pledge


def queue(db: str, count: int, chat: int) -> None:
    """Save ``count`` documents, each queueing an alert, then wait forever."""
    store = open_store(db)
    follow(store.db, chat_id=chat, subject=Subject(kind="country", value="Norway", label="Norway"))
    for n in range(count):
        store.save_document(
            doc(url=f"https://news.example/{n}", title=f"Meeting number {n}"),
            extraction(commitments=(pledge(),)),
        )
    print(f"QUEUED {count}", flush=True)
    while True:
        time.sleep(60)


async def deliver(db: str, url: str, token: str, channel: int, pause_after: int) -> None:
    """Deliver until ``pause_after`` messages are sent, then wait forever."""
    from bot.commands.alerts import make_bot
    from bot.config import Settings

    settings = Settings(_env_file=None, TELEGRAM_BOT_TOKEN=token, TELEGRAM_BASE_URL=url)  # type: ignore[call-arg]

    async def pause(report: Report) -> None:
        if report.sent >= pause_after:
            print(f"PAUSED {report.sent}", flush=True)
            await asyncio.sleep(3600)

    store = open_store(db)
    async with make_bot(settings) as bot:
        await deliver_round(store.db, BotSender(bot), audience=Audience(channel_id=channel), after_each=pause)


if __name__ == "__main__":
    if sys.argv[1] == "queue":
        queue(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        asyncio.run(deliver(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])))
