"""A comparison ("did Norway or Denmark pledge more?") opens with each actor's amounts side by
side, in the order asked; amounts are shown as written, never added up."""
from __future__ import annotations

import pytest

from bot.query.engine import QueryEngine
from storage.records import SourceDocument
from tests.conftest import engine_over

DOCS = [
    SourceDocument(
        url="https://example.org/nordic-aid", title="Nordic ministers announce aid for Ukraine",
        publisher="Fjord Wire", published="2025-09-10", language="en",
        text=("Nordic ministers announce aid for Ukraine\n\n"
              "Norway pledged 2 billion kroner for naval drones at the meeting in Oslo. "
              "Denmark will provide €300 million for air defence next year. "
              "Finland said it would study the request.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("compare"), DOCS)


@pytest.mark.parametrize("question", ["did norway or denmark pledge more?",
                                      "compare what norway and denmark committed"])
def test_a_comparison_opens_with_each_actors_amounts(engine: QueryEngine, question: str) -> None:
    first = engine.answer(question).text.splitlines()[0]
    assert first.startswith("Norway: 2 billion kroner")
    assert "Denmark: €300 million" in first


def test_an_actor_without_an_amount_says_so(engine: QueryEngine) -> None:
    first = engine.answer("did norway or finland give more?").text.splitlines()[0]
    assert first.startswith("Norway: 2 billion kroner") and "Finland: no amount recorded" in first


def test_no_comparison_line_without_a_comparing_word(engine: QueryEngine) -> None:
    answer = engine.answer("what did norway and denmark pledge")
    assert not answer.text.startswith("Norway: ")
    assert "2 billion kroner" in answer.text and "€300 million" in answer.text
