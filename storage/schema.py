"""The core schema, created and evolved by sqlite-utils migrations.

Feature modules (alerts, feeds, tracking) keep their own migration sets next to their tables and
are listed in ``storage.db.MIGRATION_SETS``; each set is applied in order when a store opens.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

core = Migrations("pledgebot.core")

# Columns every fact table shares: the document it came from and where in that document.
_PROVENANCE = {"doc_id": str, "sentence": int, "start": int, "end": int}


@core()
def m001_documents(db: Database) -> None:
    """Documents, their sentences, and the fact tables that point into them."""
    db.table("documents").create(
        {
            "id": str, "url": str, "title": str, "publisher": str, "published": str,
            "language": str, "content_hash": str, "text": str, "ingested_at": str,
            "updated_at": str,
        },
        pk="id",
    )
    db.table("documents").create_index(["url"])
    db.table("documents").create_index(["content_hash"])
    db.table("sentences").create(
        {"id": int, "doc_id": str, "idx": int, "start": int, "end": int, "text": str},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("sentences").create_index(["doc_id", "idx"], unique=True)
    db.table("meetings").create(
        {"id": int, "doc_id": str, "name": str, "date": str, "place": str, "format": str,
         "sentence": int, "start": int, "end": int},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("meetings").create_index(["doc_id"], unique=True)
    db.table("meetings").create_index(["date"])
    db.table("attendances").create(
        {"id": int, "name": str, "role": str, "country": str, "org": str, "person_id": str,
         "mode": str, **_PROVENANCE},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("statements").create(
        {"id": int, "speaker": str, "text": str, "quote": int, "person_id": str,
         "speaker_country": str, "speaker_org": str, "attribution": str, "verb": str,
         **_PROVENANCE},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("commitments").create(
        {"id": int, "actor": str, "action": str, "kind": str, "actor_country": str,
         "actor_org": str, "person_id": str, "amount": str, "timeframe": str,
         "conditional": int, "condition": str, "collective": int, **_PROVENANCE},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("agreements").create(
        {"id": int, "title": str, "signed": int, **_PROVENANCE},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("agreement_parties").create(
        {"agreement_id": int, "party": str},
        pk=("agreement_id", "party"), foreign_keys=[("agreement_id", "agreements", "id")],
    )
    for table in ("attendances", "statements", "commitments", "agreements"):
        db.table(table).create_index(["doc_id"])
    db.table("attendances").create_index(["country"])
    db.table("attendances").create_index(["person_id"])
    db.table("statements").create_index(["person_id"])
    db.table("commitments").create_index(["actor_country"])


@core()
def m002_entities(db: Database) -> None:
    """People, countries and organisations with their aliases in every script."""
    db.table("entities").create(
        {"id": str, "kind": str, "name": str, "country": str, "data": str}, pk="id",
    )
    db.table("aliases").create(
        {"entity_id": str, "alias": str, "norm": str},
        pk=("entity_id", "norm"), foreign_keys=[("entity_id", "entities", "id")],
    )
    db.table("aliases").create_index(["norm"])


SENTENCE_TOKENIZER = "unicode61 remove_diacritics 2"  # how the sentences' full-text index splits words


@core()
def m003_full_text(db: Database) -> None:
    """Full-text indexes kept in sync by triggers, so a rollback rolls them back too."""
    db.table("sentences").enable_fts(["text"], create_triggers=True, tokenize=SENTENCE_TOKENIZER)
    db.table("statements").enable_fts(["text", "speaker"], create_triggers=True,
                                tokenize="unicode61 remove_diacritics 2")
    db.table("commitments").enable_fts(["action", "actor"], create_triggers=True,
                                 tokenize="unicode61 remove_diacritics 2")


@core()
def m004_no_statement_text_index(db: Database) -> None:
    """Drop the full-text index of statements and its triggers.

    Nothing reads it: questions search sentences (each statement's sentence among them) and the
    statements table by person. Kept up by every save, it cost ingest about 4% at 20k documents.
    """
    if db.table("statements_fts").exists():
        db.table("statements").disable_fts()


@core()
def m005_sentence_boilerplate(db: Database) -> None:
    """Mark sentences that are page furniture (title, byline, "Source:" line) and no fact.

    Set at ingest (``bot.ingest.boilerplate``); a store made before keeps 0 until re-ingested.
    """
    db.table("sentences").add_column("boilerplate", int, not_null_default=0)


@core()
def m006_boilerplate_index(db: Database) -> None:
    """Index only the sentences marked as page furniture, by document.

    Every answer asks which sentences of its 15-50 candidate documents are boilerplate; read by
    ``(doc_id, idx)`` each sentence's row was fetched to test the mark (0.35 ms a question at
    5k documents); this index holds the few marked ones and answers alone (0.04 ms).
    """
    db.execute("create index if not exists idx_sentences_boilerplate on sentences (doc_id, idx) "
               "where boilerplate = 1")
