"""The answer first for "what was signed" and "who signed D": the stored agreements and parties.

"Signed: the UK-Ukraine Agreement, by United Kingdom and Ukraine". An agreement whose report
names no party is shown with who the report says attended, labelled as such: never as a party.
Agreements of others than whom the question names are not answers to it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.query.facts import Facts
from bot.query.names import text_joined
from bot.query.parse import Query
from bot.query.rank import Scored, concept_terms

_MOST = 2  # agreements named on the first line
_CLOSE = 0.8  # of the best sentence's score
_ATTENDEES = 6  # listed beside an agreement with no parties: the first line stays short

Attendees = Callable[[str], list[dict[str, Any]]]  # doc_id -> its attendance rows


@dataclass(frozen=True)
class Signed:
    """The agreements that answer, the report each first came from, and the sentences of the
    agreements that do not (to leave out)."""

    rows: list[dict[str, Any]]
    items: list[Scored]
    others: set[tuple[str, int]]


def signed(query: Query, ranked: list[Scored], facts: Facts) -> Signed:
    """Return the distinct agreements of the ranked sentences, best first, of whom it names."""
    rows: dict[str, tuple[dict[str, Any], Scored]] = {}
    for item in ranked:
        for row in facts.by_sentence.get((item.hit.doc_id, item.hit.idx), []):
            if row["type"] == "agreement":
                rows.setdefault((row.get("title") or "").casefold(), (row, item))
    # Of the sentences ranking near the best: an agreement further down answers another question.
    top = ranked[0].score if ranked else 0.0
    found = [(r, i) for r, i in rows.values() if i.score >= _CLOSE * top]
    named = [f for f in query.focus_terms if not query.places or f.label not in query.places]
    if named:
        # "what did the UK and Ukraine sign": agreements with every party named; none else.
        found = [(r, i) for r, i in found if all(f.in_fact(r) for f in named)]
        if not found:
            return Signed([], [], set())
    # A title with two of the question's words names the agreement asked about ("the Lugano
    # declaration"): the others are not what it asks.
    words = concept_terms(query)
    hits = {id(r): sum(t.in_joined(text_joined(r.get("title") or "")) for t in words) for r, _ in found}
    if max(hits.values(), default=0) >= 2:
        found = [(r, i) for r, i in found if hits[id(r)] >= 2]
    kept = {id(r) for r, _ in found}
    others = {(r["doc_id"], r["sentence"]) for r, _ in rows.values() if id(r) not in kept}
    return Signed([r for r, _ in found], [i for _, i in found], others)


def first_line(query: Query, found: Signed, attendees: Attendees) -> str:
    """Return "Signed: A, by X and Y; B (not yet signed), by Z" for the best agreements."""
    uk = query.lang == "uk"
    parts = []
    for row in found.rows[:_MOST]:
        title = row.get("title") or "?"
        state = "" if row.get("signed") else (" (ще не підписано)" if uk else " (not yet signed)")
        parties = list(row.get("parties") or [])
        if parties:
            by = _joined(parties, uk)
            parts.append(f"{title}{state}, {'сторони' if uk else 'by'} {by}")
            continue
        present = list(dict.fromkeys(r.get("name") or r.get("country") or r.get("org") or ""
                                     for r in attendees(row["doc_id"])))
        present = [p for p in present if p][:_ATTENDEES]
        if present:
            label = "сторін не названо; були" if uk else "no parties named; attending"
            parts.append(f"{title}{state} ({label}: {', '.join(present)})")
        else:
            parts.append(f"{title}{state}")
    shown = found.rows[:_MOST]
    lead = ("Підписано: " if uk else "Signed: ") if all(r.get("signed") for r in shown) else ""
    return lead + "; ".join(parts)


def _joined(names: list[str], uk: bool) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + (" і " if uk else " and ") + names[-1]


def untitled(line: dict[str, Any], head: str) -> dict[str, Any]:
    """Return an agreement's line without the title the first line already names."""
    title = line.get("title")
    if line.get("type") != "agreement" or not title or title not in head:
        return line
    text = re.sub(rf"^{re.escape(title)} \([^)]*\): ", "", line["text"])
    return {**line, "text": text}
