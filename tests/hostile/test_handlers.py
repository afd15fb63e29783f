"""Through the real bot and the Bot API emulator: hostile messages get a reply, strangers get no power."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.ask import answer_question
from bot.handlers.access import REFUSAL, command_entries
from bot.query.answer import Answer
from bot.wiring import open_store
from storage.store import Store
from tests.e2e.harness import BOT_USERNAME, Emulator, User, group_chat, new_token, private_chat, running_bot
from tests.hostile.bad_inputs import QUESTIONS
from tests.hostile.readouts import seed_readouts

pytestmark = pytest.mark.e2e

ADMIN = User(id=7001, first_name="Ada")
MALLORY = User(id=7002, first_name="Mallory")
SORRY = "something went wrong"


def recording_engine(asked: list[str]) -> Any:
    """Return the real engine, remembering each question it is given."""
    def engine(question: str, *, store: Store) -> Answer:
        asked.append(question)
        return answer_question(question, store=store)
    return engine


# The bot's own bookkeeping, written whoever talks to it and searchable by no one: when alert
# delivery began (what was stored before goes out as one archive digest), and the chat state
# (answers kept for their buttons, each chat's last question, rate windows).
BOOKKEEPING = {"alerts_state", "kept_answers", "chat_contexts", "rate_windows"}


def snapshot(db: Path) -> dict[str, int]:
    """Return the row count of every data table, to show that nothing was written."""
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")
                 if r[0] not in BOOKKEEPING]
        return {n: conn.execute(f"select count(*) from [{n}]").fetchone()[0] for n in names}
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with a few readouts in it."""
    path = tmp_path / "bot.db"
    seed_readouts(path, tmp_path / "docs", 4)
    return path


async def reply_to(emulator: Emulator, token: str, chat: dict[str, Any],
                   message: dict[str, Any]) -> dict[str, Any]:
    """Inject one message and return the bot's reply to it."""
    since = await emulator.mark()
    await emulator.inject(token, {"message": {"message_id": 5, "date": 1, "chat": chat, **message}})
    call = await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
    assert call["status"] == 200, call
    return (await emulator.messages(token, chat["id"]))[-1]


def mallory_says(text: str, **extra: Any) -> dict[str, Any]:
    return {"from": MALLORY.as_json(), "text": text, **extra}


CHANNEL = {"id": -1001234567890, "type": "channel", "title": "Ministry news", "username": "ministry"}
STRANGER_ATTEMPTS = [
    pytest.param(mallory_says("https://example.org/readout.html"), id="url"),
    pytest.param(mallory_says("Leaders met in Oslo on 3 May 2025.", forward_origin={
        "type": "channel", "chat": CHANNEL, "message_id": 5, "date": 1740873600}),
        id="forwarded-channel-post"),
]


@pytest.mark.parametrize("message", STRANGER_ATTEMPTS)
async def test_a_stranger_cannot_feed_the_store(emulator: Emulator, db: Path,
                                                message: dict[str, Any]) -> None:
    before = snapshot(db)
    async with running_bot(emulator.url, token=new_token(), db=db, admin_ids=[ADMIN.id]) as app:
        reply = await reply_to(emulator, app.bot.token, private_chat(MALLORY), message)
        calls, _ = await emulator.calls(app.bot.token)
    assert reply["message"]["text"] == REFUSAL
    assert snapshot(db) == before
    assert {int(c["params"]["chat_id"]) for c in calls if c["method"] == "sendMessage"} == {MALLORY.id}


@pytest.mark.parametrize("chat", [pytest.param(private_chat(MALLORY), id="private"),
                                  pytest.param(group_chat(-7100), id="group")])
async def test_every_admin_command_refuses_a_stranger(emulator: Emulator, db: Path,
                                                      chat: dict[str, Any]) -> None:
    store = open_store(db)
    doc_id = next(store.documents())["id"]
    store.close()
    before = snapshot(db)
    async with running_bot(emulator.url, token=new_token(), db=db, admin_ids=[ADMIN.id]) as app:
        admin_commands = [name for name, _doc, admin in command_entries(app) if admin]
        assert "delete" in admin_commands
        for name in admin_commands:
            for args in ("", f" {doc_id}", " https://example.org/feed.xml", " -1001234567890", " all"):
                reply = await emulator.ask(app.bot.token, chat=chat, user=MALLORY, text=f"/{name}{args}")
                assert reply["message"]["text"] == REFUSAL, (name, args)
        calls, _ = await emulator.calls(app.bot.token)
    assert snapshot(db) == before
    assert {int(c["params"]["chat_id"]) for c in calls if c["method"] == "sendMessage"} == {chat["id"]}


