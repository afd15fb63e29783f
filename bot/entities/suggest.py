"""Closest known names for "did you mean" replies."""
from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.entities.model import Entity
from bot.entities.text import phrase_key


def closest(entities: Iterable[Entity], query: str, limit: int) -> list[Entity]:
    """Return up to ``limit`` entities whose name or alias keys are closest to ``query``."""
    if not query.strip():
        return []
    by_key: dict[str, Entity] = {}
    for entity in entities:
        for alias in (entity.name, *entity.aliases):
            by_key.setdefault(phrase_key(alias), entity)
    found: list[Entity] = []
    for choice, _score, _ in process.extract(query, list(by_key), scorer=fuzz.WRatio,
                                             limit=limit * 4, score_cutoff=60):
        entity = by_key[choice]
        if entity not in found:
            found.append(entity)
    return found[:limit]
