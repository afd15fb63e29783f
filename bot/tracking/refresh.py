"""Bring tracking up to date with what the triggers marked dirty, inside the caller's transaction."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from bot.lines.normalize import actor_key, amount_key, names, stage_of, terms
from bot.tracking.clusters import recluster, source_row
from bot.tracking.links import best_parent, link_new
from bot.tracking.mentions import adopt_mentions, index_mentions, relink_mention
from storage.sql import upsert

if TYPE_CHECKING:
    from storage.store import SaveResult


def _pop(db: Database, kind: str) -> list[str]:
    keys = [r[0] for r in db.execute("select key from tracking_dirty where kind = ? order by key", [kind])]
    if keys:
        db.execute("delete from tracking_dirty where kind = ?", [kind])
    return keys


def _link_rows(db: Database, doc_id: str, date: str | None) -> list[dict[str, Any]]:
    cursor = db.execute(
        "select c.id, c.actor, c.action, c.kind, c.actor_country, c.actor_org, c.person_id, c.amount, "
        "s.text as evidence from commitments c left join sentences s "
        "on s.doc_id = c.doc_id and s.idx = c.sentence where c.doc_id = ? order by c.id", [doc_id])
    columns = [c[0] for c in cursor.description]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(columns, values, strict=True))
        rows.append({
            "commitment_id": row["id"], "doc_id": doc_id, "actor_key": actor_key(row), "date": date,
            "stage": stage_of(kind=row["kind"], text=f"{row['action']} {row['evidence'] or ''}"),
            "terms": terms(row["action"]), "names": names(row["action"]),
            "amount": amount_key(row["amount"]),
            "parent_id": None, "score": None,
        })
    return rows


def _index_document(db: Database, doc_id: str) -> tuple[list[int], str]:
    """Record a document's meeting source and commitment links; return the new ids and the date."""
    source = source_row(db, doc_id)
    doc = db.execute("select published from documents where id = ?", [doc_id]).fetchone()
    if doc is None:
        return [], ""
    if source is not None:
        upsert(db, "meeting_sources", [source])
    # Undated ("") rather than the ingestion day: a wrong date would put a promise out of order.
    date = (source or {}).get("date") or doc[0] or ""
    rows = _link_rows(db, doc_id, date)
    upsert(db, "commitment_links", rows)
    return [r["commitment_id"] for r in rows], date


def refresh(db: Database) -> None:
    """Index new documents, relink orphaned mentions and recluster touched meetings."""
    docs = _pop(db, "doc")
    indexed = {doc_id: _index_document(db, doc_id) for doc_id in docs}
    for new_ids, _ in indexed.values():
        for commitment_id in new_ids:
            row = link_new(db, commitment_id)
            if row is not None:  # its action and actor, which linking does not change
                adopt_mentions(db, row)
    for key in _pop(db, "relink"):
        best_parent(db, int(key))
    for doc_id, (_, date) in indexed.items():
        index_mentions(db, doc_id, date)
    for key in _pop(db, "restatus"):
        relink_mention(db, int(key))
    clusters = _pop(db, "cluster")
    if docs or clusters:
        recluster(db, doc_ids=docs, cluster_ids=clusters)


def ensure_fresh(db: Database) -> None:
    """Refresh when a write left marks behind (a deletion, or a save without the hook)."""
    if db.execute("select 1 from tracking_dirty limit 1").fetchone():
        with db.atomic():
            refresh(db)


def refresh_after_save(db: Database, result: SaveResult, previous: dict[str, list[dict[str, Any]]]) -> None:
    """Recompute tracking inside a save's transaction; a ``Store.write_hooks`` hook (bot.wiring)."""
    refresh(db)
