"""Ranked sentences and facts -> Answer: a header, a few fact lines with sources, then links.

Only the top of an answer is read (and graded), so lines are short snippets centred on what the
question asked, the best first, and long lists end with a count.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.extract.dates import find_dates
from bot.query.answer import Answer
from bot.query.compare import comparison_line
from bot.query.facts import Facts, top_docs
from bot.query.intent import ASKS_WHEN
from bot.query.lookups import Keys as Keys
from bot.query.lookups import Lookups as Lookups
from bot.query.names import folded_words
from bot.query.parse import Query
from bot.query.pick import ANSWERING, Picked, asked_topic, continued, pick, subjects
from bot.query.rank import INTENT_CUES, Scored, concept_terms
from bot.query.retrieve import DocInfo
from bot.query.roll import roll_answer
from bot.query.scope import is_event_word
from bot.query.signed import first_line, signed, untitled
from bot.query.snippets import SNIPPET, with_names
from bot.query.snippets import cite as _cite
from bot.query.snippets import key as _key
from bot.query.snippets import result as _result
from bot.query.snippets import snippet as _snippet
from bot.query.wording import (
    clip,
    dating_header,
    elsewhere_text,
    header,
    meeting_label,
    mentions_header,
    more_text,
    none_there_text,
    nothing_text,
    prefix_for,
    unknown_meeting_text,
    unknown_text,
)

_WHO = re.compile(r"\s*(?:who|whom|which (?:leaders?|officials?|people|ministers?)|хто|які лідери)(?!\w)",
                  re.I)
_LABELS = {"topic": ("(speaker not named) ", "(мовця не названо) "),  # a line without a fact, labelled
           "headline": ("Headline: ", "Заголовок: ")}
MAX_LINES = 5  # the answer's lines; the rest are counted
_ELSEWHERE = 3  # other meetings named after a scoped negative


def nothing(query: Query, *, reason: str) -> Answer:
    """Return the plain "nothing known" answer."""
    return Answer(question=query.text, text=nothing_text(query.lang, reason), found=False,
                  intent=query.intent, language=query.lang)


def unknown(query: Query, missing: list[str], suggestions: list[str]) -> Answer:
    """Return the answer for names no document mentions, with the closest known names."""
    said = [query.said_as.get(m, m) for m in missing]
    return Answer(question=query.text, text=unknown_text(query, said, suggestions), found=False,
                  intent=query.intent, language=query.lang, suggestions=suggestions)


def unknown_meeting(query: Query, words: str) -> Answer:
    """Return the answer for a meeting no report is about ("at the Mercosur summit")."""
    return Answer(question=query.text, text=unknown_meeting_text(query.lang, words), found=False,
                  intent=query.intent, language=query.lang)


def build(query: Query, ranked: list[Scored], facts: Facts, *, missing: list[str],
          lookups: Lookups, hidden: Keys = frozenset()) -> Answer:
    """Return the answer built from the best sentences and their facts; the ``hidden`` sentences
    (page furniture) are never shown."""
    lines: list[dict[str, Any]] = []
    sources: list[DocInfo] = []
    dating: list[Scored] = []
    if query.intent == "attendance":
        if (answered := roll_answer(query, ranked, facts, lookups, hidden)) is not None:
            return answered
        lines += _named_lines(query, ranked, sources, lookups)
    elif _WHO.match(query.text) and not query.focus_terms:
        lines += _named_lines(query, ranked, sources, lookups)  # "who spoke at ...": people first
    elif query.intent == "meeting" and (dating := _dating(query, ranked)):
        ranked = dating  # "when does the ceasefire begin": the sentences that date it answer
    elif query.intent == "meeting":
        listing = not query.focus_terms and not query.concepts  # "list the meetings in 2025"
        lines += _meeting_lines(ranked, sources, limit=6 if listing else 3, ratio=0.0 if listing else 0.75)
    # A statement or commitment answer is headed by whom it filters on ("what did Canada offer
    # Ukraine": Canada), not by every name in the question.
    targets = subjects(query) if query.intent in ANSWERING else []
    named = replace(query, focus_terms=tuple(targets)) if query.intent in ANSWERING else query
    head = header(named, missing=[query.said_as.get(m, m) for m in missing])
    if query.intent == "meeting" and dating:
        head = dating_header(query.lang)
    if query.intent == "agreement" and (agreements := signed(query, ranked, facts)).rows:
        # The answer first: what was signed and by whom; the others' sentences answer no more.
        head = first_line(query, agreements, lookups.attendees)
        hidden = frozenset(hidden) | agreements.others
    rest = 0
    if query.intent in ANSWERING:
        picked = _picked(query, ranked, facts, hidden)
        if query.scope_docs is not None and picked and picked[0].mention:
            # Only named at the meeting asked about: a sentence that says what they said or
            # gave ("Swiss President X hailed ...") stays, a mere mention answers nothing.
            cue = INTENT_CUES[query.intent]
            picked = [p for p in picked if cue.search(p.item.hit.text)]
        if picked and picked[0].mention:
            head = mentions_header(named)
        elif line := comparison_line(query, targets, picked):
            head = line  # "did Germany or France pledge more?": the amounts side by side first
        lines += [_fact_line(query, p, facts, sources, lookups) for p in picked[:MAX_LINES]]
        rest = max(0, len(picked) - MAX_LINES)
    if query.intent not in ANSWERING or not (lines or targets):
        more, rest = _sentence_lines(query, ranked, facts, sources, taken=lines, lookups=lookups,
                                     hidden=hidden)
        lines += more
    if query.intent == "agreement":
        lines = [untitled(line, head) for line in lines]
    names = {p.id: p.name for p in query.persons}
    suggestions = [names[i] for _, ids in query.ambiguous for i in ids if i in names]
    if suggestions:
        head += (" (можливо: " if query.lang == "uk" else " (which one? ") + " / ".join(suggestions) + ")"
    if not lines and query.intent in ANSWERING and targets:
        head = none_there_text(named, topic=asked_topic(query))  # their facts elsewhere answer
        # another question
    body = "\n".join(f"• {line['text']}" for line in lines)
    links = "\n".join(f"[{n}] {doc.url or doc.title}" for n, doc in enumerate(sources, 1))
    tail = more_text(query, rest) if rest > 0 else ""
    text = "\n".join(part for part in (head, body, tail, links) if part)
    return Answer(question=query.text, text=text, found=bool(lines), intent=query.intent,
                  results=lines, language=query.lang, header=head, suggestions=suggestions)


def with_elsewhere(answer: Answer, query: Query, ranked: list[Scored], facts: Facts) -> Answer:
    """Return a scoped negative followed by the other meetings where the target has facts
    ("X is quoted at other meetings: ..."); it stays an answer that found nothing."""
    unscoped = replace(query, scope_docs=None, scope_words="")
    picked = [p for p in pick(unscoped, ranked, facts, scoped=False) if not p.mention]
    docs = list({p.item.hit.doc_id: p.item.doc for p in picked}.values())[:_ELSEWHERE]
    if not docs:
        return answer
    named = replace(query, focus_terms=tuple(subjects(query)))
    line = elsewhere_text(named, [meeting_label(d) for d in docs])
    return replace(answer, text=f"{answer.text}\n{line}")


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


def _dating(query: Query, ranked: list[Scored]) -> list[Scored]:
    """Return the sentences that name the thing asked about with a date, when the question asks
    when a thing happens rather than a meeting ("when does the ceasefire begin", "when did they
    sign the minerals deal"); none otherwise: meetings near the topic do not say when it happens.
    The thing is a known topic (one with variants: "ceasefire", "truce"); the question's other
    words ("start", "дати") need not be in the sentence."""
    if not ASKS_WHEN.match(query.text):
        return []
    things = [(variants, terms) for variants, terms in zip(query.concepts, concept_terms(query), strict=False)
              if len(variants) > 1]
    if not things or any(is_event_word(w) for variants, _ in things for w in folded_words(variants[0])):
        return []
    return [s for s in ranked if all(terms.in_text(s.hit.text) for _, terms in things)
            and find_dates(s.hit.text, s.doc.published or s.doc.date)]


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
        body = _snippet(item.hit.text, lambda: _patterns(query))
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
    scoped = bool(query.places or query.date or query.concepts or query.scope_docs is not None)
    return _distinct(pick(query, shown, facts, scoped=scoped, headlines=headlines))


def _fact_line(query: Query, picked: Picked, facts: Facts, sources: list[DocInfo],
               lookups: Lookups) -> dict[str, Any]:
    """Return the line of one picked sentence: its fact's label (none for a mention), the
    sentence alone, its source."""
    item = picked.item
    prefix, kind, fields = prefix_for(query, item, [picked.row] if picked.row else [])
    if picked.why in _LABELS:
        prefix = _LABELS[picked.why][query.lang == "uk"]
    text = item.hit.text
    quote = picked.row.get("text") if picked.row and picked.row.get("quote") else None
    if quote and len(text) > SNIPPET:
        # A long sentence around a quote: the quote is the span that answers, from its start.
        body = _with_names(query, f"“{clip(quote, SNIPPET)}”", lookups)
        return _result(kind, f"{prefix}{body}{_cite(item.doc, sources)}", item, **fields)
    if picked.why == "topic" or quote:
        text = continued(text, item, facts, lookups.sentence_text)
    size = SNIPPET + len(text) - len(item.hit.text)  # the sentence cut, what continues it whole
    body = _with_names(query, _snippet(text, lambda: _patterns(query), size), lookups)
    return _result(kind, f"{prefix}{body}{_cite(item.doc, sources)}", item, **fields)


def _patterns(query: Query) -> list[re.Pattern[str]]:
    """Return the regexes of what the question asks about, to cut a long sentence around them.

    Only a sentence longer than a snippet needs them: compiling a country's (its officials'
    names too) costs milliseconds, so they are made when one does.
    """
    return [p for n in (*concept_terms(query), *query.focus_terms) if (p := n.pattern)]


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
    return with_names(query, body, lookups.people_in)
