"""Two writers on one store file (the bot and `pledgebot ingest`, or two threads): both succeed.

A transaction that reads before it writes must not fail with "database is locked" because
another connection committed in between; write transactions take the lock when they begin.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

import storage.store
from storage.records import Extraction, Sentence, SourceDocument
from storage.store import Store


def document(n: int) -> tuple[SourceDocument, Extraction]:
    text = f"Leaders met in Oslo for talks number {n}."
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    return SourceDocument(text=text, url=f"https://example.org/{n}"), Extraction(sentences=(sentence,))


def test_a_save_survives_another_connection_committing_mid_transaction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.db"
    first, second = Store.open(path), Store.open(path)
    real_now = storage.store.now_iso
    other = threading.Thread(target=lambda: second.save_document(*document(2)))

    def now_while_another_writes(*_: object) -> str:
        # Called inside the first save, after its first read: the second connection writes now.
        monkeypatch.setattr(storage.store, "now_iso", real_now)
        other.start()
        other.join(timeout=1)  # it finishes at once unless the first save holds the write lock
        return real_now()

    monkeypatch.setattr(storage.store, "now_iso", now_while_another_writes)
    assert first.save_document(*document(1)).status == "new"
    other.join()
    assert sorted(d["url"] for d in first.documents()) == ["https://example.org/1", "https://example.org/2"]
    first.close()
    second.close()


def test_two_threads_ingesting_into_one_file_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    Store.open(path).close()
    errors: list[BaseException] = []

    def ingest(offset: int) -> None:
        store = Store.open(path)
        try:
            for n in range(offset, offset + 40):
                store.save_document(*document(n))
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)
        finally:
            store.close()

    threads = [threading.Thread(target=ingest, args=(k * 100,)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = Store.open(path)
    assert store.db["documents"].count == 120
    store.close()
