"""Bring tracking up to date with what the triggers marked dirty, inside the caller's transaction."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from bot.lines.normalize import actor_key, amount_key, names, stage_of, terms
from bot.tracking.clusters import recluster, source_row
from bot.tracking.links import best_parent, link_stored
from bot.tracking.mentions import adopt_mentions, index_mentions, relink_mention
from storage.sql import upsert

if TYPE_CHECKING:
    from storage.store import SaveResult


# The kinds of mark the triggers leave (storage.tracking_schema), in the order refresh() acts on them.
KINDS = ("doc", "relink", "restatus", "cluster")


def _pop_all(db: Database) -> dict[str, list[str]]:
    """Return and clear every dirty mark, by kind, each kind's keys in order.

    Refresh writes no meeting or commitment, so no mark appears while it runs: one read and one
    delete serve every kind (four reads and deletes a save before).
    """
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, key in db.conn.execute("select kind, key from tracking_dirty order by kind, key"):
        found.setdefault(kind, []).append(key)
    if any(found.values()):
        db.conn.execute("delete from tracking_dirty")
    return found


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


Indexed = tuple[list[dict[str, Any]], str, dict[str, Any] | None]  # link rows, date, source row


def _index_document(db: Database, doc_id: str) -> Indexed:
    """Record a document's meeting source and commitment links; return the rows written and the date."""
    found = source_row(db, doc_id)
    if found is None:
        return [], "", None
    published, source = found
    if source is not None:
        upsert(db, "meeting_sources", [source])
    # Undated ("") rather than the ingestion day: a wrong date would put a promise out of order.
    date = (source or {}).get("date") or published or ""
    rows = _link_rows(db, doc_id, date)
    upsert(db, "commitment_links", rows)
    return rows, date, source


def refresh(db: Database) -> None:
    """Index new documents, relink orphaned mentions and recluster touched meetings."""
    dirty = _pop_all(db)
    docs = dirty["doc"]
    indexed = {doc_id: _index_document(db, doc_id) for doc_id in docs}
    for rows, _, _ in indexed.values():
        for row in rows:  # as just written: none is read back
            link_stored(db, row)
            adopt_mentions(db, row)  # its action and actor, which linking does not change
    for key in dirty["relink"]:
        best_parent(db, int(key))
    for doc_id, (_, date, _) in indexed.items():
        index_mentions(db, doc_id, date)
    for key in dirty["restatus"]:
        relink_mention(db, int(key))
    clusters = dirty["cluster"]
    if docs or clusters:
        sources = {doc_id: source for doc_id, (_, _, source) in indexed.items() if source}
        recluster(db, doc_ids=docs, cluster_ids=clusters, sources=sources)


def ensure_fresh(db: Database) -> None:
    """Refresh when a write left marks behind (a deletion, or a save without the hook)."""
    if db.execute("select 1 from tracking_dirty limit 1").fetchone():
        with db.atomic():
            refresh(db)


def refresh_after_save(db: Database, result: SaveResult, previous: dict[str, list[dict[str, Any]]]) -> None:
    """Recompute tracking inside a save's transaction; a ``Store.write_hooks`` hook (bot.wiring)."""
    refresh(db)
