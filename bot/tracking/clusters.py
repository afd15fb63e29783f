"""Group reports of the same meeting from several sources, and flag where the sources disagree.

Two reports are the same meeting when their dates are at most a day apart and they share the
place, the format or (failing both) a similar name. A write regroups only the reports that match
its own (found through the ``meeting_sources.date`` index) and their clusters' members, and
rewrites (recounting conflicts) only the clusters whose members changed: the cost of a save stays
flat as reports per day grow.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from bot.tracking.conflicts import Carried, cluster_conflicts, stored_count_conflicts
from bot.tracking.links import best_parent, link_new
from bot.tracking.reports import Reach, Report, day_of, facets, report, undated_match
from storage.sql import marks, rows, upsert

HOPS = 2
# The reports dated between two days, as compared; all in one index (storage.tracking_schema m008).
NEAR_SQL = "select doc_id, date, place, format, name from meeting_sources where date between ? and ?"


# A document's publication date with its meeting (at most one a document), in one read.
SOURCE_SQL = ("select d.published, d.publisher, m.date, m.place, m.format, m.name from documents d "
              "left join meetings m on m.doc_id = d.id where d.id = ?")


def source_row(db: Database, doc_id: str) -> tuple[str | None, dict[str, Any] | None] | None:
    """Return a document's publication date and meeting-source row (None when its meeting does
    not say which meeting it is), built from its meeting and metadata; None without the document."""
    found = db.conn.execute(SOURCE_SQL, [doc_id]).fetchone()
    if found is None:
        return None
    published, publisher, date, place, format_, name = found
    if not (place or format_ or name):
        return published, None  # a date alone does not say which meeting a document reports
    return published, {"doc_id": doc_id, "cluster_id": None, "date": date or published,
                       "place": place or None, "format": format_ or None,
                       "name": name or None, "publisher": publisher, "published": published}


def _near(db: Database, row: dict[str, Any]) -> dict[str, Report]:
    """Return the sources dated within a day of ``row`` (through the date index), as compared."""
    day = day_of(row["date"])
    if day is None:
        return {}
    low, high = (day - dt.timedelta(days=1)).isoformat(), (day + dt.timedelta(days=1)).isoformat()
    # Only the few that report the same meeting are read in full (by _members): no row dicts.
    found = db.conn.execute(NEAR_SQL, [low, high + "~"]).fetchall()
    return {doc_id: facets(date, place, format_, name) for doc_id, date, place, format_, name in found}


def _members(db: Database, seeds: set[str], cluster_ids: set[str]) -> dict[str, dict[str, Any]]:
    """Return the sources ``seeds`` with every member of their clusters and of ``cluster_ids``."""
    # One statement of indexed look-ups ("doc_id in (...) or cluster_id in (...)" would scan the
    # whole table). A clustered seed comes with its cluster, so only the unclustered ones are read
    # by id: UNION ALL then needs no sort to drop repeats (the dict drops the rare repeat of a
    # cluster in ``cluster_ids`` that a seed also belongs to).
    in_seeds = marks(seeds)
    found = rows(db, f"select * from meeting_sources where doc_id in ({in_seeds}) and cluster_id is null "
                     f"union all select * from meeting_sources where cluster_id in "
                     f"(select cluster_id from meeting_sources where doc_id in ({in_seeds})) union all "
                     f"select * from meeting_sources where cluster_id in ({marks(cluster_ids)})",
                 [*seeds, *seeds, *cluster_ids])
    return {r["doc_id"]: r for r in found}


def _affected(db: Database, doc_ids: set[str], cluster_ids: set[str],
              sources: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the new sources, the nearby sources that report the same meetings, and their clusters.

    Only these are regrouped, so the cost of a save does not grow with the reports of a day.
    ``sources`` are rows of ``doc_ids`` as just written (in no cluster yet): they are not read.
    """
    found = dict(sources)
    unread = doc_ids - sources.keys()
    if unread or cluster_ids:
        found.update(_members(db, unread, cluster_ids))
    near = {doc_id: one for row in list(found.values()) if row["doc_id"] in doc_ids
            for doc_id, one in _near(db, row).items()}
    fresh = Reach(report(r) for r in found.values())
    # A report that joins a meeting can bring that meeting's neighbours along; two steps keep
    # the grouping close to a from-scratch one without walking chains of similar names.
    for hop in range(1, HOPS + 1):
        extra = {doc_id for doc_id, one in near.items() if doc_id not in found and fresh.joins(one)}
        if not extra:
            break
        # ``found`` already holds every member of its clusters: only the newcomers are read.
        newcomers = _members(db, extra, set())
        if hop < HOPS:  # the last step's newcomers bring no one along
            fresh = Reach(report(r) for doc_id, r in newcomers.items() if doc_id not in found)
        found.update(newcomers)
    return list(found.values())


def recluster(db: Database, *, doc_ids: Iterable[str], cluster_ids: Iterable[str] = (),
              sources: Mapping[str, dict[str, Any]] | None = None) -> None:
    """Recompute the clusters around ``doc_ids`` and of ``cluster_ids``; rewrite only changed ones.

    Only sources that report the same meeting as a new document (and their clusters' members)
    are regrouped, so the cost of a save does not grow with the number of reports per day.
    ``sources`` may hold the meeting-source rows of ``doc_ids`` that the caller has just written.
    """
    dirty = set(cluster_ids)
    found = _affected(db, set(doc_ids), dirty, sources or {})
    old_ids = {r["cluster_id"] for r in found if r["cluster_id"]} | dirty
    kept: set[str] = set()
    changed = []
    for group in _components(found):
        members = {r["cluster_id"] for r in group}
        cluster_id = _cluster_id(group)
        same = members == {cluster_id} and cluster_id not in dirty and len(group) == sum(
            1 for r in found if r["cluster_id"] == cluster_id)
        if same:
            kept.add(cluster_id)
        else:
            changed.append(group)
    gone = old_ids - kept
    # A meeting that only gained new reports keeps its head-count conflicts unless they count.
    origins = [_grown_from(group, found, dirty) for group in changed]
    stored = stored_count_conflicts(db, {origin for origin in origins if origin})
    if gone:
        db.execute(f"delete from meeting_clusters where id in ({marks(gone)})", [*gone])
        db.execute(f"delete from meeting_conflicts where cluster_id in ({marks(gone)})", [*gone])
    for group, origin in zip(changed, origins, strict=True):
        carried = None if origin is None else Carried(
            stored[origin], [r["doc_id"] for r in group if not r["cluster_id"]])
        _write_cluster(db, group, carried=carried)
    _attach_all_undated(db, [r for group in changed for r in group])


