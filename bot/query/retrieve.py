"""Indexed reads for the query engine: FTS5 sentence search, documents, meetings and facts.

Every read is a MATCH on the sentence index or a lookup by primary key or ``doc_id``; nothing
here scans a table in Python. A search within a few documents reads their sentences by
``doc_id`` and matches them in Python (bot.query.within): FTS5 cannot narrow a MATCH by document.
"""
from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlite_utils import Database

from bot.query.changes import Batches, ChangeLog, adds_to
from bot.query.counts import WordCounts
from bot.query.fts_plan import simplified
from bot.query.id_runs import read_runs, search_runs
from bot.query.match import ExpressionError
from bot.query.names import folded_words
from bot.query.periods import AllMeetings, MeetingNames, Periods
from bot.query.terms import quote
from bot.query.vocabulary import Vocabulary
from bot.query.within import DocumentSentences, Row
from storage.sql import marks, rows

log = logging.getLogger(__name__)
T = TypeVar("T")

_MAX_CACHED_DOCS = 20000  # a DocInfo is well under 1 KB
_DERIVED_KINDS = 32  # kinds of derived() values kept: about one per meeting asked about
_ALL_WORDS = 30000  # words a prefix may stand for in a spelling suggestion
_EXPANDED = 12  # words a prefix may stand for and still be searched as those words
_LONE_PREFIX = re.compile(r'(?<![+] )"([^"\s]+)"\*(?! [+])')  # not part of a phrase
_PHRASE_PREFIX = re.compile(r'((?:"[^"\s]+" [+] )+)"([^"\s]+)"\*(?! [+])')  # "air" + "defenc"*
_WHOLE = 60  # sentences: from this many on, "the first n" is read as the whole document
_MATCHED_HERE = 60  # documents (about 1,200 sentences) searched in Python rather than by FTS5
_MEETING_COLUMNS = ("doc_id", "name", "date", "place", "format", "sentence")  # DocInfo.meeting
FACT_TABLES = ("attendances", "statements", "commitments", "agreements")
_INDEXED = {"person_id", "country", "actor_country"}
# Newest first, without bm25: FTS5's bm25 counts every match of every phrase in the whole store
# for its weights (about 8 ms a search at 4k documents, growing with the store); the engine
# scores the sentences itself, and narrower searches (every word, name and topic) come first.
_SENTENCE_SQL = (
    "select s.id, s.doc_id, s.idx, s.text, 0.0 "
    "from sentences_fts join sentences s on s.id = sentences_fts.rowid "
    "where sentences_fts match ? order by sentences_fts.rowid desc limit ?"
)


@dataclass(frozen=True)
class Hit:
    """One sentence found by full-text search."""

    id: int
    doc_id: str
    idx: int
    text: str
    rank: float  # bm25 when known (lower is better); 0.0 for a plain match


@dataclass(frozen=True)
class DocInfo:
    """A document's provenance and the meeting it reports on."""

    id: str
    title: str
    publisher: str
    published: str | None
    url: str | None
    language: str | None
    meeting: dict[str, Any]

    @property
    def date(self) -> str | None:
        """Return the meeting date, or the publication date when the meeting has none."""
        return self.meeting.get("date") or self.published

    def source(self) -> dict[str, Any]:
        """Return the ``source`` field of a result."""
        return {"title": self.title, "publisher": self.publisher, "published": self.published,
                "url": self.url}


