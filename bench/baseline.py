"""The engines the project is measured against, on the same store.

- ``Bm25`` is the peer a user would build in an afternoon: SQLite's own full-text search over
  the store's sentences, the question's words OR-ed, the five best sentences by ``bm25()``.
  Its one refinement is the first anyone adds: a short list of function words (English and
  Ukrainian) is left out, since "the" or "in" match nearly every sentence and ranking them all
  takes the better part of a second at 20k documents.
- ``Scan`` is the brute-force approach of the first benchmark: a rapidfuzz ``WRatio`` scan over
  every distinct name and every statement, plus SQL ``LIKE`` over the sentences for each content
  word. Names and statements are loaded and pre-processed once, which favours it.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

_STOP = frozenset("""what when where which who whom whose did does said say about with from that
this have were there anything more news their they them into than then also pledge pledged sign
signed meet meeting attended represented commit committed""".split())

# Function words: articles, prepositions, pronouns, auxiliaries, question words.
_FUNCTION_WORDS = frozenset("""a an the of in on at to for from by with about into and or but
is are was were be been did does do has have had will would can could what which who whom whose
when where why how any anything new news there this that these those it its their they he she
his her we our you your i me my so hey
що хто де коли як який яка яке які чи і й та або в у на з із зі до від про по за для при був
була було були це цей ця ці ти ви ми він вона вони""".split())

_BM25_SQL = """select s.text from sentences_fts join sentences s on s.id = sentences_fts.rowid
where sentences_fts match ? order by bm25(sentences_fts) limit 5"""


class Bm25:
    """Answer a question with the five sentences that rank best for its words (FTS5 BM25)."""

    def __init__(self, db_path: str | Path) -> None:
        self.conn = sqlite3.connect(str(db_path))

    def answer(self, question: str) -> tuple[bool, str]:
        """Return whether any sentence matched, and the best five as lines of text."""
        words = dict.fromkeys(w for w in re.findall(r"\w+", question.casefold()) if w not in _FUNCTION_WORDS)
        if not words:
            return False, ""
        expr = " OR ".join(f'"{w}"' for w in words)  # quoted: a word is never FTS5 syntax
        lines = [text for (text,) in self.conn.execute(_BM25_SQL, [expr])]
        return bool(lines), "\n".join(lines)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


class Scan:
    """Answer questions by brute force over the facts of one store."""

    def __init__(self, db_path: str | Path) -> None:
        self.conn = sqlite3.connect(str(db_path))
        names = self.conn.execute(
            "select name from attendances where name is not null union "
            "select speaker from statements where speaker is not null union "
            "select actor from commitments where actor is not null").fetchall()
        self.names = [default_process(n) for (n,) in names]
        rows = self.conn.execute("select coalesce(speaker, ''), text from statements").fetchall()
        self.statements = [default_process(f"{speaker}: {text}") for speaker, text in rows]

    def answer(self, question: str) -> tuple[bool, str]:
        """Return whether anything was found, and the matches as lines of text."""
        query = default_process(question)
        names = process.extract(query, self.names, scorer=fuzz.WRatio, processor=None,
                                limit=3, score_cutoff=88)
        statements = process.extract(query, self.statements, scorer=fuzz.WRatio, processor=None,
                                     limit=5, score_cutoff=75)
        lines = [f"name: {n}" for n, _score, _i in names]
        lines += [s for s, _score, _i in statements]
        for word in _topic_words(question):
            lines += [t for (t,) in self.conn.execute(
                "select text from sentences where text like ? limit 5", [f"%{word}%"])]
        return bool(lines), "\n".join(lines)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _topic_words(question: str) -> list[str]:
    return [w for w in re.findall(r"\w{4,}", question.lower()) if w not in _STOP]
