"""Check a store file the way a crash would break it: pages, keys, provenance, full-text index."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def store_problems(path: Path) -> list[str]:
    """Return every inconsistency found in the SQLite store at ``path`` (empty when sound)."""
    conn = sqlite3.connect(path)
    try:
        return [*_integrity(conn), *_orphans(conn), *_meetings(conn), *_full_text(conn)]
    finally:
        conn.close()


def _integrity(conn: sqlite3.Connection) -> list[str]:
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    problems = [] if result == ["ok"] else [f"integrity_check: {result[:3]}"]
    problems += [f"foreign key: {row}" for row in conn.execute("PRAGMA foreign_key_check")]
    return problems


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]


def _orphans(conn: sqlite3.Connection) -> list[str]:
    # Every table that points at a document (the core facts and any feature module's) must
    # point at one that exists.
    problems = []
    for table in _tables(conn):
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
        if "doc_id" not in columns or table == "documents":
            continue
        (orphans,) = conn.execute(
            f"select count(*) from [{table}] where doc_id is not null and doc_id not in "
            "(select id from documents)").fetchone()
        if orphans:
            problems.append(f"{table}: {orphans} rows whose document is missing")
    return problems


def _meetings(conn: sqlite3.Connection) -> list[str]:
    if "documents" not in _tables(conn):
        return []
    (missing,) = conn.execute(
        "select count(*) from documents where id not in (select doc_id from meetings)").fetchone()
    (bare,) = conn.execute(
        "select count(*) from documents where id not in (select doc_id from sentences)").fetchone()
    return ([f"{missing} documents without their meeting row"] if missing else []) + (
        [f"{bare} documents without sentences"] if bare else [])


def _full_text(conn: sqlite3.Connection) -> list[str]:
    problems = []
    for (table,) in conn.execute(
            "select name from sqlite_master where type = 'table' and sql like '%using fts5%' "
            "and sql not like '%fts5vocab%'").fetchall():  # a vocabulary view has no index to check
        try:
            # rank = 1 also compares the index with its external content table.
            conn.execute(f"insert into [{table}]([{table}], rank) values ('integrity-check', 1)")
        except sqlite3.DatabaseError as err:
            problems.append(f"{table}: full-text index out of sync ({err})")
    return problems
