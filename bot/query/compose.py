"""Ranked sentences and facts -> Answer: a header, a few fact lines with sources, then links.

Only the top of an answer is read (and graded), so lines are short snippets centred on what the
question asked, the best first, and long lists end with a count.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from bot.query.answer import Answer
from bot.query.attend import Roll, is_yes_no, rolls, verdict
from bot.query.facts import Facts, top_docs
from bot.query.names import NameTerms
from bot.query.parse import Query
from bot.query.pick import ANSWERING, Picked, continued, pick, subjects
from bot.query.rank import INTENT_CUES, Scored, concept_terms
from bot.query.retrieve import DocInfo
from bot.query.signed import Attendees, first_line, signed, untitled
from bot.query.wording import (
    attendee_label,
    attendee_name,
    clip,
    date_text,
    header,
    meeting_label,
    mentions_header,
    more_text,
    none_there_text,
    nothing_text,
    prefix_for,
    roll_head,
    short_publisher,
    unknown_text,
    verdict_head,
)

_WHO = re.compile(r"\s*(?:who|whom|which (?:leaders?|officials?|people|ministers?)|хто|які лідери)(?!\w)",
                  re.I)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
SNIPPET = 320  # characters of one sentence shown: a long one is cut around what was asked
_LABELS = {"topic": ("(speaker not named) ", "(мовця не названо) "),  # a line without a fact, labelled
           "headline": ("Headline: ", "Заголовок: ")}
Keys = frozenset[tuple[str, int]] | set[tuple[str, int]]  # (doc_id, sentence index)
MAX_LINES = 5  # the answer's lines; the rest are counted


def nothing(query: Query, *, reason: str) -> Answer:
    """Return the plain "nothing known" answer."""
    return Answer(question=query.text, text=nothing_text(query.lang, reason), found=False,
                  intent=query.intent, language=query.lang)


def unknown(query: Query, missing: list[str], suggestions: list[str]) -> Answer:
    """Return the answer for names no document mentions, with the closest known names."""
    said = [query.said_as.get(m, m) for m in missing]
    return Answer(question=query.text, text=unknown_text(query, said, suggestions), found=False,
                  intent=query.intent, language=query.lang, suggestions=suggestions)


@dataclass(frozen=True)
class Lookups:
    """What composing needs from the store and the name index, beyond the ranked sentences."""

    sentence_text: Callable[[str, int], str | None]  # (doc_id, index) -> that sentence
    document_text: Callable[[str], str]  # doc_id -> its text
    people_in: Callable[[str], list[str]]  # canonical names of the people a text names
    holder: Callable[[str, str, str], str | None] = lambda title, country, date: None  # office -> who
    attendees: Attendees = lambda doc_id: []  # a report's attendance rows


def build(query: Query, ranked: list[Scored], facts: Facts, *, missing: list[str],
          lookups: Lookups, hidden: Keys = frozenset()) -> Answer:
    """Return the answer built from the best sentences and their facts; the ``hidden`` sentences
    (page furniture) are never shown."""
    lines: list[dict[str, Any]] = []
    sources: list[DocInfo] = []
    if query.intent == "attendance":
        if (answered := _roll_answer(query, ranked, facts, lookups, hidden)) is not None:
            return answered
        lines += _named_lines(query, ranked, sources, lookups)
    elif _WHO.match(query.text) and not query.focus_terms:
        lines += _named_lines(query, ranked, sources, lookups)  # "who spoke at ...": people first
    elif query.intent == "meeting":
        listing = not query.focus_terms and not query.concepts  # "list the meetings in 2025"
        lines += _meeting_lines(ranked, sources, limit=6 if listing else 3, ratio=0.0 if listing else 0.75)
    # A statement or commitment answer is headed by whom it filters on ("what did Canada offer
    # Ukraine": Canada), not by every name in the question.
    named = replace(query, focus_terms=tuple(subjects(query))) if query.intent in ANSWERING else query
    head = header(named, missing=[query.said_as.get(m, m) for m in missing])
    if query.intent == "agreement" and (agreements := signed(query, ranked, facts)).rows:
        # The answer first: what was signed and by whom; the others' sentences answer no more.
        head = first_line(query, agreements, lookups.attendees)
        hidden = frozenset(hidden) | agreements.others
    rest = 0
    if query.intent in ANSWERING:
        picked = _picked(query, ranked, facts, hidden)
        if picked and picked[0].mention:
            head = mentions_header(named)
        lines += [_fact_line(query, p, facts, sources, lookups) for p in picked[:MAX_LINES]]
        rest = max(0, len(picked) - MAX_LINES)
    if query.intent not in ANSWERING or not (lines or subjects(query)):
        more, rest = _sentence_lines(query, ranked, facts, sources, taken=lines, lookups=lookups,
                                     hidden=hidden)
        lines += more
    if query.intent == "agreement":
        lines = [untitled(line, head) for line in lines]
    names = {p.id: p.name for p in query.persons}
    suggestions = [names[i] for _, ids in query.ambiguous for i in ids if i in names]
    if suggestions:
        head += (" (можливо: " if query.lang == "uk" else " (which one? ") + " / ".join(suggestions) + ")"
    if not lines and query.intent in ANSWERING and subjects(query):
        head = none_there_text(named)  # the target's facts elsewhere answer another question
    body = "\n".join(f"• {line['text']}" for line in lines)
    links = "\n".join(f"[{n}] {doc.url or doc.title}" for n, doc in enumerate(sources, 1))
    tail = more_text(query, rest) if rest > 0 else ""
    text = "\n".join(part for part in (head, body, tail, links) if part)
    return Answer(question=query.text, text=text, found=bool(lines), intent=query.intent,
                  results=lines, language=query.lang, header=head, suggestions=suggestions)


def _cite(doc: DocInfo, sources: list[DocInfo]) -> str:
    if doc not in sources:
        sources.append(doc)
    when = date_text(doc.published or doc.date)
    who = short_publisher(doc.publisher) or clip(doc.title, 40)
    return f" — {who}{', ' + when if when else ''} [{sources.index(doc) + 1}]"


def _result(result_type: str, line: str, item: Scored, /, **fields: Any) -> dict[str, Any]:
    return {**fields, "type": result_type, "text": line, "doc_id": item.hit.doc_id, "sentence": item.hit.idx,
            "evidence": item.hit.text, "source": item.doc.source()}


def _roll_answer(query: Query, ranked: list[Scored], facts: Facts, lookups: Lookups,
                 hidden: Keys) -> Answer | None:
    """Return the attendance answer: who came first, then a line per supporting sentence."""
    sources: list[DocInfo] = []
    if is_yes_no(query) and (said := verdict(query, ranked, facts, lookups.holder)) is not None:
        head = verdict_head(query, said)
        shown = [said.roll] if said.roll.rows else []
        lines = _roll_lines(query, shown, sources, lookups)
        if not lines:  # "no": what the report says of them ("despite the US boycotting ...")
            lines = _report_lines(query, said.roll.item.hit.doc_id, ranked, sources, hidden, lookups,
                                  said.subject)
        return _answer(query, head, lines, sources, rest=0)
    found = rolls(query, ranked, facts, lookups.holder)
    if not found:
        return None
    head = roll_head(query, found[0], header(query, missing=[]))
    lines = _roll_lines(query, found, sources, lookups)
    if len(lines) < 2:  # one name says little: the report's best sentences say more
        lines += _report_lines(query, found[0].item.hit.doc_id, ranked, sources, hidden, lookups)
    named = {n for line in lines for n in line.get("attendees", [])}
    named |= set(map(attendee_name, found[0].rows[:_HEAD]))  # the first line names these
    rest = len({attendee_name(r) for roll in found for r in roll.rows} - named)
    return _answer(query, head, lines, sources, rest=rest)


_HEAD = 8  # attendees named in the first line; the supporting lines and a count follow
_SUPPORT = 5  # supporting lines at most


def _roll_lines(query: Query, found: list[Roll], sources: list[DocInfo],
                lookups: Lookups) -> list[dict[str, Any]]:
    """Return one line per attendee: who, in what office, from which report; the sentence that
    says so is the line's evidence, behind its source."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for roll in found:
        for row in roll.rows:
            name = attendee_name(row)
            if name in seen or len(out) >= _SUPPORT:
                continue
            seen.add(name)
            evidence = lookups.sentence_text(row["doc_id"], row["sentence"]) or roll.item.hit.text
            line = _result("attendance", f"{attendee_label(row)}{_cite(roll.item.doc, sources)}", roll.item,
                           attendees=[name], rows=[{"doc_id": row["doc_id"], "sentence": row["sentence"]}])
            out.append({**line, "sentence": row["sentence"], "evidence": evidence})
    return out


