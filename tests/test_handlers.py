"""Handlers offline, in python-telegram-bot's own style: raw updates in, recorded API calls out."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from telegram import Message, Update

from bot.handlers.questions import addressed_question, command_question
from bot.query.answer import Answer
from bot.wiring import open_store
from storage.records import Extraction, SourceDocument
from storage.store import Store
from tests.telegram_offline import ADMIN, BOT, TOKEN, USER, message_update, offline_app


def fixed_engine(answer_text: str = "Nothing is known about that yet.", results: int = 0,
                 asked: list[str] | None = None) -> Any:
    """Return an engine that records each question and answers with ``results`` made-up facts
    (of one stored document: a kept answer blanks the facts of documents not in the store)."""
    def engine(question: str, *, store: Store) -> Answer:
        if asked is not None:
            asked.append(question)
        doc = SourceDocument(text="Made-up facts.", url="https://example.org/t")
        doc_id = store.save_document(doc, Extraction()).doc_id
        facts = [{"type": "statement", "text": f"Fact {n} <&>", "doc_id": doc_id, "sentence": n,
                  "evidence": f"Sentence {n}.", "source": {"title": "T", "url": "https://example.org/t"}}
                 for n in range(1, results + 1)]
        return Answer(question=question, text=answer_text, found=bool(facts), intent="search", results=facts)
    return engine


@pytest.mark.parametrize(("command", "args", "question"), [
    pytest.param("who", "Canada", "who attended Canada", id="who"),
    pytest.param("said", "Merz", "what did Merz say", id="said-person"),
    pytest.param("said", "Merz about  air defence", "what did Merz say about air defence", id="said-topic"),
    pytest.param("said", "Zelensky on drones", "what did Zelensky say about drones", id="said-on"),
    pytest.param("commitments", "the UK", "what did the UK commit to", id="commitments"),
    pytest.param("signed", "", "which agreements were signed", id="signed-all"),
    pytest.param("signed", "Paris", "which agreements were signed at Paris", id="signed-meeting"),
    pytest.param("meetings", "", "which meetings took place", id="meetings-all"),
    pytest.param("meetings", "Rutte", "which meetings did Rutte attend", id="meetings-person"),
    pytest.param("search", "shadow fleet", "shadow fleet", id="search"),
    pytest.param("who", "   ", None, id="who-missing"),
])
def test_command_question(command: str, args: str, question: str | None) -> None:
    assert command_question(command, args) == question


def group_message(text: str, **extra: Any) -> Message:
    payload = message_update(text=text, chat_id=-100, **extra)["message"]
    return Message.de_json(payload, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "extra", "question"), [
    pytest.param("@PledgeTestBot who attended?",
                 {"entities": [{"type": "mention", "offset": 0, "length": 14}]}, "who attended?",
                 id="mention-first"),
    pytest.param("🇺🇦 so, @pledgetestbot: what did Merz say",
                 {"entities": [{"type": "mention", "offset": 9, "length": 14}]},
                 "🇺🇦 so, what did Merz say", id="mention-after-emoji"),
    pytest.param("@someoneelse hi", {"entities": [{"type": "mention", "offset": 0, "length": 12}]}, None,
                 id="other-mention"),
    pytest.param("and Canada?", {"reply_to_message": {"message_id": 1, "date": 0, "from": BOT,
                                                      "chat": {"id": -100, "type": "group"}, "text": "x"}},
                 "and Canada?", id="reply-to-bot"),
    pytest.param("lunch?", {}, None, id="chatter"),
])
def test_addressed_question(text: str, extra: dict[str, Any], question: str | None) -> None:
    message = group_message(text, **extra)
    assert addressed_question(message, bot_id=BOT["id"], username=BOT["username"]) == question


async def test_private_text_is_answered_with_the_rendered_answer(tmp_path: Path) -> None:
    asked: list[str] = []
    async with offline_app(tmp_path, engine=fixed_engine("Nobody <knows>", asked=asked)) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="who came?"), app.bot))
    assert asked == ["who came?"]
    assert calls.sent() == [{"chat_id": USER["id"], "text": "Nobody &lt;knows&gt;", "parse_mode": "HTML",
                             "link_preview_options": {"is_disabled": True}}]


async def test_group_chatter_is_ignored(tmp_path: Path) -> None:
    async with offline_app(tmp_path, engine=fixed_engine()) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="lunch?", chat_id=-100), app.bot))
    assert calls.methods() == []


async def test_answer_with_facts_gets_source_and_page_buttons(tmp_path: Path) -> None:
    async with offline_app(tmp_path, engine=fixed_engine(results=7)) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="everything"), app.bot))
        keyboard = calls.sent()[0]["reply_markup"]["inline_keyboard"]
        key = keyboard[-1][0]["callback_data"].split(":")[1]
        press = {"update_id": 1, "callback_query": {"id": "c1", "from": USER, "chat_instance": "1",
                                                     "data": f"p:{key}:1", "message": {
                                                         "message_id": 5, "date": 0, "from": BOT,
                                                         "chat": {"id": USER["id"], "type": "private"}}}}
        await app.process_update(Update.de_json(press, app.bot))
    assert [b["text"] for b in keyboard[0]] == [f"source {n}" for n in range(1, 6)]
    assert [b["text"] for b in keyboard[1]] == ["More ▶"]
    assert calls.methods() == ["sendMessage", "answerCallbackQuery", "editMessageText"]
    assert "Fact 6 &lt;&amp;&gt;" in calls.sent()[1]["text"]


async def test_expired_button_says_so(tmp_path: Path) -> None:
    chat = {"id": USER["id"], "type": "private"}
    press = {"update_id": 1, "callback_query": {"id": "c1", "from": USER, "chat_instance": "1",
                                                 "data": "s:gone:0",
                                                 "message": {"message_id": 5, "date": 0, "chat": chat}}}
    async with offline_app(tmp_path, engine=fixed_engine()) as (app, calls):
        await app.process_update(Update.de_json(press, app.bot))
    assert calls.calls[-1] == ("answerCallbackQuery", {"callback_query_id": "c1",
                                                       "text": "This answer has expired; please ask again."})


async def test_rate_limit_asks_the_user_to_wait(tmp_path: Path) -> None:
    asked: list[str] = []
    engine = fixed_engine(asked=asked)
    async with offline_app(tmp_path, engine=engine, USER_RATE_LIMIT_PER_MINUTE=2) as (app, calls):
        for n in range(3):
            await app.process_update(Update.de_json(message_update(text=f"question {n}"), app.bot))
    assert asked == ["question 0", "question 1"]
    assert "faster than I can keep up" in calls.sent()[-1]["text"]


async def test_errors_reach_the_user_and_the_admin_chat_without_the_token(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    def broken(question: str, *, store: Store) -> Answer:
        raise RuntimeError(f"engine exploded near {TOKEN}")

    with caplog.at_level(logging.ERROR, logger="pledgebot.telegram"):
        async with offline_app(tmp_path, engine=broken, ADMIN_CHAT_ID="-500") as (app, calls):
            await app.process_update(Update.de_json(message_update(text="boom?"), app.bot))
    to_user, to_admins = calls.sent()
    assert to_user["chat_id"] == USER["id"] and "something went wrong" in to_user["text"]
    assert to_admins["chat_id"] == -500
    assert "RuntimeError: engine exploded near &lt;token&gt;" in to_admins["text"]
    assert TOKEN not in caplog.text and "engine exploded near <token>" in caplog.text


async def test_start_lists_commands(tmp_path: Path) -> None:
    async with offline_app(tmp_path, engine=fixed_engine()) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="/start"), app.bot))
    text = calls.sent()[0]["text"]
    assert "/who — Show who attended: /who &lt;country, organisation or meeting&gt;" in text
    assert "/delete — Delete a document and its facts: /delete &lt;id, URL or title&gt; (admins)" in text


def seed_documents(path: Path, titles: list[str]) -> list[str]:
    from storage.records import Extraction, SourceDocument

    store = open_store(path)
    ids = [store.save_document(SourceDocument(text=f"Text of {t}.", title=t), Extraction()).doc_id
           for t in titles]
    store.close()
    return ids


@pytest.mark.parametrize(("user", "wanted", "reply", "left"), [
    pytest.param(USER, "first", "Sorry, only the bot&#x27;s admins can add or remove", 2, id="refused"),
    pytest.param(ADMIN, "readout", "Which document? Give its id:", 2, id="ambiguous"),
    pytest.param(ADMIN, "nothing like it", "No document matches that.", 2, id="unknown"),
    pytest.param(ADMIN, "first", "Deleted First readout and its facts.", 1, id="deleted"),
])
async def test_delete_needs_an_admin_and_exactly_one_document(
        tmp_path: Path, user: dict[str, Any], wanted: str, reply: str, left: int) -> None:
    seed_documents(tmp_path / "bot.db", ["First readout", "Second readout"])
    async with offline_app(tmp_path, engine=fixed_engine()) as (app, calls):
        await app.process_update(Update.de_json(message_update(text=f"/delete {wanted}", user=user), app.bot))
        remaining = len(list(app.bot_data.services.store.documents()))
    assert calls.sent()[-1]["text"].startswith(reply)
    assert remaining == left


@pytest.mark.parametrize(("text", "reply"), [
    pytest.param("/who", "Tell me which country, organisation or meeting.", id="who-usage-empty-store"),
    pytest.param("/sources", "Ask a question to see its sources.", id="sources-usage-empty-store"),
    pytest.param("/sources who came?", "<b>Sources</b>\n\n• T\n"
                 '<i>— <a href="https://example.org/t">T</a></i>', id="sources"),
])
async def test_command_replies(tmp_path: Path, text: str, reply: str) -> None:
    async with offline_app(tmp_path, engine=fixed_engine(results=2)) as (app, calls):
        await app.process_update(Update.de_json(message_update(text=text), app.bot))
    assert calls.sent()[-1]["text"] == reply


async def test_inline_query_is_answered_with_facts(tmp_path: Path) -> None:
    query = {"update_id": 1, "inline_query": {"id": "q1", "from": USER, "query": "merz", "offset": ""}}
    async with offline_app(tmp_path, engine=fixed_engine(results=3)) as (app, calls):
        await app.process_update(Update.de_json(query, app.bot))
    name, params = calls.calls[-1]
    assert name == "answerInlineQuery" and "next_offset" not in params
    assert [r["title"] for r in params["results"]] == ["Fact 1 <&>", "Fact 2 <&>", "Fact 3 <&>"]


# Our own readouts: each command's example must come from them and answer.
READOUTS = (
    "Ministers from Estonia and Latvia met in Tallinn on 2 March 2026. Estonian Prime Minister Kristen "
    "Michal said the border would stay open. Estonia pledged 40 million euros for demining equipment.",
    "Leaders of Estonia and Norway met in Oslo on 9 March 2026. Norway pledged 12 million euros for "
    "field hospitals. Kristen Michal said Estonia would host the next meeting.",
)


def seed_readouts(tmp_path: Path) -> None:
    """Ingest READOUTS (with the real extraction) into the offline app's store."""
    from bot.ingest.pipeline import DocumentInput, ingest_document, load_input

    store = Store.open(tmp_path / "bot.db")
    for n, text in enumerate(READOUTS):
        path = tmp_path / f"readout{n}.txt"
        path.write_text(text, encoding="utf-8")
        ingest_document(store, load_input(DocumentInput(path=str(path), title=f"Baltic readout {n}")))
    store.close()


