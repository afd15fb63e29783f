"""Word counts kept across saves: moved by the logged sentences, always what the index says now."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.query.counts import WordCounts
from bot.query.retrieve import Retriever
from bot.wiring import open_store
from storage.query_schema import SENTENCES_KEPT
from storage.records import Extraction, Meeting, Sentence, SourceDocument
from storage.store import Store


def _save(store: Store, *, url: str, sentences: list[str]) -> str:
    doc = SourceDocument(text=" ".join(sentences), url=url, title="T", publisher="Example Wire",
                         published="2025-05-01", language="en")
    spans, start = [], 0
    for i, sentence in enumerate(sentences):
        spans.append(Sentence(index=i, start=start, end=start + len(sentence), text=sentence))
        start += len(sentence) + 1
    store.save_document(doc, Extraction(sentences=tuple(spans), meeting=Meeting()))
    return doc.key


def _counted_now(store: Store, prefix: str) -> int:
    """Count as a reader that kept nothing does."""
    return int(store.db.execute("select coalesce(sum(doc), 0) from sentences_fts_vocab "
                                "where term >= ? and term < ?", [prefix, prefix + "\uffff"]).fetchone()[0])


def _rewrite(store: Store, doc_id: str, text: str) -> None:
    """Change a document's sentences in place, touching its row as every write of them does."""
    store.db.execute("update sentences set text = ? where doc_id = ?", [text, doc_id])
    store.db.execute("update documents set title = title where id = ?", [doc_id])


PREFIXES = ["drone", "radar", "sonar", "zelensk", "ппо", "talk"]


def _reads_of_counts(store: Store, retriever: Retriever, prefixes: list[str]) -> int:
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        for prefix in prefixes:
            retriever.frequency([prefix])
    finally:
        store.db.conn.set_trace_callback(None)
    return sum(1 for s in statements if "sentences_fts_vocab" in s)


def test_counts_kept_across_another_writers_saves_are_the_stores(store: Store, tmp_path: Path) -> None:
    a = _save(store, url="https://example.org/a", sentences=["Drones were sent.", "Radar talks began."])
    b = _save(store, url="https://example.org/b", sentences=["More drones came, drones again."])
    retriever = Retriever(store.db)
    assert [retriever.frequency([p]) for p in PREFIXES] == [_counted_now(store, p) for p in PREFIXES]
    writer = open_store(tmp_path / "test.db")  # the feeds' own connection
    steps = [
        lambda: _save(writer, url="https://example.org/a",  # saved again, one sentence changed
                      sentences=["Drones were sent.", "Sonar talks began.", "Zelenskyy spoke."]),
        lambda: _save(writer, url="https://example.org/c", sentences=["Зеленський говорив про ППО."]),
        lambda: writer.delete_document(b),
        lambda: _rewrite(writer, a, "Radar drones, radars."),
        lambda: _save(writer, url="https://example.org/d", sentences=["Drones.", "Drones."]),  # twice
    ]
    for step in steps:
        with writer.db.conn:
            step()
        assert [retriever.frequency([p]) for p in PREFIXES] == [_counted_now(store, p) for p in PREFIXES]
    # Moved by the log, not read again: one save reads no count from the index.
    _save(writer, url="https://example.org/e", sentences=["Radar drones seen."])
    assert _reads_of_counts(store, retriever, PREFIXES) == 0
    assert [retriever.frequency([p]) for p in PREFIXES] == [_counted_now(store, p) for p in PREFIXES]
    writer.close()


def test_counts_are_read_again_when_the_log_was_pruned_past_them(store: Store, tmp_path: Path) -> None:
    _save(store, url="https://example.org/a", sentences=["Drones were sent."])
    retriever = Retriever(store.db)
    assert retriever.frequency(["drone"]) == 1
    writer = open_store(tmp_path / "test.db")
    many = [f"Drones {i} came." for i in range(SENTENCES_KEPT + 1)]
    _save(writer, url="https://example.org/b", sentences=many)
    assert writer.db.execute("select count(*) from sentence_changes").fetchone()[0] == SENTENCES_KEPT
    assert _reads_of_counts(store, retriever, ["drone"]) == 1
    assert retriever.frequency(["drone"]) == SENTENCES_KEPT + 2
    writer.close()


def test_the_readers_own_save_moves_its_counts(store: Store) -> None:
    retriever = Retriever(store.db)
    assert retriever.frequency(["drone"]) == 0
    _save(store, url="https://example.org/a", sentences=["Drones were sent."])
    assert retriever.frequency(["drone"]) == 1
    _save(store, url="https://example.org/a", sentences=["Radars were sent."])
    assert (retriever.frequency(["drone"]), retriever.frequency(["radar"])) == (0, 1)


def test_a_count_older_than_every_change_kept_is_read_again(store: Store, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WordCounts, "_KEPT_CHANGES", 2)
    retriever = Retriever(store.db)
    assert retriever.frequency(["drone"]) == 0
    writer = open_store(tmp_path / "test.db")
    for i in range(3):
        _save(writer, url=f"https://example.org/{i}", sentences=[f"Drones came {i} times."])
        assert retriever.frequency(["radar"]) == 0  # each save followed while a question reads
    assert _reads_of_counts(store, retriever, ["drone", "radar"]) == 1  # radar's moved, drone's read
    assert retriever.frequency(["drone"]) == 3
    writer.close()


def test_a_store_without_the_log_keeps_counts_until_a_save(store: Store, tmp_path: Path) -> None:
    for event in ("insert", "delete", "update"):
        store.db.execute(f"drop trigger sentence_changes_{event}")
    store.db.execute("drop table sentence_changes")
    _save(store, url="https://example.org/a", sentences=["Drones were sent."])
    retriever = Retriever(store.db)
    assert _reads_of_counts(store, retriever, ["drone", "drone"]) == 1
    writer = open_store(tmp_path / "test.db")  # migrations applied: the log stays gone
    _save(writer, url="https://example.org/b", sentences=["Drones came."])
    assert retriever.frequency(["drone"]) == 2
    writer.close()
