"""Compare a document's facts before and after a save: what is new is what users hear about.

Facts are plain rows (as ``Store.facts_of`` returns them). The result is a list of alert items,
plain dicts ready for JSON, each carrying the structured fields that subscriptions match on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from bot.entities.listed import named_actors

Facts = dict[str, list[dict[str, Any]]]

# Strength of a commitment, weakest first; "other" says nothing about strength.
STRENGTH = ("other", "intent", "support", "ready", "pledge", "signed", "delivered")
# Commitment kinds that make an alert loud rather than silent.
LOUD_KINDS = {"pledge", "signed", "delivered"}
# Statements worth an alert: quotes, and reported speech with a resolved speaker.
NOTABLE_ATTRIBUTIONS = {"name", "role", "title"}


def diff_facts(previous: Facts, current: Facts) -> list[dict[str, Any]]:
    """Return alert items for what ``current`` adds to ``previous`` (empty when nothing does)."""
    items: list[dict[str, Any]] = []
    meeting = _meeting(current)
    if meeting and meeting != _meeting(previous):
        items.append({"kind": "meeting", **meeting})
    items += _new_commitments(previous.get("commitments", []), current.get("commitments", []))
    items += _new_signatures(previous.get("agreements", []), current.get("agreements", []))
    old_statements = {_key(r["speaker"], r["text"]) for r in previous.get("statements", [])}
    # A new document has nothing old to compare with: folding its facts into keys is wasted work.
    items += [
        _statement(r)
        for r in current.get("statements", [])
        if _notable(r) and not (old_statements and _key(r["speaker"], r["text"]) in old_statements)
    ]
    old_attendees = {_key(r["name"], r["country"], r["org"]) for r in previous.get("attendances", [])}
    items += [
        _attendance(r)
        for r in current.get("attendances", [])
        if not (old_attendees and _key(r["name"], r["country"], r["org"]) in old_attendees)
    ]
    return items


def is_minor(items: list[dict[str, Any]], *, status: str) -> bool:
    """Return whether a change is minor: an update without strong commitments or signatures."""
    if status == "new":
        return False
    return not any(
        i["kind"] == "agreement" or (i["kind"] == "commitment" and i["strength"] in LOUD_KINDS) for i in items
    )


def _meeting(facts: Facts) -> dict[str, Any] | None:
    rows = facts.get("meetings") or [{}]
    found = {k: rows[0].get(k) for k in ("name", "date", "place", "format")}
    return found if any(found.values()) else None


def _new_commitments(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    before = {_key(r["actor"], r["action"]): _rank(r["kind"]) for r in old}
    items = []
    for row in new:
        key = _key(row["actor"], row["action"]) if before else ()
        if key in before and before[key] >= _rank(row["kind"]):
            continue
        items.append(
            {
                "kind": "commitment",
                "change": "stronger" if key in before else "new",
                "actor": row["actor"],
                "action": row["action"],
                "strength": row["kind"],
                "amount": row.get("amount"),
                "timeframe": row.get("timeframe"),
                "conditional": bool(row.get("conditional")),
                "condition": row.get("condition"),
                "person_id": row.get("person_id"),
                "country": row.get("actor_country"),
                "org": row.get("actor_org"),
                "actors": list(named_actors(row["actor"] or "")),
                "sentence": row.get("sentence"),
            }
        )
    return items


def _new_signatures(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    signed_before = {_key(r["title"]) for r in old if r.get("signed")}
    return [
        {"kind": "agreement", "title": r["title"], "parties": list(r.get("parties") or [])}
        for r in new
        if r.get("signed") and not (signed_before and _key(r["title"]) in signed_before)
    ]


def _notable(row: dict[str, Any]) -> bool:
    return bool(row.get("speaker")) and (
        bool(row.get("quote")) or row.get("attribution") in NOTABLE_ATTRIBUTIONS
    )


def _statement(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "statement",
        "speaker": row["speaker"],
        "text": row["text"],
        "quote": bool(row["quote"]),
        "person_id": row.get("person_id"),
        "country": row.get("speaker_country"),
        "org": row.get("speaker_org"),
        "verb": row.get("verb"),
        "sentence": row.get("sentence"),
    }


def _attendance(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": "attendance",
        "name": row.get("name"),
        "role": row.get("role"),
        "person_id": row.get("person_id"),
        "country": row.get("country"),
        "org": row.get("org"),
    }


def _rank(kind: str | None) -> int:
    return STRENGTH.index(kind) if kind in STRENGTH else 0


def _key(*parts: Any) -> tuple[str, ...]:
    # Re-extraction may change case, quotes or spacing; such variants are not new facts.
    return tuple(fold(str(p)) if p is not None else "" for p in parts)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ``text`` casefolded, without accents or punctuation, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", plain))
