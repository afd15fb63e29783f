"""Ranking helpers: the cue words of each intent, matched in Python on a few documents' sentences."""
from __future__ import annotations

import pytest

from bot.entities import EntityIndex
from bot.query.parse import parse_question
from bot.query.rank import CUE_PATTERNS, INTENT_CUES, _cues, continues, cue_hits
from bot.query.retrieve import Hit


def _rows(*texts: str) -> list[tuple[int, str, int, str]]:
    return [(i, "d", i, t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(("intent", "texts", "wanted"), [
    pytest.param("attendance", ["The talks took partners by surprise.", "Ministers took part in the talks.",
                                "Weather was fine."], ["Ministers took part in the talks."], id="phrase"),
    pytest.param("commitment", ["Norway pledged drones and promised radars.", "Norway pledges more.",
                                "Nothing here."],
                 ["Norway pledged drones and promised radars.", "Norway pledges more."],
                 id="most-cues-first"),
    pytest.param("statement", ["Він заявив про це.", "Quiet."], ["Він заявив про це."], id="cyrillic-prefix"),
    pytest.param("search", ["Anything said here."], [], id="no-cues-for-search"),
])
def test_cue_hits(intent: str, texts: list[str], wanted: list[str]) -> None:
    found = cue_hits(intent, _rows(*texts), limit=5)
    assert found == [Hit(i, "d", i, t, 0.0) for i, t in enumerate(texts) if t in wanted]
    assert [h.text for h in found] == wanted


@pytest.mark.parametrize("text", [
    "The minister SAID so, and said it twice.", "Ministers TOOK   PART; others took-part.",
    "Вона ЗАЯВИЛА, що вони заявили.", "ſaid with a long s.", "Nothing here at all.", "Saidov spoke.",
    "The attendees were represented by envoys.", "",
])
def test_cue_words_find_what_their_regex_finds(text: str) -> None:
    # The first-word check only passes over texts the regex would find nothing in.
    for cue in CUE_PATTERNS.values():
        assert cue.findall(text) == cue.pattern.findall(text)
    assert CUE_PATTERNS["statement"].findall("The minister SAID so, and said it twice.") == ["SAID", "said"]


def test_cue_hits_keep_to_the_limit() -> None:
    rows = _rows(*(f"Leader {i} said yes." for i in range(10)))
    assert len(cue_hits("statement", rows, limit=3)) == 3


@pytest.mark.parametrize(("text", "wanted"), [
    pytest.param("He added that the drones would arrive in May.", True, id="pronoun"),
    pytest.param("“We stand together,” the minister said.", True, id="quote"),
    pytest.param("Вона наголосила на санкціях.", True, id="uk-pronoun"),
    pytest.param("The hall was decorated with flags.", False, id="new-subject"),
])
def test_continues(text: str, wanted: bool) -> None:
    assert continues(text) is wanted


@pytest.mark.parametrize(("intent", "text", "carries"), [
    ("statement", "“We will not stop,” the minister wrote.", True),
    ("statement", "According to the ministry, talks went on.", True),
    ("statement", "Зеленський заявив про нові поставки.", True),
    ("statement", "The unsaid part of the plan.", False),  # a cue word inside another word
    ("commitment", "Norway will deliver radars.", True),
    ("commitment", "They will consider it.", False),
    ("commitment", "A package worth £5m.", True),
    ("commitment", "Funds of 5bn were moved.", False),  # "bn" only as a word of its own
    ("attendance", "Ministers took part by video link.", True),
    ("attendance", "Ministers took the floor.", False),
    ("meeting", "The summit took place in Rome.", True),
    ("agreement", "Countersigned copies were sent.", False),
    ("agreement", "They co-signed the memorandum.", True),
])
def test_intent_cues_are_whole_words_stems_phrases_or_marks(intent: str, text: str, carries: bool) -> None:
    assert INTENT_CUES[intent].search(text) is carries


@pytest.mark.parametrize(("text", "heading"), [
    pytest.param("Leaders meet in Rome for talks", True, id="unpunctuated"),
    pytest.param("Leaders met in Rome for talks.", False, id="a-sentence"),
    pytest.param("What did the leaders agree in Rome?", False, id="a-question"),
    pytest.param("Leaders meet in Rome\nfor talks", False, id="two-lines"),
    pytest.param("x" * 141, True, id="longest-heading"),
    pytest.param("x" * 142, False, id="too-long"),
])
def test_headings_are_short_unpunctuated_lines(text: str, heading: bool) -> None:
    query = parse_question("what did they say?", index=EntityIndex.default())
    wordy = _cues(query, "Leaders met in Rome, and they spoke of many other things there.", "")
    assert (_cues(query, text, "") < wordy - 1) is heading
