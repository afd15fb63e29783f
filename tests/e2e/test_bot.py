"""The real bot (HTTP, JSON, long polling) against the emulator: what a Telegram user sees."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.ask import answer_question
from bot.handlers.access import command_entries
from bot.ingest.pipeline import ingest_document
from bot.query.answer import Answer
from bot.render import render_answer
from bot.wiring import open_store
from storage.records import Extraction, Sentence, SourceDocument, Statement
from storage.store import Store
from tests.e2e.harness import BOT_USERNAME, Emulator, User, group_chat, new_token, private_chat, running_bot

pytestmark = pytest.mark.e2e

ADMIN = User(id=9001, first_name="Ada")
ALICE = User(id=9002, first_name="Alice")
TRICKY = "<script>alert(\"x\")</script> & 'quoted' <b>not bold</b> 5 > 3 &amp; <a href=\"x\">"


def seed(path: Path, statements: list[tuple[str, str]], *, url: str = "https://example.org/readout") -> Store:
    """Save one document whose sentences are ``speaker said: text`` statements; return the store."""
    store = open_store(path)
    sentences, facts, offset = [], [], 0
    for index, (speaker, text) in enumerate(statements):
        sentence = f"{speaker} said: {text}"
        sentences.append(Sentence(index=index, start=offset, end=offset + len(sentence), text=sentence))
        facts.append(Statement(speaker=speaker, text=text, quote=False, sentence=index,
                               start=offset, end=offset + len(sentence)))
        offset += len(sentence) + 1
    doc = SourceDocument(text=" ".join(s.text for s in sentences), url=url, title="Readout <1> & more",
                         publisher="Example & Co", published="2025-03-02", language="en")
    store.save_document(doc, Extraction(sentences=tuple(sentences), statements=tuple(facts)))
    return store


def statements_engine(asked: list[str] | None = None) -> Any:
    """Return an engine that answers every question with all statements in the store, in order."""
    def engine(question: str, *, store: Store) -> Answer:
        if asked is not None:
            asked.append(question)
        results = []
        for doc in store.documents():
            source = {k: doc[k] for k in ("title", "publisher", "published", "url")}
            for row in store.facts_of(doc["id"])["statements"]:
                evidence = store.sentence(doc["id"], row["sentence"])
                results.append({"type": "statement", "text": f"{row['speaker']}: {row['text']}",
                                "doc_id": doc["id"], "sentence": row["sentence"],
                                "evidence": evidence["text"] if evidence else "", "source": source})
        text = "\n".join(r["text"] for r in results) or "Nothing is known about that yet."
        return Answer(question=question, text=text, found=bool(results), intent="statement",
                      results=results, header="Statements:" if results else "")
    return engine


def buttons(message: dict[str, Any]) -> dict[str, str]:
    """Map each inline button's label to its callback data."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def test_private_question_gets_the_engines_answer(emulator: Emulator, tmp_path: Path) -> None:
    quote = "Germany will keep supporting Ukraine & its <brave> people."
    store = open_store(tmp_path / "bot.db")
    ingest_document(store, SourceDocument(
        text=f"Leaders meet in Oslo\n\nLeaders met in Oslo on 3 May 2025 to discuss support for Ukraine. "
             f"German Chancellor Friedrich Merz said: \"{quote}\"\n",
        url="https://example.org/oslo", title="Leaders meet in Oslo", publisher="Example News",
        published="2025-05-03", language="en"))
    question = "what did merz say"
    expected = render_answer(answer_question(question, store=store))[0].html
    store.close()
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db") as app:
        reply = await emulator.ask(app.bot.token, chat=private_chat(ALICE), user=ALICE, text=question)
    assert reply["html"] == expected
    assert quote in reply["message"]["text"]


async def test_group_mention_is_answered_and_chatter_ignored(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Mark Carney", "Canada will send more air defence.")]).close()
    asked: list[str] = []
    chat = group_chat(-4001)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine(asked)) as app:
        token = app.bot.token
        await emulator.send(token, chat=chat, user=ALICE, text="lunch at noon?")
        text = f"@{BOT_USERNAME} who attended from Canada?"
        mention = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
        since = await emulator.mark()
        await emulator.send(token, chat=chat, user=ALICE, text=text, entities=mention)
        call = await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        replies = await emulator.messages(token, chat["id"])
    assert asked == ["who attended from Canada?"]
    assert len(replies) == 1 and "Canada will send more air defence." in replies[0]["message"]["text"]
    assert "reply_parameters" in call["params"]  # in a group the answer quotes the question


