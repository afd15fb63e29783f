"""Where the sources of one meeting disagree: head counts written in the text."""
from __future__ import annotations

import random

import pytest

from bot.tracking.conflicts import cluster_conflicts, count_conflicts
from storage.records import Meeting
from storage.store import Store
from tests.tracking.conftest import Save


@pytest.mark.parametrize(("second", "details"), [
    pytest.param("Envoys of 35 nations attended.", ["sources differ: 26 or 35 countries"], id="other-count"),
    pytest.param("Ministers of 26 countries attended.", [], id="same-count"),
    pytest.param("Ministers of 1,035 countries attended.", [], id="thousands-are-not-a-count"),
    pytest.param("Ministers of 2.35 countries attended.", [], id="decimals-are-not-a-count"),
    pytest.param("In 2035 countries will meet again.", [], id="four-digits-are-not-a-count"),
    pytest.param("35 leaders of partner countries attended.", [], id="another-noun"),
])
def test_head_counts_that_share_nothing_conflict(second: str, details: list[str]) -> None:
    texts = {"a": "Leaders of 26 countries met in Paris.", "b": second}
    assert [detail for _, detail, _ in count_conflicts(texts)] == details


def test_a_report_whose_text_changes_is_counted_again(store: Store, save: Save) -> None:
    # Counts are kept by content hash between saves: a new text must not reuse the old counts.
    rome = Meeting(date="2025-07-10", place="Rome")
    save(url="https://one.example/a", published="2025-07-10", meeting=rome,
         text="Leaders of 26 countries met in Rome.")
    save(url="https://two.example/b", published="2025-07-10", meeting=rome,
         text="Envoys of 35 nations attended.")
    assert _details(store) == ["sources differ: 26 or 35 countries"]
    save(url="https://two.example/b", published="2025-07-10", meeting=rome,
         text="Envoys of 26 nations attended.")
    assert _details(store) == []
    save(url="https://two.example/b", published="2025-07-10", meeting=rome,
         text="Envoys of 35 nations attended.")
    assert _details(store) == ["sources differ: 26 or 35 countries"]


def _details(store: Store) -> list[str]:
    return [r["detail"] for r in store.db.query("select detail from meeting_conflicts order by id")]


def test_a_report_without_head_counts_keeps_the_count_conflicts(store: Store, save: Save) -> None:
    rome = Meeting(date="2025-07-10", place="Rome")
    for url, text in (("https://one.example/a", "Leaders of 26 countries met in Rome."),
                      ("https://two.example/b", "Envoys of 35 nations attended."),
                      ("https://three.example/c", "The talks went on late.")):
        save(url=url, published="2025-07-10", meeting=rome, text=text)
    assert _details(store) == ["sources differ: 26 or 35 countries"]
    save(url="https://four.example/d", published="2025-07-10", meeting=rome,
         text="Envoys of 30 nations came.")
    assert _details(store) == ["sources differ: 26, 30 or 35 countries"]


def test_stored_conflicts_are_those_of_a_recount_as_meetings_grow(store: Store, save: Save) -> None:
    # Reports of meetings in two places over three days, some with head counts and amounts, in a
    # shuffled order: after every save each cluster's conflicts are exactly a recount of its members.
    rng = random.Random(3)
    reports = []
    for n in range(28):
        count = rng.choice([None, None, 26, 30, 35])
        text = f"Leaders of {count} countries met." if count else "The talks went on."
        amount = rng.choice([None, "€1bn", "€2bn"])
        pledge = {"country": "Germany", "action": "air defence systems", "amount": amount}
        meeting = Meeting(date=f"2025-03-0{1 + n % 3}", place=rng.choice(["Rome", "Paris"]),
                          format=rng.choice([None, "E3"]))
        reports.append((f"https://r{n}.example/a", meeting, text, [pledge] if amount else []))
    rng.shuffle(reports)
    for url, meeting, text, commitments in reports:
        save(url=url, published=meeting.date, meeting=meeting, text=text, commitments=commitments)
        assert _stored(store) == _recounted(store)
    assert any(field.startswith("count of") for rows in _stored(store).values() for field, *_ in rows)


Rows = dict[str, list[tuple[str, str, str]]]  # each cluster's conflicts: (field, detail, values)


def _stored(store: Store) -> Rows:
    found: Rows = {cluster_id: [] for (cluster_id,) in store.db.execute("select id from meeting_clusters")}
    for cluster_id, *row in store.db.execute(
            "select cluster_id, field, detail, [values] from meeting_conflicts order by id"):
        found[cluster_id].append(tuple(row))
    return found


def _recounted(store: Store) -> Rows:
    found: Rows = {}
    for (cluster_id,) in store.db.execute("select id from meeting_clusters"):
        members = [r[0] for r in store.db.execute(
            "select doc_id from meeting_sources where cluster_id = ? order by doc_id", [cluster_id])]
        found[cluster_id] = [(r["field"], r["detail"], r["values"])
                             for r in cluster_conflicts(store.db, cluster_id=cluster_id, doc_ids=members)]
    return found
