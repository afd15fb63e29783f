"""Write documents and their facts in one transaction; read them back.

Re-ingesting a document with the same key and content changes nothing; a changed document has
its facts replaced atomically; an exception anywhere inside ``save_document`` (a hook included)
leaves the store exactly as it was.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from storage.db import open_database
from storage.records import Extraction, SourceDocument
from storage.sql import dicts, now_iso

FACT_TABLES = ("attendances", "statements", "commitments", "agreements")


@dataclass(frozen=True)
class SaveResult:
    """What saving one document did."""

    doc_id: str
    status: str  # "new", "updated" or "unchanged"
    counts: dict[str, int] = field(default_factory=dict)


# A hook runs inside the save transaction, after the new facts are written: it receives the
# database, the result and the facts the document had before (empty for a new document).
WriteHook = Callable[[Database, SaveResult, dict[str, list[dict[str, Any]]]], None]


class Store:
    """The project's SQLite store."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.write_hooks: list[WriteHook] = []

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Store:
        """Open the store at ``path``, migrating it; a missing one is created only with ``create``."""
        return cls(open_database(path, create=create))

    def close(self) -> None:
        """Close the underlying connection."""
        self.db.close()

    # --- writes -------------------------------------------------------------------------

    def save_document(self, doc: SourceDocument, extraction: Extraction) -> SaveResult:
        """Insert or replace ``doc`` and its facts in one transaction."""
        doc_id = doc.key
        with self.db.atomic():
            existing = self._stored(doc_id)
            if existing == _identity(doc):
                return SaveResult(doc_id, "unchanged", self.fact_counts(doc_id))
            previous = self.facts_of(doc_id) if existing else {}
            now = now_iso()
            if existing:
                self._delete_facts(doc_id)
            row = {"url": doc.url, "title": doc.title, "publisher": doc.publisher,
                   "published": doc.published, "language": doc.language,
                   "content_hash": doc.content_hash, "text": doc.text, "updated_at": now}
            if existing:
                sets = ", ".join(f"[{c}] = ?" for c in row)
                self.db.conn.execute(f"update documents set {sets} where id = ?", [*row.values(), doc_id])
            else:
                row = {"id": doc_id, **row, "ingested_at": now}
                _insert_rows(self.db.conn, "documents", tuple(row), [tuple(row.values())])
            self._insert_facts(doc_id, extraction)
            result = SaveResult(doc_id, "updated" if existing else "new", extraction.counts())
            for hook in self.write_hooks:
                hook(self.db, result, previous)
        return result

    def is_unchanged(self, doc: SourceDocument) -> bool:
        """Tell whether ``doc`` is stored with this very text and metadata (saving it changes nothing)."""
        return self._stored(doc.key) == _identity(doc)

    def _stored(self, doc_id: str) -> tuple[Any, ...] | None:
        row = self.db.execute(
            "select content_hash, title, publisher, published, language from documents where id = ?",
            [doc_id],
        ).fetchone()
        return tuple(row) if row else None

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document and every fact drawn from it; return whether it existed."""
        with self.db.atomic():
            if not self.db.execute("select 1 from documents where id = ?", [doc_id]).fetchone():
                return False
            self._delete_facts(doc_id)
            self.db.execute("delete from documents where id = ?", [doc_id])
        return True

    def _delete_facts(self, doc_id: str) -> None:
        self.db.execute(
            "delete from agreement_parties where agreement_id in "
            "(select id from agreements where doc_id = ?)", [doc_id],
        )
        for table in (*FACT_TABLES, "meetings", "sentences"):
            self.db.execute(f"delete from [{table}] where doc_id = ?", [doc_id])

    def _insert_facts(self, doc_id: str, ex: Extraction) -> None:
        # Plain prepared SQL: sqlite-utils' insert_all introspects the table on every call,
        # which cost more than extraction's slowest rule per ingested document.
        conn = self.db.conn
        _insert_rows(conn, "sentences", ("doc_id", "idx", "start", "end", "text", "boilerplate"),
                     [(doc_id, s.index, s.start, s.end, s.text, int(s.boilerplate)) for s in ex.sentences])
        _insert_facts_of(conn, "meetings", doc_id, [ex.meeting])
        for table, facts in (("attendances", ex.attendees), ("statements", ex.statements),
                             ("commitments", ex.commitments)):
            _insert_facts_of(conn, table, doc_id, facts)
        for agreement in ex.agreements:
            agreement_id = _insert_facts_of(conn, "agreements", doc_id, [agreement], skip={"parties"})
            _insert_rows(conn, "agreement_parties", ("agreement_id", "party"),
                         [(agreement_id, p) for p in dict.fromkeys(agreement.parties)])

    # --- reads --------------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """Return one document row, or None."""
        rows = list(self.db["documents"].rows_where("id = ?", [doc_id]))
        return rows[0] if rows else None

    def documents(self) -> Iterator[dict[str, Any]]:
        """Yield every document row, oldest publication first."""
        yield from self.db["documents"].rows_where(order_by="published, id")

    def find_documents(self, text: str) -> list[dict[str, Any]]:
        """Return documents whose id, URL or title contains ``text`` (for admin commands)."""
        like = f"%{text}%"
        return list(self.db["documents"].rows_where(
            "id = ? or url like ? or title like ?", [text, like, like],
            select="id, url, title, published, publisher", limit=20,
        ))

    def facts_of(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """Return the meeting and every fact of one document, table by table."""
        # Plain SQL: every save reads this back (alerts), and rows_where introspects the schema.
        facts = {table: dicts(self.db.conn.execute(
                     f"select * from [{table}] where doc_id = ? order by id", [doc_id]))
                 for table in ("meetings", *FACT_TABLES)}
        for agreement in facts["agreements"]:
            agreement["parties"] = [r[0] for r in self.db.conn.execute(
                "select party from agreement_parties where agreement_id = ? order by rowid",
                [agreement["id"]])]
        return facts

    def fact_counts(self, doc_id: str) -> dict[str, int]:
        """Return how many facts of each kind a document has."""
        table_to_key = {"attendances": "attendees", "statements": "statements",
                        "commitments": "commitments", "agreements": "agreements"}
        return {
            key: self.db.execute(f"select count(*) from [{table}] where doc_id = ?", [doc_id]).fetchone()[0]
            for table, key in table_to_key.items()
        }

    def sentence(self, doc_id: str, index: int) -> dict[str, Any] | None:
        """Return one sentence of a document, or None."""
        rows = list(self.db["sentences"].rows_where("doc_id = ? and idx = ?", [doc_id, index]))
        return rows[0] if rows else None

    def export(self) -> dict[str, Any]:
        """Return every document with its facts in the export format of the command line."""
        return {"documents": [self._export_document(d) for d in self.documents()]}

    def _export_document(self, doc: dict[str, Any]) -> dict[str, Any]:
        facts = self.facts_of(doc["id"])
        meeting = facts["meetings"][0] if facts["meetings"] else {}
        drop = {"doc_id"}
        return {
            "id": doc["id"], "url": doc["url"], "title": doc["title"],
            "publisher": doc["publisher"], "published": doc["published"],
            "language": doc["language"],
            "event": {k: meeting.get(k) for k in ("name", "date", "place", "format")},
            "attendees": [_clean(r, drop) for r in facts["attendances"]],
            "statements": [
                {**_clean(r, drop), "quote": bool(r["quote"])} for r in facts["statements"]
            ],
            "commitments": [
                {**_clean(r, drop), "conditional": bool(r["conditional"]),
                 "collective": bool(r["collective"])} for r in facts["commitments"]
            ],
            "agreements": [
                {**_clean(r, drop), "signed": bool(r["signed"])} for r in facts["agreements"]
            ],
        }


# Host parameters per statement: SQLite's oldest default limit (999), so any build accepts it.
_MAX_PARAMS = 999


def _insert_rows(conn: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> int | None:
    """Insert ``rows`` with as few statements as possible; return the rowid of the last one."""
    # One multi-row INSERT, not executemany: each statement of a transaction makes FTS5 flush its
    # pending terms, so a row per statement wrote a tiny index segment per sentence (and merged
    # them again on later saves): about 40 of a save's 150 written pages at 20k documents.
    names = ", ".join(f"[{c}]" for c in columns)
    one = "(" + ", ".join("?" * len(columns)) + ")"
    per = max(1, _MAX_PARAMS // len(columns))
    last = None
    for at in range(0, len(rows), per):
        chunk = rows[at:at + per]
        cursor = conn.execute(f"insert into [{table}] ({names}) values {', '.join([one] * len(chunk))}",
                              [value for row in chunk for value in row])
        last = cursor.lastrowid
    return last


def _insert_facts_of(conn: Any, table: str, doc_id: str, facts: Any, *,
                     skip: frozenset[str] | set[str] = frozenset()) -> int | None:
    """Insert dataclass ``facts`` of one document; return the rowid of the last one."""
    if not facts:
        return None
    columns = tuple(f.name for f in fields(facts[0]) if f.name not in skip)
    last = _insert_rows(conn, table, ("doc_id", *columns),
                        [(doc_id, *(getattr(f, c) for c in columns)) for f in facts])
    return last if len(facts) == 1 else None


def _identity(doc: SourceDocument) -> tuple[Any, ...]:
    return (doc.content_hash, doc.title, doc.publisher, doc.published, doc.language)


def _clean(row: dict[str, Any], drop: set[str]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in drop}


def dumps(value: Any) -> str:
    """Serialise ``value`` as compact JSON that keeps non-ASCII text readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