def _report_lines(query: Query, doc_id: str, ranked: list[Scored], sources: list[DocInfo], hidden: Keys,
                  lookups: Lookups, subject: NameTerms | None = None) -> list[dict[str, Any]]:
    """Return the report's best sentences (those naming ``subject``, when given), at most two:
    what a "no" or a short list leaves to say ("despite the US boycotting ...")."""
    patterns = [p for n in (*concept_terms(query), *query.focus_terms) if (p := n.pattern)]
    out: list[dict[str, Any]] = []
    for item in ranked:
        if item.hit.doc_id != doc_id or (doc_id, item.hit.idx) in hidden or len(item.hit.text) < 20 \
                or _key(item.hit.text) == _key(item.doc.title or "") or len(out) >= 2:
            continue
        if subject is None or subject.in_text(item.hit.text):
            body = _with_names(query, _snippet(item.hit.text, lambda: patterns), lookups)
            out.append(_result("sentence", f"{body}{_cite(item.doc, sources)}", item))
    return out


def _answer(query: Query, head: str, lines: list[dict[str, Any]], sources: list[DocInfo], *,
            rest: int) -> Answer:
    body = "\n".join(f"• {line['text']}" for line in lines)
    links = "\n".join(f"[{n}] {doc.url or doc.title}" for n, doc in enumerate(sources, 1))
    tail = more_text(query, rest) if rest > 0 else ""
    text = "\n".join(part for part in (head, body, tail, links) if part)
    found = bool(lines) or head.startswith(("Yes", "Так"))
    return Answer(question=query.text, text=text, found=found, intent=query.intent, results=lines,
                  language=query.lang, header=head)


