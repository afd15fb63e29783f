"""The sentences of a few whole documents, read by their index and searched here.

FTS5 cannot narrow a MATCH to some documents: ``match ... and doc_id in (...)`` walks every
matching sentence of the store, newest first, until enough fall in those documents (30 ms for a
common word at 20k documents). Reading the documents' sentences by the ``(doc_id, idx)`` index
and testing them with ``bot.query.match`` costs the same at any size.
"""
from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from bot.query.match import SortedWords, Words, compile_expression, may_match
from bot.query.names import text_words
from storage.sql import marks

Row = tuple[Any, ...]  # (id, doc_id, idx, text) of a sentence
Read = tuple[Row, Words, frozenset[str]]  # a sentence row with its folded words
_KEPT_DOCS = 400  # documents whose sentences are kept between reads


class DocumentSentences:
    """Whole documents' sentences, kept for the question; ``clear()`` when the store changes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._docs: dict[str, list[Row]] = {}
        self._words: tuple[tuple[str, ...], list[Read], SortedWords] = ((), [], ())

    def clear(self) -> None:
        """Forget every document read."""
        self._docs.clear()
        self._words = ((), [], ())

    def forget(self, doc_ids: frozenset[str]) -> None:
        """Forget the documents a write changed."""
        for doc_id in doc_ids:
            self._docs.pop(doc_id, None)
        if doc_ids & set(self._words[0]):
            self._words = ((), [], ())

    def rows(self, doc_ids: list[str]) -> list[Row]:
        """Return (id, doc_id, idx, text) of every sentence of the documents, by document.

        A question reads the same few documents two or three times (its day's reports, its
        best documents); each row costs ~3.5 us to fetch at 20k documents, so the last few
        hundred documents read are kept.
        """
        kept = self._docs
        missing = [d for d in dict.fromkeys(doc_ids) if d not in kept]
        if missing:
            if len(kept) + len(missing) > _KEPT_DOCS:
                kept.clear()
            for d in missing:
                kept[d] = []
            sql = f"select id, doc_id, idx, text from sentences where doc_id in ({marks(missing)})"
            for row in self.db.execute(sql, missing).fetchall():
                kept[row[1]].append(row)
            for d in missing:
                kept[d].sort(key=lambda row: row[2])
        # The order SQLite's index gives "doc_id in (...)": by document id, then sentence.
        return [row for d in sorted(set(doc_ids)) for row in kept.get(d, ())]

    def kept(self, doc_id: str) -> list[Row] | None:
        """Return the rows of a document read lately, by sentence index (None: not kept)."""
        return self._docs.get(doc_id)

    def words(self, doc_ids: list[str]) -> tuple[list[Read], SortedWords]:
        """Return every sentence of the documents with its words, and all their words, sorted.

        The last set read is kept: the engine searches the same documents several times.
        """
        key = tuple(doc_ids)
        if self._words[0] != key:
            reads = []
            for row in self.rows(doc_ids):
                words = text_words(row[3])
                reads.append((row, words, frozenset(words)))
            vocabulary = tuple(sorted(frozenset().union(*(seen for _, _, seen in reads))))
            self._words = (key, reads, vocabulary)
        return self._words[1], self._words[2]

    def search(self, expr: str, doc_ids: list[str], *, limit: int) -> list[Row]:
        """Return the rows of the documents' sentences matching ``expr``, newest first.

        Raises ``bot.query.match.ExpressionError`` for syntax the engine never writes.
        """
        reads, vocabulary = self.words(doc_ids)
        if not may_match(expr, vocabulary):
            return []  # no word that can begin a phrase of it: compiling it would find nothing
        test = compile_expression(expr, vocabulary)
        found = [row for row, words, seen in reads if test(words, seen)]
        found.sort(key=lambda row: -row[0])
        return found[:limit]