async def test_command_in_a_group(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Keir Starmer", "The UK is ready to deploy troops.")]).close()
    asked: list[str] = []
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine(asked)) as app:
        reply = await emulator.ask(app.bot.token, chat=group_chat(-4002), user=ALICE,
                                   text=f"/commitments@{BOT_USERNAME} the United Kingdom")
    assert asked == ["what did the United Kingdom commit to"]
    assert "The UK is ready to deploy troops." in reply["message"]["text"]


async def test_pages_turn_with_the_buttons(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [(f"Speaker {n}", f"Statement number {n}.") for n in range(1, 13)]).close()
    chat = private_chat(ALICE)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine()) as app:
        token = app.bot.token
        first = await emulator.ask(token, chat=chat, user=ALICE, text="who said anything?")
        assert "Statement number 1." in first["message"]["text"]
        assert "Statement number 6." not in first["message"]["text"]
        since = await emulator.mark()
        next_page = buttons(first["message"])["More ▶"]
        await emulator.press(token, message=first["message"], user=ALICE, data=next_page)
        await emulator.wait_call(token, "editMessageText", since=since)
        answered = await emulator.wait_call(token, "answerCallbackQuery", since=since)
        second = (await emulator.messages(token, chat["id"]))[-1]
    assert answered["status"] == 200
    assert second["message"]["message_id"] == first["message"]["message_id"] and second["edits"] == 1
    assert "Statement number 6." in second["message"]["text"]
    assert "Statement number 1." not in second["message"]["text"]
    assert {"◀ Back", "More ▶"} <= set(buttons(second["message"]))


async def test_source_button_shows_the_sentence_and_link(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Emmanuel Macron", "Europe must rearm.")]).close()
    chat = private_chat(ALICE)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine()) as app:
        token = app.bot.token
        answer = await emulator.ask(token, chat=chat, user=ALICE, text="what did macron say")
        since = await emulator.mark()
        source_button = buttons(answer["message"])["source 1"]
        await emulator.press(token, message=answer["message"], user=ALICE, data=source_button)
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        source = (await emulator.messages(token, chat["id"]))[-1]
    assert source["html"] == (
        "<b>Source</b>\n<blockquote>Emmanuel Macron said: Europe must rearm.</blockquote>\n"
        '<i>— Example &amp; Co, 2025-03-02, '
        '<a href="https://example.org/readout">Readout &lt;1&gt; &amp; more</a></i>'
    )


OSLO = "Readout of the test meeting\n\nThe ministers met in Oslo on 3 March 2025. They agreed to meet.\n"


@pytest.mark.parametrize(("user", "reply", "titles", "fetched"), [
    pytest.param(ADMIN, "New: Readout of the test meeting", ["Readout of the test meeting"], True,
                 id="admin"),
    pytest.param(ALICE, "Sorry, only the bot's admins", [], False, id="refused"),
])
async def test_a_sent_file_is_ingested_for_admins_only(emulator: Emulator, tmp_path: Path, user: User,
                                                       reply: str, titles: list[str], fetched: bool) -> None:
    chat = private_chat(user)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           admin_ids=[ADMIN.id]) as app:
        token = app.bot.token
        document = await emulator.upload(name="oslo.txt", data=OSLO.encode())
        since = await emulator.mark()
        await emulator.inject(token, {"message": {"message_id": 1, "date": 1, "chat": chat,
                                                  "from": user.as_json(), "document": document}})
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        calls, _ = await emulator.calls(token, since=since)
        answer = (await emulator.messages(token, chat["id"]))[-1]
    assert answer["message"]["text"].startswith(reply)
    methods = [c["method"] for c in calls if c["method"] != "getUpdates"]
    assert methods[:2] == (["getFile", "sendChatAction"] if fetched else ["sendMessage"])
    store = open_store(tmp_path / "bot.db")
    assert [d["title"] for d in store.documents()] == titles
    store.close()


async def test_answer_longer_than_one_message_is_split_into_pages(emulator: Emulator, tmp_path: Path) -> None:
    long = [(f"Speaker {n}", " ".join([f"word{n}"] * 450) + f" end{n}.") for n in range(1, 5)]
    seed(tmp_path / "bot.db", long).close()
    chat = private_chat(ALICE)
    shown: list[str] = []
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine()) as app:
        token = app.bot.token
        page = (await emulator.ask(token, chat=chat, user=ALICE, text="everything"))["message"]
        shown.append(page["text"])
        while "More ▶" in buttons(page):
            since = await emulator.mark()
            await emulator.press(token, message=page, user=ALICE, data=buttons(page)["More ▶"])
            await emulator.wait_call(token, "editMessageText", since=since)
            page = (await emulator.messages(token, chat["id"]))[-1]["message"]
            shown.append(page["text"])
        calls, _ = await emulator.calls(token)
    assert sum(len(text) for text in shown) > 4096
    assert len(shown) >= 3 and all(len(text) <= 4096 for text in shown)
    assert all(c["status"] == 200 for c in calls), [c for c in calls if c["status"] != 200]
    assert [n for n in range(1, 5) if any(f"end{n}." in text for text in shown)] == [1, 2, 3, 4]


