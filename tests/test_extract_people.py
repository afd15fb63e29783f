"""People with their titles: appositions before the name, "of" titles, Ukrainian order."""
from __future__ import annotations

import pytest

from bot.entities import EntityIndex
from bot.extract.context import Context
from bot.extract.people import people_in
from bot.extract.sentences import split_sentences
from storage.records import SourceDocument


def people(text: str) -> list[tuple[str | None, ...]]:
    sentences = tuple(split_sentences(text))
    ctx = Context(doc=SourceDocument(text=text, published="2025-09-01"), sentences=sentences,
                  index=EntityIndex.default(), language="en")
    return [(p.name, p.role, p.country, p.org, text[p.start:p.end], p.possessive)
            for s in sentences for p in people_in(ctx, s)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("German Chancellor Friedrich Merz arrived.",
                 [("Friedrich Merz", "Chancellor", "Germany", None,
                   "German Chancellor Friedrich Merz", False)], id="demonym-title-name"),
    pytest.param("The talks included President of France Emmanuel Macron.",
                 [("Emmanuel Macron", "President", "France", None,
                   "President of France Emmanuel Macron", False)], id="title-of-country"),
    pytest.param("Guests: U.S. Ambassador to Norway Jane Doerty and others.",
                 [("Jane Doerty", "Ambassador to Norway", "United States", None,
                   "U.S. Ambassador to Norway Jane Doerty", False)], id="apposition-ambassador"),
    pytest.param("Secretary General of the North Atlantic Treaty Organisation, Mark Rutte, spoke.",
                 [("Mark Rutte", "Secretary General", None, "NATO",
                   "Secretary General of the North Atlantic Treaty Organisation, Mark Rutte",
                   False)], id="title-comma-name"),
    pytest.param("Secretary General Mark Rutte arrived.",
                 [("Mark Rutte", "Secretary General", None, "NATO", "Secretary General Mark Rutte",
                   False)], id="title-scope-from-gazetteer"),
    pytest.param("General Tomasz Wielki and Contact Group members met.",
                 [("Tomasz Wielki", "General", None, None, "General Tomasz Wielki", False)],
                 id="unknown-name-needs-title"),
    pytest.param("Lancaster House Gardens were closed.", [], id="capitalised-place-is-no-person"),
    pytest.param("They discussed Zelenskyy’s plan.",
                 [("Volodymyr Zelenskyy", "President", "Ukraine", None, "Zelenskyy", True)],
                 id="possessive"),
    pytest.param("Приїхав канцлер Німеччини Фрідріх Мерц.",
                 [("Friedrich Merz", "канцлер", "Germany", None, "канцлер Німеччини Фрідріх Мерц",
                   False)], id="ukrainian-title-country-name"),
    pytest.param("Jan Novak, the Czech prime minister, said the talks went well.",
                 [("Jan Novak", "Prime Minister", "Czech Republic", None, "Jan Novak", False)],
                 id="title-in-apposition-after-name"),
    pytest.param("Ana Silva, Portugal's foreign minister.",
                 [("Ana Silva", "Foreign Minister", "Portugal", None, "Ana Silva", False)],
                 id="apposition-possessive-country"),
    pytest.param("Piet de Vries, the Prime Minister of the Netherlands, said so.",
                 [("Piet de Vries", "Prime Minister", "Netherlands", None, "Piet de Vries", False)],
                 id="apposition-title-of-country"),
    pytest.param("Tom Reed, the U.S. ambassador to Chile, urged calm.",
                 [("Tom Reed", "Ambassador to Chile", "United States", None, "Tom Reed", False)],
                 id="apposition-ambassador-serves-elsewhere"),
    pytest.param("Ян Новак, прем'єр-міністр Чехії, заявив про це.",
                 [("Ян Новак", "прем'єр-міністр", "Czech Republic", None, "Ян Новак", False)],
                 id="ukrainian-apposition"),
    pytest.param("The Chilean president, Pablo Rojas, also took part.",
                 [("Pablo Rojas", "President", "Chile", None, "The Chilean president, Pablo Rojas",
                   False)], id="demonym-title-comma-name"),
    pytest.param("the Emir of Kuwait, Sheikh Fahad Salem, arrived.",
                 [("Sheikh Fahad Salem", "Emir", "Kuwait", None,
                   "Emir of Kuwait, Sheikh Fahad Salem", False)], id="emir-of-country"),
    pytest.param("In his speech, the head of the Chilean delegation, Pablo Rojas, called for talks.",
                 [("Pablo Rojas", "Head of the Chilean Delegation", "Chile", None,
                   "head of the Chilean delegation, Pablo Rojas", False)], id="delegation-head"),
    pytest.param("He met First Lady Olena Kovalska.",
                 [("Olena Kovalska", "First Lady", None, None, "First Lady Olena Kovalska", False)],
                 id="first-lady"),
    pytest.param("Lviv, Ukraine's western city, was quiet.", [], id="apposition-without-title"),
    pytest.param("With him were party member Tao Lin, Vice Premier Bo Kang and others.",
                 [("Bo Kang", "Vice Premier", None, None, "Vice Premier Bo Kang", False)],
                 id="next-persons-title-is-no-apposition"),
    pytest.param("Armenian Prime Minister Aram Petrosyan signed.",
                 [("Aram Petrosyan", "Prime Minister", "Armenia", None,
                   "Armenian Prime Minister Aram Petrosyan", False)], id="long-title-then-name"),
    pytest.param("Egyptian President Omar Farouk el-Masri spoke.",
                 [("Omar Farouk el-Masri", "President", "Egypt", None,
                   "Egyptian President Omar Farouk el-Masri", False)], id="arabic-article"),
    pytest.param("Prime Minister Rahim Aziz of Malaysia and Minister Lena Park of the DRC met.",
                 [("Rahim Aziz", "Prime Minister", "Malaysia", None,
                   "Prime Minister Rahim Aziz of Malaysia", False),
                  ("Lena Park", "Minister", "Democratic Republic of the Congo", None,
                   "Minister Lena Park of the DRC", False)], id="country-after-name"),
])
def test_people(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert people(text) == expected
