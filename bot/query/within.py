"""The sentences of a few whole documents, read by their index and searched here.

FTS5 cannot narrow a MATCH to some documents: ``match ... and doc_id in (...)`` walks every
matching sentence of the store, newest first, until enough fall in those documents (30 ms for a
common word at 20k documents). Reading the documents' sentences by the ``(doc_id, idx)`` index
and testing them with ``bot.query.match`` costs the same at any size.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any

from sqlite_utils import Database

from bot.query.match import SortedWords, Words, compile_expression, first_words, may_match
from bot.query.names import text_words
from bot.query.terms import spaced
from storage.sql import marks

Row = tuple[Any, ...]  # (id, doc_id, idx, text) of a sentence
_KEPT_DOCS = 400  # documents whose sentences are kept between reads


class DocumentSentences:
    """Whole documents' sentences, kept for the question; ``clear()`` when the store changes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._docs: dict[str, list[Row]] = {}
        self._last: _Texts | None = None  # the last set of documents searched

    def clear(self) -> None:
        """Forget every document read."""
        self._docs.clear()
        self._last = None

    def forget(self, doc_ids: frozenset[str]) -> None:
        """Forget the documents a write changed."""
        for doc_id in doc_ids:
            self._docs.pop(doc_id, None)
        if self._last is not None and doc_ids & set(self._last.key):
            self._last = None

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
                kept.clear()  # and the documents asked for that were kept are read again
                missing = list(dict.fromkeys(doc_ids))
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

    def _texts(self, doc_ids: list[str]) -> _Texts:
        """Return the documents' sentences ready to be searched; the last set is kept, as the
        engine searches the same documents several times."""
        key = tuple(doc_ids)
        if self._last is None or self._last.key != key:
            self._last = _Texts(key, self.rows(doc_ids))
        return self._last

    def search(self, expr: str, doc_ids: list[str], *, limit: int) -> list[Row]:
        """Return the rows of the documents' sentences matching ``expr``, newest first.

        Raises ``bot.query.match.ExpressionError`` for syntax the engine never writes.
        """
        texts = self._texts(doc_ids)
        reads = [(row, *texts.words(i)) for i in texts.holding([w for w, _ in first_words(expr)])
                 for row in (texts.rows[i],)]
        # The words of the sentences tested: what a prefix may stand for among them.
        vocabulary: SortedWords = tuple(sorted(frozenset().union(*(seen for _, _, seen in reads))))
        if not may_match(expr, vocabulary):
            return []  # no word that can begin a phrase of it: compiling it would find nothing
        test = compile_expression(expr, vocabulary)
        found = [row for row, words, seen in reads if test(words, seen)]
        found.sort(key=lambda row: -row[0])
        return found[:limit]


class _Texts:
    """Sentences to be searched, split into words only when they may match.

    Most sentences' folded words are runs of their lower-cased text (ASCII, or ASCII but for
    curly quotes and dashes): one whose text holds none of the words that can begin a match
    cannot match, and all of them are looked through at once as one string. A day's reports
    hold about 1,200 sentences; splitting every one cost 10 ms a question at any size.
    """

    def __init__(self, key: tuple[str, ...], rows: list[Row]) -> None:
        self.key = key
        self.rows = rows
        plain = [_plain(row[3]) for row in rows]
        self._others = [i for i, text in enumerate(plain) if text is None]  # always split
        self._index = [i for i, text in enumerate(plain) if text is not None]
        self._starts: list[int] = []
        at = 0
        for i in self._index:
            self._starts.append(at)
            at += len(plain[i] or "") + 1
        # ASCII: lower-cased in one go, every character where it was. No word holds "\n".
        self._text = "\n".join(plain[i] or "" for i in self._index).lower()
        self._words: dict[int, tuple[Words, frozenset[str]]] = {}

    def holding(self, words: list[str]) -> list[int]:
        """Return the positions of the sentences that may hold one of ``words`` (or a word
        starting with one), in order."""
        found = set(self._others)
        text, starts = self._text, self._starts
        for word in words:
            at = text.find(word)
            while at >= 0:
                n = bisect_right(starts, at) - 1
                found.add(self._index[n])
                if n + 1 >= len(starts):
                    break
                at = text.find(word, starts[n + 1])
        return sorted(found)

    def words(self, i: int) -> tuple[Words, frozenset[str]]:
        """Return the folded words of sentence ``i`` and their set (split once)."""
        found = self._words.get(i)
        if found is None:
            words = text_words(self.rows[i][3])
            found = self._words[i] = (words, frozenset(words))
        return found


def _plain(text: str) -> str | None:
    """Return ``text`` when its folded words are the runs of letters and digits of it lower-cased
    (ASCII but for separators such as curly quotes and dashes, made spaces as ``folded_tokens``
    does), else None."""
    if text.isascii():
        return text
    text = spaced(text)
    return text if text.isascii() else None