async def test_html_special_characters_arrive_as_written(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [("Kaja Kallas", TRICKY)]).close()
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine()) as app:
        reply = await emulator.ask(app.bot.token, chat=private_chat(ALICE), user=ALICE,
                                   text="<b>what</b> & why?")
    assert f"Kaja Kallas: {TRICKY}" in reply["message"]["text"]
    assert "Example & Co, 2025-03-02, Readout <1> & more" in reply["message"]["text"]


async def test_inline_query_lists_fifty_facts_a_page(emulator: Emulator, tmp_path: Path) -> None:
    seed(tmp_path / "bot.db", [(f"Speaker {n}", f"Point {n}.") for n in range(60)]).close()
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine()) as app:
        token = app.bot.token
        since = await emulator.mark()
        query = {"id": "q1", "from": ALICE.as_json(), "query": "merz", "offset": ""}
        await emulator.inject(token, {"inline_query": query})
        first = await emulator.wait_call(token, "answerInlineQuery", since=since)
        since = await emulator.mark()
        await emulator.inject(token, {"inline_query": {**query, "id": "q2", "offset": "50"}})
        second = await emulator.wait_call(token, "answerInlineQuery", since=since)
    assert (len(first["params"]["results"]), first["params"]["next_offset"]) == (50, "50")
    assert (len(second["params"]["results"]), second["params"].get("next_offset")) == (10, None)
    assert second["params"]["results"][0]["title"] == "Speaker 50: Point 50."


async def test_admin_forwards_a_channel_post(emulator: Emulator, tmp_path: Path) -> None:
    chat = private_chat(ADMIN)
    channel = {"id": -1001234567890, "type": "channel", "title": "Ministry news", "username": "ministry"}
    origin = {"type": "channel", "chat": channel, "message_id": 77, "date": 1740873600}
    post = "Talks in Oslo\n\nThe ministers met in Oslo on 3 March 2025.\n"
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           admin_ids=[ADMIN.id]) as app:
        token = app.bot.token
        since = await emulator.mark()
        await emulator.inject(token, {"message": {"message_id": 2, "date": 1, "chat": chat,
                                                  "from": ADMIN.as_json(), "text": post,
                                                  "forward_origin": origin}})
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
        reply = (await emulator.messages(token, chat["id"]))[-1]
    assert reply["message"]["text"].startswith("New: Talks in Oslo")
    store = open_store(tmp_path / "bot.db")
    assert [(d["url"], d["publisher"], d["published"]) for d in store.documents()] == [
        ("https://t.me/ministry/77", "Ministry news", "2025-03-02")]
    store.close()


async def test_help_and_menu_list_the_registered_commands(emulator: Emulator, tmp_path: Path) -> None:
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db") as app:
        token = app.bot.token
        menu, _ = await emulator.calls(token, method="setMyCommands")
        reply = await emulator.ask(token, chat=private_chat(ALICE), user=ALICE, text="/help")
        registered = list(command_entries(app))
    names = [c["command"] for c in menu[0]["params"]["commands"]]
    assert names == [name for name, _, admin in registered if not admin]  # the menu never drifts
    assert {"start", "help", "who", "said", "commitments", "signed", "meetings", "search", "sources"} \
        <= set(names)
    assert "delete" not in names  # admin commands stay out of everyone's menu, but /help lists them
    assert all(f"/{name} — " in reply["message"]["text"] for name, _, _ in registered)


async def test_too_many_questions_get_a_friendly_reply(emulator: Emulator, tmp_path: Path) -> None:
    chat = private_chat(ALICE)
    async with running_bot(emulator.url, token=new_token(), db=tmp_path / "bot.db",
                           engine=statements_engine(), USER_RATE_LIMIT_PER_MINUTE=1) as app:
        await emulator.ask(app.bot.token, chat=chat, user=ALICE, text="first question")
        reply = await emulator.ask(app.bot.token, chat=chat, user=ALICE, text="second question")
    assert "faster than I can keep up" in reply["message"]["text"]
