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


@query()
def m004_vocabulary(db: Database) -> None:
    """Keep every indexed word in a plain table: prefix searches and spelling need the words.

    FTS5 reads a prefix query ("pledg"*) by merging the whole of every matching word's list
    (3-4 ms at 20k documents, growing with the store), and its vocabulary view counts each
    word's list before it says the word exists (16 ms for the words starting with "m"). With
    the words listed here, a prefix becomes a few exact words and a typo finds its neighbours
    in an index. ``upto`` is the last sentence id whose words are in.
    """
    db.execute("create table if not exists vocabulary (term text primary key) without rowid")
    db.execute("create table if not exists vocabulary_state "
               "(id integer primary key check (id = 1), upto integer)")
    db.execute("insert or ignore into vocabulary (term) select term from sentences_fts_vocab")
    db.execute("insert or replace into vocabulary_state (id, upto) "
               "select 1, coalesce(max(id), 0) from sentences")


@query()
def m005_speakers_by_document(db: Database) -> None:
    """Count who speaks in each candidate document from an index alone.

    A statement question ranks sentences of 30-50 documents by whether the person asked about
    speaks most of each; reading every statement row for its speaker took 1 ms a question.
    """
    db.table("statements").create_index(["doc_id", "person_id"], if_not_exists=True)


# Indexes whose columns begin a longer index of the same table, each made before the longer one.
_PREFIX_INDEXES = ("idx_documents_published", "idx_meetings_date", "idx_statements_doc_id",
                   "idx_meeting_sources_place")


@query()
def m006_no_prefix_indexes(db: Database) -> None:
    """Drop the indexes whose columns begin a longer index of the same table.

    The longer one serves every search the shorter did (an index is searched by a prefix of its
    columns), and each save wrote both: a document's row, its meeting, its source report and
    each of its ~5 statements paid for an index nothing needed.
    """
    for name in _PREFIX_INDEXES:
        db.execute(f"drop index if exists [{name}]")


CHANGES_KEPT = 1000  # document changes remembered; a reader further behind forgets everything


@query()
def m007_content_changes(db: Database) -> None:
    """Log which document each write changed, so that a reader keeps what it did not change.

    A running bot commits often (every feed poll, a chat's last question, the outbox) and the
    engine used to empty every cache on any commit. Every write of a document's text, sentences
    or facts (``Store.save_document``, ``Store.delete_document``) inserts, updates or deletes its
    row in ``documents`` in the same transaction, so a trigger on that one table logs them all at
    one small insert a document.
    """
    db.execute("create table if not exists content_changes (seq integer primary key, doc_id text not null)")
    for event, row in (("insert", "new"), ("update", "new"), ("delete", "old")):
        db.execute(
            f"create trigger if not exists content_changes_{event} after {event} on documents begin "
            f"insert into content_changes (doc_id) values ({row}.id); "
            "delete from content_changes "
            f"where seq <= (select max(seq) from content_changes) - {CHANGES_KEPT}; "
            "end")


@query()
def m008_sentence_index_state(db: Database) -> None:
    """Remember the last sentence id when the sentence index was last merged into one segment
    (``bot.query.compaction``); 0 merges it at the next save."""
    db.execute("create table if not exists sentence_index_state "
               "(id integer primary key check (id = 1), merged_upto integer not null)")
    db.execute("insert or ignore into sentence_index_state (id, merged_upto) values (1, 0)")



SENTENCES_KEPT = 4096  # sentence texts logged; a reader further behind counts its words again


@query()
def m009_sentence_changes(db: Database) -> None:
    """Log the text of every sentence stored or deleted, so that a reader keeps its word counts.

    The engine counts how many sentences hold the words asked (``sentences_fts_vocab``, about
    0.4 ms a word at 20k documents) and read every count again after each save. A save changes
    them only by the words of the sentences it added less those of the ones it deleted, and a
    reader on another connection cannot see the deleted ones: these triggers log both, beside
    the full-text index's own, so the log moves exactly as the index does.
    """
    db.execute("create table if not exists sentence_changes "
               "(seq integer primary key, sign integer not null, text text not null)")
    prune = ("delete from sentence_changes "
             f"where seq <= (select max(seq) from sentence_changes) - {SENTENCES_KEPT};")
    for event, values in (("insert", "(1, new.text)"), ("delete", "(-1, old.text)"),
                          ("update", "(-1, old.text), (1, new.text)")):
        db.execute(f"create trigger if not exists sentence_changes_{event} after {event} on sentences "
                   f"begin insert into sentence_changes (sign, text) values {values}; {prune} end")
