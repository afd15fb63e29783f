"""Question -> intent and entities -> answer with sources. No Telegram types here.

    engine = engine_for(store)          # built once per store, cached
    engine.answer("what did Merz say?") -> Answer

``bot.ask.answer_question`` routes a question here or to tracking; callers use that.
"""
from __future__ import annotations

from bot.query.answer import Answer

__all__ = ["Answer"]
