"""Score candidate sentences: topic words, named entities, the meeting asked about, intent cues.

A document-level score says how well a document's meeting fits the question (date, place,
meeting words in its title); a sentence-level score adds what the sentence itself carries.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.query.names import NameTerms, folded_words, text_joined
from bot.query.parse import Query
from bot.query.retrieve import DocInfo, Hit, Retriever
from bot.query.terms import stem
from bot.query.within import Row


class Cue:
    """Words that carry what an intent asks for, found in a sentence's folded words.

    Written as words, ``stem*`` prefixes and ``two_words`` phrases and matched like a name's
    variants (``NameTerms.in_joined``; a regex of them cost 8 us a sentence), with marks (quotes,
    currency signs) found anywhere in the text.
    """

    def __init__(self, words: str, *, marks: str = "") -> None:
        self.marks = marks
        self._words = NameTerms(label="cue", expr=None,
                                variants=tuple(tuple(w.split("_")) for w in words.split()))
        # A sentence is tested when it is a candidate and again when it is scored, and the
        # same sentences come back for the next question on the same meeting.
        self.search = lru_cache(maxsize=4096)(self._search)

    def _search(self, text: str) -> bool:
        """Tell whether ``text`` carries the cue."""
        for mark in self.marks:
            if mark in text:
                return True
        return self._words.in_joined(text_joined(text))


# Sentences that carry what each intent asks for, in English and Ukrainian.
INTENT_CUES = {
    "statement": Cue(
        "said says told stated stressed noted emphasised emphasized added wrote described warned urged "
        "called insisted underlined welcomed praised announced hailed according_to "
        "заяв* сказа* наголоси* зазначи* підкресли* повідоми* закли*", marks='"“”«»'),
    "commitment": Cue(
        "pledg* commit* promis* announc* provid* allocat* billion million bn ready_to will_send "
        "will_provide will_deliver will_give will_supply package aid agreed sanctions "
        "пообіця* зобов* мільярд* млрд мільйон* виділ* нада* погоди*", marks="€$£"),
    "attendance": Cue(
        "attend* took_part participa* joined included gather* brought_together represent* present met "
        "meeting delegation leaders_of video_link участь учасник* взяли зустріч* лідер*"),
    "agreement": Cue(
        "sign* agreement accord treaty declaration deal memorandum statement fund "
        "підписа* угод* декларац* заяв*"),
    "meeting": Cue(
        "summit meeting conference met held took_place visit* gather* "
        "саміт* зустріч* конференц* відбул*"),
}


_CONTINUES = re.compile(
    r"\s*(?:[\"“«'‘]|(?:he|she|they|his|her|the (?:president|prime minister|chancellor|minister|"
    r"secretary|head of state|leader|premier)|він|вона|вони|президент|прем'єр|канцлер)(?!\w))", re.I)

def continues(text: str) -> bool:
    """Tell whether a sentence continues the one before it ("He added ...", a quote)."""
    return bool(_CONTINUES.match(text))


# FTS5 expressions for sentences that carry what each intent asks for.
CUE_EXPRS = {
    "attendance": '"attend"* OR "took" + "part" OR "participa"* OR "joined" OR "included" OR "gather"* '
                  'OR "brought" + "together" OR "represent"* OR "delegation"* OR "участь" OR "учасник"* '
                  'OR "присутн"*',
    "statement": '"said" OR "says" OR "told" OR "stated" OR "stressed" OR "noted" OR "emphasi"* OR '
                 '"added" OR "wrote" OR "заяви"* OR "сказа"* OR "наголоси"*',
    "commitment": '"pledg"* OR "commit"* OR "promis"* OR "announc"* OR "billion" OR "million" OR "bn" OR '
                  '"пообіця"* OR "зобов"* OR "мільярд"* OR "млрд"',
    "agreement": '"sign"* OR "agreement"* OR "declaration"* OR "accord"* OR "treaty" OR "deal" OR '
                 '"підпис"* OR "угод"* OR "декларац"*',
    "meeting": '"summit"* OR "meeting"* OR "conference"* OR "held" OR "took" + "place" OR "visit"* OR '
               '"саміт"* OR "зустріч"* OR "конференц"* OR "відбул"*',
}


def _cue_pattern(expr: str) -> re.Pattern[str]:
    """Return a regex finding what an FTS5 cue expression finds: words, ``*`` prefixes, ``+`` phrases."""
    bodies = []
    for alternative in expr.split(" OR "):
        parts = [p.strip() for p in alternative.split("+")]
        words = [re.escape(p.strip('"*')) + (r"\w*" if p.endswith("*") else "") for p in parts]
        bodies.append(r"[\W_]+".join(words) + r"(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(bodies) + ")", re.I)


class CueWords:
    """A cue expression as a regex, run only on texts that hold one of its first words.

    The regex tries each alternative at every position of a text (4.5 us a sentence, and a
    question reads hundreds); a match needs its first word, so a text whose case-folded form
    holds none of them is passed over with a few substring tests.
    """

    def __init__(self, expr: str) -> None:
        self.pattern = _cue_pattern(expr)
        firsts = (alternative.split("+")[0].strip().strip('"*') for alternative in expr.split(" OR "))
        self.needles = tuple(dict.fromkeys(word.casefold() for word in firsts))

    def findall(self, text: str) -> list[str]:
        """Return what the regex finds in ``text``."""
        folded = text.casefold()
        for needle in self.needles:
            if needle in folded:
                return self.pattern.findall(text)
        return []


# The cue expressions as regexes: the best documents' sentences are few, and matching them in
# Python costs far less than an FTS5 query, whose bm25 reads every match in the store.
CUE_PATTERNS = {intent: CueWords(expr) for intent, expr in CUE_EXPRS.items()}


def cue_hits(intent: str, rows: Sequence[Row], *, limit: int) -> list[Hit]:
    """Return, as hits, the sentence rows (id, doc_id, idx, text) that carry the intent's cue
    words, the most cues and the shortest first (a hit made of each of hundreds of rows, for a
    dozen kept, cost a fifth of a millisecond)."""
    pattern = CUE_PATTERNS.get(intent)
    if pattern is None:
        return []
    counted = [(len(found), row) for row in rows if (found := pattern.findall(row[3]))]
    counted.sort(key=lambda cr: (-cr[0], len(cr[1][3]), cr[1][1], cr[1][2]))
    return [Hit(row[0], row[1], row[2], row[3], 0.0) for _, row in counted[:limit]]


@dataclass
class Scored:
    """A candidate sentence and its score."""

    hit: Hit
    doc: DocInfo
    score: float = 0.0
    names: set[str] = field(default_factory=set)  # labels of the entities it names
    concepts: int = 0  # how many topic concepts it carries


def concept_terms(query: Query, places: Sequence[NameTerms] = ()) -> list[NameTerms]:
    """Return one matcher per topic concept (then per place): any variant, its last word by stem.

    Matched on a sentence's joined words like names (``NameTerms.in_joined``): a regex of the
    variants cost 5 us a sentence and concept, a substring test per variant far less.
    """
    out = []
    for variants in query.concepts:
        words = []
        for v in variants:
            toks = folded_words(v)
            if toks:
                *head, last = toks
                words.append((*head, stem(last) + "*"))
        if words:
            out.append(NameTerms(label=variants[0], expr=None, variants=tuple(dict.fromkeys(words))))
    return out + [p for p in places if p.variants]


def headline(doc: DocInfo) -> str:
    """Return what names a document's meeting: its title and the meeting's name, place and format."""
    return " ".join(filter(None, (doc.title, doc.meeting.get("name"), doc.meeting.get("place"),
                                  doc.meeting.get("format"))))


def meeting_fit(query: Query, doc: DocInfo, places: list[NameTerms], in_title: Sequence[bool],
                place_docs: set[str], *, headline_text: str, joined: str) -> tuple[float, float, float]:
    """Return (date, place, title) fit of a document's meeting to the question, each in [0, 1].

    ``in_title`` tells for each topic concept whether the headline (``headline_text``, whose
    words are ``joined``) holds it.
    """
    date = 1.0 if query.date and query.date.contains(doc.date) else 0.0
    if query.date and not date and doc.published and query.date.contains(doc.published):
        date = 0.8
    place = 0.0
    if places:
        if headline_text and any(p.in_joined(joined) for p in places):
            place = 1.0
        elif doc.id in place_docs:
            place = 0.5
    title = (sum(in_title) / len(in_title)) if in_title else 0.0
    return date, place, title


@dataclass(frozen=True)
class DocView:
    """What scoring needs about one candidate document, computed once per question."""

    score: float  # how well its meeting fits the question's date, place and meeting words
    names: set[str]  # focus labels the document names somewhere
    speakers: set[str]  # focus labels that speak most of its attributed statements
    concepts: list[float]  # per concept: 0.6 when its headline holds it, 0.3 its text, else 0
    title_key: str  # its title folded, to spot the title repeated as a sentence


Marks = tuple[frozenset[str], tuple[bool, ...]]  # the focus labels and the concepts a text carries


def marks_of(text: str, focus: list[NameTerms], concepts: list[NameTerms]) -> Marks:
    """Return which focus names (labels) and which concepts ``text`` carries."""
    joined = text_joined(text)
    return (frozenset([n.label for n in focus if n.in_joined(joined)]),
            tuple([c.in_joined(joined) for c in concepts]))


class MarksMemo:
    """The marks of sentences for one question's names and concepts, each computed once."""

    def __init__(self, focus: list[NameTerms], concepts: list[NameTerms]) -> None:
        self.focus, self.concepts = focus, concepts
        self.found: dict[str, Marks] = {}

    def __call__(self, text: str) -> Marks:
        """Return the marks of ``text``."""
        marks = self.found.get(text)
        if marks is None:
            marks = self.found[text] = marks_of(text, self.focus, self.concepts)
        return marks


