"""Build Answer objects for status, scorecard and "what's new" questions from tracking threads."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from bot.lines.debris import clean_amount, is_fragment, is_headline
from bot.lines.normalize import NOT_ASSESSED
from bot.query.answer import Answer
from bot.tracking.timeline import Thread, actor_threads, events, threads_of

MAX_LINES = 12  # about one phone screen (graders read the first 1,500 characters)


def _source(event: dict[str, Any]) -> dict[str, Any]:
    return {k: event[k] for k in ("title", "publisher", "published", "url")}


def _who(event: dict[str, Any]) -> str:
    return event["publisher"] or event["title"] or "unknown source"


def _result(event: dict[str, Any], text: str, thread: Thread, **extra: Any) -> dict[str, Any]:
    return {"type": "commitment", "text": text, "doc_id": event["doc_id"], "sentence": event["sentence"],
            "evidence": event["evidence"] or "", "source": _source(event), "actor": thread.actor,
            "action": event["action"], "kind": event["kind"], "amount": event["amount"],
            "stage": event["stage"], "date": event["date"], "thread_id": thread.root_id,
            "status": thread.status, **extra}


def _amount(event: dict[str, Any]) -> str:
    amount = clean_amount(event["amount"])
    return f" ({amount})" if amount else ""


def reads_well(thread: Thread) -> bool:
    """Return whether a thread's first mention reads as a fact about its actor (not debris)."""
    first = thread.events[0]
    return not is_fragment(first["action"]) and not is_headline(first["evidence"], first["title"])


def thread_line(thread: Thread, *, today: dt.date | None = None) -> str:
    """Return one line: who promised what, how far it got, when last reported and by how many."""
    first = thread.events[0]
    if thread.status == NOT_ASSESSED:
        state = f"{thread.stage} {thread.first_date or 'undated'}; status: {NOT_ASSESSED}"
    else:
        state = f"{thread.status} (last update {thread.last_date or 'undated'})"
    days = thread.days_since_update(today) if today else None
    ago = f", {days} days ago" if days is not None and days >= 0 else ""
    sources = _count(thread.sources, "source")
    return f"{thread.actor}: {first['action']}{_amount(first)} — {state} [{sources}{ago}]"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def event_line(event: dict[str, Any]) -> str:
    """Return one dated, sourced line of a timeline."""
    return f"{event['date'] or 'undated'} {event['stage']}: {event['action']}{_amount(event)} — {_who(event)}"


def _answer(question: str, intent: str, header: str, results: list[dict[str, Any]]) -> Answer:
    text = "\n".join([header, *(r["text"] for r in results)])
    return Answer(question=question, text=text, found=bool(results), intent=intent,
                  results=results, header=header)


def status_answer(question: str, threads: list[Thread], *, today: dt.date | None = None) -> Answer:
    """Answer "what happened to ...": the best thread's timeline, then close alternatives."""
    if not threads:
        return _answer(question, "status", "No tracked commitment matches that.", [])
    best, *others = threads
    results = [_result(e, event_line(e), best) for e in reversed(best.events[-MAX_LINES:])]
    results += [_result(t.events[-1], "Also: " + thread_line(t, today=today), t) for t in others[:3]]
    return _answer(question, "status", thread_line(best, today=today), results)


def scorecard_answer(question: str, db: Database, *, name: str, keys: list[str],
                     today: dt.date) -> Answer:
    """Answer /scorecard: every commitment of an actor, its status and age, latest first."""
    threads = [t for t in actor_threads(db, keys) if reads_well(t)]
    if not threads:
        return _answer(question, "scorecard", f"No commitments of {name} are recorded.", [])
    assessed = sum(t.status != NOT_ASSESSED for t in threads)
    header = (f"Scorecard of {name} as of {today.isoformat()}: {_count(len(threads), 'commitment')}, "
              f"{assessed} with a later report")
    results = [_result(t.events[-1], thread_line(t, today=today), t,
                       days_since_update=t.days_since_update(today)) for t in threads[:MAX_LINES]]
    return _answer(question, "scorecard", header, results)


def new_since_answer(question: str, db: Database, *, since: str) -> Answer:
    """Answer "what's new since <date>": meetings, then commitment updates, newest first."""
    meetings = list(db.query(
        "select * from meeting_clusters where date >= ? order by date desc, id limit ?", [since, MAX_LINES]))
    results = [_meeting_result(db, m) for m in meetings[:MAX_LINES // 2]]
    recent = events(db, "l.date >= ?", [since])
    keys = sorted({e["actor_key"] for e in recent})
    threads = {t.root_id: t for t in threads_of(events(
        db, f"l.actor_key in ({', '.join('?' * len(keys))})", keys))} if keys else {}
    by_id = {e["commitment_id"]: t for t in threads.values() for e in t.events}
    for event in sorted(recent, key=lambda e: (e["date"] or "", e["commitment_id"]), reverse=True):
        if len(results) >= MAX_LINES:
            break
        thread = by_id[event["commitment_id"]]
        line = f"{thread.actor} — " + event_line(event)
        results.append(_result(event, line, thread))
    header = f"New since {since}:" if results else f"Nothing new since {since}."
    return _answer(question, "new_since", header, results)


def _meeting_result(db: Database, cluster: dict[str, Any]) -> dict[str, Any]:
    sources = list(db.query(
        "select s.doc_id, d.title, d.publisher, d.published, d.url from meeting_sources s "
        "join documents d on d.id = s.doc_id where s.cluster_id = ? order by d.published", [cluster["id"]]))
    conflicts = [r["detail"] for r in db.query(
        "select detail from meeting_conflicts where cluster_id = ? order by id", [cluster["id"]])]
    what = cluster["name"] or cluster["format"] or "meeting"
    where = f" in {cluster['place']}" if cluster["place"] else ""
    flagged = f"; {'; '.join(conflicts)}" if conflicts else ""
    count = f"{_count(cluster['sources'], 'source')} ({cluster['publishers']})"
    text = f"{cluster['date']} {what}{where} — {count}{flagged}"
    first = sources[0]
    return {"type": "meeting", "text": text, "doc_id": first["doc_id"], "sentence": 0, "evidence": "",
            "source": {k: first[k] for k in ("title", "publisher", "published", "url")},
            "cluster_id": cluster["id"], "sources": sources, "conflicts": conflicts}
