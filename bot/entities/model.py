"""The records the entity index hands out: entities, their dated roles, and text mentions."""
from __future__ import annotations

from dataclasses import dataclass

KINDS: tuple[str, ...] = ("person", "country", "org", "place")


@dataclass(frozen=True)
class Role:
    """A title held for a country or an organisation between two ISO dates (None = open)."""

    title: str
    country: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Entity:
    """A person, country, organisation or place with every name it goes by."""

    id: str
    kind: str  # person | country | org | place
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Mention:
    """Where an entity is named in a text; ``alternatives`` are other entities the words fit."""

    entity: Entity
    start: int
    end: int
    text: str
    score: float
    alternatives: tuple[Entity, ...] = ()
