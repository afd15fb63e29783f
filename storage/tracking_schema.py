"""Tables of commitment tracking: meetings seen by several sources, and links between commitments.

SQL triggers mark what a write changed (a new document, a removed commitment or meeting) in
``tracking_dirty``; ``bot.tracking`` turns those marks into clusters and links. Because the
marks come from triggers, replacing or deleting a document through any path leaves a trace that
the next refresh repairs, and a rolled-back save rolls its marks back too.
"""
from __future__ import annotations

from sqlite_utils import Database, Migrations

tracking = Migrations("pledgebot.tracking")

_TRIGGERS = """
CREATE TRIGGER tracking_meeting_added AFTER INSERT ON meetings BEGIN
    INSERT OR IGNORE INTO tracking_dirty (kind, key) VALUES ('doc', new.doc_id);
END;
CREATE TRIGGER tracking_commitment_added AFTER INSERT ON commitments BEGIN
    INSERT OR IGNORE INTO tracking_dirty (kind, key) VALUES ('doc', new.doc_id);
END;
CREATE TRIGGER tracking_meeting_removed BEFORE DELETE ON meetings BEGIN
    INSERT OR IGNORE INTO tracking_dirty (kind, key)
        SELECT 'cluster', cluster_id FROM meeting_sources WHERE doc_id = old.doc_id;
    DELETE FROM meeting_sources WHERE doc_id = old.doc_id;
END;
CREATE TRIGGER tracking_commitment_removed BEFORE DELETE ON commitments BEGIN
    INSERT OR IGNORE INTO tracking_dirty (kind, key)
        SELECT 'relink', commitment_id FROM commitment_links WHERE parent_id = old.id;
    INSERT OR IGNORE INTO tracking_dirty (kind, key)
        SELECT 'cluster', cluster_id FROM meeting_sources WHERE doc_id = old.doc_id;
    DELETE FROM commitment_links WHERE commitment_id = old.id;
END;
"""


@tracking()
def m001_tracking(db: Database) -> None:
    """Meeting clusters with their sources and conflicts; commitment links; dirty marks."""
    db.table("meeting_sources").create(
        {"doc_id": str, "cluster_id": str, "date": str, "place": str, "format": str,
         "name": str, "publisher": str, "published": str},
        pk="doc_id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("meeting_sources").create_index(["date"])
    db.table("meeting_sources").create_index(["cluster_id"])
    db.table("meeting_clusters").create(
        {"id": str, "date": str, "name": str, "place": str, "format": str, "sources": int,
         "publishers": str, "conflicts": int},
        pk="id",
    )
    db.table("meeting_clusters").create_index(["date"])
    db.table("meeting_conflicts").create(
        {"id": int, "cluster_id": str, "field": str, "detail": str, "values": str}, pk="id",
    )
    db.table("meeting_conflicts").create_index(["cluster_id"])
    db.table("commitment_links").create(
        {"commitment_id": int, "doc_id": str, "actor_key": str, "date": str, "stage": str,
         "terms": str, "amount": str, "parent_id": int, "score": float},
        pk="commitment_id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("commitment_links").create_index(["actor_key", "date"])
    db.table("commitment_links").create_index(["parent_id"])
    db.table("commitment_links").create_index(["doc_id"])
    db.table("commitment_links").create_index(["date"])
    db.table("tracking_dirty").create({"kind": str, "key": str}, pk=("kind", "key"))
    # One statement at a time: executescript() would commit the migration's transaction.
    for trigger in _TRIGGERS.split("END;")[:-1]:
        db.execute(trigger + "END;")


@tracking()
def m002_link_names(db: Database) -> None:
    """Proper names of each action ("IRIS-T", "Patriot"): two different names are two promises."""
    db.table("commitment_links").add_column("names", str)


@tracking()
def m003_source_place(db: Database) -> None:
    """Find meetings by place: an undated report joins the one dated meeting it matches."""
    db.table("meeting_sources").create_index(["place"])


@tracking()
def m004_status_mentions(db: Database) -> None:
    """Sentences that report what became of a promise ("delivery has stalled"), linked to it."""
    db.table("status_mentions").create(
        {"id": int, "doc_id": str, "sentence": int, "actor_key": str, "date": str, "stage": str,
         "terms": str, "names": str, "parent_id": int, "score": float},
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("status_mentions").create_index(["doc_id"])
    db.table("status_mentions").create_index(["parent_id"])
    db.table("status_mentions").create_index(["actor_key", "date"])
    db.execute("""
        CREATE TRIGGER tracking_status_removed BEFORE DELETE ON meetings BEGIN
            DELETE FROM status_mentions WHERE doc_id = old.doc_id;
        END""")
    db.execute("""
        CREATE TRIGGER tracking_status_orphaned BEFORE DELETE ON commitments BEGIN
            INSERT OR IGNORE INTO tracking_dirty (kind, key)
                SELECT 'restatus', id FROM status_mentions WHERE parent_id = old.id;
        END""")


@tracking()
def m005_source_place_date(db: Database) -> None:
    """Find the undated reports of a place without reading every report of that place."""
    db.table("meeting_sources").create_index(["place", "date"])


@tracking()
def m006_link_window_index(db: Database) -> None:
    """Read an actor's neighbouring mentions from one index range, not a table row each.

    Linking a new commitment reads up to 2 x 80 neighbours of its actor; with only (actor_key,
    date) indexed, each was a random table page. The covering index also serves every look-up
    the old (actor_key, date) index served, which it replaces.
    """
    db.table("commitment_links").create_index(
        ["actor_key", "date", "commitment_id", "terms", "names", "amount"],
        index_name="idx_commitment_links_window", if_not_exists=True)
    db.execute("drop index if exists idx_commitment_links_actor_key_date")


@tracking()
def m007_link_window_score(db: Database) -> None:
    """Carry each mention's current score in the window index.

    A new commitment adopts the later mentions it fits better than their current parents: with
    the score in the index it reads that from the window it already has, not a table row each
    (about 50 a commitment at 20k documents). Scores change a few times a save; reads are 160.
    """
    db.execute("drop index if exists idx_commitment_links_window")
    db.table("commitment_links").create_index(
        ["actor_key", "date", "commitment_id", "terms", "names", "amount", "score"],
        index_name="idx_commitment_links_window")


@tracking()
def m008_source_near_index(db: Database) -> None:
    """Read the reports dated near a new one from one index range, not a table row each.

    A save compares its report with every report within a day of it (about 40 at 20k documents,
    scattered over the table); the date index gives way to one that also holds what is compared.
    """
    db.execute("drop index if exists idx_meeting_sources_date")
    db.table("meeting_sources").create_index(
        ["date", "doc_id", "place", "format", "name"], index_name="idx_meeting_sources_near")


@tracking()
def m009_mention_window_index(db: Database) -> None:
    """Read the status mentions a new commitment may adopt from one index range.

    Each new commitment reads up to 80 later mentions of its actor (with their current scores);
    with only (actor_key, date) indexed, each was a table row. Ties on a date keep their order
    (by id) in the wider index, which replaces the narrow one.
    """
    db.table("status_mentions").create_index(
        ["actor_key", "date", "id", "terms", "names", "score"], index_name="idx_status_mentions_window")
    db.execute("drop index if exists idx_status_mentions_actor_key_date")
