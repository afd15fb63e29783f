"""Inline mode ranks what the query names: "merz" shows what Merz said or pledged first.

An inline query is a few words, often a bare name; the engine's search for it finds every
sentence naming Merz, attendee lists included. A reader who types a name wants that person's
own words and commitments first (or, for a country, what it committed to and said), then the
rest in the engine's order. For a bare name the engine is also asked what that person said
(and, for a country or organisation, what it committed to), since a plain search for a name
may hold none of their own words.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from bot.conversation.words import tokens
from bot.entities import Entity, EntityIndex
from bot.query.answer import Answer
from bot.query.parse import restore_codes

# The fields of a fact that say whose fact it is (speaker, actor, signatory, attendee).
_WHOSE = ("person_id", "speaker", "actor", "name", "speaker_country", "speaker_org",
          "actor_country", "actor_org")
_OWN_KINDS = {"statement": 0, "commitment": 0, "agreement": 1, "attendance": 2}
_ARTICLES = frozenset({"the", "a"})


def named_entities(text: str, *, index: EntityIndex) -> list[Entity]:
    """Return the people, countries and organisations ``text`` names, in order."""
    found = index.find_mentions(restore_codes(text), kinds=("person", "country", "org"))
    return list({m.entity.id: m.entity for m in found if m.score >= 0.8 or len(m.text) >= 6}.values())


def is_whose(result: dict[str, Any], entity: Entity) -> bool:
    """Tell whether ``result`` is ``entity``'s own fact: its words, commitment, signature, presence."""
    values = [result.get(f) for f in _WHOSE] + list(result.get("parties") or [])
    return any(v in (entity.id, entity.name) for v in values if isinstance(v, str))


def named_first(answer: Answer, *, index: EntityIndex) -> Answer:
    """Return ``answer`` with the facts of whom its question names first, the engine's order kept."""
    entities = named_entities(answer.question, index=index)
    if not entities or len(answer.results) < 2:
        return answer

    def rank(item: tuple[int, dict[str, Any]]) -> tuple[int, int, int]:
        position, result = item
        own = any(is_whose(result, e) for e in entities)
        return (0 if own else 1, _OWN_KINDS.get(str(result.get("type")), 3) if own else 0, position)

    ordered = [r for _, r in sorted(enumerate(answer.results), key=rank)]
    return replace(answer, results=ordered)


def inline_answer(text: str, ask: Callable[[str], Answer], *, index: EntityIndex) -> Answer:
    """Answer an inline query; for a bare name, with that name's own facts first."""
    answer = ask(text)
    entities = named_entities(text, index=index)
    if entities and _bare_name(text, index=index):
        asked = [f"what did {text} say"]
        if any(e.kind in ("country", "org") for e in entities):
            asked.insert(0, f"what did {text} commit to")
        extra = [r for question in asked for r in ask(question).results]
        answer = replace(answer, results=_distinct([*extra, *answer.results]))
    return named_first(answer, index=index)


def _bare_name(text: str, *, index: EntityIndex) -> bool:
    """Tell whether ``text`` is names alone ("merz", "the uk"), with no question around them."""
    rest, at = [], 0
    for m in index.find_mentions(restore_codes(text), kinds=("person", "country", "org")):
        rest.append(text[at:m.start])
        at = m.end
    return at > 0 and not set(tokens(" ".join([*rest, text[at:]]))) - _ARTICLES


def _distinct(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return ``results`` without a second line for the same fact of the same sentence."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in results:
        key = (r.get("type"), r.get("doc_id"), r.get("sentence"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
