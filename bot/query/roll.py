"""Attendance answers: who came first, then one attendee a line with its source, then a count."""
from __future__ import annotations

from typing import Any

from bot.query.answer import Answer
from bot.query.attend import Roll, is_yes_no, rolls, verdict
from bot.query.facts import Facts
from bot.query.lookups import Keys, Lookups
from bot.query.names import NameTerms
from bot.query.parse import Query
from bot.query.rank import Scored, concept_terms
from bot.query.retrieve import DocInfo
from bot.query.snippets import cite, key, result, snippet, with_names
from bot.query.wording import (
    attendee_label,
    attendee_name,
    header,
    more_text,
    not_there_head,
    roll_head,
    verdict_head,
)


def roll_answer(query: Query, ranked: list[Scored], facts: Facts, lookups: Lookups,
                 hidden: Keys) -> Answer | None:
    """Return the attendance answer: who came first, then a line per supporting sentence."""
    sources: list[DocInfo] = []
    if is_yes_no(query):
        said = verdict(query, ranked, facts, lookups.holder)
        if said is None:  # no report of the meeting asked about
            return _answer(query, not_there_head(query), [], sources, rest=0)
        head = verdict_head(query, said)
        shown = [said.roll] if said.roll.rows else []
        lines = _roll_lines(query, shown, sources, lookups)
        # Then what the report says of them, the proof of a yes or a no ("Putin, who had proposed
        # the talks, did not come"; "despite the US boycotting ...").
        lines += _report_lines(query, said.roll.item.hit.doc_id, ranked, sources, hidden, lookups,
                               said.subject)
        return _answer(query, head, lines, sources, rest=0)
    found = rolls(query, ranked, facts, lookups.holder)
    if not found:
        return None
    head = roll_head(query, found[0], header(query, missing=[]))
    lines = _roll_lines(query, found, sources, lookups)
    if len(lines) < 2:  # one name says little: the report's best sentences (on whom it asks) say more
        subject = query.focus_terms[0] if query.focus_terms and not query.companions else None
        lines += _report_lines(query, found[0].item.hit.doc_id, ranked, sources, hidden, lookups, subject)
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
            line = result("attendance", f"{attendee_label(row)}{cite(roll.item.doc, sources)}", roll.item,
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
                or key(item.hit.text) == key(item.doc.title or "") or len(out) >= 2:
            continue
        if subject is None or subject.in_text(item.hit.text):
            body = with_names(query, snippet(item.hit.text, lambda: patterns), lookups.people_in)
            out.append(result("sentence", f"{body}{cite(item.doc, sources)}", item))
    return out


def _answer(query: Query, head: str, lines: list[dict[str, Any]], sources: list[DocInfo], *,
            rest: int) -> Answer:
    found = bool(lines) or head.startswith(("Yes", "Так"))
    names = {p.id: p.name for p in query.persons}
    suggestions = [names[i] for _, ids in query.ambiguous for i in ids if i in names]
    if suggestions:  # "Kushner": Jared or Charles
        head += (" (можливо: " if query.lang == "uk" else " (which one? ") + " / ".join(suggestions) + ")"
    body = "\n".join(f"• {line['text']}" for line in lines)
    links = "\n".join(f"[{n}] {doc.url or doc.title}" for n, doc in enumerate(sources, 1))
    tail = more_text(query, rest) if rest > 0 else ""
    text = "\n".join(part for part in (head, body, tail, links) if part)
    return Answer(question=query.text, text=text, found=found, intent=query.intent, results=lines,
                  language=query.lang, header=head, suggestions=suggestions)