def score_sentence(item: Scored, query: Query, *, focus: list[NameTerms], concepts: list[NameTerms],
                   weights: list[float], best_rank: float, doc: DocView, previous: str | None,
                   marks: Marks | None = None, weight: dict[str, float] | None = None,
                   wanted: float | None = None) -> None:
    """Set ``item.score``: how much of the question the sentence covers, and its document's fit.

    Every name and every topic concept of the question is one requirement; a name counts fully
    in the sentence, mostly when the sentence continues one that names it ("He added ...") or
    when the document is its speech, and a little when only the document names it. A concept
    the document's headline carries ("London summit") holds for all its sentences. ``weight``
    (each focus label's weight) and ``wanted`` (the weights of everything asked) are the same
    for every sentence of a question: pass them once made.
    """
    text = item.hit.text
    names, in_sentence = marks or marks_of(text, focus, concepts)
    item.names = set(names)
    carried = set(doc.speakers)
    if previous and _CONTINUES.match(text):
        before = text_joined(previous)
        carried |= {n.label for n in focus if n.in_joined(before)}
    carried -= item.names
    item.concepts = sum(in_sentence)
    found = 0.0
    for hit, around, w in zip(in_sentence, doc.concepts, weights, strict=True):
        found += w * (1.0 if hit else around)
    if weight is None:
        weight = {n.label: n.weight for n in focus}
    in_doc = doc.names - item.names - carried
    named = said = elsewhere = 0.0  # summed apart, then together, as sum() did
    for n in item.names:
        named += weight[n]
    for n in carried:
        said += 0.7 * weight[n]
    for n in in_doc:
        elsewhere += 0.35 * weight[n]
    covered = found + named + said + elsewhere
    if wanted is None:
        wanted = sum(weight.values()) + sum(weights)
    score = doc.score + (6.0 * covered / wanted if wanted else 0.0)
    if best_rank < 0 and item.hit.rank < 0:
        score += item.hit.rank / best_rank
    if focus and not doc.names and not doc.speakers:
        score -= 1.5 * max(weight.values())  # a document that never names who the question is about
    item.score = score + _cues(query, text, doc.title_key)


