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
])
def test_people(text: str, expected: list[tuple[str | None, ...]]) -> None:
    assert people(text) == expected
