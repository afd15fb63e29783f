"""DAILY_DIGEST from the command line: subscribers get their alerts at once, the channel one digest."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from bot.alerts.match import Subject
from bot.alerts.subscriptions import follow
from bot.cli import main
from bot.wiring import open_store
from tests.alert_facts import ACCORD, doc, extraction, pledge
from tests.e2e.harness import Emulator, new_token

CHANNEL = -1002000000002
SUBSCRIBER = 6001


async def test_digest_replaces_channel_alerts(emulator: Emulator, tmp_path: Path) -> None:
    db, token = tmp_path / "digest.db", new_token()
    store = open_store(db)
    follow(store.db, chat_id=SUBSCRIBER, subject=Subject(kind="country", value="Norway", label="Norway"))
    today = dt.datetime.now(dt.UTC).date().isoformat()  # news: older documents go to the archive
    store.save_document(doc(published=today), extraction(commitments=(pledge(),)))
    store.save_document(
        doc(url="https://news.example/accord", title="Accord signed", published=today),
        extraction(agreements=(ACCORD,)),
    )
    store.close()
    env = {
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BASE_URL": emulator.url,
        "ALERT_CHAT_ID": str(CHANNEL),
        "DAILY_DIGEST": "true",
        "ADMIN_IDS": "1",
        "ADMIN_CHAT_ID": "1",
    }
    runner = CliRunner(env=env)

    async def cli(*args: str) -> str:
        # In a thread: the command runs its own event loop, as it does from a shell.
        result = await asyncio.to_thread(runner.invoke, main, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        return result.output

    assert await cli("alerts", "deliver") == "sent 1, failed 0, dropped 0\n"  # the subscriber only
    assert await cli("alerts", "digest") == "digest queued: alert 3\n"
    assert await cli("alerts", "digest") == "nothing to digest\n"
    assert await cli("alerts", "deliver") == "sent 1, failed 0, dropped 0\n"
    assert await cli("alerts", "status") == "sent: 2\n"
    channel = await emulator.messages(token, CHANNEL)
    assert [m["message"]["text"] for m in channel] == [
        f"Daily digest, {today}: 2 new or changed documents\n"
        f"• Leaders meet in Oslo (Example News, {today}): 1 commitments\n"
        f"• Accord signed (Example News, {today}): 1 signed"
    ]
    assert [m["message"]["text"].splitlines()[0] for m in await emulator.messages(token, SUBSCRIBER)] == [
        "New: Leaders meet in Oslo"
    ]
