"""Indexed reads of the query engine over a real store: newest-first search, caches that follow saves."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import bot.query.id_runs
import bot.query.retrieve
import bot.query.within
from bot.query.changes import ChangeLog
from bot.query.names import word_terms
from bot.query.retrieve import Retriever
from bot.wiring import open_store
from storage.query_schema import CHANGES_KEPT
from storage.records import Extraction, Meeting, Sentence, SourceDocument
from storage.store import Store


def _save(store: Store, *, url: str, title: str, sentences: list[str], meeting: Meeting | None = None) -> str:
    text = " ".join(sentences)
    doc = SourceDocument(text=text, url=url, title=title, publisher="Example Wire", published="2025-05-01",
                         language="en")
    spans, start = [], 0
    for i, sentence in enumerate(sentences):
        spans.append(Sentence(index=i, start=start, end=start + len(sentence), text=sentence))
        start += len(sentence) + 1
    store.save_document(doc, Extraction(sentences=tuple(spans), meeting=meeting or Meeting()))
    return doc.key


def test_search_returns_the_newest_matches_first(store: Store) -> None:
    _save(store, url="https://example.org/a", title="Older", sentences=["Drones for the navy were sent."])
    newer = _save(store, url="https://example.org/b", title="Newer", sentences=["More drones came in May."])
    hits = Retriever(store.db).search('"drones"', limit=1)
    assert [(h.doc_id, h.text) for h in hits] == [(newer, "More drones came in May.")]


def test_search_within_documents_keeps_to_them(store: Store) -> None:
    older = _save(store, url="https://example.org/a", title="Older", sentences=["Drones for the navy."])
    _save(store, url="https://example.org/b", title="Newer", sentences=["More drones arrived."])
    hits = Retriever(store.db).search('"drones"', doc_ids=[older])
    assert [h.doc_id for h in hits] == [older]
    assert Retriever(store.db).search('"drones"', doc_ids=[]) == []


def test_cached_documents_follow_a_replaced_document(store: Store) -> None:
    retriever = Retriever(store.db)
    key = _save(store, url="https://example.org/a", title="First title", sentences=["Radar talks began."])
    assert retriever.documents([key])[key].title == "First title"
    _save(store, url="https://example.org/a", title="Second title", sentences=["Radar talks ended."])
    assert retriever.documents([key])[key].title == "Second title"


def test_stored_words_follow_new_documents(store: Store) -> None:
    retriever = Retriever(store.db)
    _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    assert "radiators" not in retriever.words_starting("r")
    _save(store, url="https://example.org/b", title="B", sentences=["Radiators were delivered."])
    assert "radiators" in retriever.words_starting("r")


def test_search_within_a_few_documents_finds_what_fts5_finds(store: Store) -> None:
    # Within a few documents the sentences are matched in Python: same hits, newest first.
    # Plain ASCII, ASCII but for curly quotes and dashes, accents, Cyrillic: each read as the
    # index reads it, whether or not its words are runs of its lower-cased text.
    words = ["Drones for the navy.", "The Kingdom of the Netherlands pledged drones.", "Talks on demining.",
             "Нідерланди пообіцяли дрони.", "“DRONES” arrived — said Šefčovič.", "Ms Müller’s talks ended."]
    keys = [_save(store, url=f"https://example.org/{i}", title=str(i), sentences=words[i:] + words[:i])
            for i in range(4)]
    retriever = Retriever(store.db)
    exprs = ['"drones"', '"netherlands" OR "нідерланд"*', '"kingdom" + "of" + "the" AND "pledg"*', '"talk"*',
             '"sefcovic"', '"muller" + "s"', '"arrived" + "said"', '"miss"']
    for expr in exprs:
        within = retriever.search(expr, doc_ids=keys[1:3], limit=5)
        rows = store.db.execute(
            "select s.id from sentences_fts join sentences s on s.id = sentences_fts.rowid where "
            "sentences_fts match ? and s.doc_id in (?, ?) order by s.id desc limit 5",
            [expr, *keys[1:3]]).fetchall()
        assert [h.id for h in within] == [r[0] for r in rows], expr
        assert {h.doc_id for h in within} <= set(keys[1:3])


def test_search_within_documents_sees_a_replaced_document(store: Store) -> None:
    key = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    retriever = Retriever(store.db)
    assert [h.text for h in retriever.search('"radar"', doc_ids=[key])] == ["Radar talks began."]
    key = _save(store, url="https://example.org/a", title="A", sentences=["Sonar talks began."])
    assert retriever.search('"radar"', doc_ids=[key]) == []
    assert [h.text for h in retriever.search('"sonar"', doc_ids=[key])] == ["Sonar talks began."]


def test_a_search_the_matcher_cannot_read_is_left_to_fts5(store: Store) -> None:
    key = _save(store, url="https://example.org/a", title="A", sentences=["Drones and radars arrived."])
    # NEAR is FTS5 syntax the engine never writes; within documents it must still be answered.
    hits = Retriever(store.db).search('NEAR("drones" "radars")', doc_ids=[key])
    assert [h.text for h in hits] == ["Drones and radars arrived."]


def test_a_question_reads_one_state_of_the_store_and_the_next_sees_other_writers(store: Store,
                                                                                  tmp_path: Path) -> None:
    doc_id = _save(store, url="https://example.org/a", title="Before", sentences=["Drones were sent."])
    retriever = Retriever(store.db)
    other = sqlite3.connect(tmp_path / "test.db")  # another process's connection, as the CLI's
    with retriever.question():
        assert retriever.documents([doc_id])[doc_id].title == "Before"
        with other:
            other.execute("update documents set title = 'After' where id = ?", [doc_id])
        assert retriever.documents([doc_id])[doc_id].title == "Before"  # checked as it began
    with retriever.question():
        assert retriever.documents([doc_id])[doc_id].title == "After"
    other.close()


def test_word_counts_follow_saves(store: Store) -> None:
    retriever = Retriever(store.db)
    _save(store, url="https://example.org/a", title="A", sentences=["Drones were sent.", "Radars too."])
    assert retriever.sentence_count() == 2
    assert retriever.frequency(["drone"]) == 1
    _save(store, url="https://example.org/b", title="B", sentences=["More drones came."])
    assert retriever.sentence_count() == 3  # a save empties what was kept
    assert retriever.frequency(["drone"]) == 2


def _reads_of(store: Store, table: str, action: Callable[[], object]) -> int:
    """Return how many statements reading ``table`` ``action`` ran on the store's connection."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        action()
    finally:
        store.db.conn.set_trace_callback(None)
    return sum(1 for s in statements if s.lstrip().lower().startswith("select") and f"from {table}" in s)


