"""Any question, FTS5 syntax and SQL included, gets an Answer: never a crash, never a changed store."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ask import answer_question
from bot.ingest.pipeline import ingest_document, load_input, read_manifest
from bot.query import Answer
from bot.wiring import open_store
from storage.store import Store
from tests.hostile.bad_inputs import QUESTIONS
from tests.hostile.readouts import write_readouts

FTS_AND_SQL = ['"', "NEAR(", "NEAR/2", "*", "OR", "AND", "NOT", "-", "+", "^", ":", "(", ")", "{", "}",
               "'", ";", "--", "/*", "*/", "%", "_", "\\", "DROP TABLE documents", "1=1", "UNION SELECT",
               "Norway", "Anna Berg", "said", "pledged", "Oslo", "May 2025", "who", "what did", "?", " ",
               "\u200b", "\u202e", "🇺🇦", "Україна", "заявив"]
questions = (st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
             | st.lists(st.sampled_from(FTS_AND_SQL), max_size=40).map(" ".join)
             | st.lists(st.sampled_from(FTS_AND_SQL), max_size=40).map("".join))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding a dozen readouts, shared by every question of this module."""
    folder = tmp_path_factory.mktemp("query")
    s = open_store(folder / "query.db")
    for item in read_manifest(write_readouts(folder / "docs", 12)):
        assert not isinstance(item, Exception)
        ingest_document(s, load_input(item))
    yield s
    s.close()


def snapshot(store: Store) -> dict[str, int]:
    return {t: store.db[t].count for t in store.db.table_names() if not t.startswith("_")}


def assert_is_an_answer(reply: Answer, question: str) -> None:
    assert isinstance(reply, Answer)
    assert isinstance(reply.text, str) and reply.text.strip()
    assert isinstance(reply.found, bool)
    assert reply.found == bool(reply.results) or reply.found  # "found" never claims facts it lacks
    for word in ("sqlite", "syntax error", "Traceback", "fts5"):
        assert word not in reply.text.lower()


@pytest.mark.parametrize("question", QUESTIONS)
def test_each_hostile_question_gets_an_answer(store: Store, question: str) -> None:
    before = snapshot(store)
    assert_is_an_answer(answer_question(question, store=store), question)
    assert snapshot(store) == before
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(questions)
def test_any_question_gets_an_answer(store: Store, question: str) -> None:
    assert_is_an_answer(answer_question(question, store=store), question)


def test_sql_in_a_question_does_not_run(store: Store) -> None:
    documents = store.db["documents"].count
    answer_question("'; DELETE FROM documents; --", store=store)
    answer_question('x" OR 1=1; DROP TABLE sentences; --', store=store)
    assert store.db["documents"].count == documents
    assert "sentences" in store.db.table_names()


def test_a_question_about_a_known_fact_still_finds_it(store: Store) -> None:
    # The hostile suite must not pass by an engine that never finds anything.
    reply = answer_question("what did Anna Berg say?", store=store)
    assert reply.found, reply.text
