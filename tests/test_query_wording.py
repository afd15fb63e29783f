"""Labels in answers: titles cut at a word, never mid-word or before a stray comma."""
from __future__ import annotations

import pytest

from bot.query.wording import clip


@pytest.mark.parametrize(("text", "width", "expected"), [
    pytest.param("Leaders meet at Lancaster House in London to discuss security", 40,
                 "Leaders meet at Lancaster House in…", id="cut-at-a-word"),
    pytest.param("Coalition of the Willing meets in Paris and signs two declarations", 40,
                 "Coalition of the Willing meets in Paris…", id="no-space-before-the-ellipsis"),
    pytest.param("Short title", 40, "Short title", id="short-kept"),
    pytest.param("Averyveryverylongwordwithoutanyspaceatallinthistitle", 20, "Averyveryverylongwo…",
                 id="one-long-word-cut"),
])
def test_clip(text: str, width: int, expected: str) -> None:
    clipped = clip(text, width)
    assert clipped == expected and len(clipped) <= width
