"""Find where the sources of one meeting disagree: head counts and amounts of the same promise."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from bot.tracking.links import LINK_THRESHOLD, link_score
from storage.sql import marks, rows
from storage.store import dumps

# "26 countries", "35 nations", "leaders of 30 countries", "26 країн": a number and what it counts.
# The "no digit, point or comma before" check sits after the first digit (a two-character
# lookbehind) rather than before it: a pattern that starts with a digit lets the regex engine
# jump from digit to digit instead of trying every position (3x faster on a readout).
_COUNT = re.compile(
    r"(\d(?<![\d.,]\d)\d{0,2})(?![\d.,]\d)\s+(?:[^\W\d_]+\s+){0,2}?"
    r"(countries|nations|states|leaders|allies|participants|delegations|partners|країн\w*)\b",
    re.IGNORECASE)
_NOUN = {"nations": "countries", "states": "countries"}
_COUNT_FIELD = "count of "  # how a head-count conflict's field begins ("count of countries")
# A cluster's head counts are compared again each time a report joins it: each text's counts are
# kept by its content hash (a hash of the text alone) and the text is read only the first time.
_COUNTED: dict[str, dict[str, set[int]]] = {}
_COUNTED_KEPT = 8192


def _counts(text: str) -> dict[str, set[int]]:
    found: dict[str, set[int]] = defaultdict(set)
    for number, noun in _COUNT.findall(text):
        noun = noun.casefold()
        noun = "countries" if noun.startswith("країн") else _NOUN.get(noun, noun)
        found[noun].add(int(number))
    return found


def _or(values: list[Any]) -> str:
    return ", ".join(map(str, values[:-1])) + f" or {values[-1]}" if len(values) > 1 else str(values[0])


def count_conflicts(texts: dict[str, str]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Return (field, detail, values) for each count on which two sources have nothing in common."""
    return _disagreements({doc_id: _counts(text) for doc_id, text in texts.items()})


def _disagreements(per_doc: dict[str, dict[str, set[int]]]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    out = []
    for noun in sorted({n for counts in per_doc.values() for n in counts}):
        sets = {d: c[noun] for d, c in per_doc.items() if noun in c}
        docs = sorted(sets)
        disjoint = any(not (sets[a] & sets[b]) for i, a in enumerate(docs) for b in docs[i + 1:])
        if disjoint:
            values = sorted({v for s in sets.values() for v in s})
            out.append((f"{_COUNT_FIELD}{noun}", f"sources differ: {_or(values)} {noun}",
                        [{"doc_id": d, "values": sorted(sets[d])} for d in docs]))
    return out


def amount_conflicts(rows: list[dict[str, Any]]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Return conflicts between sources that give one actor's same promise different amounts."""
    out = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if (a["doc_id"] == b["doc_id"] or a["actor_key"] != b["actor_key"] or not a["amount"]
                    or not b["amount"] or a["amount"] == b["amount"]):
                continue
            if link_score({**a, "amount": None}, {**b, "amount": None}) < LINK_THRESHOLD:
                continue
            actor = a["actor_key"].split(":", 1)[-1]
            out.append((f"amount: {actor}", f"sources differ: {a['raw']} or {b['raw']} ({actor}, "
                        f"{a['action']})", [{"doc_id": r["doc_id"], "value": r["raw"]} for r in (a, b)]))
    return out


Stored = tuple[str, str, str]  # a conflict row as stored: (field, detail, values as JSON)


@dataclass(frozen=True)
class Carried:
    """A cluster's stored head-count conflicts, and the reports (``newcomers``) it gained since."""

    counts: list[Stored]
    newcomers: list[str]


def stored_count_conflicts(db: Database, cluster_ids: set[str]) -> dict[str, list[Stored]]:
    """Return the head-count conflict rows stored for each of ``cluster_ids``, in their order."""
    found: dict[str, list[Stored]] = {cluster_id: [] for cluster_id in cluster_ids}
    for cluster_id, field, detail, values in db.execute(
            "select cluster_id, field, detail, [values] from meeting_conflicts "
            f"where cluster_id in ({marks(cluster_ids)}) order by id", [*cluster_ids]):
        if field.startswith(_COUNT_FIELD):
            found[cluster_id].append((field, detail, values))
    return found


def cluster_conflicts(db: Database, *, cluster_id: str, doc_ids: list[str],
                      carried: Carried | None = None) -> list[dict[str, Any]]:
    """Return the conflict rows of one meeting cluster (empty for a single source).

    With ``carried``, the cluster is an earlier one plus newcomers: when these give no head
    count, the earlier cluster's count conflicts stand as they were, and its texts are not read.
    """
    if len(doc_ids) < 2:
        return []
    in_docs = marks(doc_ids)
    # Only promises with an amount can disagree on one: the others' commitment rows are not read.
    links = rows(
        db, "select l.doc_id, l.actor_key, l.terms, l.names, l.amount, c.amount as raw, c.action "
        "from commitment_links l join commitments c on c.id = l.commitment_id "
        f"where l.doc_id in ({in_docs}) and l.amount is not null order by l.commitment_id", doc_ids)
    if carried is not None and not any(_counts_of(db, carried.newcomers).values()):
        counts = carried.counts  # a source without counts takes no side in any count
    else:
        counts = [(field, detail, dumps(values))
                  for field, detail, values in _disagreements(_counts_of(db, doc_ids))]
    amounts = [(field, detail, dumps(values)) for field, detail, values in amount_conflicts(links)]
    return [{"cluster_id": cluster_id, "field": field, "detail": detail, "values": values}
            for field, detail, values in counts + amounts]


def _counts_of(db: Database, doc_ids: list[str]) -> dict[str, dict[str, set[int]]]:
    """Return the head counts of each document, reading only the texts not counted before."""
    if len(_COUNTED) > _COUNTED_KEPT:
        _COUNTED.clear()
    hashes = dict(db.execute(f"select id, content_hash from documents where id in ({marks(doc_ids)})",
                             doc_ids).fetchall())
    counts = {doc_id: _COUNTED[digest] for doc_id, digest in hashes.items() if digest in _COUNTED}
    unread = [doc_id for doc_id in hashes if doc_id not in counts]
    for doc_id, digest, text in db.execute(
            f"select id, content_hash, text from documents where id in ({marks(unread)})", unread):
        counts[doc_id] = _counts(text)
        if digest:
            _COUNTED[digest] = counts[doc_id]
    return counts