def test_a_commit_that_changes_no_document_keeps_what_was_read(store: Store, tmp_path: Path) -> None:
    key = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    retriever = Retriever(store.db)
    assert retriever.documents([key])[key].title == "A"
    other = sqlite3.connect(tmp_path / "test.db")  # a feed poll or a chat's state, as a bot writes
    with other:
        other.execute("create table if not exists scratch (x)")
        other.execute("insert into scratch values (1)")
    assert _reads_of(store, "documents", lambda: retriever.documents([key])) == 0
    other.close()


def test_another_writers_save_is_seen_and_other_documents_stay_kept(store: Store, tmp_path: Path) -> None:
    kept = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    retriever = Retriever(store.db)
    assert retriever.documents([kept])[kept].title == "A"
    assert not retriever.exists('"sonar"')
    assert "sonar" not in retriever.words_starting("so")
    writer = open_store(tmp_path / "test.db")  # the feeds' own connection
    new = _save(writer, url="https://example.org/b", title="B", sentences=["Sonar talks began."])
    assert retriever.exists('"sonar"')
    assert "sonar" in retriever.words_starting("so")
    assert retriever.documents([new])[new].title == "B"
    assert _reads_of(store, "documents", lambda: retriever.documents([kept])) == 0
    writer.close()


def test_a_name_found_only_in_a_replaced_or_deleted_document_is_gone(store: Store, tmp_path: Path) -> None:
    key = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    other = _save(store, url="https://example.org/b", title="B", sentences=["Drones were sent."])
    retriever = Retriever(store.db)
    assert retriever.exists('"radar"') and retriever.exists('"drones"')
    writer = open_store(tmp_path / "test.db")
    _save(writer, url="https://example.org/a", title="A", sentences=["Sonar talks began."])
    assert not retriever.exists('"radar"')
    assert retriever.documents([key])[key].title == "A"
    writer.delete_document(other)
    assert not retriever.exists('"drones"')
    assert retriever.documents([other]) == {}
    writer.close()


