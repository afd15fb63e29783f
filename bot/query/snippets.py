"""The pieces of an answer line: a sentence cut around what was asked, its source, its record."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bot.query.parse import Query
from bot.query.rank import INTENT_CUES, Scored
from bot.query.retrieve import DocInfo
from bot.query.terms import spaced
from bot.query.wording import clip, date_text, short_publisher

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NON_WORDS = re.compile(r"\W+")
# What ``_NON_WORDS`` and casefold make of ASCII: word characters lower-cased, the rest a space.
_ASCII_KEY = str.maketrans({chr(i): chr(i).lower() if chr(i).isalnum() or chr(i) == "_" else " "
                            for i in range(128)})
SNIPPET = 320  # characters of one sentence shown: a long one is cut around what was asked


def cite(doc: DocInfo, sources: list[DocInfo]) -> str:
    """Return " — publisher, date [n]", adding the document to the answer's sources."""
    if doc not in sources:
        sources.append(doc)
    when = date_text(doc.published or doc.date)
    who = short_publisher(doc.publisher) or clip(doc.title, 40)
    return f" — {who}{', ' + when if when else ''} [{sources.index(doc) + 1}]"


def result(result_type: str, line: str, item: Scored, /, **fields: Any) -> dict[str, Any]:
    """Return the record of one answer line."""
    return {**fields, "type": result_type, "text": line, "doc_id": item.hit.doc_id, "sentence": item.hit.idx,
            "evidence": item.hit.text, "source": item.doc.source()}


def with_names(query: Query, body: str, people_in: Callable[[str], list[str]]) -> str:
    """Return a Cyrillic sentence with its people's names appended for an English reader."""
    if query.lang != "uk" and _CYRILLIC.search(body):
        people = people_in(body)  # an English reader still recognises the names
        return body + (f" [{'; '.join(people)}]" if people else "")
    return body


def snippet(text: str, patterns: Callable[[], list[re.Pattern[str]]], size: int = SNIPPET) -> str:
    """Return ``text``, or the window of it that holds the most matches of the question."""
    if len(text) <= size:
        return text
    starts = sorted(m.start() for p in patterns() for m in p.finditer(text))
    cue = INTENT_CUES["statement"]
    best, best_count = 0, -1.0
    for s in [0, *(max(0, p - 90) for p in starts)]:
        count = float(sum(1 for p in starts if s <= p < s + size - 20))
        count += 0.1 if cue.search(text[s:s + size]) else 0
        if count > best_count:
            best, best_count = s, count
    window = text[best:best + size]
    if best > 0:
        window = "…" + window[window.find(" ") + 1:] if " " in window[:30] else "…" + window
    if best + size < len(text):
        window = window[: window.rfind(" ")] + "…"
    return window


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Return a sentence folded for telling repeats apart; cached: an answer compares every
    ranked sentence, and its document's title, with those already shown."""
    plain = text if text.isascii() else spaced(text)
    if plain.isascii():  # a table and a split: three times as fast as the regex
        return " ".join(plain.translate(_ASCII_KEY).split())[:200]
    return _NON_WORDS.sub(" ", text.casefold()).strip()[:200]