def _named_lines(query: Query, ranked: list[Scored], sources: list[DocInfo],
                 lookups: Lookups) -> list[dict[str, Any]]:
    """Without attendance facts, list who the best report names (not claiming they attended)."""
    if query.focus_terms and not query.companions:
        return []  # "who came from Canada": the sentences naming Canada say more than a list
    item = _leading_docs(ranked, 1, 1.0)[0]
    people = lookups.people_in(lookups.document_text(item.hit.doc_id)[:6000])
    if len(people) < 2:
        return []
    intro = "Названі у звіті про" if query.lang == "uk" else "Named in the report on"
    text = f"{intro} {meeting_label(item.doc)}: {', '.join(people[:16])}{_cite(item.doc, sources)}"
    return [_result("sentence", text, item, people=people, summary=True)]


def _leading_docs(ranked: list[Scored], limit: int, ratio: float) -> list[Scored]:
    """Return the best sentence of each of the best documents scoring within ``ratio`` of the top."""
    best = {s.hit.doc_id: s for s in reversed(ranked)}
    items = [best[d] for d in top_docs(ranked, limit)]
    return [i for i in items if i.score >= ratio * ranked[0].score]


def _meeting_lines(ranked: list[Scored], sources: list[DocInfo], *, limit: int,
                   ratio: float) -> list[dict[str, Any]]:
    out = []
    for item in _leading_docs(ranked, limit, ratio):
        text = f"{meeting_label(item.doc, with_date=True)}{_cite(item.doc, sources)}"
        out.append(_result("meeting", text, item, date=item.doc.date, place=item.doc.meeting.get("place")))
    return out


def _sentence_lines(query: Query, ranked: list[Scored], facts: Facts, sources: list[DocInfo],
                    taken: list[dict[str, Any]], lookups: Lookups,
                    hidden: Keys) -> tuple[list[dict[str, Any]], int]:
    """Return the lines of the best sentences, and how many more would qualify."""
    out: list[dict[str, Any]] = []
    patterns = [p for n in (*concept_terms(query), *query.focus_terms) if (p := n.pattern)]
    # Attendance lists and meetings (when, where) are the answer: the sentence behind the first
    # (who, where a list says whence) at most, then the source link.
    lists = any(t["type"] in ("attendance", "meeting") for t in taken)
    room = max(0, (min(MAX_LINES, len(taken) + 1) if lists else MAX_LINES) - len(taken))
    chosen = _worth_showing(ranked, taken, hidden, lists=lists)
    for item in chosen[:room]:
        rows = facts.by_sentence.get((item.hit.doc_id, item.hit.idx), [])
        prefix, kind, fields = prefix_for(query, item, rows)
        if (item.hit.doc_id, item.hit.idx) in hidden:  # what a page calls itself, labelled so
            prefix, kind, fields = _LABELS["headline"][query.lang == "uk"], "sentence", {}
        body = _snippet(item.hit.text, lambda: patterns)
        out.append(_result(kind, f"{prefix}{_with_names(query, body, lookups)}{_cite(item.doc, sources)}",
                           item, **fields))
    return out, max(0, len(chosen) - room)


