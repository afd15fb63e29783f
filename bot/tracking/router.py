"""Recognise tracking questions (status, scorecard, what's new) and answer them; None otherwise.

``bot.ask`` asks ``try_answer`` before the question engine; cue words are strict on purpose so
that ordinary questions ("what did the US commit to?") stay with the engine.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from bot.lines.normalize import terms
from bot.query.answer import Answer
from bot.tracking.answers import new_since_answer, scorecard_answer, status_answer
from bot.tracking.refresh import ensure_fresh
from bot.tracking.timeline import Thread, actor_keys_for, actor_threads, events, threads_of

if TYPE_CHECKING:
    from bot.entities import EntityIndex
    from storage.store import Store

_NEW_SINCE = re.compile(r"(?:what'?s|what is|what has been|anything) new\b|\bnew since\b|"
                        r"\b(?:updates?|changed?|happened) since\b|що нового|що змінилося", re.I)
_SCORECARD = re.compile(r"\bscorecard\b|\btrack record\b|/scorecard", re.I)
_STATUS = re.compile(r"\bwhat (?:has )?happened (?:to|with)\b|\bwhat (?:has )?become of\b|"
                     r"\bwhat became of\b|\bstatus of\b|\bprogress (?:on|of)\b|^/status\b|"
                     # "has Germany delivered (the IRIS-T)?", "did France deliver on its pledge?"
                     r"^\s*(?:has|have|did)\b.+\b(?:delivered|deliver|kept|fulfill?ed)\b|"
                     r"що (?:сталося|відбувається|стало) з|статус (?:зобов|обіцян)\w*", re.I)
_CUE_WORDS = re.compile(r"/status|/scorecard|(?<!\w)(?:what|happened|has|have|did|become|became|status|"
                        r"progress|"
                        r"delivered|deliver|kept|fulfill?ed|yet|its|their|promise|pledge|"
                        r"scorecard|track record|the|of|to|with|on|що|сталося|стало|статус\w*)(?!\w)", re.I)
MIN_COVERAGE = 0.5
UNKNOWN = "unknown:"  # an actor key no commitment has


def _actors(question: str, store: Store, index: EntityIndex | None) -> tuple[list[str], list[str], str]:
    """Return (names with stored commitments, their actor keys, the question without those names).

    A name without stored commitments stays in the question as words: fuzzy matching also finds
    countries in system names ("IRIS-T" is not Ireland). When only such names are found, the
    keys are ``[UNKNOWN]`` so that no other actor's promise is offered instead.
    """
    if index is None:
        from bot.entities import EntityIndex

        index = EntityIndex.default()
    names: list[str] = []
    keys: list[str] = []
    unknown = False
    rest = question
    for mention in index.find_mentions(question, kinds=("country", "org", "person")):
        entity = mention.entity
        # A person's promises may be stored under the person or under the country.
        lookups = [entity.name, entity.id, *([entity.country] if entity.country else [])]
        found = [k for name in dict.fromkeys(lookups) for k in actor_keys_for(store.db, name)]
        if not found:
            unknown = True
            continue
        names.append(entity.name)
        keys.extend(found)
        rest = rest.replace(mention.text, " ")
    if unknown and not keys:
        keys = [UNKNOWN]
    return list(dict.fromkeys(names)), list(dict.fromkeys(keys)), rest


def _coverage(query_terms: list[str], thread: Thread) -> float:
    words = {w for e in thread.events for w in (e["terms"] or "").split()}
    if not query_terms or not words:
        return 0.0
    hits = sum(any(w == q or fuzz.ratio(w, q) >= 85 for w in words) for q in query_terms)
    return hits / len(query_terms)


def _candidates(store: Store, keys: list[str], query_terms: list[str]) -> list[Thread]:
    if keys:
        return actor_threads(store.db, keys)
    match = " OR ".join(f'"{t}"*' for t in query_terms)
    found = store.db.execute(
        "select distinct l.actor_key from commitments_fts f join commitment_links l "
        "on l.commitment_id = f.rowid where commitments_fts match ? limit 20", [match]).fetchall()
    actor_keys = [r[0] for r in found]
    if not actor_keys:
        return []
    return threads_of(events(store.db, f"l.actor_key in ({', '.join('?' * len(actor_keys))})", actor_keys))


def _status(question: str, store: Store, index: EntityIndex | None, today: dt.date) -> Answer | None:
    names, keys, rest = _actors(question, store, index)
    query_terms = terms(_CUE_WORDS.sub(" ", rest)).split()
    if not query_terms and keys:
        return scorecard_answer(question, store.db, name=names[0], keys=keys, today=today)
    scored = [(c, t) for t in _candidates(store, keys, query_terms)
              if (c := _coverage(query_terms, t)) >= MIN_COVERAGE]
    if not scored:
        return None  # not a tracked promise: the question engine may still know about it
    scored.sort(key=lambda ct: (ct[0], ct[1].sources, ct[1].last_date or ""), reverse=True)
    return status_answer(question, [t for _, t in scored], today=today)


def _since(question: str, today: dt.date) -> str | None:
    from bot.query.dates import parse_date_range

    found = parse_date_range(question)
    if found is None:
        return None
    if found.has_year:
        return found.start
    start = f"{today.year}{found.start[4:]}"
    return start if start <= today.isoformat() else f"{today.year - 1}{found.start[4:]}"


def try_answer(question: str, store: Store, *, today: dt.date | None = None,
               index: EntityIndex | None = None) -> Answer | None:
    """Answer a status, scorecard or what's-new question; return None for any other question."""
    today = today or dt.date.today()
    if _NEW_SINCE.search(question) and (since := _since(question, today)):
        ensure_fresh(store.db)
        return new_since_answer(question, store.db, since=since)
    if _SCORECARD.search(question):
        ensure_fresh(store.db)
        names, keys, _ = _actors(question, store, index)
        if names:
            return scorecard_answer(question, store.db, name=names[0], keys=keys, today=today)
        return None
    if _STATUS.search(question):
        ensure_fresh(store.db)
        return _status(question, store, index, today)
    return None
