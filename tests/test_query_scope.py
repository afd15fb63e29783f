"""A meeting named in a question narrows the answer to that meeting's reports.

"What did X say at Y": X's words at another meeting answer another question, so they are not
shown; when X has no fact at Y the answer says so (found=false); a meeting no report is about
gets "nothing known". Over reports of our own, ingested with the real extraction into a real
store.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from bot.ingest.pipeline import ingest_document
from bot.query.engine import QueryEngine
from bot.query.parse import parse_question
from bot.query.scope import _keywords, asked_meeting
from bot.wiring import open_store
from storage.records import SourceDocument
from tests.conftest import engine_over

DOCS = [
    SourceDocument(
        url="https://example.org/g7-tallinn", title="G7 foreign ministers meet in Tallinn",
        publisher="Baltic Desk", published="2025-03-04", language="en",
        text=("G7 foreign ministers meet in Tallinn\n\n"
              "Foreign ministers of the G7 met in Tallinn on 4 March 2025. "
              "\"The grid link to Ukraine will be finished in spring,\" deputy minister Arvo Kallasmaa said. "
              "\"Our transformers are already on the way,\" minister Ilze Berzina said.")),
    SourceDocument(
        url="https://example.org/cop31-opens", title="COP31 climate conference opens in Antalya",
        publisher="Climate Wire", published="2026-11-09", language="en",
        text=("COP31 climate conference opens in Antalya\n\n"
              "The COP31 climate conference opened in Antalya on 9 November 2026. "
              "\"Peat bogs store more carbon than our forests,\" minister Ilze Berzina said. "
              "Arvo Kallasmaa did not travel to Antalya.")),
    SourceDocument(
        url="https://example.org/ramstein-20", title="Allies meet at the 20th Ramstein meeting",
        publisher="Defence Desk", published="2024-02-14", language="en",
        text=("Allies meet at the 20th Ramstein meeting\n\n"
              "Defence ministers met at Ramstein on 14 February 2024 for the 20th meeting of the group. "
              "Arvo Kallasmaa said the mine clearance boats would arrive by summer.")),
    SourceDocument(
        url="https://example.org/ramstein-21", title="Ramstein-21: allies promise more shells",
        publisher="Defence Desk", published="2024-03-19", language="en",
        text=("Ramstein-21: allies promise more shells\n\n"
              "Defence ministers met at Ramstein on 19 March 2024. "
              "Arvo Kallasmaa said the artillery shells would be paid for by a joint fund.")),
    SourceDocument(
        url="https://example.org/peatland-fund", title="Donors back a new peatland fund",
        publisher="Climate Wire", published="2025-06-02", language="en",
        text=("Donors back a new peatland fund\n\n"
              "The Peatland Restoration Fund was launched in Tartu on 2 June 2025. "
              "Finland pledged 40 million euros. "
              "Sweden pledged 25 million euros.")),
    SourceDocument(
        url="https://example.org/nordlys-forum", title="Nordlys Forum debates Arctic shipping",
        publisher="North Desk", published="2025-09-18", language="en",
        text=("Nordlys Forum debates Arctic shipping\n\n"
              "The Nordlys Forum met in Bodo on 18 September 2025. "
              "\"Ice-class ferries need ports that stay open all winter,\" minister Ilze Berzina said.")),
    SourceDocument(
        url="https://example.org/kharkiv-schools", title="Estonia helps rebuild schools",
        publisher="Baltic Desk", published="2025-06-20", language="en",
        text=("Estonia helps rebuild schools\n\n"
              "Estonia pledged 10 million euros for school repairs in Kharkiv.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("scope"), DOCS)


@pytest.mark.parametrize(("question", "shown", "not_shown"), [
    pytest.param("what did Kallasmaa say at the G7 in Tallinn", ["grid link"],
                 ["mine clearance", "artillery shells", "transformers"], id="the-meeting-named"),
    pytest.param("що сказав Kallasmaa на саміті Великої сімки?", ["grid link"],
                 ["mine clearance", "artillery shells"], id="ukrainian-inflected-meeting-name"),
    pytest.param("what did Kallasmaa say at Ramstein-21", ["artillery shells"],
                 ["mine clearance", "grid link"], id="numbered-meeting"),
    pytest.param("what did Kallasmaa say at the 20th Ramstein meeting", ["mine clearance"],
                 ["artillery shells", "grid link"], id="ordinal-numbered-meeting"),
    pytest.param("what did Kallasmaa say at the first Ramstein meeting", ["mine clearance"],
                 ["artillery shells", "grid link"], id="the-first-of-a-series"),
])
def test_a_named_meeting_shows_only_its_reports(engine: QueryEngine, question: str, shown: list[str],
                                                not_shown: list[str]) -> None:
    answer = engine.answer(question)
    assert answer.found
    for text in shown:
        assert text in answer.text
    for text in not_shown:
        assert text not in answer.text


def test_no_statement_at_the_meeting_is_a_scoped_negative(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say at COP31")
    assert not answer.found
    assert answer.results == []
    # A name the gazetteer does not know is written folded ("kallasmaa"). The other meetings
    # where they are quoted are named on a labelled line; their words are not shown.
    first, elsewhere = answer.text.split("\n")
    assert first.casefold() == "No statement by Kallasmaa at COP31 is recorded.".casefold()
    assert elsewhere.casefold().startswith("kallasmaa is quoted at other meetings: ")
    assert "G7, Tallinn (4 March 2025)" in elsewhere
    assert "grid link" not in answer.text and "Antalya" not in elsewhere


@pytest.mark.parametrize("question", [
    pytest.param("what did Berzina say at the Nordlys forum?", id="a-name-the-index-does-not-know"),
    pytest.param("what did Berzina say at the nordlis forum?", id="its-slip-of-the-finger"),
])
def test_a_meeting_named_by_the_reports_alone(engine: QueryEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.found
    assert "Ice-class ferries" in answer.text
    assert "Peat bogs" not in answer.text and "transformers" not in answer.text


def test_a_meeting_written_apart_is_the_same_meeting(engine: QueryEngine) -> None:
    answer = engine.answer("what did Berzina say at COP 31?")
    assert answer.found
    assert "Peat bogs" in answer.text
    assert "transformers" not in answer.text


def test_a_scoped_negative_in_ukrainian(engine: QueryEngine) -> None:
    answer = engine.answer("що сказав Kallasmaa на конференції COP31?")
    assert not answer.found
    first = answer.text.split("\n")[0]
    assert first.casefold() == "Заяв (Kallasmaa) на конференції COP31 не записано.".casefold()


def test_a_meeting_no_report_is_about_is_unknown(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say at the Mercosur summit")
    assert not answer.found
    assert answer.text == "Nothing is known about a meeting at the Mercosur summit in the documents I have."


def test_without_a_meeting_every_report_answers(engine: QueryEngine) -> None:
    answer = engine.answer("what did Kallasmaa say")
    assert answer.found
    assert all(text in answer.text for text in ("grid link", "mine clearance", "artillery shells"))


def test_a_pledge_to_the_thing_asked_about_answers_yes(engine: QueryEngine) -> None:
    answer = engine.answer("did Finland pledge money to the peatland restoration fund?")
    assert answer.found
    assert "40 million" in answer.text
    assert "25 million" not in answer.text


def test_a_pledge_to_something_else_answers_no(engine: QueryEngine) -> None:
    answer = engine.answer("did Estonia put money into the peatland restoration fund?")
    assert not answer.found
    assert answer.text == "No: no commitment by Estonia to the peatland restoration fund is recorded."


def test_when_a_named_meeting_started_reads_its_report(engine: QueryEngine) -> None:
    answer = engine.answer("when did the COP31 climate conference start?")
    assert answer.found
    assert "9 November 2026" in answer.text
    assert "Tallinn" not in answer.text and "Ramstein" not in answer.text


def test_a_country_alone_after_na_names_no_meeting(engine: QueryEngine) -> None:
    # "на відновлення України" is what the money is for, not a meeting held in Ukraine.
    answer = engine.answer("скільки пообіцяла Естонія на відновлення України?")
    assert answer.found
    assert "10 million" in answer.text


def test_a_meeting_asked_again_follows_a_report_saved_between(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    # Which reports name a meeting is kept between questions; a save by another connection
    # (a feed) changes it for the next question.
    directory = tmp_path_factory.mktemp("scope-saved")
    ferries = SourceDocument(
        url="https://example.org/arctic-ferries", title="Nordlys Forum meets in Tromso",
        publisher="North Desk", published="2025-09-18", language="en",
        text=("Nordlys Forum meets in Tromso\n\nThe Nordlys Forum met in Tromso on 18 September 2025. "
              "Ministers ordered new ferries."))
    engine = engine_over(directory, [*DOCS, ferries])

    def reports() -> set[str]:
        query = parse_question("when did the Nordlys Forum meet?", index=engine.index)
        with engine.retriever.question():
            meeting = asked_meeting(query, engine.index, engine.retriever)
        assert meeting is not None
        return {engine.retriever.documents([d])[d].url or "" for d in meeting.docs}

    assert reports() == {"https://example.org/nordlys-forum", "https://example.org/arctic-ferries"}
    writer = open_store(directory / "answers.db")
    ingest_document(writer, replace(ferries, title="Ferries ordered in Tromso", text=(
        "Ferries ordered in Tromso\n\nNew ferries were ordered in Tromso on 18 September 2025. "
        "Ministers spoke. The Nordlys Forum was not mentioned until the end.")))
    writer.close()
    assert reports() == {"https://example.org/nordlys-forum"}



@pytest.mark.parametrize(("words", "naming"), [
    ("the Nordlys Forum meet on 18 September 2025", ["nordlys"]),
    ("the COP 31 conference", ["cop31"]),
])
def test_a_day_after_on_is_a_date_not_a_meeting_code(engine: QueryEngine, words: str,
                                                     naming: list[str]) -> None:
    # "COP 31" is the code "cop31", but "meet on 18 September" names no meeting "on18": read as
    # one, it was searched for as a name of the meeting in every report of the day.
    with engine.retriever.question():
        keywords = _keywords(words, engine.index, engine.retriever, None)
    assert [k.terms.label for k in keywords if k.naming] == naming
