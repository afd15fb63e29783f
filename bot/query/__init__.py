"""Question -> intent and entities -> answer with sources. No Telegram types here.

    engine = engine_for(store)          # built once per store, cached
    engine.answer("what did Merz say?") -> Answer
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.query.answer import Answer

if TYPE_CHECKING:
    from storage.store import Store


def answer_question(question: str, *, store: Store) -> Answer:
    """Answer ``question`` from the store with the store's cached engine."""
    from bot.query.engine import engine_for

    return engine_for(store).answer(question)


__all__ = ["Answer", "answer_question"]
