"""Tracking stays consistent when documents are added, replaced, deleted or a save fails."""
from __future__ import annotations

import pytest

from bot.tracking import ensure_fresh
from bot.tracking.links import best_parent
from storage.records import Meeting
from storage.store import Store
from tests.tracking.conftest import Save

PLEDGE = {"country": "Germany", "action": "four IRIS-T air defence systems", "kind": "pledge"}
DELIVERED = {"country": "Germany", "action": "two IRIS-T air defence systems were delivered", "kind": "other"}


def _links(store: Store) -> list[tuple[str, str, bool]]:
    """Return (date, stage, has a parent) for every link, oldest first."""
    return [(r["date"], r["stage"], r["parent_id"] is not None) for r in store.db.query(
        "select date, stage, parent_id from commitment_links order by date, commitment_id")]


def test_a_later_mention_links_to_the_pledge(store: Store, save: Save) -> None:
    save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE])
    save(url="https://b.example/1", published="2025-08-20", commitments=[DELIVERED])
    assert _links(store) == [("2025-04-11", "pledged", False), ("2025-08-20", "delivered", True)]


def test_an_earlier_report_ingested_later_becomes_the_parent(store: Store, save: Save) -> None:
    save(url="https://b.example/1", published="2025-08-20", commitments=[DELIVERED])
    save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE])
    assert _links(store) == [("2025-04-11", "pledged", False), ("2025-08-20", "delivered", True)]


def test_replacing_a_document_relinks_its_followers(store: Store, save: Save) -> None:
    save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE])
    save(url="https://b.example/1", published="2025-08-20", commitments=[DELIVERED])
    save(url="https://a.example/1", published="2025-04-11", text="Germany pledged sanctions.",
         commitments=[{"country": "Germany", "action": "sanctions on the shadow fleet"}])
    assert _links(store) == [("2025-04-11", "pledged", False), ("2025-08-20", "delivered", False)]
    assert store.db.execute("select count(*) from tracking_dirty").fetchone()[0] == 0


def test_promises_of_one_save_link_as_if_relinked_one_by_one(store: Store, save: Save) -> None:
    # The save links its new rows as it wrote them (none is read back), while the first one
    # adopts the second: every link must still be the one that relinking from the store gives.
    save(url="https://a.example/1", published="2025-04-11", text="Germany pledged.\nGermany delivered.",
         commitments=[PLEDGE, {**DELIVERED, "sentence": 1}])
    save(url="https://b.example/1", published="2025-04-11", commitments=[{**PLEDGE, "kind": "signed"}])
    before = list(store.db.query("select * from commitment_links order by commitment_id"))
    for row in before:
        best_parent(store.db, row["commitment_id"])
    assert list(store.db.query("select * from commitment_links order by commitment_id")) == before
    assert [r["parent_id"] for r in before] == [None, before[0]["commitment_id"], before[1]["commitment_id"]]


def test_deleting_a_document_orphans_nothing(store: Store, save: Save) -> None:
    first = save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE])
    save(url="https://c.example/1", published="2025-06-01", commitments=[{**PLEDGE, "kind": "signed"}])
    save(url="https://b.example/1", published="2025-08-20", commitments=[DELIVERED])
    store.delete_document(first.doc_id)
    ensure_fresh(store.db)
    assert _links(store) == [("2025-06-01", "signed", False), ("2025-08-20", "delivered", True)]


def test_a_failed_save_leaves_tracking_untouched(store: Store, save: Save) -> None:
    save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE],
         meeting=Meeting(date="2025-04-11", place="Brussels"))
    before = (_links(store), list(store.db.query("select * from meeting_clusters")))

    def fail(*_: object) -> None:
        raise RuntimeError("hook failed")

    store.write_hooks.append(fail)
    with pytest.raises(RuntimeError):
        save(url="https://b.example/1", published="2025-04-11", commitments=[DELIVERED],
             meeting=Meeting(date="2025-04-11", place="Brussels"))
    assert (_links(store), list(store.db.query("select * from meeting_clusters"))) == before


def test_linking_reads_one_actor_from_an_index_alone(store: Store) -> None:
    plan = " ".join(str(r) for r in store.db.execute(
        "explain query plan select commitment_id, terms, names, amount, score from commitment_links "
        "where actor_key = ? and date <= ? and (date != ? or commitment_id < ?) "
        "order by date desc, commitment_id desc limit 80",
        ["country:Germany", "2025-01-01", "2025-01-01", 5]).fetchall())
    assert "COVERING INDEX idx_commitment_links_window" in plan
    assert "TEMP B-TREE" not in plan  # read in order from the index, not sorted


def test_a_status_sentence_joins_the_promise_it_reports_on(store: Store, save: Save) -> None:
    from bot.tracking.timeline import actor_threads

    save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE])
    later = save(url="https://b.example/1", published="2025-09-02",
                 text="Talks went on.\nThe delivery of Germany's IRIS-T air defence systems has stalled.")
    [thread] = actor_threads(store.db, ["country:Germany"])
    assert [(e["date"], e["stage"]) for e in thread.events] == [
        ("2025-04-11", "pledged"), ("2025-09-02", "stalled")]
    assert thread.status == "stalled"
    store.delete_document(later.doc_id)
    ensure_fresh(store.db)
    [thread] = actor_threads(store.db, ["country:Germany"])
    assert thread.status == "not yet assessed"


def test_a_sentence_without_a_status_word_changes_nothing(store: Store, save: Save) -> None:
    save(url="https://a.example/1", published="2025-04-11", commitments=[PLEDGE])
    save(url="https://b.example/1", published="2025-09-02",
         text="Germany discussed IRIS-T air defence systems.")
    assert store.db["status_mentions"].count == 0


def test_nearby_reports_are_read_from_an_index_alone(store: Store) -> None:
    from bot.tracking.clusters import NEAR_SQL

    plan = " ".join(str(r) for r in store.db.execute(
        "explain query plan " + NEAR_SQL, ["2025-01-01", "2025-01-03~"]).fetchall())
    assert "COVERING INDEX idx_meeting_sources_near" in plan


def test_later_status_mentions_are_read_from_an_index_alone(store: Store) -> None:
    from bot.tracking.mentions import ADOPT_SQL

    plan = " ".join(str(r) for r in store.db.execute(
        "explain query plan " + ADOPT_SQL, ["country:Germany", "2025-01-01"]).fetchall())
    assert "COVERING INDEX idx_status_mentions_window" in plan
    assert "TEMP B-TREE" not in plan


def test_a_status_sentence_keeps_the_latest_of_equally_good_promises(store: Store, save: Save) -> None:
    for day in ("2025-04-01", "2025-04-20"):
        save(url=f"https://{day}.example/1", published=day, commitments=[PLEDGE])
    save(url="https://b.example/1", published="2025-09-02",
         text="Talks went on.\nThe delivery of Germany's IRIS-T air defence systems has stalled.")
    # The same promise reported again, between the two: an equal score does not take the mention.
    save(url="https://c.example/1", published="2025-04-10", commitments=[PLEDGE])
    assert store.db.execute(
        "select m.date, c.date, m.score from status_mentions m "
        "join commitment_links c on c.commitment_id = m.parent_id").fetchall() == [
        ("2025-09-02", "2025-04-20", 100.0)]
