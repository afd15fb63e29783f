"""Question words are split the way the FTS5 tokenizer splits stored text."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.query.terms import fts_tokens

_REFERENCE = re.compile(r"[^\w]+|_")  # runs of word characters, underscores splitting them


@given(st.text(alphabet=st.characters(codec="ascii")) | st.text())
def test_tokens_are_the_runs_of_letters_and_digits_lower_cased(text: str) -> None:
    assert fts_tokens(text) == [t for t in _REFERENCE.split(text.casefold()) if t]


def test_tokens_of_mixed_text() -> None:
    assert fts_tokens("Zelensky's PPO_plan, 2025: Київ!") == ["zelensky", "s", "ppo", "plan", "2025", "київ"]