def _worth_showing(ranked: list[Scored], taken: list[dict[str, Any]], hidden: Keys, *,
                   lists: bool) -> list[Scored]:
    """Return the distinct sentences scoring near the best, without page furniture (a headline
    stays, but not beside an attendance list)."""
    # Summary lines (meetings, lists of people) leave their evidence sentence free to be shown.
    seen = {_key(t["evidence"]) for t in taken if t["type"] not in ("meeting", "attendance")
            and not t.get("summary")}
    floor = ranked[0].score * 0.45 if ranked else 0
    out = []
    for item in ranked:
        key = _key(item.hit.text)
        if item.score < floor or key in seen or len(item.hit.text) < 20:
            continue
        if (item.hit.doc_id, item.hit.idx) in hidden and (lists or key != _key(item.doc.title or "")):
            continue  # a byline, a "Source:" line, a headline beside a list
        seen.add(key)
        out.append(item)
    return out


def _picked(query: Query, ranked: list[Scored], facts: Facts, hidden: Keys) -> list[Picked]:
    """Return the distinct sentences that answer a statement or commitment question."""
    headlines = {(s.hit.doc_id, s.hit.idx) for s in ranked if _key(s.hit.text) == _key(s.doc.title or "")}
    shown = [s for s in ranked if (s.hit.doc_id, s.hit.idx) not in hidden - headlines]
    scoped = bool(query.places or query.date or query.concepts)
    return _distinct(pick(query, shown, facts, scoped=scoped, headlines=headlines))


def _fact_line(query: Query, picked: Picked, facts: Facts, sources: list[DocInfo],
               lookups: Lookups) -> dict[str, Any]:
    """Return the line of one picked sentence: its fact's label (none for a mention), the
    sentence alone, its source."""
    item = picked.item
    prefix, kind, fields = prefix_for(query, item, [picked.row] if picked.row else [])
    if picked.why in _LABELS:
        prefix = _LABELS[picked.why][query.lang == "uk"]
    patterns = [p for n in (*concept_terms(query), *query.focus_terms) if (p := n.pattern)]
    text = item.hit.text
    quote = picked.row.get("text") if picked.row and picked.row.get("quote") else None
    if quote and len(text) > SNIPPET:
        # A long sentence around a quote: the quote is the span that answers, from its start.
        body = _with_names(query, f"“{clip(quote, SNIPPET)}”", lookups)
        return _result(kind, f"{prefix}{body}{_cite(item.doc, sources)}", item, **fields)
    if picked.why == "topic" or quote:
        text = continued(text, item, facts, lookups.sentence_text)
    size = SNIPPET + len(text) - len(item.hit.text)  # the sentence cut, what continues it whole
    body = _with_names(query, _snippet(text, lambda: patterns, size), lookups)
    return _result(kind, f"{prefix}{body}{_cite(item.doc, sources)}", item, **fields)


def _distinct(picked: list[Picked]) -> list[Picked]:
    """Return the picks without repeats of one sentence (a report and its reprint)."""
    seen: set[str] = set()
    out = []
    for p in picked:
        key = _key(p.item.hit.text)
        if key not in seen and len(p.item.hit.text) >= 20:
            seen.add(key)
            out.append(p)
    return out


def _with_names(query: Query, body: str, lookups: Lookups) -> str:
    """Return a Cyrillic sentence with its people's names appended for an English reader."""
    if query.lang != "uk" and _CYRILLIC.search(body):
        people = lookups.people_in(body)  # an English reader still recognises the names
        return body + (f" [{'; '.join(people)}]" if people else "")
    return body


def _snippet(text: str, patterns: Callable[[], list[re.Pattern[str]]], size: int = SNIPPET) -> str:
    """Return ``text``, or the window of it that holds the most matches of the question."""
    if len(text) <= size:
        return text
    starts = sorted(m.start() for p in patterns() for m in p.finditer(text))
    cue = INTENT_CUES["statement"]
    best, best_count = 0, -1.0
    for s in [0, *(max(0, p - 90) for p in starts)]:
        count = float(sum(1 for p in starts if s <= p < s + size - 20))
        count += 0.1 if cue.search(text[s:s + size]) else 0
        if count > best_count:
            best, best_count = s, count
    window = text[best:best + size]
    if best > 0:
        window = "…" + window[window.find(" ") + 1:] if " " in window[:30] else "…" + window
    if best + size < len(text):
        window = window[: window.rfind(" ")] + "…"
    return window


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()[:200]
