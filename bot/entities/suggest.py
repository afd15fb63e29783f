"""Closest known names for "did you mean" replies."""
from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.entities.model import Entity
from bot.entities.text import phrase_key

_ASKED_KEPT = 1024  # searches kept: a few hundred bytes each


class Suggester:
    """Every name and alias key of a set of entities, folded once and searched per question."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        # Folding ~3k aliases takes longer than the fuzzy search itself: done once per index.
        self._by_key: dict[str, Entity] = {}
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                self._by_key.setdefault(phrase_key(alias), entity)
        # A Latin name is never close to a Cyrillic one: each script is searched on its own.
        self._keys = {"latin": [k for k in self._by_key if k.isascii()],
                      "other": [k for k in self._by_key if not k.isascii()]}
        # A fuzzy search costs 3-10 ms (WRatio over every key); the same unknown name or slip
        # comes back in the next questions (a user asking again), and the entities never change.
        self._asked: dict[tuple[str, int], list[Entity]] = {}

    def closest(self, query: str, limit: int) -> list[Entity]:
        """Return up to ``limit`` entities whose name or alias keys are closest to ``query``."""
        if not query.strip():
            return []
        key = (query, limit)
        if key not in self._asked:
            if len(self._asked) >= _ASKED_KEPT:
                self._asked.clear()
            self._asked[key] = self._closest(query, limit)
        return list(self._asked[key])

    def _closest(self, query: str, limit: int) -> list[Entity]:
        found: list[Entity] = []
        keys = self._keys["latin"] if query.isascii() else [*self._keys["other"], *self._keys["latin"]]
        for choice, _score, _ in process.extract(query, keys, scorer=fuzz.WRatio,
                                                 limit=limit * 4, score_cutoff=60):
            entity = self._by_key[choice]
            if entity not in found:
                found.append(entity)
        return found[:limit]
