"""The stored vocabulary: kept with every save, caught up after writers without the hook, used to
turn prefixes into words without changing what a search finds."""
from __future__ import annotations

import pytest

from bot.ingest.pipeline import ingest_document
from bot.query.retrieve import Retriever
from bot.query.vocabulary import Vocabulary, remember_words
from storage.records import SourceDocument
from storage.store import Store
from tests.test_query_retrieve import _save


def _doc(url: str, text: str) -> SourceDocument:
    return SourceDocument(text=text, url=url, title="Readout", publisher="Example Wire",
                          published="2025-05-01", language="en")


def test_ingest_keeps_the_words_of_every_saved_sentence(store: Store) -> None:
    ingest_document(store, _doc("https://example.org/a", "Ministers pledged demining vessels. Київ дякує."))
    assert Vocabulary(store.db).starting("demin", limit=5) == ["demining"]
    assert Vocabulary(store.db).starting("дяку", limit=5) == ["дякує"]


def test_words_saved_without_the_hook_are_seen_and_then_caught_up(bare_store: Store) -> None:
    store = bare_store
    _save(store, url="https://example.org/a", title="A", sentences=["Minesweepers were promised."])
    vocabulary = Vocabulary(store.db)
    assert vocabulary.starting("minesw", limit=5) == ["minesweepers"]  # read from the new sentences
    assert store.db.execute("select count(*) from vocabulary where term = 'minesweepers'").fetchone()[0] == 0
    store.write_hooks.append(remember_words)
    _save(store, url="https://example.org/b", title="B", sentences=["Radars arrived."])
    stored = {r[0] for r in store.db.execute("select term from vocabulary")}
    assert {"minesweepers", "promised", "radars", "arrived"} <= stored  # the next save caught up


def test_a_prefix_of_few_words_is_searched_as_those_words(store: Store) -> None:
    _save(store, url="https://example.org/a", title="A", sentences=["Pledges came.", "Pledging went on.",
                                                                     "A pledge held.", "Plenty of talks."])
    retriever = Retriever(store.db)
    assert retriever.expand('"pledg"*') == '("pledge" OR "pledges" OR "pledging")'
    assert retriever.expand('"a" + "pledg"*') == '("a" + "pledge" OR "a" + "pledges" OR "a" + "pledging")'
    assert retriever.expand('"zzz" OR "took" + "a" + "pledg"* OR "b" + "pledg"* + "c"') == (
        '"zzz" OR ("took" + "a" + "pledge" OR "took" + "a" + "pledges" OR "took" + "a" + "pledging") '
        'OR "b" + "pledg"* + "c"')  # only a phrase's last word stands for words
    assert retriever.expand('"zzz"*') == '"zzz"*'  # no such word: nothing to gain
    found = [h.text for h in retriever.search('"pledg"* OR "plent"*')]
    assert found == ["Plenty of talks.", "A pledge held.", "Pledging went on.", "Pledges came."]
    assert [h.text for h in retriever.search('"a" + "pledg"*')] == ["A pledge held."]


def test_a_prefix_of_many_words_stays_a_prefix(store: Store) -> None:
    words = [f"supply{chr(97 + i)}" for i in range(14)]
    _save(store, url="https://example.org/a", title="A", sentences=[" ".join(words) + "."])
    assert Retriever(store.db).expand('"suppl"*') == '"suppl"*'


def test_words_of_a_rolled_back_save_are_remembered_by_the_next_one(store: Store) -> None:
    _save(store, url="https://example.org/a", title="A", sentences=["Radars arrived."])

    def fail(*_: object) -> None:
        raise RuntimeError("a later hook fails: the save rolls back")

    store.write_hooks.append(fail)
    with pytest.raises(RuntimeError):
        _save(store, url="https://example.org/b", title="B", sentences=["Minesweepers were promised."])
    store.write_hooks.remove(fail)
    assert store.db.execute("select count(*) from vocabulary where term = 'minesweepers'").fetchone()[0] == 0
    # The writer had counted "minesweepers" as known; the table never got it, so it asks again.
    _save(store, url="https://example.org/b", title="B", sentences=["Minesweepers were promised."])
    assert Vocabulary(store.db).starting("minesw", limit=5) == ["minesweepers"]
    assert store.db.execute("select count(*) from vocabulary where term = 'minesweepers'").fetchone()[0] == 1
