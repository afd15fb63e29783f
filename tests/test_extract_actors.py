"""Who commits: subjects before the cue, agents after it, pronouns and first person."""
from __future__ import annotations

import pytest

from tests.extract_helpers import extract


@pytest.mark.parametrize(("text", "actor"), [
    pytest.param("The largest amount France has given so far.", "France", id="nearest-entity"),
    pytest.param("Support came through funding provided by NATO Allies.", "NATO Allies",
                 id="provided-by"),
    pytest.param("The previous summit saw the allies commit almost $2 billion.", "allies",
                 id="trailing-collective"),
    pytest.param("On the eve of the summit, Poland pledged €100 million.", "Poland",
                 id="clause-before-subject"),
    pytest.param("“Together we will keep helping Ukraine,” Friedrich Merz said.", "Germany",
                 id="we-in-a-quote"),
    pytest.param("Ukraine values the United States’ readiness to support forces.", "United States",
                 id="possessive-readiness"),
])
def test_actor(text: str, actor: str) -> None:
    assert [c.actor for c in extract("Talks\n\n" + text).commitments] == [actor]
