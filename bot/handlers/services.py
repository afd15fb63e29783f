"""The long-lived services every handler uses, built once in ``post_init`` and kept in bot_data.

``bot_data`` and ``user_data`` are typed (``BotData``, ``UserData``) through PTB's ``ContextTypes``:
handlers take a ``Context`` and read ``context.bot_data.services``, not string keys.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.conversation.followup import follow_up
from bot.conversation.kept import KeptAnswers
from bot.entities import EntityIndex
from bot.handlers.ingest_worker import IngestWorker
from bot.handlers.question_worker import Engine, QuestionWorker, WorkerSide
from bot.query.answer import Answer
from bot.ratelimit import StoredRateLimiter

if TYPE_CHECKING:
    from sqlite_utils import Database

    from storage.store import Store


@dataclass(frozen=True)
class Services:
    """What handlers need: settings, the store, the question worker, limits, and the answers
    kept in the store behind buttons.

    ``store`` is the event loop's connection, for kept answers and rate windows; questions, and
    the chat's last question they read and write, run on the worker's thread and connection, so
    a slow question never stalls the other chats.
    """

    settings: Settings
    store: Store
    questions: QuestionWorker
    limiter: StoredRateLimiter
    answers: KeptAnswers
    ingester: IngestWorker  # admins' documents: extracted and saved on a thread of its own

    @property
    def index(self) -> EntityIndex:
        """Return the name index (built on first use, once per process)."""
        return EntityIndex.default()

    async def ask(self, question: str) -> Answer:
        """Answer ``question`` from the store, off the event loop."""
        return await self.questions.ask(question)

    async def ask_in_chat(self, question: str, *, chat_id: int, user_id: int,
                          previous: str | None = None) -> Answer:
        """Answer ``question`` in a conversation: "and France?" continues the chat's last question.

        ``previous`` is the question it continues when the user said which (a reply to an
        answer); otherwise it is the user's last question in this chat, if recent enough.
        """
        def resolve_and_answer(side: WorkerSide) -> Answer:
            asked = previous or side.contexts.recall(chat_id=chat_id, user_id=user_id)
            resolved = follow_up(question, asked, index=self.index)  # built here on first use
            side.contexts.remember(chat_id=chat_id, user_id=user_id, question=resolved)
            return side.ask(resolved)

        return await self.questions.run(resolve_and_answer)

    async def first_example(self, kind: str, question_of: Callable[[str], str | None]) -> str | None:
        """Return the first example of ``kind`` (examples.candidates) that finds something."""
        from bot.query.examples import candidates, first_working

        return await self.questions.run(lambda side: first_working(
            candidates(side.store)[kind], question_of=question_of, ask=side.ask))

    def is_admin(self, user_id: int | None) -> bool:
        """Return whether ``user_id`` is listed in ADMIN_IDS."""
        return user_id is not None and user_id in self.settings.admin_ids


def open_services(settings: Settings, *, engine: Engine | None = None) -> Services:
    """Open the store and build the services from ``settings``."""
    from bot.ask import answer_question
    from bot.wiring import open_store

    store = open_store(settings)
    return Services(settings=settings, store=store,
                    questions=QuestionWorker(settings.db, engine or answer_question),
                    limiter=StoredRateLimiter(store.db, per_minute=settings.user_rate_limit),
                    answers=KeptAnswers(store.db),
                    ingester=IngestWorker(settings.db))


class BotData:
    """What the application keeps for all handlers (PTB's ``bot_data``)."""

    def __init__(self) -> None:
        self.services: Services | None = None  # set in post_init, dropped in post_shutdown
        self.delivery_lock = asyncio.Lock()  # one alert delivery round at a time
        self.delivery_db: Database | None = None  # the delivery rounds' own connection (post_init)


class UserData:
    """What the application keeps per user (PTB's ``user_data``): nothing yet. A feature that
    remembers something about a user adds a typed attribute here, not a string key."""


Context = CallbackContext[ExtBot[None], UserData, dict[Any, Any], BotData]
App = Application[Any, Any, UserData, dict[Any, Any], BotData, Any]  # bot and context types vary in tests
CONTEXT_TYPES = ContextTypes(context=CallbackContext, bot_data=BotData, user_data=UserData)


def services(context: Context) -> Services:
    """Return the services of a handler's ``context`` (set once the application started)."""
    found = context.bot_data.services
    assert found is not None, "services are built in post_init"
    return found
