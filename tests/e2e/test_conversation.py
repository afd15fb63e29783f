"""A conversation through the emulator: pages with "More", small talk, follow-ups, inline ranking,
and buttons and context that survive a restart of the bot (state kept in the SQLite file)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.ingest.pipeline import ingest_document
from storage.records import SourceDocument
from storage.store import Store
from tests.e2e.harness import BOT_USERNAME, Emulator, User, group_chat, new_token, private_chat, running_bot
from tests.e2e.test_bot import buttons, seed, statements_engine

pytestmark = pytest.mark.e2e

ALICE = User(id=9102, first_name="Alice")
BORIS = User(id=9103, first_name="Boris")


async def press_and_wait(emulator: Emulator, token: str, *, message: dict[str, Any], user: User,
                         label: str, method: str) -> dict[str, Any]:
    """Press the button labelled ``label`` under ``message``; return the bot's ``method`` call."""
    since = await emulator.mark()
    await emulator.press(token, message=message, user=user, data=buttons(message)[label])
    return await emulator.wait_call(token, method, since=since)


async def test_more_shows_the_next_page_and_the_true_count(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [(f"Speaker {n}", f"Statement number {n}.") for n in range(1, 13)]).close()
    chat = private_chat(ALICE)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine()) as app:
        token = app.bot.token
        first = (await emulator.ask(token, chat=chat, user=ALICE, text="who said anything?"))["message"]
        await press_and_wait(emulator, token, message=first, user=ALICE, label="More ▶",
                             method="editMessageText")
        second = (await emulator.messages(token, chat["id"]))[-1]["message"]
    assert first["text"].endswith("1–5 of 12") and "Statement number 6." not in first["text"]
    assert second["text"].endswith("6–10 of 12") and "Statement number 6." in second["text"]
    assert set(buttons(second)) >= {"◀ Back", "More ▶", "source 6"}


async def test_buttons_and_context_survive_a_restart(emulator: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    seed(db, [(f"Speaker {n}", f"Statement number {n}.") for n in range(1, 13)]).close()
    chat, token = private_chat(ALICE), new_token()
    asked: list[str] = []
    async with running_bot(emulator.url, token=token, db=db, engine=statements_engine(asked)):
        first = (await emulator.ask(token, chat=chat, user=ALICE,
                                    text="what did Merz say about air defence"))["message"]
    # A new process on the same SQLite file: nothing of the first one's memory is left.
    async with running_bot(emulator.url, token=token, db=db, engine=statements_engine(asked)):
        edit = await press_and_wait(emulator, token, message=first, user=ALICE, label="More ▶",
                                    method="editMessageText")
        source = await press_and_wait(emulator, token, message=first, user=ALICE, label="source 2",
                                      method="sendMessage")
        await emulator.ask(token, chat=chat, user=ALICE, text="and about sanctions?")
    assert "Statement number 6." in edit["params"]["text"]
    assert "Speaker 2 said: Statement number 2." in source["params"]["text"]
    assert asked == ["what did Merz say about air defence", "what did Merz say about sanctions"]


async def test_private_small_talk_gets_a_short_reply_and_no_search(emulator: Emulator,
                                                                   tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Mark Carney", "Canada will send more air defence.")]).close()
    asked: list[str] = []
    chat = private_chat(ALICE)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine(asked)) as app:
        replies = [(await emulator.ask(app.bot.token, chat=chat, user=ALICE, text=text))["message"]["text"]
                   for text in ("hi", "thanks!", "ok", "дякую")]
    assert asked == []
    assert replies[0].startswith("Hi!") and replies[1].startswith("You're welcome")
    assert replies[2].startswith("👍") and replies[3].startswith("Будь ласка")
    assert all(len(text) < 200 for text in replies)


async def test_a_reply_to_the_bot_in_a_group_is_a_follow_up(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Mark Carney", "Canada will send more air defence.")]).close()
    asked: list[str] = []
    chat = group_chat(-4101)
    mention = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine(asked)) as app:
        token = app.bot.token
        since = await emulator.mark()
        await emulator.send(token, chat=chat, user=ALICE, text=f"@{BOT_USERNAME} who attended from Canada?",
                            entities=mention)
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        answer = (await emulator.messages(token, chat["id"]))[-1]["message"]
        # Boris, who never asked, replies to the bot's answer: the answer is what he continues.
        since = await emulator.mark()
        await emulator.send(token, chat=chat, user=BORIS, text="thanks!", reply_to_message=answer)
        await emulator.send(token, chat=chat, user=BORIS, text="and France?", reply_to_message=answer)
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        calls, _ = await emulator.calls(token, method="sendMessage", chat_id=chat["id"], since=since)
    assert asked == ["who attended from Canada?", "who attended from France"]
    assert len(calls) == 1  # "thanks!" got no reply in the group; "and France?" got the answer


async def test_a_private_reply_continues_the_answer_replied_to(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Mark Carney", "Canada will send more air defence.")]).close()
    asked: list[str] = []
    chat = private_chat(ALICE)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine(asked)) as app:
        token = app.bot.token
        canada = await emulator.ask(token, chat=chat, user=ALICE, text="who attended from Canada?")
        await emulator.ask(token, chat=chat, user=ALICE, text="what did Merz say")
        since = await emulator.mark()
        await emulator.send(token, chat=chat, user=ALICE, text="and France?",
                            reply_to_message=canada["message"])
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
    assert asked == ["who attended from Canada?", "what did Merz say", "who attended from France"]


OSLO = ("Leaders meet in Oslo\n\nThe meeting in Oslo on 3 May 2025 brought together Emmanuel Macron, "
        "Friedrich Merz, Keir Starmer and Donald Tusk. The leaders discussed support for Ukraine. "
        "German Chancellor Friedrich Merz said: \"Germany will deliver two more air defence systems "
        "this year.\"\n")


async def test_inline_mode_shows_what_the_named_person_said_first(emulator: Emulator, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "bot.db")
    ingest_document(store, SourceDocument(text=OSLO, url="https://example.org/oslo", title="Leaders in Oslo",
                                          publisher="Example News", published="2025-05-03", language="en"))
    store.close()
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db") as app:
        token = app.bot.token
        since = await emulator.mark()
        await emulator.inject(token, {"inline_query": {"id": "q1", "from": ALICE.as_json(), "query": "merz",
                                                       "offset": ""}})
        call = await emulator.wait_call(token, "answerInlineQuery", since=since)
    titles = [r["title"] for r in call["params"]["results"]]
    assert titles and "Germany will deliver two more" in titles[0], titles
