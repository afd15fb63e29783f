"""Attendance answers say who came first, then one attendee a line, then an exact count.

Over reports of our own, ingested with the real extraction into a real store: a summit where
one leader stayed away and sent his premier, a visit where each side brought its ministers,
and a meeting with more attendees than an answer shows.
"""
from __future__ import annotations

import pytest

from bot.query.engine import QueryEngine
from storage.records import SourceDocument
from tests.conftest import engine_over

DOCS = [
    SourceDocument(
        url="https://example.org/nairobi-summit", title="Lake Victoria summit opens in Nairobi",
        publisher="East Desk", published="2025-03-04", language="en",
        text=("Lake Victoria summit opens in Nairobi\n\n"
              "Kenyan President William Ruto hosted the Lake Victoria summit in Nairobi on 4 March 2025. "
              "Tanzanian President Samia Suluhu Hassan attended the summit. "
              "Emmanuel Macron did not attend, sending French Foreign Minister Jean-Noël Barrot as his "
              "representative instead. "
              "The leaders agreed to clean the lake shore.")),
    SourceDocument(
        url="https://example.org/oslo-visit", title="Starmer and Merz hold talks in Oslo",
        publisher="North Wire", published="2025-06-10", language="en",
        text=("Starmer and Merz hold talks in Oslo\n\n"
              "Keir Starmer met Friedrich Merz in Oslo on 10 June 2025 for talks on energy. "
              "Starmer was accompanied by Foreign Secretary David Lammy and Defence Secretary John "
              "Healey. The German delegation included Foreign Minister Johann Wadephul. "
              "The two leaders agreed to link their power grids.")),
    SourceDocument(
        url="https://example.org/riga-forum", title="Baltic forum meets in Riga",
        publisher="Harbour Wire", published="2025-09-15", language="en",
        text=("Baltic forum meets in Riga\n\n"
              "The forum in Riga on 15 September 2025 was attended by Polish Prime Minister Donald Tusk, "
              "Czech Prime Minister Petr Fiala, Estonian President Alar Karis, Latvian President Edgars "
              "Rinkēvičs, Lithuanian President Gitanas Nausėda, Finnish President Alexander Stubb, "
              "Swedish Prime Minister Ulf Kristersson, Danish Prime Minister Mette Frederiksen, "
              "Norwegian Prime Minister Jonas Gahr Støre and Dutch Prime Minister Dick Schoof. "
              "The leaders agreed to protect undersea cables.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("roll"), DOCS)


def _first_line(text: str) -> str:
    return text.splitlines()[0]


def test_who_attended_names_them_first_then_one_a_line(engine: QueryEngine) -> None:
    answer = engine.answer("who attended the summit in Nairobi")
    head = _first_line(answer.text)
    for name in ("William Ruto", "Samia Suluhu Hassan", "Jean-Noël Barrot"):
        assert name in head
    assert "Emmanuel Macron" not in answer.text  # he stayed away
    lines = [r for r in answer.results if r["type"] == "attendance"]
    assert all(len(r["attendees"]) == 1 for r in lines)
    assert "Foreign Minister" in answer.text and "East Desk" in answer.text


def test_was_x_there_says_no_and_who_came_instead(engine: QueryEngine) -> None:
    answer = engine.answer("was Macron at the summit in Nairobi?")
    head = _first_line(answer.text)
    assert head.startswith("No: Emmanuel Macron is not recorded at")
    assert "France was represented by Foreign Minister Jean-Noël Barrot" in head
    assert answer.found
    assert "William Ruto" not in answer.text  # Kenya's host answers nothing about France
    assert "Emmanuel Macron did not attend" in answer.text  # the report's own words, the proof


def test_was_x_there_says_yes(engine: QueryEngine) -> None:
    answer = engine.answer("did Ruto attend the summit in Nairobi?")
    assert _first_line(answer.text).startswith("Yes: William Ruto attended")
    assert "Ruto hosted the Lake Victoria summit" in answer.text  # the sentence that says so
    assert "Jean-Noël Barrot" not in answer.text


def test_ukrainian_yes_no_answers_in_the_ukrainian_frame(engine: QueryEngine) -> None:
    answer = engine.answer("чи був Макрон на саміті в Найробі?")
    head = _first_line(answer.text)
    assert head.startswith("Ні: Макрон немає серед учасників") and "Jean-Noël Barrot" in head


def test_who_accompanied_x_shows_his_party_not_the_other_side(engine: QueryEngine) -> None:
    answer = engine.answer("who accompanied Starmer at his meeting with Merz in Oslo")
    assert "David Lammy" in answer.text and "John Healey" in answer.text
    assert "Wadephul" not in answer.text
    answer = engine.answer("хто супроводжував Мерца на зустрічі зі Стармером?")
    assert "Johann Wadephul" in answer.text and "Lammy" not in answer.text


def test_from_a_country_names_the_office_first(engine: QueryEngine) -> None:
    answer = engine.answer("who attended from France at the summit in Nairobi")
    assert _first_line(answer.text).startswith("From France: Foreign Minister Jean-Noël Barrot (")
    assert "William Ruto" not in answer.text


def test_the_count_counts_attendees_not_shown(engine: QueryEngine) -> None:
    answer = engine.answer("who attended the forum in Riga")
    shown = {n for r in answer.results for n in r.get("attendees", [])}
    head = _first_line(answer.text)
    in_head = [n for n in ("Donald Tusk", "Petr Fiala", "Alar Karis", "Edgars Rinkēvičs", "Gitanas Nausėda",
                           "Alexander Stubb", "Ulf Kristersson", "Mette Frederiksen", "Jonas Gahr Støre",
                           "Dick Schoof") if n in head or n in shown]
    assert len(in_head) == 8 and "and 2 more" in head
    assert answer.text.rstrip().splitlines()[-2] == '…and 2 more (say "more")'


def test_a_no_with_nothing_to_add_is_not_found(engine: QueryEngine) -> None:
    answer = engine.answer("was Ruto at the forum in Riga?")
    assert answer.text == "No: William Ruto is not recorded at Baltic forum, Riga, 15 September 2025"
    assert not answer.found  # Ruto's summit in Nairobi answers nothing about Riga


def test_no_report_of_the_meeting_asked_is_a_bare_no(engine: QueryEngine) -> None:
    answer = engine.answer("was Ruto in Stockholm?")
    assert answer.text == "No: William Ruto is not recorded at Stockholm"
    assert not answer.found
