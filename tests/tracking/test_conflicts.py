"""Where the sources of one meeting disagree: head counts written in the text."""
from __future__ import annotations

import pytest

from bot.tracking.conflicts import count_conflicts
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