def _grown_from(group: list[dict[str, Any]], found: list[dict[str, Any]], dirty: set[str]) -> str | None:
    """Return the one earlier cluster ``group`` holds whole, plus only unclustered reports, or None.

    Such a cluster's stored conflicts were counted from exactly those members (a changed or
    deleted member marks its cluster dirty), and ``found`` holds every member of its clusters.
    """
    old = {r["cluster_id"] for r in group if r["cluster_id"]}
    if len(old) != 1:
        return None
    (cluster_id,) = old
    held = sum(1 for r in group if r["cluster_id"] == cluster_id)
    whole = held == sum(1 for r in found if r["cluster_id"] == cluster_id)
    return cluster_id if whole and cluster_id not in dirty else None


def _attach_all_undated(db: Database, found: list[dict[str, Any]]) -> None:
    undated = {r["doc_id"] for r in found if not r["date"]}
    places = {r["place"] for r in found if r["place"] and r["date"]}
    # An undated report waits for a dated report of the same place to arrive.
    if places:
        undated.update(r[0] for r in db.execute(
            f"select doc_id from meeting_sources where place in ({marks(places)}) and date is null",
            [*places]))
    for doc_id in sorted(undated):
        _attach_undated(db, doc_id)


def _attach_undated(db: Database, doc_id: str) -> None:
    own = rows(db, "select * from meeting_sources where doc_id = ?", [doc_id])
    if not own or own[0]["date"] or not own[0]["place"]:
        return
    same_place = rows(db, "select * from meeting_sources where place = ? and doc_id != ?",
                      [own[0]["place"], doc_id])
    cluster_id = undated_match(own[0], same_place)
    if cluster_id is None:
        return
    old_id = own[0]["cluster_id"]
    db.execute("delete from meeting_clusters where id = ?", [old_id])
    db.execute("delete from meeting_conflicts where cluster_id in (?, ?)", [old_id, cluster_id])
    members = rows(db, "select * from meeting_sources where cluster_id = ?", [cluster_id]) + own
    _write_cluster(db, members, cluster_id=cluster_id)
    # The report's promises now have the meeting's date: place them in time again.
    date = db.execute("select date from meeting_clusters where id = ?", [cluster_id]).fetchone()[0]
    moved = [r[0] for r in db.execute(
        "select commitment_id from commitment_links where doc_id = ? and date = ''", [doc_id])]
    db.execute("update commitment_links set date = ? where doc_id = ? and date = ''", [date, doc_id])
    marks = ", ".join("?" * len(moved))
    children = [r[0] for r in db.execute(
        f"select commitment_id from commitment_links where parent_id in ({marks})", moved)]
    for commitment_id in moved:
        link_new(db, commitment_id)
    for child in children:  # a parent must stay earlier than its child: no cycles
        best_parent(db, child)


def _components(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group reports greedily in date order; a group spans at most two days, so no chains form."""
    groups: list[list[dict[str, Any]]] = []
    reaches: list[tuple[Report, Reach]] = []  # each group's first report, and the group indexed
    for row in sorted(rows, key=lambda r: (r["date"] or "", r["doc_id"])):
        one = report(row)
        day = one[0]
        for group, (first, reach) in zip(groups, reaches, strict=True):
            if day and first[0] and (day - first[0]).days <= 1 and reach.joins(one):
                group.append(row)
                reach.add(one)
                break
        else:
            groups.append([row])
            reaches.append((one, Reach([one])))
    return groups


def _common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _cluster_id(group: list[dict[str, Any]]) -> str:
    date = _common(r["date"] for r in group)
    return f"{date or 'undated'}-{min(r['doc_id'] for r in group)[:8]}"


def _write_cluster(db: Database, group: list[dict[str, Any]], *, cluster_id: str | None = None,
                   carried: Carried | None = None) -> None:
    date = _common(r["date"] for r in group)
    cluster_id = cluster_id or _cluster_id(group)
    doc_ids = {r["doc_id"] for r in group}
    db.execute(f"update meeting_sources set cluster_id = ? where doc_id in ({marks(doc_ids)})",
               [cluster_id, *doc_ids])
    # The name most sources use; among equals, the shortest (usually the most generic).
    names = [_common(sorted((r["name"] for r in group if r["name"]), key=lambda n: len(n or "")))]
    conflicts = cluster_conflicts(db, cluster_id=cluster_id, doc_ids=sorted(doc_ids), carried=carried)
    upsert(db, "meeting_clusters", [{
        "id": cluster_id, "date": date, "name": names[0],
        "place": _common(r["place"] for r in group), "format": _common(r["format"] for r in group),
        "sources": len(group),
        "publishers": "; ".join(sorted({r["publisher"] or "unknown publisher" for r in group})),
        "conflicts": len(conflicts),
    }])
    if conflicts:
        db.table("meeting_conflicts").insert_all(conflicts)
