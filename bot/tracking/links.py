"""Link each commitment to the earlier mention of the same promise by the same actor.

Every commitment points to at most one earlier commitment (its parent): the best-scoring earlier
mention of the same actor with overlapping action words. Parent links form trees, and a tree is
one commitment's timeline. Links are updated incrementally and only within one actor, through
the ``(actor_key, date)`` index, so a new document never rescans the store.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz
from sqlite_utils import Database

from storage.sql import rows

# A link needs at least this score (0-100); tests/data/tracking_links.json calibrates it.
LINK_THRESHOLD = 72.0
# How many neighbours in time are compared: bounds the cost of a link for busy actors (a promise
# is followed up within its actor's next hundred or so mentions, or not at all).
WINDOW = 80
# The highest score: a mention that has it cannot be claimed by a better fit.
PERFECT = 100.0
# A weak match (one shared word between multi-word actions) scores at most this, and the same
# amount adds this: without a shared name, a weak match never reaches LINK_THRESHOLD.
_WEAK, _SAME_AMOUNT = 60.0, 10.0


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def link_score(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """Return how likely two mentions (``terms``, ``names``, ``amount``) are the same promise."""
    return scorer(a)(b["terms"], b.get("names"), b.get("amount"))


def scorer(a: Mapping[str, Any], *, floor: float = 0.0) -> Callable[[str, str | None, str | None], float]:
    """Return ``link_score`` against ``a`` as a function of the other's (terms, names, amount).

    A new commitment is scored against up to 160 neighbours: its own words are split once, and
    a score that cannot reach ``floor`` may come back as 0 without the string comparison.
    """
    terms_a, words_a = a["terms"], _words(a["terms"])
    names_a, amount_a = _words(a.get("names") or ""), a.get("amount")

    def score(terms_b: str, names_b: str | None, amount_b: str | None) -> float:
        words_b = _words(terms_b)
        shared = words_a & words_b
        if not shared:
            return 0.0
        other_names = _words(names_b or "")
        same_name = bool(names_a & other_names)
        if len(shared) == 1 and min(len(words_a), len(words_b)) > 1:
            # token_set_ratio is 100 whenever one side's words are a subset of the other's; one
            # shared word between two multi-word actions ("air defence" / "air force training")
            # is weak: at most 60 (and 10 for the same amount), unless a name lifts it to 85.
            if not same_name and floor > _WEAK + _SAME_AMOUNT:
                return 0.0
            value = _WEAK if same_name else min(_set_ratio(terms_a, terms_b), _WEAK)
        elif len(shared) > 1 and len(shared) / min(len(words_a), len(words_b)) >= 0.34:
            # Reports paraphrase: shared content words (a third of the shorter action at least)
            # outweigh the differing rest; two generic words in two long actions do not.
            paraphrase = 60.0 + 10.0 * len(shared)
            value = paraphrase if paraphrase >= 100.0 else max(_set_ratio(terms_a, terms_b), paraphrase)
        else:
            value = _set_ratio(terms_a, terms_b)
        if same_name:
            value = max(value, 85.0)  # the same named thing ("Gripen", "SAMP/T") by the same actor
        elif names_a and other_names:
            value -= 30.0  # "IRIS-T air defence" and "Patriot air defence" are different promises
        if amount_a and amount_b:
            value += _SAME_AMOUNT if amount_a == amount_b else -5.0
        return max(0.0, min(100.0, value))

    return score



@lru_cache(maxsize=65536)
def _set_ratio(a: str, b: str) -> float:
    # An actor's neighbours repeat the same few actions: each pair is compared once.
    return float(fuzz.token_set_ratio(a, b))


def _neighbours(db: Database, row: dict[str, Any], *, earlier: bool) -> sqlite3.Cursor:
    """Yield ``(commitment_id, terms, names, amount, score)`` of the actor's nearest mentions in time.

    The later window leaves out the mentions already at a perfect score: nothing can claim them.
    """
    cmp, order = ("<", "desc") if earlier else (">", "asc")
    # "date <= ?" (not "date < ? or ...") lets SQLite seek the index to the date instead of
    # walking every mention of the actor: the cost stays bounded by WINDOW as the store grows.
    # The columns read are all in the (actor_key, date, commitment_id, ...) index: one index
    # range, not a table row per neighbour (storage.tracking_schema m006, m007).
    sql = (f"select commitment_id, terms, names, amount, score from commitment_links "
           f"where actor_key = ? and date {cmp}= ? and (date != ? or commitment_id {cmp} ?) "
           f"order by date {order}, commitment_id {order} limit {WINDOW}")
    if not earlier:
        # A later mention is claimed only for a strictly better score: one at 100 (most are) is
        # left out of the window in SQL, neither read into Python nor scored.
        sql = f"select * from ({sql}) where score is null or score < {PERFECT}"
    return db.conn.execute(sql, [row["actor_key"], row["date"], row["date"], row["commitment_id"]])


Seen = dict[tuple[Any, ...], float]  # the scores of actions already compared with one commitment


def linked(row: Mapping[str, Any], candidates: Iterable[tuple[Any, ...]], *,
           seen: Seen | None = None) -> Iterator[tuple[Any, float]]:
    """Yield ``(id, score)`` for each ``(id, terms, names[, amount, ...])`` candidate that may link.

    Candidates scoring below LINK_THRESHOLD (which never link) are left out. ``seen`` keeps the
    scores against ``row`` from one call to the next (a commitment's two windows share it).
    """
    score = scorer(row, floor=LINK_THRESHOLD)
    if seen is None:
        seen = {}  # an actor's window repeats the same actions
    for candidate in candidates:
        key = candidate[1:4]
        value = seen.get(key)
        if value is None:
            amount = candidate[3] if len(candidate) > 3 else None
            value = seen[key] = score(candidate[1], candidate[2], amount)
        if value >= LINK_THRESHOLD:
            yield candidate[0], value


def link_row(db: Database, commitment_id: int) -> dict[str, Any] | None:
    """Return the link row of one commitment, or None."""
    found = rows(db, "select * from commitment_links where commitment_id = ?", [commitment_id])
    return found[0] if found else None


def best_parent(db: Database, commitment_id: int) -> None:
    """Point ``commitment_id`` at its best-scoring earlier mention, or at nothing."""
    row = link_row(db, commitment_id)
    if row is not None:
        _point_at_best(db, row)


def _point_at_best(db: Database, row: dict[str, Any], seen: Seen | None = None) -> None:
    best: tuple[float, int | None] = (0.0, None)
    # Most recent first: ties keep the latest, so the first perfect score ends the search (most
    # links score 100; the window's older rows are then neither read nor scored).
    window = _neighbours(db, row, earlier=True)
    for other_id, score in linked(row, window, seen=seen):
        if score > best[0]:
            best = (score, other_id)
            if score >= PERFECT:
                break
    window.close()  # a window left half read is not stepped further
    parent = (best[1], best[0] if best[1] else None)
    if parent != (row["parent_id"], row["score"]):  # an unchanged row is not rewritten
        db.execute("update commitment_links set parent_id = ?, score = ? where commitment_id = ?",
                   [*parent, row["commitment_id"]])


def link_new(db: Database, commitment_id: int) -> dict[str, Any] | None:
    """Link a new commitment to its past and adopt later mentions that fit it better.

    Return its link row as read before linking (its parent may have changed since), or None.
    """
    row = link_row(db, commitment_id)
    if row is not None:
        link_stored(db, row)
    return row


def link_stored(db: Database, row: dict[str, Any]) -> None:
    """Link a new commitment, given its link row as written, like ``link_new``.

    A new commitment of the same save may have adopted it since: its stored parent is then no
    longer ``row``'s, which costs at most one rewrite of the same parent (both compare equal).
    """
    seen: Seen = {}  # both windows hold many of the same actions
    _point_at_best(db, row, seen)
    later = _neighbours(db, row, earlier=False).fetchall()
    current = {other_id: score for other_id, *_, score in later}
    for other_id, score in linked(row, later, seen=seen):
        if score > (current[other_id] or 0.0):
            db.execute("update commitment_links set parent_id = ?, score = ? where commitment_id = ?",
                       [row["commitment_id"], score, other_id])
