"""Meeting clustering: several reports of one meeting become one cluster; others stay apart."""
from __future__ import annotations

from storage.records import Meeting
from storage.store import Store
from tests.tracking.conftest import Save

PARIS = Meeting(date="2025-03-27", place="Paris")


def _clusters(store: Store) -> list[tuple[int, str]]:
    return [(r["sources"], r["publishers"]) for r in store.db.query(
        "select sources, publishers from meeting_clusters order by date, id")]


def test_reports_of_one_meeting_share_a_cluster_and_a_conflict_is_flagged(store: Store, save: Save) -> None:
    save(url="https://one.example/a", published="2025-03-02", text="Leaders of 26 countries met in London.",
         meeting=Meeting(name="London summit", date="2025-03-02", place="London"))
    save(url="https://two.example/b", published="2025-03-03", text="Some 35 countries took part.",
         meeting=Meeting(name="London meeting", date="2025-03-02", place="Lancaster House, London"))
    save(url="https://three.example/c", published="2025-03-02", text="A meeting in Kyiv.",
         meeting=Meeting(date="2025-03-02", place="Kyiv"))
    assert _clusters(store) == [(2, "one.example; two.example"), (1, "three.example")]
    conflicts = [r["detail"] for r in store.db.query("select detail from meeting_conflicts")]
    assert conflicts == ["sources differ: 26 or 35 countries"]


def test_deleting_a_source_splits_the_cluster_again(store: Store, save: Save) -> None:
    from bot.tracking import ensure_fresh

    save(url="https://one.example/a", published="2025-07-10",
         meeting=Meeting(date="2025-07-10", place="Rome"))
    gone = save(url="https://two.example/b", published="2025-07-10",
                meeting=Meeting(date="2025-07-10", place="Rome"))
    assert _clusters(store) == [(2, "one.example; two.example")]
    store.delete_document(gone.doc_id)
    ensure_fresh(store.db)
    assert _clusters(store) == [(1, "one.example")]
    assert store.db["meeting_sources"].count == 1


def test_amounts_that_differ_for_one_promise_are_flagged(store: Store, save: Save) -> None:
    promise = {"country": "France", "action": "a military aid package with air defence missiles"}
    save(url="https://one.example/a", published="2025-03-27", meeting=PARIS,
         commitments=[{**promise, "amount": "€2bn"}])
    save(url="https://two.example/b", published="2025-03-27", meeting=PARIS,
         commitments=[{**promise, "amount": "€2.5bn"}])
    details = [r["detail"] for r in store.db.query("select detail from meeting_conflicts")]
    assert details == [
        "sources differ: €2bn or €2.5bn (France, a military aid package with air defence missiles)"]


def test_a_report_of_another_meeting_leaves_a_cluster_and_its_conflicts_untouched(
        store: Store, save: Save) -> None:
    save(url="https://one.example/a", published="2025-03-02", text="Leaders of 26 countries met.",
         meeting=Meeting(date="2025-03-02", place="London"))
    save(url="https://two.example/b", published="2025-03-02", text="Some 35 countries took part.",
         meeting=Meeting(date="2025-03-02", place="London"))
    before = list(store.db.query("select * from meeting_conflicts"))
    store.db.execute("create table rewritten (id text)")
    store.db.execute("create trigger note_rewrite after delete on meeting_clusters begin "
                     "insert into rewritten values (old.id); end")
    save(url="https://three.example/c", published="2025-03-02", text="Leaders of 12 countries met.",
         meeting=Meeting(date="2025-03-02", place="Kyiv"))
    # Rewriting a cluster recounts its conflicts: an unrelated report must not cost that.
    assert list(store.db.query("select * from rewritten")) == []
    assert list(store.db.query("select * from meeting_conflicts")) == before
    assert _clusters(store) == [(2, "one.example; two.example"), (1, "three.example")]


def test_a_late_report_joins_its_meeting_and_its_conflict_is_counted(store: Store, save: Save) -> None:
    save(url="https://one.example/a", published="2025-03-02", text="Leaders of 26 countries met.",
         meeting=Meeting(date="2025-03-02", place="London"))
    save(url="https://three.example/c", published="2025-03-02", text="A meeting in Kyiv.",
         meeting=Meeting(date="2025-03-02", place="Kyiv"))
    save(url="https://two.example/b", published="2025-03-03", text="Some 35 countries took part.",
         meeting=Meeting(date="2025-03-03", place="Lancaster House, London"))
    assert _clusters(store) == [(2, "one.example; two.example"), (1, "three.example")]
    assert [r["detail"] for r in store.db.query("select detail from meeting_conflicts")] == [
        "sources differ: 26 or 35 countries"]
