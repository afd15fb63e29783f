"""The question-reading word lists in data/query: one folded word (or short phrase) a line, each
once, so that a rule reading them finds every entry as the question's folded words hold it."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.query.names import folded_words
from bot.query.terms import WordSet
from bot.resources import read_word_list

QUERY_DIR = Path(__file__).resolve().parents[1] / "data" / "query"
LISTS = sorted(p.name for p in QUERY_DIR.glob("*.txt") if p.name != "synonyms.txt")  # "a | b" lines


def test_the_lists_are_found() -> None:
    assert "comparing.txt" in LISTS and "receiving.txt" in LISTS


@pytest.mark.parametrize("name", LISTS)
def test_each_entry_is_folded_and_listed_once(name: str) -> None:
    entries = read_word_list("query", name)
    assert entries, name
    assert len(set(entries)) == len(entries), [e for e in entries if entries.count(e) > 1]
    for entry in entries:
        stem = entry.removesuffix("*")
        # As the question's words are folded (case, accents, apostrophes): else never matched.
        assert " ".join(folded_words(stem)) == stem, entry


def test_a_word_set_holds_whole_words_and_the_words_a_stem_begins() -> None:
    words = WordSet.of(["more", "compar*"])
    assert "more" in words and "compare" in words and "comparison" in words
    assert "moreover" not in words and "com" not in words