def test_commands_that_change_things_are_admin_only() -> None:
    from bot.app import build_application
    from bot.config import Settings

    settings = Settings(_env_file=None, TELEGRAM_BOT_TOKEN=new_token())  # type: ignore[call-arg]
    entries = list(command_entries(build_application(settings)))
    risky = ("delete", "ingest", "feed", "channel", "post", "broadcast", "unsubscribe_channel")
    exposed = [name for name, _doc, admin in entries if not admin and any(w in name for w in risky)]
    assert exposed == []


QUESTION_IDS = {"4096-characters", "fts-unbalanced-quote", "fts-near-unclosed", "fts-star-or-minus",
                "sql-drop", "sql-union", "zero-width-inside-name", "right-to-left-override", "emoji",
                "html-in-question", "like-wildcards"}


async def test_hostile_questions_each_get_one_valid_reply(emulator: Emulator, db: Path) -> None:
    chosen = [p.values[0] for p in QUESTIONS if p.id in QUESTION_IDS]
    asked: list[str] = []
    before = snapshot(db)
    async with running_bot(emulator.url, token=new_token(), db=db, engine=recording_engine(asked),
                           USER_RATE_LIMIT_PER_MINUTE=100) as app:
        for question in chosen:
            reply = await emulator.ask(app.bot.token, chat=private_chat(MALLORY), user=MALLORY, text=question)
            assert reply["message"]["text"].strip() and SORRY not in reply["message"]["text"], question
        calls, _ = await emulator.calls(app.bot.token)
    assert [c for c in calls if c["status"] != 200] == []
    assert len(asked) == len(chosen) and max(len(q) for q in asked) <= 500
    assert snapshot(db) == before


async def test_a_message_full_of_entities_is_asked_as_plain_text(emulator: Emulator, db: Path) -> None:
    text = "🇺🇦 what did Anna Berg say about air defence? #ukraine @someone"
    entities = [  # offsets and lengths in UTF-16 code units, as Telegram sends them
        {"type": "bold", "offset": 5, "length": 4}, {"type": "italic", "offset": 15, "length": 9},
        {"type": "text_link", "offset": 35, "length": 11, "url": "javascript:alert(1)"},
        {"type": "spoiler", "offset": 25, "length": 3}, {"type": "hashtag", "offset": 48, "length": 8},
        {"type": "mention", "offset": 57, "length": 8},
        {"type": "custom_emoji", "offset": 0, "length": 4, "custom_emoji_id": "5368324170671202286"},
    ]
    asked: list[str] = []
    async with running_bot(emulator.url, token=new_token(), db=db, engine=recording_engine(asked)) as app:
        reply = await reply_to(emulator, app.bot.token, private_chat(MALLORY),
                               mallory_says(text, entities=entities))
    assert asked == [text]
    assert "javascript" not in reply["html"] and SORRY not in reply["message"]["text"]


async def test_a_group_mention_after_emoji_is_cut_out_by_utf16_offsets(emulator: Emulator, db: Path) -> None:
    text = f"🇺🇦👨‍👩‍👧 @{BOT_USERNAME} what did Anna Berg say?"
    offset = len("🇺🇦👨‍👩‍👧 ".encode("utf-16-le")) // 2
    mention = [{"type": "mention", "offset": offset, "length": len(BOT_USERNAME) + 1}]
    asked: list[str] = []
    async with running_bot(emulator.url, token=new_token(), db=db, engine=recording_engine(asked)) as app:
        await reply_to(emulator, app.bot.token, group_chat(-7200), mallory_says(text, entities=mention))
    assert asked == ["🇺🇦👨‍👩‍👧 what did Anna Berg say?"]


