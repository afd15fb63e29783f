"""Word lists grouped by first letter match what the plain alternation matches, the same way."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.alternation import alternatives, by_first_letter

# Fragments as the rules write them: words, optional endings, classes, spaces between words.
_FRAGMENTS = ["said", "says", "say", "saying", "s", "stressed", "noted", "notes", r"called\s+for",
              "call", r"emphasi[sz]ed", r"condemn(?:ed)?", r"asked(?=\s*[.,;])", r"meet\w*", "met",
              r"(?:was|were)\s+present", r"wa(?:s|rned)", "заяв(?:ив|ила)", "заява", "Kyiv", "in", "it"]
_TEXTS = st.lists(st.sampled_from(["said", "says", "saying", "s", "stressed", "called for", "call",
                                   "emphasized", "emphasised", "condemned", "condemn", "asked.",
                                   "asked him", "meeting", "met", "was present", "were present",
                                   "warned", "заявив", "заява", "Kyiv", "kyiv", "in", "it", "Said", "MET",
                                   "x", ",", " ", "  ", "\n"]), max_size=12).map("".join)


def _matches(pattern: str, text: str, flags: int = 0) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in re.finditer(pattern, text, flags)]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=10), text=_TEXTS,
       ignore_case=st.booleans(), bounded=st.booleans())
def test_grouped_words_match_as_the_plain_alternation(words: list[str], text: str, ignore_case: bool,
                                                      bounded: bool) -> None:
    edge = r"\b" if bounded else ""
    plain = rf"{edge}(?:{'|'.join(words)}){edge}"
    grouped = rf"{edge}{by_first_letter(words)}{edge}"
    flags = re.IGNORECASE if ignore_case else 0
    assert _matches(grouped, text, flags) == _matches(plain, text, flags)


def test_a_shorter_word_listed_first_still_wins_over_a_longer_one() -> None:
    # Order decides between words of the same letter: "say" before "saying" matches "say".
    assert re.search(by_first_letter(["say", "saying"]), "saying").group() == "say"
    assert re.search(by_first_letter(["saying", "say"]), "saying").group() == "saying"


def test_leading_groups_are_opened_into_one_word_each() -> None:
    assert by_first_letter([r"(?:was|were)\s+present", "met"]) == r"(?:w(?:as\s+present|ere\s+present)|met)"
    # An escaped parenthesis or one in a class does not close the group.
    assert by_first_letter([r"(?:a\)|b[)])c"]) == r"(?:a\)c|b[)]c)"


def test_split_keeps_bars_inside_groups_classes_and_escapes() -> None:
    assert alternatives(r"a(?:b|c)|[|x]|\||d") == ["a(?:b|c)", "[|x]", r"\|", "d"]
    assert alternatives(r"[]|]|e") == ["[]|]", "e"]


@pytest.mark.parametrize("words", [[r"\bsaid"], ["[sS]aid"], ["s?aid"], ["(said)"], ["Said", "says"],
                                   ["I", "in"]])
def test_lists_it_could_reorder_are_refused(words: list[str]) -> None:
    with pytest.raises(ValueError):
        by_first_letter(words)
