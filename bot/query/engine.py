"""QueryEngine: question in, Answer out, built once per store and reused for every question."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bot.entities import Entity, EntityIndex
from bot.query import compose, facts
from bot.query.answer import Answer
from bot.query.facts import INTENT_TABLE, top_docs
from bot.query.names import NameTerms, combine, may_name, name_terms, office_terms, text_joined, word_terms
from bot.query.parse import Query, parse_question
from bot.query.pick import ANSWERING, subjects
from bot.query.rank import (
    INTENT_CUES,
    MarksMemo,
    Scored,
    concept_terms,
    continues,
    cue_hits,
    features,
    score_hits,
)
from bot.query.retrieve import DocInfo, Hit, Retriever
from bot.query.scope import asked_meeting
from bot.query.terms import (
    COMMON_SHARE,
    STOPWORDS,
    all_of,
    any_of,
    concept_expr,
    concept_prefixes,
    fts_tokens,
    searchable,
    topic_phrases,
)
from bot.resources import read_data_json

if TYPE_CHECKING:
    from storage.store import Store

_GENERAL_WORDS: dict[str, dict[str, str]] = {
    intent: words for intent, words in read_data_json("query", "general_words.json").items()
    if not intent.startswith("_")}
_CANDIDATES = 60  # sentences by topic alone; every one is scored in Python
_NARROW = 30  # by every word, by name and topic; half as many by name alone or in dated documents
_DOC_SENTENCES = 400  # of each best document, searched for the intent's cue words
_DAY_DOCS, _DAY_SENTENCES = 12, 300  # a day's reports small enough to match in Python
_HELD_READ = 10  # reports of the meetings asked about read sentence by sentence
_DATED_ENOUGH = 1  # sentences of the time asked about that make store-wide searches a fallback


@dataclass(frozen=True)
class Focus:
    """Who the question is about, split into what the store knows and what it does not."""

    present: list[NameTerms]
    missing: list[str]
    decisive_missing: bool = False  # a person or the question's subject is unknown to the store


class QueryEngine:
    """Answer questions from one store; build once and call ``answer`` for each question."""

    def __init__(self, store: Store, *, index: EntityIndex | None = None) -> None:
        self.store = store
        self.index = index or EntityIndex.default()
        self.retriever = Retriever(store.db)
        self._terms: dict[str, NameTerms] = {}
        self._people_by_country: dict[str, list[Entity]] | None = None
        self._titles: dict[str, list[str]] | None = None
        self._spellings: dict[str, tuple[list[NameTerms], NameTerms]] = {}  # by office title
        self._lookups = compose.Lookups(sentence_text=self._sentence_text, people_in=self._people_in,
                                        document_text=self._document_text, holder=self._holder,
                                        attendees=self._attendees)

    def _attendees(self, doc_id: str) -> list[dict[str, Any]]:
        return self.retriever.facts("attendances", [doc_id])

    def _document_text(self, doc_id: str) -> str:
        return self.retriever.document_text(doc_id)

    def _sentence_text(self, doc_id: str, index: int) -> str | None:
        return self.retriever.sentence_texts([(doc_id, index)]).get((doc_id, index))

    def _holder(self, title: str, country: str, date: str) -> str | None:
        """Return who held ``title`` for ``country`` on ``date`` by the gazetteer's dated roles."""
        held = [p.name for p in self._officials().get(country, []) for r in p.roles
                if r.country == country and r.title.casefold() == title.casefold()
                and (r.start or "") <= date <= (r.end or "9999")]
        return held[0] if len(held) == 1 else None

    def _people_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(m.entity.name for m in self.index.find_mentions(text, kinds=("person",))))

    def answer(self, question: str) -> Answer:
        """Return the answer to ``question`` (tracking questions are routed away in bot.ask)."""
        with self.retriever.question():
            return self._answer(question)

    def _answer(self, question: str) -> Answer:
        query = parse_question(question, index=self.index)
        if not fts_tokens(query.text):
            return compose.nothing(query, reason="empty")
        general = _general_word(query)
        if general is not None:
            # "what was signed?" names nothing: it asks for the agreements the store knows.
            return replace(self._answer(f"{question} {general}"), question=query.text)
        focus = self._focus(query)
        query, focus = self._unfound_meetings(query, focus)
        if focus.decisive_missing or (focus.missing and not focus.present):
            return compose.unknown(query, focus.missing, self._suggest(focus.missing))
        # A subject that became a name is no topic word any more.
        names = {w for f in focus.present for w in f.label.split()}
        query = replace(query, focus_terms=tuple(focus.present),
                        concepts=tuple(c for c in query.concepts if c[0] not in names))
        scoped = query.intent in ANSWERING or query.intent == "meeting"
        meeting = asked_meeting(query, self.index, self.retriever, respell=self._respell) if scoped else None
        if meeting is not None and not meeting.docs and query.intent in ANSWERING:
            # "at the Mercosur summit": no report on it, so nothing answers
            return compose.unknown_meeting(query, meeting.words)
        if meeting is not None and meeting.docs:
            # The meeting's words say where, not what about: its reports are the answer's scope.
            query = replace(query, scope_docs=meeting.docs, scope_words=meeting.words,
                            concepts=tuple(c for c in query.concepts if c[0] not in meeting.clause))
        ranked = self._rank(query, focus.present)
        if not ranked or (not focus.present and max(s.concepts for s in ranked) * 3 < len(query.concepts)):
            # Nothing names who the question is about, and no sentence carries a third of its words.
            return compose.nothing(query, reason="no-match")
        elsewhere: list[Scored] = []
        if query.scope_docs is not None:  # the meeting asked about: its reports alone answer
            elsewhere = [s for s in ranked if s.hit.doc_id not in query.scope_docs]
            ranked = [s for s in ranked if s.hit.doc_id in query.scope_docs]
        found = facts.collect(self.retriever, query, ranked, focus.present)
        # Titles, bylines and "Source:" lines (marked at ingest) find a report, but answer nothing.
        hidden = self.retriever.boilerplate(list(dict.fromkeys(s.hit.doc_id for s in ranked)))
        answer = compose.build(query, ranked, found, missing=focus.missing, lookups=self._lookups,
                               hidden=hidden)
        if answer.found or not elsewhere or query.intent not in ANSWERING:
            return answer
        # Nothing there: where the target's facts are, as a labelled line that answers nothing.
        return compose.with_elsewhere(answer, query, elsewhere,
                                      facts.collect(self.retriever, query, elsewhere, focus.present))

    # -- who the question is about ----------------------------------------------------------

    def terms(self, entity: Entity) -> NameTerms:
        """Return (cached) how to find ``entity`` in sentences; a country also by its officials."""
        if entity.id not in self._terms:
            terms = name_terms(entity)
            if entity.kind == "country":
                people = [name_terms(p) for p in self._officials().get(entity.name, [])]
                # Officials count in scoring; searching by all their names would be slow and noisy.
                if people:
                    terms = replace(combine([terms, *people], label=entity.name), expr=terms.expr)
            self._terms[entity.id] = terms
        return self._terms[entity.id]

    def _officials(self) -> dict[str, list[Entity]]:
        if self._people_by_country is None:
            self._people_by_country = {}
            for person in self.index.entities("person"):
                countries: set[str | None] = {r.country for r in person.roles if r.country}
                for country in countries or {person.country}:
                    if country:
                        self._people_by_country.setdefault(country, []).append(person)
        return self._people_by_country

    def _focus(self, query: Query) -> Focus:
        shared = {i: words for words, ids in query.ambiguous for i in ids}
        groups = [self.terms(p) for p in query.persons if p.id not in shared]
        for words, ids in query.ambiguous:
            people = [p for p in query.persons if p.id in ids]
            groups.append(combine([self.terms(p) for p in people], label=words))
        if query.role_persons:
            # "the Canadian PM": any holder of the office, or the office named in the text.
            holders = [self.terms(p) for p in query.role_persons if p.id not in {e.id for e in query.persons}]
            office = self._office(query.role_title)
            scopes = [self.terms(e) for s in query.role_scopes if (e := self.index.resolve(s))]
            label = " / ".join(h.label for h in holders) or (query.role_title or "")
            groups.append(office_terms(holders, office, combine(scopes, label="scope") if scopes else None,
                                       label=label))
        for name in (*query.countries, *query.orgs):
            if name in query.role_scopes:
                continue  # part of the office: "the Italian PM" is no other PM, nor all of Italy
            entity = self.index.resolve(name)
            groups.append(self.terms(entity) if entity else word_terms([name], label=name))
        present = [g for g in groups if self.retriever.exists(g.expr)]
        missing = [g.label for g in groups if g not in present]
        decisive = any(self.terms(p) not in present for p in query.persons if p.id not in shared)
        if query.intent in ANSWERING and missing:
            # "what did Australia promise Ukraine": the actor is unknown, so nothing answers;
            # Ukraine's own facts would answer another question.
            actors = subjects(replace(query, focus_terms=tuple(groups)))
            decisive = decisive or any(a not in present for a in actors)
        for subject in query.subjects:
            # Present when its words (or their variants) are in one stored sentence together; then
            # it is who the question is about, like a known name ("what did Makstrom say"). One
            # word of a longer unknown name ("un" of "Kim Jong Un") names nobody on its own.
            variants = [self._respell(v) for v in topic_phrases(subject.split())]
            exprs = [concept_expr(v) for v in variants]
            if not self.retriever.exists(all_of(exprs) or any_of(exprs)):
                missing.append(subject)
                decisive = True
            elif query.intent in ("statement", "commitment") and len(variants) == 1:
                named = [word_terms([v], label=v) for v in variants[0]]
                present.append(replace(combine(named, label=subject), weight=1.5))
        return Focus(present=present, missing=missing, decisive_missing=decisive)

    def _unfound_meetings(self, query: Query, focus: Focus) -> tuple[Query, Focus]:
        """Return a question about an event whose format no report names as the index spells it
        ("the global peace summit") with the words it was written in as its topic."""
        unfound = [m for m in focus.missing if m in query.orgs]
        if query.intent not in ("meeting", "search") or not unfound:
            return query, focus
        written = " ".join(query.said_as.get(m, m) for m in unfound)
        words = [w for w in fts_tokens(written) if w not in STOPWORDS]
        concepts = (*query.concepts, *topic_phrases(words))
        missing = [m for m in focus.missing if m not in unfound]
        return replace(query, concepts=concepts), replace(focus, missing=missing)

    def _office(self, title: str | None) -> NameTerms:
        """Return how to find an office by any of its spellings, searching only those that some
        stored sentence holds.

        FTS5 walks the word lists of every phrase of an OR before it can rule it out: the 18
        spellings of "defence minister" cost 10-25 ms a search at 5k documents, most of them
        spellings no report uses. Each is looked up once (kept across writes that cannot add
        it); a spelling that no sentence holds finds nothing, so the searches find the same.
        The text of a fact is still matched by every spelling.
        """
        key = title or ""
        if key not in self._spellings:  # the gazetteer's: the same for every question
            spellings = [word_terms([t], label=t) for t in self._title_names(title)]
            self._spellings[key] = (spellings, combine(spellings, label=key))
        spellings, office = self._spellings[key]
        return replace(office, expr=any_of([s.expr for s in spellings if self.retriever.exists(s.expr)]))

    def _title_names(self, title: str | None) -> list[str]:
        """Return every spelling of an office ("Prime Minister", "PM", "Прем'єр-міністр")."""
        if not title:
            return []
        if self._titles is None:
            from bot.entities.gazetteer import read

            self._titles = read("titles.json")
        return [title, *self._titles.get(title, [])]

    def _suggest(self, names: list[str]) -> list[str]:
        from rapidfuzz import fuzz

        out: list[str] = []
        for name in names:
            for entity in self.index.suggest(name, limit=3):
                close = max(fuzz.WRatio(name, alias) for alias in (entity.name, *entity.aliases))
                if close >= 75 and self.retriever.exists(self.terms(entity).expr):
                    out.append(entity.name)
        return list(dict.fromkeys(out))[:5]

    # -- ranking ----------------------------------------------------------------------------

    def _rank(self, query: Query, focus: list[NameTerms]) -> list[Scored]:
        total = max(self.retriever.sentence_count(), 1)
        frequencies = [self.retriever.frequency(concept_prefixes(c)) for c in query.concepts]
        if 0 in frequencies:
            # A word no sentence holds is often a typo ("minks"): use the closest stored word.
            query = self._respelt_places(replace(query, concepts=tuple(
                self._respell(c) if f == 0 else c for c, f in zip(query.concepts, frequencies, strict=True))))
            frequencies = [self.retriever.frequency(concept_prefixes(c)) for c in query.concepts]
        named = zip(query.places, query.place_words, strict=True)
        # A place with words to find (its regex, compiled only to be tested, cost 2 ms a question).
        places = [p for name, words in named if (p := self._place(name, words)).variants]
        concepts = concept_terms(query, places)
        words = searchable(query.concepts, frequencies, total)
        topic = any_of([*words, *(p.expr for p in places)])
        # Searches return the newest matches, not the best: sentences with every word come first.
        memo = MarksMemo(focus, concepts)  # sentences met twice are matched once
        hits = self._candidates(query, focus, topic, every=all_of(words), places=places, memo=memo)
        if query.scope_docs:  # the reports of the meeting asked about, however low they rank
            hits.update(self._held(query, focus, sorted(query.scope_docs), memo=memo))
        if not hits:
            return []
        context = features(self.retriever, query, focus=focus, concepts=concepts, places=places, memo=memo,
                           hits=list(hits.values()), frequencies=frequencies, total=total)
        ranked = score_hits(context, list(hits.values()), self.retriever)
        # The best documents' own sentences that carry the intent ("was attended by ...").
        best = top_docs(ranked, 3)
        rows = [row for row in self.retriever.sentence_rows(best) if row[2] < _DOC_SENTENCES]
        more = cue_hits(query.intent, rows, limit=12)
        # ... and the sentences of the best one that name someone or something asked about: a
        # name may sit in a sentence with no other cue. (Those scored already are left out first.)
        more += [Hit(row[0], row[1], row[2], row[3], 0.0) for row in rows if row[1] == best[0] and row[2] < 60
                 and row[0] not in hits and _worth(row[3], query, memo)]
        new = list({h.id: h for h in more if h.id not in hits}.values())
        if new:
            # The sentences before these are in the documents just read.
            ranked += score_hits(context, new, self.retriever, read_previous=lambda continuing: (
                self.retriever.sentence_texts([(h.doc_id, h.idx - 1) for h in continuing])))
            ranked.sort(key=lambda s: (-s.score, s.hit.doc_id, s.hit.idx))
        return ranked

    def _candidates(self, query: Query, focus: list[NameTerms], topic: str | None, *,
                    every: str | None, places: list[NameTerms], memo: MarksMemo) -> dict[int, Hit]:
        """Return the sentences worth scoring: by topic, by name and topic, by name, by fact, by date."""
        # With a name, its own searches below find the sentences that answer: the topic alone
        # mostly adds sentences of documents that never name it, each scored to rank low.
        dated = self._dated_candidates(query, focus, topic, every=every, places=places, memo=memo) \
            if query.date else {}
        # The reports of the time asked about answer a dated question. When those of a day or a
        # month name whom or what it asks about, they are the candidates: the newest matches from
        # any time would only be scored to rank below them (half of an answer's time at 20k
        # documents). Otherwise, and for a year, the newest matches still catch a date the
        # question got wrong (fewer of them when the time's reports gave some).
        relevant = sum(1 for h in dated.values() if any((m := memo(h.text))[1]) or m[0])
        if query.date and query.date.narrow and relevant >= _DATED_ENOUGH:
            if query.companions:  # "who came with X": where X attended, a report undated too
                dated.update((h.id, h) for h in self._fact_hits(query, focus))
            return dated
        share = 4 if len(dated) >= _DATED_ENOUGH else 1
        hits: dict[int, Hit] = {}
        for name in focus:
            if topic and name.expr:
                both = f"({name.expr}) AND ({topic})"
                hits.update((h.id, h) for h in self.retriever.search(both, limit=_NARROW // share))
            hits.update((h.id, h) for h in self.retriever.search(name.expr, limit=_NARROW // 2 // share))
        # Sentences that name whom the question is about with its topic answer it; when there
        # are enough of them, the topic alone (from documents that may never name them) is a
        # fallback too.
        named = share if len(hits) < _NARROW // 2 else 4
        wide = _CANDIDATES if not focus else _NARROW // 2
        every_limit = (_NARROW if not focus else wide) // named
        hits.update((h.id, h) for h in self.retriever.search(every, limit=every_limit))
        hits.update((h.id, h) for h in self.retriever.search(topic, limit=wide // named))
        hits.update((h.id, h) for h in self._fact_hits(query, focus, limit=30 // share))
        hits.update(dated)
        return hits

    def _dated_candidates(self, query: Query, focus: list[NameTerms], topic: str | None, *,
                          every: str | None, places: list[NameTerms], memo: MarksMemo) -> dict[int, Hit]:
        """Return sentences of the documents of the time asked about, by name, topic, fact and place."""
        assert query.date is not None
        dated = self.retriever.docs_dated(query.date.start, query.date.end, has_year=query.date.has_year)
        both = [f"({f.expr}) AND ({topic})" for f in focus if topic and f.expr]
        facts = bool(both and INTENT_TABLE.get(query.intent))
        # Names alone unless their facts are looked up below or they are everywhere.
        alone = [f for f in focus if not (facts and f.ids) and not self._common(f)]
        date = query.date
        meetings = self.retriever.meetings_dated(date.start, date.end, has_year=date.has_year)
        # The meetings held then, there or by whom the question names: their reports answer it
        # better than every report of the day.
        held = meetings.naming([*places, *focus])
        if not held and len(query.concepts) > 1:
            # Or whose names hold every topic word: a meeting asked about in words no name in
            # the index matches ("the Joint Exeditionary Force"). One word ("Ljubljana") is too
            # little: a report may name it in its text and not in its meeting's name.
            held = meetings.naming_all(concept_terms(query))
        small = len(dated) <= _DAY_DOCS and not held
        few = self.retriever.openings(dated, upto=_DOC_SENTENCES) if small else []
        if held:
            hits = self._held(query, focus, held, memo=memo)
        elif few and len(few) <= _DAY_SENTENCES:  # a day's few reports: matched here
            labels = {f.label for f in alone}
            hits = {h.id: h for h in few if any((m := memo(h.text))[1]) or m[0] & labels}
        else:
            # Names with the topic, every word, the topic, names alone: each newest first.
            hits = {}
            for expr in [*both, every, topic, *(f.expr for f in alone)]:
                hits.update((h.id, h) for h in self.retriever.search(expr, doc_ids=dated, limit=_NARROW // 2))
        if not held:  # the held meetings' facts are in already
            hits.update((h.id, h) for h in self._fact_hits(query, focus, doc_ids=dated))
        if not topic and not focus:  # "list the meetings in 2025": the documents of that time
            hits.update((h.id, h) for h in self.retriever.openings(dated[:30]))
        return hits

    def _held(self, query: Query, focus: list[NameTerms], held: list[str], *,
              memo: MarksMemo) -> dict[int, Hit]:
        """Return what the reports of the meetings asked about say of the names asked about."""
        hits = {h.id: h for h in self._fact_hits(query, focus, doc_ids=held[:50])}
        # Reports with facts about whom the question names come first: a dense month holds a
        # dozen meetings in one city, and those reports are the ones that answer.
        with_facts = dict.fromkeys(h.doc_id for h in hits.values())
        held = [*with_facts, *(d for d in held if d not in with_facts)][:_HELD_READ]
        # Of the first two, every sentence that names someone or something asked about, carries
        # the intent's cue or continues the one before ("He added"); of the others, those naming
        # whom the question is about, or their title and lead when it names no one (a meeting
        # held in three cities that day). The rest would be scored to rank low.
        first_two = set(held[:2])
        lead = 0 if focus else 2
        rows = [row for row in self.retriever.sentence_rows(held) if row[2] < 60]
        # Of the others, only those holding a word a name begins with are split into words.
        others = [row for row in rows if row[1] not in first_two] if focus else []
        naming = {row[0] for row, may in zip(others, may_name(focus, [r[3] for r in others]), strict=True)
                  if may and any(f.in_joined(text_joined(row[3])) for f in focus)}
        for row in rows:
            kept = _worth(row[3], query, memo) if row[1] in first_two else (row[2] < lead or row[0] in naming)
            if kept:
                hits[row[0]] = Hit(row[0], row[1], row[2], row[3], 0.0)
        return hits

    def _common(self, name: NameTerms) -> bool:
        """Tell whether a name is in so many sentences that it alone singles out nothing."""
        words = [v[0].rstrip("*") for v in name.variants if len(v) == 1]  # phrases are far rarer
        total = max(self.retriever.sentence_count(), 1)
        return bool(words) and self.retriever.frequency(words) > COMMON_SHARE * total

    def _respell(self, concept: tuple[str, ...]) -> tuple[str, ...]:
        """Return the concept with the closest stored word added, for a one-word typo."""
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        word = concept[0]
        if " " in word or len(word) < 4 or word.isdigit():
            return concept
        if word in self.retriever.words_starting(word, limit=100):
            return (*concept, word)  # stored as written: the closest word is itself, found at once
        cutoff = 85 if len(word) < 5 else 80
        # ratio is at most 200 * shorter / (both lengths): skip words too long or short to reach it.
        size = len(word)
        near = sorted(w for length, words in self.retriever.words_by_length(word[:1]).items()
                      if 200 * min(size, length) >= cutoff * (size + length) for w in words)
        found = process.extract(word, near, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
        close = [w for w, _, _ in found]
        if not close:
            return concept
        # A swap of two letters is one slip of the finger ("Levasrki"): counted as one edit, it
        # can be as close to two stored words ("Levarski", "Levaski"). Both are searched then.
        edits = {w: OSA.distance(word, w) for w in close}
        fewest = min(edits.values())
        if fewest > (1 if size < 8 else 2):
            return concept  # "Boric" is not a slip for "Biloric": two edits in five letters
        return (*concept, *[w for w in close if edits[w] == fewest][:3])

    def _respelt_places(self, query: Query) -> Query:
        """Return the query with a misspelt place ("Soifa", respelt "sofia") asked about as the
        place the index knows: the reports of the meetings held there answer it."""
        places, words, concepts = list(query.places), list(query.place_words), []
        for concept in query.concepts:
            entity = next((e for w in concept[1:] if (e := self.index.resolve(w, "place"))), None)
            if entity is None or entity.kind != "place" or entity.name in places:
                concepts.append(concept)
                continue
            places.append(entity.name)
            words.append(concept[0])
        if len(concepts) == len(query.concepts):
            return query
        return replace(query, concepts=tuple(concepts), places=tuple(places), place_words=tuple(words))

    def _place(self, name: str, words: str) -> NameTerms:
        """Return how to find a place: as the question wrote it, or by any of its names."""
        entity = self.index.resolve(name, "place") or self.index.resolve(name)
        written = word_terms([words], label=name)
        return combine([written, self.terms(entity)], label=name) if entity else written

    def _fact_hits(self, query: Query, focus: list[NameTerms], *,
                   doc_ids: list[str] | None = None, limit: int = 30) -> list[Hit]:
        """Return sentences behind facts about the focus, even where a pronoun names it."""
        table = INTENT_TABLE.get(query.intent)
        if not table or table == "agreements" or not focus:
            return []
        ids = sorted({i for f in focus for i in f.ids})
        column = "person_id" if query.persons or query.role_persons else (
            "country" if table == "attendances" else "actor_country")
        if table == "statements" and column != "person_id":
            return []
        return self.retriever.fact_sentences(table, column, ids, doc_ids=doc_ids, limit=limit)


def _worth(text: str, query: Query, memo: MarksMemo) -> bool:
    """Tell whether a sentence of a report names someone or something asked about, carries the
    intent's cue or continues the one before ("He added"): the rest would be scored to rank low."""
    names, topic = memo(text)
    cue = INTENT_CUES.get(query.intent)
    return bool(names) or any(topic) or bool(cue and cue.search(text)) or continues(text)


_ENGINES: dict[int, QueryEngine] = {}


def engine_for(store: Store) -> QueryEngine:
    """Return the engine of ``store``, building it on first use."""
    engine = _ENGINES.get(id(store))
    if engine is None or engine.store is not store:
        engine = _ENGINES[id(store)] = QueryEngine(store)
    return engine


__all__ = ["DocInfo", "QueryEngine", "engine_for"]


def _general_word(query: Query) -> str | None:
    """Return the word that searches a kind's facts in general when a question of that kind
    names nothing (no name, place, office, date or topic), in its language; else None."""
    if query.has_names or query.places or query.role_title or query.date or query.concepts \
            or query.subjects:
        return None
    return _GENERAL_WORDS.get(query.intent, {}).get(query.lang)