def _cues(query: Query, text: str, title_key: str) -> float:
    """Return what the sentence's form adds: intent words, lists of names, dates, headings."""
    score = 0.0
    cue = INTENT_CUES.get(query.intent)
    if cue and cue.search(text):
        score += 2.0 if query.intent == "attendance" else 1.0
    if query.intent == "attendance" and len(_CAPITALISED.findall(text)) >= 6:
        score += 1.0  # a list of names
    if query.intent == "meeting" and _DATE_WORDS.search(text):
        score += 2.5 if _WHEN.match(query.text) else 1.0  # a sentence that dates the event
    # HEADING matches at most 141 characters, and ends as no sentence does: others skip it.
    heading = len(text) <= 141 and text[-1:] not in _SENTENCE_ENDS and HEADING.fullmatch(text)
    if len(text) < 25 or heading or (len(text) < 300 and text[:1].casefold() == title_key[:1]
                                     and _fold_key(text) == title_key):
        score -= 1.5  # headings and fragments rarely answer anything
    return score


HEADING = re.compile(r".{0,140}[^.!?\"'”»):]")  # short and unpunctuated: a heading
_SENTENCE_ENDS = ".!?\"'”»):"  # what HEADING's last character is not
_DATE_WORDS = re.compile(
    r"(?<!\w)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|"
    r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:19|20)\d\d|"
    r"\d{1,2} (?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)\w*)(?!\w)", re.I)
