"""Route a question to what answers it: the one place that knows every kind of answer.

Tracking answers status, scorecard and what's-new questions (its cues are strict, so ordinary
questions fall through); the question engine answers every other. Neither calls the other.
"""
from __future__ import annotations

import datetime as dt

from bot.query.answer import Answer
from bot.query.engine import engine_for
from bot.tracking.router import try_answer
from storage.store import Store


def answer_question(question: str, *, store: Store, today: dt.date | None = None) -> Answer:
    """Answer ``question`` from ``store``: tracking first, then the store's cached engine."""
    engine = engine_for(store)
    tracked = try_answer(question, store, today=today, index=engine.index)
    return tracked if tracked is not None else engine.answer(question)
