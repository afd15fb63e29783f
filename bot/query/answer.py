"""The answer to one question: plain text, whether anything was found, and the facts behind it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storage.store import Store


@dataclass(frozen=True)
class Answer:
    """What the bot says to one question, and the structured facts behind it."""

    question: str
    text: str
    found: bool
    intent: str
    results: list[dict[str, Any]] = field(default_factory=list)
    language: str = "en"

    def as_json(self) -> dict[str, Any]:
        """Return the ``ask --json`` form of this answer."""
        return {"question": self.question, "answer": self.text, "found": self.found,
                "intent": self.intent, "results": self.results}


def answer_question(question: str, *, store: Store) -> Answer:
    """Answer ``question`` from the store (placeholder until the engine lands)."""
    return Answer(question=question, text="Nothing known yet.", found=False, intent="search")
