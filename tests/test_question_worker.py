"""Questions are answered on a worker thread: a slow one never stalls the other chats."""
from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from telegram import Update

from bot.query.answer import Answer
from storage.store import Store
from tests.telegram_offline import ADMIN, USER, message_update, offline_app

SAFETY = 10  # seconds; only a broken build waits this long, and then the test fails


async def test_another_chat_is_served_while_a_slow_question_is_answered(tmp_path: Path) -> None:
    started, release = threading.Event(), threading.Event()
    seen: list[tuple[threading.Thread, Store]] = []

    def slow_engine(question: str, *, store: Store) -> Answer:
        seen.append((threading.current_thread(), store))
        started.set()
        release.wait(SAFETY)  # on the event loop this would hold every other update
        return Answer(question=question, text="The slow answer.", found=False, intent="search", results=[])

    async with offline_app(tmp_path, engine=slow_engine) as (app, calls):
        question = Update.de_json(message_update(text="who came?"), app.bot)
        slow = asyncio.create_task(app.process_update(question))
        assert await asyncio.to_thread(started.wait, SAFETY)
        await app.process_update(Update.de_json(message_update(text="thanks!", user=ADMIN), app.bot))
        served_meanwhile = [call["chat_id"] for call in calls.sent()]
        release.set()
        await slow
        handlers_store = app.bot_data.services.store
    assert served_meanwhile == [ADMIN["id"]]  # the other chat got its reply before the slow answer
    assert [call["text"] for call in calls.sent()][-1] == "The slow answer."
    assert calls.sent()[-1]["chat_id"] == USER["id"]
    (thread, store), = seen
    assert thread is not threading.main_thread() and store is not handlers_store
