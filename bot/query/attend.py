"""Choose the reports whose stored attendees answer "who attended" and "who came with X to Y".

The attendance lists of the best-ranked reports are not all answers: a list from another
meeting names people who were not where the question asks. The reports kept are those of the
meeting asked about (its place, its time) and, for "who came with Macron and Scholz", those
where the people named attended; the best of them come first.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.query.facts import Facts
from bot.query.intent import YES_NO_THERE
from bot.query.names import NameTerms
from bot.query.parse import Query
from bot.query.rank import Scored
from bot.query.retrieve import DocInfo

Holder = Callable[[str, str, str], "str | None"]  # (office, country, date) -> who held it then

_CLOSE = 0.8  # a second list is shown when its report scores this close to the first's


def attendance_reports(query: Query, ranked: list[Scored], facts: Facts, *,
                       limit: int = 2) -> list[Scored]:
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
        if _ACCOMPANY.search(query.text):  # one meeting's party
            items = _accompanied(query, ranked, facts, items)[:1]
    # The meeting asked about, where the question says and then when: a list from elsewhere
    # answers another question. A narrowing that leaves nothing is the question's own slip.
    for fits in (_at_place, _in_time):
        narrowed = [i for i in items if fits(query, i.doc)]
        if not narrowed and fits is _in_time and query.date and query.date.has_year:
            # A report of no known date may be of the time asked; one dated otherwise is not.
            narrowed = [i for i in items if not i.doc.date]
        items = narrowed or items
    if len(query.places) > 1:
        # "the Ramstein meeting in Brussels": the reports of the most places asked.
        said = {s.hit.doc_id: "" for s in ranked}
        for s in ranked:
            said[s.hit.doc_id] += " " + s.hit.text.casefold()
        there = {i.hit.doc_id: _places_there(query, i.doc, said.get(i.hit.doc_id, "")) for i in items}
        most = max(there.values(), default=0)
        items = [i for i in items if there[i.hit.doc_id] == most]
    if not items:
        return []
    top = items[0].score
    return [i for i in items if i.score >= _CLOSE * top][:limit]


def _companions_there(query: Query, rows: list[dict[str, Any]]) -> int:
    named = [f for f in query.focus_terms if f.label in {p.name for p in query.persons}]
    return sum(1 for f in named if any(f.in_fact(r) for r in rows))


def _accompanied(query: Query, ranked: list[Scored], facts: Facts, items: list[Scored]) -> list[Scored]:
    """Return the reports that list the party asked about, those holding most of the question's
    words first ("at his meeting with Y in P": P may be a place no gazetteer knows)."""
    words: dict[str, int] = {}
    for s in ranked:
        words[s.hit.doc_id] = max(words.get(s.hit.doc_id, 0), s.concepts)
    listed = [i for i in items if any(_in_party(query, r) for r in facts.attendees[i.hit.doc_id])]
    return sorted(listed, key=lambda i: -words.get(i.hit.doc_id, 0))


def _at_place(query: Query, doc: DocInfo) -> bool:
    if not query.places:
        return False
    places = [p.casefold() for p in query.places]
    name = f"{doc.meeting.get('name') or ''} {doc.meeting.get('format') or ''}".casefold()
    place = (doc.meeting.get("place") or "").casefold()
    # Or the question names where the meeting was held ("the Ramstein meeting" of a format).
    said = " ".join(query.place_words).casefold()
    return place in places or any(p in name for p in places) or bool(place and place in said)


def _places_there(query: Query, doc: DocInfo, text: str) -> int:
    """Count the places asked that the report's meeting or its best sentences name."""
    meeting = " ".join(str(doc.meeting.get(k) or "") for k in ("name", "format", "place")).casefold()
    return sum(1 for name, said in zip(query.places, query.place_words, strict=False)
               if name.casefold() in meeting or name.casefold() in text or said.casefold() in text)


def _in_time(query: Query, doc: DocInfo) -> bool:
    if not (query.date and query.date.has_year):
        return False
    return query.date.start <= (doc.date or "")[:10] <= query.date.end


@dataclass(frozen=True)
class Roll:
    """The attendees of one report that answer the question."""

    item: Scored  # the report's best sentence
    rows: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Verdict:
    """The answer to "was X at Y": X's own rows, or who came for X's country instead."""

    subject: NameTerms
    roll: Roll  # the meeting asked about, with the rows that answer
    present: bool
    scope: str | None  # X's country (or X itself), whose attendees answer a "no"


def rolls(query: Query, ranked: list[Scored], facts: Facts, holder: Holder) -> list[Roll]:
    """Return the attendees of the reports that answer, filtered by what the question names."""
    out = []
    for item in attendance_reports(query, ranked, facts):
        rows = [_with_holder(r, item.doc.date, holder) for r in facts.attendees.get(item.hit.doc_id, [])]
        wanted = _in_office_asked(query, tuple(r for r in rows if _wanted(query, r)))
        if wanted:
            out.append(Roll(item=item, rows=wanted))
    # A report that names who came answers before one that gives only an office no one held
    # by that name ("Leader (Canada)"), however close their scores.
    out.sort(key=lambda roll: not any(r.get("name") or r.get("holder") for r in roll.rows))
    return out


