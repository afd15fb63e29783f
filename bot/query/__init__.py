"""Question -> intent and entities -> answer with sources. No Telegram types here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.query.answer import Answer

if TYPE_CHECKING:
    from storage.store import Store


def answer_question(question: str, *, store: Store) -> Answer:
    """Answer ``question`` from the store (placeholder until the engine lands)."""
    return Answer(question=question, text="Nothing is known about that yet.", found=False, intent="search")


__all__ = ["Answer", "answer_question"]
