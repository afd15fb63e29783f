"""Event questions ("when did ... meet", "where was ...") answer with the meeting first.

Over the reports of tests/test_query_attend.py: the meeting's line (place and date) comes first,
with the one sentence behind it, and not the other meeting.
"""
from __future__ import annotations

import pytest

from bot.query.engine import QueryEngine
from tests.conftest import engine_over
from tests.test_query_attend import DOCS


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("events"), DOCS)


def test_when_answers_with_the_meeting_and_its_evidence(engine: QueryEngine) -> None:
    answer = engine.answer("when did the leaders meet in Riga on ports")
    bullets = [line for line in answer.text.splitlines() if line.startswith("• ")]
    assert answer.intent == "meeting"
    assert "Riga" in bullets[0] and "20 May 2025" in bullets[0]
    assert len(bullets) <= 2 * sum(1 for r in answer.results if r["type"] == "meeting")
    assert "power grids" not in answer.text.splitlines()[1]
