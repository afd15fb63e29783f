"""Write the index to the store's entities/aliases tables and read discovered entities back."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from bot.entities.model import Entity, Role
from bot.entities.text import normalize


def write_entities(db: Any, entities: Iterable[Entity]) -> None:
    """Upsert entity rows (roles as JSON in ``data``) and one alias row per normalised alias."""
    rows, alias_rows = [], []
    for entity in entities:
        data = {"roles": [asdict(r) for r in entity.roles]} if entity.roles else {}
        rows.append({"id": entity.id, "kind": entity.kind, "name": entity.name,
                     "country": entity.country, "data": json.dumps(data, ensure_ascii=False)})
        seen: set[str] = set()
        for alias in (entity.name, *entity.aliases):
            norm = normalize(alias)
            if norm and norm not in seen:
                seen.add(norm)
                alias_rows.append({"entity_id": entity.id, "alias": alias, "norm": norm})
    with db.atomic():  # a savepoint when the caller already holds a transaction
        db["entities"].upsert_all(rows, pk="id")
        db["aliases"].upsert_all(alias_rows, pk=("entity_id", "norm"))


def read_entities(db: Any) -> Iterator[Entity]:
    """Yield the entities stored in the database with their aliases and roles."""
    if not db["entities"].exists():
        return
    aliases: dict[str, list[str]] = {}
    if db["aliases"].exists():
        for row in db.query("select entity_id, alias from aliases order by rowid"):
            aliases.setdefault(row["entity_id"], []).append(row["alias"])
    for row in db.query("select id, kind, name, country, data from entities"):
        yield Entity(id=row["id"], kind=row["kind"] or "person", name=row["name"] or row["id"],
                     country=row["country"], aliases=tuple(aliases.get(row["id"], ())),
                     roles=_roles(row["data"]))


def _roles(data: str | None) -> tuple[Role, ...]:
    try:
        parsed = json.loads(data or "{}")
    except ValueError:
        return ()
    roles = parsed.get("roles", []) if isinstance(parsed, dict) else []
    return tuple(Role(title=str(r["title"]), country=r.get("country"), org=r.get("org"),
                      start=r.get("start"), end=r.get("end"))
                 for r in roles if isinstance(r, dict) and r.get("title"))
