"""Pick what an answer shows: the facts of whom the question asks about, else labelled mentions.

The asked target filters; it does not only raise a score. "What did X say" shows statements
whose speaker resolves to X; "what did C commit to" commitments whose actor is C or one of C's
officials. A sentence carrying another speaker's or actor's fact is left out however high it
ranks. Only when no fact of the target is stored do sentences that name it come back, as
mentions (``Picked.mention``), which the answer heads as such.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.query.facts import Facts
from bot.query.names import NameTerms, OfficeTerms, text_words
from bot.query.parse import Query
from bot.query.rank import Scored
from bot.query.terms import WordSet
from bot.resources import read_word_list

# The fact kinds that answer each intent, the intent's own first: what someone committed to
# may be stored as what they said ("we will supply ...").
ANSWERING = {"statement": ("statement",), "commitment": ("commitment", "statement")}
# "Macron and Scholz" are both asked about; "Австралія Україні" is an actor and a recipient.
_JOINED = re.compile(r"\s*(?:,|&|and|or|та|і|й|чи|або)\s*(?:the\s+)?", re.I)


def _words(name: str) -> tuple[str, ...]:
    """Return the words of a list in data/query."""
    return read_word_list("query", name)


_RECEIVING = WordSet.of(_words("receiving.txt"))
_BACK_REFERENCES = frozenset(_words("back_references.txt"))
_SCOPE_WORDS = frozenset(_words("not_actor_before.txt"))
_ARTICLES = frozenset({"the", "a", "an"})
_SCOPE_RATIO = 0.65
# The cuts between the items of a list of names, and the "and" that closes one; an item is a
# name with its title, a few words ("Turkish President Recep Tayyip Erdogan").
_AND = re.compile(r"(?:^|\s)(?:and|та|і|й)\s", re.I)
_LIST_CUTS = re.compile(r"(,\s*(?:(?:and|та|і|й)\s+)?|\s+(?:and|та|і|й)\s+|[:;]\s*)", re.I)
_ITEM_WORDS = 8
_TOPIC_REACH = 4  # sentences after one naming a topic that may list what was given to it
# "Did Germany put money into the X fund?": a yes/no question about one thing; its object is
# what the answer is narrowed to.
_YES_NO = re.compile(r"^\s*(?:did|does|do|has|have|had|will|would|is|are|was|were|чи)\s", re.I)
_OBJECT = re.compile(r"(?<!\w)(?:into|to|for|towards|до|на)\s+([^?!.;]{3,60}?)\s*[?!.]*$", re.I)


@dataclass(frozen=True)
class Picked:
    """One sentence to show, and why: a fact of the target (``row``), an unattributed sentence
    on the topic in a report where the target speaks ("topic"), only a mention, or (nobody
    asked about) a sentence on the topic."""

    item: Scored
    row: dict[str, Any] | None
    why: str = "fact"  # "fact" | "topic" | "mention" | "sentence" | "headline"

    @property
    def mention(self) -> bool:
        """Tell whether the sentence only names the target (no stored fact of it)."""
        return self.why == "mention"


def subjects(query: Query) -> list[NameTerms]:
    """Return whose facts answer: the first name the question gives, with those joined to it.

    In "what did Canada offer Ukraine" Canada acts and Ukraine receives; "what did Germany
    pledge when Zelensky visited" asks about Germany. English and Ukrainian questions name the
    actor first ("що пообіцяла Австралія Україні"); "Macron and Scholz" (or "Macron or Scholz")
    are both asked about;
    "the chancellor ... with Draghi and Macron" only the chancellor.
    A country that gets or receives ("how much will Ukraine get") is no actor: nothing filters.
    """
    if not query.focus_terms:
        return []
    placed = sorted((span, n, f) for n, f in enumerate(query.focus_terms)
                    if not _scoping(query, (span := _span(query, f))[0]))
    if not placed:
        return []
    chosen = [placed[0][2]]
    for (before, _, _), (span, _, terms) in zip(placed, placed[1:], strict=False):
        if not _JOINED.fullmatch(query.text[before[1]:span[0]]):
            break
        chosen.append(terms)
    if not query.persons and not query.role_persons and _receives(query.text):
        return []
    return chosen


def _span(query: Query, terms: NameTerms) -> tuple[int, int]:
    """Return where the question names ``terms`` (its end when it does not say)."""
    said = query.said_as.get(terms.label, terms.label)
    at = query.text.casefold().find(said.casefold())
    if at >= 0:
        return at, at + len(said)
    office = terms.office if isinstance(terms, OfficeTerms) else None
    pattern = office.pattern if office else terms.pattern
    found = pattern.search(query.text) if pattern else None
    if found is None and query.role_title:  # an office: "the UK prime minister"
        found = re.search(re.escape(query.role_title), query.text, re.I)
    return found.span() if found else (len(query.text), len(query.text))


def _scoping(query: Query, start: int) -> bool:
    """Tell whether the name at ``start`` follows "at", "if", "на" ... (articles and place names
    may stand between: "at the Rome recovery conference"): no actor of the question."""
    skip = {*_ARTICLES, *(w for p in query.place_words for w in text_words(p))}
    before = list(text_words(query.text[:start]))
    while before and before[-1] in skip:
        before.pop()
    return bool(before) and before[-1] in _SCOPE_WORDS


def _receives(text: str) -> bool:
    words = text_words(text)
    return any(w in _RECEIVING for w in words)


def pick(query: Query, ranked: list[Scored], facts: Facts, *, scoped: bool,
         headlines: set[tuple[str, int]] | frozenset[tuple[str, int]] = frozenset()) -> list[Picked]:
    """Return the sentences that answer, best first: the target's facts, else its mentions.

    When the question names a meeting, place, date or topic (``scoped``), only the documents
    that fit it about as well as the best one are read: the same person at another meeting is
    another answer.
    """
    kinds = ANSWERING.get(query.intent)
    if kinds is None:
        return []
    targets = subjects(query)
    # The facts of the narrowest scope, else its mentions: the same person's words at another
    # meeting answer another question. A wider scope only when the narrow one names no target.
    tiers = (_sort_out(query, ranked, facts, targets, docs, headlines)
             for docs in (_scopes(query, ranked) if scoped else [None]))
    first = found, mentions, loose = next(tiers)
    if not (found or mentions):
        found, mentions, loose = next((t for t in tiers if t[0] or t[1]), first)
    # A speech whose speaker the report names once, in its heading (or whose publisher is the
    # speaker's office), leaves its sentences without one: those on as many topic words as any
    # sentence carries are shown, unlabelled, beside the target's facts. A commitment is no
    # speech: beside the actor's stored commitments such sentences are only padding.
    if targets and query.intent != "commitment":
        speaking = {p.item.hit.doc_id for p in found} | {
            p.item.hit.doc_id for p in loose if any(t.in_text(_heading(p.item)) for t in targets)}
        found += [p for p in loose if p.item.hit.doc_id in speaking and p.why == "topic"]
    elif query.intent == "commitment" and not targets:
        # Nobody asked about: a sentence on the topic ("if Russia rejects the ceasefire, sanctions
        # will ...") answers as well as a stored commitment, and names no actor it lacks; a
        # report's headline too, labelled as one.
        # Of the best report only: the others' topic words are mostly about other meetings.
        best = ranked[0].hit.doc_id if ranked else None
        found += [p if p.why == "headline" else Picked(p.item, None, "sentence")
                  for p in loose if p.item.hit.doc_id == best]
    if targets and asked_topic(query):
        # Of the target's facts, those on the thing asked about: another pledge answers "no".
        found, mentions = _on_topic(query, found, ranked), _on_topic(query, mentions, ranked)
    found.sort(key=lambda p: (-p.item.score, p.item.hit.doc_id, p.item.hit.idx))
    return found or mentions


def asked_topic(query: Query) -> str | None:
    """Return what a yes/no commitment question asks about, as written ("the X fund"), or None."""
    if query.intent != "commitment" or not query.concepts or not _YES_NO.match(query.text):
        return None
    found = _OBJECT.search(query.text)
    return found.group(1).strip() if found else None


def _on_topic(query: Query, picked: list[Picked], ranked: list[Scored]) -> list[Picked]:
    """Return the facts and mentions on the topic: their sentence, or one of the few before it
    (a report names the fund, then lists who gave to it), carries half of its words or more."""
    def topical(item: Scored) -> bool:
        return item.concepts * 2 >= len(query.concepts)

    led = {(s.hit.doc_id, s.hit.idx + n) for s in ranked if topical(s) for n in range(1, _TOPIC_REACH + 1)}
    return [p for p in picked if p.why in ("fact", "mention")
            and (topical(p.item) or (p.item.hit.doc_id, p.item.hit.idx) in led)]


def _sort_out(query: Query, ranked: list[Scored], facts: Facts, targets: list[NameTerms],
              docs: set[str] | None, headlines: set[tuple[str, int]] | frozenset[tuple[str, int]],
              ) -> tuple[list[Picked], list[Picked], list[Picked]]:
    """Return the target's facts, its mentions, and the unattributed sentences (and headlines)
    on the topic. A headline is never a fact nor a mention: what a page calls itself."""
    kinds = ANSWERING[query.intent]
    labels = {t.label for t in targets}
    found: list[Picked] = []
    mentions: list[Picked] = []
    loose: list[Picked] = []
    # "Every topic word" as far as any sentence carries them ("happens" is in none); a place
    # alone is no topic ("what did X say in Tallinn": not every sentence naming Tallinn).
    covered = max((s.concepts for s in ranked), default=0) if query.concepts else 0
    for item in ranked:
        if docs is not None and item.hit.doc_id not in docs:
            continue
        if (item.hit.doc_id, item.hit.idx) in headlines:
            if item.concepts >= covered > 0:
                loose.append(Picked(item, None, "headline"))
            continue
        rows = [r for r in facts.by_sentence.get((item.hit.doc_id, item.hit.idx), []) if r["type"] in kinds]
        own = [r for r in rows if not targets or any(t.in_fact(r) for t in targets)]
        if own:
            own.sort(key=lambda r: kinds.index(r["type"]))
            found.append(Picked(item, own[0]))
        elif item.names & labels:
            if not _roll_call(item.hit.text, targets):  # a list of those present: neither
                mentions.append(Picked(item, None, "mention"))
        elif not rows and item.concepts >= covered > 0:
            loose.append(Picked(item, None, "topic"))
    return found, mentions, loose


def _roll_call(text: str, targets: list[NameTerms]) -> bool:
    """Tell whether a sentence names the targets only as items of a list of three or more
    ("with A, B and C"): it says who was there, nothing that one of them said or did."""
    if not _AND.search(text):
        return False  # a list closed by no "and" is none (its cuts are parts of the text)
    parts = _LIST_CUTS.split(text)
    items, cuts = parts[0::2], parts[1::2]
    short = [len(item.split()) <= _ITEM_WORDS for item in items]
    named = False
    for i, item in enumerate(items):  # a name outside a list settles it: the rest go unread
        if any(t.in_text(item) for t in targets):
            if not _in_list(i, short, cuts):
                return False
            named = True
    return named


def _in_list(i: int, short: list[bool], cuts: list[str]) -> bool:
    """Tell whether item ``i`` is in a list of three or more items closed by an "and": short
    items, the last one perhaps followed by the rest of the sentence ("A, B and C met in ...")."""
    start = i if short[i] else i - 1
    if start < 0 or not short[start] or (start < i and not _AND.search(cuts[start])):
        return False
    end = start
    while start > 0 and short[start - 1]:
        start -= 1
    while end + 1 < len(short) and short[end + 1]:
        end += 1
    if end + 1 < len(short) and _AND.search(cuts[end]):
        end += 1  # the last item, and what the list then did
    return i <= end and end - start >= 2 and any(_AND.search(cut) for cut in cuts[start:end])


def _heading(item: Scored) -> str:
    return f"{item.doc.title} {item.doc.publisher or ''}"


def _scopes(query: Query, ranked: list[Scored]) -> list[set[str]]:
    """Return the documents to read, narrowest first: those of the meeting held where and when
    the question says (when some are), then all those scoring close to the best."""
    def close(docs: set[str]) -> set[str]:
        top = max((s.score for s in ranked if s.hit.doc_id in docs), default=0.0)
        return {s.hit.doc_id for s in ranked if s.hit.doc_id in docs and s.score >= _SCOPE_RATIO * top}

    info = {s.hit.doc_id: s.doc for s in ranked}
    docs = set(info)
    if query.scope_docs is not None:  # the meeting the question names: its reports alone,
        held = docs & query.scope_docs  # those ranking near the best of them first
        return [held & close(held) or held, held]
    narrow = set(docs)
    if query.places:
        # Held there, or named after it: "Ramstein" meetings are held in Brussels too.
        places = [p.casefold() for p in query.places]
        narrow = {d for d in narrow if (info[d].meeting.get("place") or "").casefold() in places
                  or any(p in (info[d].meeting.get("name") or "").casefold() for p in places)}
    if query.date and query.date.has_year:
        start, end = query.date.start, query.date.end
        docs_then = {d for d in docs if start <= (info[d].date or "")[:10] <= end}
        narrow &= docs_then
    else:
        docs_then = docs
    wide = close(docs)
    if query.places and narrow:
        # Someone's words at another meeting answer another question: none at the meeting
        # asked about is the answer then ("what did X say at Y": nothing). A report whose
        # sentences name the place may be about a meeting held there under another name.
        words = [w.casefold() for w in (*query.places, *query.place_words)]
        named = {s.hit.doc_id for s in ranked if any(w in s.hit.text.casefold() for w in words)}
        # Of its reports those ranking near the best; all of them when none does.
        return [(narrow & wide or narrow) | (named & docs_then & wide)]
    narrow &= wide  # the time asked about, in reports still ranking near the best
    return [narrow, wide] if narrow and narrow != wide else [wide]


def continued(text: str, item: Scored, facts: Facts, sentence_text: Callable[[str, int], str | None]) -> str:
    """Return a speaker's sentence with the next one when that one only points back to it
    ("... PURL. In less than a month, this has meant $1.5 billion"): no fact of its own, so no
    other speaker's words, and a back-reference among its first words."""
    key = (item.hit.doc_id, item.hit.idx + 1)
    following = sentence_text(*key)
    if not following or len(following) > 260 or facts.by_sentence.get(key):
        return text
    if not _BACK_REFERENCES.intersection(text_words(following)[:8]):
        return text
    return f"{text} {following}"
