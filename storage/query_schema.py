"""Read-side helpers for the query engine: a vocabulary view over the sentence index.

``sentences_fts_vocab`` (fts5vocab, "row" mode) says in how many sentences each indexed word
occurs, read straight from the FTS5 index; the engine uses it to leave very common words out of
its searches and to weigh rare words more.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

query = Migrations("pledgebot.query")


@query()
def m001_sentence_vocabulary(db: Database) -> None:
    """Expose the sentence index's vocabulary with per-word sentence counts."""
    db.execute("create virtual table if not exists sentences_fts_vocab using fts5vocab(sentences_fts, 'row')")


@query()
def m002_publication_dates(db: Database) -> None:
    """Index documents by publication date: questions narrow by date ("in March 2025")."""
    db.table("documents").create_index(["published"], if_not_exists=True)


@query()
def m003_covering_date_indexes(db: Database) -> None:
    """Answer "which documents and meetings fall in this month" from indexes alone.

    With only the date in the index, each of a month's ~400 meetings (at 20k documents) is
    fetched from its table row: 1-2 ms a question instead of a few hundred microseconds.
    """
    db.table("documents").create_index(["published", "id"], if_not_exists=True)
    db.table("meetings").create_index(["date", "doc_id", "name", "place", "format"], if_not_exists=True)
