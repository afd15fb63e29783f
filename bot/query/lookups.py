"""What composing an answer needs from the store and the name index, beyond ranked sentences."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.query.signed import Attendees

Keys = frozenset[tuple[str, int]] | set[tuple[str, int]]  # (doc_id, sentence index)


@dataclass(frozen=True)
class Lookups:
    """What composing needs from the store and the name index, beyond the ranked sentences."""

    sentence_text: Callable[[str, int], str | None]  # (doc_id, index) -> that sentence
    document_text: Callable[[str], str]  # doc_id -> its text
    people_in: Callable[[str], list[str]]  # canonical names of the people a text names
    holder: Callable[[str, str, str], str | None] = lambda title, country, date: None  # office -> who
    attendees: Attendees = lambda doc_id: []  # a report's attendance rows
