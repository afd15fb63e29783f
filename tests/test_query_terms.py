"""Question words are split the way the FTS5 tokenizer splits stored text."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.query.terms import fold_accents, folded_tokens, fts_tokens

_REFERENCE = re.compile(r"[^\w]+|_")  # runs of word characters, underscores splitting them


@given(st.text(alphabet=st.characters(codec="ascii")) | st.text())
def test_tokens_are_the_runs_of_letters_and_digits_lower_cased(text: str) -> None:
    assert fts_tokens(text) == [t for t in _REFERENCE.split(text.casefold()) if t]


def test_tokens_of_mixed_text() -> None:
    assert fts_tokens("Zelensky's PPO_plan, 2025: Київ!") == ["zelensky", "s", "ppo", "plan", "2025", "київ"]


# Curly quotes, dashes and currency signs take the fast path; accented, Cyrillic and decomposed
# letters, "ß" and "İ" the slow one: both must give the index's words.
_MIXED = st.text(alphabet=st.sampled_from(list("aZ9 _-.'’“”—–…«»€£\u00a0éÉćößøİıﬁ²\u0301їЙ")), max_size=30)


@given(st.one_of(_MIXED, st.text(max_size=30)))
def test_folded_tokens_are_the_tokens_of_the_accent_folded_text(text: str) -> None:
    assert folded_tokens(text) == fts_tokens(fold_accents(text))
