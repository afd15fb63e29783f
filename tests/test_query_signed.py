"""Agreement answers open with what was signed and by whom, from the stored agreements.

Over reports of our own, ingested with the real extraction into a real store: the first line
names the agreement asked about and its parties, and no agreement of others.
"""
from __future__ import annotations

import pytest

from bot.query.engine import QueryEngine
from storage.records import SourceDocument
from tests.conftest import engine_over

DOCS = [
    SourceDocument(
        url="https://example.org/grid-accord", title="Estonia and Latvia sign grid accord",
        publisher="Baltic Desk", published="2025-02-04", language="en",
        text=("Estonia and Latvia sign grid accord\n\n"
              "Estonia and Latvia signed the Baltic Grid Accord in Tallinn on 4 February 2025. "
              "The accord links the two power networks by 2027.")),
    SourceDocument(
        url="https://example.org/water-pact", title="Spain and Portugal sign water pact",
        publisher="Iberia Wire", published="2025-03-18", language="en",
        text=("Spain and Portugal sign water pact\n\n"
              "Spain and Portugal signed the Iberian Water Pact in Madrid on 18 March 2025. "
              "The pact shares the river water in dry summers.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("signed"), DOCS)


@pytest.mark.parametrize(("question", "first", "not_shown"), [
    pytest.param("what did Estonia and Latvia sign", "Signed: Baltic Grid Accord, by Estonia and Latvia",
                 ["Iberian", "Portugal"], id="by-its-parties"),
    pytest.param("who signed the Iberian Water Pact", "Signed: Iberian Water Pact, by Spain and Portugal",
                 ["Baltic Grid"], id="by-its-name"),
    pytest.param("що підписали Іспанія та Португалія?",
                 "Підписано: Iberian Water Pact, сторони Spain і Portugal",
                 ["Baltic Grid"], id="asked-in-ukrainian"),
])
def test_agreement_answer_opens_with_what_was_signed(engine: QueryEngine, question: str, first: str,
                                                     not_shown: list[str]) -> None:
    answer = engine.answer(question)
    assert answer.text.splitlines()[0] == first
    for words in not_shown:
        assert words not in answer.text


def test_no_headline_when_the_named_party_signed_nothing(engine: QueryEngine) -> None:
    answer = engine.answer("what did Estonia and Portugal sign")
    assert not answer.text.startswith("Signed:")


def test_lines_below_do_not_repeat_the_title(engine: QueryEngine) -> None:
    answer = engine.answer("what did Estonia and Latvia sign")
    assert "Baltic Grid Accord (signed):" not in answer.text
    assert "signed the Baltic Grid Accord in Tallinn" in answer.text  # the evidence stays


@pytest.mark.parametrize(("question", "opening"), [
    pytest.param("what was signed?", "Signed: ", id="english"),
    pytest.param("who signed?", "Signed: ", id="who"),
    pytest.param("що підписали?", "Підписано: ", id="ukrainian"),
])
def test_a_bare_question_opens_with_an_agreement_the_store_knows(engine: QueryEngine, question: str,
                                                                 opening: str) -> None:
    """Naming nothing, "what was signed?" asks for the agreements in general, not for nothing."""
    reply = engine.answer(question)
    first = reply.text.splitlines()[0]
    assert reply.found and reply.question == question
    assert first.startswith(opening) and ("Baltic Grid Accord" in first or "Iberian Water Pact" in first)


def test_a_bare_question_on_a_store_without_agreements_says_nothing_is_known(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    talks = SourceDocument(
        url="https://example.org/talks", title="Ministers meet in Riga", publisher="Baltic Desk",
        published="2025-05-02", language="en",
        text=("Ministers meet in Riga\n\n"
              "The foreign ministers of Estonia and Latvia met in Riga on 2 May 2025."))
    reply = engine_over(tmp_path_factory.mktemp("no-agreements"), [talks]).answer("what was signed?")
    assert not reply.found
