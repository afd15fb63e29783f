"""The bot token never shows: not in logs, not in error reports to admins, not in the database file."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from bot.app import protect_token
from bot.ask import answer_question
from bot.config import Settings
from bot.handlers.errors import TokenFilter
from bot.query.answer import Answer
from bot.wiring import open_store
from storage.store import Store
from tests.e2e.harness import Emulator, User, group_chat, new_token, private_chat, running_bot
from tests.hostile.readouts import readout, seed_readouts

ADMIN = User(id=7301, first_name="Ada")
ALICE = User(id=7302, first_name="Alice")
ADMIN_CHAT = -7390
FAIL = "please fail now"


def failing_engine(token: str) -> Any:
    """Return the real engine, except that one question fails with the token in its message."""
    def engine(question: str, *, store: Store) -> Answer:
        if question == FAIL:
            raise RuntimeError(f"upstream call https://api.telegram.org/bot{token}/getFile failed")
        return answer_question(question, store=store)
    return engine


def database_bytes(db: Path) -> bytes:
    """Return the bytes of the database and its -wal and -shm files."""
    files = (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))
    return b"".join(p.read_bytes() for p in files if p.exists())


@pytest.mark.e2e
async def test_the_token_stays_out_of_logs_reports_and_the_database(
        emulator: Emulator, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    token = new_token()
    secret = token.split(":")[1]
    db = tmp_path / "bot.db"
    seed_readouts(db, tmp_path / "docs", 2)
    caplog.set_level(logging.DEBUG)  # the most a deployment would ever log
    protect_token(Settings(_env_file=None, TELEGRAM_BOT_TOKEN=token))  # type: ignore[call-arg]
    async with running_bot(emulator.url, token=token, db=db, admin_ids=[ADMIN.id],
                           engine=failing_engine(token), ADMIN_CHAT_ID=str(ADMIN_CHAT),
                           ALERT_CHAT_ID="-7391") as app:
        since = await emulator.mark()
        await emulator.send(token, chat=private_chat(ALICE), user=ALICE, text=FAIL)
        report = await emulator.wait_call(token, "sendMessage", since=since, chat_id=ADMIN_CHAT)
        await emulator.ask(token, chat=private_chat(ALICE), user=ALICE, text="what did Anna Berg say?")
        await emulator.ask(token, chat=group_chat(-7392), user=ALICE, text="/who Norway")
        document = await emulator.upload(name="new.txt", data=readout(40, repeats=2).encode())
        since = await emulator.mark()
        await emulator.inject(token, {"message": {"message_id": 9, "date": 1, "chat": private_chat(ADMIN),
                                                  "from": ADMIN.as_json(), "document": document}})
        await emulator.wait_call(token, "sendMessage", since=since, chat_id=ADMIN.id)
        logging.getLogger("telegram.ext").debug("the bot is %r, token %s", app.bot, token)
        while_running = database_bytes(db)
        calls, _ = await emulator.calls(token)
    assert "RuntimeError" in report["params"]["text"]  # the admins did hear of the failure ...
    assert secret not in report["params"]["text"]  # ... without the token
    sent = json.dumps([c["params"] for c in calls], ensure_ascii=False)
    assert secret not in sent
    assert any("RuntimeError" in r.getMessage() for r in caplog.records)
    for record in caplog.records:
        assert secret not in record.getMessage(), record.name
        assert secret not in (record.exc_text or ""), record.name
    assert secret not in caplog.text
    for data in (while_running, database_bytes(db)):
        assert secret.encode() not in data and token.encode() not in data
    store = open_store(db)
    assert store.db["documents"].count == 3  # the run did write: the grep looked at real data
    store.close()


def test_a_log_record_is_frozen_before_its_arguments_can_grow_the_token() -> None:
    token = new_token()
    result = {"file_path": "documents/F1/new.txt"}
    record = logging.LogRecord("telegram.ext.ExtBot", logging.DEBUG, __file__, 1,
                               "getFile returned %s", (result,), None)
    assert TokenFilter(token).filter(record)
    result["file_path"] = f"https://api.telegram.org/file/bot{token}/documents/F1/new.txt"  # PTB does this
    assert token not in record.getMessage()
    assert record.getMessage() == "getFile returned {'file_path': 'documents/F1/new.txt'}"


def test_a_log_record_with_the_token_is_redacted_traceback_included() -> None:
    token = new_token()
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{token}/getMe failed")
    except RuntimeError:
        import sys

        record = logging.LogRecord("pledgebot", logging.ERROR, __file__, 1, "failed with %s",
                                   (token,), sys.exc_info())
    TokenFilter(token).filter(record)
    assert record.getMessage() == "failed with <token>"
    assert record.exc_text is not None and token not in record.exc_text and "<token>" in record.exc_text
