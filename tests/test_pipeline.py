"""The ingest pipeline: an unchanged document is not extracted again, and keeps its counts."""
from __future__ import annotations

import pytest

import bot.extract
from bot.ingest.pipeline import ingest_document
from storage.records import SourceDocument
from storage.store import Store

TEXT = ("Leaders of Norway and Denmark met in Oslo on 1 May 2025. "
        "Norway pledged €100 million for air defence, Prime Minister Jonas Gahr Støre said.")


def test_reingesting_an_unchanged_document_skips_extraction(store: Store, monkeypatch) -> None:
    doc = SourceDocument(text=TEXT, url="https://example.org/oslo", title="Oslo", published="2025-05-02")
    first = ingest_document(store, doc)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an unchanged document was extracted again")

    monkeypatch.setattr(bot.extract, "extract_document", fail)
    again = ingest_document(store, doc)
    assert (first.status, again.status) == ("new", "unchanged")
    assert again.counts == first.counts and first.counts["commitments"] >= 1
    with pytest.raises(AssertionError):  # a changed title is extracted again
        ingest_document(store, SourceDocument(**{**doc.__dict__, "title": "Oslo talks"}))
