"""Full names before a surname: the same matches as the one pattern per surname it replaces."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.extract.full_names import full_names


def _by_pattern(text: str, surname: str, end: int) -> list[str]:
    pattern = re.compile(rf"\b(?:(?:[A-Z]\.|[A-Z][a-z’'-]+)\s+){{1,4}}{surname}"
                         rf"(?:,?\s+(?:Jr\.|Sr\.|I{{2,3}}\b|IV\b))?")
    return [m.group() for m in pattern.finditer(text, 0, end)]


@pytest.mark.parametrize(("text", "surname", "expected"), [
    pytest.param("Secretary of Defense Lloyd J. Austin III met them. Austin said", "Austin",
                 ["Defense Lloyd J. Austin III"], id="initial-and-suffix"),
    pytest.param("Mr Jan Novak and Eva Novak spoke; Novak said", "Novak",
                 ["Mr Jan Novak", "Eva Novak"], id="two-matches"),
    pytest.param("McDonald Novak arrived", "Novak", [], id="no-word-boundary"),
    pytest.param("Jan Novakova left", "Novak", ["Jan Novak"], id="surname-prefix"),
    pytest.param("Ann Bo Cy Di Ed Novak", "Novak", ["Bo Cy Di Ed Novak"], id="four-words-at-most"),
    pytest.param("Jan Novak Novak Novak", "Novak", ["Jan Novak Novak Novak"], id="greedy-words"),
    pytest.param("Jan Novak, Jr. came", "Novak", ["Jan Novak, Jr."], id="junior"),
])
def test_full_names(text: str, surname: str, expected: list[str]) -> None:
    assert full_names(text, surname, len(text)) == expected == _by_pattern(text, surname, len(text))


_PIECES = ["Jan", "Novak", "Eva", "J.", "Dr.", "III", "IV", "Jr.", "the", "Mc", "O’Neil", "de",
           "Novakova", ",", ".", "\n", "  ", " ", "-", "'", "_", "1", "Ж", "é", "Anne-Marie"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["Novak", "Eva", "Neil"]),
       st.integers(min_value=0, max_value=200))
def test_same_as_pattern(pieces: list[str], surname: str, cut: int) -> None:
    text = " ".join(pieces) if cut % 2 else "".join(pieces)
    end = min(cut, len(text))
    assert full_names(text, surname, end) == _by_pattern(text, surname, end)
