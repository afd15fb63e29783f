"""Answering questions off the event loop.

A question runs the whole engine (full-text search, fuzzy matching): tens of milliseconds, and
seconds for an unlucky one. On the event loop that stalls every chat, so one worker thread
answers them, with a store connection of its own opened on that thread (an SQLite connection is
never used by two threads). The handlers' connection stays on the loop for the small reads and
writes of chat state (kept answers, contexts, rate windows); each sees the other's commits.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bot.conversation.kept import ChatContexts
from bot.query.answer import Answer
from bot.wiring import open_store
from storage.store import Store

Engine = Callable[..., Answer]  # answer_question(question, *, store) -> Answer
T = TypeVar("T")


@dataclass(frozen=True)
class WorkerSide:
    """The store, the engine and the chats' last questions on the worker's connection; use them
    only on that thread. The context a question reads and writes is kept here, so the event loop
    never waits for the store's write lock (an ingest may hold it) on its account."""

    store: Store
    engine: Engine
    contexts: ChatContexts

    def ask(self, question: str) -> Answer:
        """Answer ``question`` from the worker's store."""
        return self.engine(question, store=self.store)


class QuestionWorker:
    """Run question jobs one at a time on a worker thread with its own connection."""

    def __init__(self, db: Path, engine: Engine) -> None:
        self._db = db
        self._engine = engine
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pledgebot-questions")
        self._side: WorkerSide | None = None  # opened on the worker thread, at the first job

    async def ask(self, question: str) -> Answer:
        """Answer ``question`` on the worker thread; the event loop goes on meanwhile."""
        return await self.run(lambda side: side.ask(question))

    async def run(self, job: Callable[[WorkerSide], T]) -> T:
        """Run ``job`` on the worker thread with the worker's store and engine."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, self._call, job)

    def _call(self, job: Callable[[WorkerSide], T]) -> T:
        if self._side is None:
            store = open_store(self._db)
            self._side = WorkerSide(store=store, engine=self._engine, contexts=ChatContexts(store.db))
        return job(self._side)

    def close(self) -> None:
        """Close the worker's connection on its own thread, then stop the thread."""
        self._executor.submit(self._close).result()
        self._executor.shutdown()

    def _close(self) -> None:
        if self._side is not None:
            self._side.store.close()
            self._side = None
