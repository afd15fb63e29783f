"""The vocabulary files under data/language: their notation, their format, the loader's API."""
from __future__ import annotations

import re

import pytest

from bot.extract import lexicon
from tests.conftest import REPO


@pytest.mark.parametrize(("entry", "matches", "misses"), [
    pytest.param("prime minister", ["prime minister", "prime\nminister", "prime  minister"],
                 ["primeminister"], id="space-is-any-whitespace"),
    pytest.param("vice-? ?president", ["vice-president", "vice president", "vicepresident"],
                 ["vice_president"], id="optional-hyphen-and-space"),
    pytest.param("прем'єр-міністр*", ["прем'єр-міністр", "прем’єр-міністра", "премʼєр-міністрові",
                                      "премєр-міністри"], ["прем-міністр"], id="apostrophe-and-ending"),
    pytest.param("secretary-general", ["secretary-general"], ["secretaryXgeneral"],
                 id="literal-hyphen"),
    pytest.param("u.s. envoy", ["u.s. envoy"], ["usa envoy"], id="dot-is-literal"),
])
def test_fragment_matches_the_spellings_an_entry_stands_for(entry: str, matches: list[str],
                                                            misses: list[str]) -> None:
    pattern = re.compile(lexicon.fragment(entry))
    assert [text for text in matches if pattern.fullmatch(text)] == matches
    assert [text for text in misses if pattern.fullmatch(text)] == []


def test_alternation_prefers_the_longest_entry() -> None:
    group = lexicon.alternation("titles", ("en",))
    assert re.match(f"(?i){group}", "Deputy Prime Minister Smith").group() == "Deputy Prime Minister"


@pytest.mark.parametrize(("entry", "expected"), [
    pytest.param("stayed away", "stayed", id="longest-word"),
    pytest.param("взя* участ*", "участ", id="cut-at-ending"),
    pytest.param("in an? evening", "evening", id="optional-character-dropped"),
    pytest.param("прем'єр-міністр", "єр-міністр", id="cut-at-apostrophe"),
    pytest.param("vice-? president", "president", id="optional-hyphen-not-literal"),
])
def test_needle_is_a_word_every_match_holds(entry: str, expected: str) -> None:
    assert lexicon.needle(entry) == expected


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        lexicon.words("fr", "titles")


def _files() -> list[pytest.ParameterSet]:
    return [pytest.param(path, id=f"{path.parent.name}/{path.name}")
            for path in sorted((REPO / "data" / "language").glob("*/*.txt"))]


@pytest.mark.parametrize("path", _files())
def test_every_vocabulary_file_is_well_formed(path: object) -> None:
    """One entry a line, no duplicates, every entry a fragment the rules can group."""
    lang, name = path.parent.name, path.stem  # type: ignore[attr-defined]
    assert lang in lexicon.LANGUAGES
    entries = lexicon.words(lang, name)
    assert entries, "an empty vocabulary"
    assert len(set(entries)) == len(entries), "an entry written twice"
    assert [e for e in entries if not e[:1].isalpha()] == [], "entries begin with a letter"
    re.compile(lexicon.alternation(name, (lang,)))