def test_the_change_log_tells_which_documents_changed_and_when_it_cannot(store: Store) -> None:
    log = ChangeLog(store.db)
    assert log.since_last() is None  # the first look knows nothing of what came before
    assert log.since_last() == frozenset()
    a = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    b = _save(store, url="https://example.org/b", title="B", sentences=["Drones were sent."])
    store.delete_document(a)
    assert log.since_last() == {a, b}
    with store.db.atomic():
        assert log.since_last() is None  # in the middle of a write that may be rolled back
    for i in range(CHANGES_KEPT + 1):
        store.db.execute("insert into documents (id) values (?)", [f"d{i}"])
    assert log.since_last() is None  # more changes than the log keeps: the reader forgets all
    assert store.db.execute("select count(*) from content_changes").fetchone()[0] == CHANGES_KEPT


def test_marked_sentences_are_read_from_their_own_index(store: Store) -> None:
    key = _save(store, url="https://example.org/a", title="A",
                sentences=["Radar talks began.", "Share this."])
    store.db.execute("update sentences set boilerplate = 1 where doc_id = ? and idx = 1", [key])
    assert Retriever(store.db).boilerplate([key, "unknown"]) == {(key, 1)}
    plan = store.db.execute("explain query plan select doc_id, idx from sentences "
                            "where doc_id in (?, ?) and boilerplate = 1", [key, "unknown"]).fetchall()
    assert "idx_sentences_boilerplate" in " ".join(str(row) for row in plan)


def test_a_sentence_of_a_document_read_whole_follows_its_replacement(store: Store, tmp_path: Path) -> None:
    key = _save(store, url="https://example.org/a", title="A",
                sentences=["Radar talks began.", "Drones came."])
    retriever = Retriever(store.db)
    assert len(retriever.openings([key], upto=400)) == 2  # kept whole, as an answer's best documents
    assert retriever.sentence_texts([(key, 1), (key, 5)]) == {(key, 1): "Drones came."}
    writer = open_store(tmp_path / "test.db")
    _save(writer, url="https://example.org/a", title="A", sentences=["Radar talks began.", "Boats came."])
    assert retriever.sentence_texts([(key, 1)]) == {(key, 1): "Boats came."}
    writer.close()


def test_words_a_writer_without_the_vocabulary_hook_saved_are_seen(store: Store, tmp_path: Path) -> None:
    _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    retriever = Retriever(store.db)
    assert "sonar" not in retriever.words_starting("so")
    bare = Store.open(tmp_path / "test.db")  # no save hooks: its words reach no vocabulary table
    _save(bare, url="https://example.org/b", title="B", sentences=["Sonar talks began."])
    assert "sonar" in retriever.words_starting("so")
    assert "sonars" not in retriever.words_starting("son")
    _save(bare, url="https://example.org/c", title="C", sentences=["Sonars came."])
    assert "sonars" in retriever.words_starting("son")
    bare.close()