_WHEN = re.compile(r"\s*(?:when|what date|коли|якого числа|з якої дати)(?!\w)", re.I)
_CAPITALISED = re.compile(r"(?<![\w.])[A-ZА-ЯІЇЄҐ][\w'’-]+")


_NON_WORDS = re.compile(r"\W+")


@lru_cache(maxsize=4096)
def _fold_key(text: str) -> str:
    return _NON_WORDS.sub("", text.casefold())


@dataclass(frozen=True)
class Context:
    """What the ranking knows about the question and the candidate documents."""

    query: Query
    focus: list[NameTerms]
    concepts: list[NameTerms]
    weights: list[float]  # rarer concepts weigh more (an inverse document frequency)
    docs: dict[str, DocInfo]
    views: dict[str, DocView]
    best_rank: float
    marks: dict[str, Marks]  # by sentence text, filled as sentences are scored


def features(retriever: Retriever, query: Query, *, focus: list[NameTerms], concepts: list[NameTerms],
             places: list[NameTerms], hits: list[Hit], frequencies: list[int], total: int,
             memo: MarksMemo | None = None) -> Context:
    """Compute the document-level features of every candidate document, with indexed reads."""
    doc_ids = list({h.doc_id for h in hits})
    docs = retriever.documents(doc_ids)
    memo = memo or MarksMemo(focus, concepts)
    for h in hits:
        memo(h.text)
    marks = memo.found
    topic = len(query.concepts)  # the places follow the topic words
    names, concept_docs, place_docs = _naming_docs(hits, marks, focus, len(concepts), topic)
    # Each headline's words, and which concepts they hold: for the meeting's fit and the view.
    titles = {d: headline(doc) for d, doc in docs.items()}
    joined = {d: text_joined(text) for d, text in titles.items()}
    in_titles = {d: [c.in_joined(joined[d]) for c in concepts] for d in docs}
    fits = {d: meeting_fit(query, doc, places, in_titles[d][:topic], place_docs, headline_text=titles[d],
                           joined=joined[d]) for d, doc in docs.items()}
    date_weight = 0.0
    if any(f[0] for f in fits.values()):
        date_weight = 3.0 if query.date and query.date.exact else 2.0
    speakers = _speakers(retriever, focus, doc_ids)
    views = {}
    for doc_id, doc in docs.items():
        views[doc_id] = DocView(
            score=date_weight * fits[doc_id][0] + 1.5 * fits[doc_id][1] + 1.5 * fits[doc_id][2],
            names={k for k, v in names.items() if doc_id in v},
            speakers={k for k, v in speakers.items() if doc_id in v},
            concepts=[0.6 if title else 0.3 if doc_id in d else 0.0
                      for title, d in zip(in_titles[doc_id], concept_docs, strict=True)],
            title_key=_fold_key(doc.title or ""))
    return Context(query=query, focus=focus, concepts=concepts,
                   weights=idf_weights(frequencies, total) + [1.0] * len(places), docs=docs, views=views,
                   best_rank=min(h.rank for h in hits), marks=marks)


