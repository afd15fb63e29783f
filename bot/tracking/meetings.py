"""One meeting as all its sources tell it: agreeing facts merged with every source, conflicts flagged."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from bot.lines.normalize import fold
from bot.tracking.timeline import events, threads_of


@dataclass(frozen=True)
class MergedFact:
    """A fact that one or more sources of a meeting report, with each of those sources."""

    kind: str  # "attendee" or "commitment"
    text: str
    sources: tuple[dict[str, Any], ...]  # {doc_id, publisher, sentence, evidence}


@dataclass(frozen=True)
class MeetingView:
    """A meeting cluster: its sources, merged facts and where the sources disagree."""

    cluster: dict[str, Any]
    sources: tuple[dict[str, Any], ...]
    facts: tuple[MergedFact, ...]
    conflicts: tuple[str, ...]


def cluster_of(db: Database, doc_id: str) -> str | None:
    """Return the meeting cluster a document reports, or None."""
    found = db.execute("select cluster_id from meeting_sources where doc_id = ?", [doc_id]).fetchone()
    return found[0] if found else None


def _attendee_key(row: dict[str, Any]) -> str:
    if row["person_id"] or row["name"]:
        return row["person_id"] or fold(row["name"])
    return "|".join(fold(row[k]) for k in ("country", "org", "role"))


def _attendee_text(row: dict[str, Any]) -> str:
    who = row["name"] or row["role"] or "unnamed"
    where = ", ".join(p for p in (row["role"] if row["name"] else None, row["country"], row["org"]) if p)
    return f"{who} ({where})" if where else str(who)


def _attendees(db: Database, doc_ids: list[str]) -> list[MergedFact]:
    marks = ", ".join("?" * len(doc_ids))
    rows = list(db.query(
        "select a.*, d.publisher, s.text as evidence from attendances a join documents d on d.id = a.doc_id "
        "left join sentences s on s.doc_id = a.doc_id and s.idx = a.sentence "
        f"where a.doc_id in ({marks}) order by a.id", doc_ids))
    merged: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        merged.setdefault(_attendee_key(row), []).append(row)
    return [MergedFact("attendee", _attendee_text(group[0]), tuple(_source(r) for r in group))
            for group in merged.values()]


def _source(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("doc_id", "publisher", "sentence", "evidence")}


def meeting_view(db: Database, cluster_id: str) -> MeetingView | None:
    """Return a meeting cluster with its sources, merged facts and conflicts."""
    found = list(db["meeting_clusters"].rows_where("id = ?", [cluster_id]))
    if not found:
        return None
    sources = tuple(db.query(
        "select s.doc_id, d.title, d.publisher, d.published, d.url from meeting_sources s "
        "join documents d on d.id = s.doc_id where s.cluster_id = ? order by d.published, s.doc_id",
        [cluster_id]))
    doc_ids = [s["doc_id"] for s in sources]
    marks = ", ".join("?" * len(doc_ids))
    commitments = [
        MergedFact("commitment", f"{t.actor}: {t.action}",
                   tuple(_source({**e, "publisher": e["publisher"]}) for e in t.events))
        for t in threads_of(events(db, f"l.doc_id in ({marks})", doc_ids))]
    conflicts = tuple(r[0] for r in db.execute(
        "select detail from meeting_conflicts where cluster_id = ? order by id", [cluster_id]))
    return MeetingView(found[0], sources, tuple(_attendees(db, doc_ids) + commitments), conflicts)
