"""Choose the reports whose stored attendees answer "who attended" and "who came with X to Y".

The attendance lists of the best-ranked reports are not all answers: a list from another
meeting names people who were not where the question asks. The reports kept are those of the
meeting asked about (its place, its time) and, for "who came with Macron and Scholz", those
where the people named attended; the best of them come first.
"""
from __future__ import annotations

from typing import Any

from bot.query.facts import Facts
from bot.query.parse import Query
from bot.query.rank import Scored
from bot.query.retrieve import DocInfo

_CLOSE = 0.8  # a second list is shown when its report scores this close to the first's


def attendance_reports(query: Query, ranked: list[Scored], facts: Facts, *, limit: int = 2) -> list[Scored]:
    """Return the best sentence of each report whose attendees answer, best first."""
    best: dict[str, Scored] = {}
    for item in ranked:
        if facts.attendees.get(item.hit.doc_id):
            best.setdefault(item.hit.doc_id, item)
    items = list(best.values())
    if query.companions:
        # "who came with Macron and Scholz": where most of those named attended.
        counts = {i.hit.doc_id: _companions_there(query, facts.attendees[i.hit.doc_id]) for i in items}
        most = max(counts.values(), default=0)
        items = [i for i in items if most and counts[i.hit.doc_id] == most]
    # The meeting asked about, where the question says and then when: a list from elsewhere
    # answers another question. A narrowing that leaves nothing is the question's own slip.
    for fits in (_at_place, _in_time):
        narrowed = [i for i in items if fits(query, i.doc)]
        if not narrowed and fits is _in_time and query.date and query.date.has_year:
            # A report of no known date may be of the time asked; one dated otherwise is not.
            narrowed = [i for i in items if not i.doc.date]
        items = narrowed or items
    if not items:
        return []
    top = items[0].score
    return [i for i in items if i.score >= _CLOSE * top][:limit]


def _companions_there(query: Query, rows: list[dict[str, Any]]) -> int:
    named = [f for f in query.focus_terms if f.label in {p.name for p in query.persons}]
    return sum(1 for f in named if any(f.in_fact(r) for r in rows))


def _at_place(query: Query, doc: DocInfo) -> bool:
    if not query.places:
        return False
    places = [p.casefold() for p in query.places]
    name = f"{doc.meeting.get('name') or ''} {doc.meeting.get('format') or ''}".casefold()
    place = (doc.meeting.get("place") or "").casefold()
    # Or the question names where the meeting was held ("the Ramstein meeting" of a format).
    said = " ".join(query.place_words).casefold()
    return place in places or any(p in name for p in places) or bool(place and place in said)


def _in_time(query: Query, doc: DocInfo) -> bool:
    if not (query.date and query.date.has_year):
        return False
    return query.date.start <= (doc.date or "")[:10] <= query.date.end