def test_the_meeting_index_is_kept_until_a_save_changes_a_meeting(store: Store, tmp_path: Path) -> None:
    radar = Meeting(name="Radar talks", place="Oslo", date="2025-05-01")
    key = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."],
                meeting=radar)
    retriever = Retriever(store.db)
    names = retriever.all_meetings()
    assert [d for d, _ in names.meetings] == [key]
    writer = open_store(tmp_path / "test.db")  # the feeds' own connection
    # Saved again with one sentence more and the same meeting: the index stays (it costs about
    # a second to build at 20k documents).
    _save(writer, url="https://example.org/a", title="A", sentences=["Radar talks began.", "They ended."],
          meeting=radar)
    assert retriever.all_meetings() is names
    # A new report's meeting is added to it (a feed's usual save), and found by its words.
    new = _save(writer, url="https://example.org/b", title="B", sentences=["Sonar talks began."],
                meeting=Meeting(name="Sonar talks", place="Bergen"))
    assert retriever.all_meetings() is names
    assert "Sonar talks Bergen" in [line for _, line in names.meetings]
    assert names.naming([word_terms(["Bergen"], label="B")]) == [new]
    assert names.naming([word_terms(["talks"], label="t")]) == [key, new]
    # The report added to the kept index, renamed, is seen too.
    _save(writer, url="https://example.org/b", title="B", sentences=["Sonar summit began."],
          meeting=Meeting(name="Sonar summit", place="Bergen"))
    lines = [line for _, line in retriever.all_meetings().meetings]
    assert "Sonar summit Bergen" in lines and "Sonar talks Bergen" not in lines
    # One renamed is seen by the next question, in an index built again without its old name.
    _save(writer, url="https://example.org/a", title="A", sentences=["Radar talks began."],
          meeting=Meeting(name="Radar summit", place="Oslo"))
    lines = [line for _, line in retriever.all_meetings().meetings]
    assert "Radar summit Oslo" in lines and "Radar talks Oslo" not in lines
    writer.close()


def test_derived_values_are_kept_until_a_save_changes_their_document(store: Store, tmp_path: Path) -> None:
    one = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."])
    two = _save(store, url="https://example.org/b", title="B", sentences=["Sonar talks began."])
    retriever = Retriever(store.db)
    read: list[list[str]] = []

    def titles(ids: list[str]) -> dict[str, str]:
        read.append(ids)
        return {d: info.title for d, info in retriever.documents(ids).items()}

    assert retriever.derived("title", [one, two], titles) == {one: "A", two: "B"}
    assert retriever.derived("title", [two, one], titles) == {two: "B", one: "A"}
    assert read == [[one, two]]  # the second time from what was kept
    writer = open_store(tmp_path / "test.db")  # the feeds' own connection
    _save(writer, url="https://example.org/b", title="B again", sentences=["Sonar talks ended."])
    assert retriever.derived("title", [one, two], titles) == {one: "A", two: "B again"}
    assert read == [[one, two], [two]]  # only the saved document read again
    writer.close()


