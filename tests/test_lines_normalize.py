"""Stages of a mention: the quick stem test never hides a status word the patterns would find."""
from __future__ import annotations

import re
import sys

import pytest

from bot.lines import normalize
from bot.lines.normalize import stage_of


def _searched(kind: str | None, text: str) -> str:
    """Return the stage as the patterns alone give it (no stem test first)."""
    if normalize._WITHDRAWN.search(text):
        return "withdrawn"
    if normalize._STALLED.search(text):
        return "stalled"
    if normalize._DELIVERED.search(text) and not normalize._FUTURE.search(text):
        return "delivered"
    return normalize._KIND_TO_STAGE.get(kind or "", "mentioned")


@pytest.mark.parametrize(("text", "stage"), [
    pytest.param("Norway has WITHDRAWN its offer of patrol boats.", "withdrawn", id="upper-case"),
    pytest.param("The tender was cancelled last week.", "withdrawn", id="cancelled"),
    pytest.param("Delivery of the radars is on hold.", "stalled", id="two-word-stem"),
    pytest.param("The first batch of generators has already been delivered.", "delivered", id="delivered"),
    pytest.param("The generators will be delivered in May.", "pledged", id="future-delivery"),
    pytest.param("Постачання генераторів ПРИЗУПИНИЛИ.", "stalled", id="ukrainian-upper"),
    pytest.param("Talks ſtalled over the summer.", "stalled", id="long-s"),
    pytest.param("Denmark WİTHDREW the offer.", "withdrawn", id="dotted-capital-i"),
    pytest.param("Ministers discussed winter repairs.", "pledged", id="no-status"),
])
def test_stage_of_finds_what_the_patterns_find(text: str, stage: str) -> None:
    assert stage_of(kind="pledge", text=text) == _searched("pledge", text) == stage


def test_every_letter_that_matches_a_stem_letter_but_lowers_otherwise_is_searched() -> None:
    letters = set("".join(normalize._STATUS_STEMS).replace(" ", ""))
    stem_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.lower() == char == char.upper() or 0xD800 <= code <= 0xDFFF:
            continue  # uncased letters match only themselves
        if stem_letter.fullmatch(char) and char.lower() not in letters:
            assert normalize._UNLOWERED.search(char), f"U+{code:04X}"
