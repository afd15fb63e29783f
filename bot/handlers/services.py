"""The long-lived services every handler uses, built once in ``post_init`` and kept in bot_data.

``bot_data`` and ``user_data`` are typed (``BotData``, ``UserData``) through PTB's ``ContextTypes``:
handlers take a ``Context`` and read ``context.bot_data.services``, not string keys.
"""
from __future__ import annotations

import asyncio
import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.handlers.ingest_worker import IngestWorker
from bot.query.answer import Answer
from bot.ratelimit import UserRateLimiter
from bot.render import Page

if TYPE_CHECKING:
    from storage.store import Store

Engine = Callable[..., Answer]  # answer_question(question, *, store) -> Answer


class AnswerCache:
    """Remember recent answers and their pages, so buttons can turn pages and show sources."""

    def __init__(self, *, capacity: int = 1000) -> None:
        self._capacity = capacity
        self._items: OrderedDict[str, tuple[Answer, list[Page]]] = OrderedDict()

    def put(self, answer: Answer, pages: list[Page]) -> str:
        """Keep ``answer`` and return its key (random, so old buttons never show new answers)."""
        key = secrets.token_urlsafe(6)
        self._items[key] = (answer, pages)
        if len(self._items) > self._capacity:
            self._items.popitem(last=False)
        return key

    def get(self, key: str) -> tuple[Answer, list[Page]] | None:
        """Return the answer and pages kept under ``key``, or None when forgotten."""
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item


@dataclass(frozen=True)
class Services:
    """What handlers need: settings, the store, the question engine, limits and answer cache."""

    settings: Settings
    store: Store
    engine: Engine
    limiter: UserRateLimiter
    ingester: IngestWorker  # admins' documents: extracted and saved on a thread of its own
    answers: AnswerCache = field(default_factory=AnswerCache)

    def ask(self, question: str) -> Answer:
        """Answer ``question`` from the store."""
        return self.engine(question, store=self.store)

    def is_admin(self, user_id: int | None) -> bool:
        """Return whether ``user_id`` is listed in ADMIN_IDS."""
        return user_id is not None and user_id in self.settings.admin_ids


def open_services(settings: Settings, *, engine: Engine | None = None) -> Services:
    """Open the store and build the services from ``settings``."""
    from bot.ask import answer_question
    from bot.wiring import open_store

    return Services(settings=settings, store=open_store(settings), engine=engine or answer_question,
                    limiter=UserRateLimiter(per_minute=settings.user_rate_limit),
                    ingester=IngestWorker(settings.db))


class BotData:
    """What the application keeps for all handlers (PTB's ``bot_data``)."""

    def __init__(self) -> None:
        self.services: Services | None = None  # set in post_init, dropped in post_shutdown
        self.delivery_lock = asyncio.Lock()  # one alert delivery round at a time


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
