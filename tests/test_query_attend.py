"""Attendance answers list the meeting asked about: its place, its time, whom it was shared with.

Over reports of our own (two meetings of the same people, in two cities and two years), ingested
with the real extraction into a real store: each test asks "who attended" or "who came with X"
and checks the list of the meeting asked about, and that the other meeting's people are not shown.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.query.engine import QueryEngine
from storage.records import SourceDocument
from tests.conftest import engine_over

DOCS = [
    SourceDocument(
        url="https://example.org/tallinn-grid", title="Baltic leaders meet in Tallinn on power grids",
        publisher="Baltic Desk", published="2024-03-12", language="en",
        text=("Baltic leaders meet in Tallinn on power grids\n\n"
              "Polish Prime Minister Donald Tusk, Czech Prime Minister Petr Fiala and Estonian President "
              "Alar Karis met in Tallinn on 12 March 2024 to talk about power grids. "
              "The three leaders agreed to share reserve capacity in winter.")),
    SourceDocument(
        url="https://example.org/riga-ports", title="Leaders meet in Riga on ports",
        publisher="Harbour Wire", published="2025-05-20", language="en",
        text=("Leaders meet in Riga on ports\n\n"
              "Polish Prime Minister Donald Tusk, Spanish Prime Minister Pedro Sánchez and Latvian President "
              "Edgars Rinkēvičs met in Riga on 20 May 2025 to talk about ports. "
              "The leaders agreed to dredge the shipping lanes in summer.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("attend"), DOCS)


@pytest.mark.parametrize(("question", "shown", "not_shown"), [
    pytest.param("who came to Riga with Tusk", ["Pedro Sánchez"], ["Petr Fiala", "Alar Karis"],
                 id="companions-at-the-place-asked"),
    pytest.param("who came to Tallinn with Tusk", ["Petr Fiala"], ["Pedro Sánchez", "Rinkēvičs"],
                 id="companions-at-the-other-place"),
    pytest.param("who came with Tusk in 2025", ["Pedro Sánchez"], ["Petr Fiala"],
                 id="companions-in-the-year-asked"),
    pytest.param("who attended the meeting in Tallinn", ["Petr Fiala", "Alar Karis"], ["Pedro Sánchez"],
                 id="attendees-of-the-place-asked"),
])
def test_attendance_lists_the_meeting_asked(engine: QueryEngine, question: str, shown: list[str],
                                            not_shown: list[str]) -> None:
    answer = engine.answer(question)
    listed = " ".join(r["text"] for r in answer.results if r["type"] == "attendance")
    for name in shown:
        assert name in listed
    for name in not_shown:
        assert name not in answer.text


def test_a_report_of_no_known_date_answers_before_one_dated_otherwise(tmp_path: Path) -> None:
    # Two reports of meetings in Gdansk: one dated 2025, one whose date neither the page nor its
    # text gives. Asked about 2023, the undated one may be of that year; the 2025 one is not.
    undated = SourceDocument(
        url="https://example.org/gdansk-undated", title="Leaders meet in Gdansk on shipping",
        publisher="Harbour Wire", published=None, language="en",
        text=("Leaders meet in Gdansk on shipping\n\n"
              "Polish Prime Minister Donald Tusk and Czech Prime Minister Petr Fiala met in Gdansk "
              "to talk about shipping. The two leaders agreed to share port data."))
    dated = SourceDocument(
        url="https://example.org/gdansk-2025", title="Leaders meet in Gdansk on shipping again",
        publisher="Harbour Wire", published="2025-05-20", language="en",
        text=("Leaders meet in Gdansk on shipping again\n\n"
              "Polish Prime Minister Donald Tusk and Spanish Prime Minister Pedro Sánchez met in Gdansk "
              "on 20 May 2025 to talk about shipping. The leaders agreed to dredge the lanes."))
    engine = engine_over(tmp_path, [undated, dated])
    answer = engine.answer("who attended the meeting in Gdansk in June 2023")
    assert "Petr Fiala" in " ".join(r["text"] for r in answer.results if r["type"] == "attendance")
    assert "Pedro Sánchez" not in answer.text
    answer = engine.answer("who attended the meeting in Gdansk in May 2025")
    assert "Pedro Sánchez" in answer.text and "Petr Fiala" not in answer.text
