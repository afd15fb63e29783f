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


WIRE = ("OSLO, May 3 (Reuters) - Norway will give 200 million crowns\n"
        "to the fund for clean water in East Africa, Foreign Minister\n"
        "Kari Dahl told reporters on Tuesday after the talks ended.She\n"
        "added that Denmark and Sweden would give the same amount.\n"
        "Talks resume in June.")


def test_hard_wrapped_wire_lines_are_one_paragraph() -> None:
    texts = [s.text.replace("\n", " ") for s in split_sentences(WIRE)]
    assert texts == [
        "OSLO, May 3 (Reuters) - Norway will give 200 million crowns to the fund for clean water "
        "in East Africa, Foreign Minister Kari Dahl told reporters on Tuesday after the talks ended.",
        "She added that Denmark and Sweden would give the same amount.",
        "Talks resume in June.",
    ]


@pytest.mark.parametrize(("text", "count"), [
    pytest.param("Leaders meet in Oslo\nBy a staff writer\nNorway pledged aid.", 3,
                 id="short-unpunctuated-lines-stay-apart"),
    pytest.param("Norway pledged aid for water and\nfood security on Tuesday.", 1,
                 id="a-line-going-on-in-lower-case-joins"),
    pytest.param("Items:\n- water\n- food", 3, id="list-items-stay-apart"),
    pytest.param("The U.S.Army helped.", 1, id="an-abbreviation-is-no-glued-end"),
])
def test_line_and_glue_boundaries(text: str, count: int) -> None:
    assert len(list(split_sentences(text))) == count
