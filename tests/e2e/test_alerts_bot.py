"""The running bot against the emulator: subscriptions, channel alerts, silent updates, feeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bot.handlers.alerts import deliver_soon
from bot.wiring import open_store
from tests.alert_facts import doc, extraction, pledge, quote
from tests.e2e.harness import Emulator, User, group_chat, new_token, private_chat, running_bot
from tests.local_site import ARTICLE_PAGE, Route, Site, rss, site_fixture  # noqa: F401 - the site fixture

CHANNEL = -1001000000001
ALICE = User(5001, "Alice")
ADMIN = User(5002, "Admin")


def save(db: Path, *, text: str, statements: tuple[Any, ...] = ()) -> None:
    """Save a document from another connection, as `pledgebot ingest` or the poller would."""
    store = open_store(db)
    today = dt.date.today().isoformat()  # news: older documents go to the archive digest
    facts = extraction(commitments=(pledge(),), statements=statements)
    store.save_document(doc(text, published=today), facts)
    store.close()


async def alert_call(
    emulator: Emulator, token: str, chat_id: int, since: int, *, starts: str = "<b>"
) -> dict[str, Any]:
    """Wait for the bot's next message to ``chat_id`` whose HTML starts with ``starts``."""
    while True:
        call = await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat_id)
        since = call["index"] + 1
        if call["params"]["text"].startswith(starts):
            assert call["status"] == 200, call
            return call


async def test_follow_then_alerts_reach_channel_and_subscriber(emulator: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    async with running_bot(emulator.url, token=new_token(), db=db, ALERT_CHAT_ID=CHANNEL) as app:
        token, chat = app.bot.token, private_chat(ALICE)
        followed = await emulator.ask(token, chat=chat, user=ALICE, text="/follow Norway")
        listed = await emulator.ask(token, chat=chat, user=ALICE, text="/following")
        in_group = await emulator.ask(token, chat=group_chat(-77), user=ALICE, text="/follow Norway")
        since = await emulator.mark()
        save(db, text="Leaders met in Oslo. Norway pledged 200 million euros.")
        deliver_soon(app)
        loud = await alert_call(emulator, token, CHANNEL, since)
        await alert_call(emulator, token, ALICE.id, since)
        since = await emulator.mark()
        save(
            db,
            text="Leaders met in Oslo. Norway pledged 200 million euros. More later.",
            statements=(quote(),),
        )
        deliver_soon(app)
        silent = await alert_call(emulator, token, CHANNEL, since)
        await alert_call(emulator, token, ALICE.id, since)
        unfollowed = await emulator.ask(token, chat=chat, user=ALICE, text="/unfollow NORWAY")
        channel = await emulator.messages(token, CHANNEL)
        alice = await emulator.messages(token, ALICE.id)
    assert followed["message"]["text"].startswith("You now follow Norway (country).")
    assert listed["message"]["text"].startswith("You follow:\n• Norway (country)")
    assert in_group["message"]["text"].startswith("Subscriptions live in private chats")
    assert unfollowed["message"]["text"] == "You no longer follow Norway."
    assert [m["message"]["text"].splitlines()[0] for m in channel] == [
        "New: Leaders meet in Oslo",
        "Updated: Leaders meet in Oslo",
    ]
    assert (
        "Norway [pledge]: 200 million euros for energy repairs (200 million euros)"
        in channel[0]["message"]["text"]
    )
    assert '<a href="https://news.example/oslo">Leaders meet in Oslo</a>' in channel[0]["html"]
    assert (_silent(loud), _silent(silent)) == (False, True)  # the update adds only a quote: minor
    alerts = [m["message"]["text"].splitlines() for m in alice if m["html"].startswith("<b>")]
    assert [lines[:2] for lines in alerts] == [
        ["New: Leaders meet in Oslo", "Because you follow Norway"],
        ["Updated: Leaders meet in Oslo", "Because you follow Norway"],
    ]


async def test_admin_adds_a_feed_and_its_article_reaches_the_channel(
    emulator: Emulator, tmp_path: Path, site: Site
) -> None:
    site.routes["/news/oslo"] = Route(body=ARTICLE_PAGE)
    site.routes["/rss"] = Route(
        body=rss(("1", site.url("/news/oslo"), "Nordic ministers in Oslo")),
        content_type="application/rss+xml",
    )
    async with running_bot(
        emulator.url,
        token=new_token(),
        db=tmp_path / "bot.db",
        admin_ids=[ADMIN.id],
        ALERT_CHAT_ID=CHANNEL,
        ALERT_MAX_AGE_DAYS=0,  # the test site's article is dated 2026-02-03: news at any age here
    ) as app:
        token = app.bot.token
        refused = await emulator.ask(
            token, chat=private_chat(ALICE), user=ALICE, text=f"/feeds add {site.url('/rss')}"
        )
        since = await emulator.mark()
        added = await emulator.ask(
            token, chat=private_chat(ADMIN), user=ADMIN, text=f"/feeds add {site.url('/rss')}"
        )
        posted = await alert_call(emulator, token, CHANNEL, since)
        since = await emulator.mark()
        await emulator.ask(
            token, chat=private_chat(ADMIN), user=ADMIN, text=f"/feeds add {site.url('/gone')}"
        )
        notice = await alert_call(emulator, token, ADMIN.id, since, starts="<b>pledgebot</b>")
        listed = await emulator.ask(token, chat=private_chat(ADMIN), user=ADMIN, text="/feeds")
        removed = await emulator.ask(
            token, chat=private_chat(ADMIN), user=ADMIN, text=f"/feeds remove {site.url('/gone')}"
        )
    assert refused["message"]["text"].startswith("Sorry, only the bot's admins")
    assert added["message"]["text"].startswith(f"Added {site.url('/rss')}; polled now")
    assert posted["params"]["text"].startswith("<b>New: Nordic ministers in Oslo</b>")
    assert (
        "Feed failing, retrying with backoff" in notice["params"]["text"]
        and "HTTP 404" in notice["params"]["text"]
    )
    rss_line, gone_line = listed["message"]["text"].splitlines()
    assert rss_line.startswith(f"{site.url('/rss')} (Example news): ok, last polled 20")
    assert gone_line.startswith(f"{site.url('/gone')}: failing (1x, next try 20")
    assert removed["message"]["text"] == f"Removed {site.url('/gone')}. Its documents stay."


def _silent(call: dict[str, Any]) -> bool:
    return str(call["params"].get("disable_notification", "false")).lower() == "true"
