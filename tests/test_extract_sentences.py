"""Sentence splitting: abbreviations, quotes over several sentences, headers, Ukrainian."""
from __future__ import annotations

import pytest

from bot.extract.sentences import split_sentences
from storage.records import Sentence


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The U.S. Defense Secretary spoke. Allies listened.",
                 ["The U.S. Defense Secretary spoke.", "Allies listened."], id="abbreviation-us"),
    pytest.param("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."], id="mr"),
    pytest.param("“We came. We stayed. We won,” she said. Then she left.",
                 ["“We came. We stayed. We won,” she said.", "Then she left."],
                 id="quote-over-sentences"),
    pytest.param("“An open quote. Never closed. Still split.",
                 ["“An open quote.", "Never closed.", "Still split."], id="unbalanced-quote"),
    pytest.param("4 March 2025 - 10:15\nTalks began. They ended.",
                 ["4 March 2025 - 10:15", "Talks began.", "They ended."], id="dated-header"),
    pytest.param("Лідери зустрілися. Вони погодилися.", ["Лідери зустрілися.", "Вони погодилися."],
                 id="ukrainian"),
    pytest.param("Published 3 Sep. 2025 in Oslo. Done.", ["Published 3 Sep. 2025 in Oslo.", "Done."],
                 id="month-abbreviation"),
])
def test_split(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_text() -> None:
    text = "Title line\n\n  First one. Second one."
    assert list(split_sentences(text)) == [
        Sentence(index=0, start=0, end=10, text="Title line"),
        Sentence(index=1, start=14, end=24, text="First one."),
        Sentence(index=2, start=25, end=36, text="Second one."),
    ]