@pytest.mark.parametrize("origin", [
    pytest.param({"type": "user", "date": 1740873600,
                  "sender_user": {"id": 555, "is_bot": False, "first_name": "Secret Sam"}}, id="from-a-user"),
    pytest.param({"type": "hidden_user", "date": 1740873600, "sender_user_name": "Hidden Hannah"},
                 id="from-a-hidden-user"),
])
@pytest.mark.parametrize("sender", [pytest.param(ADMIN, id="admin"), pytest.param(MALLORY, id="stranger")])
async def test_a_message_forwarded_from_a_private_chat_is_never_ingested(
        emulator: Emulator, db: Path, origin: dict[str, Any], sender: User) -> None:
    before = snapshot(db)
    text = "https://example.org/private-notes.html"
    async with running_bot(emulator.url, token=new_token(), db=db, admin_ids=[ADMIN.id]) as app:
        reply = await reply_to(emulator, app.bot.token, private_chat(sender),
                               {"from": sender.as_json(), "text": text, "forward_origin": origin})
        calls, _ = await emulator.calls(app.bot.token)
    assert snapshot(db) == before  # a private person's words are not a public source
    assert SORRY not in reply["message"]["text"]
    assert "Secret Sam" not in reply["message"]["text"] and "Hidden Hannah" not in reply["message"]["text"]
    assert "getFile" not in [c["method"] for c in calls]


async def test_a_forged_inline_offset_gets_an_answer(emulator: Emulator, db: Path) -> None:
    async with running_bot(emulator.url, token=new_token(), db=db) as app:
        since = await emulator.mark()
        await emulator.inject(app.bot.token, {"inline_query": {
            "id": "q1", "from": MALLORY.as_json(), "query": "Anna Berg", "offset": "²"}})
        call = await emulator.wait_call(app.bot.token, "answerInlineQuery", since=since)
    assert call["status"] == 200


@pytest.mark.parametrize("data", ["p:nokey:0", "s:nokey:99", "p:x:٣", "s:x:00", "p:" + "k" * 55 + ":1"])
async def test_forged_button_data_gets_an_answer(emulator: Emulator, db: Path, data: str) -> None:
    async with running_bot(emulator.url, token=new_token(), db=db) as app:
        chat = private_chat(MALLORY)
        first = await emulator.ask(app.bot.token, chat=chat, user=MALLORY, text="what did Anna Berg say?")
        since = await emulator.mark()
        await emulator.press(app.bot.token, message=first["message"], user=MALLORY, data=data)
        call = await emulator.wait_call(app.bot.token, "answerCallbackQuery", since=since)
    assert call["status"] == 200


async def test_nobody_can_point_alerts_at_a_channel_or_group(emulator: Emulator, db: Path) -> None:
    channel = {"id": -1009876543210, "type": "channel", "title": "Someone's channel"}
    async with running_bot(emulator.url, token=new_token(), db=db, admin_ids=[ADMIN.id]) as app:
        token = app.bot.token
        for chat, extra in ((channel, {}), (group_chat(-7300), {"from": MALLORY.as_json()}),
                            (group_chat(-7301), {"from": ADMIN.as_json()})):
            since = await emulator.mark()
            text = "/follow Norway"
            update = {"message_id": 3, "date": 1, "chat": chat, "text": text, **extra,
                      "entities": [{"type": "bot_command", "offset": 0, "length": 7}]}
            await emulator.inject(token, {"channel_post" if chat is channel else "message": update})
            reply = await emulator.wait_call(token, "sendMessage", since=since, chat_id=chat["id"])
            assert "private chats" in reply["params"]["text"]
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from subscriptions").fetchone()[0] == 0
    conn.close()


async def test_a_channel_post_without_words_is_not_ingested(emulator: Emulator, db: Path) -> None:
    before = snapshot(db)
    origin = {"type": "channel", "chat": CHANNEL, "message_id": 6, "date": 1740873600}
    async with running_bot(emulator.url, token=new_token(), db=db, admin_ids=[ADMIN.id]) as app:
        reply = await reply_to(emulator, app.bot.token, private_chat(ADMIN), {
            "from": ADMIN.as_json(), "text": "\u200b\u200d\u2060 …", "forward_origin": origin})
    assert "no readable text" in reply["message"]["text"]
    assert snapshot(db) == before