class Retriever:
    """Typed reads over one store's database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.counts = WordCounts(db)  # kept across saves, moved by what each changed
        # Read-mostly data kept between questions; a write forgets what it changed (_forget).
        self._version: tuple[int, int] = (-1, -1)
        self._questions = 0  # questions being answered, the store checked as each began
        self._count: int | None = None  # sentence_count()
        self._docs: dict[str, DocInfo] = {}
        # Look-ups kept across writes, each stamped and checked against later changes when used.
        self._words: dict[tuple[str, int], tuple[int, list[str]]] = {}
        self._by_length: dict[str, tuple[list[str], dict[int, list[str]]]] = {}
        # A name is looked up by every question about it: the document of a match, or None.
        self._exists: dict[str, tuple[int, str | None]] = {}
        self._speakers: dict[str, dict[str, int]] = {}
        self._derived: dict[Hashable, dict[str, Any]] = {}  # derived(): per kind, per document
        self.vocabulary = Vocabulary(db, kept=True)  # cleared below with what a write changed
        self.periods = Periods(db)
        self.meetings = AllMeetings(db)
        self.within = DocumentSentences(db)
        self.changes = ChangeLog(db)
        self.batches = Batches()

    @contextlib.contextmanager
    def question(self) -> Iterator[None]:
        """Check once, for the reads of one question, whether the store has changed.

        Every read checks otherwise (about 16 ``pragma data_version`` a question); a commit by
        another connection in the middle of a question is seen by the next one.
        """
        self._fresh()
        self._questions += 1
        try:
            yield
        finally:
            self._questions -= 1

    def _fresh(self) -> None:
        """Empty the caches when the store has changed since they were filled."""
        if self._questions and self.db.conn.total_changes == self._version[1]:
            return  # checked when the question began, and this connection has written nothing since
        # data_version moves when another connection commits, total_changes when this one writes.
        version = (self.db.execute("pragma data_version").fetchone()[0], self.db.conn.total_changes)
        if version == self._version and len(self._docs) <= _MAX_CACHED_DOCS:
            return
        self._version = version
        changed = self.changes.since_last()
        if changed is None or len(self._docs) > _MAX_CACHED_DOCS:
            self._clear()
        elif changed:
            self._forget(changed)

    def _clear(self) -> None:
        self._count = None
        self._docs.clear()
        self._words.clear()
        self._by_length.clear()
        self._exists.clear()
        self._speakers.clear()
        self._derived.clear()
        self.periods.clear()
        self.meetings.clear()
        self.within.clear()
        self.vocabulary.clear()
        self.counts.clear()
        self.batches.reset()

    def _forget(self, doc_ids: frozenset[str]) -> None:
        """Forget what the saved or deleted documents can have changed, and keep the rest.

        A bot whose feeds save a document between questions would otherwise read again every
        document, name and word its next questions need (about half again a warm answer's time).
        """
        self._count = None
        for doc_id in doc_ids:
            self._docs.pop(doc_id, None)
            self._speakers.pop(doc_id, None)
            for kept in self._derived.values():
                kept.pop(doc_id, None)
        self.periods.forget(doc_ids)  # a document's date may have moved it between periods
        self.meetings.forget(doc_ids)
        self.within.forget(doc_ids)
        self.vocabulary.clear()
        self.counts.follow()
        rows = self.within.rows(sorted(doc_ids))  # the documents' sentences now (none if deleted)
        # Word and name look-ups are checked against these words when next used.
        self.batches.add(doc_ids, sorted({w for r in rows for w in folded_words(r[3])}))  # uncached, as saved

    def search(self, expr: str | None, *, limit: int = 100, doc_ids: list[str] | None = None) -> list[Hit]:
        """Return sentences matching the FTS5 expression, newest first."""
        if not expr or doc_ids == []:
            return []
        if doc_ids is not None and len(doc_ids) <= _MATCHED_HERE:
            try:
                self._fresh()
                return [_hit(row) for row in self.within.search(expr, doc_ids, limit=limit)]
            except ExpressionError:  # syntax the matcher does not read: FTS5 still does
                log.warning("matched by FTS5 instead: %.80r", expr)
        if doc_ids is not None:  # a month's reports: the matches' ids against theirs
            runs = self.derived("id runs", doc_ids, lambda missing: read_runs(self.db, missing))
            spans = sorted(span for d in dict.fromkeys(doc_ids) for span in runs.get(d, ()))
            found = search_runs(self.db, self._planned(expr), spans, limit=limit)
            return [Hit(*row) for row in found]
        return [Hit(*row) for row in self.db.execute(_SENTENCE_SQL, [self._planned(expr), limit]).fetchall()]

    def sentence_rows(self, doc_ids: list[str]) -> list[Row]:
        """Return (id, doc_id, idx, text) of every sentence of the documents, by document."""
        self._fresh()
        return self.within.rows(doc_ids)

    def exists(self, expr: str | None) -> bool:
        """Tell whether any sentence matches the FTS5 expression."""
        if not expr:
            return False
        self._fresh()
        kept = self._exists.get(expr)
        where = self._checked_match(expr, *kept) if kept else (None, False)
        if not where[1]:
            if len(self._exists) > 4096:
                self._exists.clear()
            row = self.db.execute("select s.doc_id from sentences_fts join sentences s "
                                  "on s.id = sentences_fts.rowid where sentences_fts match ? limit 1",
                                  [self._planned(expr)]).fetchone()
            where = (row[0] if row else None, True)
        self._exists[expr] = (self.batches.stamp, where[0])
        return where[0] is not None

    def _checked_match(self, expr: str, stamp: int, where: str | None) -> tuple[str | None, bool]:
        """Return where ``expr`` matched when looked up at ``stamp``, checked against the
        documents changed since, and whether that is known without searching the store again.

        A match in a changed document may be gone; a name found nowhere may be in one now.
        """
        later = self.batches.since(stamp)
        if later is None or (where is not None and any(where in b.doc_ids for b in later)):
            return None, False
        if where is not None or not later:
            return where, True
        try:
            found = self.within.search(expr, sorted(frozenset().union(*(b.doc_ids for b in later))), limit=1)
        except ExpressionError:
            return None, False
        return (found[0][1] if found else None), True

    def sentence_count(self) -> int:
        """Return (about) how many sentences are stored: the largest id, read from the index."""
        self._fresh()
        if self._count is None:
            row = self.db.execute("select max(id) from sentences").fetchone()
            self._count = int(row[0] or 0)
        return self._count

    def frequency(self, prefixes: list[str]) -> int:
        """Return in how many sentences words starting with any of ``prefixes`` occur (summed)."""
        self._fresh()
        return sum(self.counts.count(p) for p in dict.fromkeys(p for p in prefixes if p))

    def words_starting(self, prefix: str, *, limit: int = _ALL_WORDS) -> list[str]:
        """Return stored words that start with ``prefix`` (for spelling suggestions)."""
        self._fresh()
        kept = self._words.get((prefix, limit))
        if kept is not None and kept[0] != self.batches.stamp:
            # Words are only ever added (the vocabulary keeps those of deleted sentences).
            later = self.batches.since(kept[0])
            if later is None or any(adds_to(kept[1], prefix, limit, b.words) for b in later):
                kept = None
        if kept is None:
            if len(self._words) > 4096:  # every misspelt or asked-about word adds one
                self._words.clear()
                self._by_length.clear()
            kept = (self.batches.stamp, self.vocabulary.starting(prefix, limit=limit))
        self._words[(prefix, limit)] = (self.batches.stamp, kept[1])
        return kept[1]

    def words_by_length(self, prefix: str) -> dict[int, list[str]]:
        """Return ``words_starting(prefix)`` by their length: a spelling fix looks at lengths
        close to the misspelt word's, and a first letter starts thousands of words at 20k documents."""
        words = self.words_starting(prefix)
        kept = self._by_length.get(prefix)
        if kept is None or kept[0] is not words:  # made from another reading of the words
            sized: dict[int, list[str]] = {}
            for word in words:
                sized.setdefault(len(word), []).append(word)
            kept = self._by_length[prefix] = (words, sized)
        return kept[1]

    def _planned(self, expr: str) -> str:
        """Return ``expr`` as FTS5 is asked it: prefixes expanded, covered phrases dropped."""
        return simplified(self.expand(expr))

    def expand(self, expr: str) -> str:
        """Return ``expr`` with each prefix ("pledg"*, "air" + "defenc"*) written as the few
        words it stands for.

        FTS5 merges the lists of every word a prefix matches before it can return one sentence
        (3-4 ms for a common stem at 20k documents, with a phrase's positions too); the same
        words ORed are read lazily, newest first, and stop at the limit. A prefix of many words
        stays a prefix.
        """
        def words_of(m: re.Match[str]) -> str:
            words = self._few_words(m.group(1))
            if not words:
                return m.group(0)
            return "(" + " OR ".join(map(quote, words)) + ")" if len(words) > 1 else quote(words[0])

        def phrases_of(m: re.Match[str]) -> str:
            head, words = m.group(1), self._few_words(m.group(2))
            if not words:
                return m.group(0)
            return "(" + " OR ".join(head + quote(w) for w in words) + ")"

        return _LONE_PREFIX.sub(words_of, _PHRASE_PREFIX.sub(phrases_of, expr))

    def _few_words(self, prefix: str) -> list[str]:
        """Return the stored words starting with ``prefix``, or none when there are too many."""
        words = self.words_starting(prefix, limit=_EXPANDED + 1)
        return words if len(words) <= _EXPANDED else []

    def docs_dated(self, start: str, end: str, *, has_year: bool = True, limit: int = 200) -> list[str]:
        """Return documents whose meeting (or publication) falls between two ISO dates."""
        self._fresh()
        return self.periods.documents(start, end, has_year=has_year, limit=limit)

    def meetings_dated(self, start: str, end: str, *, has_year: bool = True,
                       limit: int = 3000) -> MeetingNames:
        """Return the meetings between two ISO dates (``.naming(names)`` finds those naming someone)."""
        self._fresh()
        return self.periods.meetings(start, end, has_year=has_year, limit=limit)

    def speaker_counts(self, doc_ids: list[str]) -> dict[str, dict[str, int]]:
        """Return how many attributed statements each person has in each document (cached like
        the documents themselves; a document without any is left out)."""
        self._fresh()
        kept = self._speakers
        missing = [d for d in dict.fromkeys(doc_ids) if d not in kept]
        if missing:
            if len(kept) > _MAX_CACHED_DOCS:
                kept.clear()
            for d in missing:
                kept[d] = {}
            sql = (f"select doc_id, person_id, count(*) from statements where doc_id in ({marks(missing)}) "
                   "and person_id is not null group by doc_id, person_id")
            for doc_id, person_id, n in self.db.execute(sql, missing).fetchall():
                kept[doc_id][person_id] = n
        return {d: kept[d] for d in doc_ids if kept.get(d)}

    def derived(self, kind: Hashable, doc_ids: list[str],
                read: Callable[[list[str]], dict[str, T]]) -> dict[str, T]:
        """Return what ``read`` derives from each document, read only for those not kept.

        Kept per ``kind`` like the documents themselves: a write forgets the values of the
        documents it changed. ``read`` may leave a document out (it derives nothing). The kinds
        used longest ago are dropped first.
        """
        self._fresh()
        kept: dict[str, T] | None = self._derived.pop(kind, None)
        if kept is None:
            kept = {}
            if len(self._derived) >= _DERIVED_KINDS:
                del self._derived[next(iter(self._derived))]
        self._derived[kind] = kept  # the last used, last
        missing = [d for d in dict.fromkeys(doc_ids) if d not in kept]
        if missing:
            if len(kept) + len(missing) > _MAX_CACHED_DOCS:
                kept.clear()
            kept.update(read(missing))
        return {d: kept[d] for d in doc_ids if d in kept}

    def all_meetings(self) -> MeetingNames:
        """Return every meeting's name, place and format, with an index of their words."""
        self._fresh()
        return self.meetings.get()

    def documents(self, doc_ids: list[str]) -> dict[str, DocInfo]:
        """Return provenance and meeting of each document (cached until the store changes)."""
        self._fresh()
        missing = [d for d in doc_ids if d not in self._docs]
        if missing:
            self._docs.update(self._read_documents(missing))
        return {d: self._docs[d] for d in doc_ids if d in self._docs}

    def _read_documents(self, doc_ids: list[str]) -> dict[str, DocInfo]:
        # One join read as tuples: a meeting asked about reads thousands of reports at 20k
        # documents, and two queries made into dicts cost a quarter more.
        sql = ("select d.id, d.title, d.publisher, d.published, d.url, d.language, "
               "m.doc_id, m.name, m.date, m.place, m.format, m.sentence from documents d "
               f"left join meetings m on m.doc_id = d.id where d.id in ({marks(doc_ids)})")
        out = {}
        for row in self.db.conn.execute(sql, doc_ids).fetchall():
            meeting = dict(zip(_MEETING_COLUMNS, row[6:], strict=True)) if row[6] is not None else {}
            out[row[0]] = DocInfo(id=row[0], title=row[1] or "", publisher=row[2] or "", published=row[3],
                                  url=row[4], language=row[5], meeting=meeting)
        return out

    def facts(self, table: str, doc_ids: list[str]) -> list[dict[str, Any]]:
        """Return the facts of one table for the documents, in document order."""
        if table not in FACT_TABLES or not doc_ids:
            return []
        sql = f"select * from [{table}] where doc_id in ({marks(doc_ids)}) order by id"
        found = rows(self.db, sql, doc_ids)
        if table == "agreements" and found:
            ids = [r["id"] for r in found]
            parties: dict[int, list[str]] = {}
            for p in rows(self.db, "select agreement_id, party from agreement_parties where agreement_id in "
                                   f"({marks(ids)}) order by rowid", ids):
                parties.setdefault(p["agreement_id"], []).append(p["party"])
            for r in found:
                r["parties"] = parties.get(r["id"], [])
        return found

    def facts_of_person(self, table: str, person_id: str, *, limit: int = 200) -> list[dict[str, Any]]:
        """Return facts whose person_id is ``person_id`` (indexed), newest rows first."""
        if table not in ("attendances", "statements", "commitments"):
            return []
        return rows(self.db, f"select * from [{table}] where person_id = ? order by id desc limit ?",
                    [person_id, limit])

    def fact_sentences(self, table: str, column: str, values: list[str], *, limit: int = 30,
                       doc_ids: list[str] | None = None) -> list[Hit]:
        """Return the sentences behind facts whose indexed ``column`` is one of ``values``, newest first."""
        if table not in FACT_TABLES or column not in _INDEXED or not values or doc_ids == []:
            return []
        within = f" and f.doc_id in ({marks(doc_ids)})" if doc_ids is not None else ""
        # One value at a time: "column = ?" walks its index newest first and stops at the limit,
        # where "column in (...)" sorts every fact of every value. Within some documents their
        # few facts are read by doc_id ("+" keeps SQLite off the column's index, which would
        # walk every fact of the value in the store).
        by = "+" if doc_ids is not None else ""
        sql = (f"select f.id, s.id, s.doc_id, s.idx, s.text from [{table}] f join sentences s "
               f"on s.doc_id = f.doc_id and s.idx = f.sentence where {by}f.[{column}] = ?{within} "
               f"order by f.id desc limit ?")
        rows = [row for value in dict.fromkeys(values)
                for row in self.db.execute(sql, [value, *(doc_ids or ()), limit]).fetchall()]
        rows.sort(key=lambda row: -row[0])
        hits = {row[1]: Hit(row[1], row[2], row[3], row[4], 0.0) for row in rows}
        return list(hits.values())[:limit]

    def previous_sentences(self, hits: list[Hit]) -> dict[tuple[str, int], str]:
        """Return the sentence before each hit, keyed by (doc_id, index)."""
        keys = list(dict.fromkeys((h.doc_id, h.idx - 1) for h in hits if h.idx > 0))
        out: dict[tuple[str, int], str] = {}
        for i in range(0, len(keys), 200):
            chunk = keys[i:i + 200]
            pairs = ",".join("(?, ?)" for _ in chunk)
            # A join on the VALUES list uses the (doc_id, idx) index; "(doc_id, idx) in (values
            # ...)" makes SQLite scan every sentence (bench: 30 ms a call at 2k documents).
            sql = (f"select s.doc_id, s.idx, s.text from (values {pairs}) as k "
                   "join sentences s on s.doc_id = k.column1 and s.idx = k.column2")
            for doc_id, idx, text in self.db.execute(sql, [v for k in chunk for v in k]).fetchall():
                out[(doc_id, idx)] = text
        return out

    def openings(self, doc_ids: list[str], *, upto: int = 2) -> list[Hit]:
        """Return the first ``upto`` sentences of each document."""
        if not doc_ids:
            return []
        if upto >= _WHOLE:  # most of each document: read whole documents, kept for the question
            self._fresh()
            return [_hit(r) for r in self.within.rows(doc_ids) if r[2] < upto]
        sql = (f"select id, doc_id, idx, text, 0.0 from sentences where doc_id in ({marks(doc_ids)}) "
               "and idx < ?")
        return [Hit(*row) for row in self.db.execute(sql, [*doc_ids, upto]).fetchall()]

    def document_text(self, doc_id: str) -> str:
        """Return a document's text ("" when unknown)."""
        row = self.db.execute("select text from documents where id = ?", [doc_id]).fetchone()
        return (row[0] or "") if row else ""

    def boilerplate(self, doc_ids: list[str]) -> set[tuple[str, int]]:
        """Return the (doc_id, index) of the documents' sentences marked as page furniture."""
        if not doc_ids:
            return set()
        sql = f"select doc_id, idx from sentences where doc_id in ({marks(doc_ids)}) and boilerplate = 1"
        return {(r[0], r[1]) for r in self.db.execute(sql, doc_ids).fetchall()}

    def sentence_texts(self, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """Return the text of each (doc_id, sentence index)."""
        self._fresh()
        out = {}
        for doc_id, idx in dict.fromkeys(keys):
            rows = self.within.kept(doc_id) or []  # an answer's best documents were read whole
            if 0 <= idx < len(rows) and rows[idx][2] == idx:
                out[(doc_id, idx)] = rows[idx][3]
                continue
            row = self.db.execute("select text from sentences where doc_id = ? and idx = ?",
                                  [doc_id, idx]).fetchone()
            if row:
                out[(doc_id, idx)] = row[0]
        return out


def _hit(row: tuple[Any, ...]) -> Hit:
    return Hit(row[0], row[1], row[2], row[3], 0.0)


