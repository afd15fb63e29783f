"""The sentence index merged into one segment as saves make it grow, searches unchanged."""
from __future__ import annotations

from pathlib import Path

import pytest

import bot.query.compaction as compaction
from bot.query.retrieve import Retriever
from bot.wiring import open_store
from storage.records import Extraction, Meeting, Sentence, SourceDocument
from storage.store import Store


def _save(store: Store, i: int) -> None:
    text = f"Convoy {i} delivered radars to the port."
    doc = SourceDocument(text=text, url=f"https://example.org/{i}", title=f"Convoy {i}",
                         publisher="Example Wire", published="2025-05-01", language="en")
    store.save_document(doc, Extraction(sentences=(Sentence(index=0, start=0, end=len(text), text=text),),
                                        meeting=Meeting()))


def _segments(store: Store) -> int:
    return int(store.db.execute("select count(distinct segid) from sentences_fts_idx").fetchone()[0])


def test_the_index_is_merged_once_a_tenth_more_is_saved(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compaction, "_MIN_NEW", 20)  # a store of a few sentences, not thousands
    store = open_store(tmp_path / "c.db")
    for i in range(19):
        _save(store, i)
    assert _segments(store) > 1  # FTS5 adds a segment a save and merges only level by level
    _save(store, 19)
    assert _segments(store) == 1
    merged_upto = store.db.execute("select merged_upto from sentence_index_state").fetchone()[0]
    assert merged_upto == store.db.execute("select max(id) from sentences").fetchone()[0]
    _save(store, 20)
    assert _segments(store) == 2  # the next merge waits for another tenth (and the minimum)
    hits = Retriever(store.db).search('"radars"', limit=100)
    assert len(hits) == 21 and hits[0].text == "Convoy 20 delivered radars to the port."
    store.close()