@pytest.mark.parametrize("command", ["who", "said", "commitments", "search", "sources"])
async def test_every_suggested_example_answers_on_this_store(tmp_path: Path, command: str) -> None:
    from bot.ask import answer_question

    seed_readouts(tmp_path)
    async with offline_app(tmp_path) as (app, calls):
        await app.process_update(Update.de_json(message_update(text=f"/{command}"), app.bot))
        usage = calls.sent()[-1]["text"]
        example = usage.split("e.g. ", 1)[1]
        await app.process_update(Update.de_json(message_update(text=example), app.bot))
        reply = calls.sent()[-1]["text"]
        store = app.bot_data.services.store
        args = example.split(" ", 1)[1]
        question = args if command == "sources" else command_question(command, args)
        assert question is not None and answer_question(question, store=store).found, usage
    assert reply != usage and not reply.startswith("No document")


@pytest.mark.parametrize("seeded", [True, False], ids=["seeded-store", "empty-store"])
async def test_help_suggests_a_question_that_answers_here(tmp_path: Path, seeded: bool) -> None:
    from bot.ask import answer_question

    if seeded:
        seed_readouts(tmp_path)
    async with offline_app(tmp_path) as (app, calls):
        await app.process_update(Update.de_json(message_update(text="/help"), app.bot))
        intro = calls.sent()[-1]["text"].split("Commands:")[0]
        store = app.bot_data.services.store
        examples = [q.split("&quot;")[0] for q in intro.split("e.g. &quot;")[1:]]
        assert all(answer_question(q, store=store).found for q in examples)
    assert examples == (["what did Kristen Michal say?"] if seeded else [])
