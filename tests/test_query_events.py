"""Event questions ("when did ... meet", "where was ...") answer with the meeting first.

Over the reports of tests/test_query_attend.py: the meeting's line (place and date) comes first,
with the one sentence behind it, and not the other meeting.
"""
from __future__ import annotations

import pytest

from bot.query.engine import QueryEngine
from storage.records import SourceDocument
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


# A "when" question about a thing (a truce, a deal), not a meeting: the sentences that date that
# thing answer, not the meetings that rank near its topic.
DATED = [
    SourceDocument(
        url="https://example.org/lakeland-truce", title="Lakeland and Hillmark agree to stop shelling",
        publisher="River Post", published="2025-03-03", language="en",
        text=("Lakeland and Hillmark agree to stop shelling\n\n"
              "Envoys of Lakeland and Hillmark met in Geneva on Monday under Swiss mediation. "
              "The truce between the two is to take effect on 10 March, the envoys said. "
              "Both armies will pull heavy guns back by ten kilometres.")),
    SourceDocument(
        url="https://example.org/summit-geneva", title="Summit in Geneva discusses shelling",
        publisher="Lake Wire", published="2025-04-01", language="en",
        text=("Summit in Geneva discusses shelling\n\n"
              "Leaders gathered in Geneva on 1 April 2025 for a summit on regional security. "
              "They discussed shelling along the border and the cost of reconstruction.")),
]


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    return engine_over(tmp_path_factory.mktemp("dated"), DATED)


@pytest.mark.parametrize("question", ["when does the truce take effect?", "when will the ceasefire begin"])
def test_when_a_thing_happens_is_answered_by_the_sentence_that_dates_it(dated: QueryEngine,
                                                                       question: str) -> None:
    answer = dated.answer(question)
    assert answer.found
    assert "10 March" in answer.text
    assert "summit on regional security" not in answer.text  # a meeting near the topic is no date of it
    assert answer.text.splitlines()[0] == "When, as the reports say:"


def test_a_when_clause_inside_another_question_keeps_its_own_answer(dated: QueryEngine) -> None:
    answer = dated.answer("what did the envoys say when the truce was agreed?")
    assert not answer.text.startswith("When, as the reports say:")


def test_when_a_meeting_was_held_still_lists_the_meeting(dated: QueryEngine) -> None:
    answer = dated.answer("when was the summit in Geneva?")
    assert answer.text.splitlines()[0] == "Meetings:"
    assert "1 April 2025" in answer.text
