"""Plain SQL on the connection, shared by the store, tracking and the query engine.

Saves and questions run these on every call, so they skip sqlite-utils' per-call table
introspection and talk to the connection directly.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database


def rows(db: Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Return the rows of a query as dicts."""
    return dicts(db.conn.execute(sql, list(params)))


def dicts(cursor: Any) -> list[dict[str, Any]]:
    """Return the rows an executed cursor holds as dicts keyed by column name."""
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def upsert(db: Database, table: str, records: Iterable[Mapping[str, Any]]) -> None:
    """Insert or replace ``records`` (all with the same keys) into ``table``."""
    records = list(records)
    if not records:
        return
    columns = list(records[0])
    sql = (f"insert or replace into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join('?' * len(columns))})")
    db.conn.executemany(sql, [[r[c] for c in columns] for r in records])


def marks(values: Iterable[Any]) -> str:
    """Return the placeholders of an ``in (...)`` list ("null" for none, which matches nothing)."""
    return ", ".join("?" for _ in values) or "null"


def now_iso(now: dt.datetime | None = None) -> str:
    """Return ``now`` (default: the current UTC time) as the ISO timestamp every *_at column holds."""
    return (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
