"""Answer-line pieces: the key that tells a repeated sentence (a reprint, a title) apart."""
from __future__ import annotations

import re

import pytest

from bot.query.names import word_terms
from bot.query.pick import _roll_call
from bot.query.snippets import key


@pytest.mark.parametrize(("text", "folded"), [
    pytest.param("Leaders met in Rome.", "leaders met in rome", id="ascii"),
    pytest.param("  “We will,” she said — twice…", "we will she said twice", id="curly-quotes-and-dashes"),
    pytest.param("Müller met_Sánchez in Zürich!", "müller met_sánchez in zürich", id="accents-kept"),
    pytest.param("Зеленський: «Ми готові».", "зеленський ми готові", id="cyrillic"),
    pytest.param("STRASSE ﬁnal", "strasse final", id="casefolded"),
    pytest.param("...", "", id="no-words"),
])
def test_key_folds_case_and_every_run_of_non_word_characters(text: str, folded: str) -> None:
    assert key(text) == folded
    assert key(text) == re.sub(r"\W+", " ", text.casefold()).strip()[:200]


def test_key_keeps_the_first_200_characters() -> None:
    assert key("word, " * 100) == ("word " * 40)[:200]


@pytest.mark.parametrize(("text", "listed"), [
    pytest.param("Ministers from Estonia, Latvia and Lithuania met in Riga.", True, id="in-a-list"),
    pytest.param("Estonia said it would send more shells to the front.", False, id="no-list"),
    pytest.param("Estonia said on Monday that it would send more artillery shells to Ukraine, and Latvia, "
                 "Lithuania and Poland agreed.", False, id="named-outside-the-list"),
])
def test_roll_call_is_a_name_only_as_an_item_of_a_list(text: str, listed: bool) -> None:
    assert _roll_call(text, [word_terms(["Estonia"], label="Estonia")]) is listed
