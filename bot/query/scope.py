"""The meeting a question asks about ("at the G20 in Johannesburg", "на саміті БРІКС"), found
among the store's own reports.

"What did X say at Y" asks about Y: X's words at another meeting answer another question. The
words after "at", "during", "на", "під час" (or the subject of "when did Y start") name a
meeting when they hold a name: a known organisation or place, a country beside a meeting noun
("the EU-China summit"), a code ("COP29", "COP 29"), or, beside a meeting noun, a word the
reports write as a name ("APEC"). Its reports are those whose title, address, meeting name,
place and opening sentences hold the most of its words (a number tells a series apart:
"Ramstein-16"), with the others of the same day; when no report names it, the store knows
nothing about that meeting. Names are matched by their aliases and inflected forms
(``bot.query.names``), so "на саміті Великої двадцятки" finds a report on the G20 summit.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.entities import EntityIndex
from bot.query.dates import DateRange, month_number
from bot.query.names import (
    NameTerms,
    combine,
    folded_words,
    join_words,
    name_terms,
    word_terms,
)
from bot.query.parse import Query, restore_codes
from bot.query.terms import INTENT_WORDS, STOPWORDS, WordSet, all_of, fts_tokens, quote, stem
from bot.resources import read_data_json, read_word_list

if TYPE_CHECKING:
    from bot.query.retrieve import DocInfo, Hit, Retriever

Respell = Callable[[tuple[str, ...]], tuple[str, ...]]  # a word -> it and the closest stored words

# "at the", "during", "на", "під час": what follows says where the words were said.
_CLAUSE = re.compile(r"(?<!\w)(?:at|during|на|під\s+час)\s+", re.I)
# A topic, a time relative to something else or the question's end closes the meeting's words.
_CLAUSE_END = re.compile(r"(?<!\w)(?:about|on|regarding|concerning|when|after|before|with|про|щодо|"
                         r"стосовно|коли|після|перед|з|із)(?!\w)|[?!;]", re.I)
_ASKING = re.compile(r"\s*(?:when|where|on what date|what date|коли|де)(?:\s+and\s+(?:when|where))?"
                     r"(?:\s+(?:did|does|do|was|were|is|will|has|have))?\s+", re.I)
_NUMBER = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)?$")
_CODE = re.compile(r"^[^\W\d_]{1,5}\d{1,3}$")  # "cop29", "g20"
_SHORT_THEN_NUMBER = re.compile(r"(?<![\w-])([^\W\d_]{1,4})[\s-]+(\d{1,3})(?![\w-])")  # "COP 30"
_OPENING = 3  # a report's first sentences: its title, dateline and lead name the meeting
_SEARCHED = 200  # sentences searched for each name of the meeting
_WRITTEN = 20  # newest sentences holding a word, read for how the reports write it


# The nouns that name a kind of meeting, whole and as stems ("засідан*").
_EVENT_WORDS = WordSet.of(w for lang in ("en", "uk") for w in read_word_list("language", lang, "event.txt")
                          if " " not in w)
# Words that say which of a series or who met, not which meeting ("the latest", "leaders'").
_FILLERS = read_word_list("query", "meeting_fillers.txt")


_ORDER: dict[str, list[str]] = {k: v for k, v in read_data_json("query", "series_order.json").items()
                                if not k.startswith("_")}


@dataclass(frozen=True)
class _Keyword:
    """One word or name of the meeting asked about, and whether it names it (a proper name)."""

    terms: NameTerms
    naming: bool
    place: bool = False  # a city or country: where, which may be any meeting held there


@dataclass(frozen=True)
class MeetingScope:
    """The meeting a question names: as written, and the store's reports on it (none: unknown)."""

    words: str
    docs: frozenset[str]
    clause: tuple[str, ...]  # the question's words that name it: no topic words


