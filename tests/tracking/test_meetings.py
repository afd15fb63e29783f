"""A meeting as all its sources tell it: agreeing facts merged with each source, conflicts kept."""
from __future__ import annotations

from bot.tracking.meetings import cluster_of, meeting_view
from storage.records import Meeting
from storage.store import Store
from tests.tracking.conftest import Save

ROME = Meeting(date="2025-07-10", place="Rome", name="Recovery conference")


def test_facts_that_agree_are_merged_and_keep_every_source(store: Store, save: Save) -> None:
    first = save(url="https://one.example/a", published="2025-07-10", publisher="One", meeting=ROME,
                 text="Leaders of 40 countries met. Italy's prime minister opened it. Canada pledged aid.",
                 attendees=[{"name": "Giorgia Meloni", "role": "Prime Minister", "country": "Italy"}],
                 commitments=[{"country": "Canada", "action": "energy grid repairs", "amount": "C$100m"}])
    save(url="https://two.example/b", published="2025-07-11", publisher="Two", meeting=ROME,
         text="Some 45 countries came. Meloni hosted. Canada promised grid repairs.",
         attendees=[{"name": "Giorgia Meloni", "role": "Prime Minister", "country": "Italy"},
                    {"name": None, "role": "President", "country": "Ukraine"}],
         commitments=[{"country": "Canada", "action": "repairs to the energy grid", "amount": "C$100m"}])
    cluster_id = cluster_of(store.db, first.doc_id)
    assert cluster_id is not None
    view = meeting_view(store.db, cluster_id)
    assert view is not None
    assert [(f.kind, f.text, [s["publisher"] for s in f.sources]) for f in view.facts] == [
        ("attendee", "Giorgia Meloni (Prime Minister, Italy)", ["One", "Two"]),
        ("attendee", "President (Ukraine)", ["Two"]),
        ("commitment", "Canada: energy grid repairs", ["One", "Two"]),
    ]
    assert view.conflicts == ("sources differ: 40 or 45 countries",)
    assert [s["publisher"] for s in view.sources] == ["One", "Two"]


def test_a_document_without_meeting_details_has_no_cluster(store: Store, save: Save) -> None:
    alone = save(url="https://one.example/a", published="2025-07-10")
    assert cluster_of(store.db, alone.doc_id) is None
