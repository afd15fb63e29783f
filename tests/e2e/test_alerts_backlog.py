"""A first start on an ingested store: the backlog is one silent archive digest per chat, and
what arrives afterwards is news, one alert each."""

from __future__ import annotations

import asyncio
from pathlib import Path

from click.testing import CliRunner

from bot.alerts.match import Subject
from bot.alerts.subscriptions import follow
from bot.cli import main
from bot.handlers.alerts import deliver_soon
from storage.store import Store
from tests.e2e.harness import Emulator, new_token, running_bot
from tests.e2e.test_alerts_bot import alert_call, save

CHANNEL = -1003000000003
FOLLOWER = 7007
# Our own sentences: three meetings, each with a pledge of a listed country.
TEXTS = (
    "Ministers met in Tallinn on 2 March 2026. Estonia pledged 40 million euros for demining.",
    "Leaders met in Riga on 3 March 2026. Latvia and Norway pledged 12 million euros for generators.",
    "Envoys met in Vilnius on 4 March 2026. Lithuania signed a memorandum on border cooperation.",
)


async def test_first_start_sends_the_backlog_as_one_silent_digest(emulator: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "backlog.db"
    for n, text in enumerate(TEXTS):  # one small ingest each: news, were the bot running
        path = tmp_path / f"meeting{n}.txt"
        path.write_text(text, encoding="utf-8")
        runner = CliRunner()
        result = await asyncio.to_thread(
            runner.invoke, main, ["ingest", "--db", str(db), "--title", f"Baltic meeting {n}", str(path)]
        )
        assert result.exit_code == 0, result.output
    store = Store.open(db)
    follow(store.db, chat_id=FOLLOWER, subject=Subject(kind="country", value="Norway", label="Norway"))
    store.close()
    async with running_bot(emulator.url, token=new_token(), db=db, ALERT_CHAT_ID=CHANNEL) as app:
        token = app.bot.token
        digest = await alert_call(emulator, token, CHANNEL, 0)
        mine = await alert_call(emulator, token, FOLLOWER, 0)
        since = await emulator.mark()
        save(db, text="Leaders met in Oslo. Norway pledged 200 million euros.")
        deliver_soon(app)
        news = await alert_call(emulator, token, CHANNEL, since)
        channel = await emulator.messages(token, CHANNEL)
    assert [_silent(digest), _silent(mine), _silent(news)] == [True, True, False]
    assert channel[0]["message"]["text"].splitlines() == [
        "3 documents added to the archive:",
        "• Baltic meeting 2 (2026-03-04)",
        "• Baltic meeting 1 (2026-03-03)",
        "• Baltic meeting 0 (2026-03-02)",
    ]
    assert mine["params"]["text"].startswith("<b>1 document added to the archive</b>:")
    assert "Because you follow Norway" in mine["params"]["text"]
    assert [m["message"]["text"].splitlines()[0] for m in channel] == [
        "3 documents added to the archive:",
        "New: Leaders meet in Oslo",
    ]


def _silent(call: dict) -> bool:
    return str(call["params"].get("disable_notification", "false")).lower() == "true"