def test_search_within_many_documents_finds_what_fts5_finds(store: Store,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # Past a few dozen documents FTS5 searches, kept to the documents by their sentences' ids:
    # the same hits as a join on doc_id, newest first, up to the limit.
    monkeypatch.setattr(bot.query.retrieve, "_MATCHED_HERE", 0)
    words = ["Drones for the navy.", "The Kingdom of the Netherlands pledged drones.", "Talks on demining.",
             "Нідерланди пообіцяли дрони.", "More drones and talks."]
    keys = [_save(store, url=f"https://example.org/{i}", title=str(i),
                  sentences=words[i % 5:] + words[:i % 5]) for i in range(9)]
    # A document whose sentence ids are not one run (a middle sentence gone).
    sql = "select id from sentences where doc_id = ? and idx = 2"
    middle = store.db.execute(sql, [keys[4]]).fetchone()[0]
    with store.db.conn:
        store.db.execute("delete from sentences where id = ?", [middle])
    assert bot.query.id_runs.read_runs(store.db, [keys[4]])[keys[4]] == ((middle - 2, middle - 1),
                                                                          (middle + 1, middle + 2))
    retriever = Retriever(store.db)
    chosen = [keys[1], keys[4], keys[6], keys[7]]
    for expr in ['"drones"', '"netherlands" OR "нідерланд"*', '"talk"*', '"demining"', '"absent"']:
        for limit in (1, 3, 50):
            hits = retriever.search(expr, doc_ids=chosen, limit=limit)
            rows = store.db.execute(
                "select s.id from sentences_fts join sentences s on s.id = sentences_fts.rowid where "
                f"sentences_fts match ? and s.doc_id in ({', '.join('?' * len(chosen))}) "
                "order by s.id desc limit ?", [expr, *chosen, limit]).fetchall()
            assert [h.id for h in hits] == [r[0] for r in rows], (expr, limit)


def test_a_period_is_kept_until_a_save_changes_what_it_holds(store: Store, tmp_path: Path) -> None:
    may = _save(store, url="https://example.org/a", title="A", sentences=["Radar talks began."],
                meeting=Meeting(name="Radar talks", place="Oslo", date="2025-05-02"))
    june = _save(store, url="https://example.org/b", title="B", sentences=["Sonar talks began."],
                 meeting=Meeting(name="Sonar talks", place="Bergen", date="2025-06-03"))
    retriever = Retriever(store.db)  # every report published on May 1: asked from May 2

    def asked() -> tuple[list[str], list[tuple[str, str]]]:
        return (retriever.docs_dated("2025-05-02", "2025-05-31"),
                retriever.meetings_dated("2025-05-02", "2025-05-31").meetings)

    def fresh() -> tuple[list[str], list[tuple[str, str]]]:
        other = Retriever(store.db)
        return (other.docs_dated("2025-05-02", "2025-05-31"),
                other.meetings_dated("2025-05-02", "2025-05-31").meetings)

    assert asked() == ([may], [(may, "Radar talks Oslo")])
    writer = open_store(tmp_path / "test.db")  # the feeds' own connection
    # June's report saved again, still in June: May is kept, as the store would give it.
    _save(writer, url="https://example.org/b", title="B", sentences=["Sonar talks began.", "They ended."],
          meeting=Meeting(name="Sonar talks", place="Bergen", date="2025-06-03"))
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    assert asked() == fresh()
    store.db.conn.set_trace_callback(None)
    assert sum("between" in s for s in statements) == 2  # the fresh retriever's, none of the kept one
    # Moved into May, or a new report of May: read again.
    _save(writer, url="https://example.org/b", title="B", sentences=["Sonar talks began."],
          meeting=Meeting(name="Sonar talks", place="Bergen", date="2025-05-20"))
    both = [(may, "Radar talks Oslo"), (june, "Sonar talks Bergen")]
    assert asked() == fresh() == (sorted([may, june]), both)
    new = _save(writer, url="https://example.org/c", title="C", sentences=["Drone talks began."],
                meeting=Meeting(name="Drone talks", date="2025-05-09"))
    assert asked() == fresh() and new in asked()[0]
    # May's own report renamed, then moved out of May: read again.
    _save(writer, url="https://example.org/a", title="A", sentences=["Radar talks began again."],
          meeting=Meeting(name="Radar summit", place="Oslo", date="2025-05-02"))
    assert asked() == fresh() and (may, "Radar summit Oslo") in asked()[1]
    _save(writer, url="https://example.org/a", title="A", sentences=["Radar talks began."],
          meeting=Meeting(name="Radar summit", place="Oslo", date="2025-07-02"))
    assert asked() == fresh() and all(d != may for d, _ in asked()[1])
    writer.close()


def test_documents_read_whole_are_all_returned_when_the_kept_ones_overflow(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading more documents than are kept empties what was kept: the documents asked for that
    # were kept among them are read again, not left out.
    monkeypatch.setattr(bot.query.within, "_KEPT_DOCS", 3)
    keys = [_save(store, url=f"https://example.org/{i}", title=str(i),
                  sentences=[f"Talks {i} began.", "Done."]) for i in range(4)]
    retriever = Retriever(store.db)
    assert len(retriever.sentence_rows(keys[:2])) == 4
    rows = retriever.sentence_rows(keys[1:])  # one kept, two more: past the three kept
    assert [(r[1], r[2], r[3]) for r in rows] == sorted(
        (k, i, text) for k, n in zip(keys[1:], range(1, 4), strict=True)
        for i, text in enumerate([f"Talks {n} began.", "Done."]))