def asked_meeting(query: Query, index: EntityIndex, retriever: Retriever, *,
                  respell: Respell | None = None) -> MeetingScope | None:
    """Return the meeting the question asks about and its reports; None when it names none.

    "When did the X summit start" asks about the meeting it names as its subject; "what did Y
    say at X" after "at".
    """
    clause = _subject(query.text) if query.intent == "meeting" else _clause(query.text)
    if clause is None:
        return None
    written, words = clause
    keywords = _keywords(_CLAUSE.sub("", written, count=1), index, retriever, respell)
    if not any(k.naming for k in keywords):
        return None
    if query.intent == "meeting" and all(k.place for k in keywords if k.naming):
        return None  # "when did Rutte visit Kyiv": the place is read as before, not as a meeting
    # Its names and meeting nouns say where; its other words ("the closing ceremony") still
    # say what about.
    kept = {w for k in keywords if not k.naming for w in k.terms.label.split()}
    scores = _reports(keywords, retriever, in_passing=query.intent != "meeting", when=query.date)
    if query.date:  # "the BRICS summit in July": the one of that time, when the store knows it
        infos = retriever.documents(sorted(scores))
        dated = {d: s for d, s in scores.items() if d in infos and query.date.contains(infos[d].date)}
        scores = dated or scores
    docs = _best_and_same_day(scores, retriever)
    if not query.date:  # "the first Ramstein meeting" (not "last July"): the earliest of a series
        docs = _in_order(docs, words, retriever)
    said = tuple(w for w in words if w not in kept)
    return MeetingScope(words=restore_codes(written), docs=docs, clause=said)


def _best_and_same_day(scores: dict[str, int], retriever: Retriever) -> frozenset[str]:
    """Return the reports holding the most of the meeting's words, and the other reports naming
    it that are dated the same day: one meeting's reports describe it more or less fully."""
    best = max(scores.values(), default=0)
    top = {d for d, s in scores.items() if s == best}
    day = {d: (info.date or "")[:10] for d, info in retriever.documents(sorted(scores)).items()}
    days = {day[d] for d in top if day.get(d)}
    return frozenset(top | {d for d in scores if day.get(d) in days})


def _in_order(docs: frozenset[str], words: list[str], retriever: Retriever) -> frozenset[str]:
    """Return the reports of the first (or last) of a series of meetings when the question says
    which: "at the first Ramstein meeting" is the earliest of those the store knows."""
    order = next((k for k, listed in _ORDER.items() for w in words if _listed(w, listed)), None)
    dates = {d: info.date[:10] for d, info in retriever.documents(sorted(docs)).items() if info.date}
    if order is None or not dates:
        return docs
    pick = min(dates.values()) if order == "earliest" else max(dates.values())
    return frozenset(d for d, date in dates.items() if date == pick)


def _named_in(ids: list[str], docs: dict[str, DocInfo], keywords: list[_Keyword],
              retriever: Retriever) -> dict[str, int]:
    """Return those of the reports ``ids`` whose title, address, meeting and openings hold one
    of the meeting's names, with how many of its words they hold."""
    # A format that meets every month has thousands of reports at 20k documents: their words
    # are read and joined once (0.1 s), and scored once for the same meeting asked again.
    def score(missing: list[str]) -> dict[str, int]:
        described = retriever.derived("described", missing, lambda m: _described(m, docs, retriever))
        out = {}
        for doc_id, joined in described.items():
            held = [k for k in keywords if k.terms.in_joined(joined)]
            out[doc_id] = len(held) if any(k.naming for k in held) else 0
        return out

    kind = ("named", tuple((k.terms.variants, k.naming) for k in keywords))
    scores = retriever.derived(kind, ids, score)
    return {d: scores[d] for d in ids if scores.get(d)}


def _described(ids: list[str], docs: dict[str, DocInfo], retriever: Retriever) -> dict[str, str]:
    """Return the joined words of each report's title, address, meeting and openings."""
    openings: dict[str, list[str]] = {}
    for hit in retriever.openings(ids, upto=_OPENING):
        openings.setdefault(hit.doc_id, []).append(hit.text)
    out = {}
    for doc_id in ids:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        meeting = doc.meeting
        described = " ".join(filter(None, [doc.title, doc.url, meeting.get("name"), meeting.get("place"),
                                           meeting.get("format"), *openings.get(doc_id, [])]))
        out[doc_id] = join_words(folded_words(described))  # not text_joined: no sentence seen again
    return out