def _naming_docs(hits: list[Hit], marks: dict[str, Marks], focus: list[NameTerms], concepts: int,
                 topic: int) -> tuple[dict[str, set[str]], list[set[str]], set[str]]:
    """Return the documents whose candidate sentences name each focus label, those holding each
    concept, and those holding a place (a concept from ``topic`` on), in one pass over the hits.

    Judged by the candidates: asking FTS5 reads every match in the store (10 ms for a common
    word at 4k documents).
    """
    names: dict[str, set[str]] = {n.label: set() for n in focus}
    concept_docs: list[set[str]] = [set() for _ in range(concepts)]
    place_docs = set()
    for h in hits:
        labels, carried = marks[h.text]
        for label in labels:
            names[label].add(h.doc_id)
        for i, held in enumerate(carried):
            if held:
                concept_docs[i].add(h.doc_id)
                if i >= topic:
                    place_docs.add(h.doc_id)
    return names, concept_docs, place_docs


def _speakers(retriever: Retriever, focus: list[NameTerms], doc_ids: list[str]) -> dict[str, set[str]]:
    """Return, per focus name, the documents where it speaks at least half the attributed statements."""
    if not focus:
        return {}  # nobody to look for: the counts would be read for nothing
    counts = retriever.speaker_counts(doc_ids)
    out: dict[str, set[str]] = {}
    for name in focus:
        for doc_id, by_person in counts.items():
            mine = sum(n for person, n in by_person.items() if person in name.ids)
            if mine >= 2 and 2 * mine >= sum(by_person.values()):
                out.setdefault(name.label, set()).add(doc_id)
    return out


def idf_weights(frequencies: list[int], total: int) -> list[float]:
    """Return one weight per concept from how many sentences hold it: rare words weigh more.

    An inverse document frequency scaled by half the largest one possible, so that a word in
    one sentence of a thousand weighs about 1.6 and a word in every third sentence about 0.3.
    """
    scale = 0.5 * math.log(total + 1)
    return [min(max(math.log((total + 1) / (f + 0.5)) / scale, 0.2), 2.0) for f in frequencies]


ReadPrevious = Callable[[list[Hit]], dict[tuple[str, int], str]]  # the sentence before each hit


def score_hits(ctx: Context, hits: list[Hit], retriever: Retriever, *,
               read_previous: ReadPrevious | None = None) -> list[Scored]:
    """Return the scored hits, best first; ``read_previous`` reads the sentence before each of
    some hits (by default with one query)."""
    # Only a sentence that continues another ("He added ...") needs the one before it, and only
    # to tell whether it names someone asked about.
    read = read_previous or retriever.previous_sentences
    previous = read([h for h in hits if h.idx > 0 and _CONTINUES.match(h.text)][:200]) if ctx.focus else {}
    ranked = []
    weight = {n.label: n.weight for n in ctx.focus}
    wanted = sum(weight.values()) + sum(ctx.weights)
    for hit in hits:
        doc = ctx.docs.get(hit.doc_id)
        if doc is None:
            continue
        item = Scored(hit=hit, doc=doc)
        score_sentence(item, ctx.query, focus=ctx.focus, concepts=ctx.concepts, weights=ctx.weights,
                       weight=weight, wanted=wanted, best_rank=ctx.best_rank, doc=ctx.views[hit.doc_id],
                       previous=previous.get((hit.doc_id, hit.idx - 1)),
                       marks=ctx.marks.get(hit.text))
        ranked.append(item)
    ranked.sort(key=lambda s: (-s.score, s.hit.doc_id, s.hit.idx))
    return ranked
