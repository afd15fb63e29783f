"""Sentences that report what became of a promise, linked to that promise's earlier commitment.

Extraction records promises; a later report often only says "the delivery of Germany's air
defence systems has stalled". Such a sentence names the actor and the thing, and carries a status
word, so it is linked to the actor's best-matching earlier commitment and joins its timeline.
Sentences without a status word never change a status: silence is not news.
"""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from bot.lines.normalize import OFF_LADDER, names, stage_of, terms
from bot.tracking.links import PERFECT, WINDOW, linked
from storage.sql import marks, rows

STATUS_STAGES = (*OFF_LADDER, "delivered")
# The later mentions of an actor with their current scores; all in one index (m009). A mention
# changes parent only for a strictly better score: those at a perfect score are left out in SQL.
ADOPT_SQL = ("select * from (select id, terms, names, score from status_mentions where actor_key = ? "
             f"and date >= ? order by date limit {WINDOW}) where score is null or score < {PERFECT}")


def _actor_keys(text: str) -> list[str]:
    from bot.entities import EntityIndex

    found = EntityIndex.default().find_mentions(text, kinds=("country", "org"), fuzzy=False)
    return list(dict.fromkeys(f"{m.entity.kind}:{m.entity.name}" for m in found))


def index_mentions(db: Database, doc_id: str, date: str) -> None:
    """Record the status sentences of a document that are not already a commitment's evidence."""
    evidence = {r[0] for r in db.execute("select sentence from commitments where doc_id = ?", [doc_id])}
    for idx, text in db.execute("select idx, text from sentences where doc_id = ? order by idx", [doc_id]):
        if idx in evidence:
            continue
        stage = stage_of(kind=None, text=text)
        if stage not in STATUS_STAGES:
            continue
        for key in _actor_keys(text):
            row = {"doc_id": doc_id, "sentence": idx, "actor_key": key, "date": date, "stage": stage,
                   "terms": terms(text), "names": names(text), "parent_id": None, "score": None}
            cursor = db.conn.execute(
                f"insert into status_mentions ({', '.join(row)}) values ({marks(row)})", list(row.values()))
            if cursor.lastrowid is not None:
                relink_mention(db, cursor.lastrowid)


def relink_mention(db: Database, mention_id: int) -> None:
    """Point a status mention at the best-matching earlier commitment of its actor, or nothing."""
    found = rows(db, "select * from status_mentions where id = ?", [mention_id])
    if not found:
        return
    row = found[0]
    cursor = db.execute(
        "select commitment_id, terms, names from commitment_links where actor_key = ? and date <= ? "
        f"order by date desc, commitment_id desc limit {WINDOW}", [row["actor_key"], row["date"]])
    best: tuple[float, int | None] = (0.0, None)
    # Most recent first, ties keep the latest: the first perfect score ends the search.
    for commitment_id, score in linked(row, cursor):
        if score > best[0]:
            best = (score, commitment_id)
            if score >= PERFECT:
                break
    cursor.close()
    db.execute("update status_mentions set parent_id = ?, score = ? where id = ?",
               [best[1], best[0] if best[1] else None, mention_id])


def adopt_mentions(db: Database, row: dict[str, Any]) -> None:
    """Let a new commitment claim later status mentions of its actor that fit it better."""
    found = db.execute(ADOPT_SQL, [row["actor_key"], row["date"]]).fetchall()
    current = {mention_id: score for mention_id, *_, score in found}
    for mention_id, score in linked(row, [r[:3] for r in found]):
        if score > (current[mention_id] or 0.0):
            db.execute("update status_mentions set parent_id = ?, score = ? where id = ?",
                       [row["commitment_id"], score, mention_id])
