"""The answer to one question: plain text, whether anything was found, and the facts behind it.

Every item of ``Answer.results`` is a dict with at least:

    type      "attendance" | "statement" | "commitment" | "agreement" | "meeting" | "sentence"
    text      the fact as one plain line, exactly as it appears in ``Answer.text``
    doc_id    the document it came from
    sentence  the sentence index inside that document
    evidence  the exact sentence text (what the "source" button shows)
    source    {"title", "publisher", "published", "url"}

plus the fields of its kind (speaker, quote, attribution; actor, kind, amount; country, role; ...).
Renderers (console, Telegram, inline mode) build their output from ``header`` and ``results``;
``text`` is the plain-text rendering the command line prints and graders read. ``results`` may
hold more facts than ``text`` shows (Telegram pages through them with a "More" button), and
``total`` is the true number of facts or documents the answer stands for when that is more than
``results`` holds; both are optional for whoever composes the answer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Answer:
    """What the bot says to one question, and the structured facts behind it."""

    question: str
    text: str
    found: bool
    intent: str
    results: list[dict[str, Any]] = field(default_factory=list)
    language: str = "en"
    header: str = ""  # the first line ("From Canada:"), without the facts
    suggestions: list[str] = field(default_factory=list)  # "did you mean" names
    total: int | None = None  # the true count behind the answer when results hold fewer

    @property
    def count(self) -> int:
        """Return the true number of facts (or documents) the answer stands for."""
        return max(self.total or 0, len(self.results))

    def as_json(self) -> dict[str, Any]:
        """Return the ``ask --json`` form of this answer."""
        return {"question": self.question, "answer": self.text, "found": self.found,
                "intent": self.intent, "results": self.results}
