"""The long-lived services every handler uses, built once in ``post_init`` and kept in bot_data."""
from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.query.answer import Answer
from bot.ratelimit import UserRateLimiter
from bot.render import Page

if TYPE_CHECKING:
    from storage.store import Store

SERVICES = "services"  # the bot_data key
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
                    limiter=UserRateLimiter(per_minute=settings.user_rate_limit))


def services(context: Any) -> Services:
    """Return the services of a handler's ``context``."""
    found: Services = context.bot_data[SERVICES]
    return found
