"""Group reports of the same meeting from several sources, and flag where the sources disagree.

Two reports are the same meeting when their dates are at most a day apart and they share the
place, the format or (failing both) a similar name. Clustering is recomputed only around the
dates a write touched, through the ``meeting_sources.date`` index.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz
from sqlite_utils import Database

from bot.tracking.conflicts import cluster_conflicts
from bot.tracking.normalize import fold

NAME_SIMILARITY = 85.0


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _places_match(a: str | None, b: str | None) -> bool:
    # "lancaster house, london" and "london" are the same place: compare the city part too.
    if not a or not b:
        return False
    return a == b or a.rsplit(",", 1)[-1].strip() == b.rsplit(",", 1)[-1].strip()


def same_meeting(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Return whether two meeting reports describe the same meeting."""
    day_a, day_b = _day(a["date"]), _day(b["date"])
    if day_a is None or day_b is None or abs((day_a - day_b).days) > 1:
        return False
    if _places_match(fold(a["place"]), fold(b["place"])):
        return True
    if a["format"] and fold(a["format"]) == fold(b["format"]):
        return True
    if a["name"] and b["name"]:
        return fuzz.token_set_ratio(fold(a["name"]), fold(b["name"])) >= NAME_SIMILARITY
    return False


def source_row(db: Database, doc_id: str) -> dict[str, Any] | None:
    """Return the meeting-source row of a document, built from its meeting and metadata."""
    found = db.execute(
        "select m.date, m.place, m.format, m.name, d.publisher, d.published from meetings m "
        "join documents d on d.id = m.doc_id where m.doc_id = ?", [doc_id]).fetchone()
    if found is None:
        return None
    date, place, format_, name, publisher, published = found
    if not (place or format_ or name):
        return None  # a date alone does not say which meeting a document reports
    return {"doc_id": doc_id, "cluster_id": None, "date": date or published,
            "place": place or None, "format": format_ or None,
            "name": name or None, "publisher": publisher, "published": published}


def _sources_near(db: Database, day: dt.date) -> list[str]:
    low, high = (day - dt.timedelta(days=1)).isoformat(), (day + dt.timedelta(days=1)).isoformat()
    return [r[0] for r in db.execute(
        "select doc_id from meeting_sources where date between ? and ?", [low, high + "~"])]


def recluster(db: Database, *, doc_ids: Iterable[str], cluster_ids: Iterable[str] = ()) -> None:
    """Recompute the clusters around ``doc_ids`` and of ``cluster_ids`` from scratch."""
    seeds = set(doc_ids)
    old_ids = set(cluster_ids)
    for doc_id, date in db.execute(
            f"select doc_id, date from meeting_sources where doc_id in ({_marks(seeds)})", [*seeds]):
        day = _day(date)
        if day is not None:
            seeds.update(_sources_near(db, day))
    old_ids.update(r[0] for r in db.execute(
        f"select distinct cluster_id from meeting_sources where doc_id in ({_marks(seeds)})",
        [*seeds]) if r[0])
    rows = list(db["meeting_sources"].rows_where(
        f"doc_id in ({_marks(seeds)}) or cluster_id in ({_marks(old_ids)})", [*seeds, *old_ids]))
    db.execute(f"delete from meeting_clusters where id in ({_marks(old_ids)})", [*old_ids])
    db.execute(f"delete from meeting_conflicts where cluster_id in ({_marks(old_ids)})", [*old_ids])
    for group in _components(rows):
        _write_cluster(db, group)


def _marks(values: set[str]) -> str:
    return ", ".join("?" * len(values)) or "null"


def _components(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rows):
        for j in range(i + 1, len(rows)):
            if same_meeting(a, rows[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(find(i), []).append(row)
    return list(groups.values())


def _common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _write_cluster(db: Database, group: list[dict[str, Any]]) -> None:
    date = _common(r["date"] for r in group)
    cluster_id = f"{date or 'undated'}-{min(r['doc_id'] for r in group)[:8]}"
    doc_ids = {r["doc_id"] for r in group}
    db.execute(f"update meeting_sources set cluster_id = ? where doc_id in ({_marks(doc_ids)})",
               [cluster_id, *doc_ids])
    names = sorted((r["name"] for r in group if r["name"]), key=len)
    conflicts = cluster_conflicts(db, cluster_id=cluster_id, doc_ids=sorted(doc_ids))
    db["meeting_clusters"].insert({
        "id": cluster_id, "date": date, "name": names[0] if names else None,
        "place": _common(r["place"] for r in group), "format": _common(r["format"] for r in group),
        "sources": len(group),
        "publishers": "; ".join(sorted({r["publisher"] or "unknown publisher" for r in group})),
        "conflicts": len(conflicts),
    }, replace=True)
    db["meeting_conflicts"].insert_all(conflicts)
