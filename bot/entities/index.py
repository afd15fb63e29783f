"""EntityIndex: every known person, country, organisation and place, and how to find them."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Any

from bot.entities import gazetteer
from bot.entities.countries import load_countries
from bot.entities.matcher import AliasTable, scan
from bot.entities.model import KINDS, Entity, Mention
from bot.entities.roles import Titles, holders, iso_day
from bot.entities.text import phrase_key
from bot.entities.words import NOT_NAMES

if TYPE_CHECKING:
    from bot.entities.suggest import Suggester

_ARTICLES = ("the ", "a ", "an ")
_SCOPES_KEPT = 4096  # countries and organisations whose office holders are kept


class EntityIndex:
    """Names -> entities, for extraction (long texts) and questions (short texts)."""

    def __init__(self, *, titles: Titles) -> None:
        self._entities: dict[str, Entity] = {}
        self._table = AliasTable()
        self._by_kind: dict[str, set[str]] = {k: set() for k in KINDS}
        self._allowed: dict[tuple[str, ...], set[str] | None] = {}
        self._suggester: Suggester | None = None
        self._role_scopes: dict[tuple[str, str], list[Entity]] = {}  # person_by_role's, by scope
        self._shared = False
        self.titles = titles

    @classmethod
    def default(cls) -> EntityIndex:
        """Return the index built from data/gazetteer and pycountry (built once per process)."""
        return _default()

    @classmethod
    def from_directory(cls, directory: Traversable) -> EntityIndex:
        """Build an index from the gazetteer files in ``directory`` and pycountry."""
        entities, codes, overrides, synonyms = gazetteer.load_all(directory)
        idx = cls(titles=Titles(synonyms))
        for country, country_codes in load_countries(overrides):
            idx.add(country, codes=country_codes)
        for entity in entities:
            idx.add(entity, codes=codes.get(entity.id, ()))
        for phrase in NOT_NAMES:
            idx._table.block(phrase)
        return idx

    def copy(self) -> EntityIndex:
        """Return an independent copy that can be extended without touching this index."""
        new = EntityIndex(titles=self.titles)
        new._entities = dict(self._entities)
        new._table = self._table.copy()
        new._by_kind = {k: set(v) for k, v in self._by_kind.items()}
        return new

    # -- building ---------------------------------------------------------------------------

    def add(self, entity: Entity, *, codes: Iterable[str] = ()) -> Entity:
        """Add an entity (or more aliases for a known id) and return the stored entity."""
        if self._shared:
            raise ValueError("EntityIndex.default() is shared and read-only: extend a copy() "
                             "or use with_people() / extended_from()")
        known = self._entities.get(entity.id)
        if known is not None:
            merged = tuple(dict.fromkeys(known.aliases + entity.aliases))
            entity = replace(known, aliases=merged, roles=known.roles or entity.roles)
        self._entities[entity.id] = entity
        self._by_kind.setdefault(entity.kind, set()).add(entity.id)
        self._allowed.clear()
        self._suggester = None
        self._role_scopes.clear()
        # Typos matter in surnames ("mertz"); a short place name is too close to common
        # words ("Sudan"/"sudden", "Paris"/"parish") to be guessed at.
        fuzzy_from = 4 if entity.kind == "person" else 6
        for alias in (entity.name, *entity.aliases):
            self._table.add(alias, entity.id, fuzzy_from=fuzzy_from)
            if entity.kind == "person":
                self._table.add_given_name(alias, entity.id)
        for code in codes:
            # Country codes collide with words ("ARM", "CAN"); organisation acronyms rarely do.
            self._table.add_code(code, entity.id, loose=entity.kind == "org")
        return entity

    def add_person(self, name: str, *, country: str | None = None,
                   aliases: Iterable[str] = ()) -> Entity:
        """Register a person found in a document; return the known entity when the name is taken.

        A known person is the same name, or the same first name with the surname spelled
        a little differently ("Carsten Beuer" is Carsten Breuer).
        """
        name = " ".join(name.split())
        known = self._exact(name, "person") or self._same_person(name)
        if known:
            return known[0]
        entity_id = base = gazetteer.slug(name)
        suffix = 1
        while entity_id in self._entities:
            suffix += 1
            entity_id = f"{base}-{suffix}"
        surname = name.split()[-1] if " " in name else ""
        # A surname must not shadow a known person's surname ("Hans Merz" is no "Merz").
        extra = [surname] if surname and not self._table.lookup(surname) else []
        return self.add(Entity(id=entity_id, kind="person", name=name, country=country,
                               aliases=tuple(dict.fromkeys([name, *aliases, *extra]))))

    def _same_person(self, name: str) -> list[Entity]:
        words = name.split()
        if len(words) < 2:
            return []
        for m in self.find_mentions(words[-1], kinds=("person",)):
            for person in (m.entity, *m.alternatives):
                if phrase_key(person.name.split()[0]) == phrase_key(words[0]):
                    return [person]
        return []

    def with_people(self, names: Iterable[str]) -> EntityIndex:
        """Return a copy of this index that also knows the people ``names``."""
        new = self.copy()
        for name in names:
            if name and name.strip():
                new.add_person(name)
        return new

    def extended_from(self, db: Any) -> EntityIndex:
        """Return a copy extended with the rows of the store's entities and aliases tables."""
        from bot.entities.store import read_entities

        new = self.copy()
        for entity in read_entities(db):
            new.add(entity)
        return new

    def sync(self, db: Any) -> None:
        """Upsert every entity and alias into the store's entities and aliases tables."""
        from bot.entities.store import write_entities

        write_entities(db, self.entities())

    # -- lookups ----------------------------------------------------------------------------

    def entities(self, kind: str | None = None) -> Iterator[Entity]:
        """Yield every entity, or those of one kind."""
        return (e for e in self._entities.values() if kind is None or e.kind == kind)

    def get(self, entity_id: str) -> Entity | None:
        """Return the entity with this id."""
        return self._entities.get(entity_id)

    def resolve(self, text: str, kind: str | None = None) -> Entity | None:
        """Return the entity best named by ``text`` (exact, then fuzzy, then a mention in it)."""
        found = self.candidates(text, kind)
        return found[0] if found else None

    def candidates(self, text: str, kind: str | None = None) -> list[Entity]:
        """Return every entity ``text`` may name, best first (several when ambiguous)."""
        kinds = (kind,) if kind else KINDS
        exact = self._exact(text, kind)
        if exact:
            return exact
        mentions = self.find_mentions(text, kinds=kinds)
        if not mentions:
            found = [self._entities[i] for i in self._table.fuzzy_phrase(text)]
            return [e for e in found if e.kind in kinds]
        best = max(mentions, key=lambda m: (m.end - m.start, m.score))
        return [best.entity, *best.alternatives]

    def _exact(self, text: str, kind: str | None) -> list[Entity]:
        phrase = text.strip()
        for article in _ARTICLES:
            if phrase.casefold().startswith(article):
                phrase = phrase[len(article):]
        ids = self._table.lookup(phrase) or self._table.lookup(text)
        found = [self._entities[i] for i in ids]
        return [e for e in found if kind is None or e.kind == kind]

    def person(self, text: str) -> Entity | None:
        """Return the person named by ``text`` (the first candidate when ambiguous)."""
        return self.resolve(text, "person")

    def people_named(self, text: str) -> list[Entity]:
        """Return every person ``text`` may name ("Kushner" -> Jared and Charles Kushner)."""
        return self.candidates(text, "person")

    def country(self, text: str) -> str | None:
        """Return the canonical country name for a name, code, demonym or Ukrainian form."""
        found = self.resolve(text, "country")
        return found.name if found else None

    def org(self, text: str) -> str | None:
        """Return the canonical organisation name ("НАТО" -> "NATO")."""
        found = self.resolve(text, "org")
        return found.name if found else None

    def place(self, text: str) -> str | None:
        """Return the canonical place (city) name ("Римі" -> "Rome", "the White House" -> "Washington")."""
        found = self.resolve(text, "place")
        return found.name if found else None

    def person_by_role(self, title: str, *, country: str | None = None, org: str | None = None,
                       on: str | dt.date | None = None) -> Entity | None:
        """Return who held ``title`` for the country or organisation on the day ``on``."""
        if country is None and org is None:
            country, org = self._scope_in(title)
        country = (self.country(country) or country) if country else None
        org = (self.org(org) or org) if org else None
        found = holders(self._people_holding(country, org), self.titles, title, country=country, org=org,
                        on=iso_day(on))
        return found[0][1] if found else None

    def _people_holding(self, country: str | None, org: str | None) -> Iterable[Entity]:
        """Return the people with a role for ``country`` (else ``org``), in the index's order.

        Only their roles can be the office asked: a question about "the Finnish PM" compares a
        few people's roles, not those of every person known (0.1 ms a call at 300 people).
        """
        if not (country or org):
            return self.entities("person")
        scope = ("country", country or "") if country else ("org", org or "")
        found = self._role_scopes.get(scope)
        if found is None:
            if len(self._role_scopes) >= _SCOPES_KEPT:  # a scope is any name a document gives
                self._role_scopes.clear()
            kind, name = scope
            found = self._role_scopes[scope] = [
                p for p in self.entities("person")
                if any((r.country if kind == "country" else r.org) == name for r in p.roles)]
        return found

    def _scope_in(self, title: str) -> tuple[str | None, str | None]:
        # "the French President", "NATO Secretary General": the scope is inside the title.
        country = org = None
        for m in self.find_mentions(title, kinds=("country", "org"), fuzzy=False):
            if m.entity.kind == "country" and country is None:
                country = m.entity.name
            elif m.entity.kind == "org" and org is None:
                org = m.entity.name
        return country, org

    def find_mentions(self, text: str, kinds: Iterable[str] = KINDS, *,
                      fuzzy: bool = True) -> list[Mention]:
        """Return the longest non-overlapping mentions of entities of ``kinds`` in ``text``."""
        order = tuple(kinds)
        allowed = self._allowed_ids(order)
        mentions = []
        for start, end, hit in scan(self._table, text, allowed, fuzzy=fuzzy):
            found = [self._entities[i] for i in hit.ids]
            if len(found) > 1:  # ambiguous words: the kinds asked for first, in their order
                found.sort(key=lambda e: order.index(e.kind) if e.kind in order else 99)
            mentions.append(Mention(entity=found[0], start=start, end=end, text=text[start:end],
                                    score=hit.score, alternatives=tuple(found[1:])))
        return mentions

    def _allowed_ids(self, kinds: tuple[str, ...]) -> set[str] | None:
        if set(kinds) >= set(self._by_kind):
            return None
        if kinds not in self._allowed:
            self._allowed[kinds] = set().union(*(self._by_kind.get(k, set()) for k in kinds))
        return self._allowed[kinds]

    def suggest(self, text: str, limit: int = 5) -> list[Entity]:
        """Return the known entities whose names are closest to ``text``, for "did you mean"."""
        if self._suggester is None:
            from bot.entities.suggest import Suggester  # rapidfuzz.process: only when asked

            self._suggester = Suggester(self._entities.values())
        return self._suggester.closest(phrase_key(text), limit)


@cache
def _default() -> EntityIndex:
    idx = EntityIndex.from_directory(gazetteer.GAZETTEER_DIR)
    idx._shared = True  # every caller gets this one object: nobody may change it
    return idx
