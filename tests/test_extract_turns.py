"""Labelled transcripts: each turn is its speaker's statement; questions are nobody's."""
from __future__ import annotations

from tests.extract_helpers import extract

_BRIEFING = (
    "Press availability with Foreign Minister Anna Berg and Secretary Tomas Lind\n\n"
    "SECRETARY LIND: Thank you all for coming. We had a long talk about the port.\n"
    "MINISTER BERG: Norway will keep the port open for all ships this winter.\n"
    "QUESTION: Will you reopen the northern route? Our readers want to know.\n"
    "SECRETARY LIND: We will decide that next month, after the survey.\n"
    "MINISTER BERG: I agree with my colleague on that.\n")


def _turns(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.text) for s in extract(text).statements]


def test_each_labelled_turn_is_its_speakers_statement_and_questions_are_skipped() -> None:
    assert _turns(_BRIEFING) == [
        ("Tomas Lind", "Thank you all for coming. We had a long talk about the port."),
        ("Anna Berg", "Norway will keep the port open for all ships this winter."),
        ("Tomas Lind", "We will decide that next month, after the survey."),
        ("Anna Berg", "I agree with my colleague on that."),
    ]


def test_a_labelled_transcript_is_not_one_speech_of_the_title_speaker() -> None:
    speakers = {s.speaker for s in extract(_BRIEFING * 3).statements}
    assert speakers == {"Tomas Lind", "Anna Berg"}


def test_ukrainian_question_labels_are_nobodys_statement() -> None:
    text = ("Брифінг\n\nБЕРГ: Порт буде відкритий усю зиму.\nПИТАННЯ: Коли відкриють північний "
            "шлях?\nБЕРГ: Ми вирішимо це наступного місяця.\nЖУРНАЛІСТ: А рибалки?\n"
            "БЕРГ: Їхні права збережуть.\n")
    assert [s.speaker for s in extract(text).statements] == ["Берг", "Берг", "Берг"]


def test_header_lines_with_colons_are_no_transcript() -> None:
    text = ("Talks in Oslo\n\nDate: 3 May 2025\nPlace: Oslo\nSource: Ministry of Trade\n"
            "Keir Starmer said the port will open.\n")
    assert [s.speaker for s in extract(text).statements] == ["Keir Starmer"]