def _in_office_asked(query: Query, rows: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
    """Return the rows of the office a question's words name ("which countries sent their
    presidents"), or all rows when no word names one of their offices."""
    words = {v.casefold() for c in query.concepts for v in c}
    words |= {w[:-1] for w in words if w.endswith("s")}

    def held(row: dict[str, Any]) -> bool:
        return bool(words & set(re.findall(r"\w+", (row.get("role") or "").casefold())))

    chosen = tuple(r for r in rows if held(r))
    return chosen or rows


def is_yes_no(query: Query) -> bool:
    """Tell whether the question asks whether someone was there ("was X at Y?")."""
    return bool(query.focus_terms) and not query.companions and bool(YES_NO_THERE.match(query.text))


def verdict(query: Query, ranked: list[Scored], facts: Facts, holder: Holder) -> Verdict | None:
    """Return whether the first name asked about attended the meeting asked about."""
    subject = query.focus_terms[0]
    reports = attendance_reports(replace_focus(query), ranked, facts, limit=1)
    if not reports or not _of_meeting_asked(query, reports[0], ranked):
        return None  # no report of the meeting asked about: another meeting answers nothing
    item = reports[0]
    rows = [_with_holder(r, item.doc.date, holder) for r in facts.attendees.get(item.hit.doc_id, [])]
    own = tuple(r for r in rows if subject.in_fact(r))
    if own:
        return Verdict(subject=subject, roll=Roll(item=item, rows=own), present=True, scope=None)
    scope = _scope_of(query, subject)
    stand_ins = tuple(r for r in rows if scope and scope in (r.get("country"), r.get("org")))
    return Verdict(subject=subject, roll=Roll(item=item, rows=stand_ins), present=False, scope=scope)


def _of_meeting_asked(query: Query, item: Scored, ranked: list[Scored]) -> bool:
    """Tell whether a report is of the place and time asked, by its meeting or by its words."""
    if query.date and query.date.has_year and item.doc.date and not _in_time(query, item.doc):
        return False
    if not query.places or _at_place(query, item.doc):
        return True
    said = [w.casefold() for w in (*query.places, *query.place_words)]
    texts = [item.doc.title or ""] + [s.hit.text for s in ranked if s.hit.doc_id == item.hit.doc_id]
    return any(w in t.casefold() for w in said for t in texts)


def replace_focus(query: Query) -> Query:
    """Return the question without its names: the meeting is chosen by place, time and words."""
    return replace(query, persons=(), focus_terms=())


def _scope_of(query: Query, subject: NameTerms) -> str | None:
    person = next((p for p in query.persons if p.name == subject.label), None)
    if person:
        return person.country
    return subject.label if subject.label in (*query.countries, *query.orgs) else None


def _with_holder(row: dict[str, Any], date: str | None, holder: Holder) -> dict[str, Any]:
    """Return an attendance row named only by its office with who held it on the meeting's date."""
    if row.get("name") or not (row.get("role") and row.get("country") and date):
        return row
    held = holder(row["role"], row["country"], date[:10])
    return {**row, "holder": held} if held else row


# "who accompanied X at his meeting with Y": X's party; "with Y" names the other side.
_ACCOMPANY = re.compile(r"(?i)(?<!\w)(?:accompan\w*|супровод\w*|delegation|делегац\w*)")
_OTHERS = re.compile(r"(?i)(?<!\w)(?:who (?:did|has|had) .{1,60}? meet|who met|з ким зустріча\w*|"
                     r"stood in for|stand(?:ing)? in for|in place of|instead of|replaced|замість|"
                     r"next to|beside|between which|поруч|між якими)(?!\w)")
_COUNTERPART = re.compile(r"(?i)(?<!\w)(?:with|met|meet|meeting|з|із|зі)\s+(?:the\s+)?$")


def _wanted(query: Query, row: dict[str, Any]) -> bool:
    focus = query.focus_terms
    if not focus:
        return True
    named = {p.name for p in query.persons}
    if query.companions and _ACCOMPANY.search(query.text):
        return _in_party(query, row)
    if query.companions:
        return not any(f.in_fact(row) for f in focus if f.label in named)
    if _OTHERS.search(query.text):
        # "who did the G7 leaders meet", "who stood in for Trump": the others there.
        return not any(f.in_fact(row) for f in focus)
    return any(f.in_fact(row) for f in focus)


def _in_party(query: Query, row: dict[str, Any]) -> bool:
    """Tell whether a row is of the party accompanying the person asked about (not that person,
    and not the other side of the meeting)."""
    if any(f.in_fact(row) for f in query.focus_terms if f.label in {p.name for p in query.persons}):
        return False
    sides = {p.name: query.text.casefold().find(query.said_as.get(p.name, p.name).casefold())
             for p in query.persons}
    other = {p.country for p in query.persons
             if sides[p.name] >= 0 and _COUNTERPART.search(query.text[:sides[p.name]])}
    party = {p.country for p in query.persons if p.country not in other}
    country = row.get("country")
    if party:
        return country in party
    return bool(country) and country not in other