def _listed(word: str, listed: list[str]) -> bool:
    return any(word == w or (w.endswith("*") and word.startswith(w[:-1])) for w in listed)


def _clause(text: str) -> tuple[str, list[str]] | None:
    """Return the words after "at"/"на" up to a topic or the end, when they name a meeting."""
    for found in _CLAUSE.finditer(text):
        rest = text[found.end():]
        end = _CLAUSE_END.search(rest)
        written = rest[:end.start()] if end else rest
        words = fts_tokens(written)
        if words and len(words) <= 8:
            return (found.group() + written).strip(" ,."), words
    return None


def _subject(text: str) -> tuple[str, list[str]] | None:
    """Return the words of a "when"/"where" question after its question word, up to its end."""
    found = _ASKING.match(text)
    if found is None:
        return None
    written = text[found.end():].strip(" ?!.")
    words = fts_tokens(written)
    return (written, words) if words and len(words) <= 10 else None


def _is_date(word: str) -> bool:
    """Tell whether a word dates the meeting ("July", "2024"): the period filters, not the name."""
    return (word.isdigit() and len(word) == 4) or (not word.isdigit() and month_number(word) is not None
                                                    and word not in {"march", "may"})


def is_event_word(word: str) -> bool:
    """Tell whether a word names a kind of meeting ("summit", "засідання")."""
    return word in _EVENT_WORDS


def _is_filler(word: str) -> bool:
    return _listed(word, list(_FILLERS))


def _keywords(written: str, index: EntityIndex, retriever: Retriever,
              respell: Respell | None) -> list[_Keyword]:
    """Return the clause's names (known entities, codes, numbers) and its other words."""
    text = _SHORT_THEN_NUMBER.sub(_joined_code, restore_codes(written))
    event = any(is_event_word(w) for w in fts_tokens(text))
    out, rest = _named(text, index, event=event)
    for word in fts_tokens(rest):
        if word in STOPWORDS or (word in INTENT_WORDS and not _CODE.match(word)) or is_event_word(word) \
                or _is_filler(word) or len(word) < 2 and not word.isdigit() or _is_date(word):
            continue
        number = _NUMBER.match(word)
        if number:
            n = number.group(1)
            variants = [n, *(n + s for s in ("st", "nd", "rd", "th"))]
            # A number tells the meetings of a series apart ("Ramstein-16"); alone it names none
            # ("at least 5").
            out.append(_Keyword(combine([word_terms([v], label=v) for v in variants], label=n), naming=False))
        elif _CODE.match(word):
            split = re.sub(r"(\d)", r" \1", word, count=1)
            out.append(_Keyword(combine([word_terms([word], label=word), word_terms([split], label=word)],
                                        label=word), naming=True))
        else:
            out.append(_plain(word, retriever, respell, event=event))
    return out if event or out and any(k.naming for k in out) else []


def _joined_code(match: re.Match[str]) -> str:
    """Join "COP 30" into the code "cop30", but leave "on 15" (a date) as it is."""
    head, number = match.group(1), match.group(2)
    return match.group(0) if head.lower() in STOPWORDS else head + number


def _named(text: str, index: EntityIndex, *, event: bool) -> tuple[list[_Keyword], str]:
    """Return the known names of a meeting's words, and the words with the names blanked out.

    An organisation or a place names a meeting ("at the G20", "на Рамштайні"); a country only
    beside a meeting noun ("at the EU-China summit": not "на Україну"); a person never.
    """
    out: list[_Keyword] = []
    spans = []
    for m in index.find_mentions(text):
        if m.score < 0.8 and len(m.text) < 6:
            continue
        spans.append((m.start, m.end))
        if m.entity.kind in ("org", "place", "country"):
            terms = combine([name_terms(m.entity), word_terms([m.text], label=m.text)], label=m.entity.name)
            kind = m.entity.kind
            out.append(_Keyword(terms, naming=event or kind != "country", place=kind != "org"))
    rest = "".join(" " if any(s <= i < e for s, e in spans) else ch for i, ch in enumerate(text))
    return out, rest


