"""One console conversation (``pledgebot chat``): small talk, follow-ups, and "more".

The console prints an answer's text; when the answer holds more facts than its text shows,
"more" prints the next few of them, as the "More" button does in Telegram.
"""
from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from bot.conversation.followup import follow_up
from bot.conversation.kept import CONTEXT_SECONDS, Clock
from bot.conversation.smalltalk import small_talk, small_talk_reply
from bot.conversation.words import phrases, tokens, vocabulary
from bot.entities import EntityIndex
from bot.query.answer import Answer
from bot.query.parse import language_of

PAGE = 5  # facts a "more" prints


@functools.cache
def _more_words() -> frozenset[tuple[str, ...]]:
    return frozenset(phrases([w for lang in vocabulary()["more"].values() for w in lang]))


class ConsoleChat:
    """Answer one console user's messages, remembering the last question for a few minutes."""

    def __init__(self, ask: Callable[[str], Answer], *, index: EntityIndex,
                 seconds: float = CONTEXT_SECONDS, clock: Clock = time.monotonic) -> None:
        self._ask, self._index, self._seconds, self._clock = ask, index, seconds, clock
        self._previous: tuple[str, float] | None = None
        self._count = 0  # the true count behind the last answer
        self._shown = 0  # facts of it printed so far
        self._rest: list[dict[str, Any]] = []  # facts of it not printed yet

    def reply(self, text: str) -> str:
        """Return what the bot says to ``text``."""
        if tuple(tokens(text)) in _more_words():
            return self._more()
        if kind := small_talk(text):
            return small_talk_reply(kind, language=language_of(text))
        previous = self._previous
        recent = previous[0] if previous and self._clock() - previous[1] < self._seconds else None
        question = follow_up(text, recent, index=self._index)
        self._previous = (question, self._clock())
        answer = self._ask(question)
        # The facts the answer holds beyond those its text shows.
        self._rest = [r for r in answer.results if str(r.get("text") or "") not in answer.text]
        self._count, self._shown = answer.count, len(answer.results) - len(self._rest)
        return answer.text + (f"\n({len(self._rest)} more: type \"more\")" if self._rest else "")

    def _more(self) -> str:
        chosen, self._rest = self._rest[:PAGE], self._rest[PAGE:]
        if not chosen:
            return "Nothing more: ask another question."
        self._shown += len(chosen)
        lines = [f"• {r.get('text')}" for r in chosen]
        return "\n".join([*lines, f"({self._shown - len(chosen) + 1}–{self._shown} of {self._count})"])
