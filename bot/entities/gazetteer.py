"""Load the reviewable gazetteer files in ``data/gazetteer`` (shipped data) into entities.

people.json        [{id, name, country, aliases, roles: [{title, country, org, start, end}],
                     surname (default true: the last word of the name is an alias too)}]
leaders.json       the same, for the heads of state and government and foreign and defence
                   ministers of the G20, ASEAN, the African Union and the Gulf states beyond
                   those people.json already holds (each person in one file only)
organisations.json [{name, aliases, codes, category}]   places.json [{name, country, aliases}]
countries.json     {ISO alpha-2: {name, aliases, demonyms, codes, uk}}
titles.json        {canonical title: [synonyms in English and Ukrainian]}
"""
from __future__ import annotations

import json
import re
from importlib.resources.abc import Traversable
from typing import Any

from bot.entities.model import Entity, Role
from bot.resources import data_path

GAZETTEER_DIR = data_path("gazetteer")
PEOPLE_FILES = ("people.json", "leaders.json")


def read(name: str, directory: Traversable = GAZETTEER_DIR) -> Any:
    """Return the parsed JSON of one gazetteer file."""
    return json.loads((directory / name).read_text("utf-8"))


def slug(text: str) -> str:
    """Return a lowercase ASCII-ish slug for ids ("Jean-Noël Barrot" -> "jean-noel-barrot")."""
    from bot.entities.text import fold

    return re.sub(r"[\W_]+", "-", fold(text)).strip("-") or "unnamed"


def person_from(record: dict[str, Any]) -> Entity:
    """Build a person Entity from one people.json record."""
    name = record["name"]
    aliases = [name, *record.get("aliases", ())]
    if record.get("surname", True) and " " in name:
        aliases.append(name.split()[-1])
    roles = tuple(Role(title=r["title"], country=r.get("country"), org=r.get("org"),
                       start=r.get("start"), end=r.get("end")) for r in record.get("roles", ()))
    return Entity(id=record.get("id") or slug(name), kind="person", name=name,
                  country=record.get("country"), aliases=tuple(dict.fromkeys(aliases)),
                  roles=roles)


def named_from(record: dict[str, Any], kind: str) -> tuple[Entity, list[str]]:
    """Build an organisation or place Entity and its capital-only codes from a record."""
    name = record["name"]
    entity = Entity(id=record.get("id") or f"{kind}:{slug(name)}", kind=kind, name=name,
                    country=record.get("country"),
                    aliases=tuple(dict.fromkeys([name, *record.get("aliases", ())])))
    return entity, list(record.get("codes", ()))


def load_all(directory: Traversable = GAZETTEER_DIR) -> tuple[list[Entity], dict[str, list[str]],
                                                       dict[str, Any], dict[str, list[str]]]:
    """Return (people, codes by entity id, country overrides, title synonyms)."""
    people = [person_from(r) for file in PEOPLE_FILES for r in read(file, directory)]
    codes: dict[str, list[str]] = {}
    named: list[Entity] = []
    for file, kind in (("organisations.json", "org"), ("places.json", "place")):
        for record in read(file, directory):
            entity, entity_codes = named_from(record, kind)
            named.append(entity)
            codes[entity.id] = entity_codes
    return people + named, codes, read("countries.json", directory), read("titles.json", directory)
