"""The speech, commitment and document vocabularies in data/language: their format, and that
every entry is found by the pattern built from it."""
from __future__ import annotations

import re

import pytest

from bot.extract.agreements import _NOUN, _SIGN
from bot.extract.attendees import _ABSENT, _ABSENT_WORDS
from bot.extract.commitments import _NEEDLES, KINDS, _cues
from bot.extract.lexicon import LANGUAGES, words
from bot.extract.speakers import SPEECH
from storage.records import Sentence
from tests.conftest import REPO

LANGUAGE_DIR = REPO / "data" / "language"

NAMES = ("speech_verbs", "agreement_nouns", "document_verbs", "parentheticals",
         *(f"commitment_{kind}" for kind in KINDS))
FILES = [(lang, name) for lang in LANGUAGES for name in NAMES] + [
    ("en", "giving_verbs"), ("en", "acting_verbs"), ("en", "speech_verbs_object"),
    # the vocabularies of attendance, statement and speaker rules that once lived in the code
    ("en", "other_meeting_words"), ("en", "other_meeting_nouns"), ("en", "proposing_verbs"),
    ("en", "greeted"), ("en", "video_cues"), ("uk", "video_cues"),
    ("en", "speaking_elsewhere"), ("en", "absence"), ("en", "absent_verbs"), ("uk", "absent_verbs"),
    ("en", "travel_verbs"), ("en", "rule_nouns"),
    ("en", "example_words"), ("en", "scene_words"), *((lang, name) for lang in LANGUAGES for name in
                                                     ("framing_prepositions", "subject_pronouns"))]


def _example(entry: str) -> str:
    """Write an entry as a text would: "*" takes an ending, "?" is dropped."""
    return entry.replace("*", "ми").replace("?", "")


@pytest.mark.parametrize(("lang", "name"), FILES, ids=[f"{a}-{b}" for a, b in FILES])
def test_vocabulary_file_is_lower_case_once_each(lang: str, name: str) -> None:
    entries = words(lang, name)
    assert entries, f"{lang}/{name}.txt is empty"
    assert len(set(entries)) == len(entries), "an entry is listed twice"
    assert all(entry == entry.lower() for entry in entries)
    assert (LANGUAGE_DIR / lang / f"{name}.txt").read_text(encoding="utf-8").startswith("#"), \
        "each file opens with a comment that says what its words are for"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_speech_verb_is_found_whole(lang: str) -> None:
    for entry in words(lang, "speech_verbs"):
        text = f"Одна {_example(entry)} так" if lang == "uk" else f"Austin {_example(entry)} so"
        found = SPEECH.search(text)
        assert found and found.group() == _example(entry), entry
        assert not SPEECH.search(f"X {_example(entry)}ly so"), f"{entry} matched inside a word"


@pytest.mark.parametrize(("lang", "name", "frame"), [
    pytest.param("en", "absence", "Norway {cue} the talks", id="en-absence"),
    pytest.param("en", "absent_verbs", "Norway did not {cue} the talks", id="en-did-not"),
    pytest.param("en", "absent_verbs", "Norway didn’t {cue} the talks", id="en-didnt"),
    pytest.param("uk", "absent_verbs", "Норвегія не {cue} до Києва", id="uk-ne"),
])
def test_every_absence_cue_is_found_past_its_prefilter(lang: str, name: str, frame: str) -> None:
    for entry in words(lang, name):
        text = frame.format(cue=_example(entry))
        assert any(word in text.lower() for word in _ABSENT_WORDS), entry
        assert _ABSENT.search(text), entry


def _cue_kinds(text: str) -> list[str]:
    return [kind for kind, _, _ in _cues(Sentence(index=0, start=0, end=len(text), text=text))]


@pytest.mark.parametrize("kind", KINDS)
def test_every_commitment_cue_gives_its_kind(kind: str) -> None:
    for lang in LANGUAGES:
        for entry in words(lang, f"commitment_{kind}"):
            text = f"Norway {_example(entry)} more"
            assert any(needle in text for needle in _NEEDLES[kind]), entry
            assert _cue_kinds(text)[:1] == [kind], entry


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_agreement_noun_and_document_verb_is_found(lang: str) -> None:
    for entry in words(lang, "agreement_nouns"):
        assert re.fullmatch(rf"(?i){_NOUN}", _example(entry)), entry
    for entry in words(lang, "document_verbs"):
        assert _SIGN.fullmatch(_example(entry).capitalize()), entry


@pytest.mark.parametrize(("frame", "kind"), [
    pytest.param("Norway will {verb} more", "pledge", id="will"),
    pytest.param("Norway would {verb} more", "pledge", id="would"),
    pytest.param("Norway agreed to {verb} more", "pledge", id="agreed-to"),
    pytest.param("Norway decided to {verb} more", "pledge", id="decided-to"),
    pytest.param("Norway could {verb} more", "intent", id="could"),
])
def test_a_verb_of_giving_makes_the_kind_of_its_frame(frame: str, kind: str) -> None:
    for verb in words("en", "giving_verbs"):
        assert _cue_kinds(frame.format(verb=verb))[:1] == [kind], verb


def test_verbs_with_an_object_are_speech_verbs() -> None:
    assert set(words("en", "speech_verbs_object")) <= set(words("en", "speech_verbs"))


def test_a_verb_of_acting_after_will_is_an_intent() -> None:
    for verb in words("en", "acting_verbs"):
        assert _cue_kinds(f"Norway will {verb} more")[:1] == ["intent"], verb
