"""Precise answers: the asked speaker's or country's facts, one sentence each, nothing around them.

Over reports of our own, ingested with the real extraction into a real store: each test asks
about one person or country and checks both what the answer shows and what it must not (the
other speaker's words in the next sentence, the other country's pledge in the same paragraph,
the byline, the "Source:" line).
"""
from __future__ import annotations

import pytest

from bot.query.engine import QueryEngine
from storage.records import SourceDocument
from tests.conftest import engine_over

DOCS = [
    SourceDocument(
        url="https://example.org/tallinn-energy", title="Energy ministers meet in Tallinn",
        publisher="Baltic Desk", published="2025-12-03", language="en",
        text=("Energy ministers meet in Tallinn\n\n"
              "By Mari Tamm, Baltic Desk\n\n"
              "Energy ministers met in Tallinn on 3 December 2025. "
              "\"The grid link to Ukraine will be finished in spring,\" deputy minister Arvo Kallasmaa said. "
              "\"Our transformers are already on the way to Kyiv,\" minister Ilze Berzina said.\n\n"
              "Source: Baltic Desk, 3 December 2025")),
    SourceDocument(
        url="https://example.org/nordic-pledges", title="Nordic ministers pledge aid in Bergen",
        publisher="Fjord Wire", published="2025-09-10", language="en",
        text=("Nordic ministers pledge aid in Bergen\n\n"
              "Defence ministers of the Nordic countries met in Bergen on 10 September 2025. "
              "Norway pledged 2 billion kroner for naval drones. "
              "Denmark pledged 500 million kroner for mine clearance. "
              "The talks were chaired by the Icelandic diplomat Sigrun Haraldsdottir.")),
    SourceDocument(
        url="https://example.org/riga-talks", title="Riga talks on rail freight",
        publisher="Baltic Desk", published="2025-11-14", language="en",
        text=("Riga talks on rail freight\n\n"
              "Transport officials met in Riga on 14 November 2025. "
              "Deputy minister Arvo Kallasmaa said the rail freight corridor would open in May. "
              "Kallasmaa said the first trains would carry grain. "
              "Kallasmaa said the customs post would be rebuilt. "
              "Kallasmaa said the bridge repairs were paid for. "
              "Kallasmaa said the night trains would return. "
              "Kallasmaa said the tariffs would fall. "
              "Kallasmaa said the timetable would be published in April.")),
    SourceDocument(
        url="https://example.org/vilnius-harbour", title="Harbour talks in Vilnius",
        publisher="Baltic Desk", published="2025-10-02", language="en",
        text=("Harbour talks in Vilnius\n\n"
              "Port officials met in Vilnius on 2 October 2025. "
              "\"We will send two more mobile cranes before winter and train the crews in Klaipeda, and "
              "we will keep doing so for as long as the ports need them,\" said Arvo Kallasmaa, speaking "
              "to reporters at the end of a long day of talks in the old town, after meeting port chiefs "
              "from twelve countries, the heads of three shipping agencies and the city's mayor.")),
    SourceDocument(
        url="https://example.org/ocean-fund", title="Ocean fund opens in Oslo",
        publisher="North Desk", published="2025-10-20", language="en",
        text=("Ocean fund opens in Oslo\n\n"
              "The ocean fund for reef repair was set up in record time by coastal states. "
              "Finland pledged 40 million euros to the ocean fund. "
              "The ocean fund will also pay for new reef surveys.")),
    SourceDocument(
        url="https://example.org/reykjavik-leaders", title="Arctic leaders meet in Reykjavik",
        publisher="North Desk", published="2025-11-05", language="en",
        text=("Arctic leaders meet in Reykjavik\n\n"
              "Leaders met in Reykjavik on 5 November 2025 to discuss shipping lanes. "
              "The meeting was attended by the Prime Minister of Canada and the Foreign Minister of "
              "Norway.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("pick"), DOCS)


@pytest.mark.parametrize(("question", "shown", "not_shown"), [
    pytest.param("what did Kallasmaa say in Tallinn", ["grid link"],
                 ["transformers", "Mari Tamm", "Source:", "Energy ministers meet in Tallinn"],
                 id="statement-not-the-next-speaker-nor-the-byline"),
    pytest.param("what did Norway pledge", ["naval drones"], ["mine clearance", "Denmark"],
                 id="commitment-not-the-other-country-in-the-paragraph"),
    pytest.param("what did Denmark pledge", ["mine clearance"], ["naval drones"],
                 id="commitment-the-second-country"),
    pytest.param("що пообіцяла Норвегія?", ["naval drones"], ["mine clearance"],
                 id="commitment-asked-in-ukrainian"),
    pytest.param("what did Norway offer Denmark", ["naval drones"], ["mine clearance"],
                 id="commitment-the-actor-named-first"),
    pytest.param("що пообіцяла Норвегія Данії?", ["naval drones"], ["mine clearance"],
                 id="commitment-the-actor-named-first-uk"),
])
def test_answer_shows_the_asked_target_only(engine: QueryEngine, question: str, shown: list[str],
                                            not_shown: list[str]) -> None:
    text = engine.answer(question).text
    for words in shown:
        assert words in text
    for words in not_shown:
        assert words not in text


def test_a_commitment_answer_shows_the_actors_commitments_only(engine: QueryEngine) -> None:
    """The other sentences on the topic in the actor's report are no commitment of the actor."""
    answer = engine.answer("how much did Finland put into the ocean fund")
    assert [r["type"] for r in answer.results] == ["commitment"]
    assert "40 million euros" in answer.text
    assert "record time" not in answer.text and "reef surveys" not in answer.text


def test_each_line_is_one_sentence_with_its_source(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say in Tallinn")
    assert [r["type"] for r in answer.results] == ["statement"]
    line = answer.results[0]["text"]
    assert line.startswith("Arvo Kallasmaa: ") and line.endswith("— Baltic Desk, 3 December 2025 [1]")
    assert line.count("said") == 1  # the next sentence is not glued on


def test_no_statement_falls_back_to_labelled_mentions(engine: QueryEngine) -> None:
    answer = engine.answer("what did Haraldsdottir say")
    assert answer.text.startswith("No statement by ")
    assert "is mentioned here:" in answer.text.splitlines()[0]
    assert "chaired by the Icelandic diplomat" in answer.text
    assert "naval drones" not in answer.text


def test_more_facts_than_lines_are_counted_exactly(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say in Riga")
    assert len(answer.results) == 5
    assert all(r["type"] == "statement" for r in answer.results)
    assert answer.text.splitlines()[-2] == '…and 2 more (say "more")'


def test_question_language_sets_the_frame(engine: QueryEngine) -> None:
    uk = engine.answer("що пообіцяла Норвегія?")
    en = engine.answer("what did Norway pledge")
    assert uk.text.startswith("Зобов'язання") and en.text.startswith("What Norway committed to")


def test_a_long_sentence_shows_its_quote_from_the_start(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say about mobile cranes")
    line = answer.results[0]["text"]
    assert line.startswith("Arvo Kallasmaa: “We will send two more mobile cranes")
    assert "port chiefs" not in line  # the reporter's words after the quote


def test_an_office_is_named_by_who_held_it_then(engine: QueryEngine) -> None:
    answer = engine.answer("who attended from Canada")
    assert answer.results[0]["type"] == "attendance"
    assert "Prime Minister Mark Carney (Canada, by role)" in answer.results[0]["text"]


@pytest.mark.parametrize(("question", "opening", "not_shown"), [
    pytest.param("what did Kallasmaa say in Reykjavik", "No statement by kallasmaa at Reykjavik",
                 ["grid link", "rail freight", "cranes"], id="statement-none-at-the-meeting-asked"),
    pytest.param("what did Australia promise Norway", "No document says that Australia",
                 ["naval drones", "mine clearance"], id="commitment-of-an-unknown-actor"),
])
def test_nothing_known_where_the_target_has_no_fact(engine: QueryEngine, question: str, opening: str,
                                                    not_shown: list[str]) -> None:
    answer = engine.answer(question)
    assert not answer.found and answer.results == []
    assert answer.text.startswith(opening)
    for words in not_shown:
        assert words not in answer.text


def test_a_statement_at_the_meeting_asked_is_still_shown(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say in Vilnius")
    assert answer.found and "mobile cranes" in answer.text
    assert "grid link" not in answer.text and "rail freight" not in answer.text
