"""Question -> intent and entities -> answer with sources. No Telegram types here."""
from __future__ import annotations

from bot.query.answer import Answer, answer_question

__all__ = ["Answer", "answer_question"]