def _word(word: str) -> NameTerms:
    """Return how to find a plain word of a meeting's name, in its inflected forms too."""
    if len(word) < 4:  # "AI": no ending to take, and a prefix would find "aid" and "air"
        return word_terms([word], label=word)
    base = stem(word)
    return NameTerms(label=word, expr=f"{quote(base)}*", variants=((base + "*",),))


def _plain(word: str, retriever: Retriever, respell: Respell | None, *, event: bool) -> _Keyword:
    """Return a plain word of a meeting's name. One the reports never write is first taken for
    a slip of the finger ("the brisc summit": "brics"), then for a meeting the store does not
    know."""
    # Beside a meeting noun the reports' own spelling is read next (_proper): one search for both.
    hits = retriever.search(quote(word), limit=_WRITTEN if event else 1) if respell is not None else None
    if respell is None or hits:
        return _Keyword(_word(word), naming=event and _proper(word, retriever, hits))
    spelt = respell((word,))[1:]
    if not spelt:
        return _Keyword(_word(word), naming=event)
    terms = combine([word_terms([w], label=w) for w in spelt], label=word)
    return _Keyword(terms, naming=event and any(_proper(w, retriever) for w in spelt))


def _proper(word: str, retriever: Retriever, hits: list[Hit] | None = None) -> bool:
    """Tell whether the reports write ``word`` as a name (capitalised, "APEC", "Quad"), or never
    write it at all (a meeting the store does not know: "the Mercosur summit"), from its newest
    sentences (``hits``, when already searched)."""
    if hits is None:
        hits = retriever.search(quote(word), limit=_WRITTEN)
    if not hits:
        return True
    found = [m.group() for h in hits for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", h.text, re.I)]
    return bool(found) and sum(w[0].isupper() for w in found) * 3 >= len(found) * 2


def _reports(keywords: list[_Keyword], retriever: Retriever, *, in_passing: bool,
             when: DateRange | None = None) -> dict[str, int]:
    """Return the reports whose titles, addresses, meetings and openings hold one of the
    meeting's names, with how many of its words they hold; none when no report names it.
    With a time asked (``when``), those of that time when some of them name it: a format that
    meets every month has hundreds of reports, and reading their openings cost 10 ms a question
    at 1,000 documents."""
    # Reports whose meeting is named so (however their sentences write it), then those whose
    # sentences name it. With a time asked, the meetings held then first: a format that meets
    # every month names thousands of meetings at 20k documents (40 ms a question to check).
    naming = [k.terms for k in keywords if k.naming]
    held_then = retriever.meetings_dated(when.start, when.end, has_year=when.has_year).naming(naming) \
        if when and naming else []
    candidates = dict.fromkeys(held_then or (retriever.all_meetings().naming(naming) if naming else []))
    for keyword in keywords if not held_then else []:
        candidates.update((h.doc_id, None) for h in retriever.search(keyword.terms.expr, limit=_SEARCHED))
    if not candidates:
        return {}
    ids = list(candidates)
    docs = retriever.documents(ids)
    then = [d for d in ids if when and d in docs and when.contains(docs[d].date)]
    scores = _named_in(then, docs, keywords, retriever) if then else {}
    if not scores:
        scores = _named_in(ids, docs, keywords, retriever)
    if scores or not in_passing:  # when and where it was held: from a report on it alone
        return scores
    # Named in passing only ("on the sidelines of the APEC summit"): the reports that name it.
    names = all_of([t.expr for t in naming]) or next((t.expr for t in naming), None)
    return dict.fromkeys((h.doc_id for h in retriever.search(names, limit=_SEARCHED)), 1)
